import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../http/access.js';

/**
 * Errors as Ghost's APIs write them, `{ errors: [{ message, context, type, … }] }`, which Ghost's client
 * libraries read and rethrow. `type` is Ghost's error class name (UnauthorizedError, NotFoundError…).
 */
export class GhostApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 422,
    readonly type: string,
    message: string,
    readonly context: string | null = null,
  ) {
    super(message);
  }
}

export function ghostErrorResponse(c: AppContext, err: GhostApiError): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ errors: [{ message: err.message, context: err.context, type: err.type, details: null, property: null, help: null, code: null, id: randomUUID(), ghostErrorCode: null }] }, err.status);
}

/** Runs a handler, answering Ghost-shaped errors for what it throws as GhostApiError. */
export function ghostHandler(handler: (c: AppContext) => Promise<Response>): (c: AppContext) => Promise<Response> {
  return async (c) => {
    try {
      return await handler(c);
    } catch (err) {
      if (err instanceof GhostApiError) return ghostErrorResponse(c, err);
      throw err;
    }
  };
}
