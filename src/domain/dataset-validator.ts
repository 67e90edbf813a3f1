/**
 * The dataset file format (data/README.md, data/dataset.schema.json): checking a file before any
 * store sees it (shapes, ids, kinds, relation types and the kinds they may join, references,
 * duplicates, and the rules of attributions, times, quantities, places and general knowledge),
 * reading it into records (`parseDataset`, derived fields computed) and writing records back
 * (`toDatasetFile`). Every problem is reported with the record and field that have it; nothing is
 * loaded unless there are none.
 */
import { isIsoDate } from './dates.js';
import { idPrefix, isWellFormedId, kindOfEntityId, RELATION_ID_PREFIX, SOURCE_ID_PREFIX, STATEMENT_ID_PREFIX } from './ids.js';
import { earliestDay, factStatus, firstClaimant, isPartialDate, latestDay, legacyDate, UNITS_OF_MEASURE } from './facts.js';
import {
  QUALIFIER_KEYS,
  type Attribution,
  type Dataset,
  type EntityRecord,
  type EventDetails,
  type Qualifiers,
  type Quantity,
  type RelationRecord,
  type Retraction,
  type SourceRecord,
  type StatementRecord,
  type TimeSpan,
} from './model.js';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  STATEMENT_KINDS,
  EVENT_TYPE_NAMES,
  LOCATION_PRECISIONS,
  PARTICIPANT_ROLE_NAMES,
  PLACE_KINDS,
  QUANTITY_MEASURE_NAMES,
  SOURCE_KINDS,
  STANCE_NAMES,
  isRelationType,
  type EntityKind,
  type QuantityMeasure,
  type RelationType,
  type SourceKind,
} from './vocabulary.js';

export class DatasetValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'DatasetValidationError';
  }
}

type Obj = Record<string, unknown>;

/**
 * How a problem names its record: the kind, the id when it has a usable one, and always its place
 * in the file (`entities[3]`), so that a problem can be found in the file even without an id.
 */
function recordLabel(kind: string, section: string, index: number, id: string | null): string {
  return id === null ? `${kind} ${section}[${index}]` : `${kind} "${id}" (${section}[${index}])`;
}
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the dataset typed, or throws a DatasetValidationError listing every problem. */
export function parseDataset(raw: unknown): Dataset {
  const problems = validateDataset(raw);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return withDefaults(upgradeLegacyDataset(raw) as DatasetFile);
}

/**
 * Some records of a dataset, checked among others that give them their context: the problems of
 * the records whose ids are in `checked` (a problem names its record's id), and those records
 * complete, as `parseDataset` gives them. Problems of the context records are not these records'
 * (the writes check a change this way beside the stored records it refers to, which refer further).
 */
export function parseRecordsInContext(raw: DatasetFile, checked: ReadonlySet<string>): { problems: string[]; dataset: Dataset | null } {
  const problems = validateDataset(raw).filter((p) => [...checked].some((id) => p.includes(`"${id}"`)));
  if (problems.length > 0) return { problems, dataset: null };
  const all = withDefaults(upgradeLegacyDataset(raw) as DatasetFile);
  return {
    problems,
    dataset: {
      sources: all.sources.filter((r) => checked.has(r.id)),
      entities: all.entities.filter((r) => checked.has(r.id)),
      relations: all.relations.filter((r) => checked.has(r.id)),
      statements: all.statements.filter((r) => checked.has(r.id)),
    },
  };
}

/**
 * Files written before facts had attributions gave a relation one `status`, `claimedBy` and
 * `date`. They still load: each such relation gets the attributions that give the same status
 * where the rule allows (a single claimant asserting reads CLAIMED; the source's voice CONFIRMED;
 * UNVERIFIED adds the source's CANNOT_VERIFY; DISPUTED the source's DISPUTES; DENIED the
 * claimant's DENIES) and its date becomes a day-precision time.
 */
export function upgradeLegacyDataset(raw: unknown): unknown {
  if (!isObj(raw) || !Array.isArray(raw.relations)) return raw;
  const relations = raw.relations.map((r: unknown) => {
    if (!isObj(r) || r.attributions !== undefined || !(CLAIM_STATUSES as readonly unknown[]).includes(r.status)) return r;
    const { status, claimedBy, date, sourceId: _sourceId, ...rest } = r;
    const claimantId = typeof claimedBy === 'string' ? claimedBy : null;
    const sourceId = r.sourceId;
    const said = (stance: string, who: string | null) => ({ claimantId: who, stance, sourceId });
    const attributions =
      status === 'DENIED'
        ? [said('DENIES', claimantId)]
        : status === 'UNVERIFIED'
          ? [said('ASSERTS', claimantId), said('CANNOT_VERIFY', null)]
          : status === 'DISPUTED'
            ? [said('ASSERTS', claimantId), said('DISPUTES', null)]
            : [said('ASSERTS', claimantId)];
    return { ...rest, ...(typeof date === 'string' ? { time: { start: date } } : {}), attributions };
  });
  return { ...raw, relations };
}

/** A field a file may leave out, or write as null. */
type Loose<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

