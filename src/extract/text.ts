/**
 * The article as paragraphs and sentences, each with its character offsets [start, end) in the
 * input, so that every proposal can point at the words it came from. Web-page furniture ("See
 * also …", "Subscribe …", headings in capitals) is set aside: it is not reporting.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Sentence extends Span {
  readonly index: number;
  readonly paragraph: number;
}

export interface Paragraph extends Span {
  readonly index: number;
  readonly sentences: readonly Sentence[];
}

/** Lines a news page carries that are not the article: related links, sign-ups, comment forms. */
const BOILERPLATE =
  /^(see also|related:|read more|subscribe|discover more from|leave a reply|your email address|share this|follow us|sign up|advertisement|click here|copyright|©)/i;

/** A heading: a short line in capitals without a full stop ("UKRAINIAN STRATEGY"). */
function isHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && line === line.toUpperCase() && line.split(/\s+/).length <= 8 && !/[.!?”"]$/.test(line);
}

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.test(line.trim()) || isHeading(line.trim());
}

/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen lt col maj capt sgt adm cmdr gov sen rep st jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx est inc ltd co corp dept univ'.split(' '),
);

/** Whether the full stop at `dot` ends an abbreviation ("U.S.", "Gen.") rather than a sentence. */
function endsAbbreviation(text: string, dot: number): boolean {
  const before = /[\p{L}.]+$/u.exec(text.slice(0, dot))?.[0] ?? '';
  if (/^(\p{Lu}\.)*\p{Lu}$/u.test(before)) return true; // U.S, U.K, J (an initial)
  return ABBREVIATIONS.has(before.toLowerCase());
}

/** Splits one paragraph into sentences at . ! ? (and a closing quote after them) before a capital or an opening quote. */
function splitSentences(text: string, offset: number, paragraph: number, first: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?]+[”"’)]*(?=\s+[“"‘(\p{Lu}\d])/gu;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[0].startsWith('.') && m[0].length === 1 && endsAbbreviation(text, m.index)) continue;
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return sentences;

  function push(from: number, to: number) {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) {
      sentences.push({ start: offset + from, end: offset + to, text: text.slice(from, to), index: first + sentences.length, paragraph });
    }
  }
}

/** The article's paragraphs (one per non-empty line), boilerplate left out. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let sentenceCount = 0;
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '' || isBoilerplate(body)) continue;
    const start = m.index + lead;
    const sentences = splitSentences(body, start, paragraphs.length, sentenceCount);
    sentenceCount += sentences.length;
    paragraphs.push({ start, end: start + body.length, text: body, index: paragraphs.length, sentences });
  }
  return paragraphs;
}

export function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[] {
  return paragraphs.flatMap((p) => p.sentences);
}

/** The sentence that holds offset `at`, or null when it lies in boilerplate. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | null {
  return sentences.find((s) => s.start <= at && at < s.end) ?? null;
}

/** Straight and typographic apostrophes and quotes read alike when comparing words. */
export function normalizeText(text: string): string {
  return text
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
