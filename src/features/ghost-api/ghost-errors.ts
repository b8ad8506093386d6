import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import type { AppContext } from '../../http/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Errors as Ghost's APIs write them, `{ errors: [{ message, context, type, … }] }`, which Ghost's client
 * libraries read and rethrow. `type` is Ghost's error class name (UnauthorizedError, NotFoundError…).
 */
export class GhostApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 501,
    readonly type: string,
    message: string,
    readonly context: string | null = null,
    readonly property: string | null = null,
  ) {
    super(message);
  }
}

export function ghostErrorResponse(c: AppContext, err: GhostApiError): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ errors: [{ message: err.message, context: err.context, type: err.type, details: null, property: err.property, help: null, code: null, id: randomUUID(), ghostErrorCode: null }] }, err.status);
}

const TYPES: Record<number, string> = { 403: 'NoPermissionError', 404: 'NotFoundError', 409: 'UpdateCollisionError', 413: 'RequestEntityTooLargeError', 415: 'UnsupportedMediaTypeError', 422: 'ValidationError' };

/** What the services refuse (AppError, ZodError), said the way Ghost says it. */
export function asGhostError(err: unknown, fieldName: (field: string) => string = (f) => f): GhostApiError | undefined {
  if (err instanceof GhostApiError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0]!;
    const field = fieldName(issue.path.map(String).join('.'));
    return new GhostApiError(422, 'ValidationError', `Validation error, cannot save ${field || 'the request'}.`, issue.message, field || null);
  }
  if (err instanceof AppError && TYPES[err.status]) {
    const d = err.details ?? {};
    const field = typeof d['field'] === 'string' ? fieldName(d['field']) : null;
    const context =
      err.code === 'ARTICLE_LOCKED' ? `${String(d['holder'])} is editing this article in the newsroom; try again when they have finished.`
      : field ? `The value of ${field} is not valid.`
      : Object.keys(d).length ? JSON.stringify(d)
      : null;
    return new GhostApiError(err.status as GhostApiError['status'], TYPES[err.status]!, err.code.toLowerCase().replace(/_/g, ' '), context, field);
  }
  return undefined;
}

/** Runs a handler, answering Ghost-shaped errors for what it throws as GhostApiError (or a service refusal). */
export function ghostHandler(handler: (c: AppContext) => Promise<Response>): (c: AppContext) => Promise<Response> {
  return async (c) => {
    try {
      return await handler(c);
    } catch (err) {
      const ghost = asGhostError(err);
      if (ghost) return ghostErrorResponse(c, ghost);
      throw err;
    }
  };
}
