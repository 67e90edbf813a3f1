/**
 * Duplicate candidates over a large graph: every entity is read and blocked, which takes long
 * enough that the work must share the event loop and stop at the request's deadline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineExceeded, type Dataset, type EntityRecord } from '../../src/domain/index.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { ResolutionService } from '../../src/writes/resolution-service.js';

const PEOPLE = 30_000;

/** Letters-only words, a different pair for each person: many blocking keys, almost no pairs. */
function word(n: number): string {
  let text = '';
  for (let k = 0; k < 7; k++, n = Math.floor(n / 26)) text += String.fromCharCode(97 + (n % 26));
  return text;
}

function people(): Dataset {
  const base = { aliases: [], description: null, location: null, event: null };
  const entities = Array.from({ length: PEOPLE }, (_, p) => ({ ...base, id: `person:p${p}`, kind: 'PERSON', name: `${word(p * 7919)} ${word(p * 104729 + 13)}` }) as EntityRecord);
  // One planted pair: the same name twice.
  entities.push({ ...base, id: 'person:twin', kind: 'PERSON', name: entities[0]!.name } as EntityRecord);
  return { sources: [], entities, relations: [], statements: [] } as unknown as Dataset;
}

describe('duplicate candidates over a large graph', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(people());
  });

  it('finds the pair', async () => {
    const found = await new ResolutionService(store).duplicateCandidates(5, null);
    expect(found.map((c) => [c.a.id, c.b.id, c.reasons[0]!.code])).toEqual([['person:p0', 'person:twin', 'SAME_NAME']]);
  });

  it('lets the event loop turn every few milliseconds while it blocks every entity', async () => {
    // Counted, not timed, as the store's walks are (deadline.test.ts): work that never yields lets
    // the 1 ms timer run once at most; work that yields every 10 ms, about once per 10 ms.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const started = performance.now();
    try {
      expect(await new ResolutionService(store).duplicateCandidates(5, null)).toHaveLength(1);
    } finally {
      clearInterval(ticker);
    }
    const workMs = performance.now() - started;
    expect(workMs, 'long enough to need sharing').toBeGreaterThan(100);
    expect(turns, `${turns} turns in ${workMs.toFixed(0)} ms`).toBeGreaterThanOrEqual(Math.floor(workMs / 50));
  });

  it('stops where it is when the deadline passes', async () => {
    // The deadline passes at the first turn of the event loop, so the work must stop part-way.
    let passed = false;
    setImmediate(() => (passed = true));
    const reads = {
      throwIfCancelled() {
        if (passed) throw deadlineExceeded('The request took longer than its deadline.');
      },
      get signal(): AbortSignal {
        return new AbortController().signal;
      },
    };
    await expect(new ResolutionService(store, reads).duplicateCandidates(5, null)).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });
});
