/**
 * Full-text lookups for `Query.search`, `Query.searchEntities` and `Query.searchStatements`, ranked
 * by the domain (src/domain/search.ts). Two kinds of lookup, because the domain has two kinds of match:
 *
 * 1. Substring tiers (EXACT to SUBSTRING) of an entity's folded name or alias ("urakh" finds
 *    Kurákhove, "u s" finds U.S.), which word-based tokenizers cannot answer. Everything is prepared
 *    when the index is built: every entity's `SearchEntry`, and the entries' position in the domain's
 *    tie order (`compareSearchEntries`), which every posting list is sorted by. So:
 *    - a query of three characters or more looks up the posting lists of its character trigrams
 *      (any key containing the query contains all of them; the converse does not hold, "abcab" has
 *      the trigrams of "cabc", so the intersection is candidates only), intersects them, and hands
 *      the candidates, in tie order, to the domain's `rankSubstringEntriesInOrder`, which makes the
 *      final match and keeps the first `first` of each level without sorting;
 *    - a query of one or two characters (no trigram to look up, and often a match for a large share
 *      of all entities) is answered from lists kept per one- and two-character text and per level
 *      (tier and field), each in tie order: the first `first` entries of the right kinds, level by
 *      level, with no scan of the other entities.
 * 2. Word tiers (WORDS, FUZZY) of names, aliases and descriptions, which score below every
 *    substring hit and so are looked up only when the substring tiers give fewer than `first` hits
 *    (the usual case for a typo): a `WordIndex` finds, for each query word, the distinct words it
 *    matches (equal, started by it, or within its typo budget) and their entries; the entries that
 *    every query word reaches are the candidates, ranked by the domain.
 * The unit tests compare both paths with `rankSearchResults` over every entity.
 */
import {
  compareSearchEntries,
  compareSearchMatches,
  matchEntryBySubstring,
  prepareQuery,
  rankSearchEntries,
  rankSubstringEntriesInOrder,
  rankStatementEntries,
  searchEntryOf,
  statementEntryOf,
  wordDistance,
  type EntityKind,
  type EntityRecord,
  type QueryWord,
  type SearchEntry,
  type SearchMatch,
  type StatementEntry,
  type StatementMatch,
  type StatementRecord,
  type TimeWindow,
} from '../../domain/index.js';
import { gallop } from './ascending.js';
import { bytesOf, int32sOf, jsonOf } from './start-image.js';

const GRAM = 3;
/** Substring levels: tier EXACT..SUBSTRING times field NAME, ALIAS (see the domain's `substringLevel`). */
const LEVELS = 8;

/** A key with a surrogate pair, whose code points are not its code units. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** The key's characters: code points, so that no surrogate pair is split; the key itself (indexable alike, no copy) when it has none. */
function charactersOf(key: string): ArrayLike<string> {
  return SURROGATE.test(key) ? Array.from(key) : key;
}

/** The distinct trigrams of each key, never spanning two keys. Code points, so no surrogate is split. */
export function trigramsOf(keys: Iterable<string>): string[] {
  const grams = new Set<string>();
  for (const key of keys) {
    if (!SURROGATE.test(key)) {
      // Code units are code points here: the trigrams are slices (a build at 100k entities makes millions).
      for (let i = 0; i + GRAM <= key.length; i++) grams.add(key.slice(i, i + GRAM));
      continue;
    }
    const chars = Array.from(key);
    for (let i = 0; i + GRAM <= chars.length; i++) grams.add(chars.slice(i, i + GRAM).join(''));
  }
  return [...grams];
}

/** The distinct texts of one or two characters in the keys that a (trimmed) query can be. */
function shortTextsOf(keys: Iterable<string>): string[] {
  const texts = new Set<string>();
  for (const key of keys) {
    const chars = charactersOf(key);
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] === ' ') continue;
      texts.add(chars[i]!);
      if (i + 1 < chars.length && chars[i + 1] !== ' ') texts.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...texts];
}

