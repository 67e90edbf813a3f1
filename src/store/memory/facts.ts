/**
 * The embedded store's answers about events, time and places: `findEvents`, `timeline`,
 * `factsSupportedBy` and `near`, over indexes built once per state (`factIndexSteps`), each
 * list already in the port's order so that a question filters and pages without sorting.
 */
import {
  EVENT_LINK_TYPES,
  compareText,
  overlapsWindow,
  timeBounds,
  type EntityRecord,
  type RelationRecord,
  type StatementRecord,
  type TimeWindow,
} from '../../domain/index.js';
import type { EventQuery, FactRef, NearbyPlace, Page, PageQuery, TimelineEntry, TimelineEntryKind, TimelineQuery } from '../graph-store.js';
import { relationAt, type Adjacency } from './adjacency.js';
import { dayNumber } from './relation-rows.js';
import { insertSorted, runSteps, runStepsPaced, sortSteps } from './ascending.js';
import { pageOf, type SortKey } from './pages.js';
import { Pacer } from './pacer.js';
import type { MemoryState } from './state.js';

/** An event with the days its time may cover; null bounds when undated. */
interface DatedEvent {
  readonly entity: EntityRecord;
  readonly earliest: string | null;
  readonly latest: string | null;
}

/** A timeline entry with what its sort key and its `entityId` test need. */
interface TimelineRow {
  readonly entry: TimelineEntry;
  /** The entry's days as numbers (`dayNumber`), which order as its texts do and compare faster. */
  readonly earliestDay: number;
  readonly latestDay: number;
  readonly rank: number;
  readonly id: string;
  /** CLAIM: who made it. */
  readonly claimantId: string | null;
}

interface LocatedPlace {
  readonly entity: EntityRecord;
  readonly latitude: number;
  readonly longitude: number;
}

export interface FactIndexes {
  /** Events by earliest day (undated last), then id. */
  readonly events: readonly DatedEvent[];
  /** Every timeline entry, in the timeline's order. */
  readonly timeline: readonly TimelineRow[];
  /** Statement id → the facts resting on it, relations first, each by id. */
  readonly factsByStatement: ReadonlyMap<string, readonly FactRef[]>;
  /** Entities with a location, by id. */
  readonly located: readonly LocatedPlace[];
}

const KIND_RANK: Readonly<Record<TimelineEntryKind, number>> = { EVENT: 0, RELATION: 1, CLAIM: 2, STATEMENT: 3 };

const byId = (a: { readonly id: string }, b: { readonly id: string }) => compareText(a.id, b.id);

