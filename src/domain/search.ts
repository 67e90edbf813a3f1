/**
 * Search semantics shared by every store (schema: `Query.search`, `Query.searchEntities`,
 * `Query.searchStatements`). A store finds candidates (any superset of the matches); this module
 * decides what matches, its score and the order, so that every store answers alike.
 *
 * Text is compared in one folded form (`normalizeForSearch`): Cyrillic transliterated to Latin,
 * accents, case and punctuation dropped. An entity matches through its name, an alias or its
 * description, and the best of them counts:
 *
 *   tier         what matches                                              NAME   ALIAS  DESCRIPTION
 *   EXACT        the whole name or alias                                   1.000  0.950  -
 *   PREFIX       the start of it                                           0.900  0.855  -
 *   WORD_PREFIX  the start of one of its words                             0.800  0.760  -
 *   SUBSTRING    any part of it                                            0.700  0.665  -
 *   WORDS        every query word is a word of it, or starts one (3+ chars) 0.600  0.570  0.300
 *   FUZZY        as WORDS, with typos (see `typoBudget`); per typo −0.1    0.500  0.475  0.250
 *
 * WORDS and FUZZY gain 0.05 (before the field's weight) when the query's words cover the whole
 * field. So the tier decides first, and a name beats an alias within a tier. Ties: by folded name, then
 * id (entities); by date, undated last, then id (statements, which match by WORDS and FUZZY, or
 * as a PHRASE: the query's words in a row).
 */
import transliterate from '@sindresorhus/transliterate';
import type { EntityRecord, StatementRecord } from './model.js';

// ---------------------------------------------------------------------------------------------
// The folded form

/**
 * Letters spelt differently in Ukrainian (national romanization of 2010) than in the Russian
 * table @sindresorhus/transliterate applies: used for the words with a letter only Ukrainian has
 * (і, ї, є, ґ), so "Київ" gives "kyiv" and "Харків" "kharkiv". The second form is a word's first letter.
 */
const UKRAINIAN_LETTERS: Readonly<Record<string, readonly [string, string]>> = {
  г: ['h', 'h'],
  ґ: ['g', 'g'],
  и: ['y', 'y'],
  і: ['i', 'i'],
  ї: ['i', 'yi'],
  є: ['ie', 'ye'],
  й: ['i', 'y'],
  ю: ['iu', 'yu'],
  я: ['ia', 'ya'],
  щ: ['shch', 'shch'],
};
const UKRAINIAN_ONLY = /[іїєґ]/u;
const NON_ASCII = /[^\u0000-\u007f]/u;

/**
 * Accents off Latin letters first ("kür" → "kur"), since the transliteration table would spell
 * some the German way ("kuer"); marks on other scripts stay for it (й, ё, ї are letters of their own).
 */
