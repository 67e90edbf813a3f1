/**
 * The journal on Neo4j: change records, the record ids each change touched, and side documents.
 *
 * - (:Change {id, at, idempotencyKey?, json}): `json` is the whole ChangeRecord (a property cannot
 *   hold maps); `id` and `idempotencyKey` are unique (constraints change_id, change_idempotency_key).
 * - (:RecordHistory {recordId})-[:TOUCHED_BY]->(:Change): one node per record id ever changed
 *   (unique, constraint record_history_id), so a record's history is one index seek and an expansion
 *   of its own changes, whatever else the journal holds; it outlives the record (a removed record's
 *   history stays readable).
 * - (:Document {kind, id, body}): `body` as JSON; (kind, id) unique (constraint document_key).
 * None of these labels is an Entity, Statement or Source, so no read of the graph sees them.
 */

/** commit(): the change, and a TOUCHED_BY link from the history of each record id (distinct ids). */
export const CREATE_CHANGE = `
CREATE (c:Change {id: $id, at: $at, json: $json})
SET c.idempotencyKey = $idempotencyKey
WITH c
UNWIND $recordIds AS recordId
MERGE (h:RecordHistory {recordId: recordId})
CREATE (h)-[:TOUCHED_BY]->(c)
RETURN count(*) AS written`;

/** commit(): whether the change id or the idempotency key is taken already. */
export const CHANGE_CONFLICTS = `
OPTIONAL MATCH (byId:Change {id: $id})
OPTIONAL MATCH (byKey:Change {idempotencyKey: $idempotencyKey})
RETURN byId IS NOT NULL AS idTaken, byKey IS NOT NULL AS keyTaken`;

/** changesOf(): a page of the record's changes, newest (greatest id) first, after the cursor's id. */
export const CHANGES_OF = `
MATCH (:RecordHistory {recordId: $recordId})-[:TOUCHED_BY]->(c:Change)
WHERE $after IS NULL OR c.id < $after
RETURN c.json AS json
ORDER BY c.id DESC
LIMIT $limit`;

/** changesOf(): how many changes the record has. */
export const COUNT_CHANGES_OF = `
OPTIONAL MATCH (h:RecordHistory {recordId: $recordId})
RETURN CASE WHEN h IS NULL THEN 0 ELSE COUNT { (h)-[:TOUCHED_BY]->(:Change) } END AS n`;

/** changeByIdempotencyKey() */
export const CHANGE_BY_IDEMPOTENCY_KEY = `
MATCH (c:Change {idempotencyKey: $key})
RETURN c.json AS json`;

/** commit(): puts documents ($rows of kind, id, body as JSON), replacing a body under the same key. */
export const PUT_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:Document {kind: row.kind, id: row.id})
SET d.body = row.body
RETURN count(*) AS written`;

/** commit(): removes documents by kind and id (an unknown one is no error). */
export const REMOVE_DOCUMENTS = `
UNWIND $rows AS row
MATCH (d:Document {kind: row.kind, id: row.id})
DELETE d
RETURN count(*) AS deleted`;

/** documents(kind, ids): one row per id, in order, body null when unknown. */
export const DOCUMENTS_BY_IDS = `
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (d:Document {kind: $kind, id: $ids[i]})
RETURN $ids[i] AS id, d.body AS body
ORDER BY i`;

/**
 * documents(kind, null): every document of the kind, by id. The predicate on `id` lets the planner
 * use the (kind, id) key's composite index (it needs a predicate on every property of it).
 */
export const DOCUMENTS_OF_KIND = `
MATCH (d:Document)
WHERE d.kind = $kind AND d.id IS NOT NULL
RETURN d.id AS id, d.body AS body
ORDER BY d.id`;
