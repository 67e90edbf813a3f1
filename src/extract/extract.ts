/**
 * Reads one article against the graph and builds the changeset: the source, the entities it
 * introduces, its quotes and reported statements, its events with their participants and places,
 * the distances it gives between places; each proposal with its evidence. What the graph holds
 * already (an entity named again, the same quote, the same event) is listed as existing instead.
 */
import type { Changeset, EvidenceSpan, ProposalEvidence, RecordSection } from '../domain/changeset.js';
import type { Dataset, EntityRecord } from '../domain/model.js';
import { ACTOR_KINDS, PLACE_KINDS, RELATION_TYPES, type RelationType } from '../domain/vocabulary.js';
import { findDates } from './dates.js';
import { NewEntities, actorsIn, type Actor, type ArticleDocument } from './document.js';
import { findEvents, type FoundEvent } from './events.js';
import { Gazetteer } from './gazetteer.js';
import { findNewNames } from './new-names.js';
import { findNumbers } from './numbers.js';
import { readSpeech, type Speech } from './speech.js';
import { normalizeText, paragraphsOf, sentencesOf } from './text.js';
import { slugOf } from './transliterate.js';

export interface ArticleInfo {
  readonly title?: string;
  readonly publisher?: string;
  /** YYYY-MM-DD; relative dates ("on Monday") resolve against it. Today when not given. */
  readonly published?: string;
  readonly url?: string;
}

/** What was read, beside the changeset: for the evaluation and for tests. */
export interface Reading {
  readonly document: ArticleDocument;
  readonly speeches: readonly Speech[];
  readonly events: readonly FoundEvent[];
  /** The id each found event has in the changeset (proposed) or in the graph (existing). */
  readonly eventIds: ReadonlyMap<FoundEvent, string>;
  /** The id each speech has as a statement, proposed or existing; absent when it was not recorded. */
  readonly statementIds: ReadonlyMap<Speech, string>;
}

type Rec = Record<string, unknown>;

export { RELATION_TYPES_READ } from './relation-types-read.js';

