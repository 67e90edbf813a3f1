/**
 * Search (schema `Query.search`, `Query.searchEntities`, `Query.searchStatements`): these queries
 * only gather candidates, a superset of the matches; the domain (src/domain/search.ts) scores and
 * orders them, exactly as the embedded store does, so both stores give the same hits.
 *
 * Entities come from two indexes: the TEXT index on `searchText` (folded names and aliases) for the
 * substring tiers, and the FULLTEXT index on `searchWords` (every folded word of the name, aliases
 * and description) for the word tiers, queried with `luceneQuery` below.
 */
import { MatchTier, queryWords, SEARCH_TEXT_SEPARATOR, type QueryWord } from '../../../domain/index.js';

/** The full-text index behind the word tiers of entity search. */
export const ENTITY_WORDS_INDEX = 'entity_search_words';
/** The full-text index behind statement search. */
export const STATEMENT_WORDS_INDEX = 'statement_search_words';

/**
 * The best $first substring-tier hits (src/domain/search.ts: EXACT to SUBSTRING on a name or an
 * alias) among entities of $kinds, in the domain's order, ranked by Neo4j so that only the page
 * leaves it. Every substring-tier hit outscores every word-tier hit, so when this gives $first rows
 * they are the answer's entities (the domain scores them); fewer, and the word tiers count too
 * (SEARCH_ENTITY_CANDIDATES).
 *
 * An entity's level is its best key's tier times two, plus one when that key is an alias's: the
 * domain's score order. `searchText` holds the name's key first (even when empty), then the
 * aliases' keys, and the name's key is the domain's first tie-breaker (then the id, both in
 * code-point order, as ORDER BY compares strings). $wordStart is ' ' + $text.
 */
export const SEARCH_ENTITY_SUBSTRING_PAGE = `
MATCH (n:Entity) WHERE n.searchText CONTAINS $text AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n, split(n.searchText, '${SEARCH_TEXT_SEPARATOR}') AS keys
WITH n, keys[0] AS sortName, [i IN range(0, size(keys) - 1) |
  CASE
    WHEN keys[i] = $text THEN ${2 * MatchTier.EXACT}
    WHEN keys[i] STARTS WITH $text THEN ${2 * MatchTier.PREFIX}
    WHEN keys[i] CONTAINS $wordStart THEN ${2 * MatchTier.WORD_PREFIX}
    WHEN keys[i] CONTAINS $text THEN ${2 * MatchTier.SUBSTRING}
    ELSE ${2 * MatchTier.WORDS}
  END + CASE WHEN i = 0 THEN 0 ELSE 1 END] AS levels
WITH n, sortName, reduce(best = ${2 * MatchTier.WORDS}, level IN levels | CASE WHEN level < best THEN level ELSE best END) AS level
ORDER BY level, sortName, n.id
LIMIT $first
RETURN n`;

/**
 * Entities of $kinds (null: every kind) whose folded names contain $text (substring tiers), or
 * whose words match the Lucene query $words (word tiers). Unordered: the domain ranks them.
 */
export const SEARCH_ENTITY_CANDIDATES = `
CALL () {
  MATCH (n:Entity) WHERE n.searchText CONTAINS $text RETURN n
  UNION
  CALL db.index.fulltext.queryNodes('${ENTITY_WORDS_INDEX}', $words) YIELD node RETURN node AS n
}
WITH n WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN n`;

/**
 * Statements (as `s`) whose words match the Lucene query $words, said by $speakerId (null: anyone)
 * on a day from $from to $to (null: open; either given leaves undated statements out): a superset
 * of the hits of a statement search.
 */
const STATEMENT_CANDIDATES = `
CALL db.index.fulltext.queryNodes('${STATEMENT_WORDS_INDEX}', $words) YIELD node AS s
WITH s
WHERE ($speakerId IS NULL OR s.speakerId = $speakerId)
  AND ($from IS NULL OR s.date >= $from)
  AND ($to IS NULL OR s.date <= $to)`;

/**
 * The best $first statement hits of the PHRASE and WORDS tiers (src/domain/search.ts:
 * matchStatementEntry) in the domain's order, ranked by Neo4j so that only the page leaves it (a
 * common word is in thousands of statements). Both tiers outscore every FUZZY hit, so when this
 * gives $first rows they are the answer's statements (the domain scores them); fewer, and fuzzy
 * hits count too (SEARCH_STATEMENT_CANDIDATE_TEXTS). Parameters: statementPageParams, plus the
 * candidates' filters.
 *
 * A PHRASE: the folded text, spaced, holds $phrase. WORDS: every query word is a
 * word of the text or, when it may, starts one. Within a tier: by date, undated last (as ORDER BY
 * puts nulls), then id, in code-point order as ORDER BY compares strings.
 */
