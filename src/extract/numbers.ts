/**
 * Numbers as news gives them, with the bounds the wording implies: "approximately 11,000" is
 * 11000 APPROXIMATE, "over 1,000" MORE_THAN 1000, "several hundred" 200 to 999, "within five
 * miles" AT_MOST 5 miles, "32 km (20 miles)" a distance in each unit. Word numbers are read by
 * compromise-numbers. What the number counts (troops, casualties, a distance, a duration) comes
 * from the words around it.
 */
import nlp from 'compromise';
import numbersPlugin from 'compromise-numbers';
import type { Approximation, QuantityMeasure } from '../domain/vocabulary.js';
import type { Span } from './text.js';

nlp.plugin(numbersPlugin);

export interface NumberMention {
  readonly start: number;
  readonly end: number;
  /** The words, bound and unit included ("approximately 11,000"). */
  readonly text: string;
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly approximation: Approximation | null;
  readonly unit: string | null;
  readonly measure: QuantityMeasure | null;
  readonly confidence: number;
}

const WORD_NUMBER =
  '(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)(?:[- ](?:and[- ])?(?=one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion))?)+';
const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const VAGUE = '(?:several|a\\s+few|a\\s+couple\\s+of)';
const BOUND =
  '(?:approximately|about|around|roughly|some|an\\s+estimated|estimated|nearly|almost|close\\s+to|over|more\\s+than|in\\s+excess\\s+of|at\\s+least|no\\s+fewer\\s+than|up\\s+to|at\\s+most|fewer\\s+than|less\\s+than|under|within)';
const UNIT =
  '(?:km|kilometres|kilometers|kilometre|kilometer|miles|mile|mi|metres|meters|m|days|day|weeks|week|months|month|years|year)';

/** A bound, then a number (digits, words, "several hundred", "hundreds of"), then an optional unit. */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N},.])(?:(${BOUND})\\s+)?(?:(${VAGUE})\\s+(hundred|thousand|million|dozen)|(hundreds|thousands|dozens|tens\\s+of\\s+thousands)\\s+of|(${DIGITS})|(${WORD_NUMBER})(?![\\p{L}])|(${VAGUE})(?=\\s+${UNIT}\\b))(?:[- ]?(${UNIT})(?![\\p{L}]))?`,
  'giu',
);

const APPROXIMATION_OF_BOUND: [RegExp, Approximation][] = [
  [/^(approximately|about|around|roughly|some|an\s+estimated|estimated|nearly|almost|close\s+to)$/i, 'APPROXIMATE'],
  [/^(over|more\s+than|in\s+excess\s+of)$/i, 'MORE_THAN'],
  [/^(at\s+least|no\s+fewer\s+than)$/i, 'AT_LEAST'],
  [/^(up\s+to|at\s+most|fewer\s+than|less\s+than|under|within)$/i, 'AT_MOST'],
];

const SCALE: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000 };

const UNIT_NAMES: Record<string, string> = {
  km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km',
  miles: 'miles', mile: 'miles', mi: 'miles', metres: 'm', meters: 'm', m: 'm',
  days: 'days', day: 'days', weeks: 'weeks', week: 'weeks', months: 'months', month: 'months', years: 'years', year: 'years',
};

function wordValue(words: string): number | null {
  const values = (nlp(words) as unknown as { numbers(): { get(): number[] } }).numbers().get();
  return values.length === 1 && Number.isFinite(values[0]) ? values[0]! : null;
}

/** The words after the number that say what it counts. */
const TROOPS = /^\s+(?:[\p{L}-]+\s+){0,3}?(troops|soldiers|servicemen|fighters|personnel|forces|men|military\s+personnel)\b/iu;
const CASUALTIES = /\b(killed|wounded|injured|dead|casualties|died|lost)\b/i;

/** Every number in `text` outside the spans already read as dates. */
export function findNumbers(text: string, inside: readonly Span[], dates: readonly Span[]): NumberMention[] {
  const found: NumberMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const [whole, bound, vague, scaleWord, plural, digits, words, vagueAlone, unitWord] = m;
    const start = m.index;
    const end = start + whole.length;
    if (!inside.some((s) => s.start <= start && end <= s.end)) continue;
    if (dates.some((d) => d.start < end && start < d.end)) continue;
    // "a second consecutive day", "one of": ordinals and "one" as a pronoun are not counts.
    if (words && /^one$/i.test(words) && !unitWord) continue;
    let value: number | null = null;
    let min: number | null = null;
    let max: number | null = null;
    let approximation: Approximation | null = null;
    if (digits) value = Number(digits.replace(/,/g, ''));
    else if (words) value = wordValue(words);
    else if (vague && scaleWord) {
      const scale = SCALE[scaleWord.toLowerCase()]!;
      const few = /few/i.test(vague) ? 5 : /couple/i.test(vague) ? 2 : 9;
      min = 2 * scale;
      max = (few + 1) * scale - 1;
    } else if (plural) {
      const scale = /tens/i.test(plural) ? 10_000 : SCALE[plural.toLowerCase().replace(/s$/, '')]!;
      min = 2 * scale;
      max = (/tens/i.test(plural) ? 10 : /dozens/i.test(plural) ? 100 / 12 : 10) * scale - 1;
      max = Math.round(max);
    } else if (vagueAlone) {
      min = 2;
      max = /few/i.test(vagueAlone) ? 5 : 9;
    }
    if (value === null && min === null) continue;
    // A year ("in 2022") or a figure inside a name is not a count.
    if (digits && !bound && !unitWord && /^\d{4}$/.test(digits) && value! >= 1900 && value! <= 2100) continue;
    if (bound) approximation = APPROXIMATION_OF_BOUND.find(([p]) => p.test(bound))?.[1] ?? null;
    else if (value !== null) approximation = 'EXACT';
    const unit = unitWord ? UNIT_NAMES[unitWord.toLowerCase()] ?? unitWord.toLowerCase() : null;
    const after = text.slice(end, end + 60);
    const clause = text.slice(end, Math.min(text.length, end + 120)).split(/[.;]/)[0]!;
    let measure: QuantityMeasure | null = null;
    if (unit === 'km' || unit === 'miles' || unit === 'm') measure = 'DISTANCE';
    else if (unit && ['days', 'weeks', 'months', 'years'].includes(unit)) measure = 'DURATION';
    else if (CASUALTIES.test(clause) && TROOPS.test(after)) measure = 'CASUALTIES';
    else if (TROOPS.test(after)) measure = 'TROOPS';
    else if (CASUALTIES.test(clause)) measure = 'CASUALTIES';
    const troopWords = TROOPS.exec(after);
    const wordingEnd = measure === 'TROOPS' || measure === 'CASUALTIES' ? end + (troopWords ? troopWords.index + troopWords[0].length : 0) : end;
    found.push({
      start,
      end: wordingEnd,
      text: text.slice(start, wordingEnd),
      value,
      min,
      max,
      approximation,
      unit,
      measure,
      confidence: measure === null ? 0.5 : 0.85,
    });
  }
  return found;
}
