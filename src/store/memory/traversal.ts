/**
 * Neighbourhoods and shortest paths, as breadth-first searches over the compressed adjacency
 * (adjacency.ts): nodes and relations are numbers in id order, so every "smallest id" is a
 * smallest number and every sort is of integers. Every loop goes through a Pacer, so a walk over a
 * large graph lets other requests run and stops at the request's deadline.
 */
import type { RelationRecord } from '../../domain/index.js';
import type { NeighborhoodQuery, PathQuery, PathResult, SubgraphResult, TooManyNodes } from '../graph-store.js';
import { GrowingInts, relationAt, STEP_ANY, STEP_IN, STEP_OUT, type Adjacency, type WalkGraph } from './adjacency.js';
import { walkThroughStatements } from './statement-walk.js';
import { compileRelationFilter } from './relation-filter.js';
import { Pacer } from '../pacer.js';
import type { MemoryState } from './state.js';
import { MAX_MARKED_HOPS, unmarkedBytes, unreachedHops } from './scratch.js';
import { firstAtOrAfter, gallop, insertSorted } from './ascending.js';

export async function neighborhoodOf(
  state: MemoryState,
  centreId: string,
  { depth, filter, maxNodes, limit, maxItems, maxEdges }: NeighborhoodQuery,
  pacer: Pacer,
): Promise<SubgraphResult | TooManyNodes | null> {
  const adjacency = state.adjacency;
  const centre = adjacency.numberOf.get(centreId);
  if (centre === undefined) return null;
  const test = compileRelationFilter(filter).over(adjacency);
  // The centre is the kinds clause's anchor.
  const accepts = (r: number) => test(r, centre);
  // With a `limit`, never TooManyNodes: the walk stops one node past the limit.
  const tooMany = maxNodes ?? Infinity;

  const reached = unmarkedBytes.borrow(adjacency.entities.length);
  // A walk that answers a subgraph unmarks what it marked: cheaper than clearing every entity's mark.
  let unmarked = false;
  try {
    const fit = limit === undefined ? Infinity : (maxItems ?? Infinity);
    const found = await walkNeighbourhood(adjacency, centre, reached, depth, accepts, tooMany, limit, fit, pacer);
    unmarked = !('tooManyNodes' in found);
    // The caller refuses more edges than maxEdges: no need to hand over thousands of records.
    if (limit !== undefined || maxEdges === undefined || 'tooManyNodes' in found || found.edges.length <= maxEdges) return found;
    return { nodes: found.nodes, edges: found.edges.slice(0, maxEdges + 1), edgesCut: true };
  } finally {
    if (unmarked) unmarkedBytes.giveBackUnmarked(reached);
    else unmarkedBytes.giveBack(reached);
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
  maxItems: number,
  pacer: Pacer,
): Promise<SubgraphResult | TooManyNodes> {
  // Nodes by hops, then id (numbers are in id order).
  reached[centre] = 1;
  const order = [centre];
  if (limit === undefined) {
    const tooManyAt = await wholeLevels(adjacency, order, reached, depth, accepts, tooMany, pacer);
    if (tooManyAt !== null) return { tooManyNodes: true, atLeast: tooManyAt };
  } else {
    await nearestNodes(adjacency, order, reached, depth, accepts, limit + 1, pacer);
  }
  // Only the first `limit` nodes are listed, fewer when the relations among them would not fit
  // `maxItems`, and so only the relations among those.
  const listed = limit === undefined ? order : order.slice(0, limit);
  for (const node of order) reached[node] = 0;
  const { kept, edges } = await relationsAmong(adjacency, listed, reached, accepts, maxItems, pacer);
  for (let i = 0; i < kept; i++) reached[listed[i]!] = 0;
  const truncated = order.length > kept;
  const { entities } = adjacency;
  edges.sort();
  const edgeRecords = new Array<RelationRecord>(edges.length);
  for (let i = 0; i < edges.length; i++) edgeRecords[i] = relationAt(adjacency, edges[i]!);
  return {
    nodes: listed.slice(0, kept).map((n) => entities[n]!),
    edges: edgeRecords,
    ...(limit === undefined ? {} : { truncated }),
  };
}

/**
 * The relations among the first nodes of `nodes` that pass `accepts`, each found once, at its later
 * end in the list: the longest run of nodes, from the first and at most `maxItems` of them, whose
 * relations among themselves number at most `maxItems` (domain/neighbourhood.ts, `nearestThatFit`,
 * says why), and those relations. `marked` comes in clear and goes out marking the run.
 *
 * A node's row (in order of the other end) is read whole when it is short beside the run so far;
 * otherwise it is merged with the run in ascending order, galloping through the row to each
 * earlier node. The run of a neighbourhood with a limit is mostly the smallest numbers a few hubs
 * reach, so the gallops are short and the rest of a long row is never read.
 */
async function relationsAmong(
  { offsets, other, relation }: Adjacency,
  nodes: readonly number[],
  marked: Uint8Array,
  accepts: (r: number) => boolean,
  maxItems: number,
  pacer: Pacer,
): Promise<{ kept: number; edges: Int32Array }> {
  const edges = new GrowingInts(64);
  /** The first nodes of the run in ascending order (brought up to date when a merge needs it). */
  let sorted: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (i >= maxItems) return { kept: i, edges: edges.done() };
    const node = nodes[i]!;
    const before = edges.length;
    const start = offsets[node]!;
    const end = offsets[node + 1]!;
    if (end - start <= mergeCost(i, end - start)) {
      for (let k = start; k < end; k++) {
        if (pacer.due()) await pacer.pause();
        if (marked[other[k]!] !== 0 && accepts(relation[k]!)) edges.push(relation[k]!);
      }
    } else {
      // A few new nodes are put in place; many (after a stretch of rows read whole) sorted anew.
      if (i - sorted.length > 8) sorted = nodes.slice(0, i).sort(ascendingNumbers);
      else for (let j = sorted.length; j < i; j++) insertSorted(sorted, nodes[j]!, ascendingNumbers);
      let k = start;
      for (let j = 0; j < i && k < end; j++) {
        if (pacer.due()) await pacer.pause();
        const earlier = sorted[j]!;
        k = gallop(other, k, end, earlier);
        for (; k < end && other[k] === earlier; k++) if (accepts(relation[k]!)) edges.push(relation[k]!);
      }
    }
    if (edges.length > maxItems) {
      edges.length = before;
      return { kept: i, edges: edges.done() };
    }
    marked[node] = 1;
  }
  return { kept: nodes.length, edges: edges.done() };
}

