/*
 * Statement queries. Every list is ordered by date, undated last, then id; the per-key queries
 * return `key` first in the order so the caller can group rows without sorting again.
 */

/** statementsBySpeakers (schema `Entity.statements`): what each entity in $ids said. */
export const STATEMENTS_BY_SPEAKERS = `
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:SAID]->(s:Statement)
RETURN key, s
ORDER BY key, s.date IS NULL, s.date, s.id`;

/** statementsAbout (schema `Entity.mentionedIn`): the statements about each entity in $ids. */
export const STATEMENTS_ABOUT = `
UNWIND $ids AS key
MATCH (s:Statement)-[:ABOUT]->(:Entity {id: key})
RETURN key, s
ORDER BY key, s.date IS NULL, s.date, s.id`;

/** statementsFromSources (schema `Source.statements`): the statements each source in $ids carries. */
export const STATEMENTS_FROM_SOURCES = `
UNWIND $ids AS key
MATCH (s:Statement)-[:FROM_SOURCE]->(:Source {id: key})
RETURN key, s
ORDER BY key, s.date IS NULL, s.date, s.id`;

/**
 * findStatements (schema `Query.statements`): both filters optional (null), combined with AND.
 * A given speaker or subject is the starting point (found by the id constraint's index) rather
 * than a scan of every statement.
 */
export const FIND_STATEMENTS = `
CALL (*) {
  WITH * WHERE $speakerId IS NOT NULL
  MATCH (:Entity {id: $speakerId})-[:SAID]->(s:Statement)
  RETURN s
  UNION
  WITH * WHERE $speakerId IS NULL AND $aboutId IS NOT NULL
  MATCH (s:Statement)-[:ABOUT]->(:Entity {id: $aboutId})
  RETURN s
  UNION
  WITH * WHERE $speakerId IS NULL AND $aboutId IS NULL
  MATCH (s:Statement)
  RETURN s
}
WITH s WHERE $aboutId IS NULL OR EXISTS { (s)-[:ABOUT]->(:Entity {id: $aboutId}) }
RETURN s
ORDER BY s.date IS NULL, s.date, s.id`;
