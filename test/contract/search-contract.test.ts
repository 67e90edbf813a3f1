/**
 * The search contract: a fixed set of searches over the seed (typos, prefixes, Cyrillic, accents,
 * kinds, descriptions, statements with their filters) gives every store the same hits with the
 * same scores, fields and matched text: the embedded store's answers are the reference, and each
 * store is also held to what an analyst would expect of the top hits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MatchTier,
  normalizeForSearch,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type StatementRecord,
} from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { importedNeo4j, openLoaded, storesOfTheirOwn, storesUnderTest, useLoadedStore, type OwnStore } from '../support/stores.js';

const seed: Dataset = await readDatasetFile(SEED_FILE);

interface EntitySearch {
  readonly text: string;
  readonly kinds?: EntityKind[];
  readonly first?: number;
}

interface StatementSearch {
  readonly text: string;
  readonly speakerId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly first?: number;
}

const ENTITY_SEARCHES: readonly EntitySearch[] = [
  { text: 'Alaudinof' },
  { text: 'Kurakove' },
  { text: 'kura' },
  { text: 'Алаудинов' },
  { text: 'Курахове' },
  { text: 'Курахово' },
  { text: 'Покровськ' },
  { text: 'KURÁKHOVE' },
  { text: 'kurakhove', kinds: ['EVENT'] },
  { text: 'north korean', kinds: ['EVENT', 'UNIT'] },
  { text: 'monitoring group' },
  { text: 'captured kurakhove' },
  { text: 'senior Russian commander' },
  { text: 'high-ranking Ukrainian official' },
  { text: 'defense ministry', first: 3 },
  { text: 'Kursk incursion' },
  { text: 'inaguration' },
  { text: 'u s' },
  { text: 'a', first: 5 },
];

const STATEMENT_SEARCHES: readonly StatementSearch[] = [
  { text: 'captured Kurakhove' },
  { text: 'Kurakove' },
  { text: 'north korean troops' },
  { text: 'defense ministry said', first: 2 },
  { text: 'Kurakhove', speakerId: 'org:deepstate' },
  { text: 'north korean', from: '2025-01-06', to: '2025-01-06' },
  { text: 'Блинкен' },
];

const entityHits = async (store: GraphStore, { text, kinds, first }: EntitySearch) =>
  (await store.search({ text: normalizeForSearch(text), kinds: kinds ?? null, first: first ?? 10 })).map((m) => ({
    id: m.entity.id,
    score: m.score,
    field: m.field,
    tier: MatchTier[m.tier],
    matched: m.matched,
  }));

const statementHits = async (store: GraphStore, { text, speakerId, from, to, first }: StatementSearch) =>
  (
    await store.searchStatements({
      text: normalizeForSearch(text),
      first: first ?? 10,
      speakerId: speakerId ?? null,
      window: from || to ? { from: from ?? null, to: to ?? null } : null,
    })
  ).map((m) => ({ id: m.statement.id, score: m.score, tier: MatchTier[m.tier] }));

type EntityAnswer = Awaited<ReturnType<typeof entityHits>>;
type StatementAnswer = Awaited<ReturnType<typeof statementHits>>;

/** The reference: the embedded store over the seed. */
const reference = { entities: new Map<string, EntityAnswer>(), statements: new Map<string, StatementAnswer>() };
beforeAll(async () => {
  const store = createMemoryStore();
  await store.load(seed);
  for (const search of ENTITY_SEARCHES) reference.entities.set(JSON.stringify(search), await entityHits(store, search));
  for (const search of STATEMENT_SEARCHES) reference.statements.set(JSON.stringify(search), await statementHits(store, search));
  await store.close();
});

