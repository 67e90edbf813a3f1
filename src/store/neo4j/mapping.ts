/**
 * The edge between the driver's values and the domain's records. Everything the store reads goes
 * through here: Integers become numbers (or an error when they would lose precision), nodes and
 * relationships become records, absent properties become null (or are left out, for qualifiers),
 * and anything of the wrong shape is an error naming the element, not a half-filled record.
 * The other way, records become property maps for the loader.
 */
import { Integer, isInt, isNode, isPoint, isRelationship, Point, type Node, type Relationship } from 'neo4j-driver';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  EVENT_TYPE_NAMES,
  LOCATION_PRECISIONS,
  QUALIFIER_KEYS,
  QUANTITY_MEASURE_NAMES,
  SOURCE_KINDS,
  STANCE_NAMES,
  STATEMENT_KINDS,
  claimantsOf,
  isRelationType,
  searchText,
  entitySearchWords,
  statementSearchText,
  statementSearchWords,
  timeBounds,
  type Attribution,
  type Direction,
  type EntityKind,
  type EntityName,
  type EntityRecord,
  type EventDetails,
  type GeoLocation,
  type Qualifiers,
  type Quantity,
  type RelationRecord,
  type Retraction,
  type SourceRecord,
  type StatementRecord,
  type TimeSpan,
} from '../../domain/index.js';
import type { RelationView } from '../graph-store.js';

/** A driver Integer as a number; numbers pass; anything else, or an unsafe Integer, is an error. */
export function toNumber(value: unknown, what = 'value'): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new Error(`Neo4j returned ${what} ${value}, outside the safe integer range.`);
    }
    return Number(value);
  }
  if (isInt(value)) {
    const int = value as Integer;
    if (!int.inSafeRange()) throw new Error(`Neo4j returned ${what} ${int.toString()}, outside the safe integer range.`);
    return int.toNumber();
  }
  throw new Error(`Neo4j returned ${what} ${describe(value)} where a number was expected.`);
}

/** Integers anywhere in plain values (lists, maps) become numbers; graph elements are kept as they are. */
export function toPlain(value: unknown): unknown {
  if (isInt(value) || typeof value === 'bigint') return toNumber(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value === null || typeof value !== 'object' || isNode(value) || isRelationship(value)) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // temporal, spatial, paths…
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
}

/** A row as the store reads it: field name → plain value (Integers already numbers). */
export type Row = Readonly<Record<string, unknown>>;

