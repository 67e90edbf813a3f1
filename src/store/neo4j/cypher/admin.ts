/** ping(): the cheapest query that proves the database answers. */
export const PING = 'RETURN 1 AS ok';

/** counts(): records of each kind; relations are only those of the domain's types ($types). */
export const COUNTS = `
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS relations }
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN entities, relations, statements, sources`;
