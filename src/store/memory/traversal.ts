/**
 * Neighbourhoods and shortest paths. Both walk a "walk graph": a simple directed graph with an
 * edge u → v wherever an allowed relation may be walked from u to v, and a breadth-first search on
 * it with a depth cutoff keeps from exploring past the hops asked for. Both loops go through a
 * Pacer, so a walk over a large graph lets other requests run and stops at the request's deadline.
 */
import { DirectedGraph } from 'graphology';
import { compareText, isSymmetric, type RelationRecord, type RelationType } from '../../domain/index.js';
import type { NeighborhoodQuery, PathQuery, PathResult, SubgraphResult } from '../graph-store.js';
import { compareById } from './ordering.js';
import { typeIsAllowed } from './relations.js';
import { Pacer } from './pacer.js';
import type { KnowledgeGraph, MemoryState, WalkGraph } from './state.js';

type Types = readonly RelationType[] | null;

/** Enough for the few type filters clients use; the oldest is dropped beyond it. */
const WALK_GRAPH_CACHE_SIZE = 32;

export async function neighborhoodOf(
  state: MemoryState,
  centreId: string,
  { depth, types }: NeighborhoodQuery,
  pacer: Pacer,
): Promise<SubgraphResult | null> {
  const { graph } = state;
  if (!graph.hasNode(centreId)) return null;
  const hops = await hopsWithin(await walkGraphFor(state, types, false, pacer), centreId, depth, 'outbound', pacer);
  // The centre is the only node at 0 hops, so this puts it first.
  const nodeIds = [...hops]
    .sort(([a, hopsA], [b, hopsB]) => hopsA - hopsB || compareText(a, b))
    .map(([id]) => id);
  return {
    nodes: nodeIds.map((id) => graph.getNodeAttributes(id)),
    edges: await relationsAmong(graph, new Set(nodeIds), types, pacer),
  };
}

/**
 * The canonical shortest path: of all shortest paths, the one whose node ids, then edge ids,
 * come first in code-point order. Hops to the target are known for every node within reach (a
 * BFS from the target walking steps backwards), so a greedy walk from the start that always
 * takes the smallest neighbour one hop closer, over the smallest relation joining them, yields
 * that path: every such neighbour still leads to the target in the hops left.
 */
export async function canonicalShortestPath(
  state: MemoryState,
  fromId: string,
  toId: string,
  { maxHops, types, directed }: PathQuery,
  pacer: Pacer,
): Promise<PathResult | null> {
  const { graph } = state;
  if (!graph.hasNode(fromId) || !graph.hasNode(toId)) return null;
  const walk = await walkGraphFor(state, types, directed, pacer);
  const hopsToTarget = await hopsWithin(walk, toId, maxHops, 'inbound', pacer);
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
async function relationsAmong(
  graph: KnowledgeGraph,
  nodeIds: ReadonlySet<string>,
  types: Types,
  pacer: Pacer,
): Promise<RelationRecord[]> {
  const relations: RelationRecord[] = [];
  for (const id of nodeIds) {
    // Out-edges only, so each relation is met once, from its start.
    graph.forEachOutEdge(id, (_relationId, relation, _from, to) => {
      if (nodeIds.has(to) && typeIsAllowed(types, relation.type)) relations.push(relation);
    });
    if (pacer.due()) await pacer.pause();
  }
  return relations.sort(compareById);
}

/**
 * Hops from `start` to each node within `maxHops`, stepping along walk edges ('outbound') or
 * against them ('inbound', i.e. hops from each node to `start`): a breadth-first search, a level
 * at a time.
 */
async function hopsWithin(
  walk: WalkGraph,
  start: string,
  maxHops: number,
  mode: 'outbound' | 'inbound',
  pacer: Pacer,
): Promise<Map<string, number>> {
  const hops = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      const neighbours = mode === 'outbound' ? walk.outNeighbors(node) : walk.inNeighbors(node);
      for (const neighbour of neighbours) {
        if (pacer.due()) await pacer.pause();
        if (hops.has(neighbour)) continue;
        hops.set(neighbour, depth);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
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

async function walkGraphFor(state: MemoryState, types: Types, directed: boolean, pacer: Pacer): Promise<WalkGraph> {
  const key = `${directed ? 'directed' : 'undirected'}:${types === null ? '*' : [...types].sort().join(',')}`;
  const cached = state.walkGraphs.get(key);
  if (cached) return cached;
  // Cached only once whole: a build stopped by the deadline leaves nothing behind.
  const walk = await buildWalkGraph(state.graph, types, directed, pacer);
  if (state.walkGraphs.size >= WALK_GRAPH_CACHE_SIZE) {
    const oldest = state.walkGraphs.keys().next();
    if (!oldest.done) state.walkGraphs.delete(oldest.value);
  }
  state.walkGraphs.set(key, walk);
  return walk;
}

async function buildWalkGraph(graph: KnowledgeGraph, types: Types, directed: boolean, pacer: Pacer): Promise<WalkGraph> {
  const walk = new DirectedGraph({ allowSelfLoops: false });
  for (const id of graph.nodes()) {
    walk.addNode(id);
    if (pacer.due()) await pacer.pause();
  }
  for (const { attributes: relation } of graph.edgeEntries()) {
    if (typeIsAllowed(types, relation.type)) {
      walk.mergeEdge(relation.from, relation.to);
      if (!directed || isSymmetric(relation.type)) walk.mergeEdge(relation.to, relation.from);
    }
    if (pacer.due()) await pacer.pause();
  }
  return walk;
}
