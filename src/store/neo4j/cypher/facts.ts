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

/** Every relationship that is an entry (between entities, not an event's link), when $kinds holds `kind`: a scan. */
const SCANNED_RELATIONS = (kind: TimelineEntryKind) => `MATCH (a:Entity)-[r]->(b:Entity)
  WHERE '${kind}' IN $kinds AND ${everyRelation.where} AND ${NOT_AN_EVENT_LINK}`;

/**
 * Every timeline entry that $kinds (a list of TimelineEntryKind) allows, in the window, that can
 * come after the cursor, with the relationships from `relations`. The parameters of
 * timelineRanges bound events and statements by range seeks, and with INDEXED_RELATIONS the
 * relations by `relation_timeline`.
 */
const timelineEntries = (relations: (kind: TimelineEntryKind) => string) => `
CALL () {
  MATCH (e:Entity:Event)
  WHERE 'EVENT' IN $kinds AND e.timeEarliest >= $earliestFrom
  ${EVENT_ROW}
  UNION ALL
  ${relations('RELATION')} AND r.timeEarliest IS NOT NULL
  ${RELATION_ROW}
  UNION ALL
  ${relations('CLAIM')}
  ${DATED_ATTRIBUTIONS('r', 'a, r, b')}
  ${RELATION_CLAIM_ROW}
  UNION ALL
  MATCH (e:Entity:Event)
  WHERE 'CLAIM' IN $kinds
  ${DATED_ATTRIBUTIONS('e', 'e')}
  ${EVENT_CLAIM_ROW}
  UNION ALL
  MATCH (s:Statement)
  WHERE 'STATEMENT' IN $kinds AND s.date >= $dayFrom
  ${STATEMENT_ROW}
}
${IN_WINDOW}`;

/** A day as a Lucene range's end: quoted (the keyword analyser takes it whole), `*` when open. */
function luceneDay(day: string | null): string {
  return day === null ? '*' : `"${day.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The parameters that bound TIMELINE_PAGE's parts: the window, and the earliest day of the
 * cursor's entry (`afterEarliest`: every later entry begins on it or after), null for the first
 * page and for the count. Each bound only narrows what the query's own filters then test, so a
 * bound left open (a cursor's day that is not plain ASCII, whose order Lucene might not share) is
 * slower, never different.
 * - earliestFrom: events begin on or after it;
 * - dayFrom: statements and claims are said on or after it (the window's start or the cursor's day);
 * - relationTimes: relations that begin between the cursor's day and the window's end and end
 *   on or after the window's start;
 * - claimDays: relations with an attribution said between dayFrom and the window's end.
 */
export function timelineRanges({ from, to }: { readonly from: string | null; readonly to: string | null }, afterEarliest: string | null) {
  const cursorDay = afterEarliest !== null && /^[\x20-\x7e]*$/.test(afterEarliest) ? afterEarliest : null;
  const dayFrom = from === null ? cursorDay : cursorDay === null || from > cursorDay ? from : cursorDay;
  return {
    earliestFrom: cursorDay ?? '',
    dayFrom: dayFrom ?? '',
    relationTimes: `timeEarliest:[${luceneDay(cursorDay)} TO ${luceneDay(to)}]${from === null ? '' : ` AND timeLatest:[${luceneDay(from)} TO *]`}`,
    claimDays: `attributionSaidOn:[${luceneDay(dayFrom)} TO ${luceneDay(to)}]`,
  };
}

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
 * index, after $after (the key of the page before's last entry), $rowLimit of them; and their count.
 * TIMELINE_PAGE scans every relationship; TIMELINE_WINDOW_PAGE, for a question with a window,
 * reads only the relations `relation_timeline` finds in it (a scan is quicker for them all: the
 * fulltext procedure scores and orders every hit). ENTITY_TIMELINE_PAGE answers the same for one
 * entity ($entityId), from the entity.
 */
export const TIMELINE_PAGE = timelinePage(timelineEntries(SCANNED_RELATIONS));
export const TIMELINE_WINDOW_PAGE = timelinePage(
  timelineEntries((kind) => INDEXED_RELATIONS(kind === 'RELATION' ? '$relationTimes' : '$claimDays', kind)),
);
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
 * is on the distance before rounding, as the port says; the caller rounds and orders.
 */
export const NEAR = `
MATCH (c:Entity {id: $placeId})
WHERE c.location IS NOT NULL
OPTIONAL MATCH (p:Entity)
WHERE point.distance(p.location, c.location) <= $meters AND p.id <> c.id
RETURN p, point.distance(p.location, c.location) AS meters`;
