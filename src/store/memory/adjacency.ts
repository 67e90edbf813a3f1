/**
 * The graph once more, compressed for walks: nodes and relations numbered in the port's order
 * (code-point order of their ids, so "the smallest id" is the smallest number), and for each node
 * the relations it takes part in as rows of flat typed arrays (compressed sparse rows). A
 * breadth-first search over it reads integers only: no string keys, no iterator objects, no walk
 * graph built per filter (relation-filter.ts tests a relation's type bit against the filter's mask).
 *
 * Beside the rows, a column per relation (and per node) for each clause of the relation filter
 * (relation-filter.ts): type, status, time bounds, claimants, and the ends' kinds.
 *
 * Each relation appears twice, once in the row of each end, flagged with which ways it may be
 * walked when a walk is directed: relations are followed from their start only, symmetric ones
 * (stored once, one way round) either way; an undirected walk takes every entry.
 */
import {
  CLAIM_STATUSES,
  ENTITY_KINDS,
  RELATION_TYPE_NAMES,
  compareText,
  isSymmetric,
  type ClaimStatus,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
} from '../../domain/index.js';
import { typeBitOf } from './relation-filter.js';
import { RelationRow, walkFactsOf, type StoredRelation } from './relation-rows.js';
import type { WalkColumns } from './start-image.js';


/** A directed walk may step from this row's node to the other end. */
export const STEP_OUT = 1;
/** A directed walk may step from the other end to this row's node. */
export const STEP_IN = 2;
/** This row's node is the relation's start (so each relation is met once from its rows). */
export const IS_START = 4;
/** Any step: what an undirected walk takes. */
export const STEP_ANY = STEP_OUT | STEP_IN;

/**
 * What a breadth-first walk reads (traversal.ts): rows of entries per node and each relation's two
 * ends. The Adjacency is one; a walk through statements (statement-walk.ts) is another.
 */
export interface WalkGraph {
  /**
   * Node n's entries are offsets[n] .. offsets[n + 1] - 1 of the arrays below, in order of the
   * other end's number, then the relation's; one more than the nodes.
   */
  readonly offsets: Int32Array;
  /** The node at the other end. */
  readonly other: Int32Array;
  /** The relation's number. */
  readonly relation: Int32Array;
  /** STEP_OUT | STEP_IN | IS_START bits. */
  readonly flags: Uint8Array;
  /** Relation number → its start's and its end's node numbers. */
  readonly relFrom: Int32Array;
  readonly relTo: Int32Array;
}

export interface Adjacency extends WalkGraph {
  /** Node number → entity, in id order. */
  readonly entities: readonly EntityRecord[];
  readonly numberOf: EntityNumbers;
  /** Relation number → relation, in id order (a row of the data file is parsed on first use: `relationAt`). */
  readonly relations: readonly StoredRelation[];
  /** Relation number → its type's bit (`typeBitOf`), which relation-filter.ts tests. */
  readonly typeBit: Int32Array;
  /** Relation number → its derived status's bit (`statusBitOf`). */
  readonly statusBit: Int32Array;
  /** Relation number → the first and last day its time may cover, as YYYYMMDD numbers; 0 when undated. */
  readonly earliest: Int32Array;
  readonly latest: Int32Array;
  /**
   * Relation r's claimants (any stance), as codes of `claimantCodes`, are
   * claimants[claimantOffsets[r]] .. claimants[claimantOffsets[r + 1] - 1].
   */
  readonly claimantOffsets: Int32Array;
  readonly claimants: Int32Array;
  /** Claimant id → code; by string, so a claimant need not be an entity of the graph. */
  readonly claimantCodes: ReadonlyMap<string, number>;
  /** Node number → its kind's bit (`kindBitOf`). */
  readonly kindBit: Int32Array;
}

