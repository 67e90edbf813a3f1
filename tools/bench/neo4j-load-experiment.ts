/**
 * Where the Neo4j load's time goes: loads a dataset into an EMPTY Neo4j at NEO4J_URI with the
 * loader's own code (src/store/neo4j/load.ts, same Cypher, same batches) but each statement in its
 * own write transaction (a commit per batch of 5,000) instead of the store's one transaction, and
 * prints the time of every phase:
 *
 *   NEO4J_URI=bolt://... npx tsx tools/bench/neo4j-load-experiment.ts --file .bench/dataset-....json
 *
 * Compare with tools/bench/load-neo4j.ts (the store's `load`: one transaction) on another empty
 * database. Not the store's behaviour: a failure midway would leave a partial graph.
 */
import neo4j from 'neo4j-driver';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { loadDataset } from '../../src/store/neo4j/load.js';
import { rowFromRecord } from '../../src/store/neo4j/mapping.js';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI!;
  const file = process.argv[process.argv.indexOf('--file') + 1]!;
  const dataset = await readDatasetFile(file);
  // Migrations (constraints and indexes) as the store makes them.
  await (await createNeo4jStore({ uri })).close();
  const driver = neo4j.driver(uri);
  const session = driver.session();
  const phases: Record<string, number> = {};
  let statementMs = 0;
  const runner = {
    async run(cypher: string, params: Record<string, unknown> = {}) {
      const t = performance.now();
      const records = await session.executeWrite(async (tx) => (await tx.run(cypher, params)).records);
      statementMs += performance.now() - t;
      return records.map(rowFromRecord);
    },
  };
  const started = performance.now();
  let phaseStart = started;
  let lastPhase = '';
  await loadDataset(runner, dataset, (done, total, phase) => {
    const now = performance.now();
    if (phase !== lastPhase) {
      phaseStart = phases[phase] === undefined ? now : phaseStart;
      lastPhase = phase;
    }
    phases[phase] = (phases[phase] ?? 0) + (now - phaseStart);
    phaseStart = now;
    if (done === total) process.stderr.write(`${phase}: ${done} in ${(phases[phase]! / 1000).toFixed(1)} s\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      mode: 'a transaction per batch',
      seconds: Math.round(seconds * 100) / 100,
      relationsPerSecond: Math.round(dataset.relations.length / seconds),
      statementSeconds: Math.round(statementMs / 10) / 100,
    }),
  );
  await session.close();
  await driver.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-load-experiment: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
