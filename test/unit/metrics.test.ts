/** The metrics plugin and store wrapper in process: label caps, error codes, registries apart. */
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry, instrumentStore, metricsPlugin, registerWaitingRequests } from '../../src/server/plugins/metrics/index.js';
import { ArrivalOrder } from '../../src/server/arrival-order.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';

const typeDefs = 'type Query { hello: String, broken: String }';
const resolvers = {
  Query: {
    hello: () => 'world',
    broken: () => {
      throw new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT' } });
    },
  },
};

async function serverWith(registry: Registry, maxOperationNames?: number) {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [metricsPlugin({ registry, maxOperationNames })] });
  await server.start();
  return server;
}

/** The value of one sample, e.g. value(registry, 'graphql_requests_total', { operation_name: 'A' }). */
async function value(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return undefined;
  const { values } = await metric.get();
  return values.find(
    (v) => ((v as { metricName?: string }).metricName ?? name) === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  )?.value;
}

describe('the metrics plugin', () => {
  it('counts requests by operation name: unnamed as "anonymous", names beyond the cap as "other"', async () => {
    const registry = new Registry();
    const server = await serverWith(registry, 2);
    for (const query of ['{ hello }', 'query A { hello }', 'query B { hello }', 'query C { hello }', 'query A { hello }', 'query D { hello }']) {
      await server.executeOperation({ query });
    }
    const requests = (name: string) => value(registry, 'graphql_requests_total', { operation_name: name });
    expect(await requests('A')).toBe(2);
    expect(await requests('B')).toBe(1);
    expect(await requests('C')).toBeUndefined();
    expect(await requests('other')).toBe(2);
    expect(await requests('anonymous')).toBe(1);
    const text = await registry.metrics();
    expect(text).toContain('graphql_request_duration_seconds_count{operation_name="A"} 2');
    await server.stop();
  });

  it('counts errors by code, names a query that fails validation, and counts a parse failure as anonymous', async () => {
    const registry = new Registry();
    const server = await serverWith(registry);
    await server.executeOperation({ query: 'query Broken { broken }' });
    await server.executeOperation({ query: 'query Unknown { nope }' });
    await server.executeOperation({ query: '{ hello' });
    expect(await value(registry, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(await value(registry, 'graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'Unknown' })).toBe(1);
    expect(await value(registry, 'graphql_requests_total', { operation_name: 'anonymous' })).toBe(1);
    await server.stop();
  });

  it('keeps each server\'s numbers on its own registry', async () => {
    const first = createMetricsRegistry();
    const second = createMetricsRegistry();
    const a = await serverWith(first);
    const b = await serverWith(second);
    await a.executeOperation({ query: 'query Q { hello }' });
    await a.executeOperation({ query: 'query Q { hello }' });
    await b.executeOperation({ query: 'query Q { hello }' });
    expect(await value(first, 'graphql_requests_total', { operation_name: 'Q' })).toBe(2);
    expect(await value(second, 'graphql_requests_total', { operation_name: 'Q' })).toBe(1);
    expect(await second.metrics()).toContain('nodejs_heap_size_used_bytes');
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe('instrumentStore', () => {
  class FlakyStore extends MemoryStore {
    override async ping(): Promise<void> {
      throw new Error('down');
    }
  }

  it('passes calls through and counts them by method and outcome, starting every method at zero', async () => {
    const registry = new Registry();
    const store = instrumentStore(new FlakyStore(), registry);
    expect(store.kind).toBe('memory');
    expect(await store.entitiesByIds(['person:nobody', 'person:none'])).toEqual([null, null]);
    await expect(store.ping()).rejects.toThrow('down');
    const calls = (method: string, outcome: string) => value(registry, 'store_calls_total', { method, outcome });
    expect(await calls('entitiesByIds', 'ok')).toBe(1);
    expect(await calls('ping', 'error')).toBe(1);
    expect(await calls('ping', 'ok')).toBe(0);
    expect(await calls('shortestPath', 'ok')).toBe(0);
    const text = await registry.metrics();
    expect(text).toContain('store_call_duration_seconds_count{method="entitiesByIds"} 1');
    expect(text).toContain('store_call_duration_seconds_count{method="ping"} 1');
  });
});

describe('graphql_requests_waiting', () => {
  it('shows, at each scrape, the requests waiting for their turn, and none once they have started', async () => {
    const registry = new Registry();
    const order = new ArrivalOrder(2);
    registerWaitingRequests(registry, order);
    expect(await value(registry, 'graphql_requests_waiting', {})).toBe(0);
    const started: number[] = [];
    for (let i = 0; i < 5; i++) order.inTurn(() => started.push(i));
    expect(await value(registry, 'graphql_requests_waiting', {})).toBe(5);
    await new Promise((resolve) => setImmediate(resolve)); // one turn: two start
    expect(started).toEqual([0, 1]);
    expect(await value(registry, 'graphql_requests_waiting', {})).toBe(3);
    while (started.length < 5) await new Promise((resolve) => setImmediate(resolve));
    expect(await value(registry, 'graphql_requests_waiting', {})).toBe(0);
    expect(await registry.metrics()).toContain('# TYPE graphql_requests_waiting gauge');
  });
});
