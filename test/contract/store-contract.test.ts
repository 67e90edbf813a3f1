/**
 * The store contract: the same tests, on the same seed graph, for every store. When the two
 * stores disagree, this is where it shows. On Neo4j the database holds the seed graph only (the
 * whole test run shares it, and every load of the seed is idempotent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_TYPE_NAMES, normalizeForSearch, parseDataset, toDatasetFile, type Dataset } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore, RelationView } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { importedNeo4j, openLoaded, storesUnderTest, type OwnStore } from '../support/stores.js';

const seed: Dataset = await readDatasetFile(SEED_FILE);
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const views = (list: readonly RelationView[]) =>
  list.map((v) => `${v.relation.type} ${v.direction} ${v.otherId}`);

describe.each<OwnStore>([...storesUnderTest(), await importedNeo4j('kg-store-imported-')])('the $name store', (under) => {
  const { enabled } = under;
  let store: GraphStore;
  beforeAll(async () => {
    if (!enabled) return;
    store = await openLoaded(under, seed);
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await under.stop?.();
  }, 60_000);
  const test = it.skipIf(!enabled);

  test('holds the whole seed, and loading it again changes nothing', async () => {
    const expected = {
      entities: seed.entities.length,
      relations: seed.relations.length,
      statements: seed.statements.length,
      sources: seed.sources.length,
    };
    expect(await store.counts()).toEqual(expected);
    await store.load(seed);
    expect(await store.counts()).toEqual(expected);
  });

  test('exports the whole graph by id, and export then import into an empty store gives the same graph', async () => {
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const exported = await store.exportDataset();
    expect(exported).toEqual({
      sources: byId(seed.sources),
      entities: byId(seed.entities),
      relations: byId(seed.relations),
      statements: byId(seed.statements),
    });
    // Through the file format and JSON, as `npm run export` writes it and `npm run import` reads it.
    const reread = parseDataset(JSON.parse(JSON.stringify(toDatasetFile(exported))));
    const empty = createMemoryStore();
    await empty.load(reread);
    expect(await empty.exportDataset()).toEqual(exported);
    expect(await empty.counts()).toEqual(await store.counts());
    // Importing the export into the store it came from changes nothing.
    await store.load(reread);
    expect(await store.exportDataset()).toEqual(exported);
  });

  test('returns every seed record exactly as loaded, and null for unknown ids', async () => {
    const entityIds = [...ids(seed.entities), 'person:nobody'];
    expect(await store.entitiesByIds(entityIds)).toEqual([...seed.entities, null]);
    expect(await store.statementsByIds(ids(seed.statements))).toEqual(seed.statements);
    expect(await store.sourcesByIds(ids(seed.sources))).toEqual(seed.sources);
    const all = await store.relationsOf(ids(seed.entities), { filter: { types: null }, direction: 'BOTH' });
    const relations = new Map(all.flat().map((v) => [v.relation.id, v.relation]));
    expect([...relations.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...seed.relations].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  test('says who commands the Chechen unit, seen from either end', async () => {
    const [alaudinov] = await store.relationsOf(['person:apti-alaudinov'], { filter: { types: ['COMMANDS'] }, direction: 'OUT' });
    expect(views(alaudinov!)).toEqual(['COMMANDS OUT unit:chechen-unit']);
    const [unit] = await store.relationsOf(['unit:chechen-unit'], { filter: { types: ['COMMANDS'] }, direction: 'BOTH' });
    expect(views(unit!)).toEqual(['COMMANDS IN person:apti-alaudinov']);
    expect(unit![0]!.relation.id).toBe('rel:alaudinov-commands-chechen-unit');
  });

  test('answers symmetric relations as BOTH from either end and under any direction filter', async () => {
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      const [pokrovsk] = await store.relationsOf(['settlement:pokrovsk'], { filter: { types: ['NEAR'] }, direction });
      expect(views(pokrovsk!)).toEqual(['NEAR BOTH settlement:dachenske', 'NEAR BOTH settlement:kurakhove']);
    }
    const [kurakhove] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: ['NEAR'] }, direction: 'IN' });
    expect(views(kurakhove!)).toEqual(['NEAR BOTH settlement:pokrovsk']);
    expect(kurakhove![0]!.relation.qualifiers).toMatchObject({ distanceKm: 32, distanceMiles: 20 });
  });

  test('orders relations by type, then the other end, then id, and filters by direction', async () => {
    const [all] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: null }, direction: 'BOTH' });
    expect(views(all!)).toEqual([
      'CONTROLS IN unit:russian-armed-forces',
      'LOCATED_IN OUT region:donetsk',
      'NEAR BOTH settlement:pokrovsk',
      'TOOK_PLACE_IN IN event:kurakhove-assaults',
      'TOOK_PLACE_IN IN event:kurakhove-capture',
      'TOOK_PLACE_IN IN event:kurakhove-defence',
    ]);
    const [out] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: null }, direction: 'OUT' });
    expect(views(out!)).toEqual(['LOCATED_IN OUT region:donetsk', 'NEAR BOTH settlement:pokrovsk']);
  });

  test('brings with each relation the entity at its other end, as entitiesByIds reads it, from either end and in every direction', async () => {
    // Kurakhove: OUT, IN, a symmetric NEAR, events at the other end; Pokrovsk: that NEAR from its
    // other end; North Korea: a symmetric ALLIED_WITH; the Chechen unit's commander from both ends.
    const asked = ['settlement:kurakhove', 'settlement:pokrovsk', 'country:north-korea', 'person:apti-alaudinov', 'unit:chechen-unit'];
    const seen = new Set<string>();
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      const lists = await store.relationsOf(asked, { filter: { types: null }, direction });
      for (const list of lists) {
        const others = await store.entitiesByIds(list.map((v) => v.otherId));
        list.forEach((view, i) => {
          expect(view.other, `${view.relation.id} ${view.direction}`).toStrictEqual(others[i]);
          seen.add(`${view.direction} ${view.relation.type}`);
        });
      }
    }
    expect(seen).toContain('OUT LOCATED_IN');
    expect(seen).toContain('IN COMMANDS');
    expect(seen).toContain('BOTH NEAR');
    expect(seen).toContain('BOTH ALLIED_WITH');
    expect(seen).toContain('IN TOOK_PLACE_IN');
    // A capped list (the store may stop reading a hub) brings its other ends too.
    const [capped] = await store.relationsOf(['unit:russian-armed-forces'], { filter: { types: null }, direction: 'BOTH', cap: 3 });
    expect(capped!.length).toBeGreaterThan(3);
    expect(capped!.map((v) => v.other)).toStrictEqual(await store.entitiesByIds(capped!.map((v) => v.otherId)));
  });

  test('reads an entity with its relations in one call, as entitiesByIds and relationsOf read them apart', async () => {
    const asked = [...ids(seed.entities), 'person:nobody-of-that-name'];
    const queries = [
      { filter: { types: null }, direction: 'BOTH' },
      { filter: { types: ['NEAR', 'LOCATED_IN'] }, direction: 'IN' },
      { filter: { types: null, statuses: ['CONFIRMED'], kinds: ['SETTLEMENT', 'REGION'] }, direction: 'OUT' },
      { filter: { types: null, window: { from: '2024-08-01', to: null } }, direction: 'BOTH' },
      { filter: { types: ['CONTROLS'] }, direction: 'BOTH' },
    ] as const;
    let withRelations = 0;
    for (const query of queries) {
      const together = await store.entitiesWithRelations(asked, query);
      const entities = await store.entitiesByIds(asked);
      const relations = await store.relationsOf(asked, query);
      expect(together.map((t) => t.entity)).toStrictEqual(entities);
      // An unknown id has no entity and no relations; every other, its relationsOf list.
      expect(together.map((t) => t.relations)).toStrictEqual(relations.map((list, i) => (entities[i] === null ? [] : list)));
      withRelations += together.filter((t) => t.relations.length > 0).length;
    }
    expect((await store.entitiesWithRelations(['person:nobody-of-that-name'], queries[0]))[0]).toStrictEqual({ entity: null, relations: [] });
    expect(withRelations).toBeGreaterThan(seed.entities.length);
    // Capped as relationsOf caps: past the cap it may stop at cap + 1; within it the list is whole.
    const hub = 'unit:russian-armed-forces';
    const [capped] = await store.entitiesWithRelations([hub], { filter: { types: null }, direction: 'BOTH', cap: 3 });
    expect(capped!.entity?.id).toBe(hub);
    expect(capped!.relations.length).toBeGreaterThan(3);
    const [whole] = await store.relationsOf([hub], { filter: { types: null }, direction: 'BOTH' });
    const [roomy] = await store.entitiesWithRelations([hub], { filter: { types: null }, direction: 'BOTH', cap: whole!.length });
    expect(roomy!.relations).toStrictEqual(whole);
    // The same id twice: the same answer at both places.
    const [first, second] = await store.entitiesWithRelations([hub, hub], queries[0]);
    expect(second).toStrictEqual(first);
    expect(first!.relations).toStrictEqual(whole);
  });

  test('stops listing a neighbourhood\'s edges one past maxEdges, the nodes whole, and says so', async () => {
    let cut = 0;
    for (const { id } of seed.entities) {
      for (const depth of [1, 2]) {
        const full = await store.neighborhood(id, { depth, filter: { types: null } });
        if (full === null) throw new Error(`no neighbourhood for ${id}`);
        const whole = await store.neighborhood(id, { depth, filter: { types: null }, maxEdges: full.edges.length });
        expect(whole, `${id} ${depth}`).toEqual(full);
        if (full.edges.length < 2) continue;
        const maxEdges = Math.floor(full.edges.length / 2);
        const stopped = await store.neighborhood(id, { depth, filter: { types: null }, maxEdges });
        if (stopped === null || 'tooManyNodes' in stopped) throw new Error(`no neighbourhood for ${id}`);
        expect(stopped.nodes, `${id} ${depth}`).toEqual(full.nodes);
        expect(stopped.edgesCut, `${id} ${depth}`).toBe(true);
        expect(stopped.edges.length).toBe(maxEdges + 1);
        const fullIds = new Set(full.edges.map((e) => e.id));
        for (const edge of stopped.edges) expect(fullIds.has(edge.id), edge.id).toBe(true);
        cut++;
      }
    }
    expect(cut).toBeGreaterThan(seed.entities.length);
  });

  test('keeps the contested Kurakhove claims apart, each with its claimants, stances and derived status', async () => {
    const [control] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: ['CONTROLS'] }, direction: 'IN' });
    expect(control!.map((v) => [v.relation.claimedBy, v.relation.status, v.relation.qualifiers.extent ?? null])).toEqual([
      ['org:deepstate', 'CLAIMED', 'most of'],
    ]);
    const [places] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: ['TOOK_PLACE_IN'] }, direction: 'IN' });
    const events = await store.entitiesByIds(places!.map((v) => v.otherId));
    const said = (e: (typeof events)[number]) =>
      e!.event!.attributions.map((a) => `${a.claimantId} ${a.stance}${a.saidOn ? ` ${a.saidOn}` : ''}`);
    expect(events.map((e) => [e!.id, e!.event!.type, e!.event!.status, said(e)])).toEqual([
      [
        'event:kurakhove-assaults',
        'ASSAULT',
        'REPORTED',
        ['unit:khortytsia-group ASSERTS', 'org:russian-defense-ministry ASSERTS 2025-01-06'],
      ],
      [
        'event:kurakhove-capture',
        'CAPTURE',
        'DISPUTED',
        ['org:russian-defense-ministry ASSERTS 2025-01-06', 'org:deepstate DISPUTES', 'unit:khortytsia-group DISPUTES'],
      ],
      ['event:kurakhove-defence', 'DEFENCE', 'CLAIMED', ['unit:khortytsia-group ASSERTS']],
    ]);
  });

  test('lists statements by speaker and about an entity, by date with undated last', async () => {
    const [byAlaudinov] = await store.statementsBySpeakers(['person:apti-alaudinov']);
    expect(byAlaudinov!.length).toBeGreaterThan(0);
    expect(byAlaudinov!.every((s) => s.speakerId === 'person:apti-alaudinov')).toBe(true);
    const all = await store.findStatements({ speakerId: null, aboutId: null });
    expect(all).toHaveLength(seed.statements.length);
    const dates = all.map((s) => s.date ?? '9999-99-99');
    expect(dates).toEqual([...dates].sort());
    const aboutKurakhove = await store.findStatements({ speakerId: null, aboutId: 'settlement:kurakhove' });
    const [mentioned] = await store.statementsAbout(['settlement:kurakhove']);
    expect(ids(aboutKurakhove)).toEqual(ids(mentioned!));
    expect(aboutKurakhove.map((s) => s.speakerId)).toEqual(
      expect.arrayContaining(['org:russian-defense-ministry', 'org:deepstate', 'unit:khortytsia-group']),
    );
    const both = await store.findStatements({ speakerId: 'org:deepstate', aboutId: 'settlement:kurakhove' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((s) => s.speakerId === 'org:deepstate' && s.aboutIds.includes('settlement:kurakhove'))).toBe(true);
    const [fromArticle] = await store.statementsFromSources([seed.sources[0]!.id]);
    expect(fromArticle).toHaveLength(seed.statements.length);
  });

  test('finds names and aliases ignoring case, accents and punctuation, best match first', async () => {
    // The port takes folded text; descriptions and typos may add hits after the best ones.
    const search = async (text: string, kinds: null | ['PERSON'] = null, first = 10) =>
      ids((await store.search({ text: normalizeForSearch(text), kinds, first })).map((m) => m.entity));
    expect((await search('kurakhove'))[0]).toBe('settlement:kurakhove');
    expect(await search('урахов')).toContain('settlement:kurakhove');
    expect((await search('u s'))[0]).toBe('country:united-states');
    expect((await search('alaudinov'))[0]).toBe('person:apti-alaudinov');
    expect((await search('kursk')).slice(0, 2)).toEqual(['settlement:kursk', 'region:kursk']);
    // "State Department spokesperson" starts with it; "Secretary of State Antony Blinken" has a word that does.
    expect((await search('state', ['PERSON'])).slice(0, 2)).toEqual([
      'person:us-state-department-spokesperson',
      'person:antony-blinken',
    ]);
    expect(await search('a', null, 3)).toHaveLength(3);
  });

  test("draws Alaudinov's neighbourhood: the centre first, then by hops, then id", async () => {
    const one = await store.neighborhood('person:apti-alaudinov', { depth: 1, filter: { types: null } });
    expect(ids(one!.nodes)).toEqual(['person:apti-alaudinov', 'unit:chechen-unit', 'unit:russian-armed-forces']);
    expect(ids(one!.edges)).toEqual([
      'rel:alaudinov-commands-chechen-unit',
      'rel:alaudinov-member-of-russian-armed-forces',
      'rel:chechen-unit-part-of-russian-armed-forces',
    ]);
    const zero = await store.neighborhood('person:apti-alaudinov', { depth: 0, filter: { types: null } });
    expect(zero).toEqual({ nodes: [one!.nodes[0]], edges: [] });
    const commandsOnly = await store.neighborhood('person:apti-alaudinov', { depth: 3, filter: { types: ['COMMANDS'] } });
    expect(ids(commandsOnly!.nodes)).toEqual(['person:apti-alaudinov', 'unit:chechen-unit']);
    expect(await store.neighborhood('person:nobody', { depth: 1, filter: { types: null } })).toBeNull();
  });

  test('finds how Alaudinov is connected to North Korea, and no path where none is short enough', async () => {
    const path = await store.shortestPath('person:apti-alaudinov', 'country:north-korea', { maxHops: 6, filter: { types: null }, directed: false });
    expect(ids(path!.nodes)).toEqual(['person:apti-alaudinov', 'unit:russian-armed-forces', 'country:russia', 'country:north-korea']);
    expect(ids(path!.edges)).toEqual([
      'rel:alaudinov-member-of-russian-armed-forces',
      'rel:russian-armed-forces-part-of-russia',
      'rel:north-korea-allied-with-russia',
    ]);
    expect(await store.shortestPath('person:apti-alaudinov', 'country:north-korea', { maxHops: 2, filter: { types: null }, directed: false })).toBeNull();
    const same = await store.shortestPath('settlement:kurakhove', 'settlement:kurakhove', { maxHops: 1, filter: { types: null }, directed: false });
    expect(same).toEqual({ nodes: [seed.entities.find((e) => e.id === 'settlement:kurakhove')], edges: [] });
    const directed = await store.shortestPath('settlement:pokrovsk', 'country:ukraine', { maxHops: 6, filter: { types: null }, directed: true });
    expect(ids(directed!.nodes)).toEqual(['settlement:pokrovsk', 'region:donetsk', 'country:ukraine']);
    expect(await store.shortestPath('country:ukraine', 'settlement:pokrovsk', { maxHops: 6, filter: { types: ['LOCATED_IN'] }, directed: true })).toBeNull();
    const viaNear = await store.shortestPath('settlement:kurakhove', 'settlement:dachenske', { maxHops: 6, filter: { types: ['NEAR'] }, directed: true });
    expect(ids(viaNear!.nodes)).toEqual(['settlement:kurakhove', 'settlement:pokrovsk', 'settlement:dachenske']);
  });

  test('lists entities by name and sources by id', async () => {
    const places = await store.listEntities(['REGION', 'COUNTRY']);
    expect(places.map((e) => e.name)).toEqual(['Donetsk region', 'Kursk region', 'North Korea', 'Russia', 'Ukraine', 'United Kingdom', 'United States']);
    expect(ids(await store.listEntities(null))).toHaveLength(seed.entities.length);
    expect(await store.listSources()).toEqual([...seed.sources].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  test('lists entities up to a cap, and counts a list past it without listing it', async () => {
    const places = await store.listEntities(['REGION', 'COUNTRY']);
    expect(await store.entitiesUpTo(['REGION', 'COUNTRY'], places.length)).toEqual(places);
    expect(await store.entitiesUpTo(['REGION', 'COUNTRY'], places.length - 1)).toEqual({ tooManyItems: true, count: places.length });
    expect(await store.entitiesUpTo(null, Number.POSITIVE_INFINITY)).toEqual(await store.listEntities(null));
    expect(await store.entitiesUpTo(null, 1)).toEqual({ tooManyItems: true, count: seed.entities.length });
    const events = seed.entities.filter((e) => e.kind === 'EVENT').length;
    expect(events).toBeGreaterThan(0);
    expect(await store.entitiesUpTo(['EVENT'], 0)).toEqual({ tooManyItems: true, count: events });
  });

  test('gives the names of the entities of some kinds, and nothing else of them', async () => {
    const kinds = ['PERSON', 'UNIT', 'EVENT'] as const;
    const names = [...(await store.entityNames(kinds))].sort((x, y) => (x.id < y.id ? -1 : 1));
    const expected = seed.entities
      .filter((e) => (kinds as readonly string[]).includes(e.kind))
      .map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(expected.some((e) => e.aliases.length > 0) && expected.some((e) => e.aliases.length === 0)).toBe(true);
    expect(names.map(({ id, kind, name, aliases }) => ({ id, kind, name, aliases }))).toEqual(expected);
    expect(await store.entityNames([])).toEqual([]);
  });

  test('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

/** Every question asked of every entity: the stores must give identical answers. */
describe.skipIf(storesUnderTest().some((s) => !s.enabled))('the embedded and Neo4j stores', () => {
  let stores: GraphStore[];
  beforeAll(async () => {
    stores = await Promise.all(storesUnderTest().map((s) => s.open()));
    await Promise.all(stores.map((s) => s.load(seed)));
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });
  const entityIds = ids(seed.entities);
  const both = async <T>(ask: (store: GraphStore) => Promise<T>) => {
    const [memory, neo4j] = await Promise.all(stores.map(ask));
    expect(neo4j).toEqual(memory);
  };

  it('agree on every relation of every entity, for every type and direction', async () => {
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      await both((s) => s.relationsOf(entityIds, { filter: { types: null }, direction }));
      for (const type of RELATION_TYPE_NAMES) {
        await both((s) => s.relationsOf(entityIds, { filter: { types: [type] }, direction }));
      }
    }
  });

  it('agree on every entity read with its relations, for every type and direction', async () => {
    const asked = [...entityIds, 'person:nobody-of-that-name'];
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      await both((s) => s.entitiesWithRelations(asked, { filter: { types: null }, direction }));
      for (const type of RELATION_TYPE_NAMES) {
        await both((s) => s.entitiesWithRelations(asked, { filter: { types: [type] }, direction }));
      }
    }
  });

  it('agree on every neighbourhood up to depth 3', async () => {
    for (const id of entityIds) {
      for (const depth of [1, 2, 3]) await both((s) => s.neighborhood(id, { depth, filter: { types: null } }));
      await both((s) => s.neighborhood(id, { depth: 2, filter: { types: ['LOCATED_IN', 'NEAR', 'PART_OF'] } }));
    }
  });

  it('agree on every limited neighbourhood, cut to the limit and to maxItems', async () => {
    for (const id of entityIds) {
      for (const [depth, limit] of [[1, 3], [2, 5], [2, 12], [3, 30]] as const) {
        await both((s) => s.neighborhood(id, { depth, filter: { types: null }, limit }));
        await both((s) => s.neighborhood(id, { depth, filter: { types: null }, limit, maxItems: 6 }));
      }
      await both((s) => s.neighborhood(id, { depth: 2, filter: { types: ['LOCATED_IN', 'NEAR', 'PART_OF'] }, limit: 4 }));
    }
  });

  it('agree on the shortest path between every pair of entities', async () => {
    for (const from of entityIds) {
      for (const to of entityIds) {
        await both((s) => s.shortestPath(from, to, { maxHops: 6, filter: { types: null }, directed: false }));
      }
    }
  });

  it('agree on directed paths and on paths over some types only', async () => {
    for (const from of entityIds) {
      for (const to of entityIds) {
        await both((s) => s.shortestPath(from, to, { maxHops: 4, filter: { types: null }, directed: true }));
        await both((s) => s.shortestPath(from, to, { maxHops: 6, filter: { types: ['LOCATED_IN', 'NEAR', 'PART_OF', 'MEMBER_OF'] }, directed: false }));
      }
    }
  });

  it('agree on the search for every prefix and inner part of every name and alias', async () => {
    const queries = new Set<string>();
    for (const entity of seed.entities) {
      for (const label of [entity.name, ...entity.aliases]) {
        const lower = label.toLowerCase();
        queries.add(lower.slice(0, 2)).add(lower.slice(0, 4)).add(lower.slice(1, 5)).add(lower);
      }
    }
    const { normalizeForSearch } = await import('../../src/domain/index.js');
    for (const query of queries) {
      const text = normalizeForSearch(query);
      if (text) await both((s) => s.search({ text, kinds: null, first: 100 }));
    }
  });
});
