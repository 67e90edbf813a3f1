/**
 * The estimated cost of an operation, before it runs: how many values it may make the server
 * produce. Every field costs 1, plus the cost of its selection times how many times that
 * selection may run:
 * - `paths`: `first` × `maxHops` (each path is a walk of up to maxHops);
 * - `subgraph`: the pairs of `ids` × `maxHops` (one shortest path per pair);
 * - `neighborhood` with a `limit`: limit ÷ LIST_FAN_OUT (its node and edge lists, which count
 *   LIST_FAN_OUT each, then hold about `limit` items); without one, its `depth`;
 * - `first` or `limit` when the field takes one (search: `first`, default 10; a connection's
 *   `first`, whose `nodes` then count once, since `first` already bounds them);
 * - `maxHops` for `shortestPath` (a wider walk reaches more);
 * - LIST_FAN_OUT for any other list (relations, statements, nodes of a subgraph, claims, ...);
 * - 1 otherwise.
 * So nesting multiplies and aliases add up: `entity { relations { node { relations { id } } } }`
 * costs about 10 × 10 as much as `entity { id }`. Introspection fields cost nothing (they read the
 * schema, not the graph). graphql-query-complexity walks the document (fragments, @skip/@include
 * and variables included); this module only says what each field is worth.
 */
import type { DocumentNode, GraphQLField, GraphQLSchema } from 'graphql';
import { getNamedType, getNullableType, isListType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** How many items a list is assumed to hold when nothing in the query bounds it. */
export const LIST_FAN_OUT = 10;

/** Arguments that say how far a walk goes; the selection runs about that many times more. */
const WALK_ARGUMENTS: Readonly<Record<string, string>> = {
  neighborhood: 'depth',
  shortestPath: 'maxHops',
};

/**
 * The only arguments whose values the estimate reads (timesRun below, and `if` of @skip and
 * @include, which decide whether a selection counts at all): the cost of a document depends on its
 * variables only through the variables used in these.
 */
export const COSTED_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'limit', 'maxHops', 'ids', 'depth', 'if']);

/** Past this many fields and fragments visited the document is refused without a full count. */
const MAX_NODES_VISITED = 20_000;

export interface CostQuestion {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName: string | null | undefined;
}

/**
 * The estimated cost, Infinity for a document too large to count, or null when the variables do
 * not fit the operation (execution then reports that, with BAD_USER_INPUT).
 */
export function estimateCost({ schema, document, variables, operationName }: CostQuestion): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: { ...variables },
      operationName: operationName ?? undefined,
      estimators: [fieldCost],
      maxQueryNodes: MAX_NODES_VISITED,
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    return null;
  }
}

const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || getNamedType(field.type).name.startsWith('__')) return 0;
  return 1 + timesRun(type.name, field, args) * childComplexity;
};

const count = (value: unknown) => Math.max(1, Number(value ?? 1));

function timesRun(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (parentType === 'Query') {
    switch (field.name) {
      case 'paths':
        return count(args['first']) * count(args['maxHops']);
      case 'subgraph': {
        const ids = Array.isArray(args['ids']) ? args['ids'].length : 2;
        return Math.max(1, (ids * (ids - 1)) / 2) * count(args['maxHops']);
      }
      case 'neighborhood':
        if (typeof args['limit'] === 'number') return Math.max(1, Math.ceil(args['limit'] / LIST_FAN_OUT));
        break;
    }
  }
  // A connection's items are bounded by its `first`, counted on the connection field.
  if (field.name === 'nodes' && parentType.endsWith('Connection')) return 1;
  const bound = args['first'] ?? args['limit'];
  if (typeof bound === 'number') return Math.max(1, bound);
  const walk = WALK_ARGUMENTS[field.name];
  if (walk !== undefined) return count(args[walk]);
  return isListType(getNullableType(field.type)) ? LIST_FAN_OUT : 1;
}
