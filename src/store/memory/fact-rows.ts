/**
 * The rows of the embedded store's fact indexes (facts.ts), which a start image can keep
 * (fact-image.ts): timeline entries and statements' facts by the ids of their records.
 */
import { compareText } from '../../domain/index.js';
import { TIMELINE_ENTRY_KINDS, type TimelineEntryKind } from '../graph-store.js';

/** What a timeline entry is about, found by its id in the snapshot asked. */
export enum Of {
  EVENT,
  RELATION,
  STATEMENT,
}

/** Each kind's place among entries of the same days (the port's timeline order, TIMELINE_ENTRY_KINDS). */
export const KIND_RANK = Object.fromEntries(TIMELINE_ENTRY_KINDS.map((kind, rank) => [kind, rank])) as Readonly<Record<TimelineEntryKind, number>>;

/**
 * A timeline entry as the index keeps it: its sort key, and its record's id and kind instead of the
 * record (facts.ts makes the entry of the snapshot asked). One flat object, its texts shared.
 */
export class TimelineRow {
  constructor(
    readonly kind: TimelineEntryKind,
    readonly of: Of,
    /** The record's id (the event's, the relation's or the statement's). */
    readonly id: string,
    readonly earliest: string,
    readonly latest: string,
    /** The days as numbers (`dayNumber`), which order as the texts do and compare faster. */
    readonly earliestDay: number,
    readonly latestDay: number,
    readonly rank: number,
    readonly attributionIndex: number | null,
    /** CLAIM: who made it. */
    readonly claimantId: string | null,
    /**
     * The record's number in the snapshot the indexes were built for (an entity's, a relation's,
     * or a statement's in id order), which the start image keeps; -1 in rows a write added.
     */
    readonly record: number,
  ) {}
}

/** The facts resting on a statement, by id: relations, then events, each in id order. */
export interface StatementFacts {
  readonly relationIds: string[];
  readonly eventIds: string[];
}

/** The timeline's order on its rows: days (as numbers), kind, record id, attribution. */
export function compareTimelineRows(a: TimelineRow, b: TimelineRow): number {
  return compareRowDays(a, b) || compareIdsOfRows(a, b);
}

/** The timeline's order as far as days and kind: a stable sort by this of rows in id order within each kind is the whole order. */
export function compareRowDays(a: TimelineRow, b: TimelineRow): number {
  return a.earliestDay - b.earliestDay || a.latestDay - b.latestDay || a.rank - b.rank;
}

export function compareIdsOfRows(a: TimelineRow, b: TimelineRow): number {
  return compareText(a.id, b.id) || (a.attributionIndex ?? -1) - (b.attributionIndex ?? -1);
}

/** The indexes of time and statements' facts (facts.ts), which the start image can keep (fact-image.ts). */
export interface FactIndexes {
  /** Every timeline entry, in the timeline's order. */
  readonly timeline: readonly TimelineRow[];
  /** Statement id → the ids of the facts resting on it. */
  readonly factsByStatement: ReadonlyMap<string, StatementFacts>;
}
