/**
 * A snapshot built by a write from the one before it (state.ts shares and renumbers what the write
 * did not touch) must answer exactly as a snapshot built from scratch over the same records: the
 * adjacency the walks read, the lists by name and kind, and the search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DatasetValidationError,
  deriveStatus,
  isSymmetric,
  normalizeForSearch,
  type Attribution,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type RelationType,
  type SourceRecord,
  type StatementRecord,
} from '../../src/domain/index.js';
import type { Adjacency } from '../../src/store/memory/adjacency.js';
import { stateWithDataset, type MemoryState, type Removals } from '../../src/store/memory/state.js';
import { entityFactsOf, factIndexesOf, factIndexesReady, timeline } from '../../src/store/memory/facts.js';
import { Pacer } from '../../src/store/pacer.js';
import { relationViewsOf } from '../../src/store/memory/relations.js';
import { compareRelationViews } from '../../src/store/memory/ordering.js';
import type { RelationView } from '../../src/store/graph-store.js';

const KINDS: EntityKind[] = ['SETTLEMENT', 'UNIT', 'PERSON'];
const TYPES: RelationType[] = ['NEAR', 'CONTROLS', 'LOCATED_IN', 'ALLIED_WITH'];

const entity = (n: number, name: string, kind: EntityKind): EntityRecord => ({
  id: `e:${n}`,
  kind,
  name,
  aliases: [],
  description: null,
  location: n % 4 === 0 ? { latitude: 48 + n / 100, longitude: 37 + n / 100, precision: 'APPROXIMATE' } : null,
  event:
    n % 5 === 1
      ? { type: 'ASSAULT', time: n % 2 === 0 ? null : { start: `2024-0${1 + (n % 9)}`, end: null, text: null }, quantities: [], attributions: [said(n + 1)], status: 'CLAIMED' }
      : null,
});

const said = (claimant: number | null): Attribution => ({
  claimantId: claimant === null ? null : `e:${claimant}`,
  viaId: null,
  // Some rest on a statement and carry a day, so the timeline and the statements' facts change too.
  statementId: claimant !== null && claimant % 3 === 0 ? `stmt:${claimant % 10}` : null,
  stance: claimant === null ? 'ASSERTS' : 'DISPUTES',
  saidOn: claimant !== null && claimant % 2 === 0 ? `2024-0${1 + (claimant % 9)}-1${claimant % 10}` : null,
  sourceId: 'source:s',
  note: null,
});

const relation = (n: number, type: RelationType, from: number, to: number, claimants: (number | null)[], year: number | null): RelationRecord => {
  const attributions = claimants.map(said);
  return {
    id: `r:${n}`,
    type,
    from: `e:${from}`,
    to: `e:${to}`,
    time: year === null ? null : { start: `${year}`, end: null, text: null },
    attributions,
    status: deriveStatus(attributions),
    claimedBy: null,
    date: null,
    sourceId: 'source:s',
    statementIds: [],
    qualifiers: {},
  };
};

const SOURCE: SourceRecord = { id: 'source:s', title: 'S', publisher: null, url: null, published: null, kind: 'DOCUMENT' };
const source = (n: number): SourceRecord => ({ ...SOURCE, id: `source:${n}`, title: `S${n}` });
const statement = (n: number, speaker: number, about: number, date: string | null): StatementRecord => ({
  id: `stmt:${n}`,
  kind: 'QUOTE',
  text: `said ${n}`,
  date,
  speakerId: `e:${speaker}`,
  aboutIds: [`e:${about}`],
  sourceId: 'source:s',
  status: 'CLAIMED',
  reportedViaId: null,
});
const dataset = (entities: EntityRecord[], relations: RelationRecord[], sources: SourceRecord[] = [], statements: StatementRecord[] = []): Dataset => ({
  sources,
  entities,
  relations,
  statements,
});

/** One write: entities (re)named or added, relations (re)written, some removed. */
const writeArb = fc.record({
  entities: fc.array(fc.tuple(fc.nat(30), fc.stringMatching(/^[abk]{1,6}( [abk]{1,4})?$/), fc.constantFrom(...KINDS)), { maxLength: 4 }),
  relations: fc.array(
    // Ends drawn often from two entities, so parallel relations are written among older ones.
    fc.tuple(fc.nat(60), fc.constantFrom(...TYPES), fc.oneof(fc.nat(30), fc.constantFrom(1, 2)), fc.oneof(fc.nat(30), fc.constantFrom(1, 2)), fc.array(fc.option(fc.nat(40)), { minLength: 1, maxLength: 3 }), fc.option(fc.integer({ min: 2020, max: 2026 }))),
    { maxLength: 6 },
  ),
  sources: fc.array(fc.nat(5), { maxLength: 2 }),
  statements: fc.array(fc.tuple(fc.nat(10), fc.nat(30), fc.nat(30), fc.option(fc.constantFrom('2024-01-02', '2025-03-04'))), { maxLength: 2 }),
  removeRelations: fc.array(fc.nat(60), { maxLength: 3 }),
  removeEntities: fc.array(fc.nat(30), { maxLength: 2 }),
});

