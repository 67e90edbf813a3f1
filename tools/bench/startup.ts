/**
 * Start-up time of the embedded store, from the JSON dataset file vs from the SQLite data file:
 *
 *   npx tsx tools/bench/startup.ts FILE      (FILE: e.g. from tools/bench/generate.ts)
 *
 * Each phase runs in a fresh Node process, as a server start does:
 * - json:   read + validate FILE, load it into an in-memory store (what a start with SEED_FILE does);
 * - import: the same, into a durable store in a fresh DATA_DIR (the one-off cost of `npm run import`);
 * - sqlite: open that DATA_DIR: read every row, rebuild the graph and its indexes (a restart).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import { createMemoryStore, openDurableMemoryStore } from '../../src/store/memory/memory-store.js';

const [phase, file, dataDir] = process.argv.slice(2);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const rss = () => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`;

if (phase === 'json' || phase === 'import') {
  const t0 = process.hrtime.bigint();
  const dataset = await readDatasetFile(file!);
  const read = seconds(t0);
  const store = phase === 'json' ? createMemoryStore() : openDurableMemoryStore(dataDir!);
  await store.load(dataset);
  console.log(JSON.stringify({ phase, readAndValidate: read, total: seconds(t0), counts: await store.counts(), rss: rss() }));
  await store.close();
} else if (phase === 'sqlite') {
  const t0 = process.hrtime.bigint();
  const store = openDurableMemoryStore(dataDir!);
  console.log(JSON.stringify({ phase, total: seconds(t0), counts: await store.counts(), rss: rss() }));
  await store.close();
} else {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npx tsx tools/bench/startup.ts FILE');
    process.exit(2);
  }
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-startup-'));
  const run = (...args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1e7 }).trim()) as {
      total: number;
      rss: string;
    };
  try {
    const json = run('json', target);
    const imported = run('import', target, dir);
    const dbBytes = statSync(path.join(dir, 'graph.db')).size;
    const sqlite = run('sqlite', '', dir);
    const again = run('sqlite', '', dir);
    const s = (x: number) => `${x.toFixed(2)} s`;
    console.log(`${path.basename(target)} (${(statSync(target).size / 2 ** 20).toFixed(0)} MiB JSON, ${(dbBytes / 2 ** 20).toFixed(0)} MiB graph.db)`);
    console.log(`  from the JSON file:   ${s(json.total)} (${json.rss})`);
    console.log(`  import into SQLite:   ${s(imported.total)} (${imported.rss})`);
    console.log(`  from SQLite:          ${s(sqlite.total)}, again ${s(again.total)} (${sqlite.rss})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
