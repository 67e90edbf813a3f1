/**
 * Vitest global setup: one real Neo4j for the whole test run.
 * - NEO4J_URI set: the tests use that database (it must hold nothing but the seed graph).
 * - Otherwise a local Neo4j 5.26 is started from Maven Central's artifacts on a free port with a
 *   fresh data folder (tools/neo4j), and stopped at the end.
 * - Java or Maven missing: the Neo4j part is skipped with a message, or fails when CI=true.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';
import { checkPrerequisites, startLocalNeo4j } from '../../tools/neo4j/launcher.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Bolt URI of the test run's Neo4j, or null when the Neo4j part is skipped. */
    neo4jUri: string | null;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.NEO4J_URI;
  if (given) {
    console.log(`[neo4j] using NEO4J_URI=${given}`);
    project.provide('neo4jUri', given);
    return;
  }
  const prerequisites = await checkPrerequisites();
  if (!prerequisites.ok) {
    const part = 'the Neo4j part of the tests (store contract suite and end-to-end tests over Neo4j)';
    if (process.env.CI === 'true') {
      throw new Error(`[neo4j] ${prerequisites.message} With CI=true ${part} must run, so the run fails.`);
    }
    console.warn(`[neo4j] ${prerequisites.message} SKIPPED: ${part}.`);
    project.provide('neo4jUri', null);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kg-test-neo4j-'));
  const started = Date.now();
  const neo4j = await startLocalNeo4j({
    port: await getPort({ host: '127.0.0.1' }),
    dataDir,
    log: (line) => {
      if (process.env.NEO4J_TEST_VERBOSE) console.log(`[neo4j] ${line}`);
    },
  });
  console.log(`[neo4j] local Neo4j 5.26 ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4jUri', neo4j.uri);

  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.log('[neo4j] local Neo4j stopped');
  };
}
