/** The stores under test: the embedded one always, Neo4j when the run has one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, inject, it } from 'vitest';
import type { Dataset, Viewer } from '../../src/domain/index.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore, openDurableMemoryStore } from '../../src/store/memory/memory-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { importArguments, writeImportFiles } from '../../src/store/neo4j/import-files.js';
import { checkPrerequisites, importIntoNewDatabase, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';
import { startHarness, type Harness, type HarnessResult } from './harness.js';

export interface StoreUnderTest {
  readonly name: string;
  readonly enabled: boolean;
  open(): Promise<GraphStore>;
  /** For a store whose data comes with it (an offline import): opened holding `dataset`, in place of open() and load(). */
  openLoaded?(dataset: Dataset): Promise<GraphStore>;
}

/** The store opened and holding `dataset`: loaded through `load`, or built with it. */
export async function openLoaded(under: StoreUnderTest, dataset: Dataset): Promise<GraphStore> {
  if (under.openLoaded) return under.openLoaded(dataset);
  const store = await under.open();
  await store.load(dataset);
  return store;
}

export function storesUnderTest(): StoreUnderTest[] {
  const neo4jUri = inject('neo4jUri');
  return [
    { name: 'embedded', enabled: true, open: async () => createMemoryStore() },
    { name: 'embedded, reopened from its data file', enabled: true, open: () => reopenedAfterEachLoad() },
    {
      name: 'Neo4j',
      enabled: neo4jUri !== null,
      open: () => createNeo4jStore({ uri: neo4jUri!, connectTimeoutMs: 30_000 }),
    },
  ];
}

/**
 * The run's stores for a suite that loads data of its own: the embedded one as it is, and Neo4j
 * (when the run has one and a local Neo4j can start) on a Neo4j started for the suite alone, in a
 * temporary directory named after `prefix`, so that the run's shared Neo4j keeps the seed graph
 * only. `stop` ends that Neo4j and removes its directory.
 */
export async function storesOfTheirOwn(prefix: string): Promise<OwnStore[]> {
  const canStartNeo4j = (await checkPrerequisites()).ok;
  return storesUnderTest().map((s) => {
    if (s.name !== 'Neo4j') return s;
    let neo4j: LocalNeo4j | undefined;
    let dataDir: string | undefined;
    return {
      name: s.name,
      enabled: s.enabled && canStartNeo4j,
      open: async () => {
        dataDir = await mkdtemp(path.join(tmpdir(), prefix));
        neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, startTimeoutMs: 200_000 });
        return createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
      },
      stop: async () => {
        await neo4j?.stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
}

/**
 * The embedded store with a data file, closed and opened again from the file after each load: its
 * relations are then rows of the file read on first use (relation-rows.ts), as after a restart,
 * and a write lands on such a snapshot. Closing it removes its directory.
 */
async function reopenedAfterEachLoad(): Promise<GraphStore> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kg-reopened-'));
  let inner = openDurableMemoryStore(dataDir);
  const reopening: Partial<GraphStore> = {
    load: async (dataset, onProgress) => {
      await inner.load(dataset, onProgress);
      await inner.close();
      inner = openDurableMemoryStore(dataDir);
    },
    close: async () => {
      await inner.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return new Proxy({} as GraphStore, {
    get(_, key: keyof GraphStore) {
      if (key in reopening) return reopening[key];
      const value = inner[key];
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(inner) : value;
    },
  });
}

export type OwnStore = StoreUnderTest & { stop?: () => Promise<void> };

/**
 * Neo4j whose database Neo4j's offline importer built from the suite's dataset (import-files.ts,
 * as `npm run neo4j -- --import` does), in a Neo4j started for the suite alone, in a temporary
 * directory named after `prefix`. It must answer as a database that `load` wrote. Only
 * `openLoaded` opens it; `stop` ends that Neo4j and removes its directory.
 */
export async function importedNeo4j(prefix: string): Promise<OwnStore> {
  const enabled = inject('neo4jUri') !== null && (await checkPrerequisites()).ok;
  let neo4j: LocalNeo4j | undefined;
  let dir: string | undefined;
  return {
    name: 'Neo4j, built by the offline import',
    enabled,
    open: () => Promise.reject(new Error('This store is built from a dataset: open it with openLoaded.')),
    openLoaded: async (dataset) => {
      dir = await mkdtemp(path.join(tmpdir(), prefix));
      const dataDir = path.join(dir, 'neo4j');
      const files = await writeImportFiles(dataset, path.join(dir, 'files'));
      await importIntoNewDatabase({ dataDir, args: importArguments(files) });
      neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, startTimeoutMs: 200_000 });
      return createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
    },
    stop: async () => {
      await neo4j?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The embedded store with a data file (DATA_DIR) in a temporary directory named after `prefix`:
 * for suites whose answers the file itself gives (the journal is read from it), beside the run's
 * stores.
 */
export function embeddedWithDataFile(prefix: string): OwnStore {
  let dataDir: string | undefined;
  return {
    name: 'embedded, with a data file',
    enabled: true,
    open: async () => openDurableMemoryStore((dataDir = await mkdtemp(path.join(tmpdir(), prefix)))),
    stop: async () => {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `it`, or `it` skipped when the suite's store is not in this run. */
export type SuiteTest = ReturnType<typeof it.skipIf>;

/**
 * An object that stands for one made later (in a `beforeAll`): every property is read from the
 * current one, so tests can name it at the top of a `describe` block.
 */
function standIn<T extends object>(what: string): { readonly proxy: T; set(value: T | undefined): void } {
  let current: T | undefined;
  const proxy = new Proxy({} as T, {
    get(_target, property) {
      if (current === undefined) throw new Error(`The ${what} is not open yet (or is closed).`);
      const value = Reflect.get(current, property, current) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  return { proxy, set: (value) => (current = value) };
}

/**
 * For the tests of one `describe` block over `under`: the store is opened and `dataset` loaded
 * before them, and it (with a Neo4j of its own) is closed after. `store` stands for it; `test`
 * is `it`, skipped when the store is not enabled in this run.
 */
export function useLoadedStore(under: OwnStore, dataset: Dataset): { readonly store: GraphStore; readonly test: SuiteTest } {
  const store = standIn<GraphStore>('store');
  let opened: GraphStore | undefined;
  beforeAll(async () => {
    if (!under.enabled) return;
    opened = await openLoaded(under, dataset);
    store.set(opened);
  }, 240_000);
  afterAll(async () => {
    store.set(undefined);
    await opened?.close();
    await under.stop?.();
  }, 60_000);
  return { store: store.proxy, test: it.skipIf(!under.enabled) };
}

/**
 * `useLoadedStore` with the in-process GraphQL harness over it: `as(viewer)` runs an operation as
 * that viewer (anonymous for undefined).
 */
export function useGraphQLOverStore(
  under: OwnStore,
  dataset: Dataset,
): {
  readonly store: GraphStore;
  readonly harness: Harness;
  readonly test: SuiteTest;
  as(viewer: Viewer | undefined): (query: string, variables?: Record<string, unknown>) => Promise<HarnessResult>;
} {
  const { store, test } = useLoadedStore(under, dataset);
  const harness = standIn<Harness>('GraphQL harness');
  let started: Harness | undefined;
  beforeAll(async () => {
    if (!under.enabled) return;
    started = await startHarness({ store });
    harness.set(started);
  }, 240_000);
  afterAll(async () => {
    harness.set(undefined);
    await started?.stop();
  });
  return {
    store,
    harness: harness.proxy,
    test,
    as: (viewer) => (query, variables) => harness.proxy.run(query, variables, undefined, viewer),
  };
}
