/**
 * The references between records: what a relation or statement points at. Stores check them
 * against everything they would hold after a load, so a load never leaves a dangling reference;
 * every store words the problems alike.
 */
import type { RelationRecord, StatementRecord } from './model.js';

export type ReferenceTarget = 'entity' | 'source' | 'statement';

export interface Reference {
  /** The record that refers, e.g. `Relation "rel:x"`. */
  readonly owner: string;
  readonly field: string;
  readonly id: string;
  readonly target: ReferenceTarget;
}

export function referencesOf(
  relations: Iterable<RelationRecord>,
  statements: Iterable<StatementRecord>,
): Reference[] {
  const refs: Reference[] = [];
  const add = (owner: string, field: string, id: string | null, target: ReferenceTarget) => {
    if (id !== null) refs.push({ owner, field, id, target });
  };
  for (const r of relations) {
    const owner = `Relation "${r.id}"`;
    add(owner, 'from', r.from, 'entity');
    add(owner, 'to', r.to, 'entity');
    add(owner, 'claimedBy', r.claimedBy, 'entity');
    add(owner, 'sourceId', r.sourceId, 'source');
    for (const id of r.statementIds) add(owner, 'statementIds', id, 'statement');
  }
  for (const s of statements) {
    const owner = `Statement "${s.id}"`;
    add(owner, 'speakerId', s.speakerId, 'entity');
    add(owner, 'reportedViaId', s.reportedViaId, 'entity');
    add(owner, 'sourceId', s.sourceId, 'source');
    for (const id of s.aboutIds) add(owner, 'aboutIds', id, 'entity');
  }
  return refs;
}

/** One problem per reference that `isKnown` does not resolve, naming the record and the field. */
export function danglingReferences(
  refs: Iterable<Reference>,
  isKnown: (target: ReferenceTarget, id: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const { owner, field, id, target } of refs) {
    if (!isKnown(target, id)) {
      problems.push(`${owner} refers in "${field}" to "${id}", which is not a known ${target}.`);
    }
  }
  return problems;
}
