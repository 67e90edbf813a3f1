/** GET /metrics as an operator scrapes it from the running server (`npm start`'s dist/main.js). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** Prometheus text format → one entry per sample: `name{a="x",b="y"}` → value. */
function parseSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{.*\})?) (\S+)$/.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

describe('metrics on the embedded store', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves Prometheus text with requests by operation, errors by code, store calls, heap and event-loop lag', async () => {
    const named = 'query Commander { entity(id: "unit:chechen-unit") { name ... on Unit { commander { name } } } }';
    expect((await server.graphql(named)).errors).toBeUndefined();
    expect((await server.graphql(named)).errors).toBeUndefined();
    const tooDeep = await server.graphql('query TooDeep { neighborhood(id: "person:apti-alaudinov", depth: 9) { nodes { id } } }');
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await server.graphql('{ search(text: "kursk") { id } }');

    const response = await fetch(`${server.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE graphql_requests_total counter');
    expect(text).toContain('# TYPE graphql_request_duration_seconds histogram');
    const samples = parseSamples(text);

    expect(samples.get('graphql_requests_total{operation_name="Commander"}')).toBe(2);
    expect(samples.get('graphql_requests_total{operation_name="TooDeep"}')).toBe(1);
    expect(samples.get('graphql_requests_total{operation_name="anonymous"}')).toBe(1);
    expect(samples.get('graphql_request_duration_seconds_count{operation_name="Commander"}')).toBe(2);
    expect(samples.get('graphql_request_duration_seconds_bucket{le="+Inf",operation_name="Commander"}')).toBe(2);
    expect(samples.get('graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    // Every request above was answered before the scrape: none is waiting for its turn.
    expect(samples.get('graphql_requests_waiting')).toBe(0);

    // The port methods these queries used: an entity lookup, its relations, a search.
    expect(samples.get('store_calls_total{method="entitiesByIds",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('store_calls_total{method="relationsOf",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('store_calls_total{method="search",outcome="ok"}')).toBe(1);
    expect(samples.get('store_calls_total{method="shortestPath",outcome="ok"}')).toBe(0);
    expect(samples.get('store_call_duration_seconds_count{method="search"}')).toBe(1);

    expect(samples.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(samples.has('nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('metrics switched off', () => {
  it('has no /metrics with METRICS=false, and answers as usual', async () => {
    const server = await startServerProcess({ METRICS: 'false' });
    try {
      expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
      expect((await server.graphql('{ sources { id } }')).errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});