/** Whether a normalized query is long enough to have a trigram to look up. */
export function canUseTrigrams(normalizedQuery: string): boolean {
  return Array.from(normalizedQuery).length >= GRAM;
}

export class EntitySearchIndex {
  /** Every entity's entry, in the domain's tie order; positions in it are what the lists hold. */
  private readonly entries: SearchEntry[];
  /** Trigram → positions of the entries with a key containing it, ascending. */
  private readonly trigramPostings: Map<string, Int32Array> = new Map();
  /** One- or two-character text → per substring level, positions of the entries it matches so, ascending. */
  private readonly shortPostings: Map<string, Int32Array[]> = new Map();
  /** Words of names, aliases and descriptions → positions, for the word tiers. */
  private readonly words: WordIndex;
  /**
   * Every key's suffixes that begin a word (the key itself, and each after a space), sorted, with
   * the position of the entry each comes from: the keys a query starts or starts a word of (the
   * EXACT, PREFIX and WORD_PREFIX tiers) are one range of it.
   */
  private readonly wordStarts: string[];
  private readonly wordStartOwners: Int32Array;

  /**
   * `fewWordStarts`: see FEW_WORD_STARTS (tests set it to reach both ways of ranking with few
   * entities). `restored`: the index of these entities as a start image kept it (`fromImage`).
   */
  constructor(
    entities: Iterable<EntityRecord>,
    private readonly fewWordStarts = FEW_WORD_STARTS,
    restored?: RestoredIndex,
  ) {
    if (restored !== undefined) {
      ({
        entries: this.entries,
        trigramPostings: this.trigramPostings,
        shortPostings: this.shortPostings,
        words: this.words,
        wordStarts: this.wordStarts,
        wordStartOwners: this.wordStartOwners,
      } = restored);
      return;
    }
    this.entries = Array.from(entities, searchEntryOf).sort(compareSearchEntries);
    const starts: [string, number][] = [];
    const trigrams = new Map<string, number[]>();
    const short = new Map<string, number[][]>();
    const words = new WordIndexBuilder();
    this.entries.forEach((entry, position) => {
      const keys = entry.labels.map((l) => l.key).filter((k) => k !== '');
      for (const gram of trigramsOf(keys)) {
        const list = trigrams.get(gram);
        if (list) list.push(position);
        else trigrams.set(gram, [position]);
      }
      for (const text of shortTextsOf(keys)) {
        // The level decided by the domain, as for any query; a text taken from a key always matches.
        const match = matchEntryBySubstring(entry, text)!;
        let lists = short.get(text);
        if (!lists) short.set(text, (lists = Array.from({ length: LEVELS }, () => [])));
        lists[levelOf(match)]!.push(position);
      }
      for (const key of keys) words.add(key, position);
      if (entry.descriptionKey !== '') words.add(entry.descriptionKey, position);
      for (const key of keys) {
        for (let i = 0; i < key.length; i++) if (i === 0 || key[i - 1] === ' ') starts.push([key.slice(i), position]);
      }
    });
    // Code-unit order: any prefix's strings are one range in it, as in code-point order.
    starts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.wordStarts = starts.map(([text]) => text);
    this.wordStartOwners = Int32Array.from(starts, ([, position]) => position);
    for (const [gram, list] of trigrams) this.trigramPostings.set(gram, Int32Array.from(list));
    for (const [text, lists] of short) this.shortPostings.set(text, lists.map((l) => Int32Array.from(l)));
    this.words = words.build(this.entries.length);
  }