/** An attribution as a file gives it: stance and source, the rest when known. */
export type AttributionFile = Loose<Attribution, 'claimantId' | 'viaId' | 'statementId' | 'saidOn' | 'note'>;
export type TimeSpanFile = Loose<TimeSpan, 'end' | 'text'>;
export type QuantityFile = Loose<Quantity, 'value' | 'min' | 'max' | 'approximation' | 'unit' | 'wording'>;
export type EventDetailsFile = {
  type: EventDetails['type'];
  time?: TimeSpanFile | null;
  quantities?: QuantityFile[];
  attributions: AttributionFile[];
  retraction?: Retraction | null;
};
export type SourceFile = Loose<SourceRecord, 'publisher' | 'published' | 'url' | 'kind'>;
export type EntityFile = Loose<Omit<EntityRecord, 'event'>, 'description' | 'location'> & { event?: EventDetailsFile | null };
/**
 * A relation as a file gives it. `status`, `claimedBy`, `date` and `sourceId` are derived and
 * absent; a PARTICIPATED_IN or TOOK_PLACE_IN relation without `attributions` or `time` takes its
 * event's.
 */
export type RelationFile = Pick<RelationRecord, 'id' | 'type' | 'from' | 'to'> & {
  time?: TimeSpanFile | null;
  attributions?: AttributionFile[];
  statementIds?: string[];
  qualifiers?: Qualifiers;
  retraction?: Retraction | null;
};
export type StatementFile = Loose<StatementRecord, 'date' | 'speakerId' | 'reportedViaId'>;

/** A dataset as a file gives it (data/dataset.schema.json): optional fields absent, derived fields not computed. */
export interface DatasetFile {
  $comment?: string;
  sources: SourceFile[];
  entities: EntityFile[];
  relations: RelationFile[];
  statements: StatementFile[];
}

/** Relation types that belong to an event and may take its attributions and time. */
const EVENT_RELATION_TYPES: ReadonlySet<string> = new Set(['PARTICIPATED_IN', 'TOOK_PLACE_IN']);

/** The event a PARTICIPATED_IN (actor → event) or TOOK_PLACE_IN (event → place) belongs to; else null. */
function eventEndOf(r: { type: string; from: string; to: string }): string | null {
  return r.type === 'PARTICIPATED_IN' ? r.to : r.type === 'TOOK_PLACE_IN' ? r.from : null;
}

function completeTime(t: TimeSpanFile | null | undefined): TimeSpan | null {
  return t ? { start: t.start, end: t.end ?? null, text: t.text ?? null } : null;
}

/** A retraction as the record keeps it: absent when there is none. */
function retractionOf(r: Retraction | null | undefined): { retraction?: Retraction } {
  return r ? { retraction: { by: r.by, at: r.at, reason: r.reason } } : {};
}

// Records are completed by object literals of one shape each rather than by spreading the optional
// retraction in: a data file's start completes a million relations, and a spread copies slowly.
function completeAttribution(a: AttributionFile): Attribution {
  const complete: { -readonly [K in keyof Attribution]: Attribution[K] } = {
    claimantId: a.claimantId ?? null,
    viaId: a.viaId ?? null,
    statementId: a.statementId ?? null,
    stance: a.stance,
    saidOn: a.saidOn ?? null,
    sourceId: a.sourceId,
    note: a.note ?? null,
  };
  if (a.retraction) complete.retraction = { by: a.retraction.by, at: a.retraction.at, reason: a.retraction.reason };
  return complete;
}

function completeQuantity(q: QuantityFile): Quantity {
  return {
    measure: q.measure,
    value: q.value ?? null,
    min: q.min ?? null,
    max: q.max ?? null,
    approximation: q.approximation ?? null,
    unit: q.unit ?? null,
    wording: q.wording ?? null,
  };
}

/**
 * A relation of a file, complete: optional fields take their empty values and derived fields are
 * computed (facts.ts). `inherited`: the event the relation joins, whose attributions, time and
 * retraction it takes when it gives none of its own (null: none). The inverse of relationToFile.
 */
export function relationFromFile(r: RelationFile, inherited: EventDetails | null): RelationRecord {
  const attributions = r.attributions?.map(completeAttribution) ?? inherited?.attributions ?? [];
  const time = r.time === undefined ? (inherited?.time ?? null) : completeTime(r.time);
  // A relation that takes its event's attributions takes the event's retraction with them.
  const retraction = r.retraction === undefined && r.attributions === undefined ? inherited?.retraction : r.retraction;
  const statementIds = statementIdsOf(attributions, r.statementIds);
  const status = factStatus(attributions, retraction);
  const claimedBy = firstClaimant(attributions);
  const date = legacyDate(time);
  const sourceId = attributions[0]?.sourceId ?? '';
  const qualifiers = r.qualifiers ?? {};
  const { id, type, from, to } = r;
  // The retraction's place in the key order is after the status (see completeAttribution on spreads).
  return retraction
    ? { id, type, from, to, time, attributions, status, ...retractionOf(retraction), claimedBy, date, sourceId, statementIds, qualifiers }
    : { id, type, from, to, time, attributions, status, claimedBy, date, sourceId, statementIds, qualifiers };
}

/** What the indexes of time and of statements' facts read of a relation. */
export interface RelationFacts {
  readonly type: RelationType;
  readonly time: TimeSpan | null;
  /** Each attribution's claimant, day and statement, in order. */
  readonly attributions: readonly Pick<Attribution, 'claimantId' | 'saidOn' | 'statementId'>[];
  readonly statementIds: readonly string[];
}

/**
 * The facts of a relation in its file form as `relationFromFile` (without an event to inherit from)
 * would make them, without making the rest of the record: for a pass over every relation that reads
 * nothing else (at a million relations the rest is about 40 % of making the records).
 */
export function relationFactsFromFile(r: RelationFile): RelationFacts {
  const attributions = (r.attributions ?? []).map((a) => ({ claimantId: a.claimantId ?? null, saidOn: a.saidOn ?? null, statementId: a.statementId ?? null }));
  return { type: r.type, time: r.time === undefined ? null : completeTime(r.time), attributions, statementIds: statementIdsOf(attributions, r.statementIds) };
}

