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

/** Each relation type's place in code-point order of the type names. */
const TYPE_RANK = new Map<string, number>([...RELATION_TYPE_NAMES].sort(compareText).map((type, rank) => [type, rank]));
const typeRank = (view: RelationView) => TYPE_RANK.get(view.relation.type)!;

/**
 * Views already in order of the other end's id, then the relation's id (an adjacency row's order),
 * in the port's order (compareRelationViews): grouped by type, keeping that order within a type.
 * No ids are compared: most lists are in order already, and the rest need a stable sort by type.
 */
export function inViewOrderFromRowOrder(views: RelationView[]): RelationView[] {
  for (let i = 1; i < views.length; i++) {
    if (typeRank(views[i]!) < typeRank(views[i - 1]!)) return views.sort((a, b) => typeRank(a) - typeRank(b));
  }
  return views;
}

export function compareById(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}
