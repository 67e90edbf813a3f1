/**
 * The search ranking (src/domain/search.ts): folding, tiers and scores, typos, statements; the
 * embedded store's index against the ranking over every entity; the Lucene query the Neo4j store
 * gathers candidates with.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MatchTier,
  boundedEditDistance,
  normalizeForSearch,
  rankSearchResults,
  rankStatements,
  searchScore,
  searchText,
  type EntityKind,
  type EntityRecord,
  type StatementRecord,
} from '../../src/domain/index.js';
import { EntitySearchIndex, StatementSearchIndex } from '../../src/store/memory/search-index.js';
import { escapeLucene, luceneQuery } from '../../src/store/neo4j/cypher/search.js';

const entity = (id: string, name: string, aliases: string[] = [], description: string | null = null, kind: EntityKind = 'SETTLEMENT'): EntityRecord => ({
  id,
  kind,
  name,
  aliases,
  description,
  location: null,
  event: null,
});

const statement = (id: string, text: string, date: string | null = null, speakerId: string | null = null): StatementRecord => ({
  id,
  kind: 'QUOTE',
  text,
  date,
  speakerId,
  aboutIds: [],
  sourceId: 'source:s',
  status: 'REPORTED',
  reportedViaId: null,
});

const search = (entities: EntityRecord[], text: string, first = 10) => rankSearchResults(entities, normalizeForSearch(text), first);
const summary = (entities: EntityRecord[], text: string) =>
  search(entities, text).map((m) => `${m.entity.id} ${MatchTier[m.tier]} ${m.field} ${m.score}`);

describe('folding', () => {
  it('transliterates Russian and Ukrainian Cyrillic to the Latin spellings in use', () => {
    expect(normalizeForSearch('Апти Алаудинов')).toBe('apti alaudinov');
    expect(normalizeForSearch('Курахове')).toBe('kurakhove');
    expect(normalizeForSearch('Харків')).toBe('kharkiv');
    expect(normalizeForSearch('Горлівка')).toBe('horlivka');
    expect(normalizeForSearch('Запоріжжя')).toBe('zaporizhzhia');
    expect(normalizeForSearch('Їжак Єва')).toBe('yizhak yeva');
  });

  it('drops accents from Latin letters instead of spelling them out', () => {
    expect(normalizeForSearch('Kürakhove')).toBe('kurakhove');
    expect(normalizeForSearch('Tomás Ñandú')).toBe('tomas nandu');
  });
});

describe('entity ranking', () => {
  it('finds a Cyrillic spelling of a name that has no Cyrillic alias, and the other way round', () => {
    const entities = [entity('settlement:kharkiv', 'Kharkiv'), entity('settlement:pokrovsk', 'Покровськ'), entity('settlement:sumy', 'Суми')];
    expect(summary(entities, 'Харків')).toEqual(['settlement:kharkiv EXACT NAME 1']);
    expect(summary(entities, 'pokrovsk')).toEqual(['settlement:pokrovsk EXACT NAME 1']);
    // No letter tells "Суми" from Russian, so it folds to "sumi": "sumy" still finds it, with a typo.
    expect(summary(entities, 'sumy')).toEqual(['settlement:sumy FUZZY NAME 0.55']);
  });

  it('ranks by tier, a name before an alias within a tier, substrings before words, words before typos', () => {
    const entities = [
      entity('settlement:a', 'Kurakhove'),
      entity('settlement:b', 'Old Town', ['Kurakhove']),
      entity('settlement:c', 'Kurakhove East'),
      entity('settlement:d', 'East Kurakhove'),
      entity('settlement:e', 'Bigkurakhove'),
      entity('settlement:f', 'Nowhere', [], 'A village west of Kurakhove'),
      entity('settlement:g', 'Kurakhovo'),
    ];
    expect(summary(entities, 'kurakhove')).toEqual([
      'settlement:a EXACT NAME 1',
      'settlement:b EXACT ALIAS 0.95',
      'settlement:c PREFIX NAME 0.9',
      'settlement:d WORD_PREFIX NAME 0.8',
      'settlement:e SUBSTRING NAME 0.7',
      'settlement:g FUZZY NAME 0.55',
      'settlement:f WORDS DESCRIPTION 0.3',
    ]);
  });

  it('matches words in any order, prefixes of 3 characters or more, and reports the text that matched', () => {
    const entities = [entity('person:a', 'Apti Alaudinov', ['Алаудинов'], 'Chechen commander')];
    const [hit] = search(entities, 'alaudinov apti');
    expect(hit).toMatchObject({ tier: MatchTier.WORDS, field: 'NAME', matched: 'Apti Alaudinov', score: 0.65 });
    expect(search(entities, 'chech comm')[0]).toMatchObject({ field: 'DESCRIPTION', tier: MatchTier.WORDS, matched: 'Chechen commander' });
    expect(search(entities, 'ch co')).toEqual([]);
  });

  it('allows one typo from 4 letters and two from 8, less 0.1 a typo, and none in words with digits', () => {
    const entities = [entity('person:a', 'Apti Alaudinov'), entity('unit:b', 'Brigade 4821')];
    expect(search(entities, 'Alaudinof')[0]).toMatchObject({ tier: MatchTier.FUZZY, score: 0.5 });
    expect(search(entities, 'Alaudnof')[0]).toMatchObject({ tier: MatchTier.FUZZY, score: 0.4 });
    expect(search(entities, 'Alaudnf')).toEqual([]);
    expect(search(entities, 'Atpi')[0]).toMatchObject({ tier: MatchTier.FUZZY }); // a transposition is one typo
    expect(search(entities, 'Apt')).toHaveLength(1);
    expect(search(entities, 'Apx')).toEqual([]);
    expect(search(entities, '4822')).toEqual([]);
    expect(search(entities, 'Brigade 4822')).toEqual([]);
  });

  it('scores as the table says', () => {
    expect(searchScore(MatchTier.PREFIX, 'ALIAS')).toBe(0.855);
    expect(searchScore(MatchTier.WORDS, 'DESCRIPTION', 0, true)).toBe(0.325);
    expect(searchScore(MatchTier.FUZZY, 'NAME', 3)).toBe(0.3);
    // Every substring hit outscores every word hit.
    expect(searchScore(MatchTier.SUBSTRING, 'ALIAS')).toBeGreaterThan(searchScore(MatchTier.WORDS, 'NAME', 0, true));
  });

  it('counts edits as Lucene does: insertions, deletions, substitutions, neighbour transpositions', () => {
    expect(boundedEditDistance('kurakove', 'kurakhove', 2)).toBe(1);
    expect(boundedEditDistance('atpi', 'apti', 1)).toBe(1);
    expect(boundedEditDistance('abcdef', 'badcfe', 2)).toBeNull();
    expect(boundedEditDistance('abc', 'abcdef', 2)).toBeNull();
  });
});

describe('statement ranking', () => {
  const statements = [
    statement('stmt:a', 'Russian forces had captured Kurakhove.', '2025-01-06', 'org:mod'),
    statement('stmt:b', 'Kurakhove was captured, Russia said.', '2025-01-05', 'org:mod'),
    statement('stmt:c', 'Fighting goes on around Kurakhovo.', null, 'unit:k'),
  ];

  it('puts the words in a row first, then the words anywhere, then typos; ties by date', () => {
    const hits = rankStatements(statements, normalizeForSearch('captured Kurakhove'), 10);
    expect(hits.map((h) => [h.statement.id, MatchTier[h.tier], h.score])).toEqual([
      ['stmt:a', 'PHRASE', 1],
      ['stmt:b', 'WORDS', 0.6],
    ]);
    expect(rankStatements(statements, normalizeForSearch('Kurakh'), 10).map((h) => h.statement.id)).toEqual(['stmt:b', 'stmt:a', 'stmt:c']);
  });

  it('filters by speaker and by day in the embedded index', () => {
    const index = new StatementSearchIndex(statements);
    const ids = (hits: { statement: StatementRecord }[]) => hits.map((h) => h.statement.id);
    expect(ids(index.search('kurakhove', { speakerId: 'unit:k', window: null }, 10))).toEqual(['stmt:c']);
    expect(ids(index.search('kurakhove', { speakerId: null, window: { from: '2025-01-06', to: null } }, 10))).toEqual(['stmt:a']);
  });
});

describe('the embedded index', () => {
  it('ranks a name match above an alias match of the same tier met earlier in tie order, and a later prefix above earlier substrings', () => {
    const list = [
      entity('settlement:a', 'Aaa', ['Qxyzq']),
      entity('settlement:b', 'Bxyzb'),
      entity('settlement:c', 'Cxyz'),
      entity('settlement:d', 'Dqq', ['xyz d']),
      entity('settlement:z', 'Xyz zed'),
    ];
    for (const fewWordStarts of [512, 0]) {
      const index = new EntitySearchIndex(list, fewWordStarts);
      // SUBSTRING of a name (b, c) before SUBSTRING of an alias (a), though a comes first by name.
      expect(index.search('xyzb', null, 1).map((m) => m.entity.id)).toEqual(['settlement:b']);
      expect(index.search('xyzq', null, 1).map((m) => m.entity.id)).toEqual(['settlement:a']);
      // PREFIX of a name (z), PREFIX of an alias (d), then the substrings, whatever the tie order.
      expect(index.search('xyz', null, 3).map((m) => m.entity.id)).toEqual(rankSearchResults(list, 'xyz', 3).map((m) => m.entity.id));
      expect(index.search('xyz', null, 3).map((m) => m.entity.id)).toEqual(['settlement:z', 'settlement:d', 'settlement:b']);
      expect(index.search('xyz', null, 1).map((m) => m.entity.id)).toEqual(['settlement:z']);
    }
  });

  it('ranks as rankSearchResults over every entity, word and typo tiers included', () => {
    // Few letters in words of 3 to 8, so names share words, prefixes and near misses.
    const word = fc.stringMatching(/^[abcé]{3,8}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const kinds: EntityKind[] = ['PERSON', 'UNIT', 'SETTLEMENT'];
    const entities = fc
      .array(fc.tuple(text, fc.array(text, { maxLength: 2 }), fc.option(text), fc.constantFrom(...kinds)), { minLength: 1, maxLength: 25 })
      .map((rows) => rows.map(([name, aliases, description, kind], i) => entity(`${kind.toLowerCase()}:${i}`, name, aliases, description, kind)));
    fc.assert(
      fc.property(entities, fc.array(word, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (list, words, first, someKinds) => {
        const query = normalizeForSearch(words.join(' '));
        const wanted: EntityKind[] | null = someKinds ? ['UNIT', 'PERSON'] : null;
        const expected = rankSearchResults(list.filter((e) => wanted === null || wanted.includes(e.kind)), query, first);
        // Both ways of finding the best substring matches: from the keys starting with the query
        // (few of them), and by scanning the candidates until the first level left is full.
        for (const fewWordStarts of [512, 0]) {
          expect(new EntitySearchIndex(list, fewWordStarts).search(query, wanted, first)).toEqual(expected);
        }
        // A query cut from inside a word: substring tiers only.
        const inner = normalizeForSearch(list[0]!.name).slice(1, 5);
        if (inner.length >= 3) {
          const innerExpected = rankSearchResults(list.filter((e) => wanted === null || wanted.includes(e.kind)), inner, first);
          for (const fewWordStarts of [512, 0]) expect(new EntitySearchIndex(list, fewWordStarts).search(inner, wanted, first)).toEqual(innerExpected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the Neo4j candidate query', () => {
  it("keeps the name's key first in searchText, even when it folds to nothing, and each alias's key once", () => {
    expect(searchText(entity('settlement:a', 'Kurakhove', ['Курахове', 'KURAKHOVE', 'Kurakhovo', '', 'kurakhovo']))).toBe('kurakhove|kurakhovo');
    expect(searchText(entity('person:b', '🔥', ['Kor', 'KOR', '!!!', 'Fire']))).toBe('|kor|fire');
    expect(searchText(entity('person:c', 'Ь', []))).toBe('');
  });

  it('requires every word, as itself, a prefix (3+ characters) or within its typo budget', () => {
    expect(luceneQuery('kurakove ab')).toBe('+(kurakove OR kurakove* OR kurakove~2) +(ab)');
    expect(luceneQuery('kura 4821')).toBe('+(kura OR kura* OR kura~1) +(4821 OR 4821*)');
  });

  it("escapes Lucene's syntax", () => {
    expect(escapeLucene('a+b (c) "d" e~ f* g:h \\ /')).toBe('a\\+b \\(c\\) \\"d\\" e\\~ f\\* g\\:h \\\\ \\/');
  });
});
