/**
 * Neighbourhoods and shortest paths. Both walk a "walk graph": a simple directed graph with an
 * edge u → v wherever an allowed relation may be walked from u to v. graphology-traversal's BFS
 * then runs on it unchanged, and a depth cutoff keeps it from exploring past the hops asked for.
 */
import { DirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { compareText, isSymmetric, type RelationRecord, type RelationType } from '../../domain/index.js';
import type { NeighborhoodQuery, PathQuery, PathResult, SubgraphResult } from '../graph-store.js';
import { compareById } from './ordering.js';
import { typeIsAllowed } from './relations.js';
import type { KnowledgeGraph, MemoryState, WalkGraph } from './state.js';

type Types = readonly RelationType[] | null;

/** Enough for the few type filters clients use; the oldest is dropped beyond it. */
const WALK_GRAPH_CACHE_SIZE = 32;

export function neighborhoodOf(
  state: MemoryState,
  centreId: string,
  { depth, types }: NeighborhoodQuery,
): SubgraphResult | null {
  const { graph } = state;
  if (!graph.hasNode(centreId)) return null;
  const hops = hopsWithin(walkGraphFor(state, types, false), centreId, depth, 'outbound');
  // The centre is the only node at 0 hops, so this puts it first.
  const nodeIds = [...hops]
    .sort(([a, hopsA], [b, hopsB]) => hopsA - hopsB || compareText(a, b))
    .map(([id]) => id);
  return {
    nodes: nodeIds.map((id) => graph.getNodeAttributes(id)),
    edges: relationsAmong(graph, new Set(nodeIds), types),
  };
}

/**
 * The canonical shortest path: of all shortest paths, the one whose node ids, then edge ids,
 * come first in code-point order. Hops to the target are known for every node within reach (a
 * BFS from the target walking steps backwards), so a greedy walk from the start that always
 * takes the smallest neighbour one hop closer, over the smallest relation joining them, yields
 * that path: every such neighbour still leads to the target in the hops left.
 */
export function canonicalShortestPath(
  state: MemoryState,
  fromId: string,
  toId: string,
  { maxHops, types, directed }: PathQuery,
): PathResult | null {
  const { graph } = state;
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return null;
  const walk = walkGraphFor(state, types, directed);
  const hopsToTarget = hopsWithin(walk, toId, maxHops, 'inbound');
  const length = hopsToTarget.get(fromId);
  if (length === undefined) return null;

  const nodeIds = [fromId];
  const edges: RelationRecord[] = [];
  let current = fromId;
  for (let left = length; left > 0; left--) {
    const next = smallestNeighbourAt(walk, current, hopsToTarget, left - 1);
    edges.push(smallestRelationWalkable(graph, current, next, types, directed));
    nodeIds.push(next);
    current = next;
  }
  return { nodes: nodeIds.map((id) => graph.getNodeAttributes(id)), edges };
}

/** Every relation of the allowed types with both ends among the nodes (the induced subgraph), by id. */
function relationsAmong(graph: KnowledgeGraph, nodeIds: ReadonlySet<string>, types: Types): RelationRecord[] {
  const relations: RelationRecord[] = [];
  for (const id of nodeIds) {
    // Out-edges only, so each relation is met once, from its start.
    graph.forEachOutEdge(id, (_relationId, relation, _from, to) => {
      if (nodeIds.has(to) && typeIsAllowed(types, relation.type)) relations.push(relation);
    });
  }
  return relations.sort(compareById);
}

/**
 * Hops from `start` to each node within `maxHops`, stepping along walk edges ('outbound') or
 * against them ('inbound', i.e. hops from each node to `start`).
 */
function hopsWithin(
  walk: WalkGraph,
  start: string,
  maxHops: number,
  mode: 'outbound' | 'inbound',
): Map<string, number> {
  const hops = new Map<string, number>();
  bfsFromNode(
    walk,
    start,
    (node, _attributes, depth) => {
      hops.set(node, depth);
      return depth >= maxHops; // true: go no further from this node
    },
    { mode },
  );
  return hops;
}

function smallestNeighbourAt(
  walk: WalkGraph,
  node: string,
  hopsToTarget: ReadonlyMap<string, number>,
  wanted: number,
): string {
  let best: string | null = null;
  for (const neighbour of walk.outNeighbors(node)) {
    if (hopsToTarget.get(neighbour) === wanted && (best === null || compareText(neighbour, best) < 0)) {
      best = neighbour;
    }
  }
  if (best === null) throw new Error(`No step from "${node}" towards the target; the hop counts are inconsistent.`);
  return best;
}

function smallestRelationWalkable(
  graph: KnowledgeGraph,
  from: string,
  to: string,
  types: Types,
  directed: boolean,
): RelationRecord {
  let best: RelationRecord | null = null;
  for (const relationId of [...graph.outEdges(from, to), ...graph.outEdges(to, from)]) {
    const relation = graph.getEdgeAttributes(relationId);
    if (!canWalk(relation, from, types, directed)) continue;
    if (best === null || compareText(relation.id, best.id) < 0) best = relation;
  }
  if (best === null) throw new Error(`No relation may be walked from "${from}" to "${to}".`);
  return best;
}

/** Undirected walks take any relation either way; directed ones only from its start, unless symmetric. */
function canWalk(relation: RelationRecord, fromId: string, types: Types, directed: boolean): boolean {
  if (!typeIsAllowed(types, relation.type)) return false;
  return !directed || relation.from === fromId || isSymmetric(relation.type);
}

function walkGraphFor(state: MemoryState, types: Types, directed: boolean): WalkGraph {
  const key = `${directed ? 'directed' : 'undirected'}:${types === null ? '*' : [...types].sort().join(',')}`;
  const cached = state.walkGraphs.get(key);
  if (cached) return cached;
  const walk = buildWalkGraph(state.graph, types, directed);
  if (state.walkGraphs.size >= WALK_GRAPH_CACHE_SIZE) {
    const oldest = state.walkGraphs.keys().next();
    if (!oldest.done) state.walkGraphs.delete(oldest.value);
  }
  state.walkGraphs.set(key, walk);
  return walk;
}

function buildWalkGraph(graph: KnowledgeGraph, types: Types, directed: boolean): WalkGraph {
  const walk = new DirectedGraph({ allowSelfLoops: false });
  graph.forEachNode((id) => walk.addNode(id));
  graph.forEachEdge((_relationId, relation) => {
    if (!typeIsAllowed(types, relation.type)) return;
    walk.mergeEdge(relation.from, relation.to);
    if (!directed || isSymmetric(relation.type)) walk.mergeEdge(relation.to, relation.from);
  });
  return walk;
}
