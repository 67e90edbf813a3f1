import { ENTITY_KINDS, ID_PREFIX_BY_KIND, type EntityKind } from './vocabulary.js';

/** Ids are `prefix:slug`, lower case, e.g. `person:apti-alaudinov`, `rel:alaudinov-commands-akhmat`. */
const ID_PATTERN = /^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isWellFormedId(id: string): boolean {
  return id.length <= 200 && ID_PATTERN.test(id);
}

export function idPrefix(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

const KIND_BY_PREFIX = new Map<string, EntityKind>(
  ENTITY_KINDS.map((kind) => [ID_PREFIX_BY_KIND[kind], kind]),
);

/** The kind an entity id names by its prefix, or null when the prefix is not an entity kind's. */
export function kindOfEntityId(id: string): EntityKind | null {
  return KIND_BY_PREFIX.get(idPrefix(id)) ?? null;
}

export const STATEMENT_ID_PREFIX = 'stmt';
export const SOURCE_ID_PREFIX = 'source';
export const RELATION_ID_PREFIX = 'rel';

/**
 * A slug for a new id, from a name or text: folded as search folds it (Cyrillic to Latin, accents,
 * case and punctuation dropped), words joined by hyphens, at most `words` words; "record" when
 * nothing is left.
 */
export function slugOf(text: string, fold: (text: string) => string, words = 8): string {
  const slug = fold(text)
    .split(' ')
    .filter((w) => /^[a-z0-9]+$/.test(w))
    .slice(0, words)
    .join('-');
  return slug === '' ? 'record' : slug;
}

/** The slug of an id: what follows its prefix. */
export function slugOfId(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}