/** The adjacency with its claimant codes read back as ids, which a fresh build numbers differently. */
function comparable(adjacency: Adjacency) {
  const claimantOf = new Map([...adjacency.claimantCodes].map(([id, code]) => [code, id]));
  const claimants = adjacency.relations.map((_, r) =>
    [...adjacency.claimants.subarray(adjacency.claimantOffsets[r]!, adjacency.claimantOffsets[r + 1]!)].map((c) => claimantOf.get(c)),
  );
  const { claimantCodes: _codes, claimants: _claimants, claimantOffsets: _offsets, numberOf, ...columns } = adjacency;
  // Every entity's number, and no number for an id that is not an entity (a removed one among them).
  const numbers = adjacency.entities.map((e) => [e.id, numberOf.get(e.id)]);
  const strangers = Array.from({ length: 31 }, (_, n) => `e:${n}`).filter((id) => !adjacency.entities.some((e) => e.id === id) && numberOf.has(id));
  return { ...columns, numbers, strangers, claimants };
}

/**
 * The fact indexes less each timeline row's record number, which is that of the snapshot the rows
 * were built for (what the start image keeps of indexes built from records), not of a later one.
 */
function comparableFacts(state: MemoryState) {
  const { timeline, ...rest } = factIndexesOf(state);
  return { ...rest, ...entityFactsOf(state), timeline: timeline.map(({ record: _record, ...row }) => row) };
}

/** Timeline pages in windows, open and closed (rows lasting a year reach into them from before). */
async function windowAnswers(state: MemoryState) {
  const windows = [
    { from: '2024-01-01', to: '2024-12-31' },
    { from: '2022-06-01', to: null },
    { from: null, to: '2023-06-30' },
    { from: '2024-03-12', to: '2024-03-12' },
    // Inside the last year a relation may have: a row written after every row lasting a year.
    { from: '2026-03-01', to: null },
  ];
  return Promise.all(
    windows.map(async (window) => {
      const page = await timeline(factIndexesOf(state), state, { window, entityId: null, kinds: null }, { first: 100, after: null }, new Pacer(undefined));
      return page.items.map((e) => [e.kind, e.relation?.id ?? e.event?.id ?? e.statement?.id, e.attributionIndex]);
    }),
  );
}

/**
 * Every entity's relations, in each direction: each relation of the records that has the entity at
 * an end and passes the direction, seen from it (OUT from its start, IN from its end, BOTH when
 * symmetric), in the port's order (type, other end's id, relation id). The rows keep id order
 * through the writes, so the store only groups them by type.
 */
function expectRelationViews(state: MemoryState, records: Records) {
  const passAll = () => true;
  for (const { id } of state.adjacency.entities) {
    for (const direction of ['BOTH', 'OUT', 'IN'] as const) {
      const expected = [...records.relations.values()]
        .filter((r) => r.from === id || r.to === id)
        .map((r) => ({ relation: r, direction: isSymmetric(r.type) ? 'BOTH' : r.from === id ? 'OUT' : 'IN', otherId: r.from === id ? r.to : r.from }))
        .filter((v) => direction === 'BOTH' || v.direction === 'BOTH' || v.direction === direction)
        .sort((a, b) => compareRelationViews(a as RelationView, b as RelationView));
      const views = relationViewsOf(state.adjacency, id, passAll, direction);
      const seen = (list: readonly { relation: { id: string }; direction: string; otherId: string }[]) =>
        list.map((v) => `${v.relation.id} ${v.direction} ${v.otherId}`);
      expect(seen(views), `${id} ${direction}`).toEqual(seen(expected));
      for (const view of views) expect(view.other?.id).toBe(view.otherId);
    }
  }
}

