/**
 * The store's RelationFilter as the schema's arguments ask for it: built here, in one place, for
 * `Entity.relations`, `Query.neighborhood` and `Query.shortestPath` (and the typed convenience
 * fields), and keyed here for the relations DataLoader.
 */
import { checkRelationTypes, type RelationType } from '../domain/index.js';
import type { RelationFilter } from '../store/graph-store.js';

/** From a field's arguments; an unknown type is a BAD_USER_INPUT error (checkRelationTypes). */
export function relationFilterFromArgs(args: { readonly types?: readonly string[] | null }): RelationFilter {
  return { types: checkRelationTypes(args.types) };
}

/** The relations of one type (the typed convenience fields). */
export function relationFilterOfType(type: RelationType): RelationFilter {
  return { types: [type] };
}

/** Equal for filters that ask the same question as given (a DataLoader cache and batch key). */
export function relationFilterKey(filter: RelationFilter): string {
  return filter.types?.join(',') ?? '*';
}