const STATUS_BITS = new Map<ClaimStatus, number>(CLAIM_STATUSES.map((status, i) => [status, 1 << i]));
const KIND_BITS = new Map<EntityKind, number>(ENTITY_KINDS.map((kind, i) => [kind, 1 << i]));

/**
 * The type bits of the symmetric relation types: a relation is symmetric when its typeBit is in
 * it. Made on first use: relation-filter.ts, which numbers the types, imports this module.
 */
let symmetricTypeBits: number | undefined;
function symmetricTypes(): number {
  symmetricTypeBits ??= RELATION_TYPE_NAMES.filter(isSymmetric).reduce((bits, type) => bits | typeBitOf(type), 0);
  return symmetricTypeBits;
}

/** Whether relation number r is of a symmetric type (stored once, one way round). */
export function isSymmetricRelation(adjacency: Adjacency, r: number): boolean {
  return (adjacency.typeBit[r]! & symmetricTypes()) !== 0;
}

export function statusBitOf(status: ClaimStatus): number {
  const bit = STATUS_BITS.get(status);
  if (bit === undefined) throw new Error(`Not a claim status of the domain: ${JSON.stringify(status)}`);
  return bit;
}

export function kindBitOf(kind: EntityKind): number {
  const bit = KIND_BITS.get(kind);
  if (bit === undefined) throw new Error(`Not an entity kind of the domain: ${JSON.stringify(kind)}`);
  return bit;
}

/** How a snapshot finds an entity's number by its id: a Map, or `numbersAfter`'s layers over one. */
export interface EntityNumbers {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** Entity id → its number, its place in `entities` (which are in id order). */
export function numberById(entities: readonly EntityRecord[]): Map<string, number> {
  const numberOf = new Map<string, number>();
  entities.forEach((entity, n) => numberOf.set(entity.id, n));
  return numberOf;
}

/**
 * The numbers of `entities` after a change, from `previous`, the numbers before it, and where each
 * entity was before (`entities.oldIndex`, not null). Ids keep their order, so a write moves most
 * numbers by a step: rather than a new Map of every id (about 30 ms at 100k entities), the numbers
 * are the Map of an earlier list read through a column from its numbers to today's, and the ids new
 * since, until those pass LAYERED_NUMBERS.
 */
export function numbersAfter(previous: EntityNumbers, previousCount: number, entities: Renumbered<EntityRecord>): EntityNumbers {
  const { list, oldIndex } = entities;
  if (oldIndex === null) return previous;
  const renumber = new Int32Array(previousCount).fill(-1);
  oldIndex.forEach((old, n) => {
    if (old >= 0) renumber[old] = n;
  });
  const earlier = previous instanceof RenumberedNumbers ? previous : null;
  const base = earlier?.base ?? previous;
  const baseCount = earlier?.baseToNow.length ?? previousCount;
  const baseToNow = new Int32Array(baseCount);
  for (let b = 0; b < baseCount; b++) {
    const then = earlier === null ? b : earlier.baseToNow[b]!;
    baseToNow[b] = then < 0 ? -1 : renumber[then]!;
  }
  const added = new Map<string, number>();
  earlier?.added.forEach((then, id) => {
    if (renumber[then]! >= 0) added.set(id, renumber[then]!);
  });
  oldIndex.forEach((old, n) => {
    if (old < 0) added.set(list[n]!.id, n);
  });
  return added.size > LAYERED_NUMBERS ? numberById(list) : new RenumberedNumbers(base, baseToNow, added);
}

/** Ids new since the whole numbering above which the next write numbers every id again. */
const LAYERED_NUMBERS = 4096;

class RenumberedNumbers implements EntityNumbers {
  constructor(
    /** The numbers of an earlier list of the entities. */
    readonly base: EntityNumbers,
    /** A number of `base` → the number now; -1 for an entity gone. */
    readonly baseToNow: Int32Array,
    /** Ids `base` does not number now (new since, or gone and back), with their numbers. */
    readonly added: ReadonlyMap<string, number>,
  ) {}

