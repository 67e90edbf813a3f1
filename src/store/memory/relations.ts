/** Relations as one of their ends sees them (schema: `Entity.relations`). */
import { isSymmetric, type Direction, type RelationRecord } from '../../domain/index.js';
import type { RelationView } from '../graph-store.js';
import { compareRelationViews } from './ordering.js';
import type { CompiledRelationFilter } from './relation-filter.js';
import type { KnowledgeGraph } from './state.js';

/**
 * The views of an entity's relations that pass the filter, seen from `direction`, in the port's
 * order; [] when unknown.
 */
export function relationViewsOf(
  graph: KnowledgeGraph,
  entityId: string,
  filter: CompiledRelationFilter,
  direction: Direction,
): RelationView[] {
  if (!graph.hasNode(entityId)) return [];
  const views: RelationView[] = [];
  // In a directed multigraph this visits both the relations leaving and those entering the node.
  graph.forEachEdge(entityId, (_relationId, relation) => {
    if (!filter.accepts(relation)) return;
    const view = viewFrom(entityId, relation);
    if (directionPasses(view.direction, direction)) views.push(view);
  });
  return views.sort(compareRelationViews);
}

/** A symmetric relation reads the same from either end, so it is BOTH from each of them. */
export function viewFrom(entityId: string, relation: RelationRecord): RelationView {
  const isStart = relation.from === entityId;
  const direction: Direction = isSymmetric(relation.type) ? 'BOTH' : isStart ? 'OUT' : 'IN';
  return { relation, direction, otherId: isStart ? relation.to : relation.from };
}

/** OUT keeps OUT and BOTH views, IN keeps IN and BOTH, BOTH keeps all. */
function directionPasses(view: Direction, wanted: Direction): boolean {
  return wanted === 'BOTH' || view === 'BOTH' || view === wanted;
}
