/**
 * The one error type. `messageKey` names a string in the i18n catalogues so the single error
 * handler can answer in the reader's language; `code` is stable for logs, tests and APIs.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly messageKey: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code = 'NOT_FOUND') => new AppError(code, 404, 'error.notFound');