/** Undated (null) after every day. */
function compareDays(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

const built = new WeakMap<MemoryState, FactIndexes>();
/** Builds in progress, one per snapshot, shared by the requests waiting for it. */
const building = new WeakMap<MemoryState, Promise<FactIndexes>>();

/**
 * The fact indexes of a snapshot, built on its first question about events, time or statements'
 * facts: a snapshot nobody asks about never builds them. A write's snapshot whose predecessor had
 * them gets them at once, derived from those (`deriveFactIndexes`), so the first question after a
 * write on a large graph does not rebuild them all.
 */
export function factIndexesOf(state: MemoryState): FactIndexes {
  let indexes = built.get(state);
  if (indexes === undefined) {
    indexes = runSteps(factIndexSteps(state));
    built.set(state, indexes);
  }
  return indexes;
}

/**
 * `factIndexesOf` for a request: when the indexes are not built yet, they are built a slice at a
 * time, so other requests (and /healthz) are answered meanwhile. At 1M relations that is seconds
 * of work: the relations' records parsed (a snapshot opened from the data file has not parsed
 * them, relation-rows.ts), a timeline of a million rows made and sorted. One build per snapshot,
 * whichever requests ask while it runs; a request that runs out of time, or whose client goes,
 * stops waiting, and the build goes on for the next.
 */
export async function factIndexesReady(state: MemoryState, pacer: Pacer): Promise<FactIndexes> {
  const indexes = built.get(state);
  if (indexes !== undefined) return indexes;
  let build = building.get(state);
  if (build === undefined) {
    build = runStepsPaced(factIndexSteps(state), new Pacer(undefined)).then((made) => {
      built.set(state, made);
      return made;
    });
    const settled = () => building.delete(state);
    // Handled here too: a build that fails after its requests stopped waiting is not unhandled.
    build.then(settled, settled);
    building.set(state, build);
  }
  return pacer.wait(build);
}

/** What a write changed, for `deriveFactIndexes`: the records written, and the ids written or removed. */
export interface FactChange {
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
  /** Ids whose earlier record no longer holds: written again or removed. */
  readonly gone: { readonly entity: ReadonlySet<string>; readonly relation: ReadonlySet<string>; readonly statement: ReadonlySet<string> };
  /** The earlier records of the relations and events gone, whose statements' facts change. */
  readonly goneFacts: readonly FactRef[];
}

/** Up to this many rows written, a write's rows are placed one by one; past it the indexes are built again. */
const DERIVE_UP_TO = 256;

/**
 * Gives `next` the fact indexes of `previous` after `change`, when `previous` has them built and
 * the change is small; otherwise `next` builds its own when first asked.
 */
export function deriveFactIndexes(previous: MemoryState, next: MemoryState, change: FactChange): void {
  const before = built.get(previous);
  if (before === undefined) return;
  const writtenEvents = change.entities.filter((e) => e.event !== null);
  const events = eventsOf(writtenEvents);
  const rows = [...timelineRows(writtenEvents, change.relations, change.statements)];
  if (events.length + rows.length > DERIVE_UP_TO) return;
  const { gone } = change;
  const keptEvents = gone.entity.size === 0 ? [...before.events] : before.events.filter((e) => !gone.entity.has(e.entity.id));
  for (const event of events) insertSorted(keptEvents, event, compareEvents);
  const isGone = (row: TimelineRow) =>
    row.entry.event !== null ? gone.entity.has(row.id) : row.entry.relation !== null ? gone.relation.has(row.id) : gone.statement.has(row.id);
  const anyGone = gone.entity.size + gone.relation.size + gone.statement.size > 0;
  const timeline = anyGone ? before.timeline.filter((row) => !isGone(row)) : [...before.timeline];
  for (const row of rows) insertSorted(timeline, row, compareTimelineRows);

  // Statements' facts: the lists of the statements a gone or written fact names, made again.
  const factsByStatement = new Map(before.factsByStatement);
  const touched = new Set<string>();
  const written: FactRef[] = [
    ...change.relations.map((relation) => ({ relation, event: null })),
    ...writtenEvents.map((event) => ({ relation: null, event })),
  ];
  for (const fact of [...change.goneFacts, ...written]) for (const id of statementsOf(fact)) touched.add(id);
  const factId = (f: FactRef) => (f.relation ?? f.event)!.id;
  for (const statementId of touched) {
    const kept = (before.factsByStatement.get(statementId) ?? []).filter((f) =>
      f.relation !== null ? !gone.relation.has(f.relation.id) : !gone.entity.has(f.event!.id),
    );
    const added = written.filter((f) => statementsOf(f).includes(statementId));
    const list = [...kept, ...added].sort((a, b) => Number(a.relation === null) - Number(b.relation === null) || compareText(factId(a), factId(b)));
    if (list.length === 0) factsByStatement.delete(statementId);
    else factsByStatement.set(statementId, list);
  }

  const located = gone.entity.size === 0 ? [...before.located] : before.located.filter((p) => !gone.entity.has(p.entity.id));
  for (const place of locatedOf(change.entities)) insertSorted(located, place, (a, b) => byId(a.entity, b.entity));
  built.set(next, { events: keptEvents, timeline, factsByStatement, located });
}

/** The statements a fact rests on, each once: its attributions', and a relation's own. */
function statementsOf(fact: FactRef): string[] {
  const attributions = fact.relation?.attributions ?? fact.event!.event!.attributions;
  const ids = attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId]));
  if (fact.relation !== null) ids.push(...fact.relation.statementIds);
  return [...new Set(ids)];
}