/** The statements a relation rests on: those its attributions name, then its own, each once. */
function statementIdsOf(attributions: readonly Pick<Attribution, 'statementId'>[], own: readonly string[] | undefined): string[] {
  const ids: string[] = [];
  for (const a of attributions) if (a.statementId !== null && !ids.includes(a.statementId)) ids.push(a.statementId);
  for (const id of own ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * Optional fields of a dataset file take their empty values and derived fields are computed
 * (facts.ts), so stores see complete records. The relations of an event (PARTICIPATED_IN,
 * TOOK_PLACE_IN) without attributions or time of their own take the event's.
 */
function withDefaults(d: DatasetFile): Dataset {
  const entities: EntityRecord[] = d.entities.map((e) => {
    let event: EventDetails | null = null;
    if (e.event) {
      const attributions = e.event.attributions.map(completeAttribution);
      event = {
        type: e.event.type,
        time: completeTime(e.event.time),
        quantities: (e.event.quantities ?? []).map(completeQuantity),
        attributions,
        status: factStatus(attributions, e.event.retraction),
        ...retractionOf(e.event.retraction),
      };
    }
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      description: e.description ?? null,
      location: e.location ?? null,
      event,
    };
  });
  const eventById = new Map(entities.filter((e) => e.event !== null).map((e) => [e.id, e.event!]));
  const eventOf = (r: RelationFile) => eventById.get(eventEndOf(r) ?? '') ?? null;
  return {
    sources: d.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher ?? null,
      published: s.published ?? null,
      url: s.url ?? null,
      kind: s.kind ?? 'DOCUMENT',
    })),
    entities,
    relations: d.relations.map((r) => relationFromFile(r, r.attributions === undefined || r.time === undefined ? eventOf(r) : null)),
    statements: d.statements.map((s) => ({
      id: s.id,
      kind: s.kind,
      text: s.text,
      date: s.date ?? null,
      speakerId: s.speakerId ?? null,
      aboutIds: s.aboutIds,
      sourceId: s.sourceId,
      status: s.status,
      reportedViaId: s.reportedViaId ?? null,
    })),
  };
}

/** Null fields left out: a file says only what is known. */
/** The record without its null and undefined fields, as the file format leaves them out. */
export function present<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function attributionToFile(a: Attribution): AttributionFile {
  return present({
    claimantId: a.claimantId,
    viaId: a.viaId,
    statementId: a.statementId,
    stance: a.stance,
    saidOn: a.saidOn,
    sourceId: a.sourceId,
    note: a.note,
    retraction: a.retraction,
  });
}

function timeToFile(t: TimeSpan): TimeSpanFile {
  return present({ start: t.start, end: t.end, text: t.text });
}

export function sourceToFile(s: SourceRecord): SourceFile {
  return present({ id: s.id, title: s.title, publisher: s.publisher, published: s.published, url: s.url, kind: s.kind === 'DOCUMENT' ? null : s.kind });
}

export function entityToFile(e: EntityRecord): EntityFile {
  const event: EventDetailsFile | null = e.event && {
    type: e.event.type,
    ...(e.event.time === null ? {} : { time: timeToFile(e.event.time) }),
    ...(e.event.quantities.length === 0
      ? {}
      : { quantities: e.event.quantities.map((q) => present({ ...q })) }),
    attributions: e.event.attributions.map(attributionToFile),
    ...(e.event.retraction ? { retraction: e.event.retraction } : {}),
  };
  return present({ id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, description: e.description, location: e.location, event });
}

/**
 * A relation as the file gives it. `eventOf` looks up the details of the event a PARTICIPATED_IN
 * or TOOK_PLACE_IN relation belongs to: what equals the event's is left for the parser to inherit.
 */
export function relationToFile(r: RelationRecord, eventOf: (id: string) => EventDetails | null | undefined): RelationFile {
  const eventId = eventEndOf(r);
  const event = eventId === null ? null : (eventOf(eventId) ?? null);
  const fromAttributions = new Set(r.attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId])));
  const statementIds = r.statementIds.filter((id) => !fromAttributions.has(id));
  const file: RelationFile = { id: r.id, type: r.type, from: r.from, to: r.to };
  // An event's relation inherits a missing time, so a null time differing from the event's is written.
  if (event === null ? r.time !== null : !sameJson(r.time, event.time)) file.time = r.time === null ? null : timeToFile(r.time);
  if (event === null || !sameJson(r.attributions, event.attributions)) file.attributions = r.attributions.map(attributionToFile);
  if (statementIds.length > 0) file.statementIds = statementIds;
  if (Object.keys(r.qualifiers).length > 0) file.qualifiers = r.qualifiers;
  // A relation that inherits its event's attributions inherits its retraction too.
  if (r.retraction && !(file.attributions === undefined && sameJson(r.retraction, event?.retraction))) file.retraction = r.retraction;
  else if (!r.retraction && file.attributions === undefined && event?.retraction) file.attributions = r.attributions.map(attributionToFile);
  return file;
}

export function statementToFile(s: StatementRecord): StatementFile {
  return present({
    id: s.id,
    kind: s.kind,
    text: s.text,
    date: s.date,
    speakerId: s.speakerId,
    aboutIds: s.aboutIds,
    sourceId: s.sourceId,
    status: s.status,
    reportedViaId: s.reportedViaId,
  });
}

