/**
 * Full-text candidates for `Query.search`. Search is by SUBSTRING of an entity's normalized
 * name or alias ("urakh" finds Kurákhove, "u s" finds U.S.), which word-based tokenizers cannot
 * answer. So every key is indexed as its character trigrams, and a query's trigrams are looked up
 * with AND: any key containing the query contains all of its trigrams. The converse does not
 * hold ("abcab" has the trigrams of "cabc"), so these are candidates only; the domain's
 * `rankSearchResults` makes the final match and decides the order.
 */
import MiniSearch from 'minisearch';
import {
  SEARCH_TEXT_SEPARATOR,
  searchText,
  type EntityRecord,
} from '../../domain/index.js';

const GRAM = 3;

interface IndexedEntity {
  readonly id: string;
  /** The entity's search keys joined by SEARCH_TEXT_SEPARATOR. */
  readonly keys: string;
}

/** The trigrams of each key, never spanning two keys. Code points, so no surrogate is split. */
export function trigramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (const key of text.split(SEARCH_TEXT_SEPARATOR)) {
    const chars = Array.from(key);
    for (let i = 0; i + GRAM <= chars.length; i++) grams.add(chars.slice(i, i + GRAM).join(''));
  }
  return [...grams];
}

/** Whether a normalized query is long enough to have a trigram to look up. */
export function canUseTrigrams(normalizedQuery: string): boolean {
  return Array.from(normalizedQuery).length >= GRAM;
}

export class EntitySearchIndex {
  private readonly index = new MiniSearch<IndexedEntity>({
    fields: ['keys'],
    tokenize: trigramsOf,
    // Keys are already normalized (lower case, no accents or punctuation); keep terms as they are.
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', prefix: false, fuzzy: false },
  });

  constructor(entities: Iterable<EntityRecord>) {
    const documents: IndexedEntity[] = [];
    for (const entity of entities) documents.push({ id: entity.id, keys: searchText(entity) });
    this.index.addAll(documents);
  }

  /**
   * Ids of the entities whose keys hold every trigram of the query (a superset of the matches).
   * Only for queries of at least three characters: see `canUseTrigrams`.
   */
  candidateIds(normalizedQuery: string): string[] {
    return this.index.search(normalizedQuery).map((result) => String(result.id));
  }
}
