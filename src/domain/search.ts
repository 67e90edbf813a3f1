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

export interface SearchMatch {
  readonly entity: EntityRecord;
  readonly tier: MatchTier;
  /** The name or alias that matched best. */
  readonly matched: string;
}

/** How well `entity` matches an already normalized query, or null when it does not. */
export function matchEntity(entity: EntityRecord, normalizedQuery: string): SearchMatch | null {
  let best: SearchMatch | null = null;
  for (const label of [entity.name, ...entity.aliases]) {
    const tier = matchTier(normalizeForSearch(label), normalizedQuery);
    if (tier !== null && (best === null || tier < best.tier)) {
      best = { entity, tier, matched: label };
    }
  }
  return best;
}

function matchTier(key: string, query: string): MatchTier | null {
  if (key === query) return MatchTier.EXACT;
  if (key.startsWith(query)) return MatchTier.PREFIX;
  if (key.includes(` ${query}`)) return MatchTier.WORD_PREFIX;
  if (key.includes(query)) return MatchTier.SUBSTRING;
  return null;
}

export function compareMatches(a: SearchMatch, b: SearchMatch): number {
  return (
    a.tier - b.tier ||
    compareText(normalizeForSearch(a.entity.name), normalizeForSearch(b.entity.name)) ||
    compareText(a.entity.id, b.entity.id)
  );
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
  const matches: SearchMatch[] = [];
  for (const entity of candidates) {
    const match = matchEntity(entity, normalizedQuery);
    if (match) matches.push(match);
  }
  return matches.sort(compareMatches).slice(0, first);
}
