/** Relations as one of their ends sees them (schema: `Entity.relations`). */
import type { Direction } from '../../domain/index.js';
import type { RelationView } from '../graph-store.js';
import { groupedByTypeRank } from './ordering.js';
import { IS_START, isSymmetricRelation, relationAt, type Adjacency } from './adjacency.js';
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
  const { offsets, relation, other, flags, entities, typeBit } = adjacency;
  const views: RelationView[] = [];
  // The row is in order of the other end's id, then the relation's: in the port's order once
  // grouped by type, which is needed only when the types are not in order already.
  const ranks: number[] = [];
  let inOrder = true;
  // The node's row holds each of its relations once, whichever end it is. One view past the cap
  // says the caller will refuse the list: the rest of a hub's row is not read. The view's direction
  // comes from the row (a relation never joins an entity to itself), so a relation's record is
  // read only for the views kept.
  for (let k = offsets[node]!, end = offsets[node + 1]!; k < end && views.length <= cap; k++) {
    const r = relation[k]!;
    if (!filter(r, node)) continue;
    const seen: Direction = isSymmetricRelation(adjacency, r) ? 'BOTH' : (flags[k]! & IS_START) !== 0 ? 'OUT' : 'IN';
    if (!directionPasses(seen, direction)) continue;
    const otherEnd = entities[other[k]!]!;
    const rank = typeRankOfBit(typeBit[r]!);
    if (ranks.length > 0 && rank < ranks[ranks.length - 1]!) inOrder = false;
    views.push({ relation: relationAt(adjacency, r), direction: seen, otherId: otherEnd.id, other: otherEnd });
    ranks.push(rank);
  }
  // A list past the cap is refused whole: its order (the port leaves it undefined) is not worth grouping.
  return views.length > cap || inOrder ? views : groupedByTypeRank(views, ranks);
}

/** OUT keeps OUT and BOTH views, IN keeps IN and BOTH, BOTH keeps all. */
function directionPasses(view: Direction, wanted: Direction): boolean {
  return wanted === 'BOTH' || view === 'BOTH' || view === wanted;
}