const ascendingNumbers = (a: number, b: number) => a - b;

/** About what merging a run of `count` nodes with a row of `length` entries reads: a gallop each. */
function mergeCost(count: number, length: number): number {
  return count * (Math.log2(length / Math.max(count, 1) + 1) + 2);
}

/**
 * Every node within `depth` of `order`'s centre, appended to `order` a level at a time, each level
 * sorted; the count at which it passed `tooMany` (a level in progress is checked as nodes are
 * found, so a hub's thousands of neighbours are not all visited first), else null.
 */
async function wholeLevels(
  { offsets, other, relation }: Adjacency,
  order: number[],
  reached: Uint8Array,
  depth: number,
  accepts: (r: number) => boolean,
  tooMany: number,
  pacer: Pacer,
): Promise<number | null> {
  let frontier: ArrayLike<number> & Iterable<number> = order.slice();
  for (let hops = 1; hops <= depth && frontier.length > 0; hops++) {
    const level: number[] = [];
    for (const node of frontier) {
      for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
        if (pacer.due()) await pacer.pause();
        const next = other[k]!;
        if (reached[next] !== 0 || !accepts(relation[k]!)) continue;
        reached[next] = 1;
        level.push(next);
        if (order.length + level.length > tooMany) return order.length + level.length;
      }
    }
    // A typed array sorts numbers natively: a hub's level is tens of thousands of them.
    const sorted = Int32Array.from(level).sort();
    for (const node of sorted) order.push(node);
    frontier = sorted;
  }
  return null;
}

