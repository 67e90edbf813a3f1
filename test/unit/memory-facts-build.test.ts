/**
 * The embedded store's fact indexes (events, the timeline, statements' facts) are built on the first
 * question about them, a slice at a time: at 1M relations that is seconds of work, during which the
 * server must go on answering. And the sort that can pause orders exactly as the engine's does.
 */
import { describe, expect, it } from 'vitest';
import { overlapsWindow, type RelationRecord } from '../../src/domain/index.js';
import type { TimelineEntry, TimelineQuery } from '../../src/store/graph-store.js';
import { runSteps, runStepsPaced, sortSteps } from '../../src/store/memory/ascending.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { Pacer } from '../../src/store/pacer.js';
import { factIndexesOf, timeline } from '../../src/store/memory/facts.js';
import { compareTimelineRows } from '../../src/store/memory/fact-rows.js';
import { stateWithDataset, type MemoryState } from '../../src/store/memory/state.js';
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

describe('a timeline question about an entity', () => {
  /** Every entry a question answers, page after page, as [kind, first day, last day, record id, attribution]. */
  async function keysOf(state: MemoryState, query: TimelineQuery): Promise<string[]> {
    const keys: string[] = [];
    const totals = new Set<number | null>();
    let after: string | null = null;
    do {
      const page = await timeline(factIndexesOf(state), state, query, { first: 100, after }, new Pacer(undefined));
      for (const e of page.items) keys.push(keyOf(e));
      totals.add(page.totalCount);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after !== null);
    // Every page counts them all.
    expect([...totals]).toEqual([keys.length]);
    return keys;
  }
  const keyOf = (e: TimelineEntry) => [e.kind, e.earliest, e.latest, (e.event ?? e.relation ?? e.statement)!.id, e.attributionIndex].join(' ');

  /**
   * What the port says an entry about an entity is, read from the records: a relation with the
   * entity at an end; the entity as an event, an event it took part in or that took place in it;
   * a statement it made or is about; a claim about any of those, or made by it.
   */
  function aboutByRecords(relations: ReadonlyMap<string, RelationRecord>, entityId: string): (entry: TimelineEntry) => boolean {
    const events = new Set([entityId]);
    for (const r of relations.values()) {
      if (r.type === 'PARTICIPATED_IN' && r.from === entityId) events.add(r.to);
      if (r.type === 'TOOK_PLACE_IN' && r.to === entityId) events.add(r.from);
    }
    const factAbout = (e: TimelineEntry) => (e.relation !== null ? e.relation.from === entityId || e.relation.to === entityId : events.has(e.event!.id));
    return (e) => {
      if (e.statement !== null) return e.statement.speakerId === entityId || e.statement.aboutIds.includes(entityId);
      if (e.kind !== 'CLAIM') return factAbout(e);
      const attributions = e.relation?.attributions ?? e.event!.event!.attributions;
      return attributions[e.attributionIndex!]!.claimantId === entityId || factAbout(e);
    };
  }

  it('answers every entity, in windows wide and narrow, as a test of every entry against the records does, through writes', async () => {
    const dataset = generateDataset({ entities: 500, relations: 5_000, seed: 23 });
    const next = random(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    // Held back, to be written later: so the indexes a write derives are asked too.
    const held = dataset.relations.filter(() => next() < 0.15);
    const heldIds = new Set(held.map((r) => r.id));
    const relations = new Map(dataset.relations.filter((r) => !heldIds.has(r.id)).map((r) => [r.id, r]));
    let state = stateWithDataset(null, { ...dataset, relations: [...relations.values()] });
    const claimants = [...new Set(dataset.relations.flatMap((r) => r.attributions.flatMap((a) => (a.claimantId === null ? [] : [a.claimantId]))))];
    const entityIds = dataset.entities.map((e) => e.id);
    const writes: { written: RelationRecord[]; removed: string[] }[] = [
      { written: held.slice(0, held.length >> 1), removed: [] },
      { written: [], removed: [...relations.keys()].filter(() => next() < 0.02) },
      {
        // Claims moved from one claimant to another, and the rest of the held relations.
        written: [
          ...held.slice(held.length >> 1),
          ...[...relations.values()]
            .filter((r) => r.attributions.some((a) => a.claimantId !== null && a.saidOn !== null) && next() < 0.05)
            .map((r) => ({ ...r, attributions: r.attributions.map((a) => (a.claimantId === null ? a : { ...a, claimantId: pick(claimants) })) })),
        ],
        removed: [],
      },
    ];
    const open = { from: null, to: null };
    for (let round = 0; round <= writes.length; round++) {
      const whole = await keysOf(state, { window: open, entityId: null, kinds: null });
      const entries: TimelineEntry[] = [];
      let after: string | null = null;
      do {
        const page = await timeline(factIndexesOf(state), state, { window: open, entityId: null, kinds: null }, { first: 500, after }, new Pacer(undefined));
        entries.push(...page.items);
        after = page.hasNextPage ? page.endCursor : null;
      } while (after !== null);
      expect(entries.map(keyOf)).toEqual(whole);
      const days = [...new Set(entries.map((e) => e.earliest))].sort();
      for (const entityId of entityIds) {
        const about = aboutByRecords(relations, entityId);
        const expected = entries.filter(about);
        expect(await keysOf(state, { window: open, entityId, kinds: null }), entityId).toEqual(expected.map(keyOf));
        // A window of one day (few rows to test), of a year, and kinds.
        const day = pick(days);
        const year = { from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` };
        for (const [window, kinds] of [[{ from: day, to: day }, null], [year, ['CLAIM', 'STATEMENT']]] as const) {
          const inWindow = expected.filter((e) => overlapsWindow(e, window) && (kinds === null || (kinds as readonly string[]).includes(e.kind)));
          expect(await keysOf(state, { window, entityId, kinds: kinds && [...kinds] }), `${entityId} ${JSON.stringify(window)}`).toEqual(inWindow.map(keyOf));
        }
      }
      const write = writes[round];
      if (write === undefined) break;
      // The indexes of this snapshot are built, so the next one derives its own from them.
      state = stateWithDataset(state, { sources: [], entities: [], relations: write.written, statements: [] }, { relations: write.removed });
      for (const id of write.removed) relations.delete(id);
      for (const r of write.written) relations.set(r.id, r);
    }
  });
});
