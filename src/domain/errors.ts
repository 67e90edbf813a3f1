/**
 * Every error code a client can see. Domain and store code throw `DomainError`s; the GraphQL
 * layer maps them to `extensions.code` in one place.
 */
export enum ErrorCode {
  /** The HTTP request itself is unusable: a body that is not JSON, or too large. */
  BAD_REQUEST = 'BAD_REQUEST',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  STORE_UNAVAILABLE = 'STORE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function badInput(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
}

export function notFound(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, message, details);
}

export function storeUnavailable(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.STORE_UNAVAILABLE, message, details);
}

/** For exhaustive switches: a new enum member makes the call site fail to compile. */
export function unreachable(value: never): never {
  throw new Error(`Unreachable case: ${String(value)}`);
}
