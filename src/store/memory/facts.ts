/**
 * The embedded store's answers about events, time and places: `findEvents` and `near` over lists
 * made of the entities (`entityFactsOf`), `timeline` and `factsSupportedBy` over indexes built once
 * per state (`factIndexSteps`), each list already in the port's order so that a question filters
 * and pages without sorting. A timeline about one entity is made of the records it touches instead
 * (`rowsAbout`), in time with its size rather than the graph's.
 *
 * The timeline and the statements' facts name their records by id and find them in the snapshot
 * asked only for the page answered: the indexes of a million relations hold no relation records.
 * Built from the data file, each relation's row is parsed once for the build and let go (a start
 * does not parse the rows, relation-rows.ts), so the first question about time at 1M relations
 * costs a pass over the rows, not a million records kept for good. A write's snapshot derives them
 * from the snapshot before (or, while that one's are being built, from the build under way), and a
 * stop keeps them in the start image (fact-image.ts) for the next run.
 */
import {
  EVENT_LINK_TYPES,
  compareText,
  overlapsWindow,
  timeBounds,
  type EntityRecord,
  type RelationFacts,
  type RelationRecord,
  type StatementRecord,
  type TimeWindow,
} from '../../domain/index.js';
import type { EventQuery, FactRef, NearbyPlace, Page, PageQuery, TimelineEntry, TimelineEntryKind, TimelineQuery } from '../graph-store.js';
import { relationAt, type Adjacency } from './adjacency.js';
import { RelationRow, dayNumber, type RowKey } from './relation-rows.js';
import { insertSorted, placeFor, runSteps, runStepsPaced, sortSteps } from './ascending.js';
import { pageOf, type SortKey } from './pages.js';
import { Pacer } from '../pacer.js';
import { typeBitOf } from './relation-filter.js';
import { entityOf, relationOf, type MemoryState } from './state.js';
import { factImageParts, keptFactsOf } from './fact-image.js';
import { ClaimantRows } from './claimant-rows.js';
import { KIND_RANK, Of, TimelineRow, compareIdsOfRows, compareTimelineRows, type FactIndexes, type StatementFacts } from './fact-rows.js';

/** An event with the days its time may cover; null bounds when undated. */
interface DatedEvent {
  readonly entity: EntityRecord;
  readonly earliest: string | null;
  readonly latest: string | null;
}

interface LocatedPlace {
  readonly entity: EntityRecord;
  readonly latitude: number;
  readonly longitude: number;
}

