/**
 * The one place where errors become what a client sees. Domain errors keep their code and
 * message; GraphQL's own errors (parse, validation, variable coercion) pass through; anything
 * else is logged with the request id and reaches the client as INTERNAL_SERVER_ERROR without
 * internals.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../domain/index.js';

/** Codes that GraphQL and Apollo Server give to errors in the request itself. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function createErrorFormatter(log: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      if (original.code === ErrorCode.STORE_UNAVAILABLE) {
        // Operators get the details (URI, driver cause); clients only learn to try again.
        log.error({ err: original, path: formatted.path }, 'store unavailable');
        return {
          message: 'The graph database is unavailable; try again later.',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: original.code },
        };
      }
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _omitted, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