const compareEvents = (a: DatedEvent, b: DatedEvent) => compareDays(a.earliest, b.earliest) || byId(a.entity, b.entity);

function eventsOf(eventList: readonly EntityRecord[]): DatedEvent[] {
  return eventList.map((entity) => {
    const bounds = entity.event!.time === null ? null : timeBounds(entity.event!.time);
    return { entity, earliest: bounds?.earliest ?? null, latest: bounds?.latest ?? null };
  });
}

function locatedOf(entities: readonly EntityRecord[]): LocatedPlace[] {
  return entities
    .filter((e) => e.location !== null)
    .map((entity) => ({ entity, latitude: entity.location!.latitude, longitude: entity.location!.longitude }));
}

/** The timeline rows of these events, relations and statements, unsorted. */
function* timelineRows(
  eventList: readonly EntityRecord[],
  relationList: readonly RelationRecord[],
  statements: Iterable<StatementRecord>,
): Generator<TimelineRow> {
  for (const event of eventList) {
    const details = event.event!;
    if (details.time !== null) {
      const { earliest, latest } = timeBounds(details.time);
      yield timelineRow('EVENT', earliest, latest, { event });
    }
    for (const [i, a] of details.attributions.entries()) {
      if (a.saidOn !== null) yield timelineRow('CLAIM', a.saidOn, a.saidOn, { event }, i, a.claimantId);
    }
  }
  for (const relation of relationList) {
    if (EVENT_LINK_TYPES.includes(relation.type)) continue; // the event stands for its links
    if (relation.time !== null) {
      const { earliest, latest } = timeBounds(relation.time);
      yield timelineRow('RELATION', earliest, latest, { relation });
    }
    for (const [i, a] of relation.attributions.entries()) {
      if (a.saidOn !== null) yield timelineRow('CLAIM', a.saidOn, a.saidOn, { relation }, i, a.claimantId);
    }
  }
  for (const statement of statements) {
    if (statement.date !== null) yield timelineRow('STATEMENT', statement.date, statement.date, { statement });
  }
}

function timelineRow(
  kind: TimelineEntryKind,
  earliest: string,
  latest: string,
  record: { event?: EntityRecord; relation?: RelationRecord; statement?: StatementRecord },
  attributionIndex: number | null = null,
  claimantId: string | null = null,
): TimelineRow {
  return {
    entry: {
      kind,
      earliest,
      latest,
      event: record.event ?? null,
      relation: record.relation ?? null,
      statement: record.statement ?? null,
      attributionIndex,
    },
    earliestDay: dayNumber(earliest),
    latestDay: dayNumber(latest),
    rank: KIND_RANK[kind],
    id: (record.event ?? record.relation ?? record.statement)!.id,
    claimantId,
  };
}

/**
 * The fact indexes of a snapshot, as steps (ascending.ts, `runSteps`): every relation's record
 * read, the events, the timeline sorted, each statement's facts, the places with a location.
 */
function* factIndexSteps(state: MemoryState): Generator<number, FactIndexes> {
  const { adjacency } = state;
  const entityList = adjacency.entities;
  const relationList = new Array<RelationRecord>(adjacency.relations.length);
  for (let r = 0; r < relationList.length; r++) {
    relationList[r] = relationAt(adjacency, r);
    // Parsing a row from the data file is the costliest step here.
    yield 32;
  }
  const eventList = entityList.filter((e) => e.event !== null);
  const events = eventsOf(eventList).sort(compareEvents);
  yield events.length;
  const timeline: TimelineRow[] = [];
  for (const row of timelineRows(eventList, relationList, state.statements.values())) {
    timeline.push(row);
    yield 2;
  }
  yield* sortSteps(timeline, compareTimelineRows);

  const supported = new Map<string, FactRef[]>();
  const support = (statementId: string, fact: FactRef) => {
    const list = supported.get(statementId);
    if (list === undefined) supported.set(statementId, [fact]);
    else if (list[list.length - 1] !== fact) list.push(fact);
  };
  // Relations first, then events, each by id: the order they are visited in.
  for (const relation of relationList) {
    const fact: FactRef = { relation, event: null };
    for (const a of relation.attributions) if (a.statementId !== null) support(a.statementId, fact);
    for (const statementId of relation.statementIds) support(statementId, fact);
    yield 2;
  }
  for (const event of eventList) {
    const fact: FactRef = { relation: null, event };
    for (const a of event.event!.attributions) if (a.statementId !== null) support(a.statementId, fact);
  }

  return { events, timeline, factsByStatement: supported, located: locatedOf(entityList) };
}

