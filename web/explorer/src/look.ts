/**
 * How kinds, claim statuses and stances look, in one place: the canvas's style, the map and the
 * legend all read these tables, so they cannot disagree.
 */
import type { ClaimStatus, EntityKind, Stance, TimePrecision } from '../gql/graphql.js';

export interface KindLook {
  readonly label: string;
  readonly color: string;
  /** A cytoscape node shape. */
  readonly shape: 'ellipse' | 'diamond' | 'round-rectangle' | 'hexagon' | 'round-pentagon' | 'round-triangle' | 'star';
  /** The same shape for the legend, as an SVG polygon in a 20×20 box (null: a circle). */
  readonly points: string | null;
}

export const KINDS: Readonly<Record<EntityKind, KindLook>> = {
  PERSON: { label: 'Person', color: '#2563eb', shape: 'ellipse', points: null },
  UNIT: { label: 'Military unit', color: '#b91c1c', shape: 'diamond', points: '10,1 19,10 10,19 1,10' },
  ORGANIZATION: { label: 'Organization', color: '#7c3aed', shape: 'round-rectangle', points: '2,4 18,4 18,16 2,16' },
  COUNTRY: { label: 'Country', color: '#047857', shape: 'hexagon', points: '5,2 15,2 19,10 15,18 5,18 1,10' },
  REGION: { label: 'Region', color: '#b45309', shape: 'round-pentagon', points: '10,1 19,8 15.5,18 4.5,18 1,8' },
  SETTLEMENT: { label: 'Settlement', color: '#0e7490', shape: 'round-triangle', points: '10,2 19,18 1,18' },
  EVENT: {
    label: 'Event',
    color: '#db2777',
    shape: 'star',
    points: '10,1 12.4,7.2 19,7.2 13.7,11.3 15.6,18 10,14 4.4,18 6.3,11.3 1,7.2 7.6,7.2',
  },
};

export interface StatusLook {
  readonly label: string;
  readonly color: string;
  readonly line: 'solid' | 'dashed' | 'dotted';
  /** For dashed lines: dash and gap lengths. */
  readonly dash: readonly [number, number];
  readonly meaning: string;
}

/** Every status the page draws: the schema's (RETRACTED included: grey and struck through). */
export type DrawnStatus = ClaimStatus;

export const STATUSES: Readonly<Record<DrawnStatus, StatusLook>> = {
  CONFIRMED: { label: 'Confirmed', color: '#475569', line: 'solid', dash: [0, 0], meaning: 'the source states it as fact' },
  REPORTED: { label: 'Reported', color: '#0369a1', line: 'dashed', dash: [9, 4], meaning: 'observers report it' },
  CLAIMED: { label: 'Claimed', color: '#c2410c', line: 'dashed', dash: [5, 4], meaning: 'one party to the events says so' },
  DISPUTED: { label: 'Disputed', color: '#be123c', line: 'dashed', dash: [2, 3], meaning: 'another party says otherwise' },
  UNVERIFIED: { label: 'Unverified', color: '#7e22ce', line: 'dotted', dash: [1, 4], meaning: 'the source cannot verify it' },
  DENIED: { label: 'Denied', color: '#6b7280', line: 'dotted', dash: [1, 6], meaning: 'the party concerned denies it' },
  RETRACTED: { label: 'Retracted', color: '#a8a29e', line: 'dashed', dash: [12, 3], meaning: 'the editors took it back' },
};

/** The schema's statuses, in the legend's order. */
export const STATUS_ORDER: readonly ClaimStatus[] = ['CONFIRMED', 'REPORTED', 'CLAIMED', 'DISPUTED', 'UNVERIFIED', 'DENIED', 'RETRACTED'];

/** A status the page does not know yet (a newer server) is drawn like a claim, not dropped. */
export function statusLook(status: string): StatusLook {
  return STATUSES[status as DrawnStatus] ?? { ...STATUSES.CLAIMED, label: status, meaning: 'a status this page does not know' };
}

export const STANCES: Readonly<Record<Stance, { readonly label: string; readonly color: string }>> = {
  ASSERTS: { label: 'asserts', color: '#15803d' },
  DISPUTES: { label: 'disputes', color: '#be123c' },
  DENIES: { label: 'denies', color: '#6b7280' },
  CANNOT_VERIFY: { label: 'cannot verify', color: '#7e22ce' },
};

export const PRECISIONS: Readonly<Record<TimePrecision, string>> = {
  DAY: 'day',
  MONTH: 'month',
  YEAR: 'year',
  RANGE: 'range',
};

export const KIND_ORDER = Object.keys(KINDS) as EntityKind[];

export function kindLabel(kind: EntityKind): string {
  return KINDS[kind]?.label ?? kind;
}

export const PLACE_KINDS: readonly EntityKind[] = ['COUNTRY', 'REGION', 'SETTLEMENT'];
