/**
 * Authentication and roles, against the ways servers have got them wrong: unsigned (`alg: none`)
 * and expired tokens, HS/RS key confusion, a token without `exp`, the wrong issuer or audience,
 * role claims that name nothing this server knows, and a role rule that lets a lower role through.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig, type AuthConfig } from '../../src/config.js';
import { DomainError, ErrorCode, requireRole, type Viewer } from '../../src/domain/index.js';
import { createAuthenticator } from '../../src/server/auth/authenticator.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes!';
const READER_TOKEN = 'reader-token-0123456789';
const EDITOR_TOKEN = 'editor-token-0123456789';
const ADMIN_TOKEN = 'admin-token-01234567890';

function auth(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return {
    tokens: new Map([
      [READER_TOKEN, 'reader'],
      [EDITOR_TOKEN, 'editor'],
      [ADMIN_TOKEN, 'admin'],
    ]),
    jwt: { secret: SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined, rolesClaim: 'roles' },
    readAccess: 'open',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const hs256 = (claims: Record<string, unknown>, key: string | Uint8Array = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .sign(typeof key === 'string' ? new TextEncoder().encode(key) : key);

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('static API tokens', () => {
  const authenticate = createAuthenticator(auth());

  it('gives each configured token its role, and no header means anonymous', async () => {
    expect((await authenticate(`Bearer ${READER_TOKEN}`)).role).toBe('reader');
    expect((await authenticate(`bearer ${EDITOR_TOKEN}`)).role).toBe('editor');
    expect((await authenticate(`Bearer ${ADMIN_TOKEN}`)).role).toBe('admin');
    expect(await authenticate(undefined)).toEqual({ role: null, subject: 'anonymous' });
  });

  it('never names a token in the subject it logs', async () => {
    const viewer = await authenticate(`Bearer ${ADMIN_TOKEN}`);
    expect(viewer.subject).toMatch(/^token:[0-9a-f]{8}#3$/);
    expect(viewer.subject).not.toContain(ADMIN_TOKEN.slice(0, 6));
  });

  it('refuses an unknown token, a near miss, another scheme and a malformed header', async () => {
    for (const header of [
      'Bearer not-a-configured-token',
      `Bearer ${READER_TOKEN}x`,
      `Bearer ${READER_TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`user:${READER_TOKEN}`).toString('base64')}`,
      `Bearer ${READER_TOKEN} extra`,
      'Bearer',
    ]) {
      const error = await rejection(authenticate(header));
      expect(error.code, header).toBe(ErrorCode.UNAUTHENTICATED);
    }
  });
});

describe('HS256 JWTs', () => {
  const authenticate = createAuthenticator(auth());

  it('takes the highest known role of the roles claim, as a list or one string', async () => {
    const withoutExp = await hs256({ sub: 'ana', roles: ['reader', 'editor', 'owner'] });
    const signed = await new SignJWT({ sub: 'ana', roles: ['reader', 'editor', 'owner'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    expect(await authenticate(`Bearer ${signed}`)).toEqual({ role: 'editor', subject: 'jwt:ana' });
    const single = await new SignJWT({ roles: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    expect((await authenticate(`Bearer ${single}`)).role).toBe('admin');
    // Without exp the same claims are refused (below): a token must not live for ever.
    expect((await rejection(authenticate(`Bearer ${withoutExp}`))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('refuses a token without exp, an expired one, one signed with another secret, and unknown roles', async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await hs256({ roles: ['admin'] });
    const expired = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const otherSecret = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-of-at-least-thirty-two-bytes'));
    const noRole = await new SignJWT({ roles: ['owner'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(key);
    const messages: string[] = [];
    for (const token of [noExp, expired, otherSecret, noRole]) {
      const error = await rejection(authenticate(`Bearer ${token}`));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
      messages.push(error.message);
    }
    expect(messages[1]).toBe('The token has expired.');
    expect(messages[2]).toBe("The token's signature does not verify.");
    expect(messages[3]).toContain('"roles" claim names no role');
  });

  it('refuses an unsigned token (alg: none) whatever it claims', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ roles: ['admin'], exp })}.`;
    expect((await rejection(authenticate(`Bearer ${unsigned}`))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('checks the issuer and the audience when they are configured', async () => {
    const strict = createAuthenticator(
      auth({ jwt: { secret: SECRET, jwksUrl: undefined, issuer: 'https://id.example', audience: 'kg', rolesClaim: 'roles' } }),
    );
    const key = new TextEncoder().encode(SECRET);
    const sign = (iss: string, aud: string) =>
      new SignJWT({ roles: ['editor'] }).setProtectedHeader({ alg: 'HS256' }).setIssuer(iss).setAudience(aud).setExpirationTime('5m').sign(key);
    expect((await strict(`Bearer ${await sign('https://id.example', 'kg')}`)).role).toBe('editor');
    expect((await rejection(strict(`Bearer ${await sign('https://evil.example', 'kg')}`))).message).toContain('"iss"');
    expect((await rejection(strict(`Bearer ${await sign('https://id.example', 'other')}`))).message).toContain('"aud"');
  });
});

describe('JWTs checked against a JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let publicPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const withJwks = () =>
    createAuthenticator(auth({ jwt: { secret: undefined, jwksUrl, issuer: undefined, audience: undefined, rolesClaim: 'roles' } }));

  it('accepts an RS256 token signed by a key of the set', async () => {
    const token = await new SignJWT({ sub: 'bo', roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await withJwks()(`Bearer ${token}`)).toEqual({ role: 'admin', subject: 'jwt:bo' });
  });

  it('refuses an HS256 token keyed with the public key (HS/RS confusion)', async () => {
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    const error = await rejection(withJwks()(`Bearer ${forged}`));
    expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(error.message).toBe("The token's signing algorithm is not accepted.");
  });

  it('refuses an RS256 token where only an HS256 secret is configured', async () => {
    const token = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setExpirationTime('5m').sign(privateKey);
    expect((await rejection(createAuthenticator(auth())(`Bearer ${token}`))).code).toBe(ErrorCode.UNAUTHENTICATED);
  });
});

describe('roles', () => {
  const viewer = (role: Viewer['role']): Viewer => ({ role, subject: 'x' });
  const refusal = (v: Viewer, needed: 'reader' | 'editor' | 'admin') => {
    try {
      requireRole(v, needed, 'do it');
      return null;
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('asks anonymous viewers to authenticate and forbids roles below the one needed', () => {
    expect(refusal(viewer(null), 'reader')).toBe(ErrorCode.UNAUTHENTICATED);
    expect(refusal(viewer('reader'), 'editor')).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(viewer('editor'), 'admin')).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(viewer('reader'), 'admin')).toBe(ErrorCode.FORBIDDEN);
  });

  it('lets a role do what the roles below it may', () => {
    expect(refusal(viewer('admin'), 'editor')).toBeNull();
    expect(refusal(viewer('admin'), 'reader')).toBeNull();
    expect(refusal(viewer('editor'), 'editor')).toBeNull();
    expect(refusal(viewer('reader'), 'reader')).toBeNull();
  });
});

describe('auth configuration', () => {
  const config = (env: Record<string, string>) => readConfig({ DATA_DIR: ':memory:', ...env }).auth;
  const problem = (env: Record<string, string>) => {
    try {
      config(env);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
  };

  it('reads tokens with their roles, and is open for reads and closed for writes by default', () => {
    const auth = config({ AUTH_TOKENS: `${READER_TOKEN}=reader, ${ADMIN_TOKEN}=admin` });
    expect([...auth.tokens]).toEqual([
      [READER_TOKEN, 'reader'],
      [ADMIN_TOKEN, 'admin'],
    ]);
    expect(auth.readAccess).toBe('open');
    expect(config({}).tokens.size).toBe(0);
    expect(config({}).jwt).toBeUndefined();
  });

  it('refuses settings that would leave the server open or unusable, without echoing tokens', () => {
    expect(problem({ AUTH_TOKENS: 'short=admin' })).toContain('at least 16 characters');
    expect(problem({ AUTH_TOKENS: `${READER_TOKEN}=root` })).toContain('token=role');
    expect(problem({ AUTH_TOKENS: `${READER_TOKEN}=reader,${READER_TOKEN}=admin` })).toContain('repeats a token');
    expect(problem({ AUTH_TOKENS: `${READER_TOKEN}=root` })).not.toContain(READER_TOKEN);
    expect(problem({ AUTH_JWT_SECRET: 'too-short' })).toContain('at least 32 bytes');
    expect(problem({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://id.example/jwks' })).toContain('not both');
    expect(problem({ READ_ACCESS: 'closed' })).toContain('nobody could read');
    expect(problem({ READ_ACCESS: 'sometimes' })).toContain('READ_ACCESS must be one of open, closed');
  });
});
