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
 * entity itself, in one query. One row per key of $ids that is an entity: `e`, and `relations`,
 * a list of maps with relationsOfCypher's columns, in its order ([] when none passes). The entity
 * is sent once, not with every relation: a hub's row holds a thousand.
 */
export function entitiesWithRelationsCypher(filter: RelationFilter, capped = false): CypherQuery {
  const relations = relationsOfEntity(filter, capped);
  return {
    params: relations.params,
    text: `
UNWIND $ids AS key
MATCH (e:Entity {id: key})
OPTIONAL CALL (e, key) {
${relations.text}
}
WITH key, e, r, other, direction
ORDER BY type(r), other.id, r.id
RETURN key, e, collect(CASE WHEN r IS NULL THEN null ELSE
  {r: r, fromId: startNode(r).id, toId: endNode(r).id, direction: direction, otherId: other.id, other: other} END) AS relations`,
  };
}

/** The subquery both share: entity `e`'s relations that pass, seen from it (`key` is its id). */
function relationsOfEntity(filter: RelationFilter, capped: boolean): CypherQuery {
  const relation = relationFilterCypher(filter, 'r', '[key]');
  return {
    params: relation.params,
    text: `MATCH (e)-[r]-(other:Entity)
WHERE ${relation.where}
WITH r, other,
  CASE WHEN type(r) IN $symmetricTypes THEN 'BOTH' WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END AS direction
WHERE direction IN $directions
RETURN r, other, direction${capped ? '\nLIMIT $rowLimit' : ''}`,
  };
}
