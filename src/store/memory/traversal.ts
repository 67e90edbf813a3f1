/**
 * Neighbourhoods and shortest paths, as breadth-first searches over the compressed adjacency
 * (adjacency.ts): nodes and relations are numbers in id order, so every "smallest id" is a
 * smallest number and every sort is of integers. Every loop goes through a Pacer, so a walk over a
 * large graph lets other requests run and stops at the request's deadline.
 */
import type { NeighborhoodQuery, PathQuery, PathResult, SubgraphResult, TooManyNodes } from '../graph-store.js';
import { IS_START, STEP_ANY, STEP_IN, STEP_OUT, type Adjacency, type WalkGraph } from './adjacency.js';
import { walkThroughStatements } from './statement-walk.js';
import { compileRelationFilter } from './relation-filter.js';
import { Pacer } from './pacer.js';
import type { MemoryState } from './state.js';
import { unmarkedBytes, unreachedInts } from './scratch.js';

export async function neighborhoodOf(
  state: MemoryState,
  centreId: string,
  { depth, filter, maxNodes, limit }: NeighborhoodQuery,
  pacer: Pacer,
): Promise<SubgraphResult | TooManyNodes | null> {
  const adjacency = state.adjacency;
  const centre = adjacency.numberOf.get(centreId);
  if (centre === undefined) return null;
  const test = compileRelationFilter(filter).over(adjacency);
  // The centre is the kinds clause's anchor.
  const accepts = (r: number) => test(r, centre);
  // With a `limit`, never TooManyNodes: the walk stops once a whole level takes it past the limit.
  const tooMany = limit === undefined ? (maxNodes ?? Infinity) : Infinity;

  const reached = unmarkedBytes.borrow(adjacency.entities.length);
  try {
    return await walkNeighbourhood(adjacency, centre, reached, depth, accepts, tooMany, limit, pacer);
  } finally {
    unmarkedBytes.giveBack(reached);
  }
}

async function walkNeighbourhood(
  adjacency: Adjacency,
  centre: number,
  reached: Uint8Array,
  depth: number,
  accepts: (r: number) => boolean,
  tooMany: number,
  limit: number | undefined,
  pacer: Pacer,
): Promise<SubgraphResult | TooManyNodes> {
  const { offsets, other, relation, flags } = adjacency;
  // With `maxNodes`, it stops once a level in progress takes the count past it.
  // Nodes by hops, then id: each level is sorted as it is completed (numbers are in id order).
  reached[centre] = 1;
  const order: number[] = [centre];
  let frontier: ArrayLike<number> & Iterable<number> = [centre];
  for (let hops = 1; hops <= depth && frontier.length > 0; hops++) {
    const level: number[] = [];
    for (const node of frontier) {
      for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
        if (pacer.due()) await pacer.pause();
        if (!accepts(relation[k]!)) continue;
        const next = other[k]!;
        if (reached[next] !== 0) continue;
        reached[next] = 1;
        level.push(next);
        // Checked as nodes are found, so a hub's thousands of neighbours are not all visited first.
        if (order.length + level.length > tooMany) return { tooManyNodes: true, atLeast: order.length + level.length };
      }
    }
    // A typed array sorts numbers natively: a hub's level is tens of thousands of them.
    const sorted = Int32Array.from(level).sort();
    for (const node of sorted) order.push(node);
    frontier = sorted;
    if (limit !== undefined && order.length > limit) break;
  }
  const truncated = limit !== undefined && order.length > limit;
  if (truncated) {
    // Only the first `limit` nodes are listed, and so only the relations among them.
    for (const node of order.splice(limit)) reached[node] = 0;
  }

  // The induced relations that pass the filter, each met once (from its start), by id.
  const edges: number[] = [];
  for (const node of order) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      if ((flags[k]! & IS_START) !== 0 && reached[other[k]!] !== 0 && accepts(relation[k]!)) {
        edges.push(relation[k]!);
      }
    }
  }
  return {
    nodes: order.map((n) => adjacency.entities[n]!),
    edges: Array.from(Int32Array.from(edges).sort(), (r) => adjacency.relations[r]!),
    ...(limit === undefined ? {} : { truncated }),
  };
}