/**
 * The first `wanted` nodes within `depth` of `order`'s centre by hops, then id, appended to
 * `order` (which `wanted` counts, the centre included). Rows are in order of the other end
 * (adjacency.ts), so each level is a merge of its frontier's rows that stops once enough nodes are
 * met: a level of a median node's hub neighbours (tens of thousands) is not read to find its first
 * hundred.
 */
async function nearestNodes(
  { offsets, other, relation }: Adjacency,
  order: number[],
  reached: Uint8Array,
  depth: number,
  accepts: (r: number) => boolean,
  wanted: number,
  pacer: Pacer,
): Promise<void> {
  let frontier = order.slice();
  for (let hops = 1; hops <= depth && frontier.length > 0 && order.length < wanted; hops++) {
    const rows = new RowMerge(offsets, other, frontier);
    const level: number[] = [];
    while (order.length + level.length < wanted) {
      const k = rows.next();
      if (k === -1) break;
      if (pacer.due()) await pacer.pause();
      const next = other[k]!;
      if (reached[next] !== 0 || !accepts(relation[k]!)) continue;
      reached[next] = 1;
      level.push(next);
    }
    for (const node of level) order.push(node);
    frontier = level;
  }
}

/**
 * The entries of several rows in ascending order of their other end: a binary heap of one cursor
 * per row, keyed by the other end its cursor is at.
 */
class RowMerge {
  private readonly cursor: Int32Array;
  private readonly end: Int32Array;
  /** Row places, a min-heap by other[cursor[place]]. */
  private readonly heap: Int32Array;
  private size = 0;

  constructor(
    offsets: Int32Array,
    private readonly other: Int32Array,
    nodes: readonly number[],
  ) {
    this.cursor = new Int32Array(nodes.length);
    this.end = new Int32Array(nodes.length);
    this.heap = new Int32Array(nodes.length);
    nodes.forEach((node, i) => {
      this.cursor[i] = offsets[node]!;
      this.end[i] = offsets[node + 1]!;
      if (this.cursor[i]! < this.end[i]!) this.heap[this.size++] = i;
    });
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The entry with the smallest other end not yet taken, or -1 when every row is read. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    const k = this.cursor[top]!++;
    if (this.cursor[top] === this.end[top]) this.heap[0] = this.heap[--this.size]!;
    this.siftDown(0);
    return k;
  }

  private key(place: number): number {
    return this.other[this.cursor[place]!]!;
  }

  private siftDown(i: number): void {
    const { heap, size } = this;
    const place = heap[i]!;
    const key = this.key(place);
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.key(heap[child + 1]!) < this.key(heap[child]!)) child++;
      if (this.key(heap[child]!) >= key) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = place;
  }
}

/**
 * The canonical shortest path: of all shortest paths, the one whose node ids, then edge ids,
 * come first in code-point order.
 *
 * 1. A bidirectional breadth-first search finds the length L: a level at a time, it grows
 *    whichever side's frontier has fewer row entries to read (from the start stepping along
 *    relations, from the target stepping against them) until a node reached by one side has been reached by the other.
 *    With both sides grown by whole levels, ks from the start and kt from the target, the first
 *    meeting happens exactly at L = ks + kt (no node is within ks - 1 of the start and kt of the
 *    target, or they would have met a level earlier), so every meeting node is at ks from the
 *    start and kt from the target.
 * 2. The nodes on shortest paths are then marked by their position on them (0 at the start, L at
 *    the target), outwards from the meeting nodes at position ks: back towards the start, a node at
 *    position i - 1 is one the start's search reached at i - 1 hops with a step into a marked node at
 *    position i; on towards the target, a node at position i + 1 is one the target's search reached
 *    at L - i - 1 hops with a step from a marked node at position i. Each step reads the rows of
 *    the marked layer or those of the other side's level, whichever are fewer entries. (Every node on a shortest path
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
  return { nodes: nodes.map((n) => adjacency.entities[n]!), edges: rels.map((r) => relationAt(adjacency, r)) };
}

/**
 * The canonical shortest path (see above) over the relations `accepts` lets through, passing
 * through none of the nodes `avoided` (Yen's roots, paths.ts).
 */
