/**
 * A limited neighbourhood that must also fit the server's list cap. `limit` bounds the nodes; the
 * relations among them can still be many more (a hub and its parallel relations), and a list over
 * MAX_LIST_LENGTH is refused. Rather than refuse a question that asked for a bounded answer, the
 * nodes are cut further, the nearest kept (they come centre first, then by hops, then id), to the
 * longest run of them whose relations among themselves fit: the answer stays what `limit` promises,
 * the nodes nearest the centre and every relation among them, with `truncated` set.
 */
import type { EntityRecord, RelationRecord } from './model.js';

export interface ListedSubgraph {
  readonly nodes: readonly EntityRecord[];
  readonly edges: readonly RelationRecord[];
  readonly truncated?: boolean;
}

/** `subgraph` when both lists fit `maxItems`; else its longest run of nodes, from the first, that fits, with the relations among them. */
export function nearestThatFit<T extends ListedSubgraph>(subgraph: T, maxItems: number): T {
  const { nodes, edges } = subgraph;
  if (nodes.length <= maxItems && edges.length <= maxItems) return subgraph;
  const place = new Map(nodes.map((node, i) => [node.id, i]));
  // A relation joins the run once its later end does.
  const joinsAt = edges.map((edge) => Math.max(place.get(edge.from)!, place.get(edge.to)!));
  const joining = new Array<number>(nodes.length).fill(0);
  for (const at of joinsAt) joining[at]!++;
  const kept = nodesThatFit(joining, maxItems);
  return {
    ...subgraph,
    nodes: nodes.slice(0, kept),
    edges: edges.filter((_, i) => joinsAt[i]! < kept),
    truncated: true,
  };
}

/**
 * How many nodes of a list, from the first, fit `maxItems`: at most that many of them, with at most
 * that many relations among them, `joining[i]` being the relations whose later end is node i.
 */
export function nodesThatFit(joining: readonly number[], maxItems: number): number {
  let kept = 0;
  let relations = 0;
  while (kept < Math.min(joining.length, maxItems) && relations + joining[kept]! <= maxItems) relations += joining[kept++]!;
  return kept;
}
