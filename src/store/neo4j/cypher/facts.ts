/** Questions about facts in time and space: timeline, factsSupportedBy, near. */
import { EVENT_LINK_TYPES } from '../../../domain/index.js';
import { ANY_RELATION, TIMELINE_ENTRY_KINDS, type TimelineEntryKind } from '../../graph-store.js';
import type { PageCypher } from './pages.js';
import { EVENT_CLAIMANTS_INDEX, EVENT_SUPPORT_INDEX, RELATION_CLAIMANTS_INDEX, RELATION_SUPPORT_INDEX, RELATION_TIMELINE_INDEX } from './schema.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

const everyRelation = relationFilterCypher(ANY_RELATION, 'r');
/** The event's links are not timeline entries: the event stands for them (EVENT_LINK_TYPES, from the vocabulary). */
const NOT_AN_EVENT_LINK = `NOT type(r) IN [${EVENT_LINK_TYPES.map((t) => `'${t}'`).join(', ')}]`;

/**
 * An event is about $entityId when it is the entity, the entity takes part in it, or it took place
 * in the entity (that place itself, not places inside it); relations count whatever their status.
 */
const EVENT_ABOUT_ENTITY = (e: string) =>
  `(${e}.id = $entityId OR EXISTS { (:Entity {id: $entityId})-[:PARTICIPATED_IN]->(${e}) } OR EXISTS { (${e})-[:TOOK_PLACE_IN]->(:Entity {id: $entityId}) })`;

/** A kind's place in the timeline's order (TIMELINE_ENTRY_KINDS), spliced into the query as a number. */
const kindRank = (kind: TimelineEntryKind): number => TIMELINE_ENTRY_KINDS.indexOf(kind);

/**
 * A timeline entry as one row: kind, rank (the kind's place in TIMELINE_ENTRY_KINDS, the
 * timeline's order), earliest, latest, id, ai (the attribution index of a CLAIM, -1 otherwise) and
 * its record. CLAIM rows come from the per-attribution lists the loader derives
 * (`attributionSaidOn`, `attributionClaimantIds`; '' for none).
 */
const EVENT_ROW = `RETURN 'EVENT' AS kind, ${kindRank('EVENT')} AS rank, e.timeEarliest AS earliest, e.timeLatest AS latest, e.id AS id, -1 AS ai,
    e AS event, null AS r, null AS fromId, null AS toId, null AS statement`;
const RELATION_ROW = `RETURN 'RELATION' AS kind, ${kindRank('RELATION')} AS rank, r.timeEarliest AS earliest, r.timeLatest AS latest, r.id AS id, -1 AS ai,
    null AS event, r, a.id AS fromId, b.id AS toId, null AS statement`;
const RELATION_CLAIM_ROW = `RETURN 'CLAIM' AS kind, ${kindRank('CLAIM')} AS rank, r.attributionSaidOn[ai] AS earliest, r.attributionSaidOn[ai] AS latest, r.id AS id, ai,
    null AS event, r, a.id AS fromId, b.id AS toId, null AS statement`;
const EVENT_CLAIM_ROW = `RETURN 'CLAIM' AS kind, ${kindRank('CLAIM')} AS rank, e.attributionSaidOn[ai] AS earliest, e.attributionSaidOn[ai] AS latest, e.id AS id, ai,
    e AS event, null AS r, null AS fromId, null AS toId, null AS statement`;
const STATEMENT_ROW = `RETURN 'STATEMENT' AS kind, ${kindRank('STATEMENT')} AS rank, s.date AS earliest, s.date AS latest, s.id AS id, -1 AS ai,
    null AS event, null AS r, null AS fromId, null AS toId, s AS statement`;

/** The dated attributions of x (a relationship or an event), as `ai`, with the variables `kept`. */
const DATED_ATTRIBUTIONS = (x: string, kept: string) => `UNWIND range(0, size(coalesce(${x}.attributionSaidOn, [])) - 1) AS ai
  WITH ${kept}, ai
  WHERE ${x}.attributionSaidOn[ai] <> ''`;

/** The window ($from / $to, null: open) applies to every entry. */
const IN_WINDOW = `WITH * WHERE ($from IS NULL OR latest >= $from) AND ($to IS NULL OR earliest <= $to)`;

