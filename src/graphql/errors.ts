/**
 * The one place where errors become what a client sees. Domain errors keep their code, message
 * and details; errors of a query limit keep theirs; GraphQL's own errors in the request (parse,
 * validation, variable coercion) pass through; anything else reaches the client as
 * INTERNAL_SERVER_ERROR without internals. `logUnexpectedErrors` logs what was masked, and store
 * outages, with the request id.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../domain/index.js';
import type { GraphContext } from './context.js';

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

/** Turns an error some server feature raised into what a client sees, or null when not its own. */
export type ErrorRecogniser = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError | null;

export interface ErrorFormatterOptions {
  /** Asked in order before the generic rules (e.g. the query limits' errors). */
  readonly recognisers?: readonly ErrorRecogniser[];
  /**
   * Remove "Did you mean ...?" from every message. Apollo's hideSchemaDetailsFromClientErrors
   * does so for validation errors only; variable coercion ("Value "PERSN" does not exist in
   * "EntityKind" enum. Did you mean the enum value "PERSON"?") happens later and kept it.
   */
  readonly maskSuggestions?: boolean;
}

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** The DomainError behind an error, however deeply GraphQL or Apollo wrapped it. */
export function domainErrorIn(error: unknown): DomainError | null {
  let current: unknown = unwrapResolverError(error);
  for (let hops = 0; hops < 5 && current instanceof Error; hops++) {
    if (current instanceof DomainError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return null;
}

export function createErrorFormatter({ recognisers = [], maskSuggestions = false }: ErrorFormatterOptions = {}) {
  const format = formatWithoutMasking(recognisers);
  if (!maskSuggestions) return format;
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const result = format(formatted, error);
    return SUGGESTION.test(result.message) ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
  };
}

function formatWithoutMasking(recognisers: readonly ErrorRecogniser[]) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const domain = domainErrorIn(error);
    if (domain) {
      if (domain.code === ErrorCode.STORE_UNAVAILABLE) {
        // Operators get the details (URI, driver cause) in the log; clients only learn to try again.
        return {
          message: 'The graph database is unavailable; try again later.',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: domain.code },
        };
      }
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...domain.details, code: domain.code },
      };
    }
    for (const recognise of recognisers) {
      const recognised = recognise(formatted, error);
      if (recognised) return recognised;
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _omitted, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isCodelessRequestError(error)) {
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * An error Apollo raises about the request itself without giving it a code, e.g. "provided sha
 * does not match query" or "Unsupported persisted query version" (automatic persisted queries):
 * raised before execution (no path, no original error) with a 4xx HTTP status.
 */
function isCodelessRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.path !== undefined) return false;
  if (error.extensions['code'] !== undefined) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Whether an error reaches clients masked as INTERNAL_SERVER_ERROR (and so needs a log line). */
function isUnexpected(error: GraphQLError): boolean {
  if (domainErrorIn(error)) return false;
  if (isCodelessRequestError(error)) return false;
  const code = error.extensions['code'];
  if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || code in ErrorCode)) return false;
  const original = error.originalError;
  return !(original instanceof GraphQLError && typeof original.extensions['code'] === 'string');
}

/** Logs, with the request's own logger (it carries the request id), what clients see only masked. */
export function logUnexpectedErrors(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const domain = domainErrorIn(error);
            if (domain?.code === ErrorCode.STORE_UNAVAILABLE) {
              contextValue.log.error({ err: domain, path: error.path }, 'store unavailable');
            } else if (isUnexpected(error)) {
              contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error while resolving');
            }
          }
        },
      };
    },
  };
}