  get(id: string): number | undefined {
    const then = this.base.get(id);
    if (then !== undefined) {
      const now = this.baseToNow[then]!;
      if (now >= 0) return now;
    }
    return this.added.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/**
 * The adjacency of `entities` and `relations`, each in id order (`sortedById`), as a snapshot keeps
 * them: the arrays become the adjacency's own. `numberOf` may be given when already made.
 */
export function buildAdjacency(
  entities: readonly EntityRecord[],
  relations: readonly StoredRelation[],
  numberOf: EntityNumbers = numberById(entities),
): Adjacency {
  return adjacencyAfter(null, { list: entities, oldIndex: null }, { list: relations, oldIndex: null }, numberOf);
}

/**
 * The adjacency of `entities` and `relations` (each in id order) whose walk columns were kept from
 * an earlier build of the same graph (the start image, start-image.ts): only the kinds are read.
 */
export function adjacencyOfColumns(
  entities: readonly EntityRecord[],
  relations: readonly StoredRelation[],
  numberOf: EntityNumbers,
  columns: WalkColumns,
): Adjacency {
  if (columns.relFrom.length !== relations.length || columns.offsets.length !== entities.length + 1) {
    throw new Error(`Walk columns of ${columns.relFrom.length} relations cannot be those of ${relations.length}.`);
  }
  const kindBit = new Int32Array(entities.length);
  entities.forEach((entity, n) => (kindBit[n] = kindBitOf(entity.kind)));
  return { ...columns, entities, numberOf, relations, kindBit };
}

/** A list in id order and, for each place in it, the place of the same id in the list it came from. */
export interface Renumbered<T> {
  readonly list: readonly T[];
  /** Place → the place of its id in the earlier list, or -1 for an id new to it; null: the same list. */
  readonly oldIndex: Int32Array | null;
  /**
   * The places of the records the change brought (new ids and ids written again), ascending: every
   * other place with an old index holds the earlier list's record. Absent: none.
   */
  readonly written?: readonly number[];
}

/**
 * The adjacency after a change: `previous` (null: none) with its entities and relations replaced
 * by `entities` and `relations`, which say where each id was before. The columns of a record that
 * did not change (the same object at an id) are copied from `previous`, renumbered, and only the
 * records written are read, so a small write on a large graph costs a pass over typed arrays.
 */
export function adjacencyAfter(
  previous: Adjacency | null,
  entities: Renumbered<EntityRecord>,
  relations: Renumbered<StoredRelation>,
  numberOf: EntityNumbers,
): Adjacency {
  const nodes = entities.list;
  const rels = relations.list;
  const R = rels.length;
  /** Old node number → new one (-1: gone); null when the numbering did not change. */
  let renumber: Int32Array | null = null;
  if (previous !== null && entities.oldIndex !== null) {
    renumber = new Int32Array(previous.entities.length).fill(-1);
    entities.oldIndex.forEach((old, n) => {
      if (old >= 0) renumber![old] = n;
    });
  }

  if (previous !== null && rels === previous.relations && relations.oldIndex === null) {
    return afterEntitiesAlone(previous, entities, renumber, numberOf);
  }

  const starts = new Int32Array(R);
  const ends = new Int32Array(R);
  const offsets = new Int32Array(nodes.length + 1);
  const typeBit = new Int32Array(R);
  const statusBit = new Int32Array(R);
  const earliest = new Int32Array(R);
  const latest = new Int32Array(R);
  const claimantOffsets = new Int32Array(R + 1);
  const claimantList = new GrowingInts((previous?.claimants.length ?? 0) + 64);
  // Codes only ever grow: a code of the previous adjacency means the same claimant here.
  let claimantCodes = previous?.claimantCodes ?? new Map<string, number>();
  let codesShared = previous !== null;
  /** The relations whose records are new here (new ids or new versions), by number. */
  const written: number[] = [];
  const oldIndex = relations.oldIndex;
  // Whether relation r holds the record of relation o before, as the change says (comparing each
  // of a million records with the one before was ~20 ms at 1M relations).
  const brought = new Uint8Array(R);
  for (const r of relations.written ?? []) brought[r] = 1;
  const stayedAt = (r: number, o: number) => o >= 0 && brought[r] === 0;
  /** Relations r0 .. r0 + length - 1 are those of o0 .. o0 + length - 1 before, unchanged: their columns are copied whole. */
  const copyRun = (r0: number, o0: number, length: number) => {
    const was = previous!;
    typeBit.set(was.typeBit.subarray(o0, o0 + length), r0);
    statusBit.set(was.statusBit.subarray(o0, o0 + length), r0);
    earliest.set(was.earliest.subarray(o0, o0 + length), r0);
    latest.set(was.latest.subarray(o0, o0 + length), r0);
    if (renumber === null) {
      starts.set(was.relFrom.subarray(o0, o0 + length), r0);
      ends.set(was.relTo.subarray(o0, o0 + length), r0);
    } else {
      for (let i = 0; i < length; i++) {
        const a = renumber[was.relFrom[o0 + i]!]!;
        const b = renumber[was.relTo[o0 + i]!]!;
        if (a < 0 || b < 0) throw new Error(`Relation "${rels[r0 + i]!.id}" has an end that is gone.`);
        starts[r0 + i] = a;
        ends[r0 + i] = b;
      }
    }
    const shift = claimantList.length - was.claimantOffsets[o0]!;
    claimantList.copy(was.claimants, was.claimantOffsets[o0]!, was.claimantOffsets[o0 + length]!);
    for (let i = 1; i <= length; i++) claimantOffsets[r0 + i] = was.claimantOffsets[o0 + i]! + shift;
  };
  const readWritten = (r: number) => {
    const relation = rels[r]!;
    written.push(r);
    const facts = walkFactsOf(relation);
    const a = numberOf.get(facts.from);
    const b = numberOf.get(facts.to);
    if (a === undefined || b === undefined) throw new Error(`Relation "${relation.id}" has an unknown end.`);
    // The validator forbids a relation from an entity to itself; the walks rely on it.
    if (a === b) throw new Error(`Relation "${relation.id}" joins "${facts.from}" to itself.`);
    starts[r] = a;
    ends[r] = b;
    typeBit[r] = typeBitOf(facts.type);
    statusBit[r] = statusBitOf(facts.status);
    earliest[r] = facts.earliest;
    latest[r] = facts.latest;
    const first = claimantList.length;
    for (const claimantId of facts.claimantIds) {
      let code = claimantCodes.get(claimantId);
      if (code === undefined) {
        if (codesShared) {
          claimantCodes = new Map(claimantCodes);
          codesShared = false;
        }
        code = claimantCodes.size;
        (claimantCodes as Map<string, number>).set(claimantId, code);
      }
      // Each claimant is listed once already; the scan keeps a code once should two ids share one.
      if (!claimantList.includes(code, first)) claimantList.push(code);
    }
    claimantOffsets[r + 1] = claimantList.length;
  };
  // A small write on a large graph is then a few runs copied and its own relations read.
  for (let r = 0; r < R; ) {
    const o = previous === null ? -1 : oldIndex === null ? r : oldIndex[r]!;
    if (!stayedAt(r, o)) {
      readWritten(r++);
      continue;
    }
    let end = r + 1;
    while (end < R && (oldIndex === null ? end : oldIndex[end]!) === o + end - r && stayedAt(end, o + end - r)) end++;
    copyRun(r, o, end - r);
    r = end;
  }
  const kindBit = kindBitsAfter(previous, entities);
  const symmetric = symmetricTypes();
  const isSymmetricAt = (r: number) => (typeBit[r]! & symmetric) !== 0;
  const { other, relation, flags } =
    previous !== null && written.length <= FEW_WRITTEN
      ? rowsAfter(previous, { offsets, starts, ends, symmetric: isSymmetricAt, written, renumber, oldRelation: relations.oldIndex, nodeWas: entities.oldIndex })
      : compressedRows(offsets, starts, ends, isSymmetricAt);
  return {
    entities: nodes,
    numberOf,
    relations: rels,
    offsets,
    other,
    relation,
    flags,
    typeBit,
    relFrom: starts,
    relTo: ends,
    statusBit,
    earliest,
    latest,
    claimantOffsets,
    claimants: claimantList.done(),
    claimantCodes,
    kindBit,
  };
}

/** Node number → its kind's bit, read from `previous` for the entities that stayed. */
function kindBitsAfter(previous: Adjacency | null, entities: Renumbered<EntityRecord>): Int32Array {
  const kindBit = new Int32Array(entities.list.length);
  entities.list.forEach((entity, n) => {
    const o = previous === null ? -1 : entities.oldIndex === null ? n : entities.oldIndex[n]!;
    kindBit[n] = o >= 0 && previous!.entities[o] === entity ? previous!.kindBit[o]! : kindBitOf(entity.kind);
  });
  return kindBit;
}

/**
 * `adjacencyAfter` for a change of entities alone (created, rewritten, or removed without
 * relations): every relation keeps its number and every row its entries in their order, so the
 * relations' columns and the rows' relation numbers and flags are shared with `previous`; only
 * the node numbers in them move, by a few steps. At 1M relations that is three columns renumbered
 * instead of ten rebuilt.
 */
function afterEntitiesAlone(
  previous: Adjacency,
  entities: Renumbered<EntityRecord>,
  renumber: Int32Array | null,
  numberOf: EntityNumbers,
): Adjacency {
  const was = previous.offsets;
  const offsets = new Int32Array(entities.list.length + 1);
  for (let n = 0; n < entities.list.length; n++) {
    const o = entities.oldIndex === null ? n : entities.oldIndex[n]!;
    offsets[n + 1] = offsets[n]! + (o < 0 ? 0 : was[o + 1]! - was[o]!);
  }
  let { relFrom, relTo, other } = previous;
  if (renumber !== null) {
    renumber.forEach((now, old) => {
      if (now < 0 && was[old + 1] !== was[old]) throw new Error(`Entity "${previous.entities[old]!.id}" is gone but its relations are not.`);
    });
    const steps = new Steps(renumber);
    const renumbered = (column: Int32Array) => {
      const next = new Int32Array(column.length);
      steps.mapInto(column, 0, column.length, next, 0);
      return next;
    };
    [relFrom, relTo, other] = [renumbered(relFrom), renumbered(relTo), renumbered(other)];
  }
  return { ...previous, entities: entities.list, numberOf, offsets, other, relFrom, relTo, kindBit: kindBitsAfter(previous, entities) };
}

/** An Int32Array that doubles as it fills: a column whose length is known only at the end. */
export class GrowingInts {
  private values: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }

  push(value: number): void {
    this.reserve(1);
    this.values[this.length++] = value;
  }

  /** Appends from[start] .. from[end - 1]. */
  copy(from: Int32Array, start: number, end: number): void {
    this.reserve(end - start);
    this.values.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }

  includes(value: number, from: number): boolean {
    for (let i = from; i < this.length; i++) if (this.values[i] === value) return true;
    return false;
  }

  done(): Int32Array {
    // Nearly full (a write's column, sized from the one before it): kept as it is, not copied.
    const unused = this.values.length - this.length;
    return unused <= this.values.length / 8 ? this.values.subarray(0, this.length) : this.values.slice(0, this.length);
  }

  private reserve(more: number): void {
    if (this.length + more <= this.values.length) return;
    const bigger = new Int32Array(Math.max(2 * this.values.length, this.length + more));
    bigger.set(this.values.subarray(0, this.length));
    this.values = bigger;
  }
}

/** Up to this many relations written, the rows are made from the previous ones rather than anew. */
const FEW_WRITTEN = 4096;

interface RowChange {
  /** Zeroed, one longer than the nodes: filled here. */
  readonly offsets: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly symmetric: (r: number) => boolean;
  /** The relations new to these rows (new ids or new versions), by new number. */
  readonly written: readonly number[];
  /** Old node number → new (-1: gone); null: the same numbering. */
  readonly renumber: Int32Array | null;
  /** New relation number → old (-1: new); null: the same list. */
  readonly oldRelation: Int32Array | null;
  /** New node number → old (-1: new); null: the same list. */
  readonly nodeWas: Int32Array | null;
}

/**
 * The rows after a small write, from the previous ones: each row's entries for relations that
 * stayed are copied and renumbered (numbers keep their order, ids being in order, so the rows stay
 * in order of the other end, then relation), and the written relations' entries merged in. One pass
 * over the entries, where `compressedRows` makes two; a row the write did not touch (no entry
 * added, none gone: most of them) is copied in a tight loop, without the merge's tests.
 */
function rowsAfter(previous: Adjacency, change: RowChange): { other: Int32Array; relation: Int32Array; flags: Uint8Array } {
  const { offsets, starts, ends, symmetric, written, renumber, oldRelation, nodeWas } = change;
  const n = offsets.length - 1;
  fillOffsets(offsets, starts, ends);
  // Old relation number → new, for the relations whose record stayed (-1: gone or rewritten).
  const stayed = new Int32Array(previous.relFrom.length).fill(-1);
  const rewritten = new Uint8Array(starts.length);
  for (const r of written) rewritten[r] = 1;
  for (let r = 0; r < starts.length; r++) {
    const o = oldRelation === null ? r : oldRelation[r]!;
    if (o >= 0 && rewritten[r] === 0) stayed[o] = r;
  }
  // The written relations' entries, as [row, other, relation, flags], in row order.
  const added: [number, number, number, number][] = [];
  for (const r of written) {
    const both = symmetric(r) ? STEP_IN | STEP_OUT : 0;
    added.push([starts[r]!, ends[r]!, r, IS_START | STEP_OUT | both], [ends[r]!, starts[r]!, r, STEP_IN | both]);
  }
  added.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);

