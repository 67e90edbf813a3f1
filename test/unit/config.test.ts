import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded store on port 4000 with the seed and any CORS origin', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 4000, host: undefined, neo4j: undefined, seed: true, corsOrigins: '*', metrics: true });
    expect(config.seedFile).toMatch(/data\/seed\.json$/);
  });

  it('selects Neo4j when NEO4J_URI is set, with credentials and database', () => {
    const config = readConfig({
      NEO4J_URI: 'neo4j://db.internal:7687',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
    });
    expect(config.neo4j).toEqual({
      uri: 'neo4j://db.internal:7687',
      username: 'neo4j',
      password: 'secret',
      database: 'graph',
      connectTimeoutMs: 30_000,
    });
  });

  it('rejects bad values with a message that names the variable', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535; got "70000"\.$/],
      [{ SEED: 'maybe' }, /^SEED must be true or false; got "maybe"\.$/],
      [{ NEO4J_URI: 'http://localhost:7474' }, /^NEO4J_URI must look like bolt:\/\/host:7687/],
      [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
      [{ CORS_ORIGINS: 'localhost:5173' }, /^CORS_ORIGINS must be \* or a comma-separated list/],
      [{ METRICS: 'off' }, /^METRICS must be true or false; got "off"\.$/],
      [{ PLAYGROUND: 'sandbox' }, /^PLAYGROUND must be true \(or graphiql\), apollo or false; got "sandbox"\.$/],
    ];
    for (const [env, message] of cases) {
      expect(() => readConfig(env)).toThrow(ConfigError);
      expect(() => readConfig(env)).toThrow(message);
    }
  });

  it('reads SEED=false, a list of CORS origins, the playground and metrics switches', () => {
    const config = readConfig({ SEED: 'false', CORS_ORIGINS: 'http://a.test, https://b.test', NODE_ENV: 'production', METRICS: 'false' });
    expect(config.metrics).toBe(false);
    expect(config.seed).toBe(false);
    expect(config.corsOrigins).toEqual(['http://a.test', 'https://b.test']);
    expect(config.playground).toBe(false);
  });

  it('serves GraphiQL as the playground unless NODE_ENV=production; PLAYGROUND chooses', () => {
    expect(readConfig({}).playground).toBe('graphiql');
    expect(readConfig({ NODE_ENV: 'production' }).playground).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' }).playground).toBe('graphiql');
    expect(readConfig({ PLAYGROUND: 'GraphiQL' }).playground).toBe('graphiql');
    expect(readConfig({ PLAYGROUND: 'apollo' }).playground).toBe('apollo');
    expect(readConfig({ PLAYGROUND: 'false' }).playground).toBe(false);
  });

  it('serves the explorer at / in every mode unless EXPLORER=false', () => {
    expect(readConfig({}).explorer).toBe(true);
    expect(readConfig({ NODE_ENV: 'production' }).explorer).toBe(true);
    expect(readConfig({ EXPLORER: 'false' }).explorer).toBe(false);
    expect(() => readConfig({ EXPLORER: 'maybe' })).toThrow('EXPLORER must be true or false; got "maybe".');
  });
});