export function rowFromRecord(record: Neo4jRecord): Row {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reading properties

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function where(element: Node | Relationship): string {
  const id = element.properties['id'];
  return isNode(element)
    ? `node ${typeof id === 'string' ? JSON.stringify(id) : element.elementId} (${element.labels.join(':')})`
    : `relationship ${typeof id === 'string' ? JSON.stringify(id) : element.elementId} (:${element.type})`;
}

function malformed(element: Node | Relationship, key: string, expected: string): Error {
  return new Error(
    `Neo4j ${where(element)} has ${key} = ${describe(element.properties[key])}; expected ${expected}.`,
  );
}

function str(element: Node | Relationship, key: string): string {
  const v = element.properties[key];
  if (typeof v !== 'string') throw malformed(element, key, 'a string');
  return v;
}

function optStr(element: Node | Relationship, key: string): string | null {
  const v = element.properties[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw malformed(element, key, 'a string or nothing');
  return v;
}

function strList(element: Node | Relationship, key: string): string[] {
  const v = element.properties[key];
  if (v === undefined || v === null) return []; // Neo4j may hand back an empty list as absent
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw malformed(element, key, 'a list of strings');
  }
  return [...(v as string[])];
}

function oneOf<T extends string>(element: Node | Relationship, key: string, allowed: readonly T[]): T {
  const v = element.properties[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw malformed(element, key, `one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function requireNode(value: unknown, what: string): Node {
  if (!isNode(value)) throw new Error(`Neo4j returned ${describe(value)} where ${what} node was expected.`);
  return value as Node;
}

function requireRelationship(value: unknown): Relationship {
  if (!isRelationship(value)) {
    throw new Error(`Neo4j returned ${describe(value)} where a relationship was expected.`);
  }
  return value as Relationship;
}

// ---------------------------------------------------------------------------------------------
// Nodes and relationships → records

export function entityFromNode(value: unknown): EntityRecord {
  const node = requireNode(value, 'an entity');
  return {
    id: str(node, 'id'),
    kind: oneOf(node, 'kind', ENTITY_KINDS),
    name: str(node, 'name'),
    aliases: strList(node, 'aliases'),
    description: optStr(node, 'description'),
    location: locationFrom(node),
    event: node.properties['eventType'] === undefined ? null : eventFrom(node),
  };
}

/** An entity's names from a row of `id`, `kind`, `name`, `aliases` (ENTITY_NAMES). */
export function entityNameFromRow(row: Row): EntityName {
  const { id, kind, name, aliases } = row;
  const where = `Neo4j entity ${JSON.stringify(id)}`;
  if (typeof id !== 'string') throw new Error(`Neo4j returned an entity with id = ${describe(id)}; expected a string.`);
  if (typeof kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`${where} has kind = ${describe(kind)}; expected one of ${ENTITY_KINDS.join(', ')}.`);
  }
  if (typeof name !== 'string') throw new Error(`${where} has name = ${describe(name)}; expected a string.`);
  // Neo4j may hand back an empty list as absent.
  if (aliases != null && !(Array.isArray(aliases) && aliases.every((x) => typeof x === 'string'))) {
    throw new Error(`${where} has aliases = ${describe(aliases)}; expected a list of strings.`);
  }
  return { id, kind: kind as EntityKind, name, aliases: (aliases as string[] | null | undefined) ?? [] };
}

/** WGS-84 in Neo4j's terms: `point({latitude, longitude})` is SRID 4326, x the longitude, y the latitude. */
export const WGS84_SRID = 4326;

function locationFrom(node: Node): GeoLocation | null {
  const v = node.properties['location'];
  if (v === undefined || v === null) return null;
  if (!isPoint(v) || toNumber(v.srid, `${where(node)} location SRID`) !== WGS84_SRID) {
    throw malformed(node, 'location', 'a WGS-84 point');
  }
  return { latitude: v.y, longitude: v.x, precision: oneOf(node, 'locationPrecision', LOCATION_PRECISIONS) };
}

function eventFrom(node: Node): EventDetails {
  return {
    type: oneOf(node, 'eventType', EVENT_TYPE_NAMES),
    time: timeFrom(node),
    quantities: jsonList(node, 'quantitiesJson', quantityFrom),
    attributions: jsonList(node, 'attributionsJson', attributionFrom),
    status: oneOf(node, 'status', CLAIM_STATUSES),
    ...retractionFrom(node),
  };
}

/** A fact's own retraction, kept flat (retractedBy, retractedAt, retractionReason); absent when none. */
function retractionFrom(element: Node | Relationship): { retraction?: Retraction } {
  if (element.properties['retractedBy'] === undefined) return {};
  return { retraction: { by: str(element, 'retractedBy'), at: str(element, 'retractedAt'), reason: str(element, 'retractionReason') } };
}

function retractionProperties(retraction: Retraction | undefined): Record<string, unknown> {
  return retraction ? { retractedBy: retraction.by, retractedAt: retraction.at, retractionReason: retraction.reason } : {};
}

function timeFrom(element: Node | Relationship): TimeSpan | null {
  if (element.properties['timeStart'] === undefined) return null;
  return { start: str(element, 'timeStart'), end: optStr(element, 'timeEnd'), text: optStr(element, 'timeText') };
}

/**
 * A list of objects kept as a JSON string (attributions, quantities): Neo4j properties cannot hold
 * maps, and what Cypher filters on is kept beside it as flat properties. Each item is checked
 * field by field, so a hand-edited property fails here naming the element, not later.
 */
function jsonList<T>(element: Node | Relationship, key: string, item: (value: Record<string, unknown>, what: string) => T): T[] {
  const text = element.properties[key];
  if (text === undefined || text === null) return [];
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
    throw malformed(element, key, 'a JSON list of objects');
  }
  return parsed.map((x, i) => item(x as Record<string, unknown>, `Neo4j ${where(element)} ${key}[${i}]`));
}

function field<T>(value: Record<string, unknown>, what: string, key: string, ok: (v: unknown) => boolean, expected: string): T {
  const v = value[key] ?? null;
  if (!ok(v)) throw new Error(`${what} has ${key} = ${describe(v)}; expected ${expected}.`);
  return v as T;
}
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';
const isIn = (allowed: readonly string[], orNull = false) => (v: unknown) =>
  (orNull && v === null) || (typeof v === 'string' && allowed.includes(v));

function attributionFrom(value: Record<string, unknown>, what: string): Attribution {
  const s = (key: string) => field<string | null>(value, what, key, isStringOrNull, 'a string or null');
  return {
    claimantId: s('claimantId'),
    viaId: s('viaId'),
    statementId: s('statementId'),
    stance: field(value, what, 'stance', isIn(STANCE_NAMES), `one of ${STANCE_NAMES.join(', ')}`),
    saidOn: s('saidOn'),
    sourceId: field(value, what, 'sourceId', (v) => typeof v === 'string', 'a string'),
    note: s('note'),
    ...(value['retraction'] === undefined ? {} : { retraction: attributionRetractionFrom(value['retraction'], `${what} retraction`) }),
  };
}

function attributionRetractionFrom(value: unknown, what: string): Retraction {
  if (typeof value !== 'object' || value === null) throw new Error(`${what} is ${describe(value)}; expected an object.`);
  const s = (key: string) => field<string>(value as Record<string, unknown>, what, key, (v) => typeof v === 'string', 'a string');
  return { by: s('by'), at: s('at'), reason: s('reason') };
}

function quantityFrom(value: Record<string, unknown>, what: string): Quantity {
  const n = (key: string) => field<number | null>(value, what, key, isNumberOrNull, 'a number or null');
  const s = (key: string) => field<string | null>(value, what, key, isStringOrNull, 'a string or null');
  return {
    measure: field(value, what, 'measure', isIn(QUANTITY_MEASURE_NAMES), `one of ${QUANTITY_MEASURE_NAMES.join(', ')}`),
    value: n('value'),
    min: n('min'),
    max: n('max'),
    approximation: field(value, what, 'approximation', isIn(APPROXIMATIONS, true), `one of ${APPROXIMATIONS.join(', ')} or null`),
    unit: s('unit'),
    wording: s('wording'),
  };
}

export function statementFromNode(value: unknown): StatementRecord {
  const node = requireNode(value, 'a statement');
  return {
    id: str(node, 'id'),
    kind: oneOf(node, 'kind', STATEMENT_KINDS),
    text: str(node, 'text'),
    date: optStr(node, 'date'),
    speakerId: optStr(node, 'speakerId'),
    aboutIds: strList(node, 'aboutIds'),
    sourceId: str(node, 'sourceId'),
    status: oneOf(node, 'status', CLAIM_STATUSES),
    reportedViaId: optStr(node, 'reportedViaId'),
  };
}

export function sourceFromNode(value: unknown): SourceRecord {
  const node = requireNode(value, 'a source');
  return {
    id: str(node, 'id'),
    title: str(node, 'title'),
    publisher: optStr(node, 'publisher'),
    published: optStr(node, 'published'),
    url: optStr(node, 'url'),
    kind: oneOf(node, 'kind', SOURCE_KINDS),
  };
}

/**
 * Qualifiers are stored as flat properties `q_<key>` on the relationship (not a JSON string):
 * numbers stay numbers, strings stay strings, Cypher can filter or index on them, and a qualifier
 * the record lacks is simply an absent property, so reading back leaves it out of the object.
 */
export const QUALIFIER_PREFIX = 'q_';
const NUMERIC_QUALIFIERS: ReadonlySet<string> = new Set(['distanceKm', 'distanceMiles', 'troopCount', 'casualtyCount']);

function qualifiersFrom(rel: Relationship): Qualifiers {
  const out: Record<string, string | number> = {};
  for (const key of QUALIFIER_KEYS) {
    const prop = QUALIFIER_PREFIX + key;
    const v = rel.properties[prop];
    if (v === undefined || v === null) continue;
    if (NUMERIC_QUALIFIERS.has(key)) out[key] = toNumber(v, `${where(rel)} ${prop}`);
    else if (key === 'approximation') out[key] = oneOf(rel, prop, APPROXIMATIONS);
    else if (typeof v === 'string') out[key] = v;
    else throw malformed(rel, prop, 'a string');
  }
  return out as Qualifiers;
}

/** A relationship and the domain ids of its start and end nodes (the relationship knows only element ids). */
export function relationFromRelationship(value: unknown, fromId: unknown, toId: unknown): RelationRecord {
  const rel = requireRelationship(value);
  if (!isRelationType(rel.type)) throw new Error(`Neo4j ${where(rel)} is not of a domain relation type.`);
  if (typeof fromId !== 'string' || typeof toId !== 'string') {
    throw new Error(`Neo4j ${where(rel)} came without the ids of its ends.`);
  }
  return {
    id: str(rel, 'id'),
    type: rel.type,
    from: fromId,
    to: toId,
    time: timeFrom(rel),
    attributions: jsonList(rel, 'attributionsJson', attributionFrom),
    status: oneOf(rel, 'status', CLAIM_STATUSES),
    claimedBy: optStr(rel, 'claimedBy'),
    date: optStr(rel, 'date'),
    sourceId: str(rel, 'sourceId'),
    statementIds: strList(rel, 'statementIds'),
    qualifiers: qualifiersFrom(rel),
    ...retractionFrom(rel),
  };
}

/** A row with `r`, `fromId`, `toId` (the shape every relation query returns). */
export function relationFromRow(row: Row): RelationRecord {
  return relationFromRelationship(row['r'], row['fromId'], row['toId']);
}

const DIRECTIONS: readonly Direction[] = ['OUT', 'IN', 'BOTH'];

/** A row of relationsOfCypher: `r`, `fromId`, `toId`, `direction`, `otherId`, and the other end's node `other`. */
export function relationViewFromRow(row: Row): RelationView {
  const relation = relationFromRow(row);
  const direction = row['direction'];
  const otherId = row['otherId'];
  if (typeof direction !== 'string' || !(DIRECTIONS as readonly string[]).includes(direction)) {
    throw new Error(`Neo4j returned direction ${describe(direction)} for relation "${relation.id}".`);
  }
  if (typeof otherId !== 'string') throw new Error(`Neo4j returned no other end for relation "${relation.id}".`);
  return { relation, direction: direction as Direction, otherId, other: entityFromNode(row['other']) };
}

// ---------------------------------------------------------------------------------------------
// Records → property maps (for the loader). Null fields are left out: Neo4j stores no nulls, and
// `SET x = props` then removes a property the record no longer has.

function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  // A loop, not entries/filter/fromEntries: this runs for every record of a load (a third of the
  // import files' time at 100k relations went there).
  const kept: Record<string, unknown> = {};
  for (const key in props) {
    const value = props[key];
    if (value !== null && value !== undefined) kept[key] = value;
  }
  return kept;
}

/** What search reads of an entity or a statement, folded (search-keys.ts brings older databases' up to date). */
export interface SearchKeys {
  readonly searchText: string;
  readonly searchWords: string;
}

export function entitySearchKeys(e: Pick<EntityRecord, 'name' | 'aliases' | 'description'>): SearchKeys {
  return { searchText: searchText(e), searchWords: entitySearchWords(e) };
}

export function statementSearchKeys(s: Pick<StatementRecord, 'text'>): SearchKeys {
  return { searchText: statementSearchText(s), searchWords: statementSearchWords(s) };
}

export function entityProperties(e: EntityRecord): Record<string, unknown> {
  return withoutNulls({
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: [...e.aliases],
    description: e.description,
    ...entitySearchKeys(e),
    location: e.location && new Point(WGS84_SRID, e.location.longitude, e.location.latitude),
    locationPrecision: e.location?.precision ?? null,
    ...(e.event && {
      eventType: e.event.type,
      status: e.event.status,
      quantitiesJson: JSON.stringify(e.event.quantities),
      ...timeProperties(e.event.time),
      ...attributionProperties(e.event.attributions, []),
      ...retractionProperties(e.event.retraction),
    }),
  });
}

export function relationProperties(r: RelationRecord): Record<string, unknown> {
  const props: Record<string, unknown> = {
    id: r.id,
    status: r.status,
    claimedBy: r.claimedBy,
    date: r.date,
    sourceId: r.sourceId,
    statementIds: [...r.statementIds],
    ...timeProperties(r.time),
    ...attributionProperties(r.attributions, r.statementIds),
    ...retractionProperties(r.retraction),
  };
  for (const key of QUALIFIER_KEYS) props[QUALIFIER_PREFIX + key] = r.qualifiers[key];
  return withoutNulls(props);
}

/** A fact's time, flat, with the day bounds that windows compare (ISO days compare as strings). */
function timeProperties(time: TimeSpan | null): Record<string, unknown> {
  if (time === null) return {};
  const { earliest, latest } = timeBounds(time);
  return { timeStart: time.start, timeEnd: time.end, timeText: time.text, timeEarliest: earliest, timeLatest: latest };
}

/**
 * A fact's attributions: the record as JSON (read back as it was), and what Cypher filters on.
 * Lists of a property cannot hold nulls, so the per-attribution lists (same order and length as
 * the attributions) say '' for none: `attributionSaidOn` (the timeline's CLAIM entries) and
 * `attributionClaimantIds` (the claims an entity made).
 */
function attributionProperties(attributions: readonly Attribution[], statementIds: readonly string[]): Record<string, unknown> {
  return {
    attributionsJson: JSON.stringify(attributions),
    claimantIds: claimantsOf(attributions),
    attributionSaidOn: attributions.map((a) => a.saidOn ?? ''),
    attributionClaimantIds: attributions.map((a) => a.claimantId ?? ''),
    supportStatementIds: [
      ...new Set([...attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId])), ...statementIds]),
    ],
  };
}

export function statementProperties(s: StatementRecord): Record<string, unknown> {
  return withoutNulls({
    id: s.id,
    kind: s.kind,
    text: s.text,
    date: s.date,
    status: s.status,
    speakerId: s.speakerId,
    reportedViaId: s.reportedViaId,
    sourceId: s.sourceId,
    aboutIds: [...s.aboutIds],
    ...statementSearchKeys(s),
  });
}

export function sourceProperties(s: SourceRecord): Record<string, unknown> {
  return withoutNulls({ id: s.id, title: s.title, publisher: s.publisher, published: s.published, url: s.url, kind: s.kind });
}
