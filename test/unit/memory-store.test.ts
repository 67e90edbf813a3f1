import { beforeEach, describe, expect, it } from 'vitest';
import {
  DatasetValidationError,
  MatchTier,
  normalizeForSearch,
  parseDataset,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type RelationType,
} from '../../src/domain/index.js';
import type { GraphStore, PathQuery, SearchQuery } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { EntitySearchIndex, trigramsOf } from '../../src/store/memory/search-index.js';

/**
 * A small graph with the awkward cases in it: a symmetric NEAR, parallel relations between the
 * same pair (two FIGHTING_IN with different dates; COMMANDS and MEMBER_OF), two equally short
 * routes from Akhmat to Donetsk Oblast (via Kurákhove and via Pokrovsk), isolated entities,
 * names with accents and punctuation, statements with and without dates. Records are listed
 * out of id order on purpose, so insertion order cannot pass for the contract's order.
 */
const RAW_FIXTURE = {
  sources: [
    { id: 'source:two', title: 'Report two' },
    { id: 'source:one', title: 'Report one', publisher: 'Wire', published: '2024-11-03' },
  ],
  entities: [
    { id: 'settlement:pokrovsk', kind: 'SETTLEMENT', name: 'Pokrovsk', aliases: [] },
    { id: 'settlement:kurakhove', kind: 'SETTLEMENT', name: 'Kurákhove', aliases: ['Kurakhovo'] },
    { id: 'settlement:kurdiumivka', kind: 'SETTLEMENT', name: 'Kurdiumivka', aliases: [] },
    { id: 'settlement:novopokrovske', kind: 'SETTLEMENT', name: 'Novopokrovske', aliases: [] },
    { id: 'region:pokrovsk-raion', kind: 'REGION', name: 'Pokrovsk Raion', aliases: [] },
    { id: 'region:donetsk', kind: 'REGION', name: 'Donetsk Oblast', aliases: ['Donetsk region'] },
    { id: 'org:east-pokrovsk-council', kind: 'ORGANIZATION', name: 'East Pokrovsk Council', aliases: [] },
    { id: 'unit:akhmat', kind: 'UNIT', name: 'Akhmat', aliases: ['Akhmat special forces'] },
    { id: 'person:apti-alaudinov', kind: 'PERSON', name: 'Apti Alaudinov', aliases: ['Alaudinov'] },
    { id: 'country:usa', kind: 'COUNTRY', name: 'United States', aliases: ['U.S.', 'USA'] },
    { id: 'country:ukraine', kind: 'COUNTRY', name: 'Ukraine', aliases: [] },
    { id: 'country:russia', kind: 'COUNTRY', name: 'Russia', aliases: [] },
  ],
  relations: [
    rel('rel:pokrovsk-located-in-donetsk', 'LOCATED_IN', 'settlement:pokrovsk', 'region:donetsk'),
    rel('rel:akhmat-deployed-to-pokrovsk', 'DEPLOYED_TO', 'unit:akhmat', 'settlement:pokrovsk'),
    { ...rel('rel:akhmat-fighting-in-kurakhove-2', 'FIGHTING_IN', 'unit:akhmat', 'settlement:kurakhove'), date: '2024-11-01' },
    { ...rel('rel:akhmat-fighting-in-kurakhove-1', 'FIGHTING_IN', 'unit:akhmat', 'settlement:kurakhove'), date: '2024-10-01' },
    rel('rel:kurakhove-located-in-donetsk', 'LOCATED_IN', 'settlement:kurakhove', 'region:donetsk'),
    {
      ...rel('rel:kurakhove-near-pokrovsk', 'NEAR', 'settlement:kurakhove', 'settlement:pokrovsk'),
      qualifiers: { distanceKm: 50, approximation: 'APPROXIMATE' },
      statementIds: ['stmt:monitor-kurakhove'],
    },
    rel('rel:donetsk-located-in-ukraine', 'LOCATED_IN', 'region:donetsk', 'country:ukraine'),
    rel('rel:alaudinov-member-of-akhmat', 'MEMBER_OF', 'person:apti-alaudinov', 'unit:akhmat'),
    rel('rel:alaudinov-commands-akhmat', 'COMMANDS', 'person:apti-alaudinov', 'unit:akhmat'),
    rel('rel:akhmat-part-of-russia', 'PART_OF', 'unit:akhmat', 'country:russia'),
    rel('rel:russia-attacked-pokrovsk', 'ATTACKED', 'country:russia', 'settlement:pokrovsk'),
    rel('rel:usa-supports-ukraine', 'SUPPORTS', 'country:usa', 'country:ukraine'),
  ],
  statements: [
    stmt('stmt:alaudinov-about-pokrovsk', 'person:apti-alaudinov', ['settlement:pokrovsk', 'settlement:kurakhove'], null, 'source:one'),
    stmt('stmt:alaudinov-claims-kurakhove', 'person:apti-alaudinov', ['settlement:kurakhove'], '2024-11-02', 'source:one'),
    stmt('stmt:alaudinov-praises-akhmat', 'person:apti-alaudinov', ['unit:akhmat'], '2024-10-05', 'source:two'),
    stmt('stmt:usa-ukraine-aid', 'country:usa', ['country:ukraine'], '2024-10-05', 'source:two'),
    stmt('stmt:monitor-kurakhove', null, ['settlement:kurakhove'], '2024-10-05', 'source:two'),
  ],
};