  // The rows a written relation enters, and those a relation gone (removed or rewritten) leaves.
  const touched = new Uint8Array(n);
  for (const r of written) touched[starts[r]!] = touched[ends[r]!] = 1;
  for (let o = 0; o < stayed.length; o++) {
    if (stayed[o] !== -1) continue;
    for (const end of [previous.relFrom[o]!, previous.relTo[o]!]) {
      const now = renumber === null ? end : renumber[end]!;
      if (now >= 0) touched[now] = 1;
    }
  }

  // Untouched rows renumber by steps (below) rather than by looking each number up: a lookup per
  // entry in a table of every relation is a cache miss per entry (two million at 1M relations).
  const relationSteps = new Steps(stayed);
  const nodeSteps = renumber === null ? null : new Steps(renumber);

  const other = new Int32Array(2 * starts.length);
  const relation = new Int32Array(2 * starts.length);
  const flags = new Uint8Array(2 * starts.length);
  const { offsets: oldOffsets, other: oldOther, relation: oldRelationOf, flags: oldFlags } = previous;
  let next = 0;
  for (let node = 0; node < n; node++) {
    let j = offsets[node]!;
    const was = nodeWas === null ? node : nodeWas[node]!;
    if (touched[node] === 0 && was >= 0) {
      // Every entry stayed: the same others (renumbered), relations renumbered, the same flags. The
      // untouched rows that follow it, one after another before as now, are copied with it.
      let last = node;
      while (last + 1 < n && touched[last + 1] === 0 && (nodeWas === null ? last + 1 : nodeWas[last + 1]!) === was + last + 1 - node) last++;
      const from = oldOffsets[was]!;
      const length = oldOffsets[was + last - node + 1]! - from;
      if (j + length !== offsets[last + 1]) throw new Error(`The rows after a write do not add up at nodes ${node} to ${last}.`);
      if (nodeSteps === null) other.set(oldOther.subarray(from, from + length), j);
      else nodeSteps.mapInto(oldOther, from, length, other, j);
      relationSteps.mapInto(oldRelationOf, from, length, relation, j);
      flags.set(oldFlags.subarray(from, from + length), j);
      node = last;
      continue;
    }
    let k = was < 0 ? 0 : oldOffsets[was]!;
    const oldEnd = was < 0 ? 0 : oldOffsets[was + 1]!;
    for (;;) {
      // The next old entry that stayed, renumbered.
      while (k < oldEnd && stayed[oldRelationOf[k]!] === -1) k++;
      const oldNext = k < oldEnd ? (renumber === null ? oldOther[k]! : renumber[oldOther[k]!]!) : -1;
      const newEntry = next < added.length && added[next]![0] === node ? added[next]! : null;
      if (oldNext === -1 && newEntry === null) break;
      const takeNew =
        newEntry !== null &&
        (oldNext === -1 || newEntry[1] < oldNext || (newEntry[1] === oldNext && newEntry[2] < stayed[oldRelationOf[k]!]!));
      if (takeNew) {
        other[j] = newEntry[1];
        relation[j] = newEntry[2];
        flags[j] = newEntry[3];
        next++;
      } else {
        other[j] = oldNext;
        relation[j] = stayed[oldRelationOf[k]!]!;
        flags[j] = oldFlags[k]!;
        k++;
      }
      j++;
    }
    if (j !== offsets[node + 1]) throw new Error(`The rows after a write do not add up at node ${node}.`);
  }
  return { other, relation, flags };
}

/**
 * A renumbering (old number → new, -1 for gone) that keeps the order of the numbers it keeps, as
 * steps: from each step's first old number on, new = old + its shift. A write of a few records makes
 * a few steps, so the new number of a kept one is a search of a short list that stays in the cache.
 * (Gone numbers are never asked for.)
 */
class Steps {
  private readonly starts: Int32Array;
  private readonly shifts: Int32Array;

