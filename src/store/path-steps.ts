/**
 * A walk through statements (PathQuery.throughStatements) as the port's PathResult: both stores
 * walk entities and statements alike, then hand the walk here, so they shape it the same way.
 */
import type { EntityRecord, RelationRecord, StatementRecord } from '../domain/index.js';
import type { PathResult, PathStep } from './graph-store.js';

/** A node of a walk through statements. */
export type WalkNode = { readonly entity: EntityRecord } | { readonly statement: StatementRecord };

/**
 * `nodes` from the start to the target (both entities; a statement always sits between two
 * entities), and for each pair of neighbours the relation joining two entities, or null for a
 * statement's SAID or ABOUT link.
 */
export function pathFromWalk(nodes: readonly WalkNode[], links: readonly (RelationRecord | null)[]): PathResult {
  const entities: EntityRecord[] = [];
  const edges: RelationRecord[] = [];
  const steps: PathStep[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!('entity' in node)) continue;
    const previous = entities[entities.length - 1];
    entities.push(node.entity);
    if (previous === undefined) continue;
    const before = nodes[i - 1]!;
    if ('statement' in before) {
      steps.push({ from: previous, to: node.entity, relation: null, statement: before.statement });
    } else {
      const relation = links[i - 1];
      if (!relation) throw new Error(`A walk joins "${previous.id}" and "${node.entity.id}" without a relation.`);
      edges.push(relation);
      steps.push({ from: previous, to: node.entity, relation, statement: null });
    }
  }
  return { nodes: entities, edges, steps };
}

/** The hops a path counts: one per relation, two per statement (its SAID and ABOUT links). */
export function pathLength(path: PathResult): number {
  if (path.steps === undefined) return path.edges.length;
  return path.steps.reduce((hops, step) => hops + (step.statement === null ? 1 : 2), 0);
}

/** The path's steps: as the store gave them, or, for a path of relations only, one per edge. */
export function stepsOf(path: PathResult): readonly PathStep[] {
  if (path.steps !== undefined) return path.steps;
  return path.edges.map((relation, i) => ({ from: path.nodes[i]!, to: path.nodes[i + 1]!, relation, statement: null }));
}
