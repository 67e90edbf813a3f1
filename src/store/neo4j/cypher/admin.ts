import { ANY_RELATION } from '../../graph-store.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

/** ping(): the cheapest query that proves the database answers. */
export const PING = 'RETURN 1 AS ok';

const everyRelation = relationFilterCypher(ANY_RELATION, 'r');

/**
 * counts(): records of each kind; relations are only those of the domain's types (the relation
 * filter of every relation, relationFilterCypher).
 */
export const COUNTS: CypherQuery = {
  params: everyRelation.params,
  text: `
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE ${everyRelation.where} RETURN count(r) AS relations }
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN entities, relations, statements, sources`,
};