  constructor(renumbered: Int32Array) {
    const starts: number[] = [];
    const shifts: number[] = [];
    for (let old = 0; old < renumbered.length; old++) {
      const now = renumbered[old]!;
      if (now < 0) continue;
      if (shifts.length === 0 || now - old !== shifts[shifts.length - 1]) {
        starts.push(old);
        shifts.push(now - old);
      }
    }
    this.starts = Int32Array.from(starts);
    this.shifts = Int32Array.from(shifts);
  }

  /**
   * `to[at + i] = this.of(from[start + i])` for i < length (every number kept). A write of a record
   * or two makes one step or two: then a copy, or one comparison a number, not a search.
   */
  mapInto(from: Int32Array, start: number, length: number, to: Int32Array, at: number): void {
    const { starts, shifts } = this;
    if (shifts.length === 1 && shifts[0] === 0) {
      to.set(from.subarray(start, start + length), at);
    } else if (shifts.length === 1 || shifts.length === 2) {
      const second = shifts.length === 2 ? starts[1]! : Infinity;
      const before = shifts[0]!;
      const after = shifts[shifts.length - 1]!;
      for (let i = 0; i < length; i++) {
        const old = from[start + i]!;
        to[at + i] = old + (old < second ? before : after);
      }
    } else {
      for (let i = 0; i < length; i++) to[at + i] = this.of(from[start + i]!);
    }
  }

