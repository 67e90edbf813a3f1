/**
 * Full-text lookups for `Query.search`. Search is by SUBSTRING of an entity's normalized name or
 * alias ("urakh" finds Kurákhove, "u s" finds U.S.), which word-based tokenizers cannot answer.
 *
 * Everything ranking needs is prepared once, when the index is built: every entity's
 * `SearchEntry` (its keys normalized, its tie-breaking name), and the entries' position in the
 * domain's tie order (`compareSearchEntries`), which every posting list below is sorted by. So:
 * - a query of three characters or more looks up the posting lists of its character trigrams
 *   (any key containing the query contains all of them; the converse does not hold, "abcab" has
 *   the trigrams of "cabc", so the intersection is candidates only), intersects them, and hands
 *   the candidates, in tie order, to the domain's `rankSearchEntriesInOrder`, which makes the
 *   final match and keeps the first `first` of each tier without sorting;
 * - a query of one or two characters (no trigram to look up, and often a match for a large share
 *   of all entities) is answered from lists kept per one- and two-character text and per match
 *   tier, each in tie order: the answer is the first `first` entries of the right kinds, tier by
 *   tier, with no scan of the other entities.
 * The unit tests compare both paths with `rankSearchResults` over every entity.
 */
import {
  MatchTier,
  compareSearchEntries,
  matchEntry,
  rankSearchEntriesInOrder,
  searchEntryOf,
  type EntityKind,
  type EntityRecord,
  type SearchEntry,
  type SearchMatch,
} from '../../domain/index.js';

const GRAM = 3;
const TIERS = [MatchTier.EXACT, MatchTier.PREFIX, MatchTier.WORD_PREFIX, MatchTier.SUBSTRING] as const;

/** The distinct trigrams of each key, never spanning two keys. Code points, so no surrogate is split. */
export function trigramsOf(keys: Iterable<string>): string[] {
  const grams = new Set<string>();
  for (const key of keys) {
    const chars = Array.from(key);
    for (let i = 0; i + GRAM <= chars.length; i++) grams.add(chars.slice(i, i + GRAM).join(''));
  }
  return [...grams];
}

/** The distinct texts of one or two characters in the keys that a (trimmed) query can be. */
function shortTextsOf(keys: Iterable<string>): string[] {
  const texts = new Set<string>();
  for (const key of keys) {
    const chars = Array.from(key);
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
  private readonly trigramPostings = new Map<string, Int32Array>();
  /** One- or two-character text → per match tier, positions of the entries it matches so, ascending. */
  private readonly shortPostings = new Map<string, Int32Array[]>();

  constructor(entities: Iterable<EntityRecord>) {
    this.entries = Array.from(entities, searchEntryOf).sort(compareSearchEntries);
    const trigrams = new Map<string, number[]>();
    const short = new Map<string, number[][]>();
    this.entries.forEach((entry, position) => {
      const keys = entry.labels.map((l) => l.key).filter((k) => k !== '');
      for (const gram of trigramsOf(keys)) {
        const list = trigrams.get(gram);
        if (list) list.push(position);
        else trigrams.set(gram, [position]);
      }
      for (const text of shortTextsOf(keys)) {
        // The tier decided by the domain, as for any query; a text taken from a key always matches.
        const tier = matchEntry(entry, text)!.tier;
        let lists = short.get(text);
        if (!lists) short.set(text, (lists = TIERS.map(() => [])));
        lists[tier]!.push(position);
      }
    });
    for (const [gram, list] of trigrams) this.trigramPostings.set(gram, Int32Array.from(list));
    for (const [text, lists] of short) this.shortPostings.set(text, lists.map((l) => Int32Array.from(l)));
  }

  /** The ranked matches of a normalized query, as `rankSearchResults` ranks them. */
  search(normalizedQuery: string, kinds: readonly EntityKind[] | null, first: number): SearchMatch[] {
    if (!canUseTrigrams(normalizedQuery)) return this.searchShort(normalizedQuery, kinds, first);
    return rankSearchEntriesInOrder(this.candidates(normalizedQuery, kinds), normalizedQuery, first);
  }

  private searchShort(text: string, kinds: readonly EntityKind[] | null, first: number): SearchMatch[] {
    const lists = this.shortPostings.get(text);
    if (!lists) return [];
    const found: SearchMatch[] = [];
    for (const list of lists) {
      for (let i = 0; i < list.length && found.length < first; i++) {
        const entry = this.entries[list[i]!]!;
        if (kinds === null || kinds.includes(entry.entity.kind)) found.push(matchEntry(entry, text)!);
      }
    }
    return found;
  }

  /** Entries with a key holding every trigram of the query, of the kinds asked, in tie order. */
  private *candidates(normalizedQuery: string, kinds: readonly EntityKind[] | null): Generator<SearchEntry> {
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
        const c = (cursors[j] = gallop(list, cursors[j]!, position));
        if (c === list.length) return;
        if (list[c] !== position) continue outer;
      }
      const entry = this.entries[position]!;
      if (kinds === null || kinds.includes(entry.entity.kind)) yield entry;
    }
  }
}

/** The first index at or after `from` whose value is not below `value` (the list ascends). */
function gallop(list: Int32Array, from: number, value: number): number {
  if (from >= list.length || list[from]! >= value) return from;
  // Doubling steps find a bound, then a binary search within it.
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < list.length && list[high]! < value) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, list.length);
  // list[low] < value, and list[high] >= value or high = length.
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid;
    else high = mid;
  }
  return high;
}