export async function shortestPathNumbers(
  adjacency: WalkGraph,
  start: number,
  target: number,
  maxHops: number,
  accepts: (r: number) => boolean,
  directed: boolean,
  pacer: Pacer,
  avoided: readonly number[] = [],
): Promise<NumberedPath | null> {
  if (start === target) return { nodes: [start], rels: [] };
  if (maxHops > MAX_MARKED_HOPS) throw new RangeError(`A path search goes at most ${MAX_MARKED_HOPS} hops, not ${maxHops}.`);
  const n = adjacency.offsets.length - 1;
  // Hops from the start, and to the target, for the nodes each side reached, and positions on
  // shortest paths (-1: not reached, on none).
  const marks: PathMarks = { fromStart: unreachedHops.borrow(n), toTarget: unreachedHops.borrow(n), position: unreachedHops.borrow(n) };
  // An avoided node counts as reached by both searches, so neither ever steps into it; cheaper than
  // a test of both ends of every relation a search reads.
  for (const node of avoided) marks.fromStart[node] = marks.toTarget[node] = AVOIDED;
  let unmarked = false;
  try {
    const found = await canonicalPathOver({ adjacency, start, target, maxHops, accepts, directed, pacer }, marks);
    for (const node of avoided) marks.fromStart[node] = marks.toTarget[node] = -1;
    unmarked = true;
    return found;
  } finally {
    // A search that ran to its end unmarked what it marked (Yen's spur searches are many, and most
    // reach a few hundred nodes of 100k); one cut short is cleared whole.
    if (unmarked) unreachedHops.giveBackUnmarked(marks.fromStart, marks.toTarget, marks.position);
    else unreachedHops.giveBack(marks.fromStart, marks.toTarget, marks.position);
  }
}

/** Puts -1 back at the nodes of `lists` in `marks`. */
function unmark(marks: Int8Array, lists: readonly (readonly number[] | undefined)[]): void {
  for (const list of lists) if (list !== undefined) for (const node of list) marks[node] = -1;
}

/** What a path search's hop counts hold for a node it must not pass through. */
const AVOIDED = -2;
/** What `position` holds, during one marking step, for a node that may be marked in it. */
const CANDIDATE = -2;

/** The arrays a path search marks nodes in, one entry per node, -1 when unmarked. */
interface PathMarks {
  readonly fromStart: Int8Array;
  readonly toTarget: Int8Array;
  readonly position: Int8Array;
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

  // 1. The two searches, a level at a time; each side's levels kept (levels[h]: the nodes at h hops).
  fromStart[start] = 0;
  toTarget[target] = 0;
  const startLevels: number[][] = [[start]];
  const targetLevels: number[][] = [[target]];
  let ks = 0;
  let kt = 0;
  /** The nodes where the searches met, all at ks from the start and kt from the target. */
  const meeting: number[] = [];
  let met = false;
  while (!met && ks + kt < maxHops && startLevels[ks]!.length > 0 && targetLevels[kt]!.length > 0) {
    // The side whose next level costs less to find: fewer entries in its frontier's rows (a hub
    // in a frontier of one is tens of thousands of them).
    const startEntries = entriesIn(adjacency, startLevels[ks]!);
    const targetEntries = entriesIn(adjacency, targetLevels[kt]!);
    const growStart = startEntries <= targetEntries;
    // Frontiers of a few nodes with long rows (hubs): whether they are a step apart is cheaper to
    // find by looking each pair up in the rows than by reading either side's rows. If they are,
    // the target's frontier nodes a step from the start's are the meeting nodes, one hop further
    // from the start, as growing the start's side would have found them.
    const pairs = startLevels[ks]!.length * targetLevels[kt]!.length;
    if (pairs * PAIR_LOOKUP_COST < Math.min(startEntries, targetEntries)) {
      const joined = await frontierNodesJoinedTo(adjacency, targetLevels[kt]!, startLevels[ks]!, forward, accepts, pacer);
      if (joined.length > 0) {
        ks++;
        for (const node of joined) fromStart[node] = ks;
        startLevels.push(joined);
        meeting.push(...joined);
        met = true;
        break;
      }
    }
    const [mine, theirs, levels, hops, step] = growStart
      ? [fromStart, toTarget, startLevels, ++ks, forward]
      : [toTarget, fromStart, targetLevels, ++kt, backward];
    levels.push(await expandLevel(adjacency, levels[hops - 1]!, mine, theirs, hops, step, accepts, pacer, meeting));
    met = meeting.length > 0;
  }
  if (!met) {
    unmark(fromStart, startLevels);
    unmark(toTarget, targetLevels);
    return null;
  }
  const length = ks + kt;