/**
 * The canonical shortest path: of all shortest paths, the one whose node ids, then edge ids,
 * come first in code-point order.
 *
 * 1. A bidirectional breadth-first search finds the length L: a level at a time, it grows
 *    whichever side has the smaller frontier (from the start stepping along relations, from the
 *    target stepping against them) until a node reached by one side has been reached by the other.
 *    With both sides grown by whole levels, ks from the start and kt from the target, the first
 *    meeting happens exactly at L = ks + kt (no node is within ks - 1 of the start and kt of the
 *    target, or they would have met a level earlier), so every meeting node is at ks from the
 *    start and kt from the target.
 * 2. The nodes on shortest paths are then marked by their position on them (0 at the start, L at
 *    the target), outwards from the meeting nodes at position ks: back towards the start, a node at
 *    position i - 1 is one the start's search reached at i - 1 hops with a step into a marked node at
 *    position i; on towards the target, a node at position i + 1 is one the target's search reached
 *    at L - i - 1 hops with a step from a marked node at position i. (Every node on a shortest path
 *    is within ks of the start or within kt of the target, since ks + kt = L, so one side knows it.)
 * 3. A greedy walk from the start always takes the smallest node marked one position further, over
 *    the smallest relation joining them: every marked node still leads to the target in the hops
 *    left, so this is the path whose node ids, then edge ids, come first.
 */
export async function canonicalShortestPath(
  state: MemoryState,
  fromId: string,
  toId: string,
  query: PathQuery,
  pacer: Pacer,
): Promise<PathResult | null> {
  const walk = preparedWalk(state, fromId, toId, query);
  if (walk === null) return null;
  const found = await shortestPathNumbers(walk.graph, walk.start, walk.target, query.maxHops, walk.accepts, query.directed, pacer);
  return found === null ? null : walk.result(found);
}

/** A path as node numbers and relation numbers (one fewer), from start to target. */
export interface NumberedPath {
  readonly nodes: readonly number[];
  readonly rels: readonly number[];
}

/** What a path search walks: the graph, its two ends, the relations it may take, and how to read a path found. */
export interface PreparedWalk {
  readonly graph: WalkGraph;
  readonly start: number;
  readonly target: number;
  /** The filter, with the question's two ends as the kinds clause's anchors. */
  readonly accepts: (r: number) => boolean;
  readonly result: (path: NumberedPath) => PathResult;
}

/**
 * The walk a path query takes: the adjacency, or, through statements, the walk graph that has
 * the statements as nodes too (statement-walk.ts); null when an end is unknown.
 */
export function preparedWalk(state: MemoryState, fromId: string, toId: string, query: PathQuery): PreparedWalk | null {
  const adjacency = state.adjacency;
  const start = adjacency.numberOf.get(fromId);
  const target = adjacency.numberOf.get(toId);
  if (start === undefined || target === undefined) return null;
  const test = compileRelationFilter(query.filter).over(adjacency);
  if (query.throughStatements === true) return walkThroughStatements(state, start, target, query.filter, test);
  return {
    graph: adjacency,
    start,
    target,
    accepts: (r) => test(r, start, target),
    result: (path) => pathRecords(adjacency, path),
  };
}

export function pathRecords(adjacency: Adjacency, { nodes, rels }: NumberedPath): PathResult {
  return { nodes: nodes.map((n) => adjacency.entities[n]!), edges: rels.map((r) => adjacency.relations[r]!) };
}

/** The canonical shortest path (see above) over the relations `accepts` lets through. */
export async function shortestPathNumbers(
  adjacency: WalkGraph,
  start: number,
  target: number,
  maxHops: number,
  accepts: (r: number) => boolean,
  directed: boolean,
  pacer: Pacer,
): Promise<NumberedPath | null> {
  if (start === target) return { nodes: [start], rels: [] };
  const n = adjacency.offsets.length - 1;
  // Hops from the start, and to the target, for the nodes each side reached, and positions on
  // shortest paths (-1: not reached, on none).
  const marks: PathMarks = { fromStart: unreachedInts.borrow(n), toTarget: unreachedInts.borrow(n), position: unreachedInts.borrow(n) };
  try {
    return await canonicalPathOver({ adjacency, start, target, maxHops, accepts, directed, pacer }, marks);
  } finally {
    unreachedInts.giveBack(marks.fromStart, marks.toTarget, marks.position);
  }
}

/** The arrays a path search marks nodes in, one entry per node, -1 when unmarked. */
interface PathMarks {
  readonly fromStart: Int32Array;
  readonly toTarget: Int32Array;
  readonly position: Int32Array;
}

