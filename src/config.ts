/**
 * Environment → typed configuration. Read once, in main.ts; a bad value stops the process with
 * a message that names the variable.
 */
import path from 'node:path';
import { isRole, ROLES, type Role } from './domain/index.js';
import { SEED_FILE } from './ingest/dataset-file.js';

/** DATA_DIR's default: `.data` in the directory the server is started from (git-ignored). */
export const DEFAULT_DATA_DIR = './.data';
/** DATA_DIR's value for an embedded store that keeps nothing on disk. */
export const IN_MEMORY = ':memory:';

export interface Neo4jConfig {
  readonly uri: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
  readonly connectTimeoutMs: number;
}

/** Limits checked before a query runs (see src/server/plugins/limits) and on what it returns. */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** The longest list any field may return. */
  readonly maxListLength: number;
  /** The largest response body, in bytes of JSON. */
  readonly maxResponseBytes: number;
}

export interface Timeouts {
  /** A GraphQL request's deadline; its store work is cancelled when it passes. */
  readonly requestMs: number;
  /** How long a client may take to send the request's headers. */
  readonly httpHeadersMs: number;
  /** How long a client may take to send the whole request, body included. */
  readonly httpRequestMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly httpKeepAliveMs: number;
}

/** The variable that sets each query limit, named in the error a client gets when it is exceeded. */
export const LIMIT_VARIABLES: Readonly<Record<keyof QueryLimits, string>> = {
  maxDepth: 'MAX_QUERY_DEPTH',
  maxAliases: 'MAX_QUERY_ALIASES',
  maxDirectives: 'MAX_QUERY_DIRECTIVES',
  maxTokens: 'MAX_QUERY_TOKENS',
  maxCost: 'MAX_QUERY_COST',
  maxListLength: 'MAX_LIST_LENGTH',
  maxResponseBytes: 'MAX_RESPONSE_BYTES',
};

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 6,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1_000,
  maxCost: 5_000,
  maxListLength: 1_000,
  maxResponseBytes: 5_000_000,
};

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 10_000,
  httpHeadersMs: 10_000,
  httpRequestMs: 30_000,
  httpKeepAliveMs: 5_000,
};

/**
 * The playground: 'graphiql' serves GraphiQL at /graphiql from the server's own files (and sends
 * browsers that open /graphql there); 'apollo' does that too but keeps Apollo's landing page at
 * /graphql, which loads Apollo Sandbox from Apollo's CDN; false serves neither.
 */
export type Playground = 'graphiql' | 'apollo' | false;

/** JWTs as credentials (verified with jose): an HS256 secret, or a JWKS URL for asymmetric keys. */
export interface JwtConfig {
  /** AUTH_JWT_SECRET: the HS256 key, at least 32 bytes. */
  readonly secret: string | undefined;
  /** AUTH_JWKS_URL: where the public keys are (RS256, PS256, ES256, EdDSA). */
  readonly jwksUrl: string | undefined;
  /** AUTH_JWT_ISSUER: when set, the `iss` a token must have. */
  readonly issuer: string | undefined;
  /** AUTH_JWT_AUDIENCE: when set, an `aud` a token must have. */
  readonly audience: string | undefined;
  /** AUTH_JWT_ROLES_CLAIM (default `roles`): the claim with the token's role or roles. */
  readonly rolesClaim: string;
}

export interface AuthConfig {
  /** AUTH_TOKENS (`token=role,token=role`): static API tokens and their roles. */
  readonly tokens: ReadonlyMap<string, Role>;
  readonly jwt: JwtConfig | undefined;
  /** READ_ACCESS: `open` (the default) lets anyone read; `closed` needs credentials of any role. */
  readonly readAccess: 'open' | 'closed';
}

export interface Config {
  readonly port: number;
  /** undefined: every interface. */
  readonly host: string | undefined;
  /** undefined selects the embedded store. */
  readonly neo4j: Neo4jConfig | undefined;
  /**
   * The embedded store's data directory (DATA_DIR, absolute), or null for an embedded store in
   * memory only (DATA_DIR=:memory:). Not used with Neo4j.
   */
  readonly dataDir: string | null;
  readonly seed: boolean;
  readonly seedFile: string;
  readonly logLevel: string;
  readonly playground: Playground;
  /** The analysts' explorer at / (it uses only the public API, so it is on in production too). */
  readonly explorer: boolean;
  /** Browser origins allowed to call the API: '*' for any, or a list. */
  readonly corsOrigins: '*' | readonly string[];
  readonly limits: QueryLimits;
  readonly timeouts: Timeouts;
  /** Hide "Did you mean ...?" suggestions, which reveal the schema, from error messages. */
  readonly maskSuggestions: boolean;
  /** Prometheus metrics at GET /metrics. */
  readonly metrics: boolean;
  readonly auth: AuthConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env = process.env): Config {
  const uri = nonEmpty(env.NEO4J_URI);
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: nonEmpty(env.HOST),
    neo4j: uri
      ? {
          uri: neo4jUri(uri),
          username: nonEmpty(env.NEO4J_USERNAME),
          password: env.NEO4J_PASSWORD,
          database: nonEmpty(env.NEO4J_DATABASE),
          connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 30_000, 0, 3_600_000),
        }
      : undefined,
    dataDir: dataDir(env.DATA_DIR),
    seed: boolean(env, 'SEED', true),
    seedFile: nonEmpty(env.SEED_FILE) ?? SEED_FILE,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    playground: playground(env),
    explorer: boolean(env, 'EXPLORER', true),
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    limits: queryLimits(env),
    timeouts: timeouts(env),
    maskSuggestions: boolean(env, 'MASK_SUGGESTIONS', env.NODE_ENV === 'production'),
    metrics: boolean(env, 'METRICS', true),
    auth: authConfig(env),
  };
}