function withoutLatinAccents(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

function toLatin(lowerCase: string): string {
  const ukrainianSpelt = lowerCase.replace(/\p{L}+/gu, (word) =>
    UKRAINIAN_ONLY.test(word)
      ? Array.from(word, (letter, i) => UKRAINIAN_LETTERS[letter]?.[i === 0 ? 1 : 0] ?? letter).join('')
      : word,
  );
  return transliterate(ukrainianSpelt);
}

/**
 * The folded form every comparison uses: "U.S." → "u s", "Kurákhove" → "kurakhove",
 * "Курахове" → "kurakhove", "Алаудинов" → "alaudinov". Words are separated by one space.
 */
export function normalizeForSearch(text: string): string {
  const lower = text.toLowerCase();
  const latin = NON_ASCII.test(lower) ? toLatin(withoutLatinAccents(lower)) : lower;
  return latin
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Keys joined by a separator that no folded query can contain, for substring lookups. */
export const SEARCH_TEXT_SEPARATOR = '|';

/**
 * The folded name, then each alias's folded form that is neither empty nor met before, joined by
 * SEARCH_TEXT_SEPARATOR. The name's key comes first even when empty ("🔥" with the alias "Fire"
 * gives "|fire"), so a store that ranks substring hits in place reads the first key as the name:
 * the NAME field and the tie-breaking `sortName` of `searchEntryOf`.
 */
export function searchText(entity: Pick<EntityRecord, 'name' | 'aliases'>): string {
  const name = normalizeForSearch(entity.name);
  const aliases = new Set(entity.aliases.map(normalizeForSearch));
  aliases.delete('');
  aliases.delete(name);
  return [name, ...aliases].join(SEARCH_TEXT_SEPARATOR);
}

/** Every folded word of an entity's name, aliases and description, once, space-separated (for word indexes). */
export function entitySearchWords(entity: Pick<EntityRecord, 'name' | 'aliases' | 'description'>): string {
  return distinctWords([entity.name, ...entity.aliases, entity.description ?? '']);
}

/**
 * A statement's text folded: its words in order, one space apart. A store that ranks statement
 * hits in place finds phrases in it (`matchStatementEntry`: ` ${text} ` holds ` ${query} `).
 */
export function statementSearchText(statement: Pick<StatementRecord, 'text'>): string {
  return normalizeForSearch(statement.text);
}

/** Every folded word of a statement's text, once, space-separated (for word indexes). */
export function statementSearchWords(statement: Pick<StatementRecord, 'text'>): string {
  return distinctWords([statement.text]);
}

function distinctWords(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) for (const word of wordsOf(normalizeForSearch(text))) words.add(word);
  return [...words].join(' ');
}

function wordsOf(key: string): string[] {
  return key === '' ? [] : key.split(' ');
}

// ---------------------------------------------------------------------------------------------
// Query words: what a word of the query may match

/** How many typos (Damerau edits) a query word may carry: none for short words or words with digits. */
export function typoBudget(word: string): number {
  const length = Array.from(word).length;
  if (length < 4 || HAS_DIGIT.test(word)) return 0;
  return length < 8 ? 1 : 2;
}

const HAS_DIGIT = /\p{N}/u;

/** Query words of this many characters or more also match the words they start. */
export const MIN_PREFIX_WORD_LENGTH = 3;

export interface QueryWord {
  readonly text: string;
  /** Whether it also matches the words it starts. */
  readonly prefix: boolean;
  /** How many typos it may carry (0, 1 or 2). */
  readonly typos: number;
}

/** The words of a folded query, each with what it may match (a store's word lookups follow these rules). */
export function queryWords(normalizedQuery: string): QueryWord[] {
  return wordsOf(normalizedQuery).map((text) => ({
    text,
    prefix: Array.from(text).length >= MIN_PREFIX_WORD_LENGTH,
    typos: typoBudget(text),
  }));
}

/**
 * The typos needed for a query word to match a word (0: equal, or a prefix of it), or null. Words
 * with digits are matched without typos, on either side: "4821" is not "4822".
 */
export function wordDistance(query: QueryWord, word: string): number | null {
  if (word === query.text || (query.prefix && word.startsWith(query.text))) return 0;
  if (query.typos === 0 || HAS_DIGIT.test(word)) return null;
  return boundedEditDistance(query.text, word, query.typos);
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and transpositions of
 * neighbours, over code points) when it is at most `max`, else null. Lucene's fuzzy query counts
 * edits the same way, so the Neo4j store's candidates hold every word this accepts.
 */
export function boundedEditDistance(a: string, b: string, max: number): number | null {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return null;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, beforePrevious[j - 2]! + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return null;
    beforePrevious = previous;
    previous = current;
  }
  const distance = previous[t.length]!;
  return distance <= max ? distance : null;
}

/**
 * The typos for every query word to match some word of `words`, summed, or null when one matches
 * none. `memo` (one map per query word) keeps each word's distance, since records share words.
 */
