/** The stores under test: the embedded one always, Neo4j when the run has one. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { inject } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';

export interface StoreUnderTest {
  readonly name: string;
  readonly enabled: boolean;
  open(): Promise<GraphStore>;
}

export function storesUnderTest(): StoreUnderTest[] {
  const neo4jUri = inject('neo4jUri');
  return [
    { name: 'embedded', enabled: true, open: async () => createMemoryStore() },
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
export async function storesOfTheirOwn(prefix: string): Promise<(StoreUnderTest & { stop?: () => Promise<void> })[]> {
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