export function readArticle(text: string, graph: Dataset, info: ArticleInfo = {}): { changeset: Changeset; reading: Reading } {
  const published = info.published ?? new Date().toISOString().slice(0, 10);
  const paragraphs = paragraphsOf(text);
  const sentences = sentencesOf(paragraphs);
  const gazetteer = new Gazetteer(graph.entities);
  const mentions = gazetteer.findMentions(text, sentences);
  const dates = findDates(text, published, sentences);
  const numbers = findNumbers(text, sentences, dates.filter((d) => !d.runsUntilNow));
  const taken = new Set([...graph.entities, ...graph.relations, ...graph.statements, ...graph.sources].map((r) => r.id));
  const newEntities = new NewEntities(taken);
  const span = (start: number, end: number): EvidenceSpan => {
    const s = sentences.find((x) => x.start <= start && start < x.end) ?? sentences.find((x) => x.start >= start)!;
    return { text: text.slice(start, end), start, end, sentence: s.text, sentenceStart: s.start };
  };
  const newNames = findNewNames(text, sentences, mentions, gazetteer.demonyms).map((n) => ({
    ...n,
    id: newEntities.add(n.text, n.kind, n.reason, { text: n.text, start: n.start, end: n.end, confidence: n.confidence }).id,
  }));
  const document: ArticleDocument = { text, published, sentences, gazetteer, mentions, newNames, dates, numbers, newEntities };
  const { speeches, frames } = readSpeech(document);
  const events = findEvents(document, frames, speeches);

  const proposed: Record<RecordSection, Rec[]> = { sources: [], entities: [], relations: [], statements: [] };
  const evidence: Record<string, ProposalEvidence> = {};
  const existing: Changeset['existing'][number][] = [];
  const usedIds = new Set(taken);
  const uniqueId = (base: string) => {
    let id = base.slice(0, 190).replace(/-+$/, '');
    for (let n = 2; usedIds.has(id); n++) id = `${base.slice(0, 186)}-${n}`;
    usedIds.add(id);
    return id;
  };
  const propose = (section: RecordSection, record: Rec, ev: ProposalEvidence) => {
    proposed[section].push(record);
    evidence[String(record.id)] = ev;
  };
  const already = (section: RecordSection, id: string, ev: ProposalEvidence) => {
    if (!existing.some((e) => e.id === id)) existing.push({ id, section, evidence: ev });
  };

  // The source: the graph's when it holds one with this title or address, else a new one.
  const title = info.title ?? sentences[0]?.text.slice(0, 200) ?? 'Untitled article';
  const known = graph.sources.find(
    (s) => (info.url !== undefined && s.url === info.url) || normalizeText(s.title).toLowerCase() === normalizeText(title).toLowerCase(),
  );
  const firstSpan = span(sentences[0]?.start ?? 0, sentences[0]?.end ?? Math.min(1, text.length));
  let sourceId: string;
  if (known) {
    sourceId = known.id;
    already('sources', known.id, { confidence: 0.9, reason: 'a source with this title or address', spans: [firstSpan] });
  } else {
    sourceId = uniqueId(`source:${slugOf([info.publisher ?? '', title.split(/\s+/).slice(0, 6).join(' '), published].join(' '))}`);
    propose(
      'sources',
      { id: sourceId, title, kind: 'DOCUMENT', published, ...(info.publisher ? { publisher: info.publisher } : {}), ...(info.url ? { url: info.url } : {}) },
      { confidence: 1, reason: 'the article read', spans: [firstSpan] },
    );
  }

  // Entities the graph knows, named again.
  for (const m of mentions) {
    const reason = m.how === 'NAME' ? 'linked by name' : m.how === 'ALIAS' ? 'linked by alias' : m.how === 'SHORT_FORM' ? `linked by the short form "${m.text}"` : 'linked by transliteration';
    const entry = existing.find((e) => e.id === m.entityId);
    if (entry) (entry.evidence.spans as EvidenceSpan[]).push(span(m.start, m.end));
    else already('entities', m.entityId, { confidence: m.confidence, reason, spans: [span(m.start, m.end)] });
  }

  // Known speakers found by their role ("a spokesperson for the U.S. State Department").
  for (const s of speeches) {
    if (s.speaker && gazetteer.entity(s.speaker.id) && !/^(he|she)$/i.test(s.speaker.text)) {
      if (!existing.some((e) => e.id === s.speaker!.id)) already('entities', s.speaker.id, { confidence: 0.7, reason: 'linked by role', spans: [span(s.speaker.start, s.speaker.end)] });
    }
  }

  // Statements: quotes, and reported statements with a speaker.
  const statementIds = new Map<Speech, string>();
  for (const s of speeches) {
    if (s.kind === 'REPORTED' && s.speaker === null) continue;
    const speakerId = s.speaker?.id ?? null;
    const same = graph.statements.find(
      (g) => g.kind === s.kind && g.speakerId === speakerId && sameWords(g.text, s.text),
    );
    const spans = [span(s.start, s.end)];
    if (same) {
      statementIds.set(s, same.id);
      already('statements', same.id, { confidence: s.confidence, reason: s.form, spans });
      continue;
    }
    const about = [...new Set(actorsIn(document, s.start, s.end).concat(sentenceActors(s)).map((a) => a.id))].filter((id) => id !== speakerId);
    const aboutIds = about.length > 0 ? about : speakerId ? [speakerId] : [];
    if (aboutIds.length === 0) continue; // nothing the graph could hang it on
    const id = uniqueId(`stmt:${slugOf(s.speaker?.text.replace(/^(he|she)$/i, '') || 'unattributed')}-${slugOf(s.text.split(/\s+/).slice(0, 6).join(' '))}`.replace(/:-/, ':'));
    statementIds.set(s, id);
    propose(
      'statements',
      {
        id,
        kind: s.kind,
        text: s.text,
        date: s.date?.precision === 'DAY' ? s.date.time.start : null,
        speakerId,
        aboutIds,
        sourceId,
        status: 'REPORTED',
        reportedViaId: s.via?.id ?? null,
      },
      { confidence: s.confidence, reason: s.form, spans },
    );
  }

  // Events, their participants and places.
  const eventIds = new Map<FoundEvent, string>();
  const graphEvents = graph.entities.filter((e) => e.event !== null);
  for (const event of events) {
    const participants = event.participants.filter((p) => (ACTOR_KINDS as readonly string[]).includes(p.actor.kind));
    const places = event.places.filter((p) => (PLACE_KINDS as readonly string[]).includes(p.actor.kind));
    const spans = [span(event.trigger.start, event.trigger.end), ...event.evidence.slice(1).map((e) => span(e.start, e.end))];
    const wordings = event.quantities.map((q) => q.wording);
    const match = graphEvents.find(
      (g) =>
        g.event!.type === event.type &&
        (sharesEnds(graph, g, participants.map((p) => p.actor.id), places.map((p) => p.actor.id)) ||
          g.event!.quantities.some((q) => q.wording !== null && wordings.includes(q.wording)) ||
          g.description === describe(event)),
    );
    if (match) {
      eventIds.set(event, match.id);
      already('entities', match.id, { confidence: 0.7, reason: `the same ${event.type} with the same place or actors`, spans });
      continue;
    }
    const placeName = places[0] ? gazetteer.entity(places[0].actor.id)?.name ?? places[0].actor.text : null;
    const lead = participants[0] ? gazetteer.entity(participants[0].actor.id)?.name ?? participants[0].actor.text : null;
    const typeWord = event.type.charAt(0) + event.type.slice(1).toLowerCase();
    const name = placeName ? `${typeWord} in ${placeName}` : lead ? `${typeWord}: ${lead}` : typeWord;
    const id = uniqueId(`event:${slugOf(`${event.type} ${placeName ?? lead ?? ''}`)}`);
    eventIds.set(event, id);
    propose(
      'entities',
      {
        id,
        kind: 'EVENT',
        name,
        aliases: [],
        description: describe(event),
        event: {
          type: event.type,
          time: event.time,
          quantities: event.quantities.map(({ evidence: _e, ...q }) => q),
          attributions: event.attributions.map((a) => ({
            claimantId: a.claimantId,
            viaId: a.viaId,
            statementId: a.speech ? statementIds.get(a.speech) ?? null : null,
            stance: a.stance,
            saidOn: a.saidOn,
            sourceId,
            note: null,
          })),
        },
      },
      { confidence: 0.7, reason: `"${event.trigger.text}" names a ${event.type}`, spans },
    );
    for (const p of participants) {
      relation('PARTICIPATED_IN', p.actor.id, id, { participantRole: p.role }, p.actor.end > p.actor.start ? span(p.actor.start, p.actor.end) : spans[0]!, 0.6, `${p.role.toLowerCase()} of the ${event.type}`, false);
    }
    for (const p of places) {
      relation('TOOK_PLACE_IN', id, p.actor.id, p.wording ? { wording: p.wording } : {}, span(p.actor.start, p.actor.end), 0.65, `where the ${event.type} happened`, false);
    }
  }

  // Distances between places: "X, located 32 km (20 miles) south of Y", "within five miles of Y".
  for (const n of numbers) {
    if (n.measure !== 'DISTANCE' || n.unit === null) continue;
    const sentence = sentences.find((s) => s.start <= n.start && n.start < s.end)!;
    const places = actorsIn(document, sentence.start, sentence.end).filter((a) => (['SETTLEMENT', 'REGION'] as string[]).includes(a.kind));
    const to = places.find((p) => p.start >= n.end && p.start - n.end < 40 && /\bof\s+$/.test(text.slice(n.end, p.start)));
    const from = [...places].reverse().find((p) => p.end <= n.start && n.start - p.end < 60);
    if (!to || !from || to.id === from.id) continue;
    const qualifiers: Rec = { approximation: n.approximation ?? 'EXACT', wording: text.slice(n.start, to.end) };
    qualifiers[n.unit === 'km' ? 'distanceKm' : 'distanceMiles'] = n.value;
    const paired = numbers.find((o) => o !== n && o.measure === 'DISTANCE' && o.start > n.end && o.start - n.end < 4);
    if (paired?.value != null) qualifiers[paired.unit === 'km' ? 'distanceKm' : 'distanceMiles'] = paired.value;
    if (numbers.some((o) => o !== n && o.measure === 'DISTANCE' && n.start > o.end && n.start - o.end < 4)) continue; // the bracketed other unit
    relation('NEAR', from.id, to.id, qualifiers, span(n.start, to.end), 0.75, 'a distance between two places', true);
  }

  // New entities, last: speakers and participants may have added some.
  for (const e of newEntities.list()) {
    propose(
      'entities',
      { id: e.id, kind: e.kind, name: e.name, aliases: [], description: `Not in the graph; read as a ${e.kind.toLowerCase()}: ${e.reason}.` },
      { confidence: e.evidence.confidence, reason: e.reason, spans: [span(e.evidence.start, e.evidence.end)] },
    );
  }

  const changeset: Changeset = { sourceId, articleLength: text.length, proposed, evidence, existing };
  return { changeset, reading: { document, speeches, events, eventIds, statementIds } };

  function relation(type: RelationType, from: string, to: string, qualifiers: Rec, ev: EvidenceSpan, confidence: number, reason: string, attributed: boolean) {
    const spec = RELATION_TYPES[type];
    const kindOf = (id: string) => gazetteer.entity(id)?.kind ?? newEntities.list().find((e) => e.id === id)?.kind ?? (id.startsWith('event:') ? 'EVENT' : null);
    const fk = kindOf(from);
    const tk = kindOf(to);
    if (!fk || !tk || !(spec.from as readonly string[]).includes(fk) || !(spec.to as readonly string[]).includes(tk)) return;
    const same = graph.relations.find(
      (r) => r.type === type && ((r.from === from && r.to === to) || (spec.symmetric && r.from === to && r.to === from)),
    );
    if (same) {
      already('relations', same.id, { confidence, reason, spans: [ev] });
      return;
    }
    if (proposed.relations.some((r) => r.type === type && r.from === from && r.to === to)) return;
    const verb = type.toLowerCase().replace(/_/g, '-');
    const id = uniqueId(`rel:${from.split(':')[1]}-${verb}-${to.split(':')[1]}`);
    const record: Rec = { id, type, from, to, qualifiers };
    if (attributed) record.attributions = [{ claimantId: null, stance: 'ASSERTS', sourceId }];
    propose('relations', record, { confidence, reason, spans: [ev] });
  }

  function sentenceActors(s: Speech): Actor[] {
    const sentence = sentences.find((x) => x.start <= s.start && s.start < x.end);
    return sentence ? actorsIn(document, sentence.start, sentence.end).filter((a) => a.id !== s.speaker?.id) : [];
  }
}

function describe(event: FoundEvent): string {
  return `${event.type.charAt(0)}${event.type.slice(1).toLowerCase()} read from: "${event.evidence[0]!.text}"`;
}

/** Two wordings of one statement: equal, or one holds the other, ignoring quotes and case. */
export function sameWords(a: string, b: string): boolean {
  const n = (s: string) => normalizeText(s).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();
  const x = n(a);
  const y = n(b);
  return x.length > 0 && y.length > 0 && (x === y || (Math.min(x.length, y.length) >= 15 && (x.includes(y) || y.includes(x))));
}

/** Whether a graph event is at the found one's place (when both have one), or has one of its actors (when not). */
function sharesEnds(graph: Dataset, event: EntityRecord, actorIds: readonly string[], placeIds: readonly string[]): boolean {
  const places = graph.relations.filter((r) => r.type === 'TOOK_PLACE_IN' && r.from === event.id).map((r) => r.to);
  if (places.length > 0 && placeIds.length > 0) return places.some((p) => placeIds.includes(p));
  return graph.relations.some((r) => r.type === 'PARTICIPATED_IN' && r.to === event.id && actorIds.includes(r.from));
}
