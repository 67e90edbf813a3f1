/**
 * Opens the store the configuration names, for the server and the import / export commands alike:
 * Neo4j when NEO4J_URI is set; otherwise the embedded store, durable in DATA_DIR, or in memory only
 * with DATA_DIR=:memory:.
 */
import type { Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { createMemoryStore, openDurableMemoryStore } from './memory/memory-store.js';

export interface OpenedStore {
  readonly store: GraphStore;
  /** Where the graph lives, for logs: the data file, "memory only", or the Neo4j URI. */
  readonly location: string;
}

export async function openConfiguredStore(
  config: Pick<Config, 'neo4j' | 'dataDir' | 'timeouts'>,
  log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
): Promise<OpenedStore> {
  if (config.neo4j) {
    const { uri, username, password, database, connectTimeoutMs } = config.neo4j;
    log('connecting to Neo4j', { uri, database: database ?? '(default)' });
    // Loaded only here: a server on the embedded store does not load the driver.
    const { createNeo4jStore } = await import('./neo4j/neo4j-store.js');
    const store = await createNeo4jStore({
      uri,
      username,
      password,
      database,
      connectTimeoutMs,
      // The driver's pool, retries and each transaction's timeout are fitted to the deadline.
      requestTimeoutMs: config.timeouts.requestMs,
      log: (msg) => log(msg),
    });
    return { store, location: uri };
  }
  if (config.dataDir === null) return { store: createMemoryStore(), location: 'memory only (DATA_DIR=:memory:)' };
  const started = Date.now();
  const store = openDurableMemoryStore(config.dataDir);
  const location = store.dataFilePath!;
  const migratedFrom = store.dataFileMigratedFrom;
  log(migratedFrom === null ? 'opened the data file' : 'opened the data file and migrated it to the current schema', {
    file: location,
    ms: Date.now() - started,
    // Whether the adjacency came from the start image the last clean stop left (start-image.ts).
    startImage: store.startedFromImage,
    ...(migratedFrom === null ? {} : { migratedFromSchemaVersion: migratedFrom }),
    ...(await store.counts()),
  });
  return { store, location };
}