/** The indexes made of the entities alone, which a snapshot holds: made at once when first asked (`entityFactsOf`). */
export interface EntityFacts {
  /** Events by earliest day (undated last), then id. */
  readonly events: readonly DatedEvent[];
  /** Entities with a location, by id. */
  readonly located: readonly LocatedPlace[];
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => compareText(a.id, b.id);

/** Undated (null) after every day. */
function compareDays(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

const built = new WeakMap<MemoryState, FactIndexes>();
const entityFactsMade = new WeakMap<MemoryState, EntityFacts>();

/**
 * The events and the located places of a snapshot, made on its first question about them (or
 * derived from the snapshot before a write): from its entities, so `events` and `near` do not wait
 * for the timeline's build, which reads every relation.
 */
export function entityFactsOf(state: MemoryState): EntityFacts {
  let facts = entityFactsMade.get(state);
  if (facts === undefined) {
    const entityList = state.adjacency.entities;
    facts = { events: eventsOf(entityList.filter((e) => e.event !== null)).sort(compareEvents), located: locatedOf(entityList) };
    entityFactsMade.set(state, facts);
  }
  return facts;
}

/** Where a snapshot's fact indexes may be read instead of built: a part of the start image by name (fact-image.ts). */
const images = new WeakMap<MemoryState, (name: string) => Buffer | null>();
/**
 * Where a snapshot's fact indexes came from when their rows number its own records: built from
 * them, or read from its start image. Indexes a write derived (rows of an earlier snapshot's
 * numbers) have none.
 */
const origins = new WeakMap<MemoryState, 'records' | 'image'>();

/**
 * Tells the first build of `state`'s fact indexes where to read them: `read` gives a part, named
 * without FACT_PARTS, of the start image of the graph `state` holds (null when there is none).
 */
export function offerFactImage(state: MemoryState, read: (name: string) => Buffer | null): void {
  images.set(state, read);
}

/**
 * The start image's parts of `state`'s fact indexes, or null when they are not built: what a close
 * keeps. Indexes a write derived are numbered by `state`'s records on the way (fact-image.ts).
 */
export function factImageOf(state: MemoryState): Map<string, Buffer> | null {
  const indexes = built.get(state);
  if (indexes === undefined) return null;
  if (origins.has(state)) return factImageParts(indexes, state, true);
  try {
    return factImageParts(indexes, state, false);
  } catch {
    // A derived row naming a record the snapshot lacks (never so far): the next start builds them.
    return null;
  }
}

/** Whether `state`'s fact indexes were read from the start image, which so holds them already. */
export function factIndexesFromImage(state: MemoryState): boolean {
  return origins.get(state) === 'image';
}

/** Builds in progress, one per snapshot, shared by the requests waiting for it. */
const building = new WeakMap<MemoryState, Promise<FactIndexes>>();

/**
 * The fact indexes of a snapshot, built on its first question about the timeline or statements'
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
  return pacer.wait(building.get(state) ?? trackBuild(state, buildOrFollow(state)));
}

/** Makes `build` the one build of `state`'s fact indexes: the requests asking meanwhile wait for it. */
function trackBuild(state: MemoryState, build: Promise<FactIndexes>): Promise<FactIndexes> {
  const made = build.then((indexes) => {
    built.set(state, indexes);
    return indexes;
  });
  const settled = () => building.delete(state);
  // Handled here too: a build that fails after its requests stopped waiting is not unhandled.
  made.then(settled, settled);
  building.set(state, made);
  return made;
}

/**
 * A snapshot written while an earlier one was building its fact indexes: that build, and the writes
 * since. Neither snapshot is held (the build holds its own until done): a snapshot nobody asks about
 * is let go as before.
 */
interface Following {
  readonly build: Promise<FactIndexes>;
  readonly changes: readonly FactChange[];
}
const following = new WeakMap<MemoryState, Following>();
/** Past this many writes since the build it follows, a snapshot builds its own indexes. */
const FOLLOWED_WRITES = 1_000;

/** The indexes of `state`: derived from the build it follows once that is done, else built. */
async function buildOrFollow(state: MemoryState): Promise<FactIndexes> {
  const follow = following.get(state);
  following.delete(state);
  const derived = follow === undefined ? null : derivedIndexes(await follow.build, composedChange(follow.changes));
  return derived ?? runStepsPaced(factIndexSteps(state), Pacer.sharing());
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
  /** The earlier records of the statements gone. */
  readonly goneStatements: readonly StatementRecord[];
}

/** Up to this many rows written, a write's rows are put in place (a binary search each, one copy of the timeline); past it the indexes are built again. */
const DERIVE_UP_TO = 4_096;

/**
 * Gives `next` the fact indexes of `previous` after `change`, when `previous` has them built and
 * the change is small; otherwise `next` builds its own when first asked. When `previous` is still
 * building them, `next`'s are derived from that build once it is done: a stream of writes while the
 * first question about time at 1M relations waits would otherwise start a build of seconds for
 * every snapshot asked about, each beside the others.
 */
export function deriveFactIndexes(previous: MemoryState, next: MemoryState, change: FactChange): void {
  deriveEntityFacts(previous, next, change);
  const before = built.get(previous);
  if (before !== undefined) {
    const derived = derivedIndexes(before, change);
    if (derived !== null) built.set(next, derived);
    return;
  }
  const build = building.get(previous);
  const earlier = following.get(previous);
  const follow = build !== undefined ? { build, changes: [change] } : earlier && { build: earlier.build, changes: [...earlier.changes, change] };
  if (follow !== undefined && follow.changes.length <= FOLLOWED_WRITES) following.set(next, follow);
}

/**
 * Successive changes as one: each id's last record, every id gone on the way, and the records gone
 * as the first change found them (a version written and gone on the way never reached the indexes).
 */
function composedChange(changes: readonly FactChange[]): FactChange {
  if (changes.length === 1) return changes[0]!;
  const entities = new Map<string, EntityRecord>();
  const relations = new Map<string, RelationRecord>();
  const statements = new Map<string, StatementRecord>();
  const gone = { entity: new Set<string>(), relation: new Set<string>(), statement: new Set<string>() };
  const goneFacts: FactRef[] = [];
  const goneStatements: StatementRecord[] = [];
  const writtenOnTheWay = { entity: new Set<string>(), relation: new Set<string>(), statement: new Set<string>() };
  // An id written again is gone too (FactChange.gone), so its earlier version goes before its new one comes.
  const replace = <T extends { readonly id: string }>(kind: keyof typeof gone, kept: Map<string, T>, goneIds: ReadonlySet<string>, written: readonly T[]) => {
    for (const id of goneIds) {
      gone[kind].add(id);
      kept.delete(id);
    }
    for (const record of written) kept.set(record.id, record);
  };
  for (const change of changes) {
    for (const fact of change.goneFacts) {
      const id = fact.relation?.id ?? fact.event!.id;
      if (!writtenOnTheWay[fact.relation !== null ? 'relation' : 'entity'].has(id)) goneFacts.push(fact);
    }
    for (const statement of change.goneStatements) if (!writtenOnTheWay.statement.has(statement.id)) goneStatements.push(statement);
    replace('entity', entities, change.gone.entity, change.entities);
    replace('relation', relations, change.gone.relation, change.relations);
    replace('statement', statements, change.gone.statement, change.statements);
    for (const e of change.entities) writtenOnTheWay.entity.add(e.id);
    for (const r of change.relations) writtenOnTheWay.relation.add(r.id);
    for (const st of change.statements) writtenOnTheWay.statement.add(st.id);
  }
  return { entities: [...entities.values()], relations: [...relations.values()], statements: [...statements.values()], gone, goneFacts, goneStatements };
}

/** The fact indexes `before` after `change`, or null when the change is too large to place row by row. */
function derivedIndexes(before: FactIndexes, change: FactChange): FactIndexes | null {
  const writtenEvents = change.entities.filter((e) => e.event !== null);
  const written = rowsOf(writtenEvents, change.relations, change.statements);
  if (written.length > DERIVE_UP_TO) return null;
  written.sort(compareTimelineRows);
  const goneEvents = change.goneFacts.flatMap((f) => (f.event === null ? [] : [f.event]));
  const goneRelations = change.goneFacts.flatMap((f) => (f.relation === null ? [] : [f.relation]));
  const leaving = placesOf(before.timeline, rowsOf(goneEvents, goneRelations, change.goneStatements));
  let timeline: readonly TimelineRow[];
  if (leaving === null) {
    // A row of a record gone is not where its record puts it (never so far): found by id instead.
    const { gone } = change;
    const isGone = (row: TimelineRow) =>
      row.of === Of.EVENT ? gone.entity.has(row.id) : row.of === Of.RELATION ? gone.relation.has(row.id) : gone.statement.has(row.id);
    timeline = spliced(before.timeline.filter((row) => !isGone(row)), [], written);
  } else {
    timeline = leaving.length + written.length === 0 ? before.timeline : spliced(before.timeline, leaving, written);
  }
  const writtenFacts: FactRef[] = [
    ...change.relations.map((relation) => ({ relation, event: null })),
    ...writtenEvents.map((event) => ({ relation: null, event })),
  ];
  return { timeline, factsByStatement: statementFactsAfter(before.factsByStatement, change, writtenFacts) };
}

/** The timeline rows of these records, in no particular order. */
function rowsOf(events: readonly EntityRecord[], relations: readonly RelationRecord[], statements: readonly StatementRecord[]): TimelineRow[] {
  const rows = new TimelineRows();
  for (const event of events) rows.addEvent(event, -1);
  for (const relation of relations) rows.addRelation(relation, relation.id, -1);
  for (const statement of statements) rows.addStatement(statement, -1);
  return rows.all();
}

/**
 * Where each of `rows` is in `timeline`, ascending, found by binary search: a derivation reads a
 * few rows of a million rather than each (a pass that reads every row costs ~250 ms at 1M
 * relations, each row a cache miss). Null when one is not there.
 */
function placesOf(timeline: readonly TimelineRow[], rows: readonly TimelineRow[]): number[] | null {
  const places: number[] = [];
  for (const row of rows) {
    const at = placeFor(timeline, row, compareTimelineRows);
    const found = timeline[at];
    if (found === undefined || found.of !== row.of || compareTimelineRows(found, row) !== 0) return null;
    places.push(at);
  }
  return places.sort((a, b) => a - b);
}

/**
 * `timeline` less the rows at `leaving` (ascending), with `written` (in order) in their places: one
 * copy of its references. Its shape and its claimants' index come with it when `timeline`'s are
 * known, so the first question after a write does not read every row to make them again.
 */
function spliced(timeline: readonly TimelineRow[], leaving: readonly number[], written: readonly TimelineRow[]): TimelineRow[] {
  // Where each written row goes: before the row now at that place (ascending, as `written` is).
  const at = written.map((row) => placeFor(timeline, row, compareTimelineRows));
  // The untouched rows between the places a row is written or leaves, each run one slice, joined
  // by one concat: a million references copied as memory, not pushed one by one.
  const pieces: (readonly TimelineRow[])[] = [];
  let i = 0;
  let w = 0;
  let l = 0;
  for (;;) {
    const stop = Math.min(w < written.length ? at[w]! : timeline.length, l < leaving.length ? leaving[l]! : timeline.length);
    if (stop > i) pieces.push(timeline.slice(i, stop));
    i = stop;
    if (w < written.length && at[w] === i) pieces.push([written[w++]!]);
    else if (l < leaving.length && leaving[l] === i) {
      l++;
      i++;
    } else break;
  }
  const rows = ([] as TimelineRow[]).concat(...pieces);
  const shape = shapes.get(timeline);
  if (shape !== undefined) shapes.set(rows, shapeAfter(shape, leaving, written, at));
  const claims = claimants.get(timeline);
  if (claims !== undefined) claimants.set(rows, claimantsAfter(claims, leaving.map((place) => timeline[place]!), written));
  return rows;
}

/**
 * A timeline's shape after `spliced`: the places of its spans moved by the rows written before them
 * and the rows gone before them, those gone dropped, and the written ones added, in one pass over
 * the spans rather than over the rows.
 */
function shapeAfter(shape: TimelineShape, leaving: readonly number[], written: readonly TimelineRow[], at: readonly number[]): TimelineShape {
  const spans = new Int32Array(shape.spans.length + written.length);
  let regular = shape.regular;
  let n = 0;
  let w = 0;
  // Rows gone before the old place a span is at, and before the place a written row goes.
  let goneBeforeSpan = 0;
  let goneBeforeWritten = 0;
  const addWrittenBefore = (place: number) => {
    for (; w < written.length && at[w]! <= place; w++) {
      const row = written[w]!;
      while (goneBeforeWritten < leaving.length && leaving[goneBeforeWritten]! < at[w]!) goneBeforeWritten++;
      if (row.latestDay > row.earliestDay) spans[n++] = at[w]! + w - goneBeforeWritten;
      else if (row.latestDay < row.earliestDay) regular = false;
    }
  };
  for (const place of shape.spans) {
    addWrittenBefore(place);
    while (goneBeforeSpan < leaving.length && leaving[goneBeforeSpan]! < place) goneBeforeSpan++;
    if (goneBeforeSpan < leaving.length && leaving[goneBeforeSpan] === place) continue;
    spans[n++] = place + w - goneBeforeSpan;
  }
  addWrittenBefore(Infinity);
  return { spans: spans.slice(0, n), regular };
}

/** Statements' facts after `change`: the lists of the statements a gone or written fact names, made again. */
function statementFactsAfter(
  before: ReadonlyMap<string, StatementFacts>,
  change: FactChange,
  writtenFacts: readonly FactRef[],
): ReadonlyMap<string, StatementFacts> {
  const writtenOn = new Map<string, FactRef[]>();
  for (const fact of writtenFacts) {
    for (const id of statementsOf(fact)) {
      const facts = writtenOn.get(id);
      if (facts === undefined) writtenOn.set(id, [fact]);
      else facts.push(fact);
    }
  }
  const touched = new Set(writtenOn.keys());
  for (const fact of change.goneFacts) for (const id of statementsOf(fact)) touched.add(id);
  if (touched.size === 0) return before;
  const { gone } = change;
  const after = new Map(before);
  for (const statementId of touched) {
    const kept = before.get(statementId);
    const relationIds = (kept?.relationIds ?? []).filter((id) => !gone.relation.has(id));
    const eventIds = (kept?.eventIds ?? []).filter((id) => !gone.entity.has(id));
    for (const fact of writtenOn.get(statementId) ?? []) {
      if (fact.relation !== null) relationIds.push(fact.relation.id);
      else eventIds.push(fact.event!.id);
    }
    if (relationIds.length + eventIds.length === 0) after.delete(statementId);
    else after.set(statementId, { relationIds: relationIds.sort(compareText), eventIds: eventIds.sort(compareText) });
  }
  return after;
}

/** `deriveFactIndexes` for the events and located places. */
function deriveEntityFacts(previous: MemoryState, next: MemoryState, change: FactChange): void {
  const before = entityFactsMade.get(previous);
  if (before === undefined) return;
  const events = eventsOf(change.entities.filter((e) => e.event !== null));
  const places = locatedOf(change.entities);
  if (events.length + places.length > DERIVE_UP_TO) return;
  const { gone } = change;
  const keptEvents = gone.entity.size === 0 ? [...before.events] : before.events.filter((e) => !gone.entity.has(e.entity.id));
  for (const event of events) insertSorted(keptEvents, event, compareEvents);
  const located = gone.entity.size === 0 ? [...before.located] : before.located.filter((p) => !gone.entity.has(p.entity.id));
  for (const place of places) insertSorted(located, place, (a, b) => byId(a.entity, b.entity));
  entityFactsMade.set(next, { events: keptEvents, located });
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

/** A day of the rows: its text, shared by every row of that day, and its number (`dayNumber`). */
interface Day {
  readonly text: string;
  readonly number: number;
}

/**
 * Makes timeline rows, each kind in a list of its own in the order of the record's id and then the
 * attribution's index, so that sorting them all by days and kind alone, stably, puts them in the
 * timeline's whole order (`all`). The texts the rows repeat (days, claimants) are one string each:
 * the records a build reads are let go, and a million rows share a few thousand strings.
 */
class TimelineRows {
  private readonly days = new Map<string, Day>();
  private readonly claimants = new Map<string, string>();
  private readonly events: TimelineRow[] = [];
  private readonly relations: TimelineRow[] = [];
  /** Claims about events, and claims about relations: each in id order, merged by `all`. */
  private readonly eventClaims: TimelineRow[] = [];
  private readonly relationClaims: TimelineRow[] = [];
  private readonly statements: { readonly statement: StatementRecord; readonly id: string; readonly number: number }[] = [];

  /** Events in id order, each with its number (-1: none). */
  addEvent(event: EntityRecord, number: number): void {
    const details = event.event!;
    if (details.time !== null) {
      const { earliest, latest } = timeBounds(details.time);
      this.events.push(this.row('EVENT', Of.EVENT, event.id, number, earliest, latest));
    }
    details.attributions.forEach((a, i) => {
      if (a.saidOn !== null) this.eventClaims.push(this.row('CLAIM', Of.EVENT, event.id, number, a.saidOn, a.saidOn, i, a.claimantId));
    });
  }

  /**
   * Relations in id order; `id` is the relation's id as the snapshot holds it (its record may be
   * one parsed for the build alone). An event's links have no rows: the event stands for them.
   */
  addRelation(relation: RelationFacts, id: string, number: number): void {
    if (EVENT_LINK_TYPES.includes(relation.type)) return;
    if (relation.time !== null) {
      const { earliest, latest } = timeBounds(relation.time);
      this.relations.push(this.row('RELATION', Of.RELATION, id, number, earliest, latest));
    }
    const { attributions } = relation;
    for (let i = 0; i < attributions.length; i++) {
      const a = attributions[i]!;
      if (a.saidOn !== null) this.relationClaims.push(this.row('CLAIM', Of.RELATION, id, number, a.saidOn, a.saidOn, i, a.claimantId));
    }
  }

  /** Statements in any order, each with its number in id order (-1: none). */
  addStatement(statement: StatementRecord, number: number): void {
    if (statement.date !== null) this.statements.push({ statement, id: statement.id, number });
  }

  /** Every row, by kind, then id, then attribution: the order `compareRowDays` keeps among its ties. */
  all(): TimelineRow[] {
    return runSteps(this.allSteps());
  }

  /** `all` as steps (ascending.ts), for a build of a million rows that must not hold the event loop. */
  *allSteps(): Generator<number, TimelineRow[]> {
    const rows: TimelineRow[] = [];
    for (const list of [this.events, this.relations]) {
      for (let i = 0; i < list.length; i++) {
        rows.push(list[i]!);
        if ((i & 4095) === 4095) yield 4096;
      }
    }
    // The two lists of claims, each in id order, merged.
    const { eventClaims, relationClaims } = this;
    let i = 0;
    let j = 0;
    while (i < eventClaims.length || j < relationClaims.length) {
      const fromEvents = j === relationClaims.length || (i < eventClaims.length && compareIdsOfRows(eventClaims[i]!, relationClaims[j]!) <= 0);
      rows.push(fromEvents ? eventClaims[i++]! : relationClaims[j++]!);
      yield 1;
    }
    yield* sortSteps(this.statements, byId);
    for (const { statement, number } of this.statements) {
      rows.push(this.row('STATEMENT', Of.STATEMENT, statement.id, number, statement.date!, statement.date!));
      yield 1;
    }
    return rows;
  }

  private row(
    kind: TimelineEntryKind,
    of: Of,
    id: string,
    record: number,
    earliest: string,
    latest: string,
    attributionIndex: number | null = null,
    claimantId: string | null = null,
  ): TimelineRow {
    const first = this.day(earliest);
    const last = latest === earliest ? first : this.day(latest);
    return new TimelineRow(
      kind,
      of,
      id,
      first.text,
      last.text,
      first.number,
      last.number,
      KIND_RANK[kind],
      attributionIndex,
      claimantId === null ? null : this.claimant(claimantId),
      record,
    );
  }

  private day(text: string): Day {
    let day = this.days.get(text);
    if (day === undefined) this.days.set(text, (day = { text, number: dayNumber(text) }));
    return day;
  }

  private claimant(id: string): string {
    const known = this.claimants.get(id);
    if (known !== undefined) return known;
    this.claimants.set(id, id);
    return id;
  }
}

/**
 * The fact indexes of a snapshot, as steps (ascending.ts, `runSteps`): read from the start image
 * when it has them for this graph; else every relation's record read once and let go, the
 * timeline sorted, each statement's facts.
 */
function* factIndexSteps(state: MemoryState): Generator<number, FactIndexes> {
  const { adjacency } = state;
  const image = images.get(state);
  images.delete(state);
  const kept = image === undefined ? null : yield* keptFactsOf(image, state);
  if (kept !== null) {
    origins.set(state, 'image');
    return kept;
  }
  const eventList = adjacency.entities.filter((e) => e.event !== null);
  yield eventList.length;
  const rows = new TimelineRows();
  const supported = new Map<string, StatementFacts>();
  const support = (statementId: string, kind: keyof StatementFacts, id: string) => {
    let facts = supported.get(statementId);
    if (facts === undefined) supported.set(statementId, (facts = { relationIds: [], eventIds: [] }));
    const ids = facts[kind];
    if (ids[ids.length - 1] !== id) ids.push(id);
  };
  // Relations and events in id order (their numbers): the rows and each statement's lists come out
  // in the order they are kept in.
  const { relations } = adjacency;
  for (let r = 0; r < relations.length; r++) {
    const stored = relations[r]!;
    // A row of the data file is parsed for this pass only: its record is not kept.
    const relation = stored instanceof RelationRow ? stored.passingFacts() : stored;
    const id = stored.id;
    rows.addRelation(relation, id, r);
    for (const a of relation.attributions) if (a.statementId !== null) support(a.statementId, 'relationIds', id);
    for (const statementId of relation.statementIds) support(statementId, 'relationIds', id);
    // Parsing a row is the costliest step here.
    yield 32;
  }
  for (const event of eventList) {
    rows.addEvent(event, adjacency.numberOf.get(event.id)!);
    for (const a of event.event!.attributions) if (a.statementId !== null) support(a.statementId, 'eventIds', event.id);
    yield 1;
  }
  const statements = [...state.statements.values()];
  yield* sortSteps(statements, byId);
  statements.forEach((statement, number) => rows.addStatement(statement, number));
  const timeline = yield* sortedByDays(yield* rows.allSteps());
  origins.set(state, 'records');
  return { timeline, factsByStatement: supported };
}

/**
 * `rows` sorted stably by days and kind (`compareRowDays` of fact-rows.ts), as steps. Each row's keys are read once
 * into typed arrays, which the sort compares: it reads each key about twenty times, and at a million
 * rows reading a row is a cache miss.
 */
function* sortedByDays(rows: readonly TimelineRow[]): Generator<number, TimelineRow[]> {
  const n = rows.length;
  const earliest = new Int32Array(n);
  const latest = new Int32Array(n);
  const rank = new Uint8Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    earliest[i] = row.earliestDay;
    latest[i] = row.latestDay;
    rank[i] = row.rank;
    order.push(i);
    if ((i & 4095) === 4095) yield 4096;
  }
  yield* sortSteps(order, (a, b) => earliest[a]! - earliest[b]! || latest[a]! - latest[b]! || rank[a]! - rank[b]!);
  const sorted: TimelineRow[] = [];
  for (let k = 0; k < n; k++) {
    sorted.push(rows[order[k]!]!);
    if ((k & 4095) === 4095) yield 4096;
  }
  return sorted;
}

// --- events -----------------------------------------------------------------------------------

const EVENT_KEY_SHAPE = ['string|null', 'string'];
const eventKey = (e: DatedEvent): SortKey => [e.earliest, e.entity.id];
const compareEventKeys = (a: SortKey, b: SortKey) =>
  compareDays(a[0] as string | null, b[0] as string | null) || compareText(a[1] as string, b[1] as string);

export async function findEvents(
  indexes: EntityFacts,
  adjacency: Adjacency,
  { types, participantId, placeId, window }: EventQuery,
  page: PageQuery,
  pacer: Pacer,
): Promise<Page<EntityRecord>> {
  const withParticipant = participantId === null ? null : eventsOfParticipant(adjacency, participantId);
  const inPlace = placeId === null ? null : await eventsInPlace(adjacency, placeId, pacer);
  const matching: DatedEvent[] = [];
  for (const e of indexes.events) {
    if (pacer.due()) await pacer.pause();
    if (types !== null && !types.includes(e.entity.event!.type)) continue;
    // The event list and the walks read one snapshot's records: a record stands for its id here.
    if (withParticipant !== null && !withParticipant.has(e.entity)) continue;
    if (inPlace !== null && !inPlace.has(e.entity)) continue;
    if (window !== null && (e.earliest === null || !overlapsWindow({ earliest: e.earliest, latest: e.latest! }, window))) continue;
    matching.push(e);
  }
  const result = pageOf('events', matching, eventKey, compareEventKeys, EVENT_KEY_SHAPE, page);
  return { ...result, items: result.items.map((e) => e.entity) };
}

/** For each place, the events in it or in a place inside it, in `findEvents`' order (the port's `eventsInPlaces`). */
export async function eventsInPlaces(adjacency: Adjacency, placeIds: readonly string[], pacer: Pacer): Promise<EntityRecord[][]> {
  const lists: EntityRecord[][] = [];
  for (const placeId of placeIds) {
    const events = [...(await eventsInPlace(adjacency, placeId, pacer))].filter((e) => e.event !== null);
    lists.push(eventsOf(events).sort(compareEvents).map((e) => e.entity));
  }
  return lists;
}

/**
 * The relations in an entity's row, as [its id, type and ends, whether the entity is its start]:
 * what a row of the data file has without being parsed.
 */
function* relationsAt(adjacency: Adjacency, id: string): Generator<[RowKey, boolean]> {
  const node = adjacency.numberOf.get(id);
  if (node === undefined) return;
  const { offsets, relation, relFrom, relations } = adjacency;
  for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
    const r = relation[k]!;
    yield [relations[r]!, relFrom[r] === node];
  }
}

/** The records of the events the actor took part in (PARTICIPATED_IN). */
function eventsOfParticipant(adjacency: Adjacency, actorId: string): Set<EntityRecord> {
  const events = new Set<EntityRecord>();
  const node = adjacency.numberOf.get(actorId);
  if (node === undefined) return events;
  const { offsets, relation, relFrom, relTo, typeBit, entities } = adjacency;
  const participatedIn = typeBitOf('PARTICIPATED_IN');
  for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
    const r = relation[k]!;
    if (relFrom[r] === node && typeBit[r] === participatedIn) events.add(entities[relTo[r]!]!);
  }
  return events;
}

