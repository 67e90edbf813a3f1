/**
 * The claims model on the Neo4j store, against a real Neo4j 5.26 of its own (skipped where none can
 * be started, as in neo4j-store.test.ts): events, attributions, time spans and places' points are
 * stored and read back exactly, and the port's new questions (the relation filter's clauses,
 * limited neighbourhoods, k shortest paths, pages, events, timeline, supports, near) answer as the
 * port says. Expected answers come from the fixture through the domain's own rules (deriveStatus,
 * timeBounds, overlapsWindow) or a brute-force reference, not from the store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  ErrorCode,
  compareText,
  isSymmetric,
  overlapsWindow,
  parseDataset,
  timeBounds,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
} from '../../src/domain/index.js';
import type { GraphStore, PathResult, RelationFilter, TimelineEntry } from '../../src/store/graph-store.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';

const DOC = 'source:doc';
const GK = 'source:gk';
const asserts = (claimantId: string | null, extra: Record<string, unknown> = {}) => ({ claimantId, stance: 'ASSERTS', sourceId: DOC, ...extra });

const fixture: Dataset = parseDataset({
  sources: [
    { id: DOC, title: 'A report (invented for this test)', published: '2025-01-07' },
    { id: GK, title: 'General knowledge', kind: 'GENERAL_KNOWLEDGE' },
  ],
  entities: [
    { id: 'country:russia', kind: 'COUNTRY', name: 'Russia', aliases: [] },
    { id: 'country:ukraine', kind: 'COUNTRY', name: 'Ukraine', aliases: [] },
    { id: 'org:ministry', kind: 'ORGANIZATION', name: 'Ministry', aliases: [] },
    { id: 'org:monitor', kind: 'ORGANIZATION', name: 'Monitor', aliases: [] },
    { id: 'region:donetsk', kind: 'REGION', name: 'Donetsk region', aliases: [], location: { latitude: 48.0, longitude: 37.8, precision: 'APPROXIMATE' } },
    { id: 'settlement:kurakhove', kind: 'SETTLEMENT', name: 'Kurakhove', aliases: ['Курахове'], location: { latitude: 47.98, longitude: 37.28, precision: 'APPROXIMATE' } },
    { id: 'settlement:pokrovsk', kind: 'SETTLEMENT', name: 'Pokrovsk', aliases: [], location: { latitude: 48.28, longitude: 37.18, precision: 'APPROXIMATE' } },
    { id: 'settlement:far-away', kind: 'SETTLEMENT', name: 'Far away', aliases: [], location: { latitude: -33.9, longitude: 151.2, precision: 'EXACT' } },
    { id: 'settlement:unplaced', kind: 'SETTLEMENT', name: 'Unplaced', aliases: [] },
    {
      id: 'event:capture', kind: 'EVENT', name: 'Capture of Kurakhove', aliases: [],
      event: {
        type: 'CAPTURE', time: { start: '2025-01-06' },
        attributions: [
          asserts('org:ministry', { statementId: 'stmt:ministry', saidOn: '2025-01-06' }),
          { claimantId: 'org:monitor', stance: 'DISPUTES', sourceId: DOC, saidOn: '2025-01-07', note: 'most of it' },
        ],
      },
    },
    {
      id: 'event:assaults', kind: 'EVENT', name: 'Assaults on Kurakhove', aliases: [],
      event: {
        type: 'ASSAULT', time: { start: '2024-11', end: '2025-01-06', text: 'for weeks' },
        quantities: [{ measure: 'FORCE_SIZE', wording: 'platoon-sized' }, { measure: 'TROOPS', min: 200, max: 999, wording: 'several hundred' }],
        attributions: [asserts('org:monitor')],
      },
    },
    { id: 'event:pledge', kind: 'EVENT', name: 'A pledge', aliases: [], event: { type: 'PLEDGE', attributions: [asserts(null)] } },
  ],
  relations: [
    { id: 'rel:russia-in-capture', type: 'PARTICIPATED_IN', from: 'country:russia', to: 'event:capture', qualifiers: { participantRole: 'ATTACKER' } },
    { id: 'rel:ukraine-in-assaults', type: 'PARTICIPATED_IN', from: 'country:ukraine', to: 'event:assaults', qualifiers: { participantRole: 'DEFENDER' } },
    { id: 'rel:russia-in-assaults', type: 'PARTICIPATED_IN', from: 'country:russia', to: 'event:assaults', qualifiers: { participantRole: 'ATTACKER' } },
    { id: 'rel:capture-in-kurakhove', type: 'TOOK_PLACE_IN', from: 'event:capture', to: 'settlement:kurakhove' },
    { id: 'rel:assaults-in-kurakhove', type: 'TOOK_PLACE_IN', from: 'event:assaults', to: 'settlement:kurakhove' },
    { id: 'rel:kurakhove-in-donetsk', type: 'LOCATED_IN', from: 'settlement:kurakhove', to: 'region:donetsk', attributions: [{ stance: 'ASSERTS', sourceId: GK }] },
    { id: 'rel:pokrovsk-in-donetsk', type: 'LOCATED_IN', from: 'settlement:pokrovsk', to: 'region:donetsk', attributions: [{ stance: 'ASSERTS', sourceId: GK }] },
    { id: 'rel:kurakhove-near-pokrovsk', type: 'NEAR', from: 'settlement:kurakhove', to: 'settlement:pokrovsk', attributions: [asserts(null)], qualifiers: { distanceKm: 32 } },
    {
      id: 'rel:russia-controls-kurakhove', type: 'CONTROLS', from: 'country:russia', to: 'settlement:kurakhove', time: { start: '2025-01' },
      attributions: [asserts('org:ministry', { saidOn: '2025-01-06' }), asserts('org:monitor', { statementId: 'stmt:monitor' })],
      qualifiers: { extent: 'most of' },
    },
    { id: 'rel:russia-attacked-pokrovsk', type: 'ATTACKED', from: 'country:russia', to: 'settlement:pokrovsk', time: { start: '2024-12-20' }, attributions: [asserts('org:ministry')] },
    { id: 'rel:ukraine-attacked-russia', type: 'ATTACKED', from: 'country:ukraine', to: 'country:russia', time: { start: '2024' }, attributions: [{ claimantId: 'country:ukraine', stance: 'DENIES', sourceId: DOC }] },
  ],
  statements: [
    { id: 'stmt:ministry', kind: 'QUOTE', text: 'Invented quote for this test.', date: '2025-01-06', speakerId: 'org:ministry', aboutIds: ['settlement:kurakhove'], sourceId: DOC, status: 'CLAIMED' },
    { id: 'stmt:monitor', kind: 'REPORTED', text: 'Invented report for this test.', date: '2025-01-07', speakerId: 'org:monitor', aboutIds: ['settlement:kurakhove'], sourceId: DOC, status: 'REPORTED' },
    { id: 'stmt:undated', kind: 'REPORTED', text: 'Invented, undated.', speakerId: 'country:ukraine', aboutIds: ['settlement:pokrovsk'], sourceId: DOC, status: 'UNVERIFIED' },
  ],
});

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => compareText(a.id, b.id));
const entity = (id: string): EntityRecord => fixture.entities.find((e) => e.id === id)!;
const kindOf = (id: string): EntityKind => entity(id).kind;

/** The port's RelationFilter as a predicate over the fixture's records (the reference). */
function passes(r: RelationRecord, filter: RelationFilter, anchors: readonly string[]): boolean {
  if (filter.types != null && !filter.types.includes(r.type)) return false;
  if (filter.statuses != null && !filter.statuses.includes(r.status)) return false;
  if (filter.claimantIds != null && !r.attributions.some((a) => a.claimantId !== null && filter.claimantIds!.includes(a.claimantId))) return false;
  if (filter.window != null && (r.time === null || !overlapsWindow(timeBounds(r.time), filter.window))) return false;
  if (filter.kinds != null) {
    for (const end of [r.from, r.to]) if (!anchors.includes(end) && !filter.kinds.includes(kindOf(end))) return false;
  }
  return true;
}

