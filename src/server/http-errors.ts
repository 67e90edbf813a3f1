/**
 * Errors before GraphQL runs (a body that is not JSON, or too large) answered as GraphQL-shaped
 * JSON with a code, instead of express's default HTML page with a stack trace.
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../domain/index.js';

export interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** The status and JSON body that answer an error met before GraphQL. */
export function httpErrorAnswer(error: HttpError, bodyLimit: string): { status: number; body: string } {
  const status = error.status ?? error.statusCode ?? 500;
  const message =
    error.type === 'entity.too.large'
      ? `The request body is larger than the limit of ${bodyLimit}.`
      : error.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON.'
        : status < 500
          ? error.message
          : 'Internal server error.';
  const body = JSON.stringify({
    errors: [
      {
        message,
        extensions: { code: status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR },
      },
    ],
  });
  return { status, body };
}

export function httpErrorHandler(log: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body } = httpErrorAnswer(error, bodyLimit);
    if (status >= 500) log.error({ err: error }, 'unexpected error before GraphQL');
    res.status(status).type('application/json').send(body);
  };
}
