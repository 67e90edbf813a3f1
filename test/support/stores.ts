/** The stores under test: the embedded one always, Neo4j when the run has one. */
import { inject } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';

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
