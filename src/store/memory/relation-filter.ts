/**
 * The port's RelationFilter compiled once for the embedded store: the one place that says which
 * relations pass. Lookups over records use `accepts`; walks over the compressed adjacency use
 * `over(adjacency)`, the same test by relation number (the type clause as a bit tested against a
 * mask over adjacency.ts's type bits, so a walk reads integers only). A clause added to the filter
 * is added here to both; one with no typed-array column can test `adjacency.relations[r]` with
 * `accepts`. A relation passes when it passes every clause.
 */
import { RELATION_TYPE_NAMES, type RelationRecord, type RelationType } from '../../domain/index.js';
import type { RelationFilter } from '../graph-store.js';
import type { Adjacency } from './adjacency.js';

export interface CompiledRelationFilter {
  /** Whether the relation may be followed or returned. */
  readonly accepts: (relation: RelationRecord) => boolean;
  /** `accepts` by relation number over this adjacency, for walks. */
  over(adjacency: Adjacency): (r: number) => boolean;
}

const TYPE_CODES = new Map<RelationType, number>(RELATION_TYPE_NAMES.map((name, code) => [name, code]));

/** A relation type's bit, as adjacency.ts stores it per relation in `typeBit`. */
export function typeBitOf(type: RelationType): number {
  const code = TYPE_CODES.get(type);
  if (code === undefined) throw new Error(`Not a relation type of the domain: ${JSON.stringify(type)}`);
  return 1 << code;
}

export function compileRelationFilter(filter: RelationFilter): CompiledRelationFilter {
  // Types: null means every type (every bit); an empty list passes nothing.
  const mask = filter.types === null ? -1 : filter.types.reduce((bits, type) => bits | typeBitOf(type), 0);
  return {
    accepts: (relation) => (typeBitOf(relation.type) & mask) !== 0,
    over: ({ typeBit }) => (r) => (typeBit[r]! & mask) !== 0,
  };
}
