/**
 * A page of the timeline of every fact, read a few days at a time. Entries come in order of
 * their first day, and every part of TIMELINE_PAGE can be bounded to those beginning by a day
 * (timelineRanges' `beganBy`, served by indexes), so a page reads the days from its start (the
 * cursor's day, the window's start, else the first dated event or statement) until it holds a
 * page: a first page of a million relations reads its first days, not the million. Each read is
 * open below and the last one open above, so the page is the one the whole list would give.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import type { TimeWindow } from '../../domain/index.js';
import { laterDay, TIMELINE_FIRST_DAY, TIMELINE_PAGE, timelineRanges } from './cypher/facts.js';
import type { QueryRunner } from './executor.js';
import type { Row } from './mapping.js';

/** Reads before the last, open one: days grow by at least 16 times each, so this spans centuries. */
const MAX_BOUNDED_READS = 6;

/** The day `days` after `day` (YYYY-MM-DD), or null when `day` is not one or the result is past 9999. */
function daysAfter(day: string, days: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The rows of TIMELINE_PAGE for `params` (kinds, window, $after, $rowLimit), reading
 * the entries that begin by a day that grows until the page is full or the window ends.
 */
export async function timelineRows(
  tx: QueryRunner,
  window: TimeWindow,
  params: Readonly<Record<string, unknown>> & { readonly rowLimit: Integer },
  afterEarliest: string | null,
): Promise<Row[]> {
  const rowLimit = neo4j.integer.toNumber(params.rowLimit);
  const start = laterDay(afterEarliest, window.from) ?? (await firstDay(tx));
  let days = 1;
  for (let read = 0; ; read++) {
    const beganBy = start === null || read === MAX_BOUNDED_READS ? null : daysAfter(start, days - 1);
    const last = beganBy === null || (window.to !== null && beganBy >= window.to);
    const rows = await tx.run(TIMELINE_PAGE.page, { ...params, ...timelineRanges(window, afterEarliest, last ? null : beganBy) });
    if (last || rows.length >= rowLimit) return rows;
    // Enough days for about twice the rows still missing at this density; 16 times when none.
    days *= rows.length === 0 ? 16 : Math.max(16, Math.ceil((2 * rowLimit) / rows.length));
  }
}

async function firstDay(tx: QueryRunner): Promise<string | null> {
  const [row] = await tx.run(TIMELINE_FIRST_DAY);
  return (row?.['day'] as string | null | undefined) ?? null;
}
