/**
 * Durability: a process that loads datasets into the durable embedded store is killed with SIGKILL
 * at a random moment, 20 times over one DATA_DIR. After each kill the data file is reopened and
 * must hold every load the process acknowledged (printed "ack N" after load N resolved), and of
 * any other load either all of it or none of it: the one in flight may have committed before the
 * kill or not, but never in part.
 *
 * The loads come from a small child process (test/durability/loader.mjs) that opens the store
 * exactly as the server does, from dist/; kill-during-writes.test.ts does the same to the server
 * itself, over a stream of HTTP mutations.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDurableMemoryStore } from '../../src/store/memory/memory-store.js';
// @ts-expect-error: a plain ES module shared with the child process, without type declarations.
import { SETTLEMENTS, datasetNumber } from './datasets.mjs';

const LOADER = fileURLToPath(new URL('./loader.mjs', import.meta.url));
const ROUNDS = 20;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kg-kill-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs the loader from load `first` on and kills it `afterMs` after it is ready; returns the acknowledged loads. */
async function loadAndKill(first: number, afterMs: number): Promise<number[]> {
  const child = spawn(process.execPath, [LOADER, dataDir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  // 'close', not 'exit': only then has every byte the child wrote to its pipes been read here, so no
  // acknowledgement it printed before the kill is missed.
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('close', (code, signal) => resolve(signal ?? code)),
  );
  const started = Date.now();
  while (!out.includes('ready\n')) {
    if (child.exitCode !== null || Date.now() - started > 15_000) throw new Error(`The loader did not start:\n${out}${err}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, afterMs));
  child.kill('SIGKILL');
  expect(await exited, err).toBe('SIGKILL');
  return [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
}

it(`keeps every acknowledged load and no partial one across ${ROUNDS} kills (SIGKILL) mid-stream`, async () => {
  const acknowledged = new Set<number>();
  let next = 0;
  let midLoadKills = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const afterMs = 20 + Math.floor(Math.random() * 300);
    for (const n of await loadAndKill(next, afterMs)) acknowledged.add(n);

    const store = openDurableMemoryStore(dataDir);
    try {
      const { entities, relations, statements, sources } = await store.counts();
      const complete = sources;
      // Every load present is whole: as many of each record as `complete` whole loads make.
      expect({ entities, relations, statements }, `round ${round} (killed after ${afterMs} ms)`).toEqual({
        entities: complete * (SETTLEMENTS + 1),
        relations: complete * SETTLEMENTS,
        statements: complete,
      });
      // And they are loads 0 .. complete - 1, each with all its records.
      for (let n = 0; n < complete; n++) {
        const dataset = datasetNumber(n);
        const ids = dataset.entities.map((e: { id: string }) => e.id);
        const found = await store.entitiesByIds(ids);
        expect(found.filter((e) => e === null), `load ${n} in round ${round}`).toEqual([]);
      }
      // Every acknowledged load is there; at most one more than this round began with or had
      // acknowledged (the one committed just before the kill, its "ack" never printed).
      const highest = Math.max(-1, ...acknowledged);
      expect(complete, `round ${round}: acknowledged up to ${highest}`).toBeGreaterThanOrEqual(highest + 1);
      const known = Math.max(highest + 1, next);
      expect(complete, `round ${round}: began at ${next}, acknowledged up to ${highest}`).toBeLessThanOrEqual(known + 1);
      if (complete === known + 1) midLoadKills++;
      next = complete;
    } finally {
      await store.close();
    }
  }
  expect(acknowledged.size, 'the loader acknowledged loads').toBeGreaterThanOrEqual(ROUNDS);
  console.log(`[durability] ${ROUNDS} kills, ${acknowledged.size} acknowledged loads, ${midLoadKills} kills after a commit but before its ack`);
}, 60_000);