  /**
   * The index as the start image keeps it (start-image.ts): each entry by the number of its entity
   * (`numberOf`), the keys' fingerprint, and every list as texts (JSON) beside their positions end
   * to end, with where each text's positions begin.
   */
  imageParts(numberOf: (entity: EntityRecord) => number): Map<string, Buffer> {
    const lists = (texts: Iterable<string>, postings: Iterable<Int32Array>) => {
      const offsets = [0];
      const all: Int32Array[] = [];
      for (const list of postings) {
        all.push(list);
        offsets.push(offsets.at(-1)! + list.length);
      }
      const positions = new Int32Array(offsets.at(-1)!);
      all.forEach((list, i) => positions.set(list, offsets[i]!));
      return [Buffer.from(JSON.stringify([...texts])), bytesOf(Int32Array.from(offsets)), bytesOf(positions)] as const;
    };
    const parts = new Map<string, Buffer>();
    const put = (name: string, [texts, offsets, positions]: readonly [Buffer, Buffer, Buffer]) => {
      parts.set(`${name}.texts`, texts);
      parts.set(`${name}.offsets`, offsets);
      parts.set(`${name}.positions`, positions);
    };
    parts.set('order', bytesOf(Int32Array.from(this.entries, (entry) => numberOf(entry.entity))));
    parts.set('fingerprint', Buffer.from(String(fingerprintOf(this.entries))));
    put('trigrams', lists(this.trigramPostings.keys(), this.trigramPostings.values()));
    put('short', lists(this.shortPostings.keys(), [...this.shortPostings.values()].flat()));
    put('words', lists(this.words.words, this.words.postings));
    parts.set('wordStarts.texts', Buffer.from(JSON.stringify(this.wordStarts)));
    parts.set('wordStarts.owners', bytesOf(this.wordStartOwners));
    return parts;
  }

  /**
   * The index of `entities` (in id order) from `imageParts` kept at an earlier stop, or null when
   * the parts do not fit them: sizes and positions out of range, or keys that fold otherwise now (the
   * entries are made again, and their keys' fingerprint must be the one kept, so an image written by
   * a version that folded text differently is not read).
   */
  static fromImage(parts: ReadonlyMap<string, Buffer>, entities: readonly EntityRecord[]): EntitySearchIndex | null {
    const order = int32sOf(parts.get('order'));
    if (order === null || order.length !== entities.length) return null;
    const seen = new Uint8Array(entities.length);
    for (const n of order) {
      if (n < 0 || n >= entities.length || seen[n] === 1) return null;
      seen[n] = 1;
    }
    const entries = Array.from(order, (n) => searchEntryOf(entities[n]!));
    if (parts.get('fingerprint')?.toString() !== String(fingerprintOf(entries))) return null;
    const lists = (name: string, groupSize: number) => {
      const texts = parsedTexts(parts.get(`${name}.texts`));
      const offsets = int32sOf(parts.get(`${name}.offsets`));
      const positions = int32sOf(parts.get(`${name}.positions`));
      if (texts === null || offsets === null || positions === null || offsets.length !== texts.length * groupSize + 1) return null;
      if (offsets[0] !== 0 || offsets.at(-1) !== positions.length) return null;
      for (let i = 0; i + 1 < offsets.length; i++) if (offsets[i]! > offsets[i + 1]!) return null;
      for (const p of positions) if (p < 0 || p >= entries.length) return null;
      const listAt = (i: number) => positions.subarray(offsets[i]!, offsets[i + 1]!);
      return { texts, listAt };
    };
    const trigrams = lists('trigrams', 1);
    const short = lists('short', LEVELS);
    const words = lists('words', 1);
    const wordStarts = parsedTexts(parts.get('wordStarts.texts'));
    const owners = int32sOf(parts.get('wordStarts.owners'));
    if (trigrams === null || short === null || words === null || wordStarts === null || owners === null) return null;
    if (wordStarts.length !== owners.length || owners.some((p) => p < 0 || p >= entries.length)) return null;
    return new EntitySearchIndex([], FEW_WORD_STARTS, {
      entries,
      trigramPostings: new Map(trigrams.texts.map((gram, i) => [gram, trigrams.listAt(i)])),
      shortPostings: new Map(short.texts.map((text, i) => [text, Array.from({ length: LEVELS }, (_, level) => short.listAt(i * LEVELS + level))])),
      words: WordIndexBuilder.indexOf(words.texts, words.texts.map((_, i) => words.listAt(i)), entries.length),
      wordStarts,
      wordStartOwners: owners,
    });
  }

