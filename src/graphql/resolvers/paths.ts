/** Schema: `Query.paths` and `Query.subgraph`: how entities are connected. */
import {
  checkId,
  checkMaxHops,
  checkPathCount,
  checkSubgraphIds,
  type EntityRecord,
  type RelationRecord,
} from '../../domain/index.js';
import type { SubgraphResult } from '../../store/graph-store.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { relationFilterFromArgs } from '../relation-filter.js';
import { requireEnds, requireEntity } from './lookups.js';

export const pathResolvers: Resolvers = {
  Query: {
    paths: async (_root, { fromId, toId, maxHops, first, directed, filter, through }, ctx) => {
      const ids = [checkId('fromId', fromId), checkId('toId', toId)] as const;
      const query = {
        maxHops: checkMaxHops(maxHops ?? 6),
        first: checkPathCount(first ?? 3),
        filter: await relationFilterFromArgs(ctx, { filter }),
        directed: directed ?? false,
        throughStatements: through?.includes('STATEMENTS') ?? false,
      };
      const found = await ctx.store.paths(ids[0], ids[1], query, ctx.read);
      if (found.length === 0) await requireEnds(ctx, ids[0], ids[1]); // no path, or no such entity
      return found;
    },

    subgraph: async (_root, { ids, maxHops, filter }, ctx) => {
      const given = checkSubgraphIds(ids);
      const query = {
        maxHops: checkMaxHops(maxHops ?? 4),
        filter: await relationFilterFromArgs(ctx, { filter }),
        directed: false,
      };
      const entities = await Promise.all(given.map((id) => requireEntity(ctx, 'ids', id)));
      const pairs = entities.flatMap((a, i) => entities.slice(i + 1).map((b) => [a, b] as const));
      const paths = await Promise.all(pairs.map(([a, b]) => ctx.store.shortestPath(a.id, b.id, query, ctx.read)));
      return connecting(entities, paths.flatMap((p) => (p === null ? [] : [p])));
    },
  },
};

/**
 * The entities given (in the order given), then the other nodes of the paths by id, each once;
 * the paths' edges by id, each once (schema: `Subgraph`).
 */
function connecting(
  given: readonly EntityRecord[],
  paths: readonly { nodes: readonly EntityRecord[]; edges: readonly RelationRecord[] }[],
): SubgraphResult {
  const givenIds = new Set(given.map((e) => e.id));
  const others = new Map<string, EntityRecord>();
  const edges = new Map<string, RelationRecord>();
  for (const path of paths) {
    for (const node of path.nodes) if (!givenIds.has(node.id)) others.set(node.id, node);
    for (const edge of path.edges) edges.set(edge.id, edge);
  }
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: [...given, ...[...others.values()].sort(byId)],
    edges: [...edges.values()].sort(byId),
    truncated: false,
  };
}
