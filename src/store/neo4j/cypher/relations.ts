import type { RelationFilter } from '../../graph-store.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

/**
 * relationsOf (schema `Entity.relations`): for each entity in $ids, its relations that pass
 * `filter` (relationFilterCypher) seen from it: BOTH for $symmetricTypes, OUT when it is the
 * start, IN when it is the end; kept when the direction is in $directions. Each row carries the
 * other end's node (`other`), so its entity needs no second query. Ordered by key, then
 * type, the other end's id, the relation's id. `capped`: each key's rows stop at $rowLimit
 * (the port's cap + 1), taken before the sort, so a hub's relationships are not all read for a
 * list its caller will refuse.
 */
export function relationsOfCypher(filter: RelationFilter, capped = false): CypherQuery {
  const relations = relationsOfEntity(filter, capped);
  return {
    params: relations.params,
    text: `
UNWIND $ids AS key
MATCH (e:Entity {id: key})
CALL (e, key) {
${relations.text}
}
RETURN key, r, startNode(r).id AS fromId, endNode(r).id AS toId, direction, other.id AS otherId, other
ORDER BY key, type(r), otherId, r.id`,
  };
}

/**
 * entitiesWithRelations (schema `Query.entity` with its `relations`): relationsOfCypher with the
 * entity itself, in one query. For each key of $ids that is an entity, first a row with the entity
 * `e` and null relation columns, then relationsOfCypher's rows, in its order, with `e` null: the
 * entity is sent once, not with each of a hub's thousand relations. (One row per entity with its
 * relations collected in a list was as quick for Neo4j but two to three times slower to decode.)
 */
export function entitiesWithRelationsCypher(filter: RelationFilter, capped = false): CypherQuery {
  const relations = relationsOfEntity(filter, capped, ', 1 AS part');
  return {
    params: relations.params,
    text: `
UNWIND $ids AS key
MATCH (e:Entity {id: key})
CALL (e, key) {
RETURN null AS r, null AS other, null AS direction, 0 AS part
UNION ALL
${relations.text}
}
RETURN key, CASE part WHEN 0 THEN e END AS e, r, startNode(r).id AS fromId, endNode(r).id AS toId, direction, other.id AS otherId, other
ORDER BY key, part, type(r), otherId, r.id`,
  };
}

/**
 * The subquery both share: entity `e`'s relations that pass, seen from it (`key` is its id);
 * `extra` adds columns to its RETURN.
 */
function relationsOfEntity(filter: RelationFilter, capped: boolean, extra = ''): CypherQuery {
  const relation = relationFilterCypher(filter, 'r', '[key]');
  return {
    params: relation.params,
    text: `MATCH (e)-[r]-(other:Entity)
WHERE ${relation.where}
WITH r, other,
  CASE WHEN type(r) IN $symmetricTypes THEN 'BOTH' WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END AS direction
WHERE direction IN $directions
RETURN r, other, direction${extra}${capped ? '\nLIMIT $rowLimit' : ''}`,
  };
}
