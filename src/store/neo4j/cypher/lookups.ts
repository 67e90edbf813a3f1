/** entitiesByIds (also neighborhood / shortestPath for a length-0 path): entity nodes by id. */
export const ENTITIES_BY_IDS = 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n';

/** statementsByIds: statement nodes by id. */
export const STATEMENTS_BY_IDS = 'MATCH (s:Statement) WHERE s.id IN $ids RETURN s';

/** sourcesByIds: source nodes by id. */
export const SOURCES_BY_IDS = 'MATCH (s:Source) WHERE s.id IN $ids RETURN s';

/** listEntities (schema `Query.entities`): by name, then id; $kinds null means every kind. */
export const LIST_ENTITIES = `
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN n
ORDER BY n.name, n.id`;

/** listSources (schema `Query.sources`): by id. */
export const LIST_SOURCES = 'MATCH (s:Source) RETURN s ORDER BY s.id';
