import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../platform/log.js';
import type { AppEnv } from '../access.js';

/** One log line per request: its id, method, path, status and time taken. */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Skip the clock and the log object entirely when request lines are not wanted (LOG_LEVEL=warn).
    if (!log.isLevelEnabled('info')) return next();
    const start = performance.now();
    await next();
    log.info(
      { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - start) * 100) / 100 },
      'request',
    );
  };
}
