/**
 * Loads a dataset into the Neo4j at NEO4J_URI through the store's `load` and reports the speed:
 *
 *   NEO4J_URI=bolt://127.0.0.1:7699 npx tsx tools/bench/load-neo4j.ts --entities 10000 --relations 100000 [--seed S]
 *   NEO4J_URI=... npx tsx tools/bench/load-neo4j.ts --file data.json
 *   options: --twice (load the same dataset again and time that too: it must change nothing)
 *
 * The dataset is generated with tools/bench/generate.ts (or read and validated from --file).
 * Progress goes to stderr; the figures to stdout, the last line one JSON object. Give it an
 * empty database (e.g. `npm run neo4j -- --port 7699 --data /tmp/fresh`) for comparable numbers:
 * it says what the database held before.
 */
import { resolve } from 'node:path';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import type { Dataset } from '../../src/domain/model.js';
import type { GraphCounts } from '../../src/store/graph-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { generateDataset } from './generate.js';

const USAGE =
  'usage: NEO4J_URI=bolt://... npx tsx tools/bench/load-neo4j.ts (--entities N --relations M [--seed S] | --file FILE) [--twice]';

function parseArgs(argv: readonly string[]) {
  const values = new Map<string, string>();
  let twice = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--twice') {
      twice = true;
      continue;
    }
    if (!['--entities', '--relations', '--seed', '--file'].includes(arg) || argv[i + 1] === undefined) {
      throw new Error(`Bad argument ${arg}. ${USAGE}`);
    }
    values.set(arg.slice(2), argv[++i]!);
  }
  const file = values.get('file');
  const num = (name: string, fallback?: number) => {
    const v = values.get(name);
    if (v === undefined && fallback !== undefined) return fallback;
    if (v === undefined || !/^\d+$/.test(v)) throw new Error(`--${name} needs a non-negative integer. ${USAGE}`);
    return Number(v);
  };
  if (file !== undefined) return { file, twice };
  return { entities: num('entities'), relations: num('relations'), seed: num('seed', 1), twice };
}

function progressPrinter(label: string): (done: number, total: number, phase: string) => void {
  let lastPhase = '';
  let lastAt = 0;
  const started = Date.now();
  return (done, total, phase) => {
    const now = Date.now();
    if (phase === lastPhase && done < total && now - lastAt < 1_000) return;
    lastPhase = phase;
    lastAt = now;
    const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
    process.stderr.write(`[${label} ${((now - started) / 1000).toFixed(1)} s] ${phase}: ${done}/${total} (${pct}%)\n`);
  };
}

const same = (a: GraphCounts, b: GraphCounts) => JSON.stringify(a) === JSON.stringify(b);

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error(`NEO4J_URI is not set. ${USAGE}`);
  const args = parseArgs(process.argv.slice(2));

  let dataset: Dataset;
  const genStarted = Date.now();
  if ('file' in args && args.file !== undefined) {
    dataset = await readDatasetFile(resolve(process.env.INIT_CWD ?? process.cwd(), args.file));
  } else {
    const { entities, relations, seed } = args as { entities: number; relations: number; seed: number };
    dataset = generateDataset({ entities, relations, seed });
  }
  const prepareSeconds = (Date.now() - genStarted) / 1000;
  const size = {
    sources: dataset.sources.length,
    entities: dataset.entities.length,
    relations: dataset.relations.length,
    statements: dataset.statements.length,
  };
  console.log(`dataset: ${JSON.stringify(size)} (${prepareSeconds.toFixed(1)} s to ${'file' in args ? 'read' : 'generate'})`);

  const store = await createNeo4jStore({ uri, username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE });
  try {
    const before = await store.counts();
    console.log(`database before: ${JSON.stringify(before)}`);

    const started = Date.now();
    await store.load(dataset, progressPrinter('load'));
    const seconds = (Date.now() - started) / 1000;
    const after = await store.counts();
    const relationsPerSecond = Math.round(size.relations / seconds);
    const recordsPerSecond = Math.round((size.sources + size.entities + size.relations + size.statements) / seconds);
    console.log(`load: ${seconds.toFixed(2)} s, ${relationsPerSecond} relations/s, ${recordsPerSecond} records/s`);
    console.log(`database after: ${JSON.stringify(after)}`);

    let reload: { seconds: number; relationsPerSecond: number; unchanged: boolean } | null = null;
    if (args.twice) {
      const again = Date.now();
      await store.load(dataset, progressPrinter('reload'));
      const s = (Date.now() - again) / 1000;
      const afterReload = await store.counts();
      reload = { seconds: s, relationsPerSecond: Math.round(size.relations / s), unchanged: same(after, afterReload) };
      console.log(`reload: ${s.toFixed(2)} s, ${reload.relationsPerSecond} relations/s, counts unchanged: ${reload.unchanged}`);
    }
    console.log(
      JSON.stringify({
        dataset: size,
        seconds,
        relationsPerSecond,
        recordsPerSecond,
        before,
        after,
        ...(reload ? { reload } : {}),
      }),
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load-neo4j: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
