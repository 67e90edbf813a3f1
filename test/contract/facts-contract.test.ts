/**
 * The store contract for the claims model: events, attributions, times, places and the questions
 * over them, on the shared facts fixture (test/support/facts-fixture.ts), for every store. The
 * expected answers are worked out by hand from the fixture and written out.
 *
 * The run's shared Neo4j must hold the seed graph only, so the Neo4j side starts a Neo4j of its
 * own for this file (as test/integration/neo4j-store.test.ts does), whenever the run has Neo4j.
 */
import { describe, expect } from 'vitest';
import { DomainError, ErrorCode, EVENT_LINK_TYPES, nearestThatFit, timeBounds, type EntityRecord, type GeoLocation } from '../../src/domain/index.js';
import type {
  FactRef,
  GraphStore,
  Page,
  PathResult,
  RelationFilter,
  RelationView,
  SubgraphResult,
  TimelineEntry,
  TooManyNodes,
} from '../../src/store/graph-store.js';
import { TIMELINE_ENTRY_KINDS } from '../../src/store/graph-store.js';
import { factsFixture as fixture } from '../support/facts-fixture.js';
import { importedNeo4j, storesOfTheirOwn, useLoadedStore } from '../support/stores.js';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const views = (list: readonly RelationView[] | undefined) => (list ?? []).map((v) => `${v.relation.type} ${v.direction} ${v.otherId}`);
const entity = (id: string): EntityRecord => fixture.entities.find((e) => e.id === id)!;
const pathIds = (p: PathResult | null) => (p === null ? null : { nodes: ids(p.nodes), edges: ids(p.edges) });
const subgraph = (s: SubgraphResult | TooManyNodes | null) => {
  if (s === null || 'tooManyNodes' in s) return s;
  return { nodes: ids(s.nodes), edges: ids(s.edges), ...(s.truncated === undefined ? {} : { truncated: s.truncated }) };
};
const entry = (e: TimelineEntry) => {
  const id = e.event?.id ?? e.relation?.id ?? e.statement?.id;
  return e.kind === 'CLAIM' ? `${e.kind} ${id} ${e.attributionIndex}` : `${e.kind} ${id}`;
};
const fact = (f: FactRef) => (f.relation ? f.relation.id : f.event!.id);

/** Great-circle km on Neo4j's sphere, computed here independently of the stores. */
function haversineKm(a: GeoLocation, b: GeoLocation): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h =
    Math.sin((rad(b.latitude) - rad(a.latitude)) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin((rad(b.longitude) - rad(a.longitude)) / 2) ** 2;
  return 2 * 6378.14 * Math.asin(Math.sqrt(h));
}
const round3 = (km: number) => Math.round(km * 1000) / 1000;