// --- events -----------------------------------------------------------------------------------

const EVENT_KEY_SHAPE = ['string|null', 'string'];
const eventKey = (e: DatedEvent): SortKey => [e.earliest, e.entity.id];
const compareEventKeys = (a: SortKey, b: SortKey) =>
  compareDays(a[0] as string | null, b[0] as string | null) || compareText(a[1] as string, b[1] as string);

export async function findEvents(
  indexes: FactIndexes,
  adjacency: Adjacency,
  { types, participantId, placeId, window }: EventQuery,
  page: PageQuery,
  pacer: Pacer,
): Promise<Page<EntityRecord>> {
  const withParticipant = participantId === null ? null : eventsOfParticipant(adjacency, participantId);
  const inPlace = placeId === null ? null : eventsInPlace(adjacency, placeId);
  const matching: DatedEvent[] = [];
  for (const e of indexes.events) {
    if (pacer.due()) await pacer.pause();
    if (types !== null && !types.includes(e.entity.event!.type)) continue;
    if (withParticipant !== null && !withParticipant.has(e.entity.id)) continue;
    if (inPlace !== null && !inPlace.has(e.entity.id)) continue;
    if (window !== null && (e.earliest === null || !overlapsWindow({ earliest: e.earliest, latest: e.latest! }, window))) continue;
    matching.push(e);
  }
  const result = pageOf('events', matching, eventKey, compareEventKeys, EVENT_KEY_SHAPE, page);
  return { ...result, items: result.items.map((e) => e.entity) };
}

/** The relations in an entity's row, as [relation, whether the entity is its start]. */
function* relationsAt(adjacency: Adjacency, id: string): Generator<[RelationRecord, boolean]> {
  const node = adjacency.numberOf.get(id);
  if (node === undefined) return;
  const { offsets, relation, relFrom } = adjacency;
  for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
    const r = relation[k]!;
    yield [relationAt(adjacency, r), relFrom[r] === node];
  }
}

function eventsOfParticipant(adjacency: Adjacency, actorId: string): Set<string> {
  const events = new Set<string>();
  for (const [r, isStart] of relationsAt(adjacency, actorId)) if (isStart && r.type === 'PARTICIPATED_IN') events.add(r.to);
  return events;
}

/** Events that took place in the place or in a place inside it (LOCATED_IN, any depth). */
function eventsInPlace(adjacency: Adjacency, placeId: string): Set<string> {
  const places = new Set<string>([placeId]);
  const queue = [placeId];
  while (queue.length > 0) {
    const place = queue.pop()!;
    for (const [r, isStart] of relationsAt(adjacency, place)) {
      if (!isStart && r.type === 'LOCATED_IN' && !places.has(r.from)) {
        places.add(r.from);
        queue.push(r.from);
      }
    }
  }
  const events = new Set<string>();
  for (const place of places) {
    for (const [r, isStart] of relationsAt(adjacency, place)) if (!isStart && r.type === 'TOOK_PLACE_IN') events.add(r.from);
  }
  return events;
}

// --- timeline ---------------------------------------------------------------------------------

const TIMELINE_KEY_SHAPE = ['string', 'string', 'number', 'string', 'number'];
const timelineKey = (row: TimelineRow): SortKey => [row.entry.earliest, row.entry.latest, row.rank, row.id, row.entry.attributionIndex ?? -1];
function compareTimelineKeys(a: SortKey, b: SortKey): number {
  return (
    compareText(a[0] as string, b[0] as string) ||
    compareText(a[1] as string, b[1] as string) ||
    (a[2] as number) - (b[2] as number) ||
    compareText(a[3] as string, b[3] as string) ||
    (a[4] as number) - (b[4] as number)
  );
}

