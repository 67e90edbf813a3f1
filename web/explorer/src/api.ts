/**
 * The explorer's only way to the server: POST /graphql on this origin, typed by the generated
 * documents. Every failure becomes an ApiError with a code and a message the page can show:
 * the server's own `extensions.code` for GraphQL errors, NETWORK_ERROR when it cannot be reached,
 * HTTP_<status> for an answer that is not GraphQL, UNAUTHENTICATED for a 401 (a server whose reads
 * are closed, READ_ACCESS=closed, refuses a page that sends no credentials). With a token given
 * (`credentials`), every request carries it as `Authorization: Bearer`.
 */
import type { TypedDocumentString } from '../gql/graphql.js';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    /** For a refused write (BAD_USER_INPUT): every problem the server found, each naming its field. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

const ENDPOINT = '/graphql';
const TOKEN_KEY = 'kg-explorer-token';

/**
 * The bearer token the page sends with every request, once an editor has given one (the review
 * view asks for it): kept for this tab only (sessionStorage), never in the address or a cookie.
 */
export const credentials = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: { code?: string; problems?: unknown } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const query = document.toString();
  const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      },
      body: JSON.stringify({ query, variables, operationName }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      'NETWORK_ERROR',
      `The server cannot be reached (${error instanceof Error ? error.message : String(error)}). Check that it is running, then try again.`,
    );
  }
  let body: GraphQLBody<TResult>;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    if (response.status === 401) throw new ApiError('UNAUTHENTICATED', 'The server wants credentials.');
    throw new ApiError(`HTTP_${response.status}`, `The server answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  const first = body.errors?.[0];
  if (response.status === 401) {
    throw new ApiError('UNAUTHENTICATED', first?.message ?? 'The server wants credentials.');
  }
  if (first) {
    const problems = Array.isArray(first.extensions?.problems) ? first.extensions.problems.map(String) : [];
    throw new ApiError(first.extensions?.code ?? `HTTP_${response.status}`, first.message ?? 'The query failed.', problems);
  }
  if (body.data == null) {
    throw new ApiError(`HTTP_${response.status}`, 'The server answered without data.');
  }
  return body.data;
}