/**
 * The dataset as a file writes it, the inverse of `parseDataset`: derived fields (statuses,
 * claimedBy, date, sourceId of relations) left out, defaults omitted (nulls, empty lists, a
 * DOCUMENT source kind, what an event's relations inherit). `parseDataset(toDatasetFile(d))`
 * gives `d` back.
 */
export function toDatasetFile(dataset: Dataset): DatasetFile {
  const events = new Map(dataset.entities.flatMap((e) => (e.event === null ? [] : [[e.id, e.event] as const])));
  return {
    sources: dataset.sources.map(sourceToFile),
    entities: dataset.entities.map(entityToFile),
    relations: dataset.relations.map((r) => relationToFile(r, (id) => events.get(id))),
    statements: dataset.statements.map(statementToFile),
  };
}

/**
 * Every problem of a dataset file (legacy files are upgraded first), each naming the record and
 * field; empty when there is none. The rules are listed in data/README.md.
 */
/**
 * Whether a problem `validateDataset` reports is only a reference to a record the dataset does not
 * hold: a file of one article's facts refers to the graph's entities, and is checked beside them.
 */
export function isUnknownReference(problem: string): boolean {
  return / refers in "[^"]+" to "[^"]*", which is not a known (entity|statement|source)\.$/.test(problem);
}

