/**
 * The store's RelationFilter as the schema's arguments ask for it: built here, in one place, for
 * `Entity.relations`, `Query.neighborhood`, `Query.shortestPath`, `Query.paths` and
 * `Query.subgraph` (and the typed convenience fields), and keyed here for the relations DataLoader.
 * Schema: `input RelationFilterInput`.
 */
import {
  checkIdList,
  checkKinds,
  checkRelationTypes,
  checkStatuses,
  checkWindow,
  notFound,
  type RelationType,
} from '../domain/index.js';
import { ANY_RELATION, type RelationFilter } from '../store/graph-store.js';
import type { GraphContext } from './context.js';
import type { RelationFilterInput } from './generated/resolvers-types.js';

export interface RelationFilterArgs {
  /** The field's own `types` argument. */
  readonly types?: readonly string[] | null;
  readonly filter?: RelationFilterInput | null;
}

/**
 * From a field's arguments. Unknown types and a window that ends before it starts are
 * BAD_USER_INPUT errors, a claimant nobody has is NOT_FOUND; `types` and `filter.types` both apply
 * (their intersection, which may be empty: then no relation passes).
 */
export async function relationFilterFromArgs(ctx: GraphContext, args: RelationFilterArgs): Promise<RelationFilter> {
  const filter = checkedFilter(args);
  if (filter.claimantIds) await requireClaimants(ctx, filter.claimantIds);
  return filter;
}

/**
 * The filter of these arguments when checking it needs no store (no claimants to look up), else
 * null. Throws on bad arguments as relationFilterFromArgs does.
 */
export function relationFilterWithoutLookups(args: RelationFilterArgs): RelationFilter | null {
  const filter = checkedFilter(args);
  return filter.claimantIds ? null : filter;
}

/** The checks that need no store, in argument order, so the first bad argument is the one named. */
function checkedFilter({ types, filter }: RelationFilterArgs): RelationFilter {
  const own = checkRelationTypes(types);
  // The one filter of every unfiltered question, so its key is worked out once (relationFilterKey).
  if (!filter) return own === null ? ANY_RELATION : { types: own };
  const theirs = checkRelationTypes(filter.types, 'filter.types');
  return {
    types: own === null ? theirs : theirs === null ? own : own.filter((t) => theirs.includes(t)),
    statuses: checkStatuses(filter.statuses),
    claimantIds: checkIdList('filter.claimantIds', filter.claimantIds),
    window: windowOrNull(checkWindow(filter.from, filter.to, { from: 'filter.from', to: 'filter.to' })),
    kinds: checkKinds(filter.kinds),
  };
}

function windowOrNull(window: { from: string | null; to: string | null }) {
  return window.from === null && window.to === null ? null : window;
}

async function requireClaimants(ctx: GraphContext, ids: readonly string[]): Promise<void> {
  const found = await ctx.loaders.entity.loadMany(ids);
  const missing = ids.find((_id, i) => found[i] === null);
  for (const result of found) if (result instanceof Error) throw result;
  if (missing !== undefined) {
    throw notFound(`No entity has the id "${missing}" (argument "filter.claimantIds").`, { argument: 'filter.claimantIds' });
  }
}

/** The relations of one type (the typed convenience fields). */
export function relationFilterOfType(type: RelationType): RelationFilter {
  return { types: [type] };
}

/**
 * Equal for filters that ask the same question (a DataLoader cache and batch key): every clause
 * counts, each as relationFilterFromArgs normalises it (lists sorted and deduplicated).
 */
export function relationFilterKey(filter: RelationFilter): string {
  let key = keyOfFilter.get(filter);
  if (key === undefined) keyOfFilter.set(filter, (key = keyOf(filter)));
  return key;
}

/** A filter is not changed once made: its key is kept with it (a request asks for it several times). */
const keyOfFilter = new WeakMap<RelationFilter, string>();

function keyOf(filter: RelationFilter): string {
  const list = (values: readonly string[] | null | undefined) => values?.join(',') ?? '*';
  const window = filter.window ? `${filter.window.from ?? ''}..${filter.window.to ?? ''}` : '*';
  return [list(filter.types), list(filter.statuses), list(filter.claimantIds), window, list(filter.kinds)].join(' ');
}