/** Every loopless path, shortest first, then by node ids, then relation ids (the port's order), by brute force. */
function allPaths(from: string, to: string, maxHops: number, filter: RelationFilter, directed: boolean): { nodes: string[]; edges: string[] }[] {
  const found: { nodes: string[]; edges: string[] }[] = [];
  const walk = (nodes: string[], edges: string[]) => {
    const here = nodes.at(-1)!;
    if (here === to) return void found.push({ nodes, edges });
    if (edges.length === maxHops) return;
    for (const r of fixture.relations) {
      if (!passes(r, filter, [from, to])) continue;
      const next = r.from === here ? r.to : r.to === here && (!directed || isSymmetric(r.type)) ? r.from : null;
      if (next === null || nodes.includes(next)) continue;
      walk([...nodes, next], [...edges, r.id]);
    }
  };
  walk([from], []);
  const list = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return compareText(a[i]!, b[i]!);
    return a.length - b.length;
  };
  return found.sort((a, b) => a.edges.length - b.edges.length || list(a.nodes, b.nodes) || list(a.edges, b.edges));
}

/** Haversine on Neo4j's WGS-84 sphere (radius 6,378.14 km), as the port defines near's distance. */
function haversineKm(a: EntityRecord, b: EntityRecord): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const [p, q] = [a.location!, b.location!];
  const h = Math.sin(rad(q.latitude - p.latitude) / 2) ** 2 + Math.cos(rad(p.latitude)) * Math.cos(rad(q.latitude)) * Math.sin(rad(q.longitude - p.longitude) / 2) ** 2;
  return 2 * 6378.14 * Math.asin(Math.sqrt(h));
}