function rel(id: string, type: RelationType, from: string, to: string) {
  return { id, type, from, to, status: 'REPORTED', sourceId: 'source:one' };
}

function stmt(id: string, speakerId: string | null, aboutIds: string[], date: string | null, sourceId: string) {
  return {
    id,
    kind: 'REPORTED',
    text: `Text of ${id}.`,
    ...(speakerId ? { speakerId } : {}),
    ...(date ? { date } : {}),
    aboutIds,
    sourceId,
    status: 'CLAIMED',
  };
}

function entityRecord(id: string, kind: EntityKind, name: string, aliases: string[] = []): EntityRecord {
  return { id, kind, name, aliases, description: null, location: null, event: null };
}

/** A complete record, for datasets that skip the validator on purpose. */
function relationRecord(id: string, type: RelationType, from: string, to: string): RelationRecord {
  return {
    ...rel(id, type, from, to),
    time: null,
    attributions: [{ claimantId: 'country:usa', viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:one', note: null }],
    status: 'REPORTED',
    claimedBy: null,
    date: null,
    statementIds: [],
    qualifiers: {},
  };
}

/** Through the real validator, so the fixture is a dataset the server could load. */
const FIXTURE: Dataset = parseDataset(RAW_FIXTURE);

const ids = (records: readonly { readonly id: string }[]) => records.map((r) => r.id);

async function loadedStore(): Promise<GraphStore> {
  const store = createMemoryStore();
  await store.load(FIXTURE);
  return store;
}

let store: GraphStore;
beforeEach(async () => {
  store = await loadedStore();
});

describe('the memory store lookups', () => {
  it('is a memory store that is always ready', async () => {
    expect(store.kind).toBe('memory');
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('counts every kind of record', async () => {
    expect(await store.counts()).toEqual({ entities: 12, relations: 12, statements: 5, sources: 2 });
  });

  it('returns records by id in the order asked, with null for unknown ids', async () => {
    const entities = await store.entitiesByIds(['unit:akhmat', 'unit:nobody', 'country:usa']);
    expect(entities.map((e) => e?.id ?? null)).toEqual(['unit:akhmat', null, 'country:usa']);
    expect(entities[0]).toEqual(FIXTURE.entities.find((e) => e.id === 'unit:akhmat'));

    const statements = await store.statementsByIds(['stmt:nothing', 'stmt:usa-ukraine-aid']);
    expect(statements.map((s) => s?.id ?? null)).toEqual([null, 'stmt:usa-ukraine-aid']);

    const sources = await store.sourcesByIds(['source:one', 'source:three']);
    expect(sources).toEqual([FIXTURE.sources.find((s) => s.id === 'source:one'), null]);
  });

  it('lists entities by raw name in code-point order, then id, filtered by kind', async () => {
    expect(ids(await store.listEntities(null))).toEqual([
      'unit:akhmat', // Akhmat
      'person:apti-alaudinov', // Apti Alaudinov
      'region:donetsk', // Donetsk Oblast
      'org:east-pokrovsk-council',
      'settlement:kurdiumivka', // "d" comes before "á" in code-point order
      'settlement:kurakhove', // Kurákhove
      'settlement:novopokrovske',
      'settlement:pokrovsk',
      'region:pokrovsk-raion',
      'country:russia',
      'country:ukraine',
      'country:usa', // United States
    ]);
    expect(ids(await store.listEntities(['SETTLEMENT', 'COUNTRY'] as EntityKind[]))).toEqual([
      'settlement:kurdiumivka',
      'settlement:kurakhove',
      'settlement:novopokrovske',
      'settlement:pokrovsk',
      'country:russia',
      'country:ukraine',
      'country:usa',
    ]);
  });

  it('lists sources by id', async () => {
    expect(ids(await store.listSources())).toEqual(['source:one', 'source:two']);
  });
});

describe('relations seen from an entity', () => {
  const all = { filter: { types: null }, direction: 'BOTH' } as const;
  const seen = (views: readonly { relation: { id: string; type: string }; direction: string; otherId: string }[]) =>
    views.map((v) => `${v.relation.type} ${v.direction} ${v.otherId} ${v.relation.id}`);

  it('are OUT from the start, IN from the end, ordered by type, other end, then id', async () => {
    const [akhmat] = await store.relationsOf(['unit:akhmat'], all);
    expect(seen(akhmat!)).toEqual([
      'COMMANDS IN person:apti-alaudinov rel:alaudinov-commands-akhmat',
      'DEPLOYED_TO OUT settlement:pokrovsk rel:akhmat-deployed-to-pokrovsk',
      'FIGHTING_IN OUT settlement:kurakhove rel:akhmat-fighting-in-kurakhove-1',
      'FIGHTING_IN OUT settlement:kurakhove rel:akhmat-fighting-in-kurakhove-2',
      'MEMBER_OF IN person:apti-alaudinov rel:alaudinov-member-of-akhmat',
      'PART_OF OUT country:russia rel:akhmat-part-of-russia',
    ]);
  });

  it('are BOTH for a symmetric type, from either end', async () => {
    const [kurakhove, pokrovsk] = await store.relationsOf(['settlement:kurakhove', 'settlement:pokrovsk'], all);
    expect(seen(kurakhove!)).toEqual([
      'FIGHTING_IN IN unit:akhmat rel:akhmat-fighting-in-kurakhove-1',
      'FIGHTING_IN IN unit:akhmat rel:akhmat-fighting-in-kurakhove-2',
      'LOCATED_IN OUT region:donetsk rel:kurakhove-located-in-donetsk',
      'NEAR BOTH settlement:pokrovsk rel:kurakhove-near-pokrovsk',
    ]);
    expect(seen(pokrovsk!)).toEqual([
      'ATTACKED IN country:russia rel:russia-attacked-pokrovsk',
      'DEPLOYED_TO IN unit:akhmat rel:akhmat-deployed-to-pokrovsk',
      'LOCATED_IN OUT region:donetsk rel:pokrovsk-located-in-donetsk',
      'NEAR BOTH settlement:kurakhove rel:kurakhove-near-pokrovsk',
    ]);
  });

  it('keep BOTH views under an OUT or IN filter', async () => {
    const [out] = await store.relationsOf(['settlement:pokrovsk'], { filter: { types: null }, direction: 'OUT' });
    expect(seen(out!)).toEqual([
      'LOCATED_IN OUT region:donetsk rel:pokrovsk-located-in-donetsk',
      'NEAR BOTH settlement:kurakhove rel:kurakhove-near-pokrovsk',
    ]);
    const [inward] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: null }, direction: 'IN' });
    expect(seen(inward!)).toEqual([
      'FIGHTING_IN IN unit:akhmat rel:akhmat-fighting-in-kurakhove-1',
      'FIGHTING_IN IN unit:akhmat rel:akhmat-fighting-in-kurakhove-2',
      'NEAR BOTH settlement:pokrovsk rel:kurakhove-near-pokrovsk',
    ]);
  });

  it('can be limited to some types, combined with a direction', async () => {
    const [kurakhove] = await store.relationsOf(['settlement:kurakhove'], {
      filter: { types: ['LOCATED_IN', 'NEAR'] },
      direction: 'IN',
    });
    expect(seen(kurakhove!)).toEqual(['NEAR BOTH settlement:pokrovsk rel:kurakhove-near-pokrovsk']);
  });

  it('are none for an unknown or isolated entity, one list per id asked', async () => {
    const lists = await store.relationsOf(['unit:nobody', 'settlement:kurdiumivka', 'country:usa'], all);
    expect(lists.map((l) => l.length)).toEqual([0, 0, 1]);
  });
});

describe('statements', () => {
  it('by speaker come by date, undated last, then by id', async () => {
    const [alaudinov, usa, nobody] = await store.statementsBySpeakers([
      'person:apti-alaudinov',
      'country:usa',
      'unit:akhmat',
    ]);
    expect(ids(alaudinov!)).toEqual([
      'stmt:alaudinov-praises-akhmat', // 2024-10-05
      'stmt:alaudinov-claims-kurakhove', // 2024-11-02
      'stmt:alaudinov-about-pokrovsk', // undated
    ]);
    expect(ids(usa!)).toEqual(['stmt:usa-ukraine-aid']);
    expect(nobody).toEqual([]);
  });

  it('about an entity include those that name it among several', async () => {
    const [kurakhove, pokrovsk] = await store.statementsAbout(['settlement:kurakhove', 'settlement:pokrovsk']);
    expect(ids(kurakhove!)).toEqual([
      'stmt:monitor-kurakhove',
      'stmt:alaudinov-claims-kurakhove',
      'stmt:alaudinov-about-pokrovsk',
    ]);
    expect(ids(pokrovsk!)).toEqual(['stmt:alaudinov-about-pokrovsk']);
  });

  it('from sources come in the same order, and none from an unknown source', async () => {
    const [two, one, none] = await store.statementsFromSources(['source:two', 'source:one', 'source:none']);
    expect(ids(two!)).toEqual(['stmt:alaudinov-praises-akhmat', 'stmt:monitor-kurakhove', 'stmt:usa-ukraine-aid']);
    expect(ids(one!)).toEqual(['stmt:alaudinov-claims-kurakhove', 'stmt:alaudinov-about-pokrovsk']);
    expect(none).toEqual([]);
  });

  it('are found by speaker, by subject, by both (intersection) or all of them', async () => {
    const find = async (speakerId: string | null, aboutId: string | null) =>
      ids(await store.findStatements({ speakerId, aboutId }));
    expect(await find(null, null)).toEqual([
      'stmt:alaudinov-praises-akhmat',
      'stmt:monitor-kurakhove',
      'stmt:usa-ukraine-aid',
      'stmt:alaudinov-claims-kurakhove',
      'stmt:alaudinov-about-pokrovsk',
    ]);
    expect(await find('person:apti-alaudinov', 'settlement:kurakhove')).toEqual([
      'stmt:alaudinov-claims-kurakhove',
      'stmt:alaudinov-about-pokrovsk',
    ]);
    expect(await find(null, 'settlement:kurakhove')).toEqual([
      'stmt:monitor-kurakhove',
      'stmt:alaudinov-claims-kurakhove',
      'stmt:alaudinov-about-pokrovsk',
    ]);
    expect(await find('country:usa', null)).toEqual(['stmt:usa-ukraine-aid']);
    expect(await find('country:usa', 'settlement:kurakhove')).toEqual([]);
  });

  it('returned to a caller cannot disturb the store when the caller changes the list', async () => {
    const [first] = await store.statementsBySpeakers(['person:apti-alaudinov']);
    first!.length = 0;
    const [again] = await store.statementsBySpeakers(['person:apti-alaudinov']);
    expect(again).toHaveLength(3);
  });
});

describe('search', () => {
  const search = (text: string, options: Partial<Omit<SearchQuery, 'text'>> = {}) =>
    store.search({ text: normalizeForSearch(text), kinds: null, first: 20, ...options });
  const found = async (text: string, options?: Partial<Omit<SearchQuery, 'text'>>) =>
    (await search(text, options)).map((m) => `${MatchTier[m.tier]} ${m.entity.id}`);

  it('ranks exact, then prefix, then word prefix, then substring matches', async () => {
    expect(await found('Pokrovsk')).toEqual([
      'EXACT settlement:pokrovsk',
      'PREFIX region:pokrovsk-raion',
      'WORD_PREFIX org:east-pokrovsk-council',
      'SUBSTRING settlement:novopokrovske',
    ]);
  });

  it('finds a substring inside a word', async () => {
    const matches = await search('urakh');
    expect(matches.map((m) => [m.entity.id, m.tier, m.matched])).toEqual([
      ['settlement:kurakhove', MatchTier.SUBSTRING, 'Kurákhove'],
    ]);
  });

  it('ignores case, accents and punctuation', async () => {
    for (const text of ['KURÁKHOVE', 'kurakhove', 'Kurákhove!']) {
      expect(await found(text)).toEqual(['EXACT settlement:kurakhove']);
    }
    const [usa] = await search('u.s');
    expect([usa?.entity.id, usa?.tier, usa?.matched]).toEqual(['country:usa', MatchTier.EXACT, 'U.S.']);
  });

  it('matches aliases and words inside them', async () => {
    expect(await found('alaudinov')).toEqual(['EXACT person:apti-alaudinov']);
    expect(await found('special')).toEqual(['WORD_PREFIX unit:akhmat']);
    expect(await found('states')).toEqual(['WORD_PREFIX country:usa']);
  });

  it('keeps only the kinds asked for', async () => {
    expect(await found('pokrovsk', { kinds: ['SETTLEMENT'] })).toEqual([
      'EXACT settlement:pokrovsk',
      'SUBSTRING settlement:novopokrovske',
    ]);
  });

  it('returns at most `first` matches, the best ones', async () => {
    expect(await found('pokrovsk', { first: 2 })).toEqual([
      'EXACT settlement:pokrovsk',
      'PREFIX region:pokrovsk-raion',
    ]);
  });

  it('answers queries too short for trigrams by scanning, substrings included', async () => {
    expect(await found('kh')).toEqual(['SUBSTRING unit:akhmat', 'SUBSTRING settlement:kurakhove']);
    expect(await found('Ku')).toEqual(['PREFIX settlement:kurakhove', 'PREFIX settlement:kurdiumivka']);
    expect(await found('u')).toEqual([
      'PREFIX country:ukraine',
      'PREFIX country:usa',
      'SUBSTRING person:apti-alaudinov',
      'SUBSTRING org:east-pokrovsk-council',
      'SUBSTRING settlement:kurakhove',
      'SUBSTRING settlement:kurdiumivka',
      'SUBSTRING country:russia',
    ]);
  });

  it('draws candidates from a trigram index that needs every trigram of the query within one key', () => {
    expect(trigramsOf(['u s', 'kurakhove'])).toEqual(['u s', 'kur', 'ura', 'rak', 'akh', 'kho', 'hov', 'ove']);
    const index = new EntitySearchIndex(FIXTURE.entities);
    const idsOf = (text: string) => index.search(text, null, 100).map((m) => m.entity.id);
    expect(idsOf('urakh')).toEqual(['settlement:kurakhove']);
    expect(idsOf('pokrovsk raion')).toEqual(['region:pokrovsk-raion']);
    expect(idsOf('u s')).toEqual(['country:usa']);
  });

  it('finds nothing when no key contains the query', async () => {
    expect(await found('xyz')).toEqual([]);
    // Each word is in some key, but not the two together in one.
    expect(await found('akhmat pokrovsk')).toEqual([]);
  });
});

describe('neighbourhoods', () => {
  const around = async (centre: string, depth: number, types: RelationType[] | null = null) => {
    const result = await store.neighborhood(centre, { depth, filter: { types } });
    return result && { nodes: ids(result.nodes), edges: ids(result.edges) };
  };

  it('of depth 0 are the centre alone', async () => {
    expect(await around('settlement:kurakhove', 0)).toEqual({ nodes: ['settlement:kurakhove'], edges: [] });
  });

  it('of depth 1 hold the centre, its neighbours by id, and every relation among them', async () => {
    expect(await around('settlement:kurakhove', 1)).toEqual({
      nodes: ['settlement:kurakhove', 'region:donetsk', 'settlement:pokrovsk', 'unit:akhmat'],
      edges: [
        'rel:akhmat-deployed-to-pokrovsk', // between two neighbours: induced, not walked
        'rel:akhmat-fighting-in-kurakhove-1',
        'rel:akhmat-fighting-in-kurakhove-2',
        'rel:kurakhove-located-in-donetsk',
        'rel:kurakhove-near-pokrovsk',
        'rel:pokrovsk-located-in-donetsk',
      ],
    });
  });

  it('of depth 2 walk relations both ways and order nodes by hops, then id', async () => {
    expect(await around('settlement:kurakhove', 2)).toEqual({
      nodes: [
        'settlement:kurakhove',
        'region:donetsk',
        'settlement:pokrovsk',
        'unit:akhmat',
        'country:russia',
        'country:ukraine',
        'person:apti-alaudinov',
      ],
      edges: [
        'rel:akhmat-deployed-to-pokrovsk',
        'rel:akhmat-fighting-in-kurakhove-1',
        'rel:akhmat-fighting-in-kurakhove-2',
        'rel:akhmat-part-of-russia',
        'rel:alaudinov-commands-akhmat',
        'rel:alaudinov-member-of-akhmat',
        'rel:donetsk-located-in-ukraine',
        'rel:kurakhove-located-in-donetsk',
        'rel:kurakhove-near-pokrovsk',
        'rel:pokrovsk-located-in-donetsk',
        'rel:russia-attacked-pokrovsk',
      ],
    });
  });

  it('walk and include only relations of the types asked for', async () => {
    expect(await around('settlement:kurakhove', 2, ['LOCATED_IN', 'NEAR'])).toEqual({
      nodes: ['settlement:kurakhove', 'region:donetsk', 'settlement:pokrovsk', 'country:ukraine'],
      edges: [
        'rel:donetsk-located-in-ukraine',
        'rel:kurakhove-located-in-donetsk',
        'rel:kurakhove-near-pokrovsk',
        'rel:pokrovsk-located-in-donetsk',
      ],
    });
    // Pokrovsk is two hops away over these types, and the NEAR joining it to the centre is left out.
    expect(await around('settlement:kurakhove', 2, ['DEPLOYED_TO', 'FIGHTING_IN'])).toEqual({
      nodes: ['settlement:kurakhove', 'unit:akhmat', 'settlement:pokrovsk'],
      edges: [
        'rel:akhmat-deployed-to-pokrovsk',
        'rel:akhmat-fighting-in-kurakhove-1',
        'rel:akhmat-fighting-in-kurakhove-2',
      ],
    });
  });

  it('of an unknown centre are null, and of an isolated one the centre alone', async () => {
    expect(await around('settlement:nowhere', 2)).toBeNull();
    expect(await around('settlement:kurdiumivka', 3)).toEqual({ nodes: ['settlement:kurdiumivka'], edges: [] });
  });
});

describe('shortest paths', () => {
  const path = async (from: string, to: string, query: Partial<PathQuery> = {}) => {
    const result = await store.shortestPath(from, to, { maxHops: 5, filter: { types: null }, directed: false, ...query });
    return result && { nodes: ids(result.nodes), edges: ids(result.edges) };
  };

  it('take, of two equally short paths, the one through the smaller node id, over the smallest relation id', async () => {
    expect(await path('unit:akhmat', 'region:donetsk')).toEqual({
      nodes: ['unit:akhmat', 'settlement:kurakhove', 'region:donetsk'], // not via settlement:pokrovsk
      edges: ['rel:akhmat-fighting-in-kurakhove-1', 'rel:kurakhove-located-in-donetsk'],
    });
    expect(await path('region:donetsk', 'unit:akhmat')).toEqual({
      nodes: ['region:donetsk', 'settlement:kurakhove', 'unit:akhmat'],
      edges: ['rel:kurakhove-located-in-donetsk', 'rel:akhmat-fighting-in-kurakhove-1'],
    });
  });

  it('choose among parallel relations of different types by id', async () => {
    expect(await path('person:apti-alaudinov', 'country:ukraine')).toEqual({
      nodes: ['person:apti-alaudinov', 'unit:akhmat', 'settlement:kurakhove', 'region:donetsk', 'country:ukraine'],
      edges: [
        'rel:alaudinov-commands-akhmat',
        'rel:akhmat-fighting-in-kurakhove-1',
        'rel:kurakhove-located-in-donetsk',
        'rel:donetsk-located-in-ukraine',
      ],
    });
  });

  it('walk only the types asked for', async () => {
    expect(await path('unit:akhmat', 'region:donetsk', { filter: { types: ['DEPLOYED_TO', 'LOCATED_IN'] } })).toEqual({
      nodes: ['unit:akhmat', 'settlement:pokrovsk', 'region:donetsk'],
      edges: ['rel:akhmat-deployed-to-pokrovsk', 'rel:pokrovsk-located-in-donetsk'],
    });
  });

  it('when directed follow relations from start to end only, symmetric ones either way', async () => {
    expect(await path('unit:akhmat', 'region:donetsk', { directed: true })).toEqual(
      await path('unit:akhmat', 'region:donetsk'),
    );
    expect(await path('region:donetsk', 'unit:akhmat', { directed: true })).toBeNull();
    expect(await path('settlement:kurakhove', 'unit:akhmat', { directed: true })).toBeNull();
    expect(await path('settlement:kurakhove', 'unit:akhmat')).toEqual({
      nodes: ['settlement:kurakhove', 'unit:akhmat'],
      edges: ['rel:akhmat-fighting-in-kurakhove-1'],
    });
    // NEAR is stored from Kurákhove to Pokrovsk, and walked back because it is symmetric.
    expect(await path('settlement:pokrovsk', 'settlement:kurakhove', { directed: true })).toEqual({
      nodes: ['settlement:pokrovsk', 'settlement:kurakhove'],
      edges: ['rel:kurakhove-near-pokrovsk'],
    });
  });

  it('are null when longer than maxHops', async () => {
    expect(await path('unit:akhmat', 'region:donetsk', { maxHops: 1 })).toBeNull();
    expect(await path('unit:akhmat', 'region:donetsk', { maxHops: 2 })).not.toBeNull();
    expect(await path('person:apti-alaudinov', 'country:ukraine', { maxHops: 3 })).toBeNull();
  });

  it('from an entity to itself have length 0', async () => {
    expect(await path('unit:akhmat', 'unit:akhmat')).toEqual({ nodes: ['unit:akhmat'], edges: [] });
    expect(await path('settlement:kurdiumivka', 'settlement:kurdiumivka', { directed: true, filter: { types: ['NEAR'] } })).toEqual({
      nodes: ['settlement:kurdiumivka'],
      edges: [],
    });
  });

  it('are null when either end is unknown or no path joins them', async () => {
    expect(await path('unit:nobody', 'unit:akhmat')).toBeNull();
    expect(await path('unit:akhmat', 'unit:nobody')).toBeNull();
    expect(await path('unit:nobody', 'unit:nobody')).toBeNull();
    expect(await path('unit:akhmat', 'settlement:kurdiumivka', { maxHops: 10 })).toBeNull();
  });
});

describe('loading', () => {
  it('the same dataset twice leaves every count and answer as it was', async () => {
    const before = await store.counts();
    const listed = await store.listEntities(null);
    await store.load(FIXTURE);
    expect(await store.counts()).toEqual(before);
    expect(await store.listEntities(null)).toEqual(listed);
    const [akhmat] = await store.relationsOf(['unit:akhmat'], { filter: { types: null }, direction: 'BOTH' });
    expect(akhmat).toHaveLength(6);
    expect(await store.findStatements({ speakerId: null, aboutId: null })).toHaveLength(5);
  });

  it('adds new records and replaces those with a known id, search index included', async () => {
    await store.load({
      sources: [],
      entities: [
        entityRecord('settlement:kurdiumivka', 'SETTLEMENT', 'Kurdyumivka'), // renamed
        entityRecord('settlement:toretsk', 'SETTLEMENT', 'Toretsk', ['Dzerzhynsk']),
      ],
      // Joins an entity of the earlier load, and names its source.
      relations: [relationRecord('rel:toretsk-near-kurdiumivka', 'NEAR', 'settlement:toretsk', 'settlement:kurdiumivka')],
      statements: [],
    });
    expect(await store.counts()).toEqual({ entities: 13, relations: 13, statements: 5, sources: 2 });
    const search = async (text: string) =>
      ids((await store.search({ text, kinds: null, first: 5 })).map((m) => m.entity));
    // The old name is gone from the index: only typo tolerance still reaches the renamed entity.
    const [renamed] = await store.search({ text: 'kurdiumivka', kinds: null, first: 5 });
    expect([renamed?.entity.id, renamed?.tier, renamed?.matched]).toEqual(['settlement:kurdiumivka', MatchTier.FUZZY, 'Kurdyumivka']);
    expect(await search('kurdyum')).toEqual(['settlement:kurdiumivka']);
    expect(await search('dzerzh')).toEqual(['settlement:toretsk']);
    const [kurdiumivka] = await store.relationsOf(['settlement:kurdiumivka'], { filter: { types: null }, direction: 'BOTH' });
    expect(kurdiumivka!.map((v) => [v.direction, v.otherId])).toEqual([['BOTH', 'settlement:toretsk']]);
    expect(ids(await store.listEntities(['SETTLEMENT']))).toContain('settlement:toretsk');
  });

  it('rejects a relation to a missing entity and leaves the earlier state untouched', async () => {
    const before = await snapshot(store);
    const broken: Dataset = {
      ...FIXTURE,
      entities: [...FIXTURE.entities, entityRecord('settlement:toretsk', 'SETTLEMENT', 'Toretsk')],
      relations: [
        ...FIXTURE.relations,
        relationRecord('rel:toretsk-near-nowhere', 'NEAR', 'settlement:toretsk', 'settlement:nowhere'),
      ],
    };
    const error = await store.load(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as Error).message).toContain('"settlement:nowhere", which is not a known entity');
    expect(await snapshot(store)).toEqual(before);
    expect(await store.entitiesByIds(['settlement:toretsk'])).toEqual([null]);
  });

  it('refuses a relation of an entity to itself and leaves the earlier state untouched', async () => {
    const before = await snapshot(store);
    // Every reference resolves, so only the store's own check stops this one, after the new
    // snapshot's records were merged.
    const loop: Dataset = {
      ...FIXTURE,
      entities: [...FIXTURE.entities, entityRecord('settlement:toretsk', 'SETTLEMENT', 'Toretsk')],
      relations: [
        ...FIXTURE.relations,
        relationRecord('rel:toretsk-near-itself', 'NEAR', 'settlement:toretsk', 'settlement:toretsk'),
      ],
    };
    await expect(store.load(loop)).rejects.toThrow(/Relation "rel:toretsk-near-itself" joins "settlement:toretsk" to itself/);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.search({ text: 'toretsk', kinds: null, first: 5 })).toEqual([]);
  });

  it('after close holds nothing', async () => {
    await store.close();
    expect(await store.counts()).toEqual({ entities: 0, relations: 0, statements: 0, sources: 0 });
    expect(await store.neighborhood('unit:akhmat', { depth: 1, filter: { types: null } })).toBeNull();
  });
});

/** Enough of the store's answers to notice any change. */
async function snapshot(s: GraphStore) {
  return {
    counts: await s.counts(),
    entities: await s.listEntities(null),
    statements: await s.findStatements({ speakerId: null, aboutId: null }),
    relations: await s.relationsOf(['settlement:pokrovsk', 'unit:akhmat'], { filter: { types: null }, direction: 'BOTH' }),
    neighbourhood: await s.neighborhood('settlement:kurakhove', { depth: 3, filter: { types: null } }),
    search: await s.search({ text: 'pokrovsk', kinds: null, first: 10 }),
  };
}
