import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines in production; a readable stream in development (pino-pretty in a worker thread). */
export function createLogger(opts: { level: string; format: 'json' | 'pretty' }): Logger {
  if (opts.format === 'pretty') {
    return pino({ level: opts.level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level: opts.level });
}