const canStartNeo4j = (await checkPrerequisites()).ok;

describe.skipIf(!canStartNeo4j)('the claims model on the Neo4j store', () => {
  let neo4j: LocalNeo4j;
  let dataDir: string;
  let store: GraphStore;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-neo4j-facts-test-'));
    neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, startTimeoutMs: 200_000 });
    store = await createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
    await store.load(fixture);
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('reads back events, attributions, time spans, points and source kinds exactly, and exports what it loaded', async () => {
    expect(await store.entitiesByIds(ids(fixture.entities))).toStrictEqual(fixture.entities);
    expect(await store.sourcesByIds(ids(fixture.sources))).toStrictEqual(fixture.sources);
    expect(await store.exportDataset()).toStrictEqual({
      sources: byId(fixture.sources),
      entities: byId(fixture.entities),
      relations: byId(fixture.relations),
      statements: byId(fixture.statements),
    });
    expect(entity('event:capture').event!.status).toBe('DISPUTED'); // the fixture means what the tests say
  });

  it('filters relations by status, claimant, time window and kinds (anchors pass), as the port says', async () => {
    const filters: RelationFilter[] = [
      { types: null, statuses: ['CLAIMED'] },
      { types: null, statuses: ['REPORTED', 'DENIED'] },
      { types: null, claimantIds: ['org:monitor'] },
      { types: null, claimantIds: ['country:ukraine'] },
      { types: null, window: { from: '2025-01-06', to: '2025-01-06' } },
      { types: null, window: { from: null, to: '2024-12-31' } },
      { types: null, window: { from: '2025-02-01', to: null } },
      { types: null, kinds: ['SETTLEMENT'] },
      { types: null, kinds: ['EVENT', 'COUNTRY'] },
      { types: ['PARTICIPATED_IN', 'CONTROLS'], statuses: ['CLAIMED', 'REPORTED'], claimantIds: ['org:ministry'], window: { from: '2025-01-01', to: null }, kinds: ['EVENT', 'SETTLEMENT'] },
      { types: null, statuses: [] },
    ];
    const centres = ['settlement:kurakhove', 'country:russia', 'event:capture'];
    for (const filter of filters) {
      const answer = await store.relationsOf(centres, { filter, direction: 'BOTH' });
      const expected = centres.map((c) =>
        fixture.relations.filter((r) => (r.from === c || r.to === c) && passes(r, filter, [c])).map((r) => r.id).sort(compareText),
      );
      expect(answer.map((views) => views.map((v) => v.relation.id).sort(compareText)), JSON.stringify(filter)).toEqual(expected);
    }
    // Something passes and something fails each clause, so none of the checks above is vacuous.
    const [kurakhove] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: null, window: { from: '2025-01-06', to: '2025-01-06' } }, direction: 'BOTH' });
    expect(kurakhove!.map((v) => v.relation.id)).toEqual(['rel:russia-controls-kurakhove', 'rel:assaults-in-kurakhove', 'rel:capture-in-kurakhove']);
  });

  it('walks a filtered neighbourhood, and lists only the first `limit` nodes with truncated when told', async () => {
    const full = await store.neighborhood('settlement:kurakhove', { depth: 2, filter: { types: null } });
    const limited = await store.neighborhood('settlement:kurakhove', { depth: 2, filter: { types: null }, limit: 4 });
    expect(ids(limited!.nodes)).toEqual(ids(full!.nodes).slice(0, 4));
    expect(limited!.truncated).toBe(true);
    const kept = new Set(ids(limited!.nodes));
    expect(ids(limited!.edges)).toEqual(ids(full!.edges.filter((e) => kept.has(e.from) && kept.has(e.to))));
    const roomy = await store.neighborhood('settlement:kurakhove', { depth: 2, filter: { types: null }, limit: full!.nodes.length });
    expect(roomy).toStrictEqual({ ...full, truncated: false });
    // Kinds: the centre (an event) passes whatever its kind; other events are not reached.
    const places = await store.neighborhood('event:capture', { depth: 3, filter: { types: null, kinds: ['SETTLEMENT', 'REGION'] } });
    expect(ids(places!.nodes)).toEqual(['event:capture', 'settlement:kurakhove', 'region:donetsk', 'settlement:pokrovsk']);
  });

  it('gives the k shortest loopless paths, shortest first, ties by node ids then relation ids', async () => {
    const cases: [string, string, number, number, RelationFilter, boolean][] = [
      ['country:ukraine', 'settlement:pokrovsk', 5, 10, { types: null }, false],
      ['country:ukraine', 'settlement:pokrovsk', 5, 3, { types: null }, false],
      ['country:russia', 'region:donetsk', 4, 10, { types: null }, true],
      ['event:capture', 'settlement:pokrovsk', 4, 10, { types: null, kinds: ['SETTLEMENT', 'REGION'] }, false],
      ['country:ukraine', 'settlement:kurakhove', 3, 10, { types: null, window: { from: '2024-12-01', to: null } }, false],
      ['settlement:far-away', 'settlement:kurakhove', 10, 3, { types: null }, false],
    ];
    for (const [from, to, maxHops, first, filter, directed] of cases) {
      const answer = await store.paths(from, to, { maxHops, first, filter, directed });
      const expected = allPaths(from, to, maxHops, filter, directed).slice(0, first);
      expect(answer.map((p: PathResult) => ({ nodes: ids(p.nodes), edges: ids(p.edges) })), `${from} → ${to}`).toEqual(expected);
    }
    expect(allPaths('country:ukraine', 'settlement:pokrovsk', 5, { types: null }, false).length).toBeGreaterThan(3);
    const single = await store.shortestPath('country:ukraine', 'settlement:pokrovsk', { maxHops: 5, filter: { types: null }, directed: false });
    const [firstPath] = await store.paths('country:ukraine', 'settlement:pokrovsk', { maxHops: 5, filter: { types: null }, directed: false });
    expect(firstPath).toStrictEqual(single);
    expect(await store.paths('country:russia', 'country:russia', { maxHops: 3, first: 5, filter: { types: null }, directed: false })).toStrictEqual([
      { nodes: [entity('country:russia')], edges: [] },
    ]);
    expect(await store.paths('country:russia', 'country:nowhere', { maxHops: 3, first: 5, filter: { types: null }, directed: false })).toEqual([]);
  });

  it('pages entities and statements with stable cursors and a total count, and refuses a cursor it did not make', async () => {
    const all = await store.listEntities(null);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.entitiesPage(null, { first: 5, after });
      expect(page.totalCount).toBe(all.length);
      seen.push(...ids(page.items));
      if (!page.hasNextPage) {
        expect(page.endCursor === null || page.items.length > 0).toBe(true);
        break;
      }
      after = page.endCursor;
    }
    expect(seen).toEqual(ids(all));
    const settlements = await store.entitiesPage(['SETTLEMENT'], { first: 2, after: null });
    expect(ids(settlements.items)).toEqual(['settlement:far-away', 'settlement:kurakhove']);
    expect(settlements.totalCount).toBe(4);

    const window = { from: '2025-01-01', to: null };
    const first = await store.statementsPage({ speakerId: null, aboutId: 'settlement:kurakhove', window }, { first: 1, after: null });
    expect([ids(first.items), first.totalCount, first.hasNextPage]).toEqual([['stmt:ministry'], 2, true]);
    const second = await store.statementsPage({ speakerId: null, aboutId: 'settlement:kurakhove', window }, { first: 1, after: first.endCursor });
    expect([ids(second.items), second.hasNextPage]).toEqual([['stmt:monitor'], false]);
    const every = await store.statementsPage({ speakerId: null, aboutId: null, window: null }, { first: 10, after: null });
    expect(ids(every.items)).toEqual(['stmt:ministry', 'stmt:monitor', 'stmt:undated']);

    for (const bad of ['nonsense', first.endCursor!.slice(0, -2), Buffer.from('["entities","a"]').toString('base64url')]) {
      const error = await store.entitiesPage(null, { first: 1, after: bad }).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
    // A statements cursor is not an entities cursor.
    await expect(store.entitiesPage(null, { first: 1, after: first.endCursor })).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it('finds events by type, participant, place (and places inside it) and time, earliest first, undated last', async () => {
    const events = async (query: Partial<Parameters<GraphStore['findEvents']>[0]>) =>
      ids((await store.findEvents({ types: null, participantId: null, placeId: null, window: null, ...query }, { first: 10, after: null })).items);
    expect(await events({})).toEqual(['event:assaults', 'event:capture', 'event:pledge']);
    expect(await events({ types: ['CAPTURE', 'PLEDGE'] })).toEqual(['event:capture', 'event:pledge']);
    expect(await events({ participantId: 'country:ukraine' })).toEqual(['event:assaults']);
    expect(await events({ placeId: 'region:donetsk' })).toEqual(['event:assaults', 'event:capture']);
    expect(await events({ placeId: 'settlement:pokrovsk' })).toEqual([]);
    expect(await events({ window: { from: '2025-01-07', to: null } })).toEqual([]);
    expect(await events({ window: { from: null, to: '2024-11-30' } })).toEqual(['event:assaults']);
    const page = await store.findEvents({ types: null, participantId: 'country:russia', placeId: null, window: null }, { first: 1, after: null });
    expect([ids(page.items), page.totalCount, page.hasNextPage]).toEqual([['event:assaults'], 2, true]);
    const next = await store.findEvents({ types: null, participantId: 'country:russia', placeId: null, window: null }, { first: 1, after: page.endCursor });
    expect(ids(next.items)).toEqual(['event:capture']);
  });

  it('puts events, dated relations (not the links of events), claims and statements on a timeline in the port\'s order', async () => {
    const line = async (window: { from: string | null; to: string | null }, entityId: string | null = null, first = 50) => {
      const page = await store.timeline({ window, entityId, kinds: null }, { first, after: null });
      return { page, entries: page.items.map((e: TimelineEntry) => `${e.earliest} ${e.latest} ${e.kind} ${(e.event ?? e.relation ?? e.statement)!.id}${e.attributionIndex === null ? '' : ` #${e.attributionIndex}`}`) };
    };
    const { entries, page } = await line({ from: '2025-01-06', to: '2025-01-07' });
    expect(entries).toEqual([
      '2024-11-01 2025-01-06 EVENT event:assaults',
      '2025-01-01 2025-01-31 RELATION rel:russia-controls-kurakhove',
      '2025-01-06 2025-01-06 EVENT event:capture',
      '2025-01-06 2025-01-06 CLAIM event:capture #0',
      '2025-01-06 2025-01-06 CLAIM rel:russia-controls-kurakhove #0',
      '2025-01-06 2025-01-06 STATEMENT stmt:ministry',
      '2025-01-07 2025-01-07 CLAIM event:capture #1',
      '2025-01-07 2025-01-07 STATEMENT stmt:monitor',
    ]);
    expect(page.totalCount).toBe(entries.length);
    // Paged, the same entries in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const next = await store.timeline({ window: { from: '2025-01-06', to: '2025-01-07' }, entityId: null, kinds: null }, { first: 4, after });
      paged.push(...next.items.map((e) => `${(e.event ?? e.relation ?? e.statement)!.id}${e.attributionIndex ?? ''}`));
      after = next.hasNextPage ? next.endCursor : null;
    } while (after !== null);
    expect(paged).toEqual(page.items.map((e) => `${(e.event ?? e.relation ?? e.statement)!.id}${e.attributionIndex ?? ''}`));
    // About one entity: Ukraine takes part in the assaults, attacked Russia (2024), and said something undated.
    expect((await line({ from: null, to: null }, 'country:ukraine')).entries).toEqual([
      '2024-01-01 2024-12-31 RELATION rel:ukraine-attacked-russia',
      '2024-11-01 2025-01-06 EVENT event:assaults',
    ]);
    // The monitor's claims: what it said, dated, and nothing else.
    const monitor = await store.timeline({ window: { from: null, to: null }, entityId: 'org:monitor', kinds: ['CLAIM', 'STATEMENT'] }, { first: 10, after: null });
    expect(monitor.items.map((e) => `${e.kind} ${(e.event ?? e.relation ?? e.statement)!.id}`)).toEqual([
      'CLAIM event:capture',
      'STATEMENT stmt:monitor',
    ]);
  });

  it('links statements to the facts they support, relations first, each by id', async () => {
    const [ministry, monitor, undated, unknown] = await store.factsSupportedBy(['stmt:ministry', 'stmt:monitor', 'stmt:undated', 'stmt:none']);
    const names = (refs: typeof ministry) => refs!.map((f) => (f.relation ? f.relation.id : f.event!.id));
    expect(names(ministry)).toEqual(['rel:capture-in-kurakhove', 'rel:russia-in-capture', 'event:capture']);
    expect(names(monitor)).toEqual(['rel:russia-controls-kurakhove']);
    expect([undated, unknown]).toEqual([[], []]);
    expect(ministry![2]!.event).toStrictEqual(entity('event:capture'));
  });

  it('finds places near a place with great-circle distances rounded to the metre, nearest first', async () => {
    const kurakhove = entity('settlement:kurakhove');
    const near = await store.near('settlement:kurakhove', { km: 50 });
    const expected = ['region:donetsk', 'settlement:pokrovsk']
      .map((id) => ({ place: entity(id), distanceKm: Math.round(haversineKm(kurakhove, entity(id)) * 1000) / 1000 }))
      .sort((a, b) => a.distanceKm - b.distanceKm);
    expect(near).toStrictEqual(expected);
    expect(near!.find((n) => n.place.id === 'settlement:pokrovsk')!.distanceKm).toBeCloseTo(34, 0);
    expect(ids((await store.near('settlement:kurakhove', { km: 20_000 }))!.map((n) => n.place))).toContain('settlement:far-away');
    expect(await store.near('settlement:kurakhove', { km: 1 })).toEqual([]);
    expect(await store.near('settlement:unplaced', { km: 100 })).toBeNull();
    expect(await store.near('settlement:nowhere', { km: 100 })).toBeNull();
  });
});
