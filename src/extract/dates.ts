/**
 * Dates resolved against the publication date, as precisely as the words allow: "on Monday" is
 * the Monday on or before publication (DAY), "in January" a MONTH, "January 5, 2025" a DAY, "over
 * the past five months" a RANGE from five months before publication to publication. chrono-node
 * reads the calendar words; the rules here decide precision and direction. Durations ("for
 * several weeks") are numbers (numbers.ts), not dates.
 */
import * as chrono from 'chrono-node';
import type { TimeSpan } from '../domain/model.js';
import type { TimePrecision } from '../domain/vocabulary.js';
import type { Span } from './text.js';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly time: TimeSpan;
  readonly precision: TimePrecision;
  readonly confidence: number;
  /** A duration read as running up to publication ("for several weeks"): its words are a number too. */
  readonly runsUntilNow?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const month = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, a: 1, several: 3, few: 3 };

/** "over the past five months", "in the last two weeks", "during the past year". */
const PAST_PERIOD =
  /\b(?:over|in|during|for|throughout)\s+the\s+(?:past|last|previous)\s+(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)\s+)?(day|week|month|year)s?\b/gi;

/** The day a weekday names, on or before publication: news speaks of what has happened. */
function weekdayOnOrBefore(published: Date, weekday: number): Date {
  const back = (published.getUTCDay() - weekday + 7) % 7;
  return new Date(published.getTime() - back * 86_400_000);
}

function pastPeriods(text: string, published: Date, inside: readonly Span[]): DateMention[] {
  const out: DateMention[] = [];
  PAST_PERIOD.lastIndex = 0;
  for (let m = PAST_PERIOD.exec(text); m !== null; m = PAST_PERIOD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!inside.some((s) => s.start <= start && end <= s.end)) continue;
    const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : UNIT_WORDS[m[1].toLowerCase()]!;
    const unit = m[2]!.toLowerCase();
    const from = new Date(published);
    let startDate: string;
    if (unit === 'day' || unit === 'week') {
      from.setUTCDate(from.getUTCDate() - n * (unit === 'week' ? 7 : 1));
      startDate = day(from);
    } else if (unit === 'month') {
      from.setUTCMonth(from.getUTCMonth() - n);
      startDate = month(from);
    } else {
      startDate = String(published.getUTCFullYear() - n);
    }
    out.push({
      start,
      end,
      text: m[0],
      time: { start: startDate, end: day(published), text: m[0] },
      precision: 'RANGE',
      confidence: /several|few/i.test(m[1] ?? '') ? 0.6 : 0.85,
    });
  }
  return out;
}

const N_WORDS = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a)';
/**
 * Times that run up to publication: "for several weeks" (the most "several" allows: nine), "the
 * nearly three-year conflict", "for a second consecutive day".
 */
