/**
 * Facts about an entity grouped by the question they answer, so that agreeing and competing
 * claims stand side by side (schema: `Query.claims`, `ClaimGroup`, `Claim`). Pure: the GraphQL
 * layer gathers the records, this module picks, groups and orders them.
 */
import { timeBounds } from './facts.js';
import type { Attribution, EntityRecord, EventDetails, RelationRecord, TimeSpan } from './model.js';
import {
  CLAIM_TOPIC_NAMES,
  TOPIC_OF_EVENT_TYPE,
  TOPIC_OF_RELATION_TYPE,
  type ClaimTopic,
  type RelationType,
} from './vocabulary.js';

/** An entity of kind EVENT, with its details. */
export type EventRecord = EntityRecord & { readonly event: EventDetails };

/** A fact the graph records with attributions (schema: `interface Fact`): a relation or an event. */
export type FactRecord = RelationRecord | EventRecord;

export function isEventRecord(record: FactRecord | EntityRecord): record is EventRecord {
  return 'kind' in record && record.event !== null;
}

export function attributionsOf(fact: FactRecord): readonly Attribution[] {
  return isEventRecord(fact) ? fact.event.attributions : fact.attributions;
}

export function timeOf(fact: FactRecord): TimeSpan | null {
  return isEventRecord(fact) ? fact.event.time : fact.time;
}

export function topicOf(fact: FactRecord): ClaimTopic {
  return isEventRecord(fact) ? TOPIC_OF_EVENT_TYPE[fact.event.type] : TOPIC_OF_RELATION_TYPE[fact.type];
}

/**
 * Relations that tie an actor or a place to an event: the event itself stands for them among the
 * facts about the actor or place.
 */
export const EVENT_TIES: readonly RelationType[] = ['PARTICIPATED_IN', 'TOOK_PLACE_IN'];

/**
 * The facts about an entity: the entity itself when it is an event, its relations other than its
 * ties to events, and the events it is tied to (it takes part in them, or they took place in it).
 * `relations` are the relations with the entity at an end; `events` the events at their other ends.
 */
export function factsAbout(
  entity: EntityRecord,
  relations: readonly RelationRecord[],
  events: readonly EventRecord[],
): FactRecord[] {
  const facts: FactRecord[] = [];
  if (isEventRecord(entity)) facts.push(entity);
  const isTieToEvent = (r: RelationRecord) => EVENT_TIES.includes(r.type) && !isEventRecord(entity);
  facts.push(...relations.filter((r) => !isTieToEvent(r)));
  facts.push(...events.filter((e) => e.id !== entity.id));
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(f.id) && seen.add(f.id));
}

/** One party's word on one fact (schema: `Claim`). */
export interface Claim {
  readonly fact: FactRecord;
  readonly attribution: Attribution;
  /** The attribution's place among the fact's attributions. */
  readonly attributionIndex: number;
}

/** The facts and claims that answer one question (schema: `ClaimGroup`). */
export interface ClaimGroup {
  readonly topic: ClaimTopic;
  readonly facts: readonly FactRecord[];
  readonly claims: readonly Claim[];
}

export interface ClaimSelection {
  /** Only these topics; null means every topic. */
  readonly topics: readonly ClaimTopic[] | null;
  /** Only claims by these parties, and only facts with such a claim; null means anybody. */
  readonly claimantIds: readonly string[] | null;
}

/** Undated (or unsaid) last: a key that sorts after every ISO date. */
const UNKNOWN_DAY = '\uffff';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups the facts by topic, in ClaimTopic order, leaving out empty groups. In each group the
 * facts go by time (earliest day; undated last), then id, and the claims (one per attribution)
 * by the day said (unknown last), then the fact's id, then attribution order.
 */
export function groupClaims(facts: readonly FactRecord[], selection: ClaimSelection): ClaimGroup[] {
  const claimants = selection.claimantIds === null ? null : new Set(selection.claimantIds);
  const groups: ClaimGroup[] = [];
  for (const topic of CLAIM_TOPIC_NAMES) {
    if (selection.topics !== null && !selection.topics.includes(topic)) continue;
    const claims = facts
      .filter((fact) => topicOf(fact) === topic)
      .flatMap((fact) =>
        attributionsOf(fact).map((attribution, attributionIndex) => ({ fact, attribution, attributionIndex })),
      )
      .filter((claim) => claimants === null || (claim.attribution.claimantId !== null && claimants.has(claim.attribution.claimantId)));
    if (claims.length === 0) continue;
    const claimed = new Set(claims.map((c) => c.fact));
    groups.push({
      topic,
      facts: [...claimed].sort(byTimeThenId),
      claims: claims.sort(
        (a, b) =>
          byCodePoint(a.attribution.saidOn ?? UNKNOWN_DAY, b.attribution.saidOn ?? UNKNOWN_DAY) ||
          byCodePoint(a.fact.id, b.fact.id) ||
          a.attributionIndex - b.attributionIndex,
      ),
    });
  }
  return groups;
}

/** Facts by time (earliest day; undated last), then id: the order of `ClaimGroup.facts` and of event lists. */
export function byTimeThenId(a: FactRecord, b: FactRecord): number {
  const day = (f: FactRecord) => {
    const time = timeOf(f);
    return time === null ? UNKNOWN_DAY : timeBounds(time).earliest;
  };
  return byCodePoint(day(a), day(b)) || byCodePoint(a.id, b.id);
}
