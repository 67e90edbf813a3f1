/**
 * Authentication: an `Authorization` header → the Viewer it proves, or UNAUTHENTICATED. Static
 * tokens (AUTH_TOKENS) are compared by their SHA-256 digests in constant time; anything else that
 * looks like a JWT is verified with jose against the one kind of key configured, with the
 * algorithms pinned to that kind (so `alg: none` and HS/RS confusion fail), `exp` required, and
 * `iss`/`aud` checked when configured.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig, JwtConfig } from '../../config.js';
import { ANONYMOUS, unauthenticated, type Role, type Viewer } from '../../domain/index.js';

export type Authenticator = (authorization: string | undefined) => Promise<Viewer>;

/** HS256 for a shared secret; the asymmetric families for a JWKS (never HS*, never none). */
const HMAC_ALGORITHMS = ['HS256'];
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** Clocks drift; a token is allowed this much either side of `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 5;

const digest = (token: string) => createHash('sha256').update(token).digest();

export function createAuthenticator(config: AuthConfig): Authenticator {
  const staticTokens = [...config.tokens].map(([token, role], i) => ({
    digest: digest(token),
    role,
    // A name for logs and history that does not reveal the token.
    subject: `token:${digest(token).toString('hex').slice(0, 8)}#${i + 1}`,
  }));
  const verifyJwt = config.jwt ? jwtVerifier(config.jwt) : undefined;

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1]!;
    const given = digest(token);
    // Check every token, so the time taken does not tell which one came close.
    let found: (typeof staticTokens)[number] | undefined;
    for (const candidate of staticTokens) if (timingSafeEqual(candidate.digest, given)) found = candidate;
    if (found) return { role: found.role, subject: found.subject };
    if (verifyJwt && token.split('.').length === 3) return verifyJwt(token);
    throw unauthenticated('The bearer token is not valid.');
  };
}

function jwtVerifier(config: JwtConfig): (token: string) => Promise<Viewer> {
  const key: Uint8Array | JWTVerifyGetKey =
    config.secret !== undefined ? new TextEncoder().encode(config.secret) : createRemoteJWKSet(new URL(config.jwksUrl!));
  const algorithms = config.secret !== undefined ? HMAC_ALGORITHMS : ASYMMETRIC_ALGORITHMS;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw unauthenticated(jwtProblem(error));
    }
    const role = highestRole(payload[config.rolesClaim]);
    if (role === null) {
      throw unauthenticated(`The token's "${config.rolesClaim}" claim names no role of this server (reader, editor, admin).`);
    }
    return { role, subject: typeof payload.sub === 'string' ? `jwt:${payload.sub}` : 'jwt' };
  };
}

/** A role claim may be one role or a list; the highest known one counts, unknown ones are ignored. */
function highestRole(claim: unknown): Role | null {
  const values = Array.isArray(claim) ? claim : [claim];
  for (const role of ['admin', 'editor', 'reader'] as const) if (values.includes(role)) return role;
  return null;
}

/** What a client may learn about why its JWT failed: the kind of failure, never the key. */
function jwtProblem(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's "${error.claim}" claim is not acceptable (${error.reason}).`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted.";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'The token was not signed by a known key.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "The token's signature does not verify.";
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return 'The keys to check the token against cannot be read now.';
  }
  return 'The bearer token is not valid.';
}