describe.each<OwnStore>([...storesUnderTest(), await importedNeo4j('kg-search-imported-')])('search on the $name store', (under) => {
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
  const top = async (search: EntitySearch) => (await entityHits(store, search))[0];

  test('gives every fixed entity search the same hits, scores, fields and matched text as the reference', async () => {
    for (const search of ENTITY_SEARCHES) {
      expect({ search, hits: await entityHits(store, search) }).toEqual({ search, hits: reference.entities.get(JSON.stringify(search)) });
    }
  });

  test('gives every fixed statement search the same hits and scores as the reference', async () => {
    for (const search of STATEMENT_SEARCHES) {
      expect({ search, hits: await statementHits(store, search) }).toEqual({ search, hits: reference.statements.get(JSON.stringify(search)) });
    }
  });

  test('finds names through typos: "Alaudinof" is Apti Alaudinov, "Kurakove" is Kurakhove before the events named after it', async () => {
    expect(await top({ text: 'Alaudinof' })).toMatchObject({ id: 'person:apti-alaudinov', tier: 'FUZZY' });
    const kurakove = await entityHits(store, { text: 'Kurakove' });
    expect(kurakove[0]).toMatchObject({ id: 'settlement:kurakhove', field: 'NAME', tier: 'FUZZY', matched: 'Kurakhove' });
    expect(kurakove.slice(1, 4).map((h) => h.id).sort()).toEqual([
      'event:kurakhove-assaults',
      'event:kurakhove-capture',
      'event:kurakhove-defence',
    ]);
    expect(await top({ text: 'inaguration' })).toMatchObject({ id: 'event:trump-inauguration', tier: 'FUZZY' });
  });

  test('finds prefixes, ignoring case and accents, and ranks an exact name above names that only contain it', async () => {
    expect(await top({ text: 'kura' })).toMatchObject({ id: 'settlement:kurakhove', tier: 'PREFIX', score: 0.9 });
    const accented = await entityHits(store, { text: 'KURÁKHOVE' });
    expect(accented[0]).toMatchObject({ id: 'settlement:kurakhove', tier: 'EXACT', score: 1 });
    expect(accented[1]).toMatchObject({ field: 'NAME', tier: 'WORD_PREFIX' });
  });

  test('finds Cyrillic and Latin spellings of the same name, Russian and Ukrainian', async () => {
    expect(await top({ text: 'Алаудинов' })).toMatchObject({ id: 'person:apti-alaudinov', tier: 'EXACT' });
    expect(await top({ text: 'Курахове' })).toMatchObject({ id: 'settlement:kurakhove', field: 'NAME', matched: 'Kurakhove' });
    expect(await top({ text: 'Покровськ' })).toMatchObject({ id: 'settlement:pokrovsk', field: 'NAME', tier: 'EXACT' });
  });

  test('keeps to the kinds asked, and finds events as entities', async () => {
    const events = await entityHits(store, { text: 'kurakhove', kinds: ['EVENT'] });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((h) => h.id.startsWith('event:'))).toBe(true);
    expect(await top({ text: 'Kursk incursion' })).toMatchObject({ id: 'event:kursk-incursion' });
  });

  test("finds the article's unnamed people and descriptions' words", async () => {
    expect(await top({ text: 'senior Russian commander' })).toMatchObject({ id: 'person:apti-alaudinov', field: 'ALIAS' });
    expect(await top({ text: 'high-ranking Ukrainian official' })).toMatchObject({ tier: 'EXACT' });
    expect(await top({ text: 'monitoring group' })).toMatchObject({ id: 'org:deepstate', field: 'DESCRIPTION', tier: 'WORDS' });
  });

  test('searches what people said: phrases first, typos too, by speaker and by day', async () => {
    const captured = await statementHits(store, { text: 'captured Kurakhove' });
    expect(captured[0]).toMatchObject({ id: 'stmt:defense-ministry-captured-kurakhove', tier: 'PHRASE', score: 1 });
    expect((await statementHits(store, { text: 'Kurakove' })).every((h) => h.tier === 'FUZZY')).toBe(true);
    const byDeepState = await statementHits(store, { text: 'Kurakhove', speakerId: 'org:deepstate' });
    expect(byDeepState.length).toBeGreaterThan(0);
    const speakers = await store.statementsByIds(byDeepState.map((h) => h.id));
    expect(speakers.every((s) => s?.speakerId === 'org:deepstate')).toBe(true);
    const onTheSixth = await statementHits(store, { text: 'north korean', from: '2025-01-06', to: '2025-01-06' });
    const dated = await store.statementsByIds(onTheSixth.map((h) => h.id));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((s) => s?.date === '2025-01-06')).toBe(true);
    expect((await statementHits(store, { text: 'Блинкен' }))[0]).toMatchObject({ id: 'stmt:blinken-north-korean-casualties' });
  });
});

const SOURCE = { id: 'source:ranking', title: 'Ranking', publisher: null, published: null, url: null, kind: 'DOCUMENT' } as const;

/**
 * Statements that hold one phrase, its words out of order, words it starts, and typos of it, with
 * dates that tie (ids then decide, in code-point order: upper case first), undated ones, two
 * speakers and a text that folds to nothing: a store may rank phrase and word hits where it keeps
 * them (Neo4j does, in Cypher), and must still give the reference's page for every `first` and
 * filter, whether those hits fill it or fuzzy hits count too.
 */
