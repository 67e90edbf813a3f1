/**
 * Checks on the arguments of exploration queries. Each returns the cleaned value or throws a
 * BAD_USER_INPUT error whose message names the argument, the value and what is allowed.
 */
import { badInput } from './errors.js';
import type { TimeWindow } from './facts.js';
import { isWellFormedId } from './ids.js';
import { normalizeForSearch } from './search.js';
import {
  CLAIM_STATUSES,
  ENTITY_KINDS,
  LIMITS,
  RELATION_TYPE_NAMES,
  isRelationType,
  type ClaimStatus,
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
  argument = 'types',
): RelationType[] | null {
  if (!types || types.length === 0) return null;
  const unknown = types.filter((t) => !isRelationType(t));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown relation type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')} in argument "${argument}"; known types are ${RELATION_TYPE_NAMES.join(', ')}.`,
      { argument, unknown },
    );
  }
  return [...new Set(types as RelationType[])].sort();
}

/** null or an empty list mean "every kind". */
export function checkKinds(kinds: readonly EntityKind[] | null | undefined): EntityKind[] | null {
  if (!kinds || kinds.length === 0) return null;
  return ENTITY_KINDS.filter((k) => kinds.includes(k));
}

/** `first` of a cursor connection (entities, statements, events, timeline). */
export const checkPageSize = (first: number) => checkIntInRange('first', first, 1, LIMITS.maxPageSize);
/** `paths(first)`. */
export const checkPathCount = (first: number) => checkIntInRange('first', first, 1, LIMITS.maxPaths);
/** `neighborhood(limit)`. */
export const checkNeighborhoodLimit = (limit: number) =>
  checkIntInRange('limit', limit, 1, LIMITS.maxNeighborhoodLimit);

/** `near(km)`: more than 0, at most LIMITS.maxNearKm. */
export function checkRadiusKm(km: number): number {
  if (!Number.isFinite(km) || km <= 0 || km > LIMITS.maxNearKm) {
    throw badInput(`Argument "km" must be more than 0 and at most ${LIMITS.maxNearKm}; got ${km}.`, {
      argument: 'km',
      max: LIMITS.maxNearKm,
    });
  }
  return km;
}

/** `subgraph(ids)`: 2 to LIMITS.maxSubgraphIds distinct, well-formed ids, in the order given. */
export function checkSubgraphIds(ids: readonly string[]): string[] {
  const max = LIMITS.maxSubgraphIds;
  if (ids.length < 2 || ids.length > max) {
    throw badInput(`Argument "ids" must list 2 to ${max} entities; got ${ids.length}.`, { argument: 'ids', min: 2, max });
  }
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length > 0) {
    throw badInput(`Argument "ids" lists ${JSON.stringify(repeated[0])} more than once; give each entity once.`, {
      argument: 'ids',
    });
  }
  return ids.map((id) => checkId('ids', id));
}

/**
 * A window of days from two optional Date arguments (already YYYY-MM-DD by the Date scalar); `to`
 * before `from` is an error naming both.
 */
export function checkWindow(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { readonly from: string; readonly to: string } = { from: 'from', to: 'to' },
): TimeWindow {
  if (from != null && to != null && to < from) {
    throw badInput(
      `Argument "${names.to}" (${to}) is before "${names.from}" (${from}); a window must end on or after the day it starts.`,
      { argument: names.to },
    );
  }
  return { from: from ?? null, to: to ?? null };
}

/** null or an empty list mean "any status"; otherwise each once, in ClaimStatus order. */
export function checkStatuses(statuses: readonly ClaimStatus[] | null | undefined): ClaimStatus[] | null {
  if (!statuses || statuses.length === 0) return null;
  return CLAIM_STATUSES.filter((s) => statuses.includes(s));
}

/** null or an empty list mean "nobody in particular"; otherwise well-formed ids, each once, sorted. */
export function checkIdList(argument: string, ids: readonly string[] | null | undefined): string[] | null {
  if (!ids || ids.length === 0) return null;
  return [...new Set(ids.map((id) => checkId(argument, id)))].sort();
}

/** null or an empty list mean "every value"; otherwise each once, in the vocabulary's order. */
export function checkEnumList<T extends string>(values: readonly T[] | null | undefined, order: readonly T[]): T[] | null {
  if (!values || values.length === 0) return null;
  return order.filter((v) => values.includes(v));
}
