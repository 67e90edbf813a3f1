/**
 * Search semantics shared by every store (schema: `Query.search`). A store finds the candidate
 * entities whose search keys contain the query; this module decides the order, so that every
 * store answers alike: exact match first, then prefix, then a word's prefix, then substring;
 * ties by name, then id.
 */
import type { EntityRecord } from './model.js';

/** Case-, accent- and punctuation-insensitive form: "U.S." → "u s", "Kurákhove" → "kurakhove". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalized names an entity is found by: its name and every alias. */
export function searchKeys(entity: Pick<EntityRecord, 'name' | 'aliases'>): string[] {
  const keys = [entity.name, ...entity.aliases].map(normalizeForSearch).filter((k) => k !== '');
  return [...new Set(keys)];
}

/** Keys joined by a separator that no normalized query can contain, for substring lookups. */
export const SEARCH_TEXT_SEPARATOR = '|';
export function searchText(entity: Pick<EntityRecord, 'name' | 'aliases'>): string {
  return searchKeys(entity).join(SEARCH_TEXT_SEPARATOR);
}

export enum MatchTier {
  EXACT = 0,
  PREFIX = 1,
  WORD_PREFIX = 2,
  SUBSTRING = 3,
}

const TIER_COUNT = 4;

export interface SearchMatch {
  readonly entity: EntityRecord;
  readonly tier: MatchTier;
  /** The name or alias that matched best. */
  readonly matched: string;
}

/**
 * An entity with everything ranking needs, normalized once: each label (name, then aliases) with
 * its normalized key, and the normalized name that breaks ties. Stores that keep their entities in
 * memory build these at index time, so ranking normalizes nothing per query or per comparison.
 */
export interface SearchEntry {
  readonly entity: EntityRecord;
  /** The name, then every alias, in the record's order, each with its normalized form. */
  readonly labels: readonly { readonly label: string; readonly key: string }[];
  /** `normalizeForSearch(entity.name)`: the first tie-breaker. */
  readonly sortName: string;
}

export function searchEntryOf(entity: EntityRecord): SearchEntry {
  const labels = [entity.name, ...entity.aliases].map((label) => ({ label, key: normalizeForSearch(label) }));
  return { entity, labels, sortName: labels[0]!.key };
}

/**
 * The order of results within a tier (and so the whole order, after the tier): by normalized
 * name, then id, in code-point order.
 */
export function compareSearchEntries(a: SearchEntry, b: SearchEntry): number {
  return compareText(a.sortName, b.sortName) || compareText(a.entity.id, b.entity.id);
}

interface RankedEntry {
  readonly entry: SearchEntry;
  readonly tier: MatchTier;
  readonly matched: string;
}

/** THE order of search results: best tier first, then `compareSearchEntries`. */
function compareRanked(a: RankedEntry, b: RankedEntry): number {
  return a.tier - b.tier || compareSearchEntries(a.entry, b.entry);
}

/** How well an entry matches an already normalized query, or null when it does not. */
function rankEntry(entry: SearchEntry, normalizedQuery: string): RankedEntry | null {
  let best: RankedEntry | null = null;
  for (const { label, key } of entry.labels) {
    const tier = matchTier(key, normalizedQuery);
    // Strictly better only: of equally good labels, the first (the name before aliases) is reported.
    if (tier !== null && (best === null || tier < best.tier)) {
      best = { entry, tier, matched: label };
      if (tier === MatchTier.EXACT) break;
    }
  }
  return best;
}

function toMatch({ entry, tier, matched }: RankedEntry): SearchMatch {
  return { entity: entry.entity, tier, matched };
}

/** How well `entry` matches an already normalized query, or null when it does not. */
export function matchEntry(entry: SearchEntry, normalizedQuery: string): SearchMatch | null {
  const ranked = rankEntry(entry, normalizedQuery);
  return ranked && toMatch(ranked);
}

/** How well `entity` matches an already normalized query, or null when it does not. */
export function matchEntity(entity: EntityRecord, normalizedQuery: string): SearchMatch | null {
  return matchEntry(searchEntryOf(entity), normalizedQuery);
}

function matchTier(key: string, query: string): MatchTier | null {
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

/** Ranks candidates (any superset of the matches) and keeps the first `first`. */
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
  normalizedQuery: string,
  first: number,
): SearchMatch[] {
  if (first <= 0) return [];
  // A max-heap of the best `first` so far: its root is the worst of them.
  const heap: RankedEntry[] = [];
  for (const entry of candidates) {
    const ranked = rankEntry(entry, normalizedQuery);
    if (ranked === null) continue;
    if (heap.length < first) {
      heap.push(ranked);
      siftUp(heap, heap.length - 1);
    } else if (compareRanked(ranked, heap[0]!) < 0) {
      heap[0] = ranked;
      siftDown(heap, 0);
    }
  }
  return heap.sort(compareRanked).map(toMatch);
}

/**
 * `rankSearchResults` over entries that come already in `compareSearchEntries` order (as a store's
 * index may keep them): the order within a tier is then the order met, so the best `first` of
 * each tier are kept as they come, and the scan stops once `first` exact matches are found.
 */
export function rankSearchEntriesInOrder(
  candidatesInOrder: Iterable<SearchEntry>,
  normalizedQuery: string,
  first: number,
): SearchMatch[] {
  if (first <= 0) return [];
  const tiers: RankedEntry[][] = Array.from({ length: TIER_COUNT }, () => []);
  for (const entry of candidatesInOrder) {
    const ranked = rankEntry(entry, normalizedQuery);
    if (ranked === null) continue;
    const tier = tiers[ranked.tier]!;
    if (tier.length < first) tier.push(ranked);
    if (ranked.tier === MatchTier.EXACT && tier.length >= first) break;
  }
  return tiers.flat().slice(0, first).map(toMatch);
}

function siftUp(heap: RankedEntry[], i: number): void {
  const item = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareRanked(heap[parent]!, item) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function siftDown(heap: RankedEntry[], i: number): void {
  const item = heap[i]!;
  const n = heap.length;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && compareRanked(heap[child + 1]!, heap[child]!) > 0) child++;
    if (compareRanked(heap[child]!, item) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}