const UNTIL_NOW: [RegExp, (m: RegExpExecArray) => { n: number; unit: string }][] = [
  [new RegExp(`\\bfor\\s+${N_WORDS}\\s+(day|week|month|year)s?\\b`, 'gi'), (m) => ({ n: count(m[1]!, true), unit: m[2]!.toLowerCase() })],
  [new RegExp(`\\b(?:nearly|almost|about|more than|over)?\\s*${N_WORDS}[- ](year|month|week)[- ]old\\b|\\b(?:nearly|almost|about|more than|over)?\\s*${N_WORDS}[- ](year|month|week)\\s+(?:war|conflict|campaign|siege|occupation|battle|offensive|fight|struggle)\\b`, 'gi'),
    (m) => ({ n: count((m[1] ?? m[3])!, false), unit: (m[2] ?? m[4])!.toLowerCase() })],
  [/\bfor\s+(?:a|the)\s+(second|third|fourth|fifth|sixth|seventh)\s+(?:consecutive|straight|successive)\s+(day|week|month|year)\b/gi,
    (m) => ({ n: ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'].indexOf(m[1]!.toLowerCase()) + 1, unit: m[2]!.toLowerCase() })],
];

function count(words: string, upper: boolean): number {
  const w = words.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'several') return upper ? 9 : 3;
  if (w === 'a few') return upper ? 5 : 3;
  return UNIT_WORDS[w] ?? 1;
}

function untilNow(text: string, published: Date, inside: readonly Span[]): DateMention[] {
  const out: DateMention[] = [];
  for (const [pattern, read] of UNTIL_NOW) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (!inside.some((s) => s.start <= start && end <= s.end)) continue;
      const { n, unit } = read(m);
      const from = new Date(published);
      let first: string;
      if (unit === 'day') {
        from.setUTCDate(from.getUTCDate() - n);
        first = day(from);
      } else if (unit === 'week') {
        from.setUTCDate(from.getUTCDate() - 7 * n);
        first = month(from);
      } else if (unit === 'month') {
        from.setUTCMonth(from.getUTCMonth() - n);
        first = month(from);
      } else first = String(published.getUTCFullYear() - n);
      const words = text.slice(start, end);
      out.push({ start, end, text: words, time: { start: first, end: day(published), text: words }, precision: 'RANGE', confidence: 0.5, runsUntilNow: true });
    }
  }
  return out;
}

/** Every date in the text, resolved against `published` (YYYY-MM-DD). */
export function findDates(text: string, published: string, inside: readonly Span[]): DateMention[] {
  const reference = new Date(`${published}T12:00:00Z`);
  const found = [...pastPeriods(text, reference, inside), ...untilNow(text, reference, inside)];
  const results = chrono.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    let start = r.index;
    let words = r.text.replace(/[\s,.;:]+$/, '');
    if (/^(for|past|next|within)\b/i.test(words) || /^(now|the\s+past|past)\b/i.test(words)) continue;
    // chrono's "for several weeks" and similar are durations, read as numbers.
    if (/^(?:\d+|several|few|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?|months?|years?)$/i.test(words)) continue;
    const end = start + words.length;
    if (!inside.some((s) => s.start <= start && end <= s.end)) continue;
    if (found.some((d) => d.start < end && start < d.end)) continue;
    const c = r.start;
    const y = c.get('year')!;
    const mo = c.get('month')!;
    const d = c.get('day')!;
    let time: string;
    let precision: TimePrecision;
    const weekdayWord = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`, 'i').test(words));
    if (weekdayWord >= 0 && !c.isCertain('day')) {
      time = day(weekdayOnOrBefore(reference, weekdayWord));
      precision = 'DAY';
    } else if (c.isCertain('day') || /\b(today|yesterday|tomorrow)\b/i.test(words)) {
      time = `${y}-${pad(mo)}-${pad(d)}`;
      precision = 'DAY';
    } else if (c.isCertain('month')) {
      // A month without a year is the last one so named, on or before publication.
      const year = c.isCertain('year') ? y : mo > reference.getUTCMonth() + 1 ? reference.getUTCFullYear() - 1 : reference.getUTCFullYear();
      time = `${year}-${pad(mo)}`;
      precision = 'MONTH';
    } else if (c.isCertain('year')) {
      time = String(y);
      precision = 'YEAR';
    } else continue;
    // Keep the preposition that says how the date bounds the fact ("on Sunday", "by January 20").
    const lead = /(?:\b(on|by|in|since|until|from|before|after|as of)\s+)$/i.exec(text.slice(Math.max(0, start - 10), start));
    if (lead && !/^(on|by|in|since|until|from|before|after)\b/i.test(words)) {
      start -= lead[0].length;
      words = text.slice(start, end);
    }
    found.push({ start, end, text: words, time: { start: time, end: null, text: words }, precision, confidence: precision === 'DAY' ? 0.9 : 0.8 });
  }
  return found.sort((a, b) => a.start - b.start);
}