/**
 * The relationships `relation_timeline` gives for `lucene` (a Lucene query parameter, see
 * timelineRanges) when $kinds holds `kind`, as r with its ends a and b, those that are entries:
 * between entities, and not an event's link.
 */
const INDEXED_RELATIONS = (lucene: string, kind: TimelineEntryKind) => `UNWIND CASE WHEN '${kind}' IN $kinds THEN [${lucene}] ELSE [] END AS lucene
  CALL db.index.fulltext.queryRelationships('${RELATION_TIMELINE_INDEX}', lucene) YIELD relationship AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WHERE a:Entity AND b:Entity AND ${everyRelation.where} AND ${NOT_AN_EVENT_LINK}`;

/**
 * Every timeline entry that $kinds (a list of TimelineEntryKind) allows, in the window, that can
 * come after the cursor and begins by $earliestTo: the parameters of timelineRanges bound events
 * and statements by range seeks and relations by `relation_timeline`, so a question reads what it
 * can reach rather than every relationship.
 */
const TIMELINE_ENTRIES = `
CALL () {
  MATCH (e:Entity:Event)
  WHERE 'EVENT' IN $kinds AND e.timeEarliest >= $earliestFrom AND e.timeEarliest <= $earliestTo
  ${EVENT_ROW}
  UNION ALL
  ${INDEXED_RELATIONS('$relationTimes', 'RELATION')} AND r.timeEarliest IS NOT NULL
  ${RELATION_ROW}
  UNION ALL
  ${INDEXED_RELATIONS('$claimDays', 'CLAIM')}
  ${DATED_ATTRIBUTIONS('r', 'a, r, b')} AND r.attributionSaidOn[ai] >= $dayFrom AND r.attributionSaidOn[ai] <= $earliestTo
  ${RELATION_CLAIM_ROW}
  UNION ALL
  MATCH (e:Entity:Event)
  WHERE 'CLAIM' IN $kinds
  ${DATED_ATTRIBUTIONS('e', 'e')} AND e.attributionSaidOn[ai] >= $dayFrom AND e.attributionSaidOn[ai] <= $earliestTo
  ${EVENT_CLAIM_ROW}
  UNION ALL
  MATCH (s:Statement)
  WHERE 'STATEMENT' IN $kinds AND s.date >= $dayFrom AND s.date <= $earliestTo
  ${STATEMENT_ROW}
}
${IN_WINDOW}`;

/** How many of an x's (relationship or event) attributions were said between $dayFrom and $earliestTo. */
const CLAIMS_SAID_IN_RANGE = (x: string) =>
  `size([day IN coalesce(${x}.attributionSaidOn, []) WHERE day <> '' AND day >= $dayFrom AND day <= $earliestTo])`;

/**
 * The count of TIMELINE_ENTRIES (without a cursor), counted rather than listed: relations and
 * claims by `relation_timeline` alone, whose ranges are the window's exactly (relationships of the
 * vocabulary's types join entities only, so their ends need not be read), a relation's claims by
 * the length of its list of days.
 */
const TIMELINE_COUNT = `
CALL () {
  MATCH (e:Entity:Event)
  WHERE 'EVENT' IN $kinds AND e.timeEarliest >= $earliestFrom AND e.timeEarliest <= $earliestTo AND ($from IS NULL OR e.timeLatest >= $from)
  RETURN count(*) AS entries
  UNION ALL
  UNWIND CASE WHEN 'RELATION' IN $kinds THEN [$relationTimes] ELSE [] END AS lucene
  CALL db.index.fulltext.queryRelationships('${RELATION_TIMELINE_INDEX}', lucene) YIELD relationship AS r
  WITH r WHERE ${NOT_AN_EVENT_LINK}
  RETURN count(*) AS entries
  UNION ALL
  UNWIND CASE WHEN 'CLAIM' IN $kinds THEN [$claimDays] ELSE [] END AS lucene
  CALL db.index.fulltext.queryRelationships('${RELATION_TIMELINE_INDEX}', lucene) YIELD relationship AS r
  WITH r WHERE ${NOT_AN_EVENT_LINK}
  RETURN sum(${CLAIMS_SAID_IN_RANGE('r')}) AS entries
  UNION ALL
  MATCH (e:Entity:Event)
  WHERE 'CLAIM' IN $kinds
  RETURN sum(${CLAIMS_SAID_IN_RANGE('e')}) AS entries
  UNION ALL
  MATCH (s:Statement)
  WHERE 'STATEMENT' IN $kinds AND s.date >= $dayFrom AND s.date <= $earliestTo
  RETURN count(*) AS entries
}
RETURN sum(entries) AS total`;

