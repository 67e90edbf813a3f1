/**
 * `instrumentStore`: the GraphStore port with every call counted and timed by method, so that
 * /metrics shows what the store is asked and how long it takes (for either store).
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { GraphStore } from '../../../store/graph-store.js';

type StoreMethod = {
  [K in keyof GraphStore]: GraphStore[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof GraphStore];

/** Every method of the port; the type makes a method added to the port a compile error here. */
const METHODS = {
  entitiesByIds: true,
  statementsByIds: true,
  sourcesByIds: true,
  relationsByIds: true,
  relationsOf: true,
  entitiesWithRelations: true,
  statementsBySpeakers: true,
  statementsAbout: true,
  statementsFromSources: true,
  listEntities: true,
  entitiesUpTo: true,
  entityNames: true,
  listSources: true,
  findStatements: true,
  search: true,
  neighborhood: true,
  shortestPath: true,
  paths: true,
  entitiesPage: true,
  statementsPage: true,
  findEvents: true,
  eventsInPlaces: true,
  timeline: true,
  factsSupportedBy: true,
  factsCitingSources: true,
  searchStatements: true,
  near: true,
  load: true,
  commit: true,
  changesOf: true,
  changeByIdempotencyKey: true,
  documents: true,
  recordsReferringTo: true,
  exportDataset: true,
  counts: true,
  ping: true,
  close: true,
} satisfies Record<StoreMethod, true>;

/** Store calls take microseconds in memory and milliseconds over Bolt. */
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Wraps a store: `store_calls_total{method, outcome}` (outcome `ok` or `error`) and
 * `store_call_duration_seconds{method}`, registered on `registry`. Every method starts at zero, so
 * rates work from the first scrape. Only the port is exposed, not other members of the store.
 */
export function instrumentStore(store: GraphStore, registry: Registry): GraphStore {
  const calls = new Counter({
    name: 'store_calls_total',
    help: 'Calls to the graph store, by method of the GraphStore port and outcome (ok or error).',
    labelNames: ['method', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'store_call_duration_seconds',
    help: 'Duration of calls to the graph store, by method of the GraphStore port.',
    labelNames: ['method'] as const,
    buckets: STORE_BUCKETS,
    registers: [registry],
  });

  const instrumented: Record<string, unknown> = { kind: store.kind };
  for (const method of Object.keys(METHODS) as StoreMethod[]) {
    const call = (store[method] as (...args: unknown[]) => Promise<unknown>).bind(store);
    const ok = calls.labels(method, 'ok');
    const failed = calls.labels(method, 'error');
    const timed = duration.labels(method);
    ok.inc(0);
    failed.inc(0);
    duration.zero({ method });
    instrumented[method] = async (...args: unknown[]) => {
      const end = timed.startTimer();
      try {
        const result = await call(...args);
        ok.inc();
        return result;
      } catch (error) {
        failed.inc();
        throw error;
      } finally {
        end();
      }
    };
  }
  return instrumented as unknown as GraphStore;
}
