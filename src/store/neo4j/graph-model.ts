/**
 * How the domain is laid out in Neo4j, derived from the domain vocabulary and nothing else: the
 * label of each entity kind, the relation types a walk may follow, and the checks on the few values
 * that must be spliced into Cypher text rather than passed as parameters.
 *
 * - (:Entity:<KindLabel> {id, kind, name, aliases, description?, searchText, searchWords})
 *   - places also {location: point({latitude, longitude}) (WGS-84; point index entity_location, for
 *     near's `point.distance`), locationPrecision};
 *   - events (:Entity:Event) also {eventType, quantitiesJson, <time>, <attributions>}.
 * - (:Entity)-[:<RELATION_TYPE> {id, status, claimedBy?, date?, sourceId, statementIds,
 *   q_<qualifier>?, <time>, <attributions>}]->(:Entity)
 * - (:Statement {id, kind, text, date?, status, speakerId?, reportedViaId?, sourceId, aboutIds, searchText,
 *   searchWords}) (searchText: the folded text, for phrases)
 *   with (:Entity)-[:SAID]->(:Statement)-[:ABOUT]->(:Entity) and (:Statement)-[:FROM_SOURCE]->(:Source)
 * - (:Source {id, title, publisher?, published?, url?, kind})
 * - (:LoadLock {name: 'graph', lastLoadAt}): one bookkeeping node, outside the domain (no walk or
 *   count sees it); every load writes it first, so loads into one database run one after another.
 * - (:SearchKeys {name: 'graph', version}): one more, the version of the folded search keys the
 *   database holds (search-keys.ts brings an earlier version's up to date at start-up).
 *
 * A fact (an event node or a relationship) keeps what it is read back from and, beside it, what
 * Cypher filters and sorts on, derived by the loader (mapping.ts), so that every filter of the port
 * runs in the database:
 * - <time>: timeStart, timeEnd?, timeText? (the TimeSpan, flat: strings need no JSON), and
 *   timeEarliest / timeLatest, the ISO days it may cover (facts.ts timeBounds): ISO days compare
 *   correctly as strings, so a window is two string comparisons, and an undated fact has none;
 * - <attributions>: attributionsJson, the attributions as a JSON string (a property cannot hold a
 *   list of maps, and the record must come back exactly), and derived from them: status (the
 *   derived status), claimantIds (every claimant, any stance: the claimant filter is `any(...)` over
 *   it), attributionSaidOn and attributionClaimantIds (one per attribution, '' for none: a list
 *   property holds no nulls; the timeline's CLAIM entries), supportStatementIds (the statements the
 *   fact rests on: its attributions' and a relation's statementIds; Statement.supports).
 * - <retraction>: retractedBy, retractedAt, retractionReason, when the fact itself was retracted (an
 *   attribution's retraction stays in attributionsJson).
 * Quantities are read only with their event, so they stay JSON (quantitiesJson).
 * Optional fields are absent properties when null: Neo4j stores no nulls.
 * A list property may be absent where it would be empty, or hold nothing but one '': the offline
 * import (import-files.ts) cannot write those, so every query reads an absent list as the empty one
 * (`coalesce(list, [])` where its size counts; a membership test of an absent list is not true).
 * A relation id is unique across all relation types; each type has a range index on `id`.
 */
import {
  LIMITS,
  RELATION_TYPE_NAMES,
  isRelationType,
  isSymmetric,
  type EntityKind,
  type RelationType,
  type StatementRecord,
} from '../../domain/index.js';

/** The second label of an entity node; typed by EntityKind, so a new kind fails to compile here. */
export const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  PERSON: 'Person',
  UNIT: 'Unit',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  REGION: 'Region',
  SETTLEMENT: 'Settlement',
  EVENT: 'Event',
};
export const ALL_KIND_LABELS: readonly string[] = Object.values(KIND_LABELS);

/**
 * The links of statements, as rows: (:Entity)-[:SAID]->(:Statement) for a speaker,
 * (:Statement)-[:ABOUT]->(:Entity) once per entity it is about, (:Statement)-[:FROM_SOURCE]->(:Source).
 */
export function statementLinks(statements: Iterable<StatementRecord>): StatementLinks {
  const links: StatementLinks = { said: [], about: [], fromSource: [] };
  for (const s of statements) {
    if (s.speakerId !== null) links.said.push({ statementId: s.id, entityId: s.speakerId });
    for (const entityId of new Set(s.aboutIds)) links.about.push({ statementId: s.id, entityId });
    links.fromSource.push({ statementId: s.id, sourceId: s.sourceId });
  }
  return links;
}

export interface StatementLinks {
  readonly said: { statementId: string; entityId: string }[];
  readonly about: { statementId: string; entityId: string }[];
  readonly fromSource: { statementId: string; sourceId: string }[];
}

/** Relation types read the same from either end. */
export const SYMMETRIC_TYPES: readonly RelationType[] = RELATION_TYPE_NAMES.filter(isSymmetric);

/**
 * The relation types a query may walk: the filter's, or every domain type for null (an empty list
 * walks nothing, as in the memory store; checkRelationTypes never passes one). Always a list of
 * domain types, so SAID / ABOUT / FROM_SOURCE are never walked or counted as relations.
 */
export function walkableTypes(types: readonly RelationType[] | null): RelationType[] {
  if (types === null) return [...RELATION_TYPE_NAMES];
  for (const t of types) {
    if (!isRelationType(t)) throw new Error(`Not a relation type of the domain: ${JSON.stringify(t)}`);
  }
  return [...new Set(types)].sort();
}

/**
 * A relationship type that is spliced into Cypher text, where the planner can use the type's
 * index on `id` (a dynamic `$(...)` type cannot be planned that way). Only a name of the
 * vocabulary passes, so nothing else ever reaches the query text.
 */
export function checkedRelationType(type: string): RelationType {
  if (!isRelationType(type) || !/^[A-Z_]+$/.test(type)) {
    throw new Error(`Not a relation type of the domain: ${JSON.stringify(type)}`);
  }
  return type;
}

/** One Cypher text per relation type of the vocabulary, each built with its checked type. */
export function cypherPerRelationType(build: (type: RelationType) => string): Readonly<Record<RelationType, string>> {
  return Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, build(checkedRelationType(t))])) as Record<RelationType, string>;
}

/**
 * A hop count that is spliced into Cypher text: path quantifiers (`{1,N}`) cannot take parameters.
 * Only an integer in [min, max] passes, so nothing but digits ever reaches the query text.
 */
export function checkedHopBound(value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`Hop bound must be an integer from ${min} to ${max}; got ${String(value)}.`);
  }
  return value;
}

export const MAX_PATH_HOPS = LIMITS.maxPathHops;
export const MAX_NEIGHBORHOOD_DEPTH = LIMITS.maxNeighborhoodDepth;
