/**
 * Who said what: quotes in the forms news uses (“…,” X said; X said: “…”; “…,” said X, a …;
 * “…,” he told Reuters; a quote that goes on from the last speaker's), reported statements ("X
 * said that …", "X reported …", "according to X, …"), and for every sentence the frame its facts
 * are told in: who says them, through whom, on which day, with which stance ("cannot verify").
 */
import type { Stance } from '../domain/vocabulary.js';
import { actorsIn, type Actor, type ArticleDocument } from './document.js';
import type { DateMention } from './dates.js';
import type { Sentence } from './text.js';

export interface Speech {
  readonly kind: 'QUOTE' | 'REPORTED';
  /** The quoted words (without the quotation marks) or the reported clause. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: Actor | null;
  readonly via: Actor | null;
  readonly date: DateMention | null;
  /** Which form of attribution was read, e.g. "“…,” said X". */
  readonly form: string;
  readonly confidence: number;
}

/** How a sentence's facts are told. */
export interface Frame {
  readonly sentence: Sentence;
  readonly claimant: Actor | null;
  readonly via: Actor | null;
  readonly saidOn: string | null;
  readonly stance: Stance;
  readonly speech: Speech | null;
  /** Where the told content begins (after "said that", "according to X,"); facts before it are the source's own. */
  readonly contentStart: number;
}

const VERBS =
  'said|says|stated|states|told|tells|noted|notes|remarked|emphasized|emphasised|stressed|added|adds|wrote|writes|declared|announced|announces|pledged|promised|vowed|warned|insisted|argued|explained|mentioned|indicated|indicate|indicates|reported|reports|claimed|claims|confirmed|acknowledged|asserted|predicted|urged|posted|estimated|estimate|believes|assessed|assess';
const VERB = new RegExp(`(?<![\\p{L}])(${VERBS})(?![\\p{L}])`, 'giu');
/** Verbs after which a following name is who was told, not who spoke. */
const TOLD = /^(told|tells)$/i;

const ROLE_NOUNS =
  'official|officials|spokesperson|spokesman|spokeswoman|commander|analyst|source|sources|diplomat|officer|soldier|minister|adviser|advisor|aide|resident|expert|lawmaker|representative|negotiator|observer|witness|evaluations|assessments|estimates|intelligence';
/** "a senior Ukrainian official", "A spokesperson for the U.S. State Department", "Ukrainian and Western evaluations". */
const ROLE = new RegExp(
  `(?<![\\p{L}])(?:(?:an?|the|one)\\s+)?((?:[\\p{L}-]+\\s+(?:and\\s+[\\p{L}-]+\\s+)?){0,3}?(?:${ROLE_NOUNS}))(?:\\s+(?:for|of|at|from|in)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}.’'-]*\\s*){1,5}))?(?![\\p{L}])`,
  'giu',
);

const SPEAKER_KINDS = new Set(['PERSON', 'ORGANIZATION', 'COUNTRY', 'UNIT']);

/** A possible speaker; an unnamed one ("a senior official") has its name pending until chosen. */
type Candidate = Actor & { readonly pendingName?: string };

interface Quote {
  readonly open: number;
  readonly close: number;
  readonly inner: string;
}

function findQuotes(text: string, sentences: readonly Sentence[]): Quote[] {
  const quotes: Quote[] = [];
  const pattern = /“([^”]+)”|"([^"\n]+)"/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const inner = m[1] ?? m[2]!;
    if (!sentences.some((s) => s.start <= m!.index && m!.index < s.end)) continue;
    if (inner.trim().split(/\s+/).length < 2) continue; // a scare-quoted word is not a quote
    quotes.push({ open: m.index, close: m.index + m[0].length, inner });
  }
  return quotes;
}

/** The quoted words as a statement: the sentence's comma or a fragment's full stop left out. */
function quotedWords(q: Quote): { text: string; start: number; end: number } {
  let text = q.inner;
  const start = q.open + 1;
  text = text.replace(/\s+$/, '');
  if (/[,;:]$/.test(text) || (/^\p{Ll}/u.test(text) && /\.$/.test(text))) text = text.slice(0, -1);
  return { text, start, end: start + text.length };
}

