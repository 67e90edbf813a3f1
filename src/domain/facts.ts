/**
 * The rules that turn what a dataset records about a fact (its attributions, its time) into what
 * a client reads and filters on (its status, its time bounds). Both stores and the GraphQL layer
 * use these, so a status or a time window means the same everywhere.
 */
import { isIsoDate } from './dates.js';
import type { Attribution, PartialDate, Retraction, TimeSpan } from './model.js';
import type { ClaimStatus, QuantityMeasure, SourceKind, TimePrecision } from './vocabulary.js';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `YYYY`, `YYYY-MM` (a real month) or `YYYY-MM-DD` (a real day). */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  if (m[3] !== undefined) return isIsoDate(value);
  if (m[2] !== undefined) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return true;
}

export function precisionOfPartialDate(value: PartialDate): Exclude<TimePrecision, 'RANGE'> {
  return value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY';
}

export function precisionOf(span: TimeSpan): TimePrecision {
  return span.end === null ? precisionOfPartialDate(span.start) : 'RANGE';
}

/** The first day a partial date may mean: 2025 → 2025-01-01, 2025-01 → 2025-01-01. */
export function earliestDay(value: PartialDate): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** The last day a partial date may mean: 2025 → 2025-12-31, 2024-02 → 2024-02-29. */
export function latestDay(value: PartialDate): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [year, month] = value.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, '0')}`;
  }
  return value;
}

/** The days a time span may cover, inclusive ISO dates: what time windows filter and sort on. */
export interface TimeBounds {
  readonly earliest: string;
  readonly latest: string;
}

export function timeBounds(span: TimeSpan): TimeBounds {
  return { earliest: earliestDay(span.start), latest: latestDay(span.end ?? span.start) };
}

/** A window of days, inclusive; a null end is open. */
export interface TimeWindow {
  readonly from: string | null;
  readonly to: string | null;
}

/** Whether a span may fall in the window: its days and the window's overlap. */
export function overlapsWindow(bounds: TimeBounds, window: TimeWindow): boolean {
  return (window.from === null || bounds.latest >= window.from) && (window.to === null || bounds.earliest <= window.to);
}

/** Whether a day falls in the window. */
export function dayInWindow(day: string, window: TimeWindow): boolean {
  return (window.from === null || day >= window.from) && (window.to === null || day <= window.to);
}

/**
 * The status of a fact from its attributions, retracted ones left out (none left: RETRACTED), in
 * the first rule that applies:
 * 1. a party DENIES it: DISPUTED when another party asserts it, DENIED otherwise;
 * 2. a party DISPUTES it: DISPUTED;
 * 3. the source asserts it in its own voice (no claimant): CONFIRMED (for general knowledge too:
 *    the source, not the status, says where it comes from);
 * 4. somebody says they CANNOT_VERIFY it: UNVERIFIED;
 * 5. two or more different parties assert it: REPORTED (corroborated, not confirmed);
 * 6. one party asserts it: CLAIMED.
 * `sourceKindOf` is kept for rules to come (e.g. general knowledge contradicted by a document).
 */
export function deriveStatus(
  all: readonly Attribution[],
  _sourceKindOf?: (sourceId: string) => SourceKind | undefined,
): ClaimStatus {
  // Retracted attributions count for nothing; a fact with none left is RETRACTED.
  const attributions = all.filter((a) => !a.retraction);
  if (all.length > 0 && attributions.length === 0) return 'RETRACTED';
  const asserting = attributions.filter((a) => a.stance === 'ASSERTS');
  const has = (stance: Attribution['stance']) => attributions.some((a) => a.stance === stance);
  if (has('DENIES')) return asserting.length > 0 ? 'DISPUTED' : 'DENIED';
  if (has('DISPUTES')) return 'DISPUTED';
  if (asserting.some((a) => a.claimantId === null)) return 'CONFIRMED';
  if (has('CANNOT_VERIFY')) return 'UNVERIFIED';
  const claimants = new Set(asserting.map((a) => a.claimantId));
  return claimants.size >= 2 ? 'REPORTED' : 'CLAIMED';
}

/** The status of a fact: RETRACTED when the fact itself was retracted, else what its attributions give (deriveStatus). */
export function factStatus(attributions: readonly Attribution[], retraction: Retraction | null | undefined): ClaimStatus {
  return retraction ? 'RETRACTED' : deriveStatus(attributions);
}

/** The first party asserting the fact, by attribution order (retracted ones left out); null when none (or the source's own voice). */
export function firstClaimant(attributions: readonly Attribution[]): string | null {
  for (const a of attributions) if (a.stance === 'ASSERTS' && a.claimantId !== null && !a.retraction) return a.claimantId;
  return null;
}

/** Every party with an attribution on the fact, whatever its stance, in attribution order, once each. */
export function claimantsOf(attributions: readonly Attribution[]): string[] {
  return [...new Set(attributions.flatMap((a) => (a.claimantId === null ? [] : [a.claimantId])))];
}

/** The landed `date` of a fact: its time when that is a single day, else null. */
export function legacyDate(time: TimeSpan | null): string | null {
  return time !== null && time.end === null && time.start.length === 10 ? time.start : null;
}

/**
 * The units a quantity of each measure may be in: a duration or a distance needs one; counts of
 * people (troops, casualties, the size of a force) take none.
 */
export const UNITS_OF_MEASURE: Readonly<Record<QuantityMeasure, readonly string[]>> = {
  TROOPS: [],
  CASUALTIES: [],
  FORCE_SIZE: [],
  DURATION: ['days', 'weeks', 'months', 'years'],
  DISTANCE: ['m', 'km', 'miles'],
};
