/**
 * The run's stores for suites that load data of their own or write: the embedded store as it is,
 * and Neo4j over a database of its own (a local Neo4j started for the suite), since the run's
 * shared Neo4j must hold the seed graph only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';
import { storesUnderTest, type StoreUnderTest } from './stores.js';

const canStartNeo4j = (await checkPrerequisites()).ok;

export type PrivateStore = StoreUnderTest & { stop?: () => Promise<void> };

/** `name` prefixes the Neo4j data folder, so a stray one says which suite left it. */
export function privateStores(name: string): PrivateStore[] {
  return storesUnderTest().map((s) => {
    if (s.name !== 'Neo4j') return s;
    let neo4j: LocalNeo4j | undefined;
    let dataDir: string | undefined;
    return {
      name: s.name,
      enabled: s.enabled && canStartNeo4j,
      open: async () => {
        dataDir = await mkdtemp(path.join(tmpdir(), `kg-${name}-`));
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
