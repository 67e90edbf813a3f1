/**
 * The references between records: what a relation or statement points at. Stores check them
 * against everything they would hold after a load, so a load never leaves a dangling reference;
 * every store words the problems alike.
 */
import type { Attribution, EntityRecord, RelationRecord, StatementRecord } from './model.js';

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

/**
 * Every reference a relation or an event holds, attributions included (claimant, via, statement,
 * source of each). A removal is checked against these: a record may go only when nothing that
 * stays refers to it.
 */
export function fullReferencesOf(
  entities: Iterable<EntityRecord>,
  relations: Iterable<RelationRecord>,
  statements: Iterable<StatementRecord>,
): Reference[] {
  const relationList = [...relations];
  const refs = referencesOf(relationList, statements);
  const attributions = (owner: string, list: readonly Attribution[]) =>
    list.forEach((a, i) => {
      const field = `attributions[${i}]`;
      if (a.claimantId !== null) refs.push({ owner, field: `${field}.claimantId`, id: a.claimantId, target: 'entity' });
      if (a.viaId !== null) refs.push({ owner, field: `${field}.viaId`, id: a.viaId, target: 'entity' });
      if (a.statementId !== null) refs.push({ owner, field: `${field}.statementId`, id: a.statementId, target: 'statement' });
      refs.push({ owner, field: `${field}.sourceId`, id: a.sourceId, target: 'source' });
    });
  for (const r of relationList) attributions(`Relation "${r.id}"`, r.attributions);
  for (const e of entities) if (e.event !== null) attributions(`Entity "${e.id}"`, e.event.attributions);
  return refs;
}

/**
 * One problem per reference to a removed record (`removed` by target; `refs`: of the records that
 * stay), each once, in code-point order so that every store lists them alike.
 */
export function referencesToRemoved(
  refs: Iterable<Reference>,
  removed: Readonly<Record<ReferenceTarget, ReadonlySet<string>>>,
): string[] {
  const problems: string[] = [];
  for (const { owner, field, id, target } of refs) {
    if (removed[target].has(id)) {
      problems.push(`The ${target} "${id}" cannot be removed: ${owner} refers to it in "${field}" and stays.`);
    }
  }
  return [...new Set(problems)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