  /** The new number of a kept old one. */
  of(old: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    // The last step starting at or before `old`.
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= old) low = middle;
      else high = middle - 1;
    }
    return old + this.shifts[low]!;
  }
}

/** Relation number r's record (a row of the data file is parsed now if it was not yet). */
export function relationAt(adjacency: Adjacency, r: number): RelationRecord {
  const held = adjacency.relations[r]!;
  if (!(held instanceof RelationRow)) return held;
  const record = held.record();
  // The row's work is done: its record takes its place, so the next read reaches the record in one
  // step instead of two (a neighbourhood reads hundreds at random places) and the row is collected.
  // The same relation either way, so snapshots sharing this list see no change.
  (adjacency.relations as StoredRelation[])[r] = record;
  return record;
}

/** The number of the relation of an id (a binary search of the id-ordered relations), or -1. */
export function relationNumberOf(adjacency: Adjacency, id: string): number {
  const { relations } = adjacency;
  let low = 0;
  let high = relations.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareText(relations[middle]!.id, id);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** In code-point order of ids (`compareText`); the engine's sort when no id needs it. */
export function sortedById<T extends { readonly id: string }>(records: T[]): T[] {
  // UTF-16 order equals code-point order unless a surrogate pair is involved.
  const plain = records.every((r) => !/[\uD800-\uDFFF]/.test(r.id));
  if (plain) return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return records.sort((a, b) => compareText(a.id, b.id));
}

/** Each node's first entry in the rows: its count of relation ends, summed over the nodes before it. */
function fillOffsets(offsets: Int32Array, starts: Int32Array, ends: Int32Array): void {
  for (let r = 0; r < starts.length; r++) {
    offsets[starts[r]! + 1]!++;
    offsets[ends[r]! + 1]!++;
  }
  for (let i = 0; i + 1 < offsets.length; i++) offsets[i + 1]! += offsets[i]!;
}

/**
 * The rows of a walk graph: each relation r (from starts[r] to ends[r]) entered in the row of each
 * end, flagged with the ways a directed walk may take it, each row in order of the other end's
 * number, then the relation's (so a walk can merge rows to meet nodes in id order, traversal.ts).
 * `offsets` comes in zeroed, one longer than the nodes, and goes out filled.
 */
export function compressedRows(
  offsets: Int32Array,
  starts: Int32Array,
  ends: Int32Array,
  symmetric: (r: number) => boolean,
): { other: Int32Array; relation: Int32Array; flags: Uint8Array } {
  const n = offsets.length - 1;
  fillOffsets(offsets, starts, ends);
  // Two counting passes, no sort: rows in relation order first; then, reading those rows node by
  // node in ascending order, each entry is mirrored into its other end's row, which so fills in
  // order of the other end (then relation, as the first rows had them).
  const byRelationOther = new Int32Array(2 * starts.length);
  const byRelation = new Int32Array(2 * starts.length);
  // Whether the entry's row is the relation's start: its mirror is the other end's.
  const byRelationAtStart = new Uint8Array(2 * starts.length);
  let next = offsets.slice(0, n);
  for (let r = 0; r < starts.length; r++) {
    const a = starts[r]!;
    const b = ends[r]!;
    let k = next[a]!++;
    byRelationOther[k] = b;
    byRelation[k] = r;
    byRelationAtStart[k] = 1;
    k = next[b]!++;
    byRelationOther[k] = a;
    byRelation[k] = r;
  }
  next = offsets.slice(0, n);
  const other = new Int32Array(2 * starts.length);
  const relation = new Int32Array(2 * starts.length);
  const flags = new Uint8Array(2 * starts.length);
  for (let node = 0; node < n; node++) {
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      const row = byRelationOther[k]!;
      const r = byRelation[k]!;
      const j = next[row]!++;
      other[j] = node;
      relation[j] = r;
      const both = symmetric(r) ? STEP_IN | STEP_OUT : 0;
      flags[j] = byRelationAtStart[k] === 0 ? IS_START | STEP_OUT | both : STEP_IN | both;
    }
  }
  return { other, relation, flags };
}
