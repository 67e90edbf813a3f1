/**
 * How kinds and claim statuses look, in one place: the canvas's style and the legend both read
 * these tables, so they cannot disagree.
 */
import type { ClaimStatus, EntityKind } from '../gql/graphql.js';

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
  EVENT: { label: 'Event', color: '#be185d', shape: 'star', points: '10,1 12.6,7 19,7.2 14,11.4 15.6,18 10,14.4 4.4,18 6,11.4 1,7.2 7.4,7' },
};

export interface StatusLook {
  readonly label: string;
  readonly color: string;
  readonly line: 'solid' | 'dashed' | 'dotted';
  /** For dashed lines: dash and gap lengths. */
  readonly dash: readonly [number, number];
  readonly meaning: string;
}

export const STATUSES: Readonly<Record<ClaimStatus, StatusLook>> = {
  CONFIRMED: { label: 'Confirmed', color: '#475569', line: 'solid', dash: [0, 0], meaning: 'the source states it as fact' },
  REPORTED: { label: 'Reported', color: '#0369a1', line: 'dashed', dash: [9, 4], meaning: 'an observer reports it' },
  CLAIMED: { label: 'Claimed', color: '#c2410c', line: 'dashed', dash: [5, 4], meaning: 'a party to the events says so' },
  DISPUTED: { label: 'Disputed', color: '#be123c', line: 'dashed', dash: [2, 3], meaning: 'another party says otherwise' },
  UNVERIFIED: { label: 'Unverified', color: '#7e22ce', line: 'dotted', dash: [1, 4], meaning: 'the source cannot verify it' },
  DENIED: { label: 'Denied', color: '#6b7280', line: 'dotted', dash: [1, 6], meaning: 'the party concerned denies it' },
};

export const KIND_ORDER = Object.keys(KINDS) as EntityKind[];
export const STATUS_ORDER = Object.keys(STATUSES) as ClaimStatus[];

export function kindLabel(kind: EntityKind): string {
  return KINDS[kind]?.label ?? kind;
}
