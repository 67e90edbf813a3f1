import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/setup/summary-line.ts'],
    // dist/ built for the end-to-end tests, which spawn the compiled server as `npm start` runs
    // it; one local Neo4j for the whole run (or NEO4J_URI when set; see the file for when it skips).
    globalSetup: ['test/setup/build.ts', 'test/setup/neo4j.ts'],
    // The first Cypher queries of a fresh database compile slowly.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Two cores: the JVM needs one of them.
    maxWorkers: 2,
  },
});
