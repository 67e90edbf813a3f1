/**
 * The cursor connections (schema `Query.entitiesConnection`, `statementsConnection`, `events`):
 * each list is one filter, written once, and two texts over it: a page (the items after the
 * cursor's key, in the list's order, `$rowLimit` of them) and the count of every item the filter
 * matches (`totalCount`, counted by Neo4j, not listed). `$after` is the key of the last item of
 * the page before (cursor.ts), null for the first page; Cypher compares lists element by element,
 * so `[sort keys] > $after` is "after it in the list's order".
 */
export interface PageCypher {
  readonly page: string;
  readonly count: string;
}

function paged(match: string, key: string, ret: string, order: string): PageCypher {
  return {
    page: `${match}
WITH ${key}
WHERE $after IS NULL OR sortKey > $after
RETURN ${ret}
ORDER BY ${order}
LIMIT $rowLimit`,
    count: `${match}
RETURN count(*) AS total`,
  };
}

/** entitiesPage: by name, then id; $kinds null means every kind. */
export const ENTITIES_PAGE: PageCypher = paged(
  `MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds`,
  'n, [n.name, n.id] AS sortKey',
  'n, sortKey',
  'n.name, n.id',
);

/**
 * statementsPage: by date (undated last), then id. $speakerId, $aboutId: null means any; $windowed
 * with $from / $to (null: open): the statement's date falls in the window, an undated one does not.
 */
export const STATEMENTS_PAGE: PageCypher = paged(
  `MATCH (s:Statement)
WHERE ($speakerId IS NULL OR s.speakerId = $speakerId)
  AND ($aboutId IS NULL OR $aboutId IN s.aboutIds)
  AND (NOT $windowed OR (s.date IS NOT NULL AND ($from IS NULL OR s.date >= $from) AND ($to IS NULL OR s.date <= $to)))`,
  's, [CASE WHEN s.date IS NULL THEN 1 ELSE 0 END, coalesce(s.date, \'\'), s.id] AS sortKey',
  's, sortKey',
  'sortKey',
);

/** The events a findEvents query keeps, but for the place ($types, $participantId, the window). */
const EVENT_FILTER = `($types IS NULL OR e.eventType IN $types)
  AND ($participantId IS NULL OR EXISTS { (:Entity {id: $participantId})-[:PARTICIPATED_IN]->(e) })
  AND (NOT $windowed OR (e.timeEarliest IS NOT NULL AND ($from IS NULL OR e.timeLatest >= $from) AND ($to IS NULL OR e.timeEarliest <= $to)))`;

/**
 * The places inside `top` (LOCATED_IN, any depth) and `top` itself, each once. The variable-length
 * pattern followed by DISTINCT is planned as a pruning breadth-first expand: each place is reached
 * once, however many LOCATED_IN paths lead to it (a quantified path pattern lists every path, and
 * testing each event's place upwards took over 10 s at 100k relations).
 */
const PLACES_IN_TOP = `MATCH (top)<-[:LOCATED_IN*0..]-(place:Entity)
  WITH DISTINCT place`;

/**
 * findEvents (schema `Query.events`): by earliest day (undated last), then id. $types (event types),
 * $participantId (PARTICIPATED_IN to the event), $placeId (the event TOOK_PLACE_IN it or in a place
 * LOCATED_IN it, any depth): null means any; $windowed with $from / $to: the event's days overlap the
 * window, an undated event does not. With a place, the events are found from it, down its places.
 */
export const EVENTS_PAGE: PageCypher = paged(
  `CALL () {
  MATCH (e:Entity:Event)
  WHERE $placeId IS NULL AND ${EVENT_FILTER}
  RETURN e
  UNION
  MATCH (top:Entity {id: $placeId})
  ${PLACES_IN_TOP}
  MATCH (place)<-[:TOOK_PLACE_IN]-(e:Entity:Event)
  WHERE ${EVENT_FILTER}
  RETURN e
}`,
  'e, [CASE WHEN e.timeEarliest IS NULL THEN 1 ELSE 0 END, coalesce(e.timeEarliest, \'\'), e.id] AS sortKey',
  'e, sortKey',
  'sortKey',
);

/**
 * eventsInPlaces (schema `events` of a place): for each place id ($ids), as `key`, the events that
 * took place in it or in a place LOCATED_IN it, any depth, in EVENTS_PAGE's order.
 */
export const EVENTS_IN_PLACES = `
UNWIND $ids AS key
MATCH (top:Entity {id: key})
CALL (top) {
  ${PLACES_IN_TOP}
  MATCH (place)<-[:TOOK_PLACE_IN]-(e:Entity:Event)
  RETURN DISTINCT e
}
RETURN key, e
ORDER BY key, CASE WHEN e.timeEarliest IS NULL THEN 1 ELSE 0 END, coalesce(e.timeEarliest, ''), e.id`;