function expectSameAnswers(state: MemoryState, fresh: MemoryState) {
  expect([...state.sources.keys()].sort()).toEqual([...fresh.sources.keys()].sort());
  expect(state.sourcesById).toEqual(fresh.sourcesById);
  expect([...state.statements.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([...fresh.statements.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
  expect(state.statementsInOrder).toEqual(fresh.statementsInOrder);
  expect([...state.statementsBySpeaker].sort()).toEqual([...fresh.statementsBySpeaker].sort());
  expect([...state.statementsAbout].sort()).toEqual([...fresh.statementsAbout].sort());
  expect(comparable(state.adjacency)).toEqual(comparable(fresh.adjacency));
  expect(comparableFacts(state)).toEqual(comparableFacts(fresh));
  expect(state.entitiesByName).toEqual(fresh.entitiesByName);
  expect([...state.entitiesByKind].sort()).toEqual([...fresh.entitiesByKind].sort());
  for (const text of ['a', 'ab', 'k', 'abk', 'kab', 'bbb', 'a b', 'akb', 'kkkk']) {
    for (const kinds of [null, ['UNIT', 'PERSON'] as EntityKind[]]) {
      for (const first of [1, 3, 50]) {
        const query = normalizeForSearch(text);
        expect(state.searchIndex.search(query, kinds, first), `search "${text}" ${kinds} ${first}`).toEqual(fresh.searchIndex.search(query, kinds, first));
      }
    }
  }
}

type Write = typeof writeArb extends fc.Arbitrary<infer W> ? W : never;

interface Records {
  readonly entities: Map<string, EntityRecord>;
  readonly relations: Map<string, RelationRecord>;
  readonly sources: Map<string, SourceRecord>;
  readonly statements: Map<string, StatementRecord>;
}

/** The graph the writes start from, as a snapshot and as the records a fresh build reads. */
function startingGraph(): { state: MemoryState; records: Records } {
  const base = Array.from({ length: 20 }, (_, n) => entity(n, `base ${n % 7}`, KINDS[n % 3]!));
  return {
    state: stateWithDataset(null, { ...dataset(base, []), sources: [SOURCE] }),
    records: {
      entities: new Map(base.map((e) => [e.id, e])),
      relations: new Map(),
      sources: new Map([[SOURCE.id, SOURCE]]),
      statements: new Map(),
    },
  };
}

/** A write as the records it writes and the ids it removes. */
function writeOf(write: Write): { written: Dataset; remove: Removals } {
  const entities = write.entities.map(([n, name, kind]) => entity(n, name, kind));
  const relations = write.relations.filter(([, , from, to]) => from !== to).map(([n, type, from, to, claimants, year]) => relation(n, type, from, to, claimants, year));
  const statements = write.statements.map(([n, speaker, about, date]) => statement(n, speaker, about, date));
  return {
    written: dataset(entities, relations, write.sources.map(source), statements),
    remove: { relations: write.removeRelations.map((n) => `r:${n}`), entities: write.removeEntities.map((n) => `e:${n}`) },
  };
}

/** `state` after the write, or null when the write was refused (and changed nothing); `records` follow it. */
function applied(state: MemoryState, records: Records, { written, remove }: { written: Dataset; remove: Removals }): MemoryState | null {
  let next: MemoryState;
  try {
    next = stateWithDataset(state, written, remove);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetValidationError);
    return null;
  }
  for (const e of written.entities) records.entities.set(e.id, e);
  for (const r of written.relations) records.relations.set(r.id, r);
  for (const r of written.sources) records.sources.set(r.id, r);
  for (const r of written.statements) records.statements.set(r.id, r);
  for (const id of remove.relations!) records.relations.delete(id);
  for (const id of remove.entities!) records.entities.delete(id);
  return next;
}

/** A snapshot built from scratch over the records. */
const freshOf = (records: Records) =>
  stateWithDataset(null, dataset([...records.entities.values()], [...records.relations.values()], [...records.sources.values()], [...records.statements.values()]));

describe('a snapshot after writes', () => {
  it('answers as a snapshot built from scratch over the same records, refused writes changing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 8 }), async (writes) => {
        let { state, records } = startingGraph();
        for (const write of writes) {
          // Built before the write, so the next snapshot derives its own (and the shape of its timeline).
          factIndexesOf(state);
          entityFactsOf(state);
          await windowAnswers(state);
          const next = applied(state, records, writeOf(write));
          if (next === null) continue;
          state = next;
          const fresh = freshOf(records);
          expectSameAnswers(state, fresh);
          expectRelationViews(state, records);
          expect(await windowAnswers(state)).toEqual(await windowAnswers(fresh));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('has the fact indexes of a snapshot built from scratch when the writes came while a build was under way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(writeArb, fc.nat(3).map((n) => n === 0)), { minLength: 2, maxLength: 12 }), async (writes) => {
        let { state, records } = startingGraph();
        // Started, not awaited: its result comes in a later turn, after the writes below.
        const asked = [factIndexesReady(state, new Pacer(undefined))];
        for (const [write, ask] of writes) {
          const next = applied(state, records, writeOf(write));
          if (next === null) continue;
          state = next;
          // A question of this snapshot too: the snapshots after it follow its build.
          if (ask) asked.push(factIndexesReady(state, new Pacer(undefined)));
        }
        await factIndexesReady(state, new Pacer(undefined));
        await Promise.all(asked);
        const fresh = freshOf(records);
        expect(comparableFacts(state)).toEqual(comparableFacts(fresh));
        expect(await windowAnswers(state)).toEqual(await windowAnswers(fresh));
      }),
      { numRuns: 400 },
    );
  });
});

describe('a relation written again', () => {
  // Its id stays, its record changes: its columns and its rows must come from the new record, in a
  // small write (spliced into the list) and in one with a removal (merged record by record).
  for (const removal of [false, true]) {
    it(`is read again, ends, type, days and claimants${removal ? ', in a write that also removes one' : ''}`, () => {
      let { state, records } = startingGraph();
      const first = [relation(1, 'NEAR', 1, 2, [3], 2021), relation(2, 'CONTROLS', 4, 5, [6], 2022), relation(3, 'NEAR', 7, 8, [null], null)];
      state = applied(state, records, { written: dataset([], first), remove: { relations: [], entities: [] } })!;
      const again = relation(1, 'ALLIED_WITH', 1, 9, [10, 11], 2024);
      state = applied(state, records, { written: dataset([], [again]), remove: { relations: removal ? ['r:3'] : [], entities: [] } })!;
      expect(comparable(state.adjacency)).toEqual(comparable(freshOf(records).adjacency));
      expectRelationViews(state, records);
    });
  }
});

describe('entity numbers after many writes', () => {
  it('numbers every entity as a snapshot built from scratch does, across the point where they are numbered anew', () => {
    // 5,000 entities written a few hundred at a time, some removed: past the ids a snapshot keeps
    // as new since its last whole numbering, so both ways of numbering are read here.
    let { state, records } = startingGraph();
    for (let round = 0; round < 12; round++) {
      const written = Array.from({ length: 420 }, (_, i) => entity(1000 + round * 420 + i, `w ${round}`, KINDS[i % 3]!));
      const removed = round > 0 ? [`e:${1000 + (round - 1) * 420 + 5 * round}`] : []; // none refers to it
      state = stateWithDataset(state, dataset(written, []), { entities: removed });
      for (const e of written) records.entities.set(e.id, e);
      for (const id of removed) records.entities.delete(id);
      const fresh = freshOf(records);
      expect(state.adjacency.entities.map((e) => state.adjacency.numberOf.get(e.id))).toEqual(fresh.adjacency.entities.map((_, n) => n));
      for (const id of removed) expect(state.adjacency.numberOf.has(id)).toBe(false);
      expect(state.adjacency.numberOf.get('e:999999')).toBeUndefined();
    }
  });
});
