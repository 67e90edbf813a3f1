import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/setup/summary-line.ts'],
    // One local Neo4j for the whole run (or NEO4J_URI when set); see the file for when it skips.
    globalSetup: ['test/setup/neo4j.ts'],
    // The first Cypher queries of a fresh database compile slowly.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: the JVM needs one of them.
    maxWorkers: 2,
  },
});
