/**
 * Names the graph does not know yet: proper names in the text (as compromise tags them, or a run
 * of capitalised words in Latin or Cyrillic) that no gazetteer entry matched, each with a guessed
 * kind and the reason for the guess. Unnamed speakers ("a senior military official", "a
 * spokesperson for the State Department") are found by the quote reader, not here.
 */
import nlp from 'compromise';
import type { EntityKind } from '../domain/vocabulary.js';
import type { Mention } from './gazetteer.js';
import type { Sentence } from './text.js';

export interface NewName {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: EntityKind;
  readonly reason: string;
  readonly confidence: number;
}

/** Titles before a person's name. */
const TITLES =
  /(?:^|\s)(President(?:-elect)?|Prime Minister|Minister|Secretary(?: of State)?|General|Major General|Lieutenant General|Colonel|Commander|Admiral|Chancellor|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|analyst|spokesperson|spokesman|spokeswoman|chief|governor|Governor|mayor|Mayor|commander|envoy|ambassador|Ambassador|official|minister|General Staff chief)\s*$/;
/** Words that make a name a military formation, or an organisation. */
const UNIT_WORDS = /\b(Brigade|Battalion|Regiment|Division|Corps|Army|Forces|Troops|Group|Fleet|Guard|Spetsnaz)\b/;
const ORG_WORDS = /\b(Ministry|Agency|Department|Council|Committee|Union|Institute|Office|Service|Bank|Parliament|Senate|Congress|Company|Corporation|Party|News|Post|Times|Association|Organization|Organisation|Commission|Court|Fund)\b/;
const PLACE_AFTER = /^\s+(region|oblast|province|district|Region|Oblast|Province|District)\b/;
const SETTLEMENT_BEFORE = /(?:town|city|village|settlement|capital|port|hamlet)\s+of\s+$|(?:near|outside|in|into|towards?|from|around)\s+$/;
/** Capitalised words that are not names: sentence openers, months, days, titles alone. */
const NOT_NAMES = new Set(
  'The A An This That These Those It Its He She They We I You Our Their His Her But And Or So Yet If As At In On Of For By To From With Meanwhile Additionally According Both Over Currently However Moreover Also Still While Although Though After Before During Since Until When Where What Which Who Why How Independent Conflicting Western Eastern Northern Southern Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December President President-elect Secretary Minister General Major Colonel Commander State Mr Ms Mrs Dr Chief Prime'.split(
    ' ',
  ),
);

/** Finds names in the sentences that no known mention covers. */
export function findNewNames(
  text: string,
  sentences: readonly Sentence[],
  known: readonly Mention[],
  demonyms: ReadonlyMap<string, string>,
): NewName[] {
  const covered = (start: number, end: number) => known.some((m) => m.start < end && start < m.end);
  const found: NewName[] = [];
  for (const sentence of sentences) {
    const tagged = taggedTerms(sentence.text);
    const run = /(?<![\p{L}\p{N}’'-])\p{Lu}[\p{L}’'.-]*(?:\s+(?:of\s+|de\s+|al-)?\p{Lu}[\p{L}’'.-]*)*/gu;
    for (let m = run.exec(sentence.text); m !== null; m = run.exec(sentence.text)) {
      let words = m[0].replace(/[’']s$/, '').replace(/[.,]$/, '');
      // Leading words that are not names ("Independent military analyst ...", "President-elect ...").
      let lead = 0;
      while (true) {
        const first = /^\S+\s*/.exec(words);
        if (!first) break;
        const word = first[0].trim().replace(/[.,]$/, '');
        if (!NOT_NAMES.has(word) && !demonyms.has(word)) break;
        lead += first[0].length;
        words = words.slice(first[0].length);
      }
      if (words.length < 2 || /^\p{Lu}\.?$/u.test(words)) continue;
      const start = sentence.start + m.index + lead;
      const end = start + words.length;
      if (covered(start, end)) continue;
      if (words.split(/\s+/).every((w) => demonyms.has(w) || NOT_NAMES.has(w))) continue;
      const atSentenceStart = m.index + lead === 0;
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 20);
      const guess = guessKind(words, before, after, tagged, atSentenceStart);
      if (guess) found.push({ start, end, text: words, ...guess });
    }
  }
  return found;
}

function taggedTerms(sentence: string): Map<string, Set<string>> {
  const tags = new Map<string, Set<string>>();
  const json = nlp(sentence).json({ terms: { tags: true } }) as { terms: { text: string; tags: string[] }[] }[];
  for (const s of json) for (const t of s.terms) tags.set(t.text.replace(/[’']s$/, ''), new Set(t.tags));
  return tags;
}

function guessKind(
  words: string,
  before: string,
  after: string,
  tagged: Map<string, Set<string>>,
  atSentenceStart: boolean,
): Omit<NewName, 'start' | 'end' | 'text'> | null {
  const tagsOf = (w: string) => tagged.get(w) ?? new Set<string>();
  const parts = words.split(/\s+/);
  const any = (tag: string) => parts.some((w) => tagsOf(w).has(tag));
  if (UNIT_WORDS.test(words)) return { kind: 'UNIT', reason: `a military formation's word in the name ("${UNIT_WORDS.exec(words)![0]}")`, confidence: 0.7 };
  if (ORG_WORDS.test(words)) return { kind: 'ORGANIZATION', reason: `an organisation's word in the name ("${ORG_WORDS.exec(words)![0]}")`, confidence: 0.7 };
  if (TITLES.test(before)) return { kind: 'PERSON', reason: `follows a title or role ("${TITLES.exec(before)![1]}")`, confidence: 0.8 };
  if (PLACE_AFTER.test(after)) return { kind: 'REGION', reason: `followed by "${PLACE_AFTER.exec(after)![1]}"`, confidence: 0.75 };
  if (any('Person') || any('FirstName') || any('LastName'))
    return { kind: 'PERSON', reason: 'compromise tags it as a person’s name', confidence: 0.65 };
  if (any('Country')) return { kind: 'COUNTRY', reason: 'compromise tags it as a country', confidence: 0.7 };
  if (SETTLEMENT_BEFORE.test(before))
    return { kind: 'SETTLEMENT', reason: `a place word before it ("${SETTLEMENT_BEFORE.exec(before)![0].trim()}")`, confidence: 0.55 };
  if (any('Place') || any('City')) return { kind: 'SETTLEMENT', reason: 'compromise tags it as a place', confidence: 0.55 };
  if (any('Organization')) return { kind: 'ORGANIZATION', reason: 'compromise tags it as an organisation', confidence: 0.55 };
  if (!atSentenceStart && parts.length >= 2 && /^[\p{Lu}][\p{Ll}’'-]+$/u.test(parts[0]!) && /^[\p{Lu}][\p{Ll}’'-]+$/u.test(parts[parts.length - 1]!))
    return { kind: 'PERSON', reason: 'two or more capitalised words inside a sentence, read as a person’s name', confidence: 0.45 };
  return null;
}