export function validateDataset(input: unknown): string[] {
  const problems: string[] = [];
  const raw = upgradeLegacyDataset(input);
  if (!isObj(raw)) return ['The dataset must be a JSON object with sources, entities, relations and statements.'];
  const sections = ['sources', 'entities', 'relations', 'statements'] as const;
  for (const key of Object.keys(raw)) {
    if (!(sections as readonly string[]).includes(key) && key !== '$comment') {
      problems.push(`Unknown top-level field "${key}"; expected ${sections.join(', ')}.`);
    }
  }
  const list = (key: (typeof sections)[number]): Obj[] => {
    const value = raw[key];
    if (!Array.isArray(value)) {
      problems.push(`"${key}" must be an array.`);
      return [];
    }
    return value.filter((item, i) => {
      if (isObj(item)) return true;
      problems.push(`${key}[${i}] must be an object.`);
      return false;
    });
  };
  const sources = list('sources');
  const entities = list('entities');
  const relations = list('relations');
  const statements = list('statements');

  const seen = new Map<string, string>();
  const entityKinds = new Map<string, EntityKind>();
  const sourceById = new Map<string, Obj>();
  const statementById = new Map<string, Obj>();

  const checkId = (record: Obj, where: string, prefix?: string): string | null => {
    const id = record.id;
    if (typeof id !== 'string' || !isWellFormedId(id)) {
      problems.push(`${where} has a missing or malformed id ${JSON.stringify(id)} (expected e.g. "person:apti-alaudinov").`);
      return null;
    }
    if (prefix !== undefined && idPrefix(id) !== prefix) {
      problems.push(`${where} "${id}": the id must start with "${prefix}:".`);
    }
    const earlier = seen.get(id);
    if (earlier) problems.push(`${where} "${id}" duplicates the id of ${earlier}.`);
    else seen.set(id, where);
    return id;
  };
  const str = (record: Obj, field: string, label: string, opts: { optional?: boolean } = {}) => {
    const value = record[field];
    if (value === undefined || value === null) {
      if (!opts.optional) problems.push(`${label} is missing "${field}".`);
      return;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${label} has a "${field}" that is not a non-empty string.`);
    }
  };
  const date = (record: Obj, field: string, label: string) => {
    const value = record[field];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !isIsoDate(value)) {
      problems.push(`${label} has "${field}" ${JSON.stringify(value)}, which is not a YYYY-MM-DD date.`);
    }
  };
  const oneOf = (record: Obj, field: string, allowed: readonly string[], label: string) => {
    const value = record[field];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push(`${label} has ${field} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}.`);
    }
  };
  const known = (record: Obj, field: string, label: string, ok: (id: string) => boolean, what: string, optional = false) => {
    const value = record[field];
    if (value === undefined || value === null) {
      if (!optional) problems.push(`${label} is missing "${field}".`);
      return;
    }
    if (typeof value !== 'string' || !ok(value)) {
      problems.push(`${label} refers in "${field}" to ${JSON.stringify(value)}, which is not a known ${what}.`);
    }
  };
  const knownList = (record: Obj, field: string, label: string, ok: (id: string) => boolean, what: string, nonEmpty: boolean) => {
    const value = record[field];
    if (!Array.isArray(value)) {
      problems.push(`${label} must have "${field}" as an array.`);
      return;
    }
    if (nonEmpty && value.length === 0) problems.push(`${label} has an empty "${field}".`);
    for (const item of value) {
      if (typeof item !== 'string' || !ok(item)) {
        problems.push(`${label} refers in "${field}" to ${JSON.stringify(item)}, which is not a known ${what}.`);
      }
    }
    if (new Set(value).size !== value.length) problems.push(`${label} lists the same id twice in "${field}".`);
  };
  const fields = (record: Obj, label: string, allowed: readonly string[]) => {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) problems.push(`${label} has an unknown field "${key}".`);
    }
  };
  /** Fields a client reads but a file must not set: they are computed from the attributions. */
  const derived = (record: Obj, label: string, names: readonly string[]) => {
    for (const name of names) {
      if (record[name] !== undefined) {
        problems.push(`${label} has "${name}", which is derived from its attributions (data/README.md, "Status"); remove it.`);
      }
    }
  };

  sources.forEach((s, i) => {
    const id = checkId(s, `sources[${i}]`, SOURCE_ID_PREFIX);
    const label = recordLabel('Source', 'sources', i, id);
    fields(s, label, ['id', 'title', 'publisher', 'published', 'url', 'kind']);
    if (s.kind !== undefined && s.kind !== null) oneOf(s, 'kind', SOURCE_KINDS, label);
    str(s, 'title', label);
    str(s, 'publisher', label, { optional: true });
    str(s, 'url', label, { optional: true });
    date(s, 'published', label);
    if (s.kind === 'GENERAL_KNOWLEDGE') {
      for (const field of ['published', 'url']) {
        if (s[field] !== undefined && s[field] !== null) {
          problems.push(`${label} is general knowledge, which has no "${field}": it is not a document.`);
        }
      }
    }
    if (id) sourceById.set(id, s);
  });
  const kindOfSource = (id: unknown): SourceKind | undefined => {
    const source = typeof id === 'string' ? sourceById.get(id) : undefined;
    return source === undefined ? undefined : ((source.kind as SourceKind | undefined) ?? 'DOCUMENT');
  };

  entities.forEach((e, i) => {
    const id = checkId(e, `entities[${i}]`);
    const label = recordLabel('Entity', 'entities', i, id);
    fields(e, label, ['id', 'kind', 'name', 'aliases', 'description', 'location', 'event']);
    oneOf(e, 'kind', ENTITY_KINDS, label);
    str(e, 'name', label);
    str(e, 'description', label, { optional: true });
    if (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
      problems.push(`${label} must have "aliases" as an array of non-empty strings.`);
    } else if (new Set(e.aliases).size !== e.aliases.length || e.aliases.includes(e.name)) {
      problems.push(`${label} repeats an alias or its name among its aliases.`);
    }
    if (id && typeof e.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(e.kind)) {
      if (kindOfEntityId(id) !== e.kind) {
        problems.push(`${label} is a ${e.kind} but its id prefix "${idPrefix(id)}" belongs to another kind.`);
      }
      entityKinds.set(id, e.kind as EntityKind);
    }
    const hasEvent = e.event !== undefined && e.event !== null;
    if (e.kind === 'EVENT' && !hasEvent) problems.push(`${label} is an EVENT but has no "event" (its type and attributions).`);
    if (e.kind !== 'EVENT' && hasEvent) problems.push(`${label} has "event", which only an EVENT has (it is a ${String(e.kind)}).`);
    if (e.location !== undefined && e.location !== null) {
      if (typeof e.kind === 'string' && !(PLACE_KINDS as readonly string[]).includes(e.kind)) {
        problems.push(`${label} has "location", which only places (${PLACE_KINDS.join(', ')}) have (it is a ${e.kind}).`);
      }
      checkLocation(e.location, `${label} location`, problems);
    }
  });

  statements.forEach((s) => {
    if (typeof s.id === 'string') statementById.set(s.id, s);
  });

  const isEntity = (id: string) => entityKinds.has(id);
  const isSource = (id: string) => sourceById.has(id);
  const isStatement = (id: string) => statementById.has(id);

  /**
   * A fact's attributions: at least one, each with a stance and a known source, consistent with
   * the statement it rests on; general knowledge is nobody's claim and said on no day.
   */
  const checkAttributions = (value: unknown, label: string) => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.push(`${label} must have "attributions": a non-empty array (who says so).`);
      return;
    }
    value.forEach((a, j) => {
      const where = `${label} attributions[${j}]`;
      if (!isObj(a)) {
        problems.push(`${where} must be an object.`);
        return;
      }
      fields(a, where, ['claimantId', 'viaId', 'statementId', 'stance', 'saidOn', 'sourceId', 'note', 'retraction']);
      checkRetraction(a.retraction, where, problems);
      oneOf(a, 'stance', STANCE_NAMES, where);
      known(a, 'claimantId', where, isEntity, 'entity', true);
      known(a, 'viaId', where, isEntity, 'entity', true);
      known(a, 'statementId', where, isStatement, 'statement', true);
      known(a, 'sourceId', where, isSource, 'source');
      date(a, 'saidOn', where);
      str(a, 'note', where, { optional: true });
      const given = (field: string) => a[field] !== undefined && a[field] !== null;
      if (given('viaId') && a.viaId === a.claimantId) problems.push(`${where} names "${String(a.viaId)}" as both claimant and via.`);
      if (kindOfSource(a.sourceId) === 'GENERAL_KNOWLEDGE') {
        for (const field of ['claimantId', 'viaId', 'statementId', 'saidOn']) {
          if (given(field)) {
            problems.push(`${where} cites general knowledge, which is the editors' own voice: it has no "${field}" (a party's words come from a document).`);
          }
        }
        if (a.stance !== 'ASSERTS' && typeof a.stance === 'string') {
          problems.push(`${where} cites general knowledge with stance ${a.stance}; general knowledge only ASSERTS.`);
        }
      }
      const published = typeof a.sourceId === 'string' ? sourceById.get(a.sourceId)?.published : undefined;
      if (typeof a.saidOn === 'string' && typeof published === 'string' && a.saidOn > published) {
        problems.push(`${where} has "saidOn" ${a.saidOn}, after its source was published (${published}).`);
      }
      const statement = typeof a.statementId === 'string' ? statementById.get(a.statementId) : undefined;
      if (statement !== undefined) {
        if (statement.sourceId !== a.sourceId) {
          problems.push(`${where} rests on "${String(a.statementId)}" from ${JSON.stringify(statement.sourceId)} but cites ${JSON.stringify(a.sourceId)}.`);
        }
        if (typeof statement.speakerId === 'string' && a.claimantId !== statement.speakerId) {
          problems.push(`${where} rests on "${String(a.statementId)}", whose speaker is "${statement.speakerId}", but names ${JSON.stringify(a.claimantId ?? null)} as claimant.`);
        }
        if (typeof statement.reportedViaId === 'string' && given('viaId') && a.viaId !== statement.reportedViaId) {
          problems.push(`${where} says it came via "${String(a.viaId)}", but "${String(a.statementId)}" was reported via "${statement.reportedViaId}".`);
        }
      }
    });
  };
  /** A time: a partial date, or a range of two in order. */
  const checkTime = (value: unknown, label: string) => {
    if (value === undefined || value === null) return;
    if (!isObj(value)) {
      problems.push(`${label} has "time" that is not an object with "start".`);
      return;
    }
    const where = `${label} time`;
    fields(value, where, ['start', 'end', 'text']);
    for (const key of ['start', 'end'] as const) {
      const v = value[key];
      if (v === undefined || v === null) {
        if (key === 'start') problems.push(`${where} is missing "start".`);
      } else if (typeof v !== 'string' || !isPartialDate(v)) {
        problems.push(`${where} has "${key}" ${JSON.stringify(v)}, which is not YYYY, YYYY-MM or YYYY-MM-DD (a real month and day).`);
      }
    }
    if (typeof value.start === 'string' && typeof value.end === 'string' && isPartialDate(value.start) && isPartialDate(value.end)) {
      if (latestDay(value.end) < earliestDay(value.start)) problems.push(`${where} ends (${value.end}) before it starts (${value.start}).`);
    }
    str(value, 'text', where, { optional: true });
  };
  /**
   * What general knowledge cannot carry, and what only it can: a fact resting on general
   * knowledge alone has no source words (wording, time text, quantity wordings) and no
   * statements; a fact whose notes call something public or general knowledge cites it.
   */
  const checkBackground = (attributions: unknown, label: string, words: { field: string; value: unknown }[], notes: unknown[]) => {
    if (!Array.isArray(attributions) || attributions.length === 0 || !attributions.every(isObj)) return;
    const kinds = (attributions as Obj[]).map((a) => kindOfSource(a.sourceId));
    if (kinds.every((k) => k === 'GENERAL_KNOWLEDGE')) {
      for (const { field, value } of words) {
        if (value !== undefined && value !== null) {
          problems.push(`${label} rests on general knowledge alone, so it has no "${field}" (a document's words); cite the document, or drop it.`);
        }
      }
    } else if (!kinds.includes('GENERAL_KNOWLEDGE')) {
      const said = [...notes, ...(attributions as Obj[]).map((a) => a.note)];
      if (said.some((n) => typeof n === 'string' && BACKGROUND_NOTE.test(n))) {
        problems.push(`${label} has a note that calls it public or general knowledge, but no attribution cites a GENERAL_KNOWLEDGE source.`);
      }
    }
  };

  entities.forEach((e, i) => {
    if (!isObj(e.event)) {
      if (e.event !== undefined && e.event !== null) {
        problems.push(`${recordLabel('Entity', 'entities', i, typeof e.id === 'string' ? e.id : null)} has "event" that is not an object.`);
      }
      return;
    }
    const label = recordLabel('Entity', 'entities', i, typeof e.id === 'string' ? e.id : null);
    const where = `${label} event`;
    const event = e.event;
    derived(event, where, ['status']);
    fields(event, where, ['type', 'time', 'quantities', 'attributions', 'status', 'retraction']);
    checkRetraction(event.retraction, where, problems);
    oneOf(event, 'type', EVENT_TYPE_NAMES, where);
    checkTime(event.time, where);
    checkAttributions(event.attributions, where);
    const quantities = event.quantities;
    if (quantities !== undefined && !Array.isArray(quantities)) problems.push(`${where} has "quantities" that is not an array.`);
    const quantityList = Array.isArray(quantities) ? quantities : [];
    quantityList.forEach((q, j) => checkQuantity(q, `${where} quantities[${j}]`, problems));
    checkBackground(
      event.attributions,
      where,
      [
        { field: 'time.text', value: isObj(event.time) ? event.time.text : undefined },
        ...quantityList.map((q, j) => ({ field: `quantities[${j}].wording`, value: isObj(q) ? q.wording : undefined })),
      ],
      [],
    );
  });

  statements.forEach((s, i) => {
    const id = checkId(s, `statements[${i}]`, STATEMENT_ID_PREFIX);
    const label = recordLabel('Statement', 'statements', i, id);
    fields(s, label, ['id', 'kind', 'text', 'date', 'speakerId', 'aboutIds', 'sourceId', 'status', 'reportedViaId']);
    oneOf(s, 'kind', STATEMENT_KINDS, label);
    oneOf(s, 'status', CLAIM_STATUSES, label);
    str(s, 'text', label);
    date(s, 'date', label);
    known(s, 'speakerId', label, isEntity, 'entity', true);
    known(s, 'reportedViaId', label, isEntity, 'entity', true);
    known(s, 'sourceId', label, isSource, 'source');
    knownList(s, 'aboutIds', label, isEntity, 'entity', true);
    if (kindOfSource(s.sourceId) === 'GENERAL_KNOWLEDGE') {
      problems.push(`${label} cites general knowledge; statements are what somebody said, so they cite a DOCUMENT.`);
    }
    const published = typeof s.sourceId === 'string' ? sourceById.get(s.sourceId)?.published : undefined;
    if (typeof s.date === 'string' && typeof published === 'string' && s.date > published) {
      problems.push(`${label} has "date" ${s.date}, after its source was published (${published}).`);
    }
  });

  const relationKeys = new Map<string, string>();
  relations.forEach((r, i) => {
    const id = checkId(r, `relations[${i}]`, RELATION_ID_PREFIX);
    const label = recordLabel('Relation', 'relations', i, id);
    if (r.attributions === undefined && r.status !== undefined) {
      problems.push(`${label} has status ${JSON.stringify(r.status)}, which is not a legacy status (${CLAIM_STATUSES.join(', ')}); a relation gives its attributions instead.`);
    } else {
      derived(r, label, ['status', 'claimedBy', 'date', 'sourceId']);
    }
    fields(r, label, ['id', 'type', 'from', 'to', 'time', 'attributions', 'statementIds', 'qualifiers', 'status', 'claimedBy', 'date', 'sourceId', 'retraction']);
    checkRetraction(r.retraction, label, problems);
    const type = r.type;
    if (typeof type !== 'string' || !isRelationType(type)) {
      problems.push(`${label} has type ${JSON.stringify(type)}; known types are ${RELATION_TYPE_NAMES.join(', ')}.`);
    }
    known(r, 'from', label, isEntity, 'entity');
    known(r, 'to', label, isEntity, 'entity');
    const ofEvent = typeof type === 'string' && EVENT_RELATION_TYPES.has(type);
    if (r.attributions !== undefined || !ofEvent) checkAttributions(r.attributions, label);
    checkTime(r.time, label);
    if (r.statementIds !== undefined) knownList(r, 'statementIds', label, isStatement, 'statement', false);
    checkQualifiers(r.qualifiers, label, problems);
    const role = isObj(r.qualifiers) ? r.qualifiers.participantRole : undefined;
    if (type === 'PARTICIPATED_IN' && role === undefined) {
      problems.push(`${label} is PARTICIPATED_IN but has no qualifiers.participantRole; one of ${PARTICIPANT_ROLE_NAMES.join(', ')}.`);
    } else if (type !== 'PARTICIPATED_IN' && role !== undefined) {
      problems.push(`${label} has qualifiers.participantRole, which only a PARTICIPATED_IN relation has.`);
    }
    if (r.attributions !== undefined) {
      const q = isObj(r.qualifiers) ? r.qualifiers : {};
      checkBackground(
        r.attributions,
        label,
        [
          { field: 'qualifiers.wording', value: q.wording },
          { field: 'time.text', value: isObj(r.time) ? r.time.text : undefined },
          { field: 'statementIds', value: Array.isArray(r.statementIds) && r.statementIds.length > 0 ? r.statementIds : undefined },
        ],
        [q.note],
      );
    }
    if (typeof type === 'string' && isRelationType(type) && typeof r.from === 'string' && typeof r.to === 'string') {
      const spec = RELATION_TYPES[type];
      const fromKind = entityKinds.get(r.from);
      const toKind = entityKinds.get(r.to);
      if (r.from === r.to) problems.push(`${label} joins "${r.from}" to itself.`);
      if (fromKind && !(spec.from as readonly string[]).includes(fromKind)) {
        problems.push(`${label}: a ${type} relation cannot start at a ${fromKind} ("${r.from}"); it starts at ${spec.from.join(' or ')}.`);
      }
      if (toKind && !(spec.to as readonly string[]).includes(toKind)) {
        problems.push(`${label}: a ${type} relation cannot end at a ${toKind} ("${r.to}"); it ends at ${spec.to.join(' or ')}.`);
      }
      // The same fact twice (for symmetric types, in either direction) from the same claimant.
      const ends = spec.symmetric ? [r.from, r.to].sort() : [r.from, r.to];
      const key = [type, ...ends, JSON.stringify(r.attributions ?? null), JSON.stringify(r.time ?? null)].join(' ');
      const earlier = relationKeys.get(key);
      if (earlier) problems.push(`${label} states the same ${type} relation as "${earlier}".`);
      else relationKeys.set(key, String(id));
    }
  });

  return problems;
}