  /**
   * The ranked matches of a folded query, as `rankSearchResults` ranks them, over the entities not
   * in `excluded` (ids).
   */
  search(normalizedQuery: string, kinds: readonly EntityKind[] | null, first: number, excluded: ReadonlySet<string> = NONE): SearchMatch[] {
    const wanted = (entry: SearchEntry) =>
      (kinds === null || kinds.includes(entry.entity.kind)) && (excluded.size === 0 || !excluded.has(entry.entity.id));
    const bySubstring = canUseTrigrams(normalizedQuery)
      ? this.searchSubstrings(normalizedQuery, wanted, first)
      : this.searchShort(normalizedQuery, wanted, first);
    // Every substring hit outscores every word hit: with `first` of them, the word tiers cannot enter.
    if (bySubstring.length >= first) return bySubstring;
    const query = prepareQuery(normalizedQuery);
    const positions = this.words.entriesMatchingAll(query.words);
    const byWords = rankSearchEntries(
      (function* (entries) {
        for (const position of positions) if (wanted(entries[position]!)) yield entries[position]!;
      })(this.entries),
      query,
      first,
    );
    // Both lists come from the same ranking; an entity in both has the same match in each.
    const seen = new Set(bySubstring.map((m) => m.entity.id));
    return [...bySubstring, ...byWords.filter((m) => !seen.has(m.entity.id))].sort(compareSearchMatches).slice(0, first);
  }

  /**
   * The substring tiers of a query of three characters or more, as `rankSubstringEntriesInOrder`
   * ranks them over the trigram candidates, without checking every candidate: the levels above
   * the scan come from the word starts (all of EXACT to WORD_PREFIX when few keys start with the
   * query, else the EXACT ones), and the scan of the candidates in tie order stops as soon as the
   * first level it is left to fill has `first` entries (every later candidate ties worse).
   */
  private searchSubstrings(query: string, wanted: (entry: SearchEntry) => boolean, first: number): SearchMatch[] {
    const from = lowerBound(this.wordStarts, query);
    const started = upperBoundOfPrefix(this.wordStarts, query, from);
    const few = started - from <= this.fewWordStarts;
    // Levels below `scanFrom` are known in full from the word starts.
    const scanFrom = few ? SUBSTRING_NAME_LEVEL : PREFIX_NAME_LEVEL;
    const end = few ? started : upperBoundOfPrefix(this.wordStarts, query, from, true);
    const owners = [...new Set(this.wordStartOwners.subarray(from, end))].sort((a, b) => a - b);
    const known = rankSubstringEntriesInOrder(owners.map((p) => this.entries[p]!).filter(wanted), query, first, { from: 0, to: scanFrom });
    if (known.length >= first) return known;
    const scanned = rankSubstringEntriesInOrder(this.candidates(query, wanted), query, first - known.length, { from: scanFrom, to: LEVELS });
    return [...known, ...scanned];
  }

  private searchShort(text: string, wanted: (entry: SearchEntry) => boolean, first: number): SearchMatch[] {
    const lists = this.shortPostings.get(text);
    if (!lists) return [];
    const found: SearchMatch[] = [];
    for (const list of lists) {
      for (let i = 0; i < list.length && found.length < first; i++) {
        const entry = this.entries[list[i]!]!;
        if (wanted(entry)) found.push(matchEntryBySubstring(entry, text)!);
      }
    }
    return found;
  }