  // 2. Positions on shortest paths: layers[i], the nodes at position i.
  const layers: number[][] = new Array<number[]>(length + 1);
  layers[ks] = meeting;
  for (const node of meeting) position[node] = ks;
  for (let i = ks; i > 0; i--) {
    layers[i - 1] = await markLayer(adjacency, layers[i]!, i, startLevels[i - 1]!, position, i - 1, backward, accepts, pacer);
  }
  for (let i = ks; i < length; i++) {
    layers[i + 1] = await markLayer(adjacency, layers[i]!, i, targetLevels[length - i - 1]!, position, i + 1, forward, accepts, pacer);
  }

  // 3. The greedy walk.
  const nodes: number[] = [start];
  const rels: number[] = [];
  let current = start;
  for (let i = 0; i < length; i++) {
    const [bestNode, bestRelation] = smallestStep(adjacency, current, layers[i + 1]!, position, i + 1, forward, accepts);
    if (bestNode === -1) throw new Error(`No step from node ${current} towards the target; the positions are inconsistent.`);
    nodes.push(bestNode);
    rels.push(bestRelation);
    current = bestNode;
  }
  // Every mark made is in a level or a layer (markLayer takes back its scratch marks itself).
  unmark(fromStart, startLevels);
  unmark(toTarget, targetLevels);
  unmark(position, layers);
  return { nodes, rels };
}

/** What looking one pair of nodes up in a row costs, in row entries read: about a binary search's steps. */
const PAIR_LOOKUP_COST = 16;

/**
 * The nodes of `targets` (once each, in their order) joined to some node of `sources` by a
 * relation `accepts` passes, taken from the source's side as `step` says. Each pair is looked up in
 * the shorter of the two rows (rows are in order of the other end).
 */
async function frontierNodesJoinedTo(
  { offsets, other, relation, flags }: WalkGraph,
  targets: readonly number[],
  sources: readonly number[],
  step: number,
  accepts: (r: number) => boolean,
  pacer: Pacer,
): Promise<number[]> {
  const back = reversed(step);
  const joined: number[] = [];
  for (const b of targets) {
    const bStart = offsets[b]!;
    const bEnd = offsets[b + 1]!;
    search: for (const a of sources) {
      if (pacer.due()) await pacer.pause();
      const aStart = offsets[a]!;
      const aEnd = offsets[a + 1]!;
      // In a's row the entries for b, taken as `step`; in b's row those for a, taken the other way.
      const [from, end, wanted, flag] = aEnd - aStart <= bEnd - bStart ? [aStart, aEnd, b, step] : [bStart, bEnd, a, back];
      for (let k = firstAtOrAfter(other, from, end, wanted); k < end && other[k] === wanted; k++) {
        if ((flags[k]! & flag) !== 0 && accepts(relation[k]!)) {
          joined.push(b);
          break search;
        }
      }
    }
  }
  return joined;
}

/** How many row entries the nodes have: what reading their rows costs. */
function entriesIn({ offsets }: WalkGraph, nodes: readonly number[]): number {
  let entries = 0;
  for (const node of nodes) entries += offsets[node + 1]! - offsets[node]!;
  return entries;
}

/** The step a walk taking `step` entries would take the other way round. */
function reversed(step: number): number {
  return ((step & STEP_OUT) !== 0 ? STEP_IN : 0) | ((step & STEP_IN) !== 0 ? STEP_OUT : 0);
}

/**
 * One level of a breadth-first search: the nodes first reached from `frontier`, marked at `hops`.
 * A node the other side's search reached (`theirs`) is where they meet: it goes to `meeting` too,
 * and once there is one, this is the last level, so the level keeps only meeting nodes from then
 * on (the rest of a last level is never read, and it is most of the work: levels grow by the
 * degree at each hop).
 */