/** A note that calls a fact background knowledge: "public knowledge", "not stated in the article". */
const BACKGROUND_NOTE = /\b(public|general) knowledge\b|\bnot (stated )?in the (article|source)\b/i;

/** The longest reason a retraction may give. */
export const MAX_RETRACTION_REASON_LENGTH = 2_000;
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A retraction: who (non-empty), when (ISO 8601 UTC), why (non-empty, at most MAX_RETRACTION_REASON_LENGTH). */
function checkRetraction(value: unknown, where: string, problems: string[]): void {
  if (value === undefined || value === null) return;
  if (!isObj(value)) {
    problems.push(`${where} has "retraction" that is not an object with by, at and reason.`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!['by', 'at', 'reason'].includes(key)) problems.push(`${where} retraction has an unknown field "${key}".`);
  }
  if (typeof value.by !== 'string' || value.by.trim() === '') problems.push(`${where} retraction has a "by" that is not a non-empty string.`);
  if (typeof value.at !== 'string' || !UTC_TIMESTAMP.test(value.at) || Number.isNaN(Date.parse(value.at))) {
    problems.push(`${where} retraction has "at" ${JSON.stringify(value.at)}, which is not an ISO 8601 UTC time (e.g. 2025-01-06T12:00:00.000Z).`);
  }
  if (typeof value.reason !== 'string' || value.reason.trim() === '') {
    problems.push(`${where} retraction has a "reason" that is not a non-empty string.`);
  } else if (value.reason.length > MAX_RETRACTION_REASON_LENGTH) {
    problems.push(`${where} retraction has a "reason" of ${value.reason.length} characters; at most ${MAX_RETRACTION_REASON_LENGTH}.`);
  }
}