const RANKED_STATEMENTS: StatementRecord[] = (() => {
  const statements: StatementRecord[] = [];
  const say = (id: string, text: string, date: string | null, speakerId: string | null = null) =>
    statements.push({ id: `stmt:${id}`, kind: 'QUOTE', text, date, speakerId, aboutIds: [], sourceId: SOURCE.id, status: 'REPORTED', reportedViaId: null });
  say('phrase-b', 'North Korean troops crossed the river.', '2025-01-04', 'person:zed');
  say('Phrase-c', 'North Korean troops crossed the river.', '2025-01-04', 'person:zed');
  say('phrase-a', 'Reports say North-Korean troops are there.', '2025-01-04', 'person:kor-a');
  say('phrase-early', 'North Korean troops, said the ministry.', '2025-01-02', 'person:kor-a');
  say('phrase-late', 'We saw NORTH KOREAN TROOPS.', '2025-01-09', 'person:zed');
  say('phrase-undated', 'north korean troops again', null, 'person:zed');
  say('phrase-undated-2', 'And north korean troops too', null);
  say('phrase-twice', 'North Korean troops and more north korean troops', '2025-01-05');
  say('phrase-start', 'North Korean troopships sailed', '2025-01-03', 'person:kor-a');
  say('words-a', 'Troops from the north, Korean ones.', '2025-01-03', 'person:kor-a');
  say('words-b', 'The korean troops went north.', '2025-01-06', 'person:zed');
  say('words-undated', 'Troops, north; korean.', null);
  say('words-prefix', 'Northern Koreans on troopships', '2025-01-04', 'person:zed');
  say('fuzzy-troop', 'North Koreans troop in', '2025-01-03');
  say('fuzzy-a', 'Nort Korean troops', '2025-01-01', 'person:kor-a');
  say('fuzzy-b', 'North Korian troopz', '2025-01-05');
  say('fuzzy-undated', 'Norht korean tropos', null, 'person:zed');
  say('cyrillic', 'Північнокорейські війська біля Курахового', '2025-01-04', 'person:kor-a');
  say('kurakhove', 'Troops near Kurakhove', '2025-01-07');
  say('blank', '!!!', '2025-01-04');
  for (let i = 0; i < 6; i++) say(`filler-${i}`, `Filler report ${i} on troops`, `2025-01-0${1 + (i % 9)}`, i % 2 ? 'person:zed' : null);
  return statements;
})();

const RANKED_STATEMENT_SEARCHES: readonly StatementSearch[] = [
  'north korean troops',
  'korean',
  'north kor',
  'troops north',
  'nort korean',
  'korean troops',
  'troops',
  'kurakhove',
  'filler report',
].flatMap((text) =>
  [1, 2, 3, 5, 8, 13, 40].flatMap((first) => [
    { text, first },
    { text, first, speakerId: 'person:zed' },
    { text, first, from: '2025-01-03', to: '2025-01-05' },
    { text, first, from: '2025-01-04' },
  ]),
);

/**
 * Many names that hold one short text at every substring level (exact, prefix, word prefix,
 * substring; name or alias), with ties of name, a name that folds to nothing, aliases equal to the
 * name, Cyrillic and accents, and words only descriptions hold: a store may rank substring hits
 * where it keeps them (Neo4j does, in Cypher), and must still give the reference's page for every
 * `first`, whether the substring hits fill it or the word tiers count too.
 */
