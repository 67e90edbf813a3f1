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
  const relation = relationFilterCypher(filter, 'r', '[key]');
  return {
    params: relation.params,
    text: `
UNWIND $ids AS key
CALL (key) {
MATCH (e:Entity {id: key})-[r]-(other:Entity)
WHERE ${relation.where}
WITH e, r, other,
  CASE WHEN type(r) IN $symmetricTypes THEN 'BOTH' WHEN startNode(r) = e THEN 'OUT' ELSE 'IN' END AS direction
WHERE direction IN $directions
RETURN r, other, direction${capped ? '\nLIMIT $rowLimit' : ''}
}
RETURN key, r, startNode(r).id AS fromId, endNode(r).id AS toId, direction, other.id AS otherId, other
ORDER BY key, type(r), otherId, r.id`,
  };
}
