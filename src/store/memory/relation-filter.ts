/**
 * The port's RelationFilter compiled once for the embedded store: the one place that says which
 * relations pass. Walks and lookups test relations by number over the compressed adjacency with
 * `over(adjacency)`, which reads the typed-array columns adjacency.ts keeps for each clause (type,
 * status and kind as bits against a mask, time bounds as YYYYMMDD numbers, claimants as codes), so
 * a walk reads integers only; `accepts` is the same test on a record, for callers without an
 * adjacency. A clause added to the filter is added here to both. A relation passes when it passes
 * every clause.
 *
 * The kinds clause has anchors: the ends of the question (the entity asked, the centre, the two
 * ends of a path) pass it whatever their kind; the caller names them per test.
 */
import {
  compareText,
  RELATION_TYPE_NAMES,
  overlapsWindow,
  timeBounds,
  type EntityKind,
  type RelationRecord,
  type RelationType,
} from '../../domain/index.js';
import type { RelationFilter } from '../graph-store.js';
import { kindBitOf, statusBitOf, type Adjacency } from './adjacency.js';
import { dayNumber } from './relation-rows.js';

/** Relation number, and up to two anchors' node numbers (-1: none), to whether it passes. */
export type RelationTest = (r: number, anchor?: number, otherAnchor?: number) => boolean;

export interface CompiledRelationFilter {
  /**
   * Whether the relation may be followed or returned. `kindOf` gives an entity's kind (needed
   * only when the filter has kinds), `anchors` the ids that pass the kinds clause regardless.
   */
  accepts(relation: RelationRecord, kindOf?: (id: string) => EntityKind | undefined, anchors?: readonly string[]): boolean;
  /** `accepts` by relation number over this adjacency, anchors by node number, for walks. */
  over(adjacency: Adjacency): RelationTest;
}

const TYPE_CODES = new Map<RelationType, number>(RELATION_TYPE_NAMES.map((name, code) => [name, code]));

/** A relation type's bit, as adjacency.ts stores it per relation in `typeBit`. */
export function typeBitOf(type: RelationType): number {
  const code = TYPE_CODES.get(type);
  if (code === undefined) throw new Error(`Not a relation type of the domain: ${JSON.stringify(type)}`);
  return 1 << code;
}

/** Each type's place in code-point order of the type names, by its code (its bit's position). */
const RANK_BY_CODE = Int32Array.from(RELATION_TYPE_NAMES, (name) => [...RELATION_TYPE_NAMES].sort(compareText).indexOf(name));

/** The place of a `typeBitOf` bit's type in code-point order of the type names: the port's order of types. */
export function typeRankOfBit(bit: number): number {
  return RANK_BY_CODE[31 - Math.clz32(bit)]!;
}

/** The relation type of a bit of `typeBitOf`, or undefined for a bit that is none. */
export function typeOfBit(bit: number): RelationType | undefined {
  return bit > 0 && (bit & (bit - 1)) === 0 ? RELATION_TYPE_NAMES[31 - Math.clz32(bit)] : undefined;
}

/** A clause's list as a mask of bits; null (or absent) means every bit. */
function maskOf<T>(list: readonly T[] | null | undefined, bitOf: (item: T) => number): number {
  return list === null || list === undefined ? -1 : list.reduce((bits, item) => bits | bitOf(item), 0);
}

export function compileRelationFilter(filter: RelationFilter): CompiledRelationFilter {
  // Types, statuses, kinds: null means every one (every bit); an empty list passes nothing.
  const typeMask = maskOf(filter.types, typeBitOf);
  const statusMask = maskOf(filter.statuses, statusBitOf);
  const kindMask = maskOf(filter.kinds, kindBitOf);
  const claimants = filter.claimantIds === null || filter.claimantIds === undefined ? null : new Set(filter.claimantIds);
  const window = filter.window ?? null;
  const from = window?.from === null || window?.from === undefined ? 0 : dayNumber(window.from);
  const to = window?.to === null || window?.to === undefined ? 99_999_999 : dayNumber(window.to);

  return {
    accepts(relation, kindOf = () => undefined, anchors = []) {
      if ((typeBitOf(relation.type) & typeMask) === 0 || (statusBitOf(relation.status) & statusMask) === 0) return false;
      if (claimants !== null && !relation.attributions.some((a) => a.claimantId !== null && claimants.has(a.claimantId))) return false;
      if (window !== null && (relation.time === null || !overlapsWindow(timeBounds(relation.time), window))) return false;
      if (kindMask !== -1) {
        const endPasses = (id: string) => {
          const kind = kindOf(id);
          return anchors.includes(id) || (kind !== undefined && (kindBitOf(kind) & kindMask) !== 0);
        };
        if (!endPasses(relation.from) || !endPasses(relation.to)) return false;
      }
      return true;
    },

    over(adjacency) {
      const { typeBit, statusBit, earliest, latest, claimantOffsets, relFrom, relTo, kindBit } = adjacency;
      // Only the clauses the filter has are tested, cheapest first.
      const tests: RelationTest[] = [];
      if (typeMask !== -1) tests.push((r) => (typeBit[r]! & typeMask) !== 0);
      if (statusMask !== -1) tests.push((r) => (statusBit[r]! & statusMask) !== 0);
      if (window !== null) tests.push((r) => earliest[r] !== 0 && latest[r]! >= from && earliest[r]! <= to);
      if (claimants !== null) {
        const wanted = new Uint8Array(adjacency.claimantCodes.size);
        for (const id of claimants) {
          const code = adjacency.claimantCodes.get(id);
          if (code !== undefined) wanted[code] = 1;
        }
        const codes = adjacency.claimants;
        tests.push((r) => {
          for (let i = claimantOffsets[r]!, end = claimantOffsets[r + 1]!; i < end; i++) if (wanted[codes[i]!] === 1) return true;
          return false;
        });
      }
      if (kindMask !== -1) {
        tests.push((r, a = -1, b = -1) => {
          const s = relFrom[r]!;
          const e = relTo[r]!;
          return (s === a || s === b || (kindBit[s]! & kindMask) !== 0) && (e === a || e === b || (kindBit[e]! & kindMask) !== 0);
        });
      }
      if (tests.length === 0) return () => true;
      if (tests.length === 1) return tests[0]!;
      return (r, a, b) => {
        for (const test of tests) if (!test(r, a, b)) return false;
        return true;
      };
    },
  };
}