function wordsDistance(query: readonly QueryWord[], words: readonly string[], memo?: readonly Map<string, number | null>[]): number | null {
  let total = 0;
  for (let k = 0; k < query.length; k++) {
    const q = query[k]!;
    const known = memo?.[k];
    let best: number | null = null;
    for (const word of words) {
      let d: number | null | undefined = known?.get(word);
      if (d === undefined) {
        d = wordDistance(q, word);
        known?.set(word, d);
      }
      if (d !== null && (best === null || d < best)) best = d;
      if (best === 0) break;
    }
    if (best === null) return null;
    total += best;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Scores

export enum MatchTier {
  EXACT = 0,
  PREFIX = 1,
  WORD_PREFIX = 2,
  SUBSTRING = 3,
  WORDS = 4,
  FUZZY = 5,
  /** Statements only: the query's words in a row in the text (the last may start a word). */
  PHRASE = 6,
}

export type SearchField = 'NAME' | 'ALIAS' | 'DESCRIPTION';

const TIER_SCORE: Readonly<Record<MatchTier, number>> = {
  [MatchTier.EXACT]: 1,
  [MatchTier.PREFIX]: 0.9,
  [MatchTier.WORD_PREFIX]: 0.8,
  [MatchTier.SUBSTRING]: 0.7,
  [MatchTier.WORDS]: 0.6,
  [MatchTier.FUZZY]: 0.5,
  [MatchTier.PHRASE]: 1,
};
const FIELD_WEIGHT: Readonly<Record<SearchField, number>> = { NAME: 1, ALIAS: 0.95, DESCRIPTION: 0.5 };
const TYPO_PENALTY = 0.1;

/** WORDS and FUZZY: the bonus when the query's words cover the whole field ("Kurakove" → Kurakhove before Capture of Kurakhove). */
const WHOLE_FIELD_BONUS = 0.05;

/**
 * A hit's score: its tier's, less 0.1 per typo beyond the first, plus 0.05 when a word match
 * covers the whole field, times its field's weight; 3 decimals.
 */
export function searchScore(tier: MatchTier, field: SearchField, typos = 0, wholeField = false): number {
  let base = tier === MatchTier.FUZZY ? Math.max(0.1, TIER_SCORE[tier] - TYPO_PENALTY * (typos - 1)) : TIER_SCORE[tier];
  if (wholeField && (tier === MatchTier.WORDS || tier === MatchTier.FUZZY)) base += WHOLE_FIELD_BONUS;
  return Math.round(base * FIELD_WEIGHT[field] * 1000) / 1000;
}

/** The lowest score a substring tier can give (ALIAS SUBSTRING): above any WORDS or FUZZY hit. */
const SUBSTRING_FLOOR = searchScore(MatchTier.SUBSTRING, 'ALIAS');

// ---------------------------------------------------------------------------------------------
// Entities

export interface SearchMatch {
  readonly entity: EntityRecord;
  readonly tier: MatchTier;
  /** Where it matched; the name when the name and an alias match equally well. */
  readonly field: SearchField;
  /** The name, alias or description that matched, as written. */
  readonly matched: string;
  /** 0 to 1; see the table at the top. */
  readonly score: number;
}

/**
 * An entity with everything ranking needs, folded once: each label (name, then aliases) with its
 * folded key, the folded description, and the folded name that breaks ties. Stores that keep their
 * entities in memory build these at index time, so ranking folds nothing per query.
 */
export interface SearchEntry {
  readonly entity: EntityRecord;
  /** The name, then every alias, in the record's order, each with its folded form. */
  readonly labels: readonly { readonly label: string; readonly key: string }[];
  /** The folded description ('' when none). */
  readonly descriptionKey: string;
  /** `normalizeForSearch(entity.name)`: the first tie-breaker. */
  readonly sortName: string;
}

export function searchEntryOf(entity: EntityRecord): SearchEntry {
  const labels = [entity.name, ...entity.aliases].map((label) => ({ label, key: normalizeForSearch(label) }));
  const descriptionKey = entity.description ? normalizeForSearch(entity.description) : '';
  return { entity, labels, descriptionKey, sortName: labels[0]!.key };
}

/** The order of hits of equal score: by folded name, then id, in code-point order. */
export function compareSearchEntries(a: SearchEntry, b: SearchEntry): number {
  return compareText(a.sortName, b.sortName) || compareText(a.entity.id, b.entity.id);
}

/** A folded query with its words worked out once. */
export interface PreparedQuery {
  readonly text: string;
  readonly words: readonly QueryWord[];
  /** Per query word, the distance to each record word met so far (for one ranking only). */
  readonly memo: readonly Map<string, number | null>[];
}

export function prepareQuery(normalizedQuery: string): PreparedQuery {
  const words = queryWords(normalizedQuery);
  return { text: normalizedQuery, words, memo: words.map(() => new Map()) };
}

interface RankedEntry {
  readonly entry: SearchEntry;
  readonly tier: MatchTier;
  readonly field: SearchField;
  readonly matched: string;
  readonly score: number;
}

/** THE order of hits: higher score first, then `compareSearchEntries`. */
function compareRanked(a: RankedEntry, b: RankedEntry): number {
  return b.score - a.score || compareSearchEntries(a.entry, b.entry);
}

function labelField(index: number): SearchField {
  return index === 0 ? 'NAME' : 'ALIAS';
}

/** Substring-tier scores by tier, for a name and for an alias (the hot path of every search). */
const SUBSTRING_SCORES: readonly (readonly [number, number])[] = [
  MatchTier.EXACT,
  MatchTier.PREFIX,
  MatchTier.WORD_PREFIX,
  MatchTier.SUBSTRING,
].map((tier) => [searchScore(tier, 'NAME'), searchScore(tier, 'ALIAS')] as const);

/**
 * The best substring tier among an entry's name and aliases, packed as `tier * LABEL_LIMIT + label
 * index` (no allocation on the hot path), or -1. Of equally good labels the first counts (the
 * name before aliases), which is also the better scored.
 */
const LABEL_LIMIT = 1 << 16;
function bestSubstringLabel(entry: SearchEntry, query: string): number {
  const labels = entry.labels;
  let best = -1;
  for (let i = 0; i < labels.length && i < LABEL_LIMIT; i++) {
    const tier = substringTier(labels[i]!.key, query);
    if (tier !== null && (best === -1 || tier * LABEL_LIMIT < best - (best % LABEL_LIMIT))) {
      best = tier * LABEL_LIMIT + i;
      if (tier === MatchTier.EXACT) break;
    }
  }
  return best;
}

function rankedBySubstring(entry: SearchEntry, packed: number): RankedEntry {
  const tier = Math.floor(packed / LABEL_LIMIT) as MatchTier;
  const index = packed % LABEL_LIMIT;
  const score = SUBSTRING_SCORES[tier]![index === 0 ? 0 : 1]!;
  return { entry, tier, field: labelField(index), matched: entry.labels[index]!.label, score };
}

/** The best substring-tier match of an entry's name or aliases, or null. */
function rankBySubstring(entry: SearchEntry, query: string): RankedEntry | null {
  const packed = bestSubstringLabel(entry, query);
  return packed === -1 ? null : rankedBySubstring(entry, packed);
}

/** The best word match (WORDS or FUZZY) of an entry's name, aliases or description, or null. */
function rankByWords(entry: SearchEntry, query: PreparedQuery): RankedEntry | null {
  let best: RankedEntry | null = null;
  const consider = (key: string, field: SearchField, matched: string) => {
    const words = wordsOf(key);
    const typos = wordsDistance(query.words, words, query.memo);
    if (typos === null) return;
    const tier = typos === 0 ? MatchTier.WORDS : MatchTier.FUZZY;
    const score = searchScore(tier, field, typos, words.length <= query.words.length);
    if (best === null || score > best.score) best = { entry, tier, field, matched, score };
  };
  entry.labels.forEach(({ label, key }, i) => consider(key, labelField(i), label));
  if (entry.descriptionKey !== '') consider(entry.descriptionKey, 'DESCRIPTION', entry.entity.description!);
  return best;
}

/** How well an entry matches a prepared query, or null when it does not. */
function rankEntry(entry: SearchEntry, query: PreparedQuery): RankedEntry | null {
  return rankBySubstring(entry, query.text) ?? rankByWords(entry, query);
}

function toMatch({ entry, tier, field, matched, score }: RankedEntry): SearchMatch {
  return { entity: entry.entity, tier, field, matched, score };
}

/** How well `entry` matches a folded query, or null when it does not. */
export function matchEntry(entry: SearchEntry, normalizedQuery: string | PreparedQuery): SearchMatch | null {
  const query = typeof normalizedQuery === 'string' ? prepareQuery(normalizedQuery) : normalizedQuery;
  const ranked = rankEntry(entry, query);
  return ranked && toMatch(ranked);
}

/** How well `entity` matches a folded query, or null when it does not. */
export function matchEntity(entity: EntityRecord, normalizedQuery: string): SearchMatch | null {
  return matchEntry(searchEntryOf(entity), normalizedQuery);
}

/** The substring tier of a folded key for a folded query, or null. */
export function substringTier(key: string, query: string): MatchTier | null {
  if (key === query) return MatchTier.EXACT;
  if (key.startsWith(query)) return MatchTier.PREFIX;
  if (key.includes(` ${query}`)) return MatchTier.WORD_PREFIX;
  if (key.includes(query)) return MatchTier.SUBSTRING;
  return null;
}

/**
 * Code-point order, as Cypher's ORDER BY sorts strings: the same on every machine and in both
 * stores. (JavaScript's `<` compares UTF-16 units, which differs beyond U+FFFF.)
 */
export function compareText(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
  }
  return Math.sign(a.length - b.length);
}

/** THE ranking: candidates (any superset of the matches) ranked, the first `first` kept. */
export function rankSearchResults(
  candidates: Iterable<EntityRecord>,
  normalizedQuery: string,
  first: number,
): SearchMatch[] {
  const entries: SearchEntry[] = [];
  for (const entity of candidates) entries.push(searchEntryOf(entity));
  return rankSearchEntries(entries, normalizedQuery, first);
}

/**
 * `rankSearchResults` over prepared entries, in any order: the best `first` are selected with a
 * bounded heap (no sort of every candidate), then put in order.
 */
export function rankSearchEntries(
  candidates: Iterable<SearchEntry>,
  normalizedQuery: string | PreparedQuery,
  first: number,
): SearchMatch[] {
  const query = typeof normalizedQuery === 'string' ? prepareQuery(normalizedQuery) : normalizedQuery;
  return bestOf(candidates, (entry) => rankEntry(entry, query), compareRanked, first).map(toMatch);
}

/** Substring-tier levels in score order: (tier, field) for tiers EXACT..SUBSTRING, name before alias. */
const SUBSTRING_LEVELS = 8;

/**
 * The substring-tier hits only (EXACT to SUBSTRING, on names and aliases), ranked as
 * `rankSearchResults` ranks, over entries that come in `compareSearchEntries` order (as a store's
 * index may keep them): the order within a level is then the order met, so the best `first` of
 * each level are kept as they come. Every substring-tier hit outscores every other, so when this
 * gives `first` hits they are the answer.
 *
 * Only the levels from `levels.from` (included) to `levels.to` (excluded) are kept, for a caller
 * that knows the others already (levels: tier EXACT..SUBSTRING, name before alias, 0 to 7); the
 * scan stops once the best level kept has `first` hits, since nothing kept can beat them.
 */
export function rankSubstringEntriesInOrder(
  candidatesInOrder: Iterable<SearchEntry>,
  normalizedQuery: string,
  first: number,
  levels: { readonly from: number; readonly to: number } = { from: 0, to: SUBSTRING_LEVELS },
): SearchMatch[] {
  if (first <= 0) return [];
  const kept: RankedEntry[][] = Array.from({ length: SUBSTRING_LEVELS }, () => []);
  for (const entry of candidatesInOrder) {
    const packed = bestSubstringLabel(entry, normalizedQuery);
    if (packed === -1) continue;
    const tier = Math.floor(packed / LABEL_LIMIT);
    const levelIndex = tier * 2 + (packed % LABEL_LIMIT === 0 ? 0 : 1);
    if (levelIndex < levels.from || levelIndex >= levels.to) continue;
    const level = kept[levelIndex]!;
    if (level.length >= first) continue; // full: later entries of this level tie worse
    level.push(rankedBySubstring(entry, packed));
    if (levelIndex === levels.from && level.length >= first) break;
  }
  return kept.flat().slice(0, first).map(toMatch);
}

/** The substring-tier match of an entry, or null (for indexes that file entries by it). */
export function matchEntryBySubstring(entry: SearchEntry, normalizedQuery: string): SearchMatch | null {
  const ranked = rankBySubstring(entry, normalizedQuery);
  return ranked && toMatch(ranked);
}

/** Whether a score comes from a substring tier (and so beats every WORDS and FUZZY hit). */
export function isSubstringScore(score: number): boolean {
  return score >= SUBSTRING_FLOOR;
}

/** The order of entity hits: higher score first, then folded name, then id. */
export function compareSearchMatches(a: SearchMatch, b: SearchMatch): number {
  return (
    b.score - a.score ||
    compareText(normalizeForSearch(a.entity.name), normalizeForSearch(b.entity.name)) ||
    compareText(a.entity.id, b.entity.id)
  );
}

// ---------------------------------------------------------------------------------------------
// Statements

/** What statement ranking reads of a statement beside its text: equal hits go by date, then id. */
export type RankedStatement = Pick<StatementRecord, 'id' | 'date'>;

export interface StatementMatch<S extends RankedStatement = StatementRecord> {
  readonly statement: S;
  /** PHRASE, WORDS or FUZZY. */
  readonly tier: MatchTier;
  /** 1 for a PHRASE, 0.6 for WORDS, 0.5 less 0.1 per typo beyond the first for FUZZY. */
  readonly score: number;
}

/**
 * A statement with its folded text, prepared once by stores that keep statements in memory, or
 * read with its folded text (`statementSearchText`) by a store that keeps that.
 */
export interface StatementEntry<S extends RankedStatement = StatementRecord> {
  readonly statement: S;
  readonly key: string;
  readonly words: readonly string[];
}

export function statementEntryOf(statement: StatementRecord): StatementEntry {
  return statementEntryOfText(statement, statementSearchText(statement));
}

/** The entry of a statement whose folded text (`statementSearchText`) is at hand. */
export function statementEntryOfText<S extends RankedStatement>(statement: S, searchText: string): StatementEntry<S> {
  return { statement, key: searchText, words: wordsOf(searchText) };
}

/** How well a statement's text matches a prepared query, or null when it does not. */
export function matchStatementEntry<S extends RankedStatement>(entry: StatementEntry<S>, query: PreparedQuery): StatementMatch<S> | null {
  const spaced = ` ${entry.key} `;
  const last = query.words[query.words.length - 1];
  if (spaced.includes(` ${query.text} `) || (last?.prefix && spaced.includes(` ${query.text}`))) {
    return { statement: entry.statement, tier: MatchTier.PHRASE, score: searchScore(MatchTier.PHRASE, 'NAME') };
  }
  const typos = wordsDistance(query.words, entry.words, query.memo);
  if (typos === null) return null;
  const tier = typos === 0 ? MatchTier.WORDS : MatchTier.FUZZY;
  return { statement: entry.statement, tier, score: searchScore(tier, 'NAME', typos) };
}

/** The order of statement hits: higher score first, then the statements' order (date, undated last, then id). */
export function compareStatementMatches<S extends RankedStatement>(a: StatementMatch<S>, b: StatementMatch<S>): number {
  return b.score - a.score || compareStatementsByDate(a.statement, b.statement);
}

function compareStatementsByDate(a: RankedStatement, b: RankedStatement): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return compareText(a.id, b.id);
}