/** Static tokens must be long enough not to be guessed: 16 characters of a token alphabet. */
const TOKEN = /^[A-Za-z0-9._~+/-]{16,}$/;

function authConfig(env: Env): AuthConfig {
  const tokens = new Map<string, Role>();
  const raw = nonEmpty(env.AUTH_TOKENS);
  if (raw !== undefined) {
    raw.split(',').forEach((entry, i) => {
      const at = `AUTH_TOKENS entry ${i + 1}`; // never echo a token
      const eq = entry.lastIndexOf('=');
      const token = entry.slice(0, Math.max(eq, 0)).trim();
      const role = entry.slice(eq + 1).trim();
      if (eq < 0 || !isRole(role)) {
        throw new ConfigError(`${at} must be token=role with a role of ${ROLES.join(', ')}.`);
      }
      if (!TOKEN.test(token)) {
        throw new ConfigError(`${at}: a token must be at least 16 characters of letters, digits and . _ ~ + / -.`);
      }
      if (tokens.has(token)) throw new ConfigError(`${at} repeats a token given before it.`);
      tokens.set(token, role);
    });
  }
  const secret = nonEmpty(env.AUTH_JWT_SECRET);
  const jwksUrl = nonEmpty(env.AUTH_JWKS_URL);
  if (secret !== undefined && jwksUrl !== undefined) {
    // One kind of key: accepting both is how HS/RS confusion starts.
    throw new ConfigError('Set AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (asymmetric keys), not both.');
  }
  if (secret !== undefined && Buffer.byteLength(secret) < 32) {
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 bytes (an HS256 key of 256 bits).');
  }
  if (jwksUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(jwksUrl)) {
    throw new ConfigError(`AUTH_JWKS_URL must be an http(s) URL; got "${jwksUrl}".`);
  }
  const jwt =
    secret !== undefined || jwksUrl !== undefined
      ? {
          secret,
          jwksUrl,
          issuer: nonEmpty(env.AUTH_JWT_ISSUER),
          audience: nonEmpty(env.AUTH_JWT_AUDIENCE),
          rolesClaim: nonEmpty(env.AUTH_JWT_ROLES_CLAIM) ?? 'roles',
        }
      : undefined;
  const readAccess = oneOf(env, 'READ_ACCESS', 'open', ['open', 'closed']) as 'open' | 'closed';
  if (readAccess === 'closed' && tokens.size === 0 && jwt === undefined) {
    throw new ConfigError('READ_ACCESS=closed needs AUTH_TOKENS or a JWT setting (AUTH_JWT_SECRET or AUTH_JWKS_URL): nobody could read.');
  }
  return { tokens, jwt, readAccess };
}

function queryLimits(env: Env): QueryLimits {
  const limit = (key: keyof QueryLimits, max: number) =>
    integer(env, LIMIT_VARIABLES[key], DEFAULT_LIMITS[key], 1, max);
  return {
    maxDepth: limit('maxDepth', 100),
    maxAliases: limit('maxAliases', 10_000),
    maxDirectives: limit('maxDirectives', 10_000),
    maxTokens: limit('maxTokens', 1_000_000),
    maxCost: limit('maxCost', 100_000_000),
    maxListLength: limit('maxListLength', 10_000_000),
    maxResponseBytes: limit('maxResponseBytes', 1_000_000_000),
  };
}

function timeouts(env: Env): Timeouts {
  const httpRequestMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.httpRequestMs, 1_000, 3_600_000);
  const httpHeadersMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', DEFAULT_TIMEOUTS.httpHeadersMs, 1_000, 3_600_000);
  if (httpHeadersMs > httpRequestMs) {
    // Node refuses a headers timeout longer than the request timeout.
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${httpHeadersMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${httpRequestMs}).`,
    );
  }
  return {
    requestMs: integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 100, 3_600_000),
    httpHeadersMs,
    httpRequestMs,
    httpKeepAliveMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_TIMEOUTS.httpKeepAliveMs, 0, 3_600_000),
  };
}

function playground(env: Env): Playground {
  const raw = nonEmpty(env.PLAYGROUND)?.toLowerCase();
  if (raw === undefined) return env.NODE_ENV === 'production' ? false : 'graphiql';
  if (['true', '1', 'yes', 'graphiql'].includes(raw)) return 'graphiql';
  if (raw === 'apollo') return 'apollo';
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`PLAYGROUND must be true (or graphiql), apollo or false; got "${env.PLAYGROUND}".`);
}

function dataDir(raw: string | undefined): string | null {
  const value = nonEmpty(raw) ?? DEFAULT_DATA_DIR;
  if (value === IN_MEMORY) return null;
  if (value.includes('\0')) throw new ConfigError('DATA_DIR must be a directory path or :memory:; it holds a NUL character.');
  return path.resolve(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; got "${env[name]}".`);
}

function oneOf(env: Env, name: string, fallback: string, allowed: readonly string[]): string {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}; got "${raw}".`);
  }
  return raw;
}

function neo4jUri(uri: string): string {
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    throw new ConfigError(
      `NEO4J_URI must look like bolt://host:7687 or neo4j://host:7687; got "${uri}".`,
    );
  }
  return uri;
}

function corsOrigins(raw: string | undefined): '*' | string[] {
  const value = nonEmpty(raw);
  if (value === undefined || value === '*') return '*';
  const origins = value.split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[^\s/]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must be * or a comma-separated list of origins like http://localhost:5173; got "${origin}".`,
      );
    }
  }
  return origins;
}
