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
  /** The request ran past its deadline (REQUEST_TIMEOUT_MS); its store work was cancelled. */
  DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED',
  /** The query nests fields deeper than MAX_QUERY_DEPTH. */
  DEPTH_LIMIT_EXCEEDED = 'DEPTH_LIMIT_EXCEEDED',
  /** The query has more aliases than MAX_QUERY_ALIASES. */
  ALIAS_LIMIT_EXCEEDED = 'ALIAS_LIMIT_EXCEEDED',
  /** The query has more directives than MAX_QUERY_DIRECTIVES. */
  DIRECTIVE_LIMIT_EXCEEDED = 'DIRECTIVE_LIMIT_EXCEEDED',
  /** The query text has more tokens than MAX_QUERY_TOKENS. */
  TOKEN_LIMIT_EXCEEDED = 'TOKEN_LIMIT_EXCEEDED',
  /** The query's estimated cost is over MAX_QUERY_COST. */
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  /** A list or the whole response is larger than MAX_LIST_LENGTH or MAX_RESPONSE_BYTES. */
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  /** No credentials where they are needed, or credentials that do not check out. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Credentials that check out, of a role not allowed to do this. */
  FORBIDDEN = 'FORBIDDEN',
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

export function deadlineExceeded(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.DEADLINE_EXCEEDED, message, details);
}

export function unauthenticated(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message, details);
}

export function forbidden(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, details);
}

/** For exhaustive switches: a new enum member makes the call site fail to compile. */
export function unreachable(value: never): never {
  throw new Error(`Unreachable case: ${String(value)}`);
}