/** WGS84 degrees and a precision. */
function checkLocation(value: unknown, where: string, problems: string[]): void {
  if (!isObj(value)) {
    problems.push(`${where} is not an object with latitude, longitude and precision.`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!['latitude', 'longitude', 'precision'].includes(key)) problems.push(`${where} has an unknown field "${key}".`);
  }
  const degrees = (field: 'latitude' | 'longitude', limit: number) => {
    const v = value[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < -limit || v > limit) {
      problems.push(`${where} has ${field} ${JSON.stringify(v)}; expected WGS84 degrees from ${-limit} to ${limit}.`);
    }
  };
  degrees('latitude', 90);
  degrees('longitude', 180);
  if (!(LOCATION_PRECISIONS as readonly unknown[]).includes(value.precision)) {
    problems.push(`${where} has precision ${JSON.stringify(value.precision)}; expected one of ${LOCATION_PRECISIONS.join(', ')}.`);
  }
}

/** A count or a span with its bounds: min ≤ value ≤ max, an approximation only of a value, a unit where the measure needs one. */
function checkQuantity(value: unknown, where: string, problems: string[]): void {
  if (!isObj(value)) {
    problems.push(`${where} must be an object.`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!['measure', 'value', 'min', 'max', 'approximation', 'unit', 'wording'].includes(key)) {
      problems.push(`${where} has an unknown field "${key}".`);
    }
  }
  const measure = value.measure;
  if (typeof measure !== 'string' || !(QUANTITY_MEASURE_NAMES as readonly string[]).includes(measure)) {
    problems.push(`${where} has measure ${JSON.stringify(measure)}; expected one of ${QUANTITY_MEASURE_NAMES.join(', ')}.`);
  }
  const numbers: Partial<Record<'value' | 'min' | 'max', number>> = {};
  for (const field of ['value', 'min', 'max'] as const) {
    const v = value[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      problems.push(`${where} has ${field} ${JSON.stringify(v)}, which is not a number of at least 0.`);
    } else numbers[field] = v;
  }
  const { value: n, min, max } = numbers;
  if (min !== undefined && max !== undefined && min > max) problems.push(`${where} has min ${min} above max ${max}.`);
  if (n !== undefined && min !== undefined && n < min) problems.push(`${where} has value ${n} below its min ${min}.`);
  if (n !== undefined && max !== undefined && n > max) problems.push(`${where} has value ${n} above its max ${max}.`);
  const approximation = value.approximation;
  if (approximation !== undefined && approximation !== null) {
    if (!(APPROXIMATIONS as readonly unknown[]).includes(approximation)) {
      problems.push(`${where} has approximation ${JSON.stringify(approximation)}; expected one of ${APPROXIMATIONS.join(', ')}.`);
    } else if (value.value === undefined || value.value === null) {
      problems.push(`${where} has approximation ${String(approximation)} but no value for it to qualify.`);
    }
  }
  const unit = value.unit;
  const units = typeof measure === 'string' ? UNITS_OF_MEASURE[measure as QuantityMeasure] : undefined;
  if (units !== undefined) {
    if (units.length === 0 && unit !== undefined && unit !== null) {
      problems.push(`${where} has unit ${JSON.stringify(unit)}, but ${String(measure)} counts people and takes no unit.`);
    } else if (units.length > 0 && (typeof unit !== 'string' || !units.includes(unit))) {
      problems.push(`${where} has unit ${JSON.stringify(unit ?? null)}; ${String(measure)} needs one of ${units.join(', ')}.`);
    }
  }
  if (value.wording !== undefined && value.wording !== null && (typeof value.wording !== 'string' || value.wording.trim() === '')) {
    problems.push(`${where} has a "wording" that is not a non-empty string.`);
  }
  if ([value.value, value.min, value.max, value.wording].every((v) => v === undefined || v === null)) {
    problems.push(`${where} says nothing: give a value, min, max or wording.`);
  }
}

