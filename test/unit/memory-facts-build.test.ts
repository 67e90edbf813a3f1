/**
 * The embedded store's fact indexes (events, the timeline, statements' facts) are built on the first
 * question about them, a slice at a time: at 1M relations that is seconds of work, during which the
 * server must go on answering. And the sort that can pause orders exactly as the engine's does.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineQuery } from '../../src/store/graph-store.js';
import { runSteps, runStepsPaced, sortSteps } from '../../src/store/memory/ascending.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { Pacer } from '../../src/store/pacer.js';
import { factIndexesOf } from '../../src/store/memory/facts.js';
import { compareTimelineRows } from '../../src/store/memory/fact-rows.js';
import type { MemoryState } from '../../src/store/memory/state.js';
import { generateDataset } from '../../tools/bench/generate.js';

/** A tiny deterministic generator (mulberry32), so a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sortSteps', () => {
  // Keys with many ties, each item carrying its place: the engine's sort is stable, so the
  // expected order is fixed, and a sort that swapped equal items would differ.
  const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
  for (const size of [0, 1, 2, 1000, 16_383, 16_384, 16_385, 40_000, 70_001]) {
    it(`orders ${size} items as Array.prototype.sort does, ties in their first order, run at once or paced`, async () => {
      const next = random(size + 1);
      const items = Array.from({ length: size }, (_, place) => ({ key: Math.floor(next() * 500), place }));
      const expected = [...items].sort(byKey);
      const atOnce = [...items];
      runSteps(sortSteps(atOnce, byKey));
      expect(atOnce).toEqual(expected);
      const paced = [...items];
      await runStepsPaced(sortSteps(paced, byKey), new Pacer(undefined, 0));
      expect(paced).toEqual(expected);
    });
  }
});

describe('the first question about time', () => {
  const window = { from: '1900-01-01', to: '2100-12-31' };
  const everything: TimelineQuery = { window, entityId: null, kinds: null };

  async function storeOf(relations: number): Promise<MemoryStore> {
    const store = new MemoryStore();
    await store.load(generateDataset({ entities: relations / 10, relations, seed: 5 }));
    return store;
  }

  it('lets other work run while the indexes are built, and answers as a store that had them', async () => {
    const store = await storeOf(100_000);
    // Another request's turn, as often as the event loop gives one: the longest wait for it.
    let longestHold = 0;
    let running = true;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      longestHold = Math.max(longestHold, now - last);
      last = now;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const page = await store.timeline(everything, { first: 50, after: null });
    const took = performance.now() - started;
    running = false;
    // Built at once, the indexes held the event loop for most of the question (the sort alone).
    expect(longestHold).toBeLessThan(took / 4);
    expect(page.items.length).toBe(50);
    expect(await store.timeline(everything, { first: 50, after: null })).toEqual(page);
  });

  it('puts every row in the timeline\'s order (days, kind, id, attribution), over more rows than one run of the paced sort', async () => {
    const store = await storeOf(60_000);
    const { timeline } = factIndexesOf((store as unknown as { state: MemoryState }).state);
    expect(timeline.length).toBeGreaterThan(2 * 16_384);
    const outOfOrder = timeline.findIndex((row, i) => i > 0 && compareTimelineRows(timeline[i - 1]!, row) >= 0);
    expect(outOfOrder).toBe(-1);
  });

  it('is built once for the questions that arrive while it is built, and each gets its answer', async () => {
    const store = await storeOf(20_000);
    const pages = await Promise.all([
      store.timeline(everything, { first: 5, after: null }),
      store.timeline({ window, entityId: null, kinds: ['CLAIM'] }, { first: 5, after: null }),
      store.findEvents({ types: null, participantId: null, placeId: null, window: null }, { first: 5, after: null }),
    ]);
    const again = await Promise.all([
      store.timeline(everything, { first: 5, after: null }),
      store.timeline({ window, entityId: null, kinds: ['CLAIM'] }, { first: 5, after: null }),
      store.findEvents({ types: null, participantId: null, placeId: null, window: null }, { first: 5, after: null }),
    ]);
    expect(again).toEqual(pages);
    expect(pages[1]!.items.every((entry) => entry.kind === 'CLAIM')).toBe(true);
  });

  it('stops a question whose client went without stopping the build for the next', async () => {
    const store = await storeOf(60_000);
    const gone = new AbortController();
    const abandoned = store.timeline(everything, { first: 5, after: null }, { signal: gone.signal });
    setImmediate(() => gone.abort(new Error('the client went')));
    await expect(abandoned).rejects.toThrow('the client went');
    const page = await store.timeline(everything, { first: 5, after: null });
    expect(page.items.length).toBe(5);
  });
});

describe('a timeline question with a window', () => {
  /** Every entry of a question, page after page, as [kind, first day, last day, record id, attribution]. */
  async function allOf(store: MemoryStore, query: TimelineQuery): Promise<{ total: number; keys: string[] }> {
    const keys: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const page = await store.timeline(query, { first: 100, after });
      total = page.totalCount!;
      for (const e of page.items) keys.push([e.kind, e.earliest, e.latest, (e.event ?? e.relation ?? e.statement)!.id, e.attributionIndex].join(' '));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after !== null);
    return { total, keys };
  }

  it('lists the entries whose days overlap it, as a test of every entry does, with kinds and about an entity too', async () => {
    const dataset = generateDataset({ entities: 600, relations: 6_000, seed: 9 });
    const store = new MemoryStore();
    await store.load(dataset);
    const open = { from: null, to: null };
    const whole = await allOf(store, { window: open, entityId: null, kinds: null });
    expect(whole.keys.length).toBe(whole.total);
    const entries = whole.keys.map((key) => key.split(' '));
    const days = [...new Set(entries.flatMap(([, first, last]) => [first!, last!]))].sort();
    expect(entries.some(([, first, last]) => first !== last)).toBe(true);
    const next = random(17);
    const someDay = () => days[Math.floor(next() * days.length)]!;
    const overlaps = (key: string, window: { from: string | null; to: string | null }) => {
      const [, first, last] = key.split(' ');
      return (window.from === null || last! >= window.from) && (window.to === null || first! <= window.to);
    };
    const kindLists: (TimelineQuery['kinds'])[] = [null, ['CLAIM'], ['RELATION', 'EVENT'], ['STATEMENT']];
    const people = dataset.entities.filter((e) => e.kind === 'PERSON').slice(0, 3).map((e) => e.id);
    for (let round = 0; round < 40; round++) {
      const [a, b] = [someDay(), someDay()].sort();
      const window = { from: round % 5 === 0 ? null : a!, to: round % 7 === 0 ? null : b! };
      const kinds = kindLists[round % kindLists.length]!;
      const expected = whole.keys.filter((key) => overlaps(key, window) && (kinds === null || kinds.includes(key.split(' ')[0] as never)));
      const answered = await allOf(store, { window, entityId: null, kinds });
      expect(answered.keys, JSON.stringify({ window, kinds })).toEqual(expected);
      expect(answered.total).toBe(expected.length);
      // About an entity: the window's answer is the open question's answer, in the window.
      const entityId = people[round % people.length]!;
      const aboutAll = await allOf(store, { window: open, entityId, kinds });
      const aboutWindow = await allOf(store, { window, entityId, kinds });
      expect(aboutWindow.keys).toEqual(aboutAll.keys.filter((key) => overlaps(key, window)));
    }
  });
});
