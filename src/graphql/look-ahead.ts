/**
 * Reading ahead in a query: the relations an `entity(id)` field is about to ask of the entity it
 * answers, so that the entity and those relations come from the store in one round trip (one
 * Cypher query on Neo4j) rather than two, the second waiting for the first.
 *
 * Only the plain shape is read ahead: a `relations` field straight in the field's selection, with
 * no directive, whose arguments check without the store. Anything else (fragments, @include,
 * claimants to look up, arguments in error) is left to `Entity.relations` as it always is, which
 * then reports what is wrong; reading ahead changes no answer, only when the store is asked.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  isInterfaceType,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionNode,
} from 'graphql';
import type { Direction } from '../domain/index.js';
import type { RelationsQuery } from '../store/graph-store.js';
import type { GraphContext } from './context.js';
import type { RelationFilterInput } from './generated/resolvers-types.js';
import { relationFilterWithoutLookups } from './relation-filter.js';

/** `Entity.relations` of the schema the query runs against (the interface every entity type implements). */
function relationsField(info: GraphQLResolveInfo): GraphQLField<unknown, unknown> | undefined {
  const entity = info.schema.getType('Entity');
  return isInterfaceType(entity) ? entity.getFields()['relations'] : undefined;
}

/**
 * The question `Entity.relations` will ask for the first plain `relations` field of this field's
 * selection, as it will ask it (the same filter, direction and cap), or null.
 */
export function relationsAskedOfEntity(info: GraphQLResolveInfo, ctx: GraphContext): RelationsQuery | null {
  const node = firstPlainRelationsField(info.fieldNodes);
  if (node === undefined) return null;
  // A `relations` with no arguments asks the same every time: worked out once per field of a
  // document (documents are cached, so the same node comes back with the same query text).
  if (node.arguments?.length) return relationsQueryOf(info, ctx, node);
  const known = questionOfBareField.get(node);
  if (known !== undefined && known.maxListLength === ctx.maxListLength) return known.query;
  const query = relationsQueryOf(info, ctx, node);
  questionOfBareField.set(node, { maxListLength: ctx.maxListLength, query });
  return query;
}

const questionOfBareField = new WeakMap<FieldNode, { readonly maxListLength: number; readonly query: RelationsQuery | null }>();

function relationsQueryOf(info: GraphQLResolveInfo, ctx: GraphContext, node: FieldNode): RelationsQuery | null {
  const field = relationsField(info);
  if (field === undefined) return null;
  try {
    const args = getArgumentValues(field, node, info.variableValues) as {
      types?: readonly string[] | null;
      direction?: Direction | null;
      filter?: RelationFilterInput | null;
    };
    const filter = relationFilterWithoutLookups(args);
    if (filter === null) return null;
    const cap = Number.isFinite(ctx.maxListLength) ? ctx.maxListLength : undefined;
    return { filter, direction: args.direction ?? 'BOTH', ...(cap !== undefined && { cap }) };
  } catch {
    return null; // Entity.relations reports it, with the argument named
  }
}

function firstPlainRelationsField(fieldNodes: readonly FieldNode[]): FieldNode | undefined {
  for (const fieldNode of fieldNodes) {
    for (const selection of fieldNode.selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === 'relations' && !selection.directives?.length) return selection;
    }
  }
  return undefined;
}

/**
 * Whether the field's selection may ask for a field named `name`: one in its selection or in a
 * fragment of it, whatever its alias, unless an @skip or @include (with the request's variables)
 * leaves it or its fragment out, as execution would. A no is certain, so a resolver may leave out
 * what only that field needs; anything it cannot tell is a yes.
 */
export function selectionMayAsk(info: GraphQLResolveInfo, name: string): boolean {
  const visited = new Set<string>();
  const asks = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (!included(selection, info.variableValues)) return false;
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet.selections);
      const fragment = info.fragments[selection.name.value];
      if (fragment === undefined) return true; // not known here: assume it asks
      if (visited.has(fragment.name.value)) return false;
      visited.add(fragment.name.value);
      return asks(fragment.selectionSet.selections);
    });
  return info.fieldNodes.some((node) => asks(node.selectionSet?.selections ?? []));
}

/** Whether @skip and @include keep a selection, as graphql-js decides it; a yes when they cannot be read. */
function included(selection: SelectionNode, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (!selection.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.['if'] === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.['if'] !== false;
  } catch {
    return true;
  }
}
