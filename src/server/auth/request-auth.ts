/**
 * Authentication of one GraphQL request, before any resolver runs: the viewer its Authorization
 * header proves. Bad credentials are refused even where reads are open (a client that sends a
 * token expects it to count); with READ_ACCESS=closed a request without credentials is refused.
 * Refusals are 401s with `WWW-Authenticate: Bearer` and the code UNAUTHENTICATED.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuthConfig } from '../../config.js';
import { DomainError, ErrorCode, unauthenticated, type Viewer } from '../../domain/index.js';
import type { Authenticator } from './authenticator.js';

export async function authenticateRequest(
  authenticate: Authenticator,
  readAccess: AuthConfig['readAccess'],
  authorization: string | undefined,
): Promise<Viewer> {
  try {
    const viewer = await authenticate(authorization);
    if (viewer.role === null && readAccess === 'closed') {
      throw unauthenticated('This server needs credentials to read: send "Authorization: Bearer <token>".');
    }
    return viewer;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: {
          code: error.code,
          http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
        },
      });
    }
    throw error;
  }
}