/** Above every day: the open end of a range of days compared in Cypher. */
const AFTER_EVERY_DAY = '\uffff';

/**
 * A day as a Lucene range's end: quoted (the keyword analyser takes it whole); an open end is `*`
 * above and the first day there is below (so that the '' an undated attribution leaves is not in it).
 */
function luceneDay(day: string | null, end: 'from' | 'to'): string {
  if (day === null) return end === 'to' ? '*' : '"0000-01-01"';
  return `"${day.replace(/[\\"]/g, '\\$&')}"`;
}

const earlierDay = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);
/** The later of two days, either null (none). */
export const laterDay = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b);

/**
 * The parameters that bound TIMELINE_PAGE's parts: the window; the earliest day of the cursor's
 * entry (`afterEarliest`: every later entry begins on it or after), null for a first page and for
 * the count; and `beganBy`, a day no entry listed begins after (null: none), so that a page of
 * the whole timeline reads its first days rather than every entry (the store widens it until the
 * page is full). Each bound only narrows what the query's own filters then test, so a cursor's day
 * left open (one that is not plain ASCII, whose order Lucene might not share) is slower, never
 * different.
 * - earliestFrom / earliestTo: events begin between them (earliestTo also bounds what is said);
 * - dayFrom: statements and claims are said on or after it (the window's start or the cursor's day);
 * - relationTimes: relations that begin between the cursor's day and earliestTo and end on or
 *   after the window's start;
 * - claimDays: relations with an attribution said between dayFrom and earliestTo (and the
 *   query keeps only those attributions).
 */
export function timelineRanges(
  { from, to }: { readonly from: string | null; readonly to: string | null },
  afterEarliest: string | null,
  beganBy: string | null = null,
) {
  const cursorDay = afterEarliest !== null && /^[\x20-\x7e]*$/.test(afterEarliest) ? afterEarliest : null;
  const dayFrom = laterDay(from, cursorDay);
  const earliestTo = earlierDay(to, beganBy);
  return {
    earliestFrom: cursorDay ?? '',
    earliestTo: earliestTo ?? AFTER_EVERY_DAY,
    dayFrom: dayFrom ?? '',
    relationTimes: `timeEarliest:[${luceneDay(cursorDay, 'from')} TO ${luceneDay(earliestTo, 'to')}]${from === null ? '' : ` AND timeLatest:[${luceneDay(from, 'from')} TO *]`}`,
    claimDays: `attributionSaidOn:[${luceneDay(dayFrom, 'from')} TO ${luceneDay(earliestTo, 'to')}]`,
  };
}

/**
 * The first day of the timeline's events and statements (null when none is dated), by their range
 * indexes: where the store starts reading a timeline with neither window nor cursor. Relations and
 * claims before it are not missed (each read is open below), only read in the first go.
 */
export const TIMELINE_FIRST_DAY = `
CALL () {
  MATCH (e:Entity:Event) WHERE e.timeEarliest >= '' RETURN e.timeEarliest AS day ORDER BY day LIMIT 1
  UNION ALL
  MATCH (s:Statement) WHERE s.date >= '' RETURN s.date AS day ORDER BY day LIMIT 1
}
RETURN min(day) AS day`;

/** The events about the entity x: x itself, those it takes part in, those that took place in it. */
const EVENTS_ABOUT_X = `
    WITH x WHERE x:Event RETURN x AS e
    UNION
    MATCH (x)-[:PARTICIPATED_IN]->(e:Entity:Event) RETURN e
    UNION
    MATCH (e:Entity:Event)-[:TOOK_PLACE_IN]->(x) RETURN e`;

/** The relationships with the entity x at an end, each once. */
const RELATIONS_AT_X = `
    MATCH (x)-[r]->(:Entity) RETURN r
    UNION
    MATCH (:Entity)-[r]->(x) RETURN r`;

