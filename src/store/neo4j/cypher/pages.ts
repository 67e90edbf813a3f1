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

/**
 * findEvents (schema `Query.events`): by earliest day (undated last), then id. $types (event types),
 * $participantId (PARTICIPATED_IN to the event), $placeId (the event TOOK_PLACE_IN it or in a place
 * LOCATED_IN it, any depth): null means any; $windowed with $from / $to: the event's days overlap the
 * window, an undated event does not.
 */
export const EVENTS_PAGE: PageCypher = paged(
  `MATCH (e:Entity:Event)
WHERE ($types IS NULL OR e.eventType IN $types)
  AND ($participantId IS NULL OR EXISTS { (:Entity {id: $participantId})-[:PARTICIPATED_IN]->(e) })
  AND ($placeId IS NULL OR EXISTS {
    MATCH (e)-[:TOOK_PLACE_IN]->(place:Entity)
    WHERE place.id = $placeId OR EXISTS { (place)-[:LOCATED_IN]->+(:Entity {id: $placeId}) }
  })
  AND (NOT $windowed OR (e.timeEarliest IS NOT NULL AND ($from IS NULL OR e.timeLatest >= $from) AND ($to IS NULL OR e.timeEarliest <= $to)))`,
  'e, [CASE WHEN e.timeEarliest IS NULL THEN 1 ELSE 0 END, coalesce(e.timeEarliest, \'\'), e.id] AS sortKey',
  'e, sortKey',
  'sortKey',
);