export const SEARCH_STATEMENT_PAGE = `
${STATEMENT_CANDIDATES}
WITH s, ' ' + s.searchText + ' ' AS spaced
WITH s, CASE
    WHEN spaced CONTAINS $phrase THEN 0
    WHEN all(q IN $queryWords WHERE any(w IN split(s.searchWords, ' ') WHERE w = q.text OR (q.prefix AND w STARTS WITH q.text))) THEN 1
  END AS level
WHERE level IS NOT NULL
ORDER BY level, s.date, s.id
LIMIT $first
RETURN s`;

/**
 * SEARCH_STATEMENT_PAGE's view of a folded query: the phrase as the spaced text must hold it (a
 * word boundary after it only when its last word may not start a word), and the words with
 * whether each may start a word.
 */
export function statementPageParams(normalizedQuery: string): { phrase: string; queryWords: { text: string; prefix: boolean }[] } {
  const words = queryWords(normalizedQuery);
  return {
    phrase: words[words.length - 1]?.prefix ? ` ${normalizedQuery}` : ` ${normalizedQuery} `,
    queryWords: words.map(({ text, prefix }) => ({ text, prefix })),
  };
}

/**
 * The version of the folded search keys a database holds (its one SearchKeys node; none: written
 * before it was kept). See src/store/neo4j/search-keys.ts.
 */
export const SEARCH_KEYS_VERSION_OF = `MATCH (k:SearchKeys {name: 'graph'}) RETURN k.version AS version`;

export const SET_SEARCH_KEYS_VERSION = `
MERGE (k:SearchKeys {name: 'graph'})
SET k.version = $version
RETURN count(*) AS written`;

/** Entities by id after $after, $limit at a time, with what their search keys are folded from. */
export const ENTITY_SEARCH_KEYS_PAGE = `
MATCH (n:Entity) WHERE n.id > $after
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases, n.description AS description,
  n.searchText AS searchText, n.searchWords AS searchWords
ORDER BY n.id
LIMIT $limit`;

/** Only where the entity is still the one folded: one rewritten meanwhile has its own keys. */
export const SET_ENTITY_SEARCH_KEYS = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.name = row.name AND coalesce(n.aliases, []) = row.aliases AND coalesce(n.description, '') = coalesce(row.description, '')
SET n.searchText = row.searchText, n.searchWords = row.searchWords
RETURN count(*) AS written`;

/** Statements by id after $after, $limit at a time, with their text and search keys. */
export const STATEMENT_SEARCH_KEYS_PAGE = `
MATCH (s:Statement) WHERE s.id > $after
RETURN s.id AS id, coalesce(s.text, '') AS text, s.searchText AS searchText, s.searchWords AS searchWords
ORDER BY s.id
LIMIT $limit`;

/** Only where the text is still the one folded: a statement rewritten meanwhile has its own keys. */
export const SET_STATEMENT_SEARCH_KEYS = `
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})
WHERE coalesce(s.text, '') = row.text
SET s.searchText = row.searchText, s.searchWords = row.searchWords
RETURN count(*) AS written`;

/**
 * The candidates of a statement search (STATEMENT_CANDIDATES), unordered, as ranking reads them
 * (id, date, folded text), not the statements, which would be thousands of nodes sent for a
 * common word with a typo.
 */
export const SEARCH_STATEMENT_CANDIDATE_TEXTS = `
${STATEMENT_CANDIDATES}
RETURN s.id AS id, s.date AS date, coalesce(s.searchText, '') AS searchText`;

/**
 * The Lucene query that finds every node where each query word matches some indexed word as the
 * domain's `wordDistance` allows: the word itself, a word it starts (`word*`, 3+ characters), or one
 * within its typo budget (`word~1`, `word~2`; Lucene's fuzzy query counts Damerau edits as the
 * domain does). Every word is required (`+`). Folded words hold letters and digits only, but are
 * escaped all the same. Caveat: Lucene expands a fuzzy term to its 50 closest indexed words at most.
 */
export function luceneQuery(normalizedQuery: string): string {
  return queryWords(normalizedQuery).map((word) => `+(${wordClauses(word).join(' OR ')})`).join(' ');
}

function wordClauses(word: QueryWord): string[] {
  const term = escapeLucene(word.text);
  const clauses = [term];
  if (word.prefix) clauses.push(`${term}*`);
  if (word.typos > 0) clauses.push(`${term}~${word.typos}`);
  return clauses;
}

/** Backslash before every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}
