/**
 * Events: what happened (a capture, an offensive, a repulse, a deployment, casualties, …), found
 * by the words news uses for it, with the actors in their roles, the place, the time, the numbers,
 * and who says so (the sentence's frame: the claimant, the channel, the day, or the source's own
 * voice; "cannot verify" adds that stance). The same event told twice is one event.
 */
import type { Attribution, Quantity, TimeSpan } from '../domain/model.js';
import { ACTOR_KINDS, PLACE_KINDS, type EventType, type ParticipantRole, type QuantityMeasure } from '../domain/vocabulary.js';
import { actorsIn, type Actor, type ArticleDocument, type Evidence } from './document.js';
import type { Frame, Speech } from './speech.js';

export interface Participant {
  readonly actor: Actor;
  readonly role: ParticipantRole;
}

export interface FoundEvent {
  readonly type: EventType;
  readonly trigger: Evidence;
  readonly participants: Participant[];
  readonly places: { actor: Actor; wording: string | null }[];
  time: TimeSpan | null;
  readonly quantities: (Quantity & { evidence: Evidence })[];
  readonly attributions: (Omit<Attribution, 'sourceId' | 'statementId'> & { speech: Speech | null; evidence: Evidence })[];
  readonly evidence: Evidence[];
}

interface Trigger {
  readonly type: EventType;
  readonly pattern: RegExp;
  /** Which side of the trigger the acting force is named on, and its role. */
  readonly actorRole: ParticipantRole;
  /** The role of the actor named after the trigger ("inauguration of X", "support for X"), if any. */
  readonly objectRole?: ParticipantRole;
  readonly measure?: QuantityMeasure;
}

const TRIGGERS: Trigger[] = [
  { type: 'CAPTURE', pattern: /\b(captur(?:e|ed|ing)|takeover|took control|taken control|taking control|seiz(?:e|ed|ure)|fell to)\b/i, actorRole: 'ATTACKER' },
  { type: 'REPULSE', pattern: /\b(repel(?:led|ling)?|repuls(?:e|ed|ing)|thwarted|beat back|fought off|was eliminated)\b/i, actorRole: 'DEFENDER', objectRole: 'ATTACKER' },
  { type: 'OFFENSIVE', pattern: /\b(offensive|counteroffensive|incursion)\b(?!\s+operation)/i, actorRole: 'ATTACKER', measure: 'TROOPS' },
  { type: 'ASSAULT', pattern: /\b(assaults?|attacks? on|attack groups?|storming)\b/i, actorRole: 'ATTACKER', measure: 'TROOPS' },
  { type: 'ADVANCE', pattern: /\b(advanc(?:e|es|ed|ing))(?=\s+(?:further\s+)?(?:into|toward|towards|on)\b)/i, actorRole: 'ATTACKER' },
  { type: 'DEPLOYMENT', pattern: /\b(deployed|deployment|sent to|stationed)\b/i, actorRole: 'DEPLOYED_FORCE', objectRole: 'BENEFICIARY', measure: 'TROOPS' },
  { type: 'CASUALTIES', pattern: /\b(killed or (?:injured|wounded)|killed|wounded|injured|casualties)\b/i, actorRole: 'CASUALTY', measure: 'CASUALTIES' },
  { type: 'INAUGURATION', pattern: /\b(inauguration|sworn in|inaugurated)\b/i, actorRole: 'SUBJECT', objectRole: 'SUBJECT' },
  { type: 'PLEDGE', pattern: /\b(pledged?|pledging|commitment to|committed to|vowed|promised)\b/i, actorRole: 'PLEDGER', objectRole: 'RECIPIENT' },
];

const FORCE_KINDS = new Set(['UNIT', 'COUNTRY', 'ORGANIZATION']);
const isPlace = (a: Actor) => (PLACE_KINDS as readonly string[]).includes(a.kind);
const isActor = (a: Actor) => (ACTOR_KINDS as readonly string[]).includes(a.kind);