/** Every page of a paged question, `first` at a time. */
async function allPages<T>(ask: (after: string | null) => Promise<Page<T>>): Promise<{ pages: Page<T>[]; items: T[] }> {
  const pages: Page<T>[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await ask(after);
    pages.push(page);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return { pages, items: pages.flatMap((p) => [...p.items]) };
}

/**
 * The timeline of the fixture, by the port's rules: each dated event, dated relation (not an
 * event's link), attribution said on a day (CLAIM) and dated statement, by earliest day, latest
 * day, kind (TIMELINE_ENTRY_KINDS), id and attribution index.
 */
function fixtureTimeline(kinds?: readonly TimelineEntry['kind'][]) {
  const rows: { kind: TimelineEntry['kind']; earliest: string; latest: string; id: string; ai: number }[] = [];
  const claims = (id: string, attributions: readonly { saidOn: string | null }[]) =>
    attributions.forEach((a, ai) => a.saidOn !== null && rows.push({ kind: 'CLAIM', earliest: a.saidOn, latest: a.saidOn, id, ai }));
  for (const e of fixture.entities) {
    if (!e.event) continue;
    if (e.event.time !== null) rows.push({ kind: 'EVENT', ...timeBounds(e.event.time), id: e.id, ai: -1 });
    claims(e.id, e.event.attributions);
  }
  for (const r of fixture.relations) {
    if (EVENT_LINK_TYPES.includes(r.type)) continue;
    if (r.time !== null) rows.push({ kind: 'RELATION', ...timeBounds(r.time), id: r.id, ai: -1 });
    claims(r.id, r.attributions);
  }
  for (const s of fixture.statements) if (s.date !== null) rows.push({ kind: 'STATEMENT', earliest: s.date, latest: s.date, id: s.id, ai: -1 });
  const rank = (kind: TimelineEntry['kind']) => TIMELINE_ENTRY_KINDS.indexOf(kind);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    text(a.earliest, b.earliest) || text(a.latest, b.latest) || rank(a.kind) - rank(b.kind) || text(a.id, b.id) || a.ai - b.ai;
  return rows
    .filter((r) => kinds === undefined || kinds.includes(r.kind))
    .sort(order)
    .map((r) => ({ ...r, entry: r.kind === 'CLAIM' ? `CLAIM ${r.id} ${r.ai}` : `${r.kind} ${r.id}` }));
}

async function expectBadCursor(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
}

const ANY: RelationFilter = { types: null };

describe.each([...(await storesOfTheirOwn('kg-facts-contract-')), await importedNeo4j('kg-facts-imported-')])('the $name store on the facts fixture', (under) => {
  const { store, test } = useLoadedStore(under, fixture);

  describe('records', () => {
    test('returns events, places, relations, statements and sources with every new field as loaded', async () => {
      expect(await store.entitiesByIds([...ids(fixture.entities), 'event:nothing'])).toEqual([...fixture.entities, null]);
      expect(await store.sourcesByIds(ids(fixture.sources))).toEqual(fixture.sources);
      expect((await store.sourcesByIds(['source:general-knowledge']))[0]!.kind).toBe('GENERAL_KNOWLEDGE');
      expect(await store.statementsByIds(ids(fixture.statements))).toEqual(fixture.statements);
      expect(await store.relationsByIds([...ids(fixture.relations), 'rel:nothing'])).toEqual([...fixture.relations, null]);
      const all = await store.relationsOf(ids(fixture.entities), { filter: ANY, direction: 'BOTH' });
      const relations = new Map(all.flat().map((v) => [v.relation.id, v.relation]));
      expect(byId([...relations.values()])).toEqual(byId(fixture.relations));
      // A few fields spelled out, so that a fixture change that drops them shows here.
      const [casualties] = await store.entitiesByIds(['event:north-korean-casualties']);
      expect(casualties!.event).toMatchObject({
        type: 'CASUALTIES',
        status: 'UNVERIFIED',
        time: { start: '2024-10', end: '2025-01-06', text: 'since October' },
        quantities: [{ measure: 'CASUALTIES', value: 1000, approximation: 'MORE_THAN', wording: 'over 1,000' }],
      });
      expect(casualties!.event!.attributions[0]).toEqual({
        claimantId: 'person:antony-blinken',
        viaId: 'org:reuters',
        statementId: 'stmt:blinken-losses',
        stance: 'ASSERTS',
        saidOn: '2025-01-06',
        sourceId: 'source:fixture-wire',
        note: null,
      });
      const [kurakhove] = await store.entitiesByIds(['settlement:kurakhove']);
      expect(kurakhove!.location).toEqual({ latitude: 47.98, longitude: 37.28, precision: 'APPROXIMATE' });
      expect(kurakhove!.event).toBeNull();
    });

    test('exports every record with its new fields, each section by id', async () => {
      expect(await store.exportDataset()).toEqual({
        sources: byId(fixture.sources),
        entities: byId(fixture.entities),
        relations: byId(fixture.relations),
        statements: byId(fixture.statements),
      });
    });
  });

  describe('the relation filter', () => {
    const of = async (id: string, filter: RelationFilter, direction: 'OUT' | 'IN' | 'BOTH' = 'BOTH') =>
      views((await store.relationsOf([id], { filter, direction }))[0]);

    test('keeps relations by derived status', async () => {
      expect(await of('settlement:kurakhove', ANY)).toEqual([
        'CLAIMED_CAPTURE_OF IN unit:russian-armed-forces',
        'CONTROLS IN unit:russian-armed-forces',
        'LOCATED_IN OUT region:donetsk',
        'NEAR BOTH settlement:pokrovsk',
        'TOOK_PLACE_IN IN event:kurakhove-capture',
      ]);
      expect(await of('settlement:kurakhove', { types: null, statuses: ['DISPUTED'] })).toEqual(['TOOK_PLACE_IN IN event:kurakhove-capture']);
      expect(await of('settlement:kurakhove', { types: null, statuses: ['CLAIMED', 'REPORTED'] })).toEqual([
        'CLAIMED_CAPTURE_OF IN unit:russian-armed-forces',
        'CONTROLS IN unit:russian-armed-forces',
      ]);
      expect(await of('unit:north-korean-troops', { types: null, statuses: ['DENIED'] })).toEqual(['DEPLOYED_TO OUT settlement:sudzha']);
      expect(await of('unit:north-korean-troops', { types: null, statuses: ['UNVERIFIED'] })).toEqual([
        'PARTICIPATED_IN OUT event:north-korean-casualties',
        'SUFFERED_LOSSES_IN OUT region:kursk',
      ]);
      expect(await of('settlement:kurakhove', { types: ['NEAR'], statuses: ['CLAIMED'] })).toEqual([]);
      expect(await of('settlement:kurakhove', { types: null, statuses: [] })).toEqual([]);
    });

    test('keeps relations with an attribution by one of the claimants, whatever its stance', async () => {
      expect(await of('settlement:kurakhove', { types: null, claimantIds: ['org:deepstate'] })).toEqual([
        'CONTROLS IN unit:russian-armed-forces',
        'TOOK_PLACE_IN IN event:kurakhove-capture',
      ]);
      expect(await of('settlement:kurakhove', { types: null, claimantIds: ['unit:khortytsia-group'] })).toEqual([
        'CONTROLS IN unit:russian-armed-forces',
      ]);
      // Reuters only cannot verify, and relays Blinken (via is not a claimant).
      expect(await of('region:kursk', { types: null, claimantIds: ['org:reuters'] })).toEqual([
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
      ]);
      expect(await of('region:kursk', { types: null, claimantIds: ['person:apti-alaudinov', 'org:russian-defense-ministry'] })).toEqual([
        'FIGHTING_IN IN unit:chechen-unit',
        'TOOK_PLACE_IN IN event:kursk-offensive',
      ]);
    });

    test('keeps dated relations whose time overlaps the window, never undated ones', async () => {
      expect(await of('region:kursk', ANY)).toEqual([
        'FIGHTING_IN IN unit:chechen-unit',
        'LOCATED_IN OUT country:russia',
        'LOCATED_IN IN settlement:berdin',
        'LOCATED_IN IN settlement:sudzha',
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:kursk-offensive',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
        'TOOK_PLACE_IN IN event:north-korean-deployment',
      ]);
      // The deployment's YEAR 2024 ends on 2024-12-31, inside the window's first day.
      expect(await of('region:kursk', { types: null, window: { from: '2024-12-31', to: null } })).toEqual([
        'FIGHTING_IN IN unit:chechen-unit',
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:kursk-offensive',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
        'TOOK_PLACE_IN IN event:north-korean-deployment',
      ]);
      expect(await of('region:kursk', { types: null, window: { from: '2025-01-01', to: null } })).toEqual([
        'FIGHTING_IN IN unit:chechen-unit',
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:kursk-offensive',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
      ]);
      // The range 2024-10 .. 2025-01-06 starts on 2024-10-01, after the window.
      expect(await of('region:kursk', { types: null, window: { from: null, to: '2024-09-30' } })).toEqual([
        'TOOK_PLACE_IN IN event:north-korean-deployment',
      ]);
      expect(await of('region:kursk', { types: null, window: { from: '2025-01-06', to: '2025-01-06' } })).toEqual([
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
      ]);
      expect(await of('region:kursk', { types: null, window: { from: null, to: null } })).toEqual([
        'FIGHTING_IN IN unit:chechen-unit',
        'SUFFERED_LOSSES_IN IN unit:north-korean-troops',
        'TOOK_PLACE_IN IN event:kursk-offensive',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
        'TOOK_PLACE_IN IN event:north-korean-deployment',
      ]);
    });

    test('keeps relations whose other end is of the kinds; the entity asked is an anchor of any kind', async () => {
      expect(await of('region:kursk', { types: null, kinds: ['SETTLEMENT', 'COUNTRY'] })).toEqual([
        'LOCATED_IN OUT country:russia',
        'LOCATED_IN IN settlement:berdin',
        'LOCATED_IN IN settlement:sudzha',
      ]);
      expect(await of('region:kursk', { types: null, kinds: ['EVENT'] })).toEqual([
        'TOOK_PLACE_IN IN event:kursk-offensive',
        'TOOK_PLACE_IN IN event:north-korean-casualties',
        'TOOK_PLACE_IN IN event:north-korean-deployment',
      ]);
      expect(await of('region:kursk', { types: null, kinds: ['REGION'] })).toEqual([]);
      expect(await of('region:kursk', { types: ['LOCATED_IN'], kinds: ['COUNTRY'] }, 'OUT')).toEqual(['LOCATED_IN OUT country:russia']);
    });

    test('combines every clause, and answers each entity of a batch from its own side', async () => {
      const filter: RelationFilter = {
        types: ['TOOK_PLACE_IN', 'PARTICIPATED_IN', 'CONTROLS'],
        statuses: ['DISPUTED', 'REPORTED'],
        claimantIds: ['org:deepstate'],
        window: { from: '2025-01-02', to: null },
        kinds: ['UNIT', 'SETTLEMENT'],
      };
      const [kurakhove, capture] = await store.relationsOf(['settlement:kurakhove', 'event:kurakhove-capture'], { filter, direction: 'BOTH' });
      // From Kurakhove the capture event is an end of another kind; from the event, it is the anchor.
      expect(views(kurakhove)).toEqual(['CONTROLS IN unit:russian-armed-forces']);
      expect(views(capture)).toEqual(['PARTICIPATED_IN IN unit:russian-armed-forces', 'TOOK_PLACE_IN OUT settlement:kurakhove']);
    });

    test('filters the relations a neighbourhood walks by status', async () => {
      const confirmed = await store.neighborhood('settlement:kurakhove', { depth: 2, filter: { types: null, statuses: ['CONFIRMED'] } });
      expect(subgraph(confirmed)).toEqual({
        nodes: ['settlement:kurakhove', 'region:donetsk', 'settlement:pokrovsk', 'country:ukraine', 'settlement:dachenske'],
        edges: [
          'rel:dachenske-located-in-donetsk',
          'rel:donetsk-located-in-ukraine',
          'rel:kurakhove-located-in-donetsk',
          'rel:pokrovsk-located-in-donetsk',
          'rel:pokrovsk-near-kurakhove',
        ],
      });
    });

    test('filters the relations a neighbourhood walks by kind, the centre being an anchor', async () => {
      const units = await store.neighborhood('event:kurakhove-capture', { depth: 2, filter: { types: null, kinds: ['UNIT', 'SETTLEMENT'] } });
      expect(subgraph(units)).toEqual({
        nodes: ['event:kurakhove-capture', 'settlement:kurakhove', 'unit:russian-armed-forces', 'settlement:pokrovsk', 'unit:chechen-unit'],
        edges: [
          'rel:chechen-unit-part-of-russian-armed-forces',
          'rel:kurakhove-capture-took-place-in-kurakhove',
          'rel:pokrovsk-near-kurakhove',
          'rel:russian-armed-forces-attacked-pokrovsk',
          'rel:russian-armed-forces-claimed-capture-of-kurakhove',
          'rel:russian-armed-forces-controls-kurakhove',
          'rel:russian-armed-forces-participated-in-kurakhove-capture',
        ],
      });
    });

    test('filters the relations a neighbourhood walks and lists by window and by claimant', async () => {
      const recent = await store.neighborhood('region:kursk', { depth: 1, filter: { types: null, window: { from: '2025-01-01', to: null } } });
      expect(subgraph(recent)).toEqual({
        nodes: ['region:kursk', 'event:kursk-offensive', 'event:north-korean-casualties', 'unit:chechen-unit', 'unit:north-korean-troops'],
        edges: [
          'rel:casualties-took-place-in-kursk',
          'rel:chechen-unit-fighting-in-kursk',
          'rel:kursk-offensive-took-place-in-kursk',
          'rel:north-korean-troops-participated-in-casualties',
          'rel:north-korean-troops-suffered-losses-in-kursk',
        ],
      });
      const ministry = await store.neighborhood('unit:russian-armed-forces', {
        depth: 1,
        filter: { types: null, claimantIds: ['org:russian-defense-ministry'] },
      });
      expect(subgraph(ministry)).toEqual({
        nodes: ['unit:russian-armed-forces', 'event:kurakhove-capture', 'event:kursk-repulse', 'settlement:kurakhove', 'settlement:pokrovsk'],
        edges: [
          'rel:kurakhove-capture-took-place-in-kurakhove',
          'rel:russian-armed-forces-attacked-pokrovsk',
          'rel:russian-armed-forces-claimed-capture-of-kurakhove',
          'rel:russian-armed-forces-participated-in-kurakhove-capture',
          'rel:russian-armed-forces-participated-in-kursk-repulse',
        ],
      });
    });

    test('filters the relations a shortest path may use by every clause', async () => {
      const ask = (from: string, to: string, filter: RelationFilter, directed = false, maxHops = 10) =>
        store.shortestPath(from, to, { maxHops, filter, directed }).then(pathIds);
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', ANY)).toEqual({
        nodes: ['settlement:kurakhove', 'unit:russian-armed-forces', 'unit:chechen-unit', 'region:kursk', 'settlement:sudzha'],
        edges: [
          'rel:russian-armed-forces-claimed-capture-of-kurakhove',
          'rel:chechen-unit-part-of-russian-armed-forces',
          'rel:chechen-unit-fighting-in-kursk',
          'rel:sudzha-located-in-kursk',
        ],
      });
      // REPORTED only: the CONTROLS relation instead of the claimed capture, then no way on.
      expect(await ask('settlement:kurakhove', 'unit:russian-armed-forces', { types: null, statuses: ['REPORTED'] })).toEqual({
        nodes: ['settlement:kurakhove', 'unit:russian-armed-forces'],
        edges: ['rel:russian-armed-forces-controls-kurakhove'],
      });
      // Places and events only: through Donetsk, Ukraine and the Kursk offensive.
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', { types: null, kinds: ['SETTLEMENT', 'REGION', 'COUNTRY', 'EVENT'] })).toEqual({
        nodes: ['settlement:kurakhove', 'region:donetsk', 'country:ukraine', 'event:kursk-offensive', 'region:kursk', 'settlement:sudzha'],
        edges: [
          'rel:kurakhove-located-in-donetsk',
          'rel:donetsk-located-in-ukraine',
          'rel:ukraine-participated-in-kursk-offensive',
          'rel:kursk-offensive-took-place-in-kursk',
          'rel:sudzha-located-in-kursk',
        ],
      });
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', { types: null, kinds: ['SETTLEMENT', 'REGION', 'COUNTRY'] })).toBeNull();
      // The ends are anchors: a unit may start a path over places only.
      expect(await ask('unit:chechen-unit', 'settlement:sudzha', { types: null, kinds: ['REGION', 'SETTLEMENT'] })).toEqual({
        nodes: ['unit:chechen-unit', 'region:kursk', 'settlement:sudzha'],
        edges: ['rel:chechen-unit-fighting-in-kursk', 'rel:sudzha-located-in-kursk'],
      });
      // Sudzha is reached by dated relations only through the denied deployment (December 2024).
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', { types: null, window: { from: '2025-01-01', to: null } })).toBeNull();
      expect(await ask('region:kursk', 'settlement:sudzha', { types: null, window: { from: '2024-12-01', to: null } })).toEqual({
        nodes: ['region:kursk', 'unit:north-korean-troops', 'settlement:sudzha'],
        edges: ['rel:north-korean-troops-suffered-losses-in-kursk', 'rel:north-korean-troops-deployed-to-sudzha'],
      });
      // Russia denies the deployment to Sudzha; Ukraine asserts the deployment to the region.
      expect(await ask('region:kursk', 'settlement:sudzha', { types: null, claimantIds: ['country:russia'] })).toBeNull();
      expect(await ask('region:kursk', 'settlement:sudzha', { types: null, claimantIds: ['country:russia', 'country:ukraine'] })).toEqual({
        nodes: ['region:kursk', 'event:north-korean-deployment', 'unit:north-korean-troops', 'settlement:sudzha'],
        edges: [
          'rel:deployment-took-place-in-kursk',
          'rel:north-korean-troops-participated-in-deployment',
          'rel:north-korean-troops-deployed-to-sudzha',
        ],
      });
    });
  });

  describe('relations with a cap', () => {
    test('a list within the cap is whole and in order; past it, cut one past the cap to real relations of the entity', async () => {
      const both = { filter: ANY, direction: 'BOTH' as const };
      const [full] = await store.relationsOf(['region:kursk'], both);
      expect(full!.length).toBeGreaterThan(4);
      expect(await store.relationsOf(['region:kursk'], { ...both, cap: full!.length })).toEqual([full]);
      const [cut] = await store.relationsOf(['region:kursk'], { ...both, cap: 3 });
      expect(cut).toHaveLength(4);
      const ids = new Set(full!.map((v) => v.relation.id));
      expect(cut!.every((v) => ids.has(v.relation.id))).toBe(true);
      // Several entities at once: each is cut on its own.
      const [kursk, alaudinov] = await store.relationsOf(['region:kursk', 'person:apti-alaudinov'], { ...both, cap: 3 });
      expect(kursk).toHaveLength(4);
      const [alone] = await store.relationsOf(['person:apti-alaudinov'], { ...both, cap: 3 });
      expect(alaudinov).toEqual(alone);
    });
  });

  describe('neighbourhood limit', () => {
    test('with maxNodes, a neighbourhood past it is TooManyNodes and one within it is answered in full', async () => {
      const full = subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY }));
      expect(subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, maxNodes: 9 }))).toEqual(full);
      // No list cap configured (MAX_LIST_LENGTH unset in a context) is no cap at all.
      expect(subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, maxNodes: Number.POSITIVE_INFINITY }))).toEqual(full);
      const refused = await store.neighborhood('region:kursk', { depth: 1, filter: ANY, maxNodes: 5 });
      expect(refused).toMatchObject({ tooManyNodes: true });
      expect((refused as TooManyNodes).atLeast).toBeGreaterThan(5);
    });

    test('lists the first nodes in order, the edges among them, and says whether more were reached', async () => {
      const full = await store.neighborhood('region:kursk', { depth: 1, filter: ANY });
      expect(ids((full as SubgraphResult).nodes)).toEqual([
        'region:kursk',
        'country:russia',
        'event:kursk-offensive',
        'event:north-korean-casualties',
        'event:north-korean-deployment',
        'settlement:berdin',
        'settlement:sudzha',
        'unit:chechen-unit',
        'unit:north-korean-troops',
      ]);
      expect(full).not.toHaveProperty('truncated');
      expect(subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, limit: 4 }))).toEqual({
        nodes: ['region:kursk', 'country:russia', 'event:kursk-offensive', 'event:north-korean-casualties'],
        edges: ['rel:casualties-took-place-in-kursk', 'rel:kursk-located-in-russia', 'rel:kursk-offensive-took-place-in-kursk'],
        truncated: true,
      });
      expect(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, limit: 9 })).toEqual({ ...full, truncated: false });
      expect(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, limit: 1 })).toEqual({
        nodes: [entity('region:kursk')],
        edges: [],
        truncated: true,
      });
      // With a limit, never TooManyNodes.
      expect(subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, limit: 2, maxNodes: 2 }))).toEqual({
        nodes: ['region:kursk', 'country:russia'],
        edges: ['rel:kursk-located-in-russia'],
        truncated: true,
      });
      expect(subgraph(await store.neighborhood('settlement:berdin', { depth: 2, filter: ANY, limit: 3 }))).toEqual({
        nodes: ['settlement:berdin', 'event:kursk-repulse', 'region:kursk'],
        edges: ['rel:berdin-located-in-kursk', 'rel:kursk-repulse-took-place-in-berdin'],
        truncated: true,
      });
    });

    test('with maxItems, lists the nearest nodes whose relations fit it, as nearestThatFit cuts the answer', async () => {
      let cutByRelations = 0;
      for (const centre of ['region:kursk', 'settlement:berdin', 'country:russia']) {
        for (const limit of [6, 40]) {
          const whole = (await store.neighborhood(centre, { depth: 2, filter: ANY, limit })) as SubgraphResult;
          for (const maxItems of [1, 2, 3, 5, 8, 13, 1000]) {
            const cut = await store.neighborhood(centre, { depth: 2, filter: ANY, limit, maxItems });
            expect(cut, `${centre} limit ${limit} maxItems ${maxItems}`).toEqual(nearestThatFit(whole, maxItems));
            if (whole.nodes.length <= maxItems && whole.edges.length > maxItems) cutByRelations++;
          }
        }
      }
      expect(cutByRelations).toBeGreaterThan(0);
      // Kursk's nearest four bring three relations: with room for 3 items they all fit but the fourth node.
      expect(subgraph(await store.neighborhood('region:kursk', { depth: 1, filter: ANY, limit: 4, maxItems: 3 }))).toEqual({
        nodes: ['region:kursk', 'country:russia', 'event:kursk-offensive'],
        edges: ['rel:kursk-located-in-russia', 'rel:kursk-offensive-took-place-in-kursk'],
        truncated: true,
      });
    });
  });

  describe('paths', () => {
    const ask = (from: string, to: string, first: number, maxHops = 6, directed = false, filter: RelationFilter = ANY) =>
      store.paths(from, to, { maxHops, first, filter, directed }).then((list) => list.map(pathIds));
    const shortest = {
      nodes: ['settlement:kurakhove', 'unit:russian-armed-forces', 'unit:chechen-unit', 'region:kursk', 'settlement:sudzha'],
      edges: [
        'rel:russian-armed-forces-claimed-capture-of-kurakhove',
        'rel:chechen-unit-part-of-russian-armed-forces',
        'rel:chechen-unit-fighting-in-kursk',
        'rel:sudzha-located-in-kursk',
      ],
    };
    const throughControls = { nodes: shortest.nodes, edges: ['rel:russian-armed-forces-controls-kurakhove', ...shortest.edges.slice(1)] };
    const throughCapture = {
      nodes: ['settlement:kurakhove', 'event:kurakhove-capture', 'unit:russian-armed-forces', 'unit:chechen-unit', 'region:kursk', 'settlement:sudzha'],
      edges: [
        'rel:kurakhove-capture-took-place-in-kurakhove',
        'rel:russian-armed-forces-participated-in-kurakhove-capture',
        'rel:chechen-unit-part-of-russian-armed-forces',
        'rel:chechen-unit-fighting-in-kursk',
        'rel:sudzha-located-in-kursk',
      ],
    };

    test('gives the k shortest loopless paths, shortest first, ties by node ids then edge ids', async () => {
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', 3)).toEqual([shortest, throughControls, throughCapture]);
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', 2)).toEqual([shortest, throughControls]);
      expect(await ask('settlement:dachenske', 'settlement:kurakhove', 10, 4)).toEqual([
        { nodes: ['settlement:dachenske', 'region:donetsk', 'settlement:kurakhove'], edges: ['rel:dachenske-located-in-donetsk', 'rel:kurakhove-located-in-donetsk'] },
        {
          nodes: ['settlement:dachenske', 'region:donetsk', 'settlement:pokrovsk', 'settlement:kurakhove'],
          edges: ['rel:dachenske-located-in-donetsk', 'rel:pokrovsk-located-in-donetsk', 'rel:pokrovsk-near-kurakhove'],
        },
        {
          nodes: ['settlement:dachenske', 'region:donetsk', 'settlement:pokrovsk', 'unit:russian-armed-forces', 'settlement:kurakhove'],
          edges: [
            'rel:dachenske-located-in-donetsk',
            'rel:pokrovsk-located-in-donetsk',
            'rel:russian-armed-forces-attacked-pokrovsk',
            'rel:russian-armed-forces-claimed-capture-of-kurakhove',
          ],
        },
        {
          nodes: ['settlement:dachenske', 'region:donetsk', 'settlement:pokrovsk', 'unit:russian-armed-forces', 'settlement:kurakhove'],
          edges: [
            'rel:dachenske-located-in-donetsk',
            'rel:pokrovsk-located-in-donetsk',
            'rel:russian-armed-forces-attacked-pokrovsk',
            'rel:russian-armed-forces-controls-kurakhove',
          ],
        },
      ]);
    });

    test('first = 1 is the shortest path; maxHops bounds every path', async () => {
      for (const [from, to] of [
        ['settlement:kurakhove', 'settlement:sudzha'],
        ['person:apti-alaudinov', 'event:russia-ukraine-war'],
        ['settlement:pokrovsk', 'country:united-kingdom'],
        ['org:reuters', 'region:kursk'],
      ] as const) {
        const one = await store.shortestPath(from, to, { maxHops: 6, filter: ANY, directed: false });
        expect(await store.paths(from, to, { maxHops: 6, first: 1, filter: ANY, directed: false })).toEqual(one === null ? [] : [one]);
      }
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', 3, 4)).toEqual([shortest, throughControls]);
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', 3, 3)).toEqual([]);
      // Reuters is tied to the rest only through attributions and statements, which no walk uses.
      expect(await ask('org:reuters', 'region:kursk', 3)).toEqual([]);
      expect(await ask('settlement:kurakhove', 'settlement:kurakhove', 3)).toEqual([{ nodes: ['settlement:kurakhove'], edges: [] }]);
    });

    test('directed paths follow relations from start to end, symmetric ones either way', async () => {
      expect(await ask('settlement:sudzha', 'country:russia', 3, 6, true)).toEqual([
        { nodes: ['settlement:sudzha', 'region:kursk', 'country:russia'], edges: ['rel:sudzha-located-in-kursk', 'rel:kursk-located-in-russia'] },
      ]);
      expect(await ask('country:russia', 'settlement:sudzha', 3, 6, true)).toEqual([]);
      expect(await ask('settlement:kurakhove', 'settlement:pokrovsk', 3, 1, true)).toEqual([
        { nodes: ['settlement:kurakhove', 'settlement:pokrovsk'], edges: ['rel:pokrovsk-near-kurakhove'] },
      ]);
    });

    test('paths use only the relations the filter lets through', async () => {
      // Without the REPORTED CONTROLS and the DISPUTED capture: then through the repulse near Berdin.
      expect(await ask('settlement:kurakhove', 'settlement:sudzha', 3, 6, false, { types: null, statuses: ['CONFIRMED', 'CLAIMED'] })).toEqual([
        shortest,
        {
          nodes: ['settlement:kurakhove', 'unit:russian-armed-forces', 'event:kursk-repulse', 'settlement:berdin', 'region:kursk', 'settlement:sudzha'],
          edges: [
            'rel:russian-armed-forces-claimed-capture-of-kurakhove',
            'rel:russian-armed-forces-participated-in-kursk-repulse',
            'rel:kursk-repulse-took-place-in-berdin',
            'rel:berdin-located-in-kursk',
            'rel:sudzha-located-in-kursk',
          ],
        },
        // Of the two of six hops (the other through the war and Russia), the repulse's id comes first.
        {
          nodes: ['settlement:kurakhove', 'region:donetsk', 'country:ukraine', 'event:kursk-repulse', 'settlement:berdin', 'region:kursk', 'settlement:sudzha'],
          edges: [
            'rel:kurakhove-located-in-donetsk',
            'rel:donetsk-located-in-ukraine',
            'rel:ukraine-participated-in-kursk-repulse',
            'rel:kursk-repulse-took-place-in-berdin',
            'rel:berdin-located-in-kursk',
            'rel:sudzha-located-in-kursk',
          ],
        },
      ]);
    });
  });

  describe('paths through statements', () => {
    /** A path as its entities, its relations, and each step's relation or statement id. */
    const walked = (p: PathResult) => ({
      nodes: ids(p.nodes),
      edges: ids(p.edges),
      steps: (p.steps ?? []).map((s) => `${s.from.id} ${s.relation?.id ?? s.statement!.id} ${s.to.id}`),
    });
    const through = (from: string, to: string, first: number, directed = false, filter: RelationFilter = ANY) =>
      store.paths(from, to, { maxHops: 6, first, filter, directed, throughStatements: true }).then((list) => list.map(walked));
    const saidAboutKursk = {
      nodes: ['person:antony-blinken', 'region:kursk'],
      edges: [],
      steps: ['person:antony-blinken stmt:blinken-losses region:kursk'],
    };
    const saidAboutTroops = {
      nodes: ['person:antony-blinken', 'unit:north-korean-troops', 'region:kursk'],
      edges: ['rel:north-korean-troops-suffered-losses-in-kursk'],
      steps: [
        'person:antony-blinken stmt:blinken-losses unit:north-korean-troops',
        'unit:north-korean-troops rel:north-korean-troops-suffered-losses-in-kursk region:kursk',
      ],
    };

    test('a speaker reaches what they spoke about, a statement step counting two hops', async () => {
      // Blinken is tied to the graph only by what he said: no path of relations.
      expect(await store.paths('person:antony-blinken', 'region:kursk', { maxHops: 6, first: 2, filter: ANY, directed: false })).toEqual([]);
      expect(await through('person:antony-blinken', 'region:kursk', 2)).toEqual([saidAboutKursk, saidAboutTroops]);
      // Two hops, not one: within one hop there is nothing.
      expect(await store.paths('person:antony-blinken', 'region:kursk', { maxHops: 1, first: 2, filter: ANY, directed: false, throughStatements: true })).toEqual([]);
      const [twoHops] = await store.paths('person:antony-blinken', 'region:kursk', { maxHops: 2, first: 1, filter: ANY, directed: false, throughStatements: true });
      expect(walked(twoHops!)).toEqual(saidAboutKursk);
      const shortest = await store.shortestPath('person:antony-blinken', 'region:kursk', { maxHops: 6, filter: ANY, directed: false, throughStatements: true });
      expect(shortest && walked(shortest)).toEqual(saidAboutKursk);
    });

    test('directed, only from the speaker to the subject; undirected, back too', async () => {
      expect(await through('person:antony-blinken', 'region:kursk', 1, true)).toEqual([saidAboutKursk]);
      expect(await through('region:kursk', 'person:antony-blinken', 1, true)).toEqual([]);
      expect(await through('region:kursk', 'person:antony-blinken', 1)).toEqual([
        { nodes: ['region:kursk', 'person:antony-blinken'], edges: [], steps: ['region:kursk stmt:blinken-losses person:antony-blinken'] },
      ]);
    });

    test('the kinds clause applies to the entities a statement joins; the ends pass whatever their kind', async () => {
      // The second path's North Korean troops are a UNIT.
      expect(await through('person:antony-blinken', 'region:kursk', 2, false, { types: null, kinds: ['REGION'] })).toEqual([saidAboutKursk]);
    });

    test('without the argument, paths never go through statements', async () => {
      const plain = await store.paths('org:deepstate', 'settlement:kurakhove', { maxHops: 6, first: 3, filter: ANY, directed: false });
      expect(plain).toEqual([]);
      expect((await through('org:deepstate', 'settlement:kurakhove', 1)).map((p) => p.steps)).toEqual([
        ['org:deepstate stmt:deepstate-most-of settlement:kurakhove'],
      ]);
    });
  });

  describe('events', () => {
    const events = (query: Partial<Parameters<GraphStore['findEvents']>[0]>, first = 100, after: string | null = null) =>
      store.findEvents({ types: null, participantId: null, placeId: null, window: null, ...query }, { first, after });

    test('lists events by earliest day, undated last, then id', async () => {
      const all = await events({});
      expect(ids(all.items)).toEqual([
        'event:russia-ukraine-war',
        'event:north-korean-deployment',
        'event:north-korean-casualties',
        'event:kurakhove-capture',
        'event:kursk-offensive',
        'event:kursk-repulse',
        'event:uk-pledge',
      ]);
      expect(all.items[0]).toEqual(entity('event:russia-ukraine-war'));
      expect(all).toMatchObject({ totalCount: 7, hasNextPage: false });
    });

    test('filters by type, participant, place (with the places inside it) and window', async () => {
      expect(ids((await events({ types: ['CAPTURE', 'REPULSE'] })).items)).toEqual(['event:kurakhove-capture', 'event:kursk-repulse']);
      expect(ids((await events({ participantId: 'country:ukraine' })).items)).toEqual([
        'event:russia-ukraine-war',
        'event:kursk-offensive',
        'event:kursk-repulse',
        'event:uk-pledge',
      ]);
      expect(ids((await events({ participantId: 'country:russia' })).items)).toEqual(['event:russia-ukraine-war', 'event:north-korean-deployment']);
      expect(ids((await events({ placeId: 'region:kursk' })).items)).toEqual([
        'event:north-korean-deployment',
        'event:north-korean-casualties',
        'event:kursk-offensive',
        'event:kursk-repulse',
      ]);
      expect(ids((await events({ placeId: 'country:russia' })).items)).toEqual([
        'event:north-korean-deployment',
        'event:north-korean-casualties',
        'event:kursk-offensive',
        'event:kursk-repulse',
      ]);
      expect(ids((await events({ placeId: 'country:ukraine' })).items)).toEqual(['event:russia-ukraine-war', 'event:kurakhove-capture']);
      expect(ids((await events({ placeId: 'settlement:berdin' })).items)).toEqual(['event:kursk-repulse']);
      expect(ids((await events({ window: { from: '2025-01-06', to: '2025-01-06' } })).items)).toEqual([
        'event:russia-ukraine-war',
        'event:north-korean-casualties',
        'event:kurakhove-capture',
        'event:kursk-repulse',
      ]);
      const combined = await events({ participantId: 'country:ukraine', window: { from: '2025-01-06', to: null } });
      expect(ids(combined.items)).toEqual(['event:russia-ukraine-war', 'event:kursk-repulse']);
      expect(combined.totalCount).toBe(2);
      expect(await events({ placeId: 'settlement:nowhere' })).toEqual({ items: [], totalCount: 0, endCursor: null, hasNextPage: false });
    });

    test("gives each place's events as events(placeId) lists them, for many places in one call", async () => {
      const places = (await store.listEntities(['COUNTRY', 'REGION', 'SETTLEMENT'])).map((e) => e.id);
      const asked = [...places, 'settlement:nowhere', places[0]!];
      const lists = await store.eventsInPlaces(asked);
      expect(lists).toHaveLength(asked.length);
      for (const [i, placeId] of asked.entries()) {
        expect(lists[i], placeId).toEqual((await events({ placeId })).items);
      }
      expect(ids(lists[asked.indexOf('country:russia')]!)).toEqual([
        'event:north-korean-deployment',
        'event:north-korean-casualties',
        'event:kursk-offensive',
        'event:kursk-repulse',
      ]);
      expect(lists.filter((l) => l.length > 0).length).toBeGreaterThan(3);
      expect(await store.eventsInPlaces([])).toEqual([]);
    });

    test('pages with totalCount, endCursor and hasNextPage; a cursor it did not make is bad input', async () => {
      const first = await events({}, 3);
      expect(ids(first.items)).toEqual(['event:russia-ukraine-war', 'event:north-korean-deployment', 'event:north-korean-casualties']);
      expect(first).toMatchObject({ totalCount: 7, hasNextPage: true });
      expect(typeof first.endCursor).toBe('string');
      const second = await events({}, 3, first.endCursor);
      expect(ids(second.items)).toEqual(['event:kurakhove-capture', 'event:kursk-offensive', 'event:kursk-repulse']);
      expect(second).toMatchObject({ totalCount: 7, hasNextPage: true });
      const third = await events({}, 3, second.endCursor);
      expect(ids(third.items)).toEqual(['event:uk-pledge']);
      expect(third).toMatchObject({ totalCount: 7, hasNextPage: false });
      expect(third.endCursor).not.toBeNull();
      expect(await events({}, 3, third.endCursor)).toEqual({ items: [], totalCount: 7, endCursor: null, hasNextPage: false });
      const place = await allPages((after) => events({ placeId: 'region:kursk' }, 1, after));
      expect(ids(place.items)).toEqual(['event:north-korean-deployment', 'event:north-korean-casualties', 'event:kursk-offensive', 'event:kursk-repulse']);
      expect(place.pages.map((p) => p.totalCount)).toEqual([4, 4, 4, 4]);
      await expectBadCursor(events({}, 3, 'not a cursor'));
      await expectBadCursor(events({}, 3, ''));
    });
  });

  describe('timeline', () => {
    const timeline = (
      window: { from: string | null; to: string | null },
      rest: { entityId?: string; kinds?: TimelineEntry['kind'][] } = {},
      first = 100,
      after: string | null = null,
    ) => store.timeline({ window, entityId: rest.entityId ?? null, kinds: rest.kinds ?? null }, { first, after });
    const december = [
      'EVENT event:russia-ukraine-war',
      'EVENT event:north-korean-deployment',
      'RELATION rel:russian-armed-forces-attacked-pokrovsk',
      'EVENT event:north-korean-casualties',
      'RELATION rel:north-korean-troops-suffered-losses-in-kursk',
      'RELATION rel:north-korean-troops-deployed-to-sudzha',
      'CLAIM rel:north-korean-troops-deployed-to-sudzha 0',
      'STATEMENT stmt:russia-denies',
      'CLAIM rel:russian-armed-forces-attacked-pokrovsk 1',
    ];

    test("puts events, dated relations (not an event's links), claims and statements overlapping the window in order", async () => {
      const page = await timeline({ from: '2024-12-01', to: '2024-12-31' });
      expect(page.items.map(entry)).toEqual(december);
      expect(page).toMatchObject({ totalCount: 9, hasNextPage: false });
      const claim = page.items.find((e) => e.kind === 'CLAIM' && e.relation?.id === 'rel:russian-armed-forces-attacked-pokrovsk')!;
      expect(claim).toMatchObject({ earliest: '2024-12-20', latest: '2024-12-20', attributionIndex: 1, event: null, statement: null });
      expect(claim.relation).toEqual(fixture.relations.find((r) => r.id === 'rel:russian-armed-forces-attacked-pokrovsk'));
      const war = page.items[0]!;
      expect(war).toMatchObject({ kind: 'EVENT', earliest: '2022-02-24', latest: '2025-01-31', relation: null, statement: null, attributionIndex: null });
      expect(war.event).toEqual(entity('event:russia-ukraine-war'));
      const statement = page.items.find((e) => e.kind === 'STATEMENT')!;
      expect(statement).toMatchObject({ earliest: '2024-12-10', latest: '2024-12-10', event: null, relation: null, attributionIndex: null });
      expect(statement.statement!.id).toBe('stmt:russia-denies');
    });

    test('keeps the entries about an entity, and the kinds asked', async () => {
      const kursk = await timeline({ from: '2025-01-05', to: '2025-01-05' }, { entityId: 'region:kursk' });
      expect(kursk.items.map(entry)).toEqual([
        'EVENT event:north-korean-casualties',
        'RELATION rel:north-korean-troops-suffered-losses-in-kursk',
        'EVENT event:kursk-offensive',
        'RELATION rel:chechen-unit-fighting-in-kursk',
        'CLAIM event:kursk-offensive 0',
        'CLAIM rel:chechen-unit-fighting-in-kursk 0',
        'STATEMENT stmt:alaudinov-kursk',
      ]);
      expect(kursk.totalCount).toBe(7);
      // What was said on 6 January 2025.
      const said = await timeline({ from: '2025-01-06', to: '2025-01-06' }, { kinds: ['STATEMENT'] });
      expect(said.items.map(entry)).toEqual(['STATEMENT stmt:blinken-losses', 'STATEMENT stmt:deepstate-most-of', 'STATEMENT stmt:mod-kurakhove']);
      // The claims one party made, of whatever fact.
      const deepstate = await timeline({ from: '2025-01-06', to: '2025-01-06' }, { entityId: 'org:deepstate', kinds: ['CLAIM'] });
      expect(deepstate.items.map(entry)).toEqual([
        'CLAIM event:kurakhove-capture 1',
        'CLAIM rel:russian-armed-forces-controls-kurakhove 0',
      ]);
      const deepstateAll = await timeline({ from: '2025-01-06', to: '2025-01-06' }, { entityId: 'org:deepstate' });
      expect(deepstateAll.items.map(entry)).toEqual([...deepstate.items.map(entry), 'STATEMENT stmt:deepstate-most-of']);
      const events = await timeline({ from: null, to: null }, { kinds: ['EVENT'] });
      expect(events.items.map(entry)).toEqual([
        'EVENT event:russia-ukraine-war',
        'EVENT event:north-korean-deployment',
        'EVENT event:north-korean-casualties',
        'EVENT event:kurakhove-capture',
        'EVENT event:kursk-offensive',
        'EVENT event:kursk-repulse',
      ]);
      expect((await timeline({ from: '2025-01-06', to: '2025-01-06' }, { entityId: 'person:nobody' })).totalCount).toBe(0);
    });

    test('pages through the timeline with stable cursors', async () => {
      const { pages, items } = await allPages((after) => timeline({ from: '2024-12-01', to: '2024-12-31' }, {}, 5, after));
      expect(items.map(entry)).toEqual(december);
      expect(pages.map((p) => [p.items.length, p.totalCount, p.hasNextPage])).toEqual([
        [5, 9, true],
        [4, 9, false],
      ]);
      await expectBadCursor(timeline({ from: '2024-12-01', to: '2024-12-31' }, {}, 5, 'bogus'));
    });

    test('answers the whole timeline and any window, page by page, as the fixture gives them', async () => {
      // Worked out from the fixture's records apart from any store: on Neo4j a window's
      // relations come by index, and a page reads a few days at a time from its cursor's day.
      const kindsAsked: (TimelineEntry['kind'][] | undefined)[] = [undefined, ['CLAIM'], ['RELATION', 'STATEMENT'], ['EVENT']];
      const days = ['2022-02-24', '2024-10-01', '2024-12-10', '2024-12-20', '2025-01-05', '2025-01-06', '2025-01-31', '2025-02-01'];
      const windows = [
        { from: null, to: null },
        ...days.flatMap((day) => [{ from: day, to: day }, { from: day, to: null }, { from: null, to: day }]),
        { from: '2024-11-01', to: '2025-01-05' },
        { from: '2025-01-06', to: '2025-01-07' },
        { from: '2021-01-01', to: '2030-12-31' },
      ];
      let nonEmpty = 0;
      for (const kinds of kindsAsked) {
        for (const window of windows) {
          const expected = fixtureTimeline(kinds).filter((e) => (window.from === null || e.latest >= window.from) && (window.to === null || e.earliest <= window.to));
          for (const first of [2, 100]) {
            const { pages, items } = await allPages((after) => timeline(window, { kinds }, first, after));
            expect({ window, kinds, first, entries: items.map(entry) }).toEqual({ window, kinds, first, entries: expected.map((e) => e.entry) });
            expect(pages.every((p) => p.totalCount === expected.length)).toBe(true);
          }
          if (expected.length > 0) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThan(60);
      // About a thousand page queries: 16-53 s on Neo4j on two cores, past 60 s once with the
      // machine busy with other work.
    }, 180_000);
  });

  describe('statements and the facts they support', () => {
    test('lists, for each statement, the relations then the events resting on it, each by id', async () => {
      const supported = await store.factsSupportedBy([
        'stmt:mod-kurakhove',
        'stmt:alaudinov-kursk',
        'stmt:khortytsia-assaults',
        'stmt:blinken-losses',
        'stmt:deepstate-most-of',
        'stmt:russia-denies',
        'stmt:nothing',
      ]);
      expect(supported.map((list) => list.map(fact))).toEqual([
        [
          'rel:kurakhove-capture-took-place-in-kurakhove',
          'rel:russian-armed-forces-claimed-capture-of-kurakhove',
          'rel:russian-armed-forces-participated-in-kurakhove-capture',
          'event:kurakhove-capture',
        ],
        ['rel:alaudinov-commands-chechen-unit', 'rel:chechen-unit-fighting-in-kursk'],
        ['rel:russian-armed-forces-controls-kurakhove'],
        [
          'rel:casualties-took-place-in-kursk',
          'rel:north-korean-troops-participated-in-casualties',
          'rel:north-korean-troops-suffered-losses-in-kursk',
          'event:north-korean-casualties',
        ],
        [
          'rel:kurakhove-capture-took-place-in-kurakhove',
          'rel:russian-armed-forces-controls-kurakhove',
          'rel:russian-armed-forces-participated-in-kurakhove-capture',
          'event:kurakhove-capture',
        ],
        ['rel:north-korean-troops-deployed-to-sudzha'],
        [],
      ]);
      const [[first]] = [supported[0]!];
      expect(first).toEqual({ relation: fixture.relations.find((r) => r.id === 'rel:kurakhove-capture-took-place-in-kurakhove'), event: null });
      expect(supported[0]![3]).toEqual({ relation: null, event: entity('event:kurakhove-capture') });
    });

    test('lists, for each source, the relations then the events with an attribution from it, each by id', async () => {
      const sources = [...fixture.sources.map((s) => s.id), 'source:nothing'];
      const cites = (attributions: readonly { sourceId: string }[], id: string) => attributions.some((a) => a.sourceId === id);
      const expected = sources.map((id) => [
        ...byId(fixture.relations.filter((r) => cites(r.attributions, id))).map((r) => r.id),
        ...byId(fixture.entities.filter((e) => e.event !== null && cites(e.event.attributions, id))).map((e) => e.id),
      ]);
      const citing = await store.factsCitingSources(sources);
      expect(citing.map((list) => list.map(fact))).toEqual(expected);
      // Every source of the seed is cited by some fact, and the records are whole.
      expect(expected.slice(0, -1).every((list) => list.length > 0)).toBe(true);
      const relation = fixture.relations.find((r) => r.id === expected[0]![0]);
      if (relation) expect(citing[0]![0]).toEqual({ relation, event: null });
    });

    test('pages statements by date, undated last, filtered by speaker, subject and window', async () => {
      const page = (filter: { speakerId?: string; aboutId?: string; window?: { from: string | null; to: string | null } }, first = 100, after: string | null = null) =>
        store.statementsPage({ speakerId: filter.speakerId ?? null, aboutId: filter.aboutId ?? null, window: filter.window ?? null }, { first, after });
      const all = [
        'stmt:russia-denies',
        'stmt:alaudinov-kursk',
        'stmt:blinken-losses',
        'stmt:deepstate-most-of',
        'stmt:mod-kurakhove',
        'stmt:khortytsia-assaults',
      ];
      expect(ids((await page({})).items)).toEqual(all);
      expect(ids((await store.findStatements({ speakerId: null, aboutId: null })))).toEqual(all);
      expect(ids((await page({ window: { from: '2025-01-06', to: null } })).items)).toEqual(['stmt:blinken-losses', 'stmt:deepstate-most-of', 'stmt:mod-kurakhove']);
      expect(ids((await page({ aboutId: 'settlement:kurakhove' })).items)).toEqual(['stmt:deepstate-most-of', 'stmt:mod-kurakhove', 'stmt:khortytsia-assaults']);
      expect(await page({ aboutId: 'settlement:kurakhove', window: { from: null, to: '2025-01-05' } })).toEqual({
        items: [],
        totalCount: 0,
        endCursor: null,
        hasNextPage: false,
      });
      expect(ids((await page({ speakerId: 'person:apti-alaudinov', aboutId: 'region:kursk' })).items)).toEqual(['stmt:alaudinov-kursk']);
      const paged = await allPages((after) => page({}, 4, after));
      expect(ids(paged.items)).toEqual(all);
      expect(paged.pages.map((p) => [p.items.length, p.totalCount, p.hasNextPage])).toEqual([
        [4, 6, true],
        [2, 6, false],
      ]);
      expect(paged.pages[0]!.items[0]).toEqual(fixture.statements.find((s) => s.id === 'stmt:russia-denies'));
      await expectBadCursor(page({}, 4, 'bm90IGEgY3Vyc29y'));
    });
  });

  describe('entities', () => {
    test('pages entities by name, then id, of the kinds asked', async () => {
      const page = (kinds: EntityRecord['kind'][] | null, first: number, after: string | null = null) => store.entitiesPage(kinds, { first, after });
      const settlements = await allPages((after) => page(['SETTLEMENT'], 2, after));
      expect(ids(settlements.items)).toEqual(['settlement:berdin', 'settlement:dachenske', 'settlement:kurakhove', 'settlement:pokrovsk', 'settlement:sudzha']);
      expect(settlements.pages.map((p) => [p.items.length, p.totalCount, p.hasNextPage])).toEqual([
        [2, 5, true],
        [2, 5, true],
        [1, 5, false],
      ]);
      expect(ids((await page(['EVENT'], 100)).items)).toEqual([
        'event:kurakhove-capture',
        'event:kursk-offensive',
        'event:north-korean-casualties',
        'event:north-korean-deployment',
        'event:kursk-repulse',
        'event:russia-ukraine-war',
        'event:uk-pledge',
      ]);
      const everything = await allPages((after) => page(null, 7, after));
      expect(everything.items).toEqual(await store.listEntities(null));
      expect(everything.items).toHaveLength(fixture.entities.length);
      expect(everything.pages.every((p) => p.totalCount === fixture.entities.length)).toBe(true);
      expect(await page(['PERSON'], 5, (await page(['PERSON'], 5)).endCursor)).toEqual({ items: [], totalCount: 2, endCursor: null, hasNextPage: false });
      await expectBadCursor(page(null, 5, 'x'));
    });
  });

  describe('near', () => {
    const locationOf = (id: string) => entity(id).location!;
    const expected = (centre: string, near: string[]) =>
      near.map((id) => ({ place: entity(id), distanceKm: round3(haversineKm(locationOf(centre), locationOf(id))) }));

    test('gives the places within km, nearest first, with haversine distances, leaving the place itself out', async () => {
      expect(await store.near('settlement:kurakhove', { km: 50 })).toEqual(
        expected('settlement:kurakhove', ['settlement:dachenske', 'settlement:pokrovsk', 'region:donetsk']),
      );
      // Pokrovsk is about 34 km away, as the article says 32.
      const [, pokrovsk] = (await store.near('settlement:kurakhove', { km: 50 }))!;
      expect(pokrovsk!.distanceKm).toBeCloseTo(34.212, 3);
      expect(await store.near('settlement:kurakhove', { km: 34 })).toEqual(expected('settlement:kurakhove', ['settlement:dachenske']));
      expect(await store.near('settlement:kurakhove', { km: 1 })).toEqual([]);
      // Places without a location are never near anything.
      expect(await store.near('settlement:kurakhove', { km: 20_000 })).toEqual(
        expected('settlement:kurakhove', [
          'settlement:dachenske',
          'settlement:pokrovsk',
          'region:donetsk',
          'settlement:sudzha',
          'region:kursk',
          'country:ukraine',
        ]),
      );
      expect(await store.near('settlement:sudzha', { km: 100 })).toEqual(expected('settlement:sudzha', ['region:kursk']));
    });

    test('answers null for a place without a location, or none at all', async () => {
      expect(await store.near('settlement:berdin', { km: 100 })).toBeNull();
      expect(await store.near('settlement:nowhere', { km: 100 })).toBeNull();
      expect(await store.near('settlement:berdin', { km: 100, maxItems: 0 })).toBeNull();
    });

    test('past maxItems, counts the places instead of listing them; at maxItems, lists them all', async () => {
      const three = expected('settlement:kurakhove', ['settlement:dachenske', 'settlement:pokrovsk', 'region:donetsk']);
      expect(await store.near('settlement:kurakhove', { km: 50, maxItems: 3 })).toEqual(three);
      expect(await store.near('settlement:kurakhove', { km: 50, maxItems: 2 })).toEqual({ tooManyItems: true, count: 3 });
      expect(await store.near('settlement:kurakhove', { km: 20_000, maxItems: 0 })).toEqual({ tooManyItems: true, count: 6 });
      expect(await store.near('settlement:kurakhove', { km: 1, maxItems: 0 })).toEqual([]);
    });
  });
});
