/**
 * Environment → typed configuration. Read once, in main.ts; a bad value stops the process with
 * a message that names the variable.
 */
import { SEED_FILE } from './ingest/dataset-file.js';

export interface Neo4jConfig {
  readonly uri: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
  readonly connectTimeoutMs: number;
}

export interface Config {
  readonly port: number;
  /** undefined: every interface. */
  readonly host: string | undefined;
  /** undefined selects the embedded store. */
  readonly neo4j: Neo4jConfig | undefined;
  readonly seed: boolean;
  readonly seedFile: string;
  readonly logLevel: string;
  readonly playground: boolean;
  /** Browser origins allowed to call the API: '*' for any, or a list. */
  readonly corsOrigins: '*' | readonly string[];
  /** Prometheus metrics at GET /metrics. */
  readonly metrics: boolean;
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
    seed: boolean(env, 'SEED', true),
    seedFile: nonEmpty(env.SEED_FILE) ?? SEED_FILE,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    playground: boolean(env, 'PLAYGROUND', env.NODE_ENV !== 'production'),
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    metrics: boolean(env, 'METRICS', true),
  };
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