/**
 * The records of the events that took place in the place or in a place inside it (LOCATED_IN, any
 * depth). A country of a large graph holds tens of thousands of places: the walk reads the
 * adjacency's columns, not the relations, and lets other requests run as it goes.
 */
async function eventsInPlace(adjacency: Adjacency, placeId: string, pacer: Pacer): Promise<Set<EntityRecord>> {
  const events = new Set<EntityRecord>();
  const start = adjacency.numberOf.get(placeId);
  if (start === undefined) return events;
  const { offsets, relation, relFrom, relTo, typeBit, entities } = adjacency;
  const locatedIn = typeBitOf('LOCATED_IN');
  const tookPlaceIn = typeBitOf('TOOK_PLACE_IN');
  const reached = new Uint8Array(entities.length);
  reached[start] = 1;
  const places = [start];
  while (places.length > 0) {
    const place = places.pop()!;
    for (let k = offsets[place]!, end = offsets[place + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      const r = relation[k]!;
      if (relTo[r] !== place) continue;
      const from = relFrom[r]!;
      if (typeBit[r] === locatedIn && reached[from] === 0) {
        reached[from] = 1;
        places.push(from);
      } else if (typeBit[r] === tookPlaceIn) {
        events.add(entities[from]!);
      }
    }
  }
  return events;
}

// --- timeline ---------------------------------------------------------------------------------

const TIMELINE_KEY_SHAPE = ['string', 'string', 'number', 'string', 'number'];
const timelineKey = (row: TimelineRow): SortKey => [row.earliest, row.latest, row.rank, row.id, row.attributionIndex ?? -1];
function compareTimelineKeys(a: SortKey, b: SortKey): number {
  return (
    compareText(a[0] as string, b[0] as string) ||
    compareText(a[1] as string, b[1] as string) ||
    (a[2] as number) - (b[2] as number) ||
    compareText(a[3] as string, b[3] as string) ||
    (a[4] as number) - (b[4] as number)
  );
}

export async function timeline(
  indexes: FactIndexes,
  state: MemoryState,
  { window, entityId, kinds }: TimelineQuery,
  page: PageQuery,
  pacer: Pacer,
): Promise<Page<TimelineEntry>> {
  const rows = indexes.timeline;
  const { spans, regular } = shapeOf(indexes);
  // Rows are in order of their first day: those beginning in the window are one run of them, and
  // of those beginning before it only the ones lasting more than a day can reach into it.
  const from = window.from === null ? null : dayNumber(window.from);
  const to = window.to === null ? null : dayNumber(window.to);
  const start = from === null || !regular ? 0 : firstRowFrom(rows, from);
  const end = to === null || !regular ? rows.length : firstRowFrom(rows, to + 1);
  const ofKinds = (row: TimelineRow) => kinds === null || kinds.includes(row.kind);
  if (entityId !== null && madeSooner(state, entityId, end - start)) {
    const about = await rowsAbout(indexes, state, entityId, pacer);
    return pageOfRows(state, about.filter((row) => overlapsWindow(row, window) && ofKinds(row)), page);
  }
  const about = entityId === null ? null : aboutEntity(state, entityId);
  const passes = (row: TimelineRow) => ofKinds(row) && (about === null || about(row));
  const matching: TimelineRow[] = [];
  if (!regular) {
    // A row that ends before it begins (the validator refuses such times): every row is tested.
    for (const row of rows) {
      if (pacer.due()) await pacer.pause();
      if (overlapsWindow(row, window) && passes(row)) matching.push(row);
    }
  } else {
    for (let k = 0; k < spans.length && spans[k]! < start; k++) {
      if (pacer.due()) await pacer.pause();
      const row = rows[spans[k]!]!;
      if (row.latestDay >= from! && (to === null || row.earliestDay <= to) && passes(row)) matching.push(row);
    }
    if (kinds === null && about === null) {
      // Every row in the run: the list itself, or a copy of the run.
      if (matching.length === 0) return pageOfRows(state, start === 0 && end === rows.length ? rows : rows.slice(start, end), page);
      for (let i = start; i < end; i++) matching.push(rows[i]!);
    } else {
      for (let i = start; i < end; i++) {
        if (pacer.due()) await pacer.pause();
        if (passes(rows[i]!)) matching.push(rows[i]!);
      }
    }
  }
  return pageOfRows(state, matching, page);
}

/**
 * A relation made into its rows (its JSON parsed, the rows sorted) costs about as much as testing
 * this many rows of the timeline (measured at 1M relations: ~6 µs against ~0.3 µs).
 */
const ROWS_TESTED_PER_RELATION = 20;

/**
 * Whether the rows about an entity are sooner made from its records (`rowsAbout`) than found
 * among the `scanned` rows of the window: for all but the entities with tens of thousands of
 * relations, or a window of a few days.
 */
function madeSooner(state: MemoryState, entityId: string, scanned: number): boolean {
  const { numberOf, offsets } = state.adjacency;
  const node = numberOf.get(entityId);
  const degree = node === undefined ? 0 : offsets[node + 1]! - offsets[node]!;
  return degree * ROWS_TESTED_PER_RELATION < scanned;
}

function pageOfRows(state: MemoryState, rows: readonly TimelineRow[], page: PageQuery): Page<TimelineEntry> {
  const result = pageOf('timeline', rows, timelineKey, compareTimelineKeys, TIMELINE_KEY_SHAPE, page);
  return { ...result, items: result.items.map((row) => entryOf(state, row)) };
}

/** Where a timeline's rows last more than a day, and whether none ends before it begins. */
interface TimelineShape {
  /** The places of the rows whose last day is after their first, ascending. */
  readonly spans: Int32Array;
  readonly regular: boolean;
}

/**
 * By timeline: made on the first question about a timeline (a pass over its rows, ~100 ms at 1M
 * relations, each row a cache miss), or with a timeline a write derived (`spliced`).
 */
const shapes = new WeakMap<readonly TimelineRow[], TimelineShape>();

function shapeOf(indexes: FactIndexes): TimelineShape {
  let shape = shapes.get(indexes.timeline);
  if (shape === undefined) {
    const spans: number[] = [];
    let regular = true;
    indexes.timeline.forEach((row, i) => {
      if (row.latestDay > row.earliestDay) spans.push(i);
      else if (row.latestDay < row.earliestDay) regular = false;
    });
    shapes.set(indexes.timeline, (shape = { spans: Int32Array.from(spans), regular }));
  }
  return shape;
}

/** The place of the first row whose first day is `day` or later (rows are in order of first day). */
function firstRowFrom(rows: readonly TimelineRow[], day: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.earliestDay < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The entry of a row, its record the snapshot's (the indexes are of this snapshot or derived for it). */
function entryOf(state: MemoryState, row: TimelineRow): TimelineEntry {
  return {
    kind: row.kind,
    earliest: row.earliest,
    latest: row.latest,
    event: row.of === Of.EVENT ? held(entityOf(state, row.id), row.id) : null,
    relation: row.of === Of.RELATION ? held(relationOf(state, row.id), row.id) : null,
    statement: row.of === Of.STATEMENT ? held(state.statements.get(row.id), row.id) : null,
    attributionIndex: row.attributionIndex,
  };
}

/** A record the indexes name: the snapshot holds it, or the indexes are not of this snapshot. */
function held<T>(record: T | undefined, id: string): T {
  if (record === undefined) throw new Error(`The fact indexes name ${id}, which this snapshot does not hold.`);
  return record;
}

/**
 * The rows about an entity (the port's TimelineQuery.entityId), in the timeline's order: made from
 * the records it touches rather than found among every row, so the question costs what the entity
 * has, not the size of the graph. Those are its relations and the claims about them, the events it
 * is, took part in or hosted, and theirs, the statements it made or is the subject of, and the
 * claims it made about anything (the claimants' index: `claimsOf`).
 */
async function rowsAbout(indexes: FactIndexes, state: MemoryState, entityId: string, pacer: Pacer): Promise<TimelineRow[]> {
  const made = new TimelineRows();
  const relationIds = new Set<string>();
  const eventIds = new Set<string>();
  const addEvent = (id: string) => {
    if (eventIds.has(id)) return;
    eventIds.add(id);
    const event = entityOf(state, id);
    if (event?.event) made.addEvent(event, -1);
  };
  const { adjacency } = state;
  const node = adjacency.numberOf.get(entityId);
  if (node !== undefined) {
    addEvent(entityId);
    const { offsets, relation, relFrom, relations } = adjacency;
    for (let k = offsets[node]!, end = offsets[node + 1]!; k < end; k++) {
      if (pacer.due()) await pacer.pause();
      const r = relation[k]!;
      const id = relations[r]!.id;
      if (relationIds.has(id)) continue;
      relationIds.add(id);
      // Its record, parsed and kept as an entity's relations are by every question about them.
      const record = relationAt(adjacency, r);
      made.addRelation(record, id, -1);
      const isStart = relFrom[r] === node;
      if (isStart && record.type === 'PARTICIPATED_IN') addEvent(record.to);
      else if (!isStart && record.type === 'TOOK_PLACE_IN') addEvent(record.from);
    }
  }
  const statementIds = new Set<string>();
  for (const statement of [...(state.statementsBySpeaker.get(entityId) ?? []), ...(state.statementsAbout.get(entityId) ?? [])]) {
    if (statementIds.has(statement.id)) continue;
    statementIds.add(statement.id);
    made.addStatement(statement, -1);
  }
  const rows = made.all();
  // Its claims about facts not made above (those came with their fact).
  for (const row of await claimsOf(indexes, entityId, pacer)) {
    if (!(row.of === Of.EVENT ? eventIds : relationIds).has(row.id)) rows.push(row);
  }
  return rows.sort(compareTimelineRows);
}

/**
 * By timeline: its claimants' index. Made on the first question about an entity (a pass over the
 * rows, shared by the questions asked meanwhile), or with a timeline a write derived (`spliced`).
 */
const claimants = new WeakMap<readonly TimelineRow[], ClaimantRows<TimelineRow>>();
const claimantsBuilding = new WeakMap<readonly TimelineRow[], Promise<ClaimantRows<TimelineRow>>>();

/** The CLAIM rows of a claimant, in the timeline's order. */
async function claimsOf(indexes: FactIndexes, claimantId: string, pacer: Pacer): Promise<readonly TimelineRow[]> {
  const { timeline } = indexes;
  let index = claimants.get(timeline);
  if (index === undefined) {
    let build = claimantsBuilding.get(timeline);
    if (build === undefined) {
      build = runStepsPaced(claimantSteps(timeline), Pacer.sharing()).then((made) => {
        claimants.set(timeline, made);
        return made;
      });
      const settled = () => claimantsBuilding.delete(timeline);
      build.then(settled, settled);
      claimantsBuilding.set(timeline, build);
    }
    index = await pacer.wait(build);
  }
  return index.of(claimantId);
}

function* claimantSteps(timeline: readonly TimelineRow[]): Generator<number, ClaimantRows<TimelineRow>> {
  const index = new Map<string, TimelineRow[]>();
  for (let i = 0; i < timeline.length; i++) {
    const row = timeline[i]!;
    if (row.claimantId !== null) {
      const rows = index.get(row.claimantId);
      if (rows === undefined) index.set(row.claimantId, [row]);
      else rows.push(row);
    }
    if ((i & 4095) === 4095) yield 4096;
  }
  return new ClaimantRows(index);
}

/** The claimants' index after a write took the rows `leaving` out of its timeline and put `written` in. */
function claimantsAfter(
  before: ClaimantRows<TimelineRow>,
  leaving: readonly TimelineRow[],
  written: readonly TimelineRow[],
): ClaimantRows<TimelineRow> {
  const touched = new Map<string, TimelineRow[]>();
  const rowsOf = (claimantId: string) => {
    let rows = touched.get(claimantId);
    if (rows === undefined) touched.set(claimantId, (rows = [...before.of(claimantId)]));
    return rows;
  };
  for (const row of leaving) {
    if (row.claimantId === null) continue;
    const rows = rowsOf(row.claimantId);
    const at = rows.indexOf(row);
    if (at !== -1) rows.splice(at, 1);
  }
  for (const row of written) if (row.claimantId !== null) insertSorted(rowsOf(row.claimantId), row, compareTimelineRows);
  return before.with(touched);
}

/** The port's "about this entity" (TimelineQuery.entityId) as a test of a timeline row. */
function aboutEntity(state: MemoryState, entityId: string): (row: TimelineRow) => boolean {
  const events = new Set<string>([entityId]);
  const relations = new Set<string>();
  for (const [r, isStart] of relationsAt(state.adjacency, entityId)) {
    relations.add(r.id);
    if (isStart && r.type === 'PARTICIPATED_IN') events.add(r.to);
    if (!isStart && r.type === 'TOOK_PLACE_IN') events.add(r.from);
  }
  const factAbout = (row: TimelineRow) => (row.of === Of.EVENT ? events : relations).has(row.id);
  return (row) => {
    switch (row.kind) {
      case 'STATEMENT': {
        const statement = held(state.statements.get(row.id), row.id);
        return statement.speakerId === entityId || statement.aboutIds.includes(entityId);
      }
      case 'CLAIM':
        return row.claimantId === entityId || factAbout(row);
      default:
        return factAbout(row);
    }
  };
}

// --- statements' facts, places near --------------------------------------------------------------

export function factsSupportedBy(indexes: FactIndexes, state: MemoryState, statementIds: readonly string[]): FactRef[][] {
  return statementIds.map((statementId) => {
    const facts = indexes.factsByStatement.get(statementId);
    if (facts === undefined) return [];
    return [
      ...facts.relationIds.map((id) => ({ relation: held(relationOf(state, id), id), event: null })),
      ...facts.eventIds.map((id) => ({ relation: null, event: held(entityOf(state, id), id) })),
    ];
  });
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
  indexes: EntityFacts,
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
