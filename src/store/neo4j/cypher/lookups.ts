import { cypherPerRelationType } from '../graph-model.js';

/** entitiesByIds (also neighborhood / shortestPath for a length-0 path): entity nodes by id. */
export const ENTITIES_BY_IDS = 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n';

/** statementsByIds: statement nodes by id. */
export const STATEMENTS_BY_IDS = 'MATCH (s:Statement) WHERE s.id IN $ids RETURN s';

/** sourcesByIds: source nodes by id. */
export const SOURCES_BY_IDS = 'MATCH (s:Source) WHERE s.id IN $ids RETURN s';

/**
 * relationsByIds: relationships by id, with the ids of their ends. One branch per relation type of
 * the vocabulary (cypherPerRelationType), each an index seek on that type's `relation_id_<type>`
 * (plan: DirectedRelationshipIndexSeek), so no relationship is scanned; relation ids are unique
 * across types, so an id is found in one branch at most.
 */
export const RELATIONS_BY_IDS = Object.values(
  cypherPerRelationType((type) => `
UNWIND $ids AS id
MATCH (a)-[r:${type} {id: id}]->(b)
RETURN r, a.id AS fromId, b.id AS toId`),
).join('\nUNION ALL');

/** listEntities: by name, then id; $kinds null means every kind. */
export const LIST_ENTITIES = `
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN n
ORDER BY n.name, n.id`;

/**
 * entitiesUpTo (schema `Query.entities` under MAX_LIST_LENGTH): how many entities the kinds hold
 * (`total`, on every row) and, only when that is at most $maxItems (null: no cap), the entities by
 * name, then id; one row with a null `n` when none are listed. The UNWIND of no rows is what stops
 * the second scan: a WHERE on `total` is planned as a filter on every scanned node (PROFILE).
 */
export const ENTITIES_UP_TO = `
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH count(n) AS total
OPTIONAL CALL (total) {
  UNWIND CASE WHEN $maxItems IS NULL OR total <= $maxItems THEN [total] ELSE [] END AS listed
  MATCH (n:Entity)
  WHERE $kinds IS NULL OR n.kind IN $kinds
  RETURN n
}
RETURN total, n
ORDER BY n.name, n.id`;

/** entityNames: what duplicate detection compares of each entity of the kinds, in no set order. */
export const ENTITY_NAMES = `
MATCH (n:Entity)
WHERE n.kind IN $kinds
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases`;

/** listSources (schema `Query.sources`): by id. */
export const LIST_SOURCES = 'MATCH (s:Source) RETURN s ORDER BY s.id';