export function readSpeech(doc: ArticleDocument): { speeches: Speech[]; frames: Frame[] } {
  const { text, sentences } = doc;
  const speeches: Speech[] = [];
  const lastPerson = (before: number): Actor | null => {
    const people = actorsIn(doc, 0, before).filter((a) => a.kind === 'PERSON');
    const roles = unnamedBefore(before);
    const all = [...people, ...roles].sort((a, b) => a.start - b.start);
    return all[all.length - 1] ?? null;
  };
  const unnamedSeen: Actor[] = [];
  const unnamedBefore = (before: number) => unnamedSeen.filter((a) => a.end <= before);

  /** The speaker named in [start, end): the last actor or role phrase, or a pronoun's antecedent. */
  const speakerIn = (start: number, end: number, pick: 'last' | 'first'): Actor | null => {
    const candidates: Candidate[] = actorsIn(doc, start, end).filter((a) => SPEAKER_KINDS.has(a.kind));
    for (const role of rolesIn(start, end)) {
      if (!candidates.some((c) => c.start < role.end && role.start < c.end)) candidates.push(role);
      else {
        // "A spokesperson for the U.S. State Department": the role, not the department, speaks.
        const inside = candidates.filter((c) => c.start >= role.start && c.end <= role.end);
        if (inside.length > 0 && role.id !== inside[0]!.id && role.kind === 'PERSON') {
          for (const c of inside) candidates.splice(candidates.indexOf(c), 1);
          candidates.push(role);
        }
      }
    }
    const pronoun = /(?<![\p{L}])(he|she|He|She)(?![\p{L}])/gu;
    for (let m = pronoun.exec(text.slice(start, end)); m !== null; m = pronoun.exec(text.slice(start, end))) {
      const at = start + m.index;
      const person = lastPerson(at);
      if (person) candidates.push({ ...person, start: at, end: at + m[0].length, text: m[0] });
    }
    candidates.sort((a, b) => a.start - b.start);
    const chosen = (pick === 'last' ? candidates[candidates.length - 1] : candidates[0]) ?? null;
    return chosen ? registered(chosen) : null;
  };

  /** An unnamed speaker becomes a new entity only once chosen. */
  const registered = (c: Candidate): Actor => {
    if (c.pendingName === undefined) return c;
    const entity = doc.newEntities.add(c.pendingName, 'PERSON', 'an unnamed speaker, described by role', {
      text: c.text,
      start: c.start,
      end: c.end,
      confidence: 0.6,
    });
    const actor: Actor = { id: entity.id, kind: 'PERSON', start: c.start, end: c.end, text: c.text };
    if (!unnamedSeen.some((u) => u.start === c.start)) unnamedSeen.push(actor);
    return actor;
  };

  /** Role phrases in [start, end): linked when the graph knows them, new unnamed people otherwise. */
  const rolesIn = (start: number, end: number): Candidate[] => {
    const out: Candidate[] = [];
    const segment = text.slice(start, end);
    ROLE.lastIndex = 0;
    for (let m = ROLE.exec(segment); m !== null; m = ROLE.exec(segment)) {
      const phrase = m[1]!.trim();
      const of = m[2]?.trim().replace(/[,.]$/, '');
      const at = start + m.index;
      const stop = at + m[0].replace(/[,.\s]+$/, '').length;
      if (/^(the|a|an)\s/i.test(phrase)) continue;
      const plural = /s$/.test(phrase) && !/(spokes|ss)$/.test(phrase);
      // "Ukrainian and Western evaluations": the assessments of the named country.
      if (plural) {
        const demonym = phrase.split(/\s+/).find((w) => doc.gazetteer.demonyms.has(w));
        if (demonym) {
          const id = doc.gazetteer.demonyms.get(demonym)!;
          out.push({ id, kind: 'COUNTRY', start: at, end: stop, text: text.slice(at, stop) });
        }
        continue;
      }
      const names = of ? [`${of} ${phrase}`, phrase] : [phrase];
      const known = names.map((n) => doc.gazetteer.lookup(n)).find((e) => e !== undefined);
      if (known) {
        out.push({ id: known.id, kind: known.kind, start: at, end: stop, text: text.slice(at, stop) });
        continue;
      }
      const words = phrase.split(/\s+/);
      if (words.length < 2 && !of) {
        // A bare "official" says too little to be anyone; "a soldier" is still someone.
        if (!/^(soldier|resident|witness|analyst|commander|spokesperson|spokesman|spokeswoman)$/i.test(phrase)) continue;
      }
      // "analyst Franz-Stefan Gady": a title before a name, not an unnamed speaker.
      if (/^\s*\p{Lu}/u.test(text.slice(stop, stop + 3)) && !of) continue;
      const name = `Unnamed ${of ? `${of} ${phrase}` : phrase}`;
      out.push({ id: '', kind: 'PERSON', start: at, end: stop, text: text.slice(at, stop), pendingName: name });
    }
    return out;
  };

  const viaIn = (start: number, end: number): Actor | null => {
    const segment = text.slice(start, end);
    const m = /(?:\btold|\bto|\bwith|\bin\s+(?:a\s+)?(?:statement|interview|comments?|post)\s+(?:to|with|on))\s+(?:the\s+)?$/i;
    for (const actor of actorsIn(doc, start, end)) {
      if (!SPEAKER_KINDS.has(actor.kind) || actor.kind === 'PERSON' || actor.kind === 'COUNTRY') continue;
      if (m.test(segment.slice(0, actor.start - start))) return actor;
    }
    return null;
  };
  const dateIn = (start: number, end: number) => doc.dates.find((d) => d.start >= start && d.end <= end && d.precision === 'DAY') ?? null;

  // Quotes, in order; a quote with no attribution of its own goes on from the previous speaker's.
  const quotes = findQuotes(text, sentences);
  let previous: { speech: Speech; paragraph: number } | null = null;
  for (const q of quotes) {
    const first = sentences.find((s) => s.start <= q.open && q.open < s.end)!;
    const last = sentences.find((s) => s.start < q.close && q.close <= s.end) ?? first;
    const words = quotedWords(q);
    let speaker: Actor | null = null;
    let via: Actor | null = null;
    let date: DateMention | null = null;
    let form = '';
    let confidence = 0.9;
    // 1. After the quote: “…,” X said / “…,” said X, a … / “…,” he told Reuters.
    const tailEnd = Math.min(last.end, text.indexOf('“', q.close) === -1 ? last.end : text.indexOf('“', q.close));
    const tail = text.slice(q.close, tailEnd);
    const endsOpen = /[,?!—–-]\s*$/.test(q.inner) || /^\s*,/.test(tail);
    VERB.lastIndex = 0;
    const tailVerb = endsOpen ? VERB.exec(tail) : null;
    if (tailVerb && tailVerb.index < 60) {
      const verbAt = q.close + tailVerb.index;
      const verbEnd = verbAt + tailVerb[0].length;
      speaker = speakerIn(q.close, verbAt, 'last');
      if (speaker) form = '“…,” X said';
      else if (!TOLD.test(tailVerb[0])) {
        const clauseEnd = Math.min(tailEnd, verbEnd + 80);
        speaker = speakerIn(verbEnd, clauseEnd, 'first');
        form = '“…,” said X';
      }
      via = viaIn(verbAt, tailEnd);
      date = dateIn(q.close, tailEnd);
    }
    // 2. Before the quote, in its sentence: X said: “…” / X said, “…” / X said that … “…”.
    if (!speaker) {
      const headStart = Math.max(first.start, previous && previous.speech.end > first.start ? previous.speech.end + 1 : first.start);
      const head = text.slice(headStart, q.open);
      VERB.lastIndex = 0;
      let verb: RegExpExecArray | null = null;
      for (let m = VERB.exec(head); m !== null; m = VERB.exec(head)) verb = m;
      const according = /according\s+to\s+/i.exec(head);
      if (verb) {
        const verbAt = headStart + verb.index;
        speaker = speakerIn(headStart, verbAt, 'last');
        if (!speaker && !TOLD.test(verb[0])) speaker = speakerIn(verbAt, q.open, 'first');
        form = /:\s*$/.test(head) ? 'X said: “…”' : /that\s/.test(head.slice(verb.index)) ? 'X said that “…”' : 'X said, “…”';
        via = viaIn(verbAt, q.open);
        date = dateIn(speaker ? speaker.start : verbAt, q.open);
      } else if (according) {
        speaker = speakerIn(headStart + according.index + according[0].length, q.open, 'first');
        form = 'according to X, “…”';
      }
    }
    // 3. A quote standing alone goes on from the previous speaker in the same or the last paragraph.
    if (!speaker && previous && first.paragraph - previous.paragraph <= 1 && previous.speech.speaker) {
      speaker = previous.speech.speaker;
      via = previous.speech.via;
      form = 'continues the previous quote';
      confidence = 0.75;
    } else if (speaker && previous?.speech.speaker?.id === speaker.id && !via && first.paragraph - previous.paragraph <= 1) {
      // "She noted that “…”" right after her statement to Reuters: the same channel.
      via = previous.speech.via;
    }
    if (!speaker) {
      form = 'no speaker named';
      confidence = 0.5;
    }
    const speech: Speech = { kind: 'QUOTE', ...words, speaker, via, date, form, confidence };
    speeches.push(speech);
    previous = { speech, paragraph: first.paragraph };
  }

  // Frames and reported statements, sentence by sentence.
  const frames: Frame[] = [];
  let previousFrame: Frame | null = null;
  for (const sentence of sentences) {
    const s = sentence.text;
    const quoteHere = speeches.find((sp) => sp.kind === 'QUOTE' && sp.start >= sentence.start && sp.start < sentence.end);
    let frame: Frame | null = null;
    const according = /according\s+to\s+(?:the\s+)?/i.exec(s);
    const cannot = /\b(cannot|could not|can't|couldn't|was unable to|is unable to)\s+(?:independently\s+)?(verify|confirm)\b/i.exec(s);
    const denies = /\b(denied|denies|rejected|rejects|dismissed)\b/i.exec(s);
    VERB.lastIndex = 0;
    const verb = VERB.exec(s);
    if (according) {
      const from = sentence.start + according.index + according[0].length;
      const comma = s.indexOf(',', according.index);
      const upTo = comma === -1 ? sentence.end : sentence.start + comma;
      const claimant = speakerIn(from, upTo, 'first') ?? speakerIn(sentence.start + according.index, upTo, 'first');
      if (claimant) {
        const contentStart = comma === -1 ? sentence.start : upTo + 1;
        const speech = quoteHere ?? reported(sentence, contentStart, claimant, null, null, 'according to X, …');
        frame = { sentence, claimant, via: null, saidOn: null, stance: 'ASSERTS', speech, contentStart };
      }
    } else if (cannot) {
      const claimant = speakerIn(sentence.start, sentence.start + cannot.index, 'last');
      frame = { sentence, claimant, via: null, saidOn: null, stance: 'CANNOT_VERIFY', speech: null, contentStart: sentence.start + cannot.index };
    } else if (verb && !/\b(not|never|n’t|n't)\s+(?:\w+\s+)?$/i.test(s.slice(0, verb.index)) && !(quoteHere && quoteHere.start < sentence.start + verb.index)) {
      const verbAt = sentence.start + verb.index;
      const verbEnd = verbAt + verb[0].length;
      let claimant = speakerIn(sentence.start, verbAt, 'last');
      // "they claimed": the claimant of the sentence before.
      if (!claimant && /\bthey\s+(?:\w+\s+)?$/i.test(s.slice(0, verb.index)) && previousFrame?.claimant) claimant = previousFrame.claimant;
      if (claimant) {
        const that = /^\s+(?:(?:on|in)\s+\w+\s+)?(?:that\s+)?/i.exec(text.slice(verbEnd, sentence.end));
        const contentStart = verbEnd + (that ? that[0].length : 0);
        const date = dateIn(sentence.start, contentStart);
        const via = viaIn(verbAt, quoteHere ? quoteHere.start : sentence.end);
        const stance: Stance = denies && denies.index < verb.index + 20 ? 'DENIES' : 'ASSERTS';
        const speech: Speech | null =
          quoteHere ??
          (contentStart < sentence.end - 10 ? reported(sentence, contentStart, claimant, via, date, `X ${verb[0]} …`) : null);
        frame = { sentence, claimant, via, saidOn: date?.time.start ?? null, stance, speech, contentStart };
      }
    } else if (quoteHere?.speaker) {
      frame = { sentence, claimant: quoteHere.speaker, via: quoteHere.via, saidOn: quoteHere.date?.time.start ?? null, stance: 'ASSERTS', speech: quoteHere, contentStart: sentence.start };
    }
    if (frame) {
      frames.push(frame);
      if (frame.speech && frame.speech.kind === 'REPORTED') speeches.push(frame.speech);
    }
    previousFrame = frame;
  }
  return { speeches, frames };

  function reported(sentence: Sentence, from: number, speaker: Actor, via: Actor | null, date: DateMention | null, form: string): Speech {
    let start = from;
    while (start < sentence.end && /\s/.test(text[start]!)) start++;
    let end = sentence.end;
    while (end > start && /[.\s]/.test(text[end - 1]!)) end--;
    return { kind: 'REPORTED', text: text.slice(start, end), start, end, speaker, via, date, form, confidence: 0.7 };
  }
}
