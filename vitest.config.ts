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
    // @graphql-tools would otherwise load graphql's CommonJS build beside the ESM one the sources
    // import, and graphql-js refuses a schema "from another module or realm" (in-process tests).
    server: { deps: { inline: [/@graphql-tools\//] } },
  },
});