/** THE statement ranking: candidates (any superset of the matches) ranked, the first `first` kept. */
export function rankStatementEntries<S extends RankedStatement>(
  candidates: Iterable<StatementEntry<S>>,
  normalizedQuery: string,
  first: number,
): StatementMatch<S>[] {
  const query = prepareQuery(normalizedQuery);
  return bestOf(candidates, (entry) => matchStatementEntry(entry, query), compareStatementMatches, first);
}

export function rankStatements(candidates: Iterable<StatementRecord>, normalizedQuery: string, first: number): StatementMatch[] {
  const entries: StatementEntry[] = [];
  for (const statement of candidates) entries.push(statementEntryOf(statement));
  return rankStatementEntries(entries, normalizedQuery, first);
}

// ---------------------------------------------------------------------------------------------
// The best `first` of many, with a bounded heap (no sort of every candidate)

function bestOf<C, R>(candidates: Iterable<C>, rank: (c: C) => R | null, compare: (a: R, b: R) => number, first: number): R[] {
  if (first <= 0) return [];
  // A max-heap of the best `first` so far: its root is the worst of them.
  const heap: R[] = [];
  for (const candidate of candidates) {
    const ranked = rank(candidate);
    if (ranked === null) continue;
    if (heap.length < first) {
      heap.push(ranked);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(ranked, heap[0]!) < 0) {
      heap[0] = ranked;
      siftDown(heap, 0, compare);
    }
  }
  return heap.sort(compare);
}

function siftUp<R>(heap: R[], i: number, compare: (a: R, b: R) => number): void {
  const item = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[parent]!, item) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function siftDown<R>(heap: R[], i: number, compare: (a: R, b: R) => number): void {
  const item = heap[i]!;
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && compare(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compare(heap[child]!, item) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}
