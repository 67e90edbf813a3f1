/**
 * Scores a reading of the seed article against the hand-built seed graph. The reader gets the
 * graph's names only (its entities other than events, no facts): what an analyst's graph would
 * know before the article. Then:
 * - entities: linked ids, and new entities by name, against the seed's entities (events aside);
 * - quotes: a seed QUOTE is found when a quote with the same words (one may hold the other) has
 *   the same speaker;
 * - numbers: the seed's quantities and numeric qualifiers, by measure, value or bounds, and unit;
 * - dates: the seed's times, statement days and said-on days, equal at the coarser precision of
 *   the two ("2022" and "2022-02-24" agree);
 * - events: the seed's events from the article, matched one to one by type and a shared place or
 *   participant.
 */
import type { Dataset, EntityRecord, PartialDate, TimeSpan } from '../domain/model.js';
import { readArticle, sameWords, type ArticleInfo } from './extract.js';

export interface Score {
  readonly found: number;
  readonly expected: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
}

export interface Evaluation {
  readonly entities: Score;
  readonly quotes: Score;
  readonly numbers: Score;
  readonly dates: Score;
  readonly events: Score;
  /** What was expected and not found, for reading. */
  readonly missed: Record<string, string[]>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
const score = (found: number, expected: number, correctFound: number, correctExpected: number): Score => ({
  found,
  expected,
  correct: correctExpected,
  precision: ratio(correctFound, found),
  recall: ratio(correctExpected, expected),
});

/** The graph as it was before the article: its entities' names, no facts, no events. */
export function namesOnly(seed: Dataset): Dataset {
  return { sources: [], entities: seed.entities.filter((e) => e.kind !== 'EVENT'), relations: [], statements: [] };
}

export function evaluate(article: string, seed: Dataset, info: ArticleInfo): Evaluation {
  const { changeset, reading } = readArticle(article, namesOnly(seed), info);
  const documentSources = new Set(seed.sources.filter((s) => s.kind === 'DOCUMENT').map((s) => s.id));
  const fromDocument = (attributions: readonly { sourceId: string }[]) => attributions.some((a) => documentSources.has(a.sourceId));
  const missed: Record<string, string[]> = {};

  // Entities.
  const goldEntities = seed.entities.filter((e) => e.kind !== 'EVENT');
  const linked = new Set(changeset.existing.filter((e) => e.section === 'entities').map((e) => e.id));
  const newOnes = changeset.proposed.entities.filter((e) => e.kind !== 'EVENT');
  const nameMatches = (e: Record<string, unknown>) =>
    goldEntities.some((g) => [g.name, ...g.aliases].some((n) => n.toLowerCase() === String(e.name).replace(/^Unnamed\s+/i, '').toLowerCase()));
  const linkedCorrect = [...linked].filter((id) => goldEntities.some((g) => g.id === id)).length;
  const newCorrect = newOnes.filter(nameMatches).length;
  missed.entities = goldEntities.filter((g) => !linked.has(g.id)).map((g) => g.id);
  const entities = score(linked.size + newOnes.length, goldEntities.length, linkedCorrect + newCorrect, linkedCorrect + newCorrect);

  // Quotes with the right speaker.
  const goldQuotes = seed.statements.filter((s) => s.kind === 'QUOTE' && documentSources.has(s.sourceId));
  const quotes = reading.speeches.filter((s) => s.kind === 'QUOTE');
  const right = (q: (typeof quotes)[number], g: (typeof goldQuotes)[number]) => sameWords(q.text, g.text) && q.speaker?.id === g.speakerId;
  const goldFound = goldQuotes.filter((g) => quotes.some((q) => right(q, g)));
  missed.quotes = goldQuotes.filter((g) => !goldFound.includes(g)).map((g) => g.id);
  const quoteScore = score(quotes.length, goldQuotes.length, quotes.filter((q) => goldQuotes.some((g) => right(q, g))).length, goldFound.length);

  // Numbers.
  const key = (measure: string, value: number | null, min: number | null, max: number | null, unit: string | null) =>
    `${measure} ${value ?? `${min}-${max}`}${unit ? ` ${unit}` : ''}`;
  const goldNumbers = new Set<string>();
  for (const e of seed.entities) {
    if (!e.event || !fromDocument(e.event.attributions)) continue;
    for (const q of e.event.quantities) if (q.value !== null || q.min !== null) goldNumbers.add(key(q.measure, q.value, q.min, q.max, q.unit));
  }
  for (const r of seed.relations) {
    if (!fromDocument(r.attributions)) continue;
    const q = r.qualifiers;
    if (q.distanceKm !== undefined) goldNumbers.add(key('DISTANCE', q.distanceKm, null, null, 'km'));
    if (q.distanceMiles !== undefined) goldNumbers.add(key('DISTANCE', q.distanceMiles, null, null, 'miles'));
    if (q.troopCount !== undefined) goldNumbers.add(key('TROOPS', q.troopCount, null, null, null));
    if (q.casualtyCount !== undefined) goldNumbers.add(key('CASUALTIES', q.casualtyCount, null, null, null));
  }
  const foundNumbers = new Set(reading.document.numbers.map((n) => key(n.measure ?? 'NUMBER', n.value, n.min, n.max, n.unit)));
  missed.numbers = [...goldNumbers].filter((k) => !foundNumbers.has(k));
  const numberScore = score(foundNumbers.size, goldNumbers.size, [...foundNumbers].filter((k) => goldNumbers.has(k)).length, goldNumbers.size - missed.numbers.length);

  // Dates.
  const goldDates: TimeSpan[] = [];
  const addDate = (t: TimeSpan | null) => {
    if (t && !goldDates.some((g) => g.start === t.start && g.end === t.end)) goldDates.push({ start: t.start, end: t.end, text: t.text });
  };
  for (const e of seed.entities) if (e.event && fromDocument(e.event.attributions)) addDate(e.event.time);
  for (const r of seed.relations) if (fromDocument(r.attributions)) addDate(r.time);
  for (const s of seed.statements) if (s.date && documentSources.has(s.sourceId)) addDate({ start: s.date, end: null, text: null });
  for (const a of [...seed.relations.flatMap((r) => r.attributions), ...seed.entities.flatMap((e) => e.event?.attributions ?? [])]) {
    if (a.saidOn && documentSources.has(a.sourceId)) addDate({ start: a.saidOn, end: null, text: null });
  }
  const foundDates = reading.document.dates.map((d) => d.time);
  const sameTime = (a: TimeSpan, b: TimeSpan) => agree(a.start, b.start) && ((a.end === null && b.end === null) || (a.end !== null && b.end !== null && agree(a.end, b.end)));
  missed.dates = goldDates.filter((g) => !foundDates.some((f) => sameTime(f, g))).map((g) => `${g.start}${g.end ? `..${g.end}` : ''}`);
  const dateScore = score(
    foundDates.length,
    goldDates.length,
    foundDates.filter((f) => goldDates.some((g) => sameTime(f, g))).length,
    goldDates.length - missed.dates.length,
  );

  // Events.
  const goldEvents = seed.entities.filter((e) => e.event !== null && fromDocument(e.event.attributions));
  const endsOf = (e: EntityRecord) => ({
    places: seed.relations.filter((r) => r.type === 'TOOK_PLACE_IN' && r.from === e.id).map((r) => r.to),
    actors: seed.relations.filter((r) => r.type === 'PARTICIPATED_IN' && r.to === e.id).map((r) => r.from),
  });
  const nameOf = (id: string) => seed.entities.find((e) => e.id === id)?.name.toLowerCase() ?? id;
  const samePlace = (a: string, b: string) => a === b || nameOf(a).startsWith(nameOf(b)) || nameOf(b).startsWith(nameOf(a));
  const taken = new Set<string>();
  let eventsCorrect = 0;
  for (const found of reading.events) {
    const match = goldEvents.find((g) => {
      if (taken.has(g.id) || g.event!.type !== found.type) return false;
      const { places, actors } = endsOf(g);
      const placeShared = found.places.some((p) => places.some((q) => samePlace(p.actor.id, q)));
      const actorShared = found.participants.some((p) => actors.includes(p.actor.id));
      return placeShared || (actorShared && (found.places.length === 0 || places.length === 0));
    });
    if (match) {
      taken.add(match.id);
      eventsCorrect++;
    }
  }
  missed.events = goldEvents.filter((g) => !taken.has(g.id)).map((g) => g.id);
  const events = score(reading.events.length, goldEvents.length, eventsCorrect, eventsCorrect);

  return { entities, quotes: quoteScore, numbers: numberScore, dates: dateScore, events, missed };
}

/** Two partial dates agree at the coarser precision of the two. */
function agree(a: PartialDate, b: PartialDate): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** The figures as a table, then one JSON line. */
export function formatEvaluation(e: Evaluation): string[] {
  const rows = (['entities', 'quotes', 'numbers', 'dates', 'events'] as const).map((k) => {
    const s = e[k];
    return `${k.padEnd(9)} ${String(s.found).padStart(5)} ${String(s.expected).padStart(8)} ${String(s.correct).padStart(7)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)}`;
  });
  const missed = Object.entries(e.missed)
    .filter(([, list]) => list.length > 0)
    .map(([k, list]) => `missed ${k}: ${list.join(', ')}`);
  const json = Object.fromEntries(
    (['entities', 'quotes', 'numbers', 'dates', 'events'] as const).map((k) => [k, { precision: e[k].precision, recall: e[k].recall, found: e[k].found, expected: e[k].expected, correct: e[k].correct }]),
  );
  return ['what      found expected correct precision  recall', ...rows, ...missed, JSON.stringify(json)];
}