const RANKING: Dataset = (() => {
  const entities: EntityRecord[] = [];
  const add = (kind: EntityKind, slug: string, name: string, aliases: string[] = [], description?: string) =>
    entities.push({ id: `${kind.toLowerCase()}:${slug}`, kind, name, aliases, description: description ?? null, location: null, event: null });
  add('PERSON', 'kor-b', 'Kor');
  add('PERSON', 'kor-a', 'Kor', ['KOR', 'Kor Senior']);
  add('PERSON', 'zed', 'Zed', ['Kor']);
  add('PERSON', 'fire', '🔥', ['Kor']);
  add('PERSON', 'soft-sign', 'Ь', ['Korsakov']);
  add('PERSON', 'blank', '!!!', ['Big Kor']);
  add('SETTLEMENT', 'korea', 'Korea', ['Corea']);
  add('SETTLEMENT', 'korsun', 'Корсунь', ['Korsun']);
  add('SETTLEMENT', 'korenov', 'Kořenov');
  add('SETTLEMENT', 'north-korea', 'North Korea', ['DPRK']);
  add('UNIT', 'alpha', 'Alpha', ['Korolev Group', 'Alpha Kor']);
  add('UNIT', 'big-kor', 'Big Kor');
  add('UNIT', 'ankor', 'Ankor', ['Ankor Wat']);
  add('UNIT', 'sikorsky', 'Sikorsky');
  add('UNIT', 'decor', 'Decor', ['Dekor']);
  add('PERSON', 'river', 'Riverside', [], 'Lives by the kor river and the korea strait.');
  add('PERSON', 'korean', 'Someone', [], 'A korean speaker.');
  for (let i = 0; i < 12; i++) add(i % 2 ? 'UNIT' : 'SETTLEMENT', `filler-${i}`, `Filler ${i} Kor`, i % 3 ? [`Kor ${i}`] : []);
  return { sources: [SOURCE], entities, relations: [], statements: RANKED_STATEMENTS };
})();

const RANKING_SEARCHES: readonly EntitySearch[] = ['kor', 'korea', 'kors', 'big kor', 'filler 1', 'ko', 'kor senior'].flatMap((text) =>
  [1, 2, 3, 5, 8, 13, 21, 40].flatMap((first) => [
    { text, first },
    { text, first, kinds: ['UNIT'] as EntityKind[] },
    { text, first, kinds: ['PERSON', 'SETTLEMENT'] as EntityKind[] },
  ]),
);

const rankingReference = new Map<string, EntityAnswer>();
const statementRankingReference = new Map<string, StatementAnswer>();
beforeAll(async () => {
  const store = createMemoryStore();
  await store.load(RANKING);
  for (const search of RANKING_SEARCHES) rankingReference.set(JSON.stringify(search), await entityHits(store, search));
  for (const search of RANKED_STATEMENT_SEARCHES) {
    statementRankingReference.set(JSON.stringify(search), await statementHits(store, search));
  }
  await store.close();
});

describe.each<OwnStore>([...(await storesOfTheirOwn('kg-search-ranking-')), await importedNeo4j('kg-search-ranking-imported-')])(
  'search ranking on the $name store',
  (under) => {
    const { store, test } = useLoadedStore(under, RANKING);

    test("gives the reference's page of hits for every text, kinds and first, whichever tiers fill it", async () => {
      for (const search of RANKING_SEARCHES) {
        expect({ search, hits: await entityHits(store, search) }).toEqual({ search, hits: rankingReference.get(JSON.stringify(search)) });
      }
    });

    test("gives the reference's page of statement hits for every text, filter and first, whichever tiers fill it", async () => {
      for (const search of RANKED_STATEMENT_SEARCHES) {
        expect({ search, hits: await statementHits(store, search) }).toEqual({ search, hits: statementRankingReference.get(JSON.stringify(search)) });
      }
    });

    test('ranks phrases first by date, undated last, ties by id in code-point order, then words, then typos', async () => {
      const hits = await statementHits(store, { text: 'north korean troops', first: 40 });
      expect(hits.map((h) => h.id)).toEqual([
        'stmt:phrase-early',
        'stmt:phrase-start',
        'stmt:Phrase-c',
        'stmt:phrase-a',
        'stmt:phrase-b',
        'stmt:phrase-twice',
        'stmt:phrase-late',
        'stmt:phrase-undated',
        'stmt:phrase-undated-2',
        'stmt:words-a',
        'stmt:words-prefix',
        'stmt:words-b',
        'stmt:words-undated',
        'stmt:fuzzy-a',
        'stmt:fuzzy-troop',
        'stmt:fuzzy-b',
        'stmt:fuzzy-undated',
      ]);
      expect(new Set(hits.map((h) => h.tier))).toEqual(new Set(['PHRASE', 'WORDS', 'FUZZY']));
    });

    test('ranks a name that folds to nothing by its aliases, first among equal hits', async () => {
      expect((await entityHits(store, { text: 'kor', first: 2 })).map((h) => h.id)).toEqual(['person:kor-a', 'person:kor-b']);
      const exact = await entityHits(store, { text: 'kor', first: 4 });
      expect(exact.map((h) => h.id)).toEqual(['person:kor-a', 'person:kor-b', 'person:fire', 'person:zed']);
      expect(exact[2]).toEqual({ id: 'person:fire', score: 0.95, field: 'ALIAS', tier: 'EXACT', matched: 'Kor' });
    });
  },
);
