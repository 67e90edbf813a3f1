/**
 * An in-process GraphQL harness: operations run through the same Apollo Server the HTTP server
 * builds (schema, limits, error formatting), over a store wrapper that counts its calls, without
 * a port or a process. For resolver, limit and round-trip tests; HTTP behaviour stays in test/e2e.
 */
import { pino } from 'pino';
import { DEFAULT_LIMITS, type QueryLimits } from '../../src/config.js';
import { createContext, type RequestBounds } from '../../src/graphql/context.js';
import { createGraphQLServer } from '../../src/server/graphql-server.js';
import type { Viewer } from '../../src/domain/index.js';
import type { GraphStore } from '../../src/store/graph-store.js';

export interface HarnessResult {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Harness {
  /**
   * Runs one operation; `signal` stands for the request's deadline (never aborts by default),
   * `viewer` for who asks (anonymous by default).
   */
  /** `bounds`: the request's signal, or bounds with more (a client gone). */
  run(query: string, variables?: Record<string, unknown>, bounds?: AbortSignal | RequestBounds, viewer?: Viewer, operationName?: string): Promise<HarnessResult>;
  /** Store calls by port method since the last `resetCalls`. */
  readonly calls: Map<string, number>;
  /** How many operations were answered compiled (compiled-execution.ts). */
  compiledAnswers(): number;
  resetCalls(): void;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly store: GraphStore;
  readonly limits?: Partial<QueryLimits>;
  readonly maskSuggestions?: boolean;
  /** false: graphql-js alone; a number: how long graphql-js alone answers a document after compiled answers with errors (compiled-execution.ts). */
  readonly compiled?: { readonly graphqlJsAfterErrorsMs?: number } | false;
}

export async function startHarness({ store, limits, maskSuggestions = false, compiled }: HarnessOptions): Promise<Harness> {
  const calls = new Map<string, number>();
  const counted = countingStore(store, calls);
  const allLimits = { ...DEFAULT_LIMITS, ...limits };
  let compiledAnswers = 0;
  const server = createGraphQLServer({
    limits: allLimits,
    maskSuggestions,
    playground: false,
    compiled: compiled === false ? false : { ...compiled, answered: () => compiledAnswers++ },
  });
  await server.start();
  const log = pino({ level: 'silent' });
  return {
    calls,
    compiledAnswers: () => compiledAnswers,
    resetCalls: () => calls.clear(),
    async run(query, variables, given = new AbortController().signal, viewer, operationName) {
      const bounds = given instanceof AbortSignal ? { signal: given } : given;
      const response = await server.executeOperation(
        { query, variables, operationName },
        { contextValue: createContext({ store: counted, requestId: 'test', log, bounds, maxListLength: allLimits.maxListLength, viewer }) },
      );
      if (response.body.kind !== 'single') throw new Error('Expected a single result.');
      return response.body.singleResult as HarnessResult;
    },
    stop: () => server.stop(),
  };
}

/** The store, with every call of a port method counted by name. */
export function countingStore(store: GraphStore, calls: Map<string, number>): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
