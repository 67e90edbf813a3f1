/**
 * Loads a dataset into the Neo4j at NEO4J_URI through the store's `load` and reports the speed:
 *
 *   NEO4J_URI=bolt://127.0.0.1:7699 npx tsx tools/bench/load-neo4j.ts --entities 10000 --relations 100000 [--seed S]
 *   NEO4J_URI=... npx tsx tools/bench/load-neo4j.ts --file data.json
 *   options: --twice (load the same dataset again and time that too: it must change nothing)
 *
 * Or, with --offline (no NEO4J_URI), into a new local database with Neo4j's offline importer
 * (`npm run neo4j -- --import`): the import files written, the importer run, then a Neo4j started
 * on the result and the store's migrations run, which build every index over the imported graph.
 * The load rate counts the files, the importer and the indexes (the online load builds its indexes
 * as it goes); the Neo4j start is reported beside it.
 *
 * The dataset is generated with tools/bench/generate.ts (or read and validated from --file).
 * Progress goes to stderr; the figures to stdout, the last line one JSON object. Give it an
 * empty database (e.g. `npm run neo4j -- --port 7699 --data /tmp/fresh`) for comparable numbers:
 * it says what the database held before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import getPort from 'get-port';
import { tmpdir } from 'node:os';
import path, { resolve } from 'node:path';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import type { Dataset } from '../../src/domain/model.js';
import type { GraphCounts } from '../../src/store/graph-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { importArguments, writeImportFiles } from '../../src/store/neo4j/import-files.js';
import { importIntoNewDatabase, startLocalNeo4j, type LocalNeo4j } from '../neo4j/launcher.js';
import { generateDataset } from './generate.js';

const USAGE =
  'usage: NEO4J_URI=bolt://... npx tsx tools/bench/load-neo4j.ts (--entities N --relations M [--seed S] | --file FILE) [--twice]\n' +
  '       npx tsx tools/bench/load-neo4j.ts (--entities N --relations M [--seed S] | --file FILE) --offline';

function parseArgs(argv: readonly string[]) {
  const values = new Map<string, string>();
  let twice = false;
  let offline = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--twice' || arg === '--offline') {
      if (arg === '--twice') twice = true;
      else offline = true;
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
  if (twice && offline) throw new Error(`--twice loads into a running Neo4j; --offline builds a new database. ${USAGE}`);
  if (file !== undefined) return { file, twice, offline };
  return { entities: num('entities'), relations: num('relations'), seed: num('seed', 1), twice, offline };
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

const same = (a: GraphCounts, b: GraphCounts) =>
  a.entities === b.entities && a.relations === b.relations && a.statements === b.statements && a.sources === b.sources;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const uri = process.env.NEO4J_URI;
  if (!uri && !args.offline) throw new Error(`NEO4J_URI is not set. ${USAGE}`);

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
  if (args.offline) return loadOffline(dataset, size);

  const store = await createNeo4jStore({ uri: uri!, username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD, database: process.env.NEO4J_DATABASE });
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

/** --offline: import files, the importer, a Neo4j on the result, its indexes; each timed. */
async function loadOffline(dataset: Dataset, size: GraphCounts): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'kg-offline-load-'));
  const dataDir = path.join(work, 'neo4j');
  const timed = async <T>(what: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const value = await what();
    return [value, (Date.now() - started) / 1000];
  };
  let neo4j: LocalNeo4j | undefined;
  try {
    const [files, filesSeconds] = await timed(() => writeImportFiles(dataset, path.join(work, 'files')));
    console.log(`import files: ${filesSeconds.toFixed(2)} s`);
    const [, importerSeconds] = await timed(() =>
      importIntoNewDatabase({ dataDir, args: importArguments(files), records: files.records, heapMb: 2048, log: (line) => process.stderr.write(`[importer] ${line}\n`) }),
    );
    console.log(`importer: ${importerSeconds.toFixed(2)} s`);
    const port = await getPort({ host: '127.0.0.1' });
    const [started, startSeconds] = await timed(() => startLocalNeo4j({ port, dataDir, heapMb: 2048 }));
    neo4j = started;
    console.log(`Neo4j start: ${startSeconds.toFixed(2)} s`);
    const [store, indexSeconds] = await timed(() => createNeo4jStore({ uri: started.uri }));
    try {
      console.log(`indexes (the store's migrations): ${indexSeconds.toFixed(2)} s`);
      const after = await store.counts();
      const seconds = filesSeconds + importerSeconds + indexSeconds;
      const relationsPerSecond = Math.round(size.relations / seconds);
      const recordsPerSecond = Math.round((size.sources + size.entities + size.relations + size.statements) / seconds);
      console.log(`offline load: ${seconds.toFixed(2)} s, ${relationsPerSecond} relations/s, ${recordsPerSecond} records/s`);
      console.log(`database after: ${JSON.stringify(after)}${same(after, size) ? '' : ' (not the dataset!)'}`);
      console.log(
        JSON.stringify({
          dataset: size,
          offline: true,
          seconds,
          relationsPerSecond,
          recordsPerSecond,
          phases: { files: filesSeconds, importer: importerSeconds, indexes: indexSeconds, neo4jStart: startSeconds },
          after,
        }),
      );
      if (!same(after, size)) process.exitCode = 1;
    } finally {
      await store.close();
    }
  } finally {
    await neo4j?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load-neo4j: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