/**
 * As `variable`, each once: those `atX` finds from the entity x ($entityId), and those whose
 * `attributionClaimantIds` hold $entityId, found by `claimantsSearch` (a fulltext procedure call
 * yielding `variable`) over its claimant index.
 */
const AT_ENTITY_OR_CLAIMED_BY_IT = (variable: string, atX: string, claimantsSearch: string) => `CALL () {
    MATCH (x:Entity {id: $entityId})
    CALL (x) {${atX}
    }
    RETURN ${variable}
    UNION
    ${claimantsSearch}
    RETURN ${variable}
  }`;

/**
 * TIMELINE_ENTRIES for one entity ($entityId): an event about it, a relation with it at an end, a
 * claim it made or of such an event or relation, a statement it made or is about. Found from the
 * entity rather than by reading every relationship and event: its relationships and events by
 * their links, the facts it made claims of by the claimant indexes (`relation_claimants`,
 * `event_claimants`). Statements by their `speakerId` and `aboutIds`.
 */
const ENTITY_TIMELINE_ENTRIES = `
CALL () {
  MATCH (x:Entity {id: $entityId})
  WHERE 'EVENT' IN $kinds
  CALL (x) {${EVENTS_ABOUT_X}
  }
  WITH e WHERE e.timeEarliest IS NOT NULL
  ${EVENT_ROW}
  UNION ALL
  MATCH (x:Entity {id: $entityId})
  WHERE 'RELATION' IN $kinds
  CALL (x) {${RELATIONS_AT_X}
  }
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE ${everyRelation.where} AND ${NOT_AN_EVENT_LINK} AND r.timeEarliest IS NOT NULL
  ${RELATION_ROW}
  UNION ALL
  ${AT_ENTITY_OR_CLAIMED_BY_IT('r', RELATIONS_AT_X, `CALL db.index.fulltext.queryRelationships('${RELATION_CLAIMANTS_INDEX}', ${exactTerm('$entityId')}) YIELD relationship AS r`)}
  WITH r WHERE 'CLAIM' IN $kinds
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE ${everyRelation.where} AND ${NOT_AN_EVENT_LINK}
  ${DATED_ATTRIBUTIONS('r', 'a, r, b')}
    AND (a.id = $entityId OR b.id = $entityId OR r.attributionClaimantIds[ai] = $entityId)
  ${RELATION_CLAIM_ROW}
  UNION ALL
  ${AT_ENTITY_OR_CLAIMED_BY_IT('e', EVENTS_ABOUT_X, `CALL db.index.fulltext.queryNodes('${EVENT_CLAIMANTS_INDEX}', ${exactTerm('$entityId')}) YIELD node AS e
    WITH e WHERE e:Entity:Event`)}
  WITH e WHERE 'CLAIM' IN $kinds
  ${DATED_ATTRIBUTIONS('e', 'e')}
    AND (e.attributionClaimantIds[ai] = $entityId OR ${EVENT_ABOUT_ENTITY('e')})
  ${EVENT_CLAIM_ROW}
  UNION ALL
  MATCH (s:Statement)
  WHERE 'STATEMENT' IN $kinds AND s.date IS NOT NULL
    AND (s.speakerId = $entityId OR $entityId IN s.aboutIds)
  ${STATEMENT_ROW}
}
${IN_WINDOW}`;

/** A page of timeline entries, and their count, over the rows of `entries`. */
function timelinePage(entries: string): PageCypher & { readonly params: CypherQuery['params'] } {
  return {
    params: everyRelation.params,
    page: `${entries}
WITH *, [earliest, latest, rank, id, ai] AS sortKey
WHERE $after IS NULL OR sortKey > $after
RETURN kind, earliest, latest, ai, event, r, fromId, toId, statement, sortKey
ORDER BY sortKey
LIMIT $rowLimit`,
    count: `${entries}
RETURN count(*) AS total`,
  };
}

/**
 * timeline (schema `Query.timeline`): entries by earliest day, latest day, kind, id, attribution
 * index, after $after (the key of the page before's last entry), $rowLimit of them; and their count
 * (the parameters of timelineRanges). ENTITY_TIMELINE_PAGE answers the same for one entity
 * ($entityId), from the entity.
 */