function checkQualifiers(value: unknown, label: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObj(value)) {
    problems.push(`${label} has "qualifiers" that is not an object.`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!(QUALIFIER_KEYS as readonly string[]).includes(key)) {
      problems.push(`${label} has an unknown qualifier "${key}"; known qualifiers are ${QUALIFIER_KEYS.join(', ')}.`);
      continue;
    }
    const numeric = key === 'distanceKm' || key === 'distanceMiles' || key === 'troopCount' || key === 'casualtyCount';
    if (numeric && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      problems.push(`${label} has qualifier "${key}" ${JSON.stringify(v)}, which is not a non-negative number.`);
    } else if (key === 'participantRole' && !(PARTICIPANT_ROLE_NAMES as readonly unknown[]).includes(v)) {
      problems.push(`${label} has participantRole ${JSON.stringify(v)}; expected one of ${PARTICIPANT_ROLE_NAMES.join(', ')}.`);
    } else if (key === 'approximation' && !(APPROXIMATIONS as readonly unknown[]).includes(v)) {
      problems.push(`${label} has approximation ${JSON.stringify(v)}; expected one of ${APPROXIMATIONS.join(', ')}.`);
    } else if (!numeric && key !== 'approximation' && key !== 'participantRole' && (typeof v !== 'string' || v.trim() === '')) {
      problems.push(`${label} has qualifier "${key}" that is not a non-empty string.`);
    }
  }
}
