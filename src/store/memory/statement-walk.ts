/**
 * Paths through statements (PathQuery.throughStatements): a second walk graph, with the statements
 * as nodes beside the entities, as the Neo4j graph has them: speaker -SAID→ statement -ABOUT→
 * subject, each link a hop. Nodes are numbered in id order over entities and statements together,
 * so the walks of traversal.ts and paths.ts break ties by id here too; relations keep the
 * adjacency's numbers (in id order) and the links come after them, so a relation is tested by the
 * compiled filter as it is. The graph is built on the first such question and kept with the
 * snapshot, so walks that do not ask for statements never see it.
 */
import type { RelationFilter } from '../graph-store.js';
import type { StatementRecord } from '../../domain/index.js';
import { pathFromWalk, type WalkNode } from '../path-steps.js';
import { compressedRows, isSymmetricRelation, kindBitOf, relationAt, sortedById, type Adjacency, type WalkGraph } from './adjacency.js';
import type { RelationTest } from './relation-filter.js';
import type { MemoryState } from './state.js';
import type { NumberedPath, PreparedWalk } from './traversal.js';

interface StatementWalk extends WalkGraph {
  /** Walk node → the entity or statement, in id order. */
  readonly nodes: readonly WalkNode[];
  /** Walk node → the entity's number in the adjacency; -1 for a statement. */
  readonly entityNode: Int32Array;
  /** Adjacency node → its walk node. */
  readonly walkNode: Int32Array;
  /** Walk relations below this are the adjacency's relations, by the same numbers; the rest are SAID / ABOUT links. */
  readonly relationCount: number;
}

const built = new WeakMap<MemoryState, StatementWalk>();

function statementWalkOf(state: MemoryState): StatementWalk {
  let walk = built.get(state);
  if (walk === undefined) built.set(state, (walk = buildStatementWalk(state.adjacency, state.statements.values())));
  return walk;
}

function buildStatementWalk(adjacency: Adjacency, statements: Iterable<StatementRecord>): StatementWalk {
  type Keyed = { readonly id: string; readonly node: WalkNode; readonly entity: number };
  const keyed: Keyed[] = adjacency.entities.map((entity, n) => ({ id: entity.id, node: { entity }, entity: n }));
  for (const statement of statements) keyed.push({ id: statement.id, node: { statement }, entity: -1 });
  const order = sortedById(keyed);
  const entityNode = Int32Array.from(order, (k) => k.entity);
  const walkNode = new Int32Array(adjacency.entities.length);
  order.forEach((k, w) => {
    if (k.entity !== -1) walkNode[k.entity] = w;
  });

  const R = adjacency.relations.length;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let r = 0; r < R; r++) {
    starts.push(walkNode[adjacency.relFrom[r]!]!);
    ends.push(walkNode[adjacency.relTo[r]!]!);
  }
  order.forEach((k, w) => {
    if (!('statement' in k.node)) return;
    const { speakerId, aboutIds } = k.node.statement;
    const speaker = speakerId === null ? undefined : adjacency.numberOf.get(speakerId);
    if (speaker !== undefined) {
      starts.push(walkNode[speaker]!);
      ends.push(w);
    }
    // A statement about its own speaker joins them once, by SAID.
    for (const aboutId of new Set(aboutIds)) {
      const subject = adjacency.numberOf.get(aboutId);
      if (subject === undefined || aboutId === speakerId) continue;
      starts.push(w);
      ends.push(walkNode[subject]!);
    }
  });
  const offsets = new Int32Array(order.length + 1);
  const relFrom = Int32Array.from(starts);
  const relTo = Int32Array.from(ends);
  const rows = compressedRows(offsets, relFrom, relTo, (r) => r < R && isSymmetricRelation(adjacency, r));
  return { nodes: order.map((k) => k.node), entityNode, walkNode, relationCount: R, offsets, relFrom, relTo, ...rows };
}

/**
 * The prepared walk (traversal.ts) through statements from adjacency node `start` to `target`:
 * relations as `test` says, with the two ends as anchors; a SAID or ABOUT link when its entity end
 * passes the filter's kinds clause or is an end of the path (the filter's other clauses are about
 * relations).
 */
export function walkThroughStatements(
  state: MemoryState,
  start: number,
  target: number,
  filter: RelationFilter,
  test: RelationTest,
): PreparedWalk {
  const walk = statementWalkOf(state);
  const { entityNode, relFrom, relTo, relationCount, nodes } = walk;
  const kindBit = state.adjacency.kindBit;
  const kindMask = filter.kinds == null ? -1 : filter.kinds.reduce((mask, kind) => mask | kindBitOf(kind), 0);
  const linkPasses = (r: number) => {
    if (kindMask === -1) return true;
    const end = entityNode[relFrom[r]!] === -1 ? entityNode[relTo[r]!]! : entityNode[relFrom[r]!]!;
    return end === start || end === target || (kindBit[end]! & kindMask) !== 0;
  };
  return {
    graph: walk,
    start: walk.walkNode[start]!,
    target: walk.walkNode[target]!,
    accepts: (r) => (r < relationCount ? test(r, start, target) : linkPasses(r)),
    result: (path: NumberedPath) =>
      pathFromWalk(
        path.nodes.map((w) => nodes[w]!),
        path.rels.map((r) => (r < relationCount ? relationAt(state.adjacency, r) : null)),
      ),
  };
}
