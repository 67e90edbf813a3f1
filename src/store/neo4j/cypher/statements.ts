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

/** findStatements (schema `Query.statements`): both filters optional (null), combined with AND. */
export const FIND_STATEMENTS = `
MATCH (s:Statement)
WHERE ($speakerId IS NULL OR s.speakerId = $speakerId)
  AND ($aboutId IS NULL OR $aboutId IN s.aboutIds)
RETURN s
ORDER BY s.date IS NULL, s.date, s.id`;