/** compareTimelineKeys on the rows themselves, days as numbers (the build sorts ~1M rows at 1M relations). */
function compareTimelineRows(a: TimelineRow, b: TimelineRow): number {
  return (
    a.earliestDay - b.earliestDay ||
    a.latestDay - b.latestDay ||
    a.rank - b.rank ||
    compareText(a.id, b.id) ||
    (a.entry.attributionIndex ?? -1) - (b.entry.attributionIndex ?? -1)
  );
}

export async function timeline(
  indexes: FactIndexes,
  adjacency: Adjacency,
  { window, entityId, kinds }: TimelineQuery,
  page: PageQuery,
  pacer: Pacer,
): Promise<Page<TimelineEntry>> {
  const about = entityId === null ? null : aboutEntity(adjacency, entityId);
  const matching: TimelineRow[] = [];
  for (const row of indexes.timeline) {
    if (pacer.due()) await pacer.pause();
    const { entry } = row;
    if (kinds !== null && !kinds.includes(entry.kind)) continue;
    if (!overlapsWindow(entry, window)) continue;
    if (about !== null && !about(row)) continue;
    matching.push(row);
  }
  const result = pageOf('timeline', matching, timelineKey, compareTimelineKeys, TIMELINE_KEY_SHAPE, page);
  return { ...result, items: result.items.map((row) => row.entry) };
}

/** The port's "about this entity" (TimelineQuery.entityId) as a test of a timeline row. */
function aboutEntity(adjacency: Adjacency, entityId: string): (row: TimelineRow) => boolean {
  const events = new Set<string>([entityId]);
  const relations = new Set<string>();
  for (const [r, isStart] of relationsAt(adjacency, entityId)) {
    relations.add(r.id);
    if (isStart && r.type === 'PARTICIPATED_IN') events.add(r.to);
    if (!isStart && r.type === 'TOOK_PLACE_IN') events.add(r.from);
  }
  const factAbout = (entry: TimelineEntry) =>
    entry.event !== null ? events.has(entry.event.id) : entry.relation !== null && relations.has(entry.relation.id);
  return ({ entry, claimantId }) => {
    switch (entry.kind) {
      case 'STATEMENT':
        return entry.statement!.speakerId === entityId || entry.statement!.aboutIds.includes(entityId);
      case 'CLAIM':
        return claimantId === entityId || factAbout(entry);
      default:
        return factAbout(entry);
    }
  };
}

// --- statements' facts, places near --------------------------------------------------------------

export function factsSupportedBy(indexes: FactIndexes, statementIds: readonly string[]): FactRef[][] {
  return statementIds.map((id) => [...(indexes.factsByStatement.get(id) ?? [])]);
}

/** Neo4j's `point.distance` for WGS84: haversine on a sphere of 6,378,140 m. */
const EARTH_RADIUS_M = 6_378_140;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  const c = 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  return (EARTH_RADIUS_M * c) / 1000;
}

export async function near(
  indexes: FactIndexes,
  centre: EntityRecord | undefined,
  km: number,
  pacer: Pacer,
): Promise<NearbyPlace[] | null> {
  if (centre === undefined || centre.location === null) return null;
  const { latitude, longitude } = centre.location;
  const found: NearbyPlace[] = [];
  for (const place of indexes.located) {
    if (pacer.due()) await pacer.pause();
    if (place.entity.id === centre.id) continue;
    const distance = haversineKm(latitude, longitude, place.latitude, place.longitude);
    if (distance <= km) found.push({ place: place.entity, distanceKm: Math.round(distance * 1000) / 1000 });
  }
  return found.sort((a, b) => a.distanceKm - b.distanceKm || compareText(a.place.id, b.place.id));
}

/** For statementsPage: whether a statement's date falls in the window (undated ones never do). */
export function dateInWindow(date: string | null, window: TimeWindow): boolean {
  return date !== null && (window.from === null || date >= window.from) && (window.to === null || date <= window.to);
}
