/**
 * load(dataset): every statement takes a batch in $rows, MERGEs by id and replaces all properties
 * (`SET x = row.props`: a property left out, i.e. a null field, is removed), so loading the same
 * dataset again changes nothing and a changed record is updated. Each returns the rows it wrote, so
 * the loader can roll back when a reference does not resolve.
 */

/** load(): sources. */
export const MERGE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
RETURN count(*) AS written`;

/**
 * load(): entities, with the kind label ($kindLabels: every kind label of the vocabulary; a label of
 * another kind left from an earlier load is removed). Labels are dynamic (`$(...)`, Neo4j 5.24+) but
 * come from the domain vocabulary only.
 */
export const MERGE_ENTITIES = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props
WITH n, row, [l IN labels(n) WHERE l IN $kindLabels AND l <> row.label] AS stale
REMOVE n:$(stale)
SET n:$(row.label)
RETURN count(*) AS written`;

/**
 * load(): deletes the relationships whose id is in $byId (id -> {type, from, to}) but whose type or
 * ends differ, so that the MERGE below cannot leave an outdated twin behind. One scan of the
 * domain relationships ($types) per load, with a map lookup per relationship.
 */
export const DELETE_MOVED_RELATIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types
WITH a, r, b, $byId[r.id] AS row
WHERE row IS NOT NULL AND (type(r) <> row.type OR a.id <> row.from OR b.id <> row.to)
DELETE r
RETURN count(*) AS deleted`;

/**
 * load(): relations as relationships whose type is the domain relation type, merged with a dynamic
 * type (`$(row.type)`, Neo4j 5.26+): parameterised, so no type name is ever spliced into the text;
 * the loader checks each type against the vocabulary first.
 */
export const MERGE_RELATIONS = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props
RETURN count(*) AS written`;

/** load(): statement nodes. */
export const MERGE_STATEMENTS = `
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
SET s = row.props
RETURN count(*) AS written`;

/** load(): removes SAID / ABOUT / FROM_SOURCE links of the statements in $rows that no longer hold. */
export const DELETE_STALE_STATEMENT_LINKS = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})-[link:SAID|ABOUT|FROM_SOURCE]-(x)
WITH link, CASE type(link)
    WHEN 'SAID' THEN x.id = coalesce(row.speakerId, '')
    WHEN 'ABOUT' THEN x.id IN row.aboutIds
    ELSE x.id = row.sourceId
  END AS keep
WHERE NOT keep
DELETE link
RETURN count(*) AS deleted`;

/** load(): (:Entity)-[:SAID]->(:Statement), one row per statement with a speaker. */
export const MERGE_SAID_LINKS = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
MATCH (s:Statement {id: row.statementId})
MERGE (e)-[:SAID]->(s)
RETURN count(*) AS written`;

/** load(): (:Statement)-[:ABOUT]->(:Entity), one row per statement and entity it is about. */
export const MERGE_ABOUT_LINKS = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId})
MATCH (e:Entity {id: row.entityId})
MERGE (s)-[:ABOUT]->(e)
RETURN count(*) AS written`;

/** load(): (:Statement)-[:FROM_SOURCE]->(:Source), one row per statement. */
export const MERGE_FROM_SOURCE_LINKS = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.statementId})
MATCH (src:Source {id: row.sourceId})
MERGE (s)-[:FROM_SOURCE]->(src)
RETURN count(*) AS written`;

/** load(): which of $ids are entities already in the database (references from the dataset). */
export const EXISTING_ENTITY_IDS = 'MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id';

/** load(): which of $ids are sources already in the database. */
export const EXISTING_SOURCE_IDS = 'MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id';

/** load(): which of $ids are statements already in the database. */
export const EXISTING_STATEMENT_IDS = 'MATCH (s:Statement) WHERE s.id IN $ids RETURN s.id AS id';
