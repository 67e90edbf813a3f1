/**
 * The orders the port promises (see the header of graph-store.ts). Everything compares in
 * code-point order with `compareText`, because that is what Cypher's ORDER BY does on strings and
 * the Neo4j store must give identical answers.
 */
import { RELATION_TYPE_NAMES, compareText, type EntityRecord, type StatementRecord } from '../../domain/index.js';
import type { RelationView } from '../graph-store.js';

/** Statements: by date ascending, undated last, then id. ISO dates compare as text. */
export function compareStatements(a: StatementRecord, b: StatementRecord): number {
  return compareDatesUndatedLast(a.date, b.date) || compareText(a.id, b.id);
}

function compareDatesUndatedLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** Entity lists: by the raw name (not its search form; Neo4j orders by `n.name`), then id. */
export function compareEntitiesByName(a: EntityRecord, b: EntityRecord): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Relations seen from one entity: by type, then the other end's id, then the relation's id. */
export function compareRelationViews(a: RelationView, b: RelationView): number {
  return (
    compareText(a.relation.type, b.relation.type) ||
    compareText(a.otherId, b.otherId) ||
    compareText(a.relation.id, b.relation.id)
  );
}

/**
 * Views in an adjacency row's order (the other end's id, then the relation's id), with their
 * types' ranks (`typeRankOfBit`), in the port's order (compareRelationViews): grouped by type,
 * keeping the row's order within a type. No ids are compared.
 */
export function groupedByTypeRank(views: readonly RelationView[], ranks: readonly number[]): RelationView[] {
  // A counting sort: few ranks, and stable.
  const next = new Int32Array(RELATION_TYPE_NAMES.length + 1);
  for (const rank of ranks) next[rank + 1]!++;
  for (let rank = 1; rank < next.length; rank++) next[rank]! += next[rank - 1]!;
  const grouped: RelationView[] = new Array(views.length);
  for (let i = 0; i < views.length; i++) grouped[next[ranks[i]!]!++] = views[i]!;
  return grouped;
}

export function compareById(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}
