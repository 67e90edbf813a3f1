/**
 * exportDataset(): the whole graph, one query per record kind, each in id order (code-point order,
 * as the memory store's compareById). Relations are only those of the domain's types (the relation
 * filter of every relation, relationFilterCypher), so
 * SAID / ABOUT / FROM_SOURCE links and the LoadLock and SearchKeys nodes never leave the database.
 */
import { ANY_RELATION } from '../../graph-store.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

/** exportDataset(): every source, by id. */
export const EXPORT_SOURCES = 'MATCH (s:Source) RETURN s ORDER BY s.id';

/** exportDataset(): every entity, by id. */
export const EXPORT_ENTITIES = 'MATCH (n:Entity) RETURN n ORDER BY n.id';

const everyRelation = relationFilterCypher(ANY_RELATION, 'r');

/** exportDataset(): every relation of the domain's types, with its ends, by id. */
export const EXPORT_RELATIONS: CypherQuery = {
  params: everyRelation.params,
  text: `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ${everyRelation.where}
RETURN r, a.id AS fromId, b.id AS toId
ORDER BY r.id`,
};

/** exportDataset(): every statement, by id. */
export const EXPORT_STATEMENTS = 'MATCH (s:Statement) RETURN s ORDER BY s.id';
