import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (index.js) and ESM (index.mjs) without an exports map: Node, and so
    // Apollo Server and graphql-tools, load the CommonJS one. Tests that build the schema in process
    // must load the same, or graphql-js sees two realms.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
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
