/**
 * Checks on the arguments of exploration queries. Each returns the cleaned value or throws a
 * BAD_USER_INPUT error whose message names the argument, the value and what is allowed.
 */
import { badInput } from './errors.js';
import { isWellFormedId } from './ids.js';
import { normalizeForSearch } from './search.js';
import {
  ENTITY_KINDS,
  LIMITS,
  RELATION_TYPE_NAMES,
  isRelationType,
  type EntityKind,
  type RelationType,
} from './vocabulary.js';

export function checkId(argument: string, id: string): string {
  if (!isWellFormedId(id)) {
    throw badInput(
      `Argument "${argument}" has the value ${JSON.stringify(id)}, which is not a well-formed id; ids look like "person:apti-alaudinov".`,
      { argument },
    );
  }
  return id;
}

export function checkIntInRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(
      `Argument "${argument}" must be an integer from ${min} to ${max}; got ${value}.`,
      { argument, min, max },
    );
  }
  return value;
}

export const checkDepth = (depth: number) =>
  checkIntInRange('depth', depth, 0, LIMITS.maxNeighborhoodDepth);
export const checkMaxHops = (maxHops: number) =>
  checkIntInRange('maxHops', maxHops, 1, LIMITS.maxPathHops);
export const checkFirst = (first: number) =>
  checkIntInRange('first', first, 1, LIMITS.maxSearchResults);

/** Returns the normalized search text. */
export function checkSearchText(text: string): string {
  if (text.length > LIMITS.maxSearchTextLength) {
    throw badInput(
      `Argument "text" is ${text.length} characters long; the limit is ${LIMITS.maxSearchTextLength}.`,
      { argument: 'text' },
    );
  }
  const normalized = normalizeForSearch(text);
  if (normalized === '') {
    throw badInput('Argument "text" must contain at least one letter or digit.', {
      argument: 'text',
    });
  }
  return normalized;
}

/** null or an empty list mean "every type"; an unknown name is an error naming the known ones. */
export function checkRelationTypes(
  types: readonly string[] | null | undefined,
): RelationType[] | null {
  if (!types || types.length === 0) return null;
  const unknown = types.filter((t) => !isRelationType(t));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown relation type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known types are ${RELATION_TYPE_NAMES.join(', ')}.`,
      { argument: 'types', unknown },
    );
  }
  return [...new Set(types as RelationType[])].sort();
}

/** null or an empty list mean "every kind". */
export function checkKinds(kinds: readonly EntityKind[] | null | undefined): EntityKind[] | null {
  if (!kinds || kinds.length === 0) return null;
  return ENTITY_KINDS.filter((k) => kinds.includes(k));
}
