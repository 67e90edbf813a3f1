/** Relations as one of their ends sees them (schema: `Entity.relations`). */
import { isSymmetric, type Direction, type EntityRecord, type RelationRecord } from '../../domain/index.js';
import type { RelationView } from '../graph-store.js';
import { groupedByTypeRank } from './ordering.js';
import { relationAt, type Adjacency } from './adjacency.js';
import { typeRankOfBit, type RelationTest } from './relation-filter.js';

/**
 * The views of an entity's relations that pass the filter (the entity an anchor of its kinds
 * clause), seen from `direction`, in the port's order; [] when unknown.
 */
export function relationViewsOf(
  adjacency: Adjacency,
  entityId: string,
  filter: RelationTest,
  direction: Direction,
  cap = Number.POSITIVE_INFINITY,
): RelationView[] {
  const node = adjacency.numberOf.get(entityId);
  if (node === undefined) return [];
  const { offsets, relation, other, entities, typeBit } = adjacency;
  const views: RelationView[] = [];
  // The row is in order of the other end's id, then the relation's: in the port's order once
  // grouped by type, which is needed only when the types are not in order already.
  const ranks: number[] = [];
  let inOrder = true;
  // The node's row holds each of its relations once, whichever end it is. One view past the cap
  // says the caller will refuse the list: the rest of a hub's row is not read.
  for (let k = offsets[node]!, end = offsets[node + 1]!; k < end && views.length <= cap; k++) {
    const r = relation[k]!;
    if (!filter(r, node)) continue;
    const view = viewFrom(entityId, relationAt(adjacency, r), entities[other[k]!]!);
    if (!directionPasses(view.direction, direction)) continue;
    const rank = typeRankOfBit(typeBit[r]!);
    if (ranks.length > 0 && rank < ranks[ranks.length - 1]!) inOrder = false;
    views.push(view);
    ranks.push(rank);
  }
  // A list past the cap is refused whole: its order (the port leaves it undefined) is not worth grouping.
  return views.length > cap || inOrder ? views : groupedByTypeRank(views, ranks);
}

/**
 * `other` is the record at the relation's other end. A symmetric relation reads the same from
 * either end, so it is BOTH from each of them.
 */
export function viewFrom(entityId: string, relation: RelationRecord, other: EntityRecord): RelationView {
  const isStart = relation.from === entityId;
  const direction: Direction = isSymmetric(relation.type) ? 'BOTH' : isStart ? 'OUT' : 'IN';
  return { relation, direction, otherId: isStart ? relation.to : relation.from, other };
}

/** OUT keeps OUT and BOTH views, IN keeps IN and BOTH, BOTH keeps all. */
function directionPasses(view: Direction, wanted: Direction): boolean {
  return wanted === 'BOTH' || view === 'BOTH' || view === wanted;
}