async function expandLevel(
  { offsets, other, relation, flags }: WalkGraph,
  frontier: readonly number[],
  hopsOf: Int8Array,
  theirs: Int8Array,
  hops: number,
  step: number,
  accepts: (r: number) => boolean,
  pacer: Pacer,
  meeting: number[],
): Promise<number[]> {
  const level: number[] = [];
  for (const node of frontier) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      // Most entries of a dense level lead back to nodes reached already: that test first, the filter's after.
      const next = other[k]!;
      if (hopsOf[next] !== -1 || (flags[k]! & step) === 0) continue;
      const meets = theirs[next]! >= 0;
      if ((meeting.length > 0 && !meets) || !accepts(relation[k]!)) continue;
      hopsOf[next] = hops;
      level.push(next);
      if (meets) meeting.push(next);
    }
  }
  return level;
}

/**
 * The nodes of `candidates` a step away from `layer` (the nodes at position `at`), taking entries
 * flagged `step` from the layer's side, marked at `marking` in `position`. Whichever side has fewer row entries is read: the layer's rows looking
 * for candidates, or the candidates' rows looking for the layer (a meeting layer of one hub and a
 * handful of candidates is a few short rows, not the hub's).
 */
async function markLayer(
  graph: WalkGraph,
  layer: readonly number[],
  at: number,
  candidates: readonly number[],
  position: Int8Array,
  marking: number,
  step: number,
  accepts: (r: number) => boolean,
  pacer: Pacer,
): Promise<number[]> {
  const { offsets, other, relation, flags } = graph;
  const marked: number[] = [];
  if (entriesIn(graph, layer) <= entriesIn(graph, candidates)) {
    // Candidates are told apart by a scratch mark in `position` until the pass is done.
    for (const node of candidates) if (position[node] === -1) position[node] = CANDIDATE;
    for (const node of layer) {
      for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
        if (pacer.due()) await pacer.pause();
        const next = other[k]!;
        if (position[next] !== CANDIDATE || (flags[k]! & step) === 0 || !accepts(relation[k]!)) continue;
        position[next] = marking;
        marked.push(next);
      }
    }
    for (const node of candidates) if (position[node] === CANDIDATE) position[node] = -1;
    return marked;
  }
  const back = reversed(step);
  for (const node of candidates) {
    if (position[node] !== -1) continue;
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      if (position[other[k]!] !== at || (flags[k]! & back) === 0 || !accepts(relation[k]!)) continue;
      position[node] = marking;
      marked.push(node);
      break;
    }
  }
  return marked;
}

/**
 * The smallest node of `layer` (all at position `at`) one step from `current` taking entries
 * flagged `step`, and the smallest relation joining them; [-1, -1] when none. Reads `current`'s
 * row, or, when it is a hub's and the layer is small, looks each node of the layer up in it (rows
 * are in order of the other end, then relation).
 */
function smallestStep(
  { offsets, other, relation, flags }: WalkGraph,
  current: number,
  layer: readonly number[],
  position: Int8Array,
  at: number,
  step: number,
  accepts: (r: number) => boolean,
): [number, number] {
  const start = offsets[current]!;
  const end = offsets[current + 1]!;
  if (end - start > 32 * layer.length) {
    for (const next of Int32Array.from(layer).sort()) {
      for (let k = firstAtOrAfter(other, start, end, next); k < end && other[k] === next; k++) {
        if ((flags[k]! & step) !== 0 && accepts(relation[k]!)) return [next, relation[k]!];
      }
    }
    return [-1, -1];
  }
  let bestNode = -1;
  let bestRelation = -1;
  for (let k = start; k < end; k++) {
    const next = other[k]!;
    if (position[next] !== at || (flags[k]! & step) === 0 || !accepts(relation[k]!)) continue;
    if (bestNode === -1 || next < bestNode || (next === bestNode && relation[k]! < bestRelation)) {
      bestNode = next;
      bestRelation = relation[k]!;
    }
  }
  return [bestNode, bestRelation];
}
