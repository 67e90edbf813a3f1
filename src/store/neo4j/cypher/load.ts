/**
 * load(dataset): every statement takes a batch in $rows, MERGEs by id and replaces all properties
 * (`SET x = row.props`: a property left out, i.e. a null field, is removed), so loading the same
 * dataset again changes nothing and a changed record is updated. Each returns the rows it wrote, so
 * the loader can roll back when a reference does not resolve.
 *
 * Relationship types cannot be parameters where the planner should use an index (a dynamic
 * `$(row.type)` in MERGE was planned as a scan of all relationships per row), so relation queries
 * come one per vocabulary type, the type written into the text by cypherPerRelationType, which
 * lets nothing but a vocabulary name through.
 */
import { cypherPerRelationType } from '../graph-model.js';

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
 * load(), first of all: writes the one LoadLock node ($loadId: a fresh id per load), which holds
 * its write lock until the load commits or rolls back. A second load into the same database waits
 * here, so the loader's "look up, then create" of relations cannot race another load's.
 */
export const LOCK_LOADS = `
MERGE (l:LoadLock {name: 'graph'})
SET l.lastLoadId = $loadId, l.lastLoadAt = datetime()
RETURN count(*) AS written`;

/**
 * load(): how many relationships of each relation type the database holds (count store, no scan).
 * A relation id not found under its own type is looked up under the other types that hold any.
 */
export const RELATION_TYPE_COUNTS = Object.entries(
  cypherPerRelationType((type) => `MATCH ()-[r:${type}]->() RETURN '${type}' AS type, count(r) AS n`),
)
  .map(([, cypher]) => cypher)
  .join('\nUNION ALL\n');

/**
 * load(), per relation type: the stored relationships of that type whose id is in $ids, with
 * their ends (plan: DirectedRelationshipIndexSeek on relation_id_<type>, no expansion of a hub).
 */
export const STORED_RELATIONS = cypherPerRelationType((type) => `
UNWIND $ids AS id
MATCH (a)-[r:${type} {id: id}]->(b)
RETURN id, a.id AS from, b.id AS to`);

/** load(), per relation type: deletes the relationships with an id in $ids (a relation that moved). */
export const DELETE_RELATIONS = cypherPerRelationType((type) => `
UNWIND $ids AS id
MATCH ()-[r:${type} {id: id}]->()
DELETE r
RETURN count(*) AS written`);

/** load(), per relation type: replaces the properties of stored relations with the same type and ends. */
export const UPDATE_RELATIONS = cypherPerRelationType((type) => `
UNWIND $rows AS row
MATCH ()-[r:${type} {id: row.id}]->()
SET r = row.props
RETURN count(*) AS written`);

/**
 * load(), per relation type: creates the relations not stored yet (the loader has looked them up,
 * under the LoadLock, so none exists). Each end by its unique id (NodeUniqueIndexSeek).
 */
export const CREATE_RELATIONS = cypherPerRelationType((type) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props
RETURN count(*) AS written`);

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

/**
 * commit() with removals: the relations, events and statements that refer to a removed entity,
 * statement or source ($entities, $statements, $sources; $needles: each removed id as a JSON
 * string, as attributionsJson holds it). A superset: the domain's reference check
 * (referencesToRemoved) words the problems from the records. These scan relationships, events and
 * statements: removals come with merges, which are rare; loads and reads never run them.
 */
export const RELATIONS_REFERRING_TO = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IS NOT NULL AND r.attributionsJson IS NOT NULL
  AND (a.id IN $entities OR b.id IN $entities OR r.sourceId IN $sources
       OR any(s IN r.statementIds WHERE s IN $statements)
       OR any(x IN $needles WHERE r.attributionsJson CONTAINS x))
RETURN r, a.id AS fromId, b.id AS toId`;

export const EVENTS_REFERRING_TO = `
MATCH (n:Event)
WHERE NOT n.id IN $entities AND any(x IN $needles WHERE n.attributionsJson CONTAINS x)
RETURN n`;

export const STATEMENTS_REFERRING_TO = `
MATCH (s:Statement)
WHERE NOT s.id IN $statements
  AND (s.speakerId IN $entities OR s.reportedViaId IN $entities OR s.sourceId IN $sources
       OR any(e IN s.aboutIds WHERE e IN $entities))
RETURN s`;

/** commit(): removes statements by id, with their SAID, ABOUT and FROM_SOURCE links. */
export const DELETE_STATEMENTS = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})
DETACH DELETE s
RETURN count(*) AS deleted`;

/** commit(): removes entities by id (once nothing that stays refers to them), with their remaining links. */
export const DELETE_ENTITIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n
RETURN count(*) AS deleted`;

/** commit(): removes sources by id (once no statement or attribution that stays rests on them). */
export const DELETE_SOURCES = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
DETACH DELETE s
RETURN count(*) AS deleted`;