export function findEvents(doc: ArticleDocument, frames: readonly Frame[], speeches: readonly Speech[]): FoundEvent[] {
  const { text } = doc;
  const events: FoundEvent[] = [];
  const quoted = speeches.filter((s) => s.kind === 'QUOTE');
  const inQuote = (at: number) => quoted.some((q) => q.start <= at && at < q.end);

  for (const sentence of doc.sentences) {
    const frame = frames.find((f) => f.sentence === sentence) ?? null;
    if (frame?.stance === 'CANNOT_VERIFY') {
      cannotVerify(frame);
      continue;
    }
    const actors = actorsIn(doc, sentence.start, sentence.end);
    for (const trigger of TRIGGERS) {
      const m = trigger.pattern.exec(sentence.text);
      if (!m) continue;
      const at = sentence.start + m.index;
      const after = at + m[0].length;
      if (inQuote(at)) continue;
      const evidence: Evidence = { text: sentence.text, start: sentence.start, end: sentence.end, confidence: 0.7 };
      const triggerEvidence: Evidence = { text: m[0], start: at, end: after, confidence: 0.7 };
      const participants: Participant[] = [];
      const places: { actor: Actor; wording: string | null }[] = [];
      // The actor: a demonym right before ("Ukrainian offensive", "Russian assaults") or a force before the trigger.
      const demonym = /([\p{Lu}][\p{L}]+)\s+(?:[\p{L}-]+\s+)?$/u.exec(text.slice(Math.max(sentence.start, at - 30), at));
      const demonymId = demonym ? doc.gazetteer.demonyms.get(demonym[1]!) : undefined;
      const forceBefore = actors.filter((a) => a.end <= at && isActor(a) && FORCE_KINDS.has(a.kind) && a.start >= (frame?.contentStart ?? sentence.start));
      const personNear = actors.filter((a) => a.kind === 'PERSON' && a.start >= after && a.start - after < 40);
      const objectActors = actors.filter((a) => a.start >= after && a.start - after < 60 && isActor(a) && !isPlace(a));
      if (trigger.type === 'INAUGURATION') {
        if (personNear[0]) participants.push({ actor: personNear[0], role: 'SUBJECT' });
      } else if (trigger.type === 'CASUALTIES' || trigger.type === 'DEPLOYMENT') {
        const force = actors.filter((a) => a.kind === 'UNIT' && Math.abs(a.start - at) < 80)[0];
        if (force) participants.push({ actor: force, role: trigger.actorRole });
        if (trigger.type === 'DEPLOYMENT') {
          const helped = /\b(?:to\s+)?(?:bolster|support|help|aid|reinforce|assist)\s+/i.exec(text.slice(after, sentence.end));
          const beneficiary = helped ? actors.find((a) => a.start >= after + helped.index && isActor(a)) : undefined;
          if (beneficiary) participants.push({ actor: beneficiary, role: 'BENEFICIARY' });
        }
      } else if (trigger.type === 'PLEDGE') {
        const pledgers = forceBefore.length > 0 ? forceBefore : frame?.claimant ? [frame.claimant] : [];
        for (const p of pledgers) if (p.kind !== 'PERSON' || pledgers.length === 1) participants.push({ actor: p, role: 'PLEDGER' });
        const recipient = objectActors.find((a) => !pledgers.some((p) => p.id === a.id));
        if (recipient) participants.push({ actor: recipient, role: 'RECIPIENT' });
      } else {
        const adjacent = forceBefore.filter((a) => at - a.end <= 2);
        const claimantSide = frame?.claimant ? sideOf(frame.claimant) : null;
        if (trigger.type === 'REPULSE') {
          const defender = claimantSide ?? forceBefore[0];
          if (defender) participants.push({ actor: defender, role: 'DEFENDER' });
        } else if (adjacent.length > 0) participants.push({ actor: adjacent[adjacent.length - 1]!, role: trigger.actorRole });
        else if (demonymId) participants.push({ actor: { id: demonymId, kind: 'COUNTRY', start: at, end: at, text: demonym![1]! }, role: trigger.actorRole });
        else if (trigger.type === 'CAPTURE' && claimantSide) participants.push({ actor: claimantSide, role: 'ATTACKER' });
        else if (forceBefore.length > 0) participants.push({ actor: forceBefore[forceBefore.length - 1]!, role: trigger.actorRole });
        if (trigger.objectRole) {
          const object = /\b(?:a|an|the)\s+(?:new\s+|recent\s+)?([\p{Lu}][\p{L}]+)\s+(?:offensive|attempt|attack|force)/u.exec(text.slice(after, sentence.end));
          const objectId = object ? doc.gazetteer.demonyms.get(object[1]!) : undefined;
          if (objectId && !participants.some((p) => p.actor.id === objectId)) participants.push({ actor: { id: objectId, kind: 'COUNTRY', start: after, end: after, text: object![1]! }, role: trigger.objectRole });
        }
      }
      // The place: "near X", "of X", "in X", "on X" after the trigger, else the first place in the clause.
      const locative = /\b(?:in|near|on|into|of|at|outside|around|toward|towards|across|within)\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}$/u;
      const placeAfter = actors.find(
        (a) =>
          isPlace(a) &&
          a.start >= after &&
          a.start - after < 90 &&
          locative.test(text.slice(after, a.start)) &&
          !/^[’']s\s/.test(text.slice(a.end, a.end + 3)),
      );
      const placeBefore = [...actors].reverse().find((a) => isPlace(a) && a.end <= at && at - a.end <= 2);
      const place = trigger.type === 'INAUGURATION' || trigger.type === 'PLEDGE' ? undefined : (placeAfter ?? placeBefore);
      if (place) {
        const near = /\b(near|outside|around|close to|within [\w\s]+ of)\s+(?:the\s+)?(?:[\p{L}]+\s+of\s+)?$/iu.exec(text.slice(Math.max(sentence.start, place.start - 40), place.start));
        places.push({ actor: place, wording: near ? text.slice(place.start - near[0].length, place.end) : null });
      }
      // The time: a date in the sentence that is not when the claim was made.
      const date = doc.dates.find((d) => d.start >= sentence.start && (!d.runsUntilNow || d.start > at) && d.end <= sentence.end && (frame === null || d.start >= frame.contentStart || frame.saidOn !== d.time.start));
      const quantities = doc.numbers
        .filter((n) => n.start >= sentence.start && n.end <= sentence.end && (n.measure === trigger.measure || (n.measure === 'DURATION' && n.start > at)) && n.measure !== null)
        .map((n) => ({
          measure: n.measure!,
          value: n.value,
          min: n.min,
          max: n.max,
          approximation: n.approximation,
          unit: n.unit,
          wording: n.text,
          evidence: { text: n.text, start: n.start, end: n.end, confidence: n.confidence },
        }));
      const told = frame !== null && at >= frame.contentStart;
      const attribution = {
        claimantId: told ? frame!.claimant?.id ?? null : null,
        viaId: told ? frame!.via?.id ?? null : null,
        stance: told && frame!.stance === 'DENIES' ? ('DENIES' as const) : ('ASSERTS' as const),
        saidOn: told ? frame!.saidOn : null,
        note: null,
        speech: told ? frame!.speech : null,
        evidence,
      };
      const event: FoundEvent = {
        type: trigger.type,
        trigger: triggerEvidence,
        participants,
        places,
        time: date ? date.time : null,
        quantities,
        attributions: [attribution],
        evidence: [evidence],
      };
      mergeOrAdd(event);
    }
  }
  return events;

  /** The country a claimant speaks for: itself, or the one its name starts with ("Russian Defense Ministry"). */
  function sideOf(actor: Actor): Actor | null {
    if (actor.kind === 'COUNTRY' || actor.kind === 'UNIT') return actor;
    const name = doc.gazetteer.entity(actor.id)?.name ?? actor.text;
    const country = doc.gazetteer.demonyms.get(name.split(/\s+/)[0]!);
    return country ? { id: country, kind: 'COUNTRY', start: actor.start, end: actor.end, text: actor.text } : null;
  }

  function mergeOrAdd(event: FoundEvent): void {
    const same = events.find(
      (e) =>
        e.type === event.type &&
        (e.places.length === 0 || event.places.length === 0 || e.places.some((p) => event.places.some((q) => q.actor.id === p.actor.id || related(p.actor.id, q.actor.id)))) &&
        sameSide(e, event),
    );
    if (!same) {
      events.push(event);
      return;
    }
    for (const p of event.participants) if (!same.participants.some((q) => q.actor.id === p.actor.id)) same.participants.push(p);
    for (const p of event.places) if (!same.places.some((q) => q.actor.id === p.actor.id)) same.places.push(p);
    if (same.time === null) same.time = event.time;
    for (const q of event.quantities) if (!same.quantities.some((r) => r.wording === q.wording)) same.quantities.push(q);
    for (const a of event.attributions)
      if (!same.attributions.some((b) => b.claimantId === a.claimantId && b.stance === a.stance)) same.attributions.push(a);
    same.evidence.push(...event.evidence);
  }

  /** "Kursk" and "Kursk region": one name inside the other is one place for merging. */
  function related(a: string, b: string): boolean {
    const na = doc.gazetteer.entity(a)?.name.toLowerCase() ?? a;
    const nb = doc.gazetteer.entity(b)?.name.toLowerCase() ?? b;
    return na.startsWith(nb) || nb.startsWith(na);
  }

  function sameSide(a: FoundEvent, b: FoundEvent): boolean {
    const lead = (e: FoundEvent) => e.participants.find((p) => p.role === 'ATTACKER' || p.role === 'DEPLOYED_FORCE' || p.role === 'SUBJECT' || p.role === 'CASUALTY')?.actor.id;
    const la = lead(a);
    const lb = lead(b);
    return la === undefined || lb === undefined || la === lb;
  }

  /** "… cannot verify the casualty figures": that stance on the last event it names, or the last with numbers. */
  function cannotVerify(frame: Frame): void {
    const words = frame.sentence.text.slice(frame.contentStart - frame.sentence.start).toLowerCase();
    const recent = [...events].reverse();
    const previous = doc.sentences[frame.sentence.index - 1];
    const named =
      recent.find((e) => words.includes(e.type.toLowerCase().slice(0, 6))) ??
      recent.find((e) => previous !== undefined && e.evidence.some((x) => x.start === previous.start)) ??
      recent.find((e) => e.quantities.length > 0);
    if (!named) return;
    named.attributions.push({
      claimantId: frame.claimant?.id ?? null,
      viaId: null,
      stance: 'CANNOT_VERIFY',
      saidOn: null,
      note: null,
      speech: null,
      evidence: { text: frame.sentence.text, start: frame.sentence.start, end: frame.sentence.end, confidence: 0.8 },
    });
  }
}