  /** Entries with a key holding every trigram of the query, of those wanted, in tie order. */
  private *candidates(normalizedQuery: string, wanted: (entry: SearchEntry) => boolean): Generator<SearchEntry> {
    const lists: Int32Array[] = [];
    for (const gram of trigramsOf([normalizedQuery])) {
      const list = this.trigramPostings.get(gram);
      if (!list) return;
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    const cursors = others.map(() => 0);
    outer: for (let i = 0; i < shortest!.length; i++) {
      const position = shortest![i]!;
      // Every list ascends, so each cursor only moves forward (a galloping merge-intersection).
      for (let j = 0; j < others.length; j++) {
        const list = others[j]!;
        const c = (cursors[j] = gallop(list, cursors[j]!, list.length, position));
        if (c === list.length) return;
        if (list[c] !== position) continue outer;
      }
      const entry = this.entries[position]!;
      if (wanted(entry)) yield entry;
    }
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The entity search of a snapshot, kept cheap to change: an index built over all entities at some
 * point (`base`), less the entities written or removed since (`hidden`), beside a small index of
 * those written since (`recent`). It answers exactly as one index over the current entities: each
 * part ranks its own top `first` with the same ranking, and the two lists are merged by it. A write
 * rebuilds only the small index; once that holds RECENT_LIMIT entities the whole is rebuilt.
 */
export class LayeredSearchIndex {
  private constructor(
    private readonly base: EntitySearchIndex,
    private readonly hidden: ReadonlySet<string>,
    /** The current record of each entity written since `base`, by id. */
    private readonly written: ReadonlyMap<string, EntityRecord>,
    private readonly recent: EntitySearchIndex,
    /** Whether `base` came from a start image rather than a build. */
    readonly restored = false,
  ) {}

  static over(entities: Iterable<EntityRecord>): LayeredSearchIndex {
    return new LayeredSearchIndex(new EntitySearchIndex(entities), NONE, new Map(), new EntitySearchIndex([]));
  }

  /** The index of `entities` (in id order) kept in a start image (`imageParts`), or null when it does not fit them. */
  static fromImage(parts: ReadonlyMap<string, Buffer>, entities: readonly EntityRecord[]): LayeredSearchIndex | null {
    const base = EntitySearchIndex.fromImage(parts, entities);
    return base === null ? null : new LayeredSearchIndex(base, NONE, new Map(), new EntitySearchIndex([]), true);
  }

  /** The parts a start image keeps of this index, or null when entities were written since its base was built (the next start builds it). */
  imageParts(numberOf: (entity: EntityRecord) => number): Map<string, Buffer> | null {
    return this.written.size === 0 && this.hidden.size === 0 ? this.base.imageParts(numberOf) : null;
  }

  /** This index after a write of `written` and the removal of `removed` (ids); `all`: every entity after it. */
  after(written: readonly EntityRecord[], removed: ReadonlySet<string>, all: () => Iterable<EntityRecord>): LayeredSearchIndex {
    if (this.written.size + written.length > RECENT_LIMIT) return LayeredSearchIndex.over(all());
    const hidden = new Set(this.hidden);
    const current = new Map(this.written);
    for (const entity of written) {
      hidden.add(entity.id);
      current.set(entity.id, entity);
    }
    for (const id of removed) {
      hidden.add(id);
      current.delete(id);
    }
    return new LayeredSearchIndex(this.base, hidden, current, new EntitySearchIndex(current.values()), this.restored);
  }

  search(normalizedQuery: string, kinds: readonly EntityKind[] | null, first: number): SearchMatch[] {
    const older = this.base.search(normalizedQuery, kinds, first, this.hidden);
    if (this.written.size === 0) return older;
    const newer = this.recent.search(normalizedQuery, kinds, first);
    return [...older, ...newer].sort(compareSearchMatches).slice(0, first);
  }
}

/** Entities written since the last full build of a LayeredSearchIndex before it builds again. */
const RECENT_LIMIT = 1024;

/** Up to this many keys starting (a word of) the query, their entries are ranked rather than scanned for. */
const FEW_WORD_STARTS = 512;
const PREFIX_NAME_LEVEL = 2;
const SUBSTRING_NAME_LEVEL = 6;

/** From `from` (the first place not before `prefix`), the end of the texts starting with it, or only equal to it. */
function upperBoundOfPrefix(sorted: readonly string[], prefix: string, from: number, equalOnly = false): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const text = sorted[middle]!;
    if (equalOnly ? text === prefix : text.startsWith(prefix)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A substring match's level: its tier, then name before alias (the domain's score order). */
function levelOf(match: SearchMatch): number {
  return match.tier * 2 + (match.field === 'NAME' ? 0 : 1);
}

/**
 * `Query.searchStatements` over statement texts: the word tiers only (PHRASE, WORDS and FUZZY all
 * need every query word to match a word of the text), ranked by the domain.
 */
export class StatementSearchIndex {
  private readonly entries: StatementEntry[];
  private readonly words: WordIndex;

  constructor(statements: Iterable<StatementRecord>) {
    this.entries = Array.from(statements, statementEntryOf);
    const words = new WordIndexBuilder();
    this.entries.forEach((entry, position) => words.add(entry.key, position));
    this.words = words.build(this.entries.length);
  }

  search(normalizedQuery: string, filter: StatementSearchFilter, first: number): StatementMatch[] {
    const positions = this.words.entriesMatchingAll(prepareQuery(normalizedQuery).words);
    const wanted = (s: StatementRecord) =>
      (filter.speakerId === null || s.speakerId === filter.speakerId) && inWindow(s.date, filter.window);
    const candidates: StatementEntry[] = [];
    for (const position of positions) {
      const entry = this.entries[position]!;
      if (wanted(entry.statement)) candidates.push(entry);
    }
    return rankStatementEntries(candidates, normalizedQuery, first);
  }
}

export interface StatementSearchFilter {
  readonly speakerId: string | null;
  /** The statement's date falls in it; undated statements do not pass a window. */
  readonly window: TimeWindow | null;
}

function inWindow(date: string | null, window: TimeWindow | null): boolean {
  if (window === null) return true;
  if (date === null) return false;
  return (window.from === null || date >= window.from) && (window.to === null || date <= window.to);
}

/** One statement index per statements collection (a memory store's snapshot), built on first use. */
const statementIndexes = new WeakMap<object, StatementSearchIndex>();
export function statementSearchIndexOf(statements: ReadonlyMap<string, StatementRecord>): StatementSearchIndex {
  let index = statementIndexes.get(statements);
  if (!index) statementIndexes.set(statements, (index = new StatementSearchIndex(statements.values())));
  return index;
}

/**
 * Distinct folded words, sorted (so the words a query word starts are one range), each with the
 * positions of the entries it occurs in, ascending; and the words without digits by length, for
 * the typo search (a word within k typos differs in length by k at most).
 */
class WordIndex {
  /** Stamps for the intersection below: position → the last query word that reached it. */
  private readonly stamps: Uint32Array;
  private stamp = 0;

  constructor(
    readonly words: readonly string[],
    readonly postings: readonly Int32Array[],
    private readonly typoCandidatesByLength: ReadonlyMap<number, readonly number[]>,
    entryCount: number,
  ) {
    this.stamps = new Uint32Array(entryCount);
  }

  /** Positions of the entries where every query word matches some word, ascending. */
  entriesMatchingAll(query: readonly QueryWord[]): number[] {
    const perWord = query.map((q) => this.wordsMatching(q));
    if (perWord.length === 0 || perWord.some((w) => w.length === 0)) return [];
    const size = (ids: readonly number[]) => ids.reduce((n, id) => n + this.postings[id]!.length, 0);
    perWord.sort((a, b) => size(a) - size(b));
    // The union for the rarest query word, then kept only where every other word reaches too.
    let current = this.union(perWord[0]!);
    for (const ids of perWord.slice(1)) {
      const mark = this.nextStamp();
      for (const id of ids) for (const position of this.postings[id]!) this.stamps[position] = mark;
      current = current.filter((position) => this.stamps[position] === mark);
      if (current.length === 0) break;
    }
    return current;
  }

  private union(ids: readonly number[]): number[] {
    if (ids.length === 1) return Array.from(this.postings[ids[0]!]!);
    const mark = this.nextStamp();
    const out: number[] = [];
    for (const id of ids) {
      for (const position of this.postings[id]!) {
        if (this.stamps[position] === mark) continue;
        this.stamps[position] = mark;
        out.push(position);
      }
    }
    return out.sort((a, b) => a - b);
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Ids of the distinct words a query word matches, by the domain's `wordDistance`. */
  private wordsMatching(q: QueryWord): number[] {
    const found = new Set<number>();
    let i = lowerBound(this.words, q.text);
    if (q.prefix) {
      for (; i < this.words.length && this.words[i]!.startsWith(q.text); i++) found.add(i);
    } else if (this.words[i] === q.text) {
      found.add(i);
    }
    if (q.typos > 0) {
      const length = Array.from(q.text).length;
      for (let l = length - q.typos; l <= length + q.typos; l++) {
        for (const id of this.typoCandidatesByLength.get(l) ?? []) {
          if (!found.has(id) && wordDistance(q, this.words[id]!) !== null) found.add(id);
        }
      }
    }
    return [...found];
  }
}

class WordIndexBuilder {
  private readonly positions = new Map<string, number[]>();

  /** Files every word of a folded text under the entry's position (positions must come in ascending order). */
  add(key: string, position: number): void {
    for (const word of key.split(' ')) {
      if (word === '') continue;
      const list = this.positions.get(word);
      if (!list) this.positions.set(word, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }

  build(entryCount: number): WordIndex {
    const words = [...this.positions.keys()].sort(compareCodeUnits);
    return WordIndexBuilder.indexOf(words, words.map((w) => Int32Array.from(this.positions.get(w)!)), entryCount);
  }

  /** The index of these words (sorted), each with its postings. */
  static indexOf(words: readonly string[], postings: readonly Int32Array[], entryCount: number): WordIndex {
    const byLength = new Map<number, number[]>();
    words.forEach((word, id) => {
      if (/\p{N}/u.test(word)) return; // words with digits are never reached by a typo (wordDistance)
      const length = Array.from(word).length;
      const list = byLength.get(length);
      if (list) list.push(id);
      else byLength.set(length, [id]);
    });
    return new WordIndex(words, postings, byLength, entryCount);
  }
}

/** The sort the range lookups below rely on: startsWith ranges are contiguous in UTF-16 order. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An EntitySearchIndex's parts, as `fromImage` restores them. */
interface RestoredIndex {
  readonly entries: SearchEntry[];
  readonly trigramPostings: Map<string, Int32Array>;
  readonly shortPostings: Map<string, Int32Array[]>;
  readonly words: WordIndex;
  readonly wordStarts: string[];
  readonly wordStartOwners: Int32Array;
}

/** A blob's JSON list of texts, or null. */
function parsedTexts(bytes: Buffer | undefined): string[] | null {
  const texts = jsonOf(bytes);
  return Array.isArray(texts) && texts.every((t) => typeof t === 'string') ? (texts as string[]) : null;
}

/** A 32-bit FNV-1a hash of every entry's folded texts, in order: what an image's lists were made from. */
function fingerprintOf(entries: readonly SearchEntry[]): number {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    // A separator no folded text holds, so that ["ab", "c"] and ["a", "bc"] differ.
    hash = Math.imul(hash ^ 0xffff, 0x01000193);
  };
  for (const entry of entries) {
    mix(entry.entity.id);
    for (const { key } of entry.labels) mix(key);
    mix(entry.descriptionKey);
  }
  return hash >>> 0;
}