interface PathSearch {
  readonly adjacency: WalkGraph;
  readonly start: number;
  readonly target: number;
  readonly maxHops: number;
  readonly accepts: (r: number) => boolean;
  readonly directed: boolean;
  readonly pacer: Pacer;
}

async function canonicalPathOver(
  { adjacency, start, target, maxHops, accepts, directed, pacer }: PathSearch,
  { fromStart, toTarget, position }: PathMarks,
): Promise<NumberedPath | null> {
  const forward = directed ? STEP_OUT : STEP_ANY;
  const backward = directed ? STEP_IN : STEP_ANY;

  // 1. The two searches, a level at a time.
  fromStart[start] = 0;
  toTarget[target] = 0;
  let startFrontier = [start];
  let targetFrontier = [target];
  let ks = 0;
  let kt = 0;
  let met = false;
  while (!met && ks + kt < maxHops && startFrontier.length > 0 && targetFrontier.length > 0) {
    const growStart = startFrontier.length <= targetFrontier.length;
    const hops = growStart ? ++ks : ++kt;
    const [mine, theirs, frontier, step] = growStart
      ? [fromStart, toTarget, startFrontier, forward]
      : [toTarget, fromStart, targetFrontier, backward];
    const level = await expandLevel(adjacency, frontier, mine, hops, step, accepts, pacer);
    for (const node of level) if (theirs[node] !== -1) met = true;
    if (growStart) startFrontier = level;
    else targetFrontier = level;
  }
  if (!met) return null;
  const length = ks + kt;

  // 2. Positions on shortest paths.
  let layer: number[] = [];
  for (const node of ks === 0 ? [start] : startFrontier) {
    if (fromStart[node] === ks && toTarget[node] === kt) {
      position[node] = ks;
      layer.push(node);
    }
  }
  const meeting = layer;
  for (let i = ks; i > 0; i--) layer = await markLayer(adjacency, layer, fromStart, i - 1, position, i - 1, backward, accepts, pacer);
  layer = meeting;
  for (let i = ks; i < length; i++) layer = await markLayer(adjacency, layer, toTarget, length - i - 1, position, i + 1, forward, accepts, pacer);

  // 3. The greedy walk.
  const nodes: number[] = [start];
  const rels: number[] = [];
  const { offsets, other, relation, flags } = adjacency;
  let current = start;
  for (let i = 0; i < length; i++) {
    let bestNode = -1;
    let bestRelation = -1;
    for (let k = offsets[current]!, end = offsets[current + 1]!; k < end; k++) {
      const next = other[k]!;
      if (position[next] !== i + 1 || (flags[k]! & forward) === 0 || !accepts(relation[k]!)) continue;
      if (bestNode === -1 || next < bestNode || (next === bestNode && relation[k]! < bestRelation)) {
        bestNode = next;
        bestRelation = relation[k]!;
      }
    }
    if (bestNode === -1) throw new Error(`No step from node ${current} towards the target; the positions are inconsistent.`);
    nodes.push(bestNode);
    rels.push(bestRelation);
    current = bestNode;
  }
  return { nodes, rels };
}

/** One level of a breadth-first search: the nodes first reached from `frontier`, marked at `hops`. */
async function expandLevel(
  { offsets, other, relation, flags }: WalkGraph,
  frontier: readonly number[],
  hopsOf: Int32Array,
  hops: number,
  step: number,
  accepts: (r: number) => boolean,
  pacer: Pacer,
): Promise<number[]> {
  const level: number[] = [];
  for (const node of frontier) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      if ((flags[k]! & step) === 0 || !accepts(relation[k]!)) continue;
      const next = other[k]!;
      if (hopsOf[next] !== -1) continue;
      hopsOf[next] = hops;
      level.push(next);
    }
  }
  return level;
}

/**
 * The nodes a step away from `layer` (taking entries flagged `step`) that `hopsOf` has at `hops`,
 * marked at `at` in `position`.
 */
async function markLayer(
  { offsets, other, relation, flags }: WalkGraph,
  layer: readonly number[],
  hopsOf: Int32Array,
  hops: number,
  position: Int32Array,
  at: number,
  step: number,
  accepts: (r: number) => boolean,
  pacer: Pacer,
): Promise<number[]> {
  const marked: number[] = [];
  for (const node of layer) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      const next = other[k]!;
      if (hopsOf[next] !== hops || position[next] !== -1) continue;
      if ((flags[k]! & step) === 0 || !accepts(relation[k]!)) continue;
      position[next] = at;
      marked.push(next);
    }
  }
  return marked;
}