export const TIMELINE_PAGE = { ...timelinePage(TIMELINE_ENTRIES), count: TIMELINE_COUNT };
export const ENTITY_TIMELINE_PAGE = timelinePage(ENTITY_TIMELINE_ENTRIES);

/**
 * For each key in $ids, the relations then the events for which `holds` (a condition on `x`, the
 * relationship or the event node, and `key`) is true, each by id: rows of key, r with its ends,
 * or event.
 */
function factsPerKey(holds: (x: string) => string): CypherQuery {
  return {
    params: everyRelation.params,
    text: `
UNWIND $ids AS key
CALL (key) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE ${everyRelation.where} AND ${holds('r')}
  RETURN 0 AS rank, r.id AS factId, r, a.id AS fromId, b.id AS toId, null AS event
  UNION ALL
  MATCH (e:Entity:Event)
  WHERE ${holds('e')}
  RETURN 1 AS rank, e.id AS factId, null AS r, null AS fromId, null AS toId, e AS event
}
RETURN key, r, fromId, toId, event
ORDER BY key, rank, factId`,
  };
}

/**
 * factsSupportedBy (schema `Statement.supports`): for each statement id in $ids, the relations and
 * events whose `supportStatementIds` (derived by the loader: the attributions' statements and a
 * relation's statementIds) hold it; relations first, each by id.
 */
export const FACTS_SUPPORTED_BY: CypherQuery = {
  params: everyRelation.params,
  text: `
UNWIND $ids AS key
CALL (key) {
  CALL db.index.fulltext.queryRelationships('${RELATION_SUPPORT_INDEX}', ${exactTerm('key')}) YIELD relationship AS r
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE ${everyRelation.where} AND key IN r.supportStatementIds
  RETURN 0 AS rank, r.id AS factId, r, a.id AS fromId, b.id AS toId, null AS event
  UNION ALL
  CALL db.index.fulltext.queryNodes('${EVENT_SUPPORT_INDEX}', ${exactTerm('key')}) YIELD node AS e
  WITH e WHERE e:Entity AND key IN e.supportStatementIds
  RETURN 1 AS rank, e.id AS factId, null AS r, null AS fromId, null AS toId, e AS event
}
RETURN key, r, fromId, toId, event
ORDER BY key, rank, factId`,
};

/**
 * The fulltext query that matches exactly the value of `expression` in a keyword-analysed field:
 * a quoted phrase, its backslashes and quotes escaped (ids are slugs; the escaping is for safety).
 */
function exactTerm(expression: string): string {
  return `'"' + replace(replace(${expression}, '\\\\', '\\\\\\\\'), '"', '\\\\"') + '"'`;
}

/**
 * factsCitingSources (the writes' check of a source's publication day): for each source id in
 * $ids, the relations and events whose attributions' JSON names it as `"sourceId":"<id>"`; the
 * store keeps the exact matches after reading the attributions back. Reads every relationship: a
 * source's day changes rarely.
 */
export const FACTS_CITING_SOURCES = factsPerKey((x) => `${x}.attributionsJson CONTAINS ('"sourceId":"' + key + '"')`);

/**
 * near (schema `Query.near`): the place $placeId's location (no row when it has none, or is
 * unknown), and every other entity with a location within $meters of it (served by the point
 * index entity_location), with its distance in metres (Neo4j's haversine for WGS-84). "Within"
 * is on the distance before rounding, as the port says; the caller rounds and orders. `total`, on
 * every row, counts them; past $maxItems (null: no cap) they are counted, not listed (one row, a
 * null `p`: the UNWIND of no rows keeps the second search from running, as in ENTITIES_UP_TO).
 */
export const NEAR = `
MATCH (c:Entity {id: $placeId})
WHERE c.location IS NOT NULL
OPTIONAL MATCH (p:Entity)
WHERE point.distance(p.location, c.location) <= $meters AND p.id <> c.id
WITH c, count(p) AS total
OPTIONAL CALL (c, total) {
  UNWIND CASE WHEN $maxItems IS NULL OR total <= $maxItems THEN [total] ELSE [] END AS listed
  MATCH (p:Entity)
  WHERE point.distance(p.location, c.location) <= $meters AND p.id <> c.id
  RETURN p, point.distance(p.location, c.location) AS meters
}
RETURN total, p, meters`;
