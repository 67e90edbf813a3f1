/** Migrations run by createNeo4jStore at start-up; every statement is idempotent (IF NOT EXISTS, IF EXISTS). */
import { RELATION_TYPE_NAMES } from '../../../domain/index.js';
import { checkedRelationType, cypherPerRelationType } from '../graph-model.js';

/** Entity ids are unique (also the index behind every entity lookup by id). */
export const CREATE_ENTITY_ID_CONSTRAINT =
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE';

/** Statement ids are unique (statementsByIds, load). */
export const CREATE_STATEMENT_ID_CONSTRAINT =
  'CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE';

/** Source ids are unique (sourcesByIds, load). */
export const CREATE_SOURCE_ID_CONSTRAINT =
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE';

/**
 * load(): one range index on the relation id per relation type (`relation_id_<type>`), so the
 * loader finds a stored relation by id with an index seek (plan: DirectedRelationshipIndexSeek)
 * instead of scanning the relationships of its ends, which for a hub are thousands.
 */
export const CREATE_RELATION_ID_INDEXES = cypherPerRelationType(
  (type) => `CREATE INDEX relation_id_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
);

/** load(): one LoadLock node at most (MERGE on it is then safe between concurrent loads). */
export const CREATE_LOAD_LOCK_CONSTRAINT =
  'CREATE CONSTRAINT load_lock_name IF NOT EXISTS FOR (n:LoadLock) REQUIRE n.name IS UNIQUE';

/** One SearchKeys node at most (search-keys.ts: servers starting together MERGE it). */
export const CREATE_SEARCH_KEYS_CONSTRAINT =
  'CREATE CONSTRAINT search_keys_name IF NOT EXISTS FOR (n:SearchKeys) REQUIRE n.name IS UNIQUE';

/** search(): serves `n.searchText CONTAINS $text` (plan: NodeIndexContainsScan). */
export const CREATE_ENTITY_SEARCH_TEXT_INDEX =
  'CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)';

/**
 * A fulltext index over names and aliases that earlier versions created and no query used (search()
 * reads `entity_search_words`); dropped, so that writing an entity no longer updates it.
 */
export const DROP_UNUSED_ENTITY_NAMES_INDEX = 'DROP INDEX entity_names IF EXISTS';

/**
 * search() and searchStatements(): the word tiers (src/domain/search.ts), over `searchWords`, every
 * folded word of the record once. Folded words are already lower-case letters and digits split by
 * spaces, so the whitespace analyzer keeps them exactly as the domain compares them.
 */
export const CREATE_ENTITY_SEARCH_WORDS_INDEX =
  "CREATE FULLTEXT INDEX entity_search_words IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchWords] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }";
export const CREATE_STATEMENT_SEARCH_WORDS_INDEX =
  "CREATE FULLTEXT INDEX statement_search_words IF NOT EXISTS FOR (n:Statement) ON EACH [n.searchWords] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }";

const EVERY_RELATION = { pattern: `()-[r:${RELATION_TYPE_NAMES.map(checkedRelationType).join('|')}]-()`, variable: 'r' };
const EVENTS = { pattern: '(n:Event)', variable: 'n' };

/** A fulltext index of ids (the keyword analyser keeps each whole) over a list property. */
function keywordIndex(name: string, of: { readonly pattern: string; readonly variable: string }, property: string): string {
  return `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR ${of.pattern} ON EACH [${of.variable}.${property}] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'keyword' } }`;
}

/**
 * factsSupportedBy (`Statement.supports`): the facts whose `supportStatementIds` hold a statement
 * id, found by index rather than by reading every relationship for each id (a page of 100
 * statements at 100k relations ran into the 10 s limit). The keyword analyzer keeps each id whole.
 * The relationship index names every relation type of the vocabulary; a new type needs an index
 * of a new name (test/integration/neo4j-store.test.ts compares them).
 */
export const RELATION_SUPPORT_INDEX = 'relation_support';
export const EVENT_SUPPORT_INDEX = 'event_support';
export const CREATE_RELATION_SUPPORT_INDEX = keywordIndex(RELATION_SUPPORT_INDEX, EVERY_RELATION, 'supportStatementIds');
export const CREATE_EVENT_SUPPORT_INDEX = keywordIndex(EVENT_SUPPORT_INDEX, EVENTS, 'supportStatementIds');

/**
 * timeline of one entity: the relations and events it made claims of (`attributionClaimantIds`,
 * one entry per attribution), found by index rather than by reading every relationship and event.
 * Like the support indexes: keyword analyser, every relation type of the vocabulary.
 */
export const RELATION_CLAIMANTS_INDEX = 'relation_claimants';
export const EVENT_CLAIMANTS_INDEX = 'event_claimants';
export const CREATE_RELATION_CLAIMANTS_INDEX = keywordIndex(RELATION_CLAIMANTS_INDEX, EVERY_RELATION, 'attributionClaimantIds');
export const CREATE_EVENT_CLAIMANTS_INDEX = keywordIndex(EVENT_CLAIMANTS_INDEX, EVENTS, 'attributionClaimantIds');

/**
 * timeline over every fact: the relations whose time (`timeEarliest`, `timeLatest`) or whose
 * attributions' days (`attributionSaidOn`) fall where a page can reach, found by a Lucene range
 * query (`cypher/facts.ts`, `timelineRanges`) rather than by reading every relationship. The
 * keyword analyser keeps each day whole, and days in ISO form sort as text sorts.
 */
export const RELATION_TIMELINE_INDEX = 'relation_timeline';
export const CREATE_RELATION_TIMELINE_INDEX = `CREATE FULLTEXT INDEX ${RELATION_TIMELINE_INDEX} IF NOT EXISTS FOR ${EVERY_RELATION.pattern} ON EACH [r.timeEarliest, r.timeLatest, r.attributionSaidOn] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'keyword' } }`;

/** timeline: the statements said between two days (a range seek). */
export const CREATE_STATEMENT_DATE_INDEX = 'CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)';

/** near(): serves `point.distance(p.location, c.location) <= $meters` over places' WGS-84 points. */
export const CREATE_ENTITY_LOCATION_POINT_INDEX =
  'CREATE POINT INDEX entity_location IF NOT EXISTS FOR (n:Entity) ON (n.location)';

/** findEvents, timeline: events by their earliest day (the order of both lists, and window bounds). */
export const CREATE_EVENT_TIME_INDEX =
  'CREATE INDEX event_time IF NOT EXISTS FOR (n:Event) ON (n.timeEarliest)';

/** Waits until every index is ONLINE; $timeoutSeconds must be an Integer (neo4j.int). */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes($timeoutSeconds)';

/** The journal (cypher/journal.ts): change ids and idempotency keys are unique. */
export const CREATE_CHANGE_ID_CONSTRAINT = 'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE';
export const CREATE_CHANGE_IDEMPOTENCY_KEY_CONSTRAINT =
  'CREATE CONSTRAINT change_idempotency_key IF NOT EXISTS FOR (c:Change) REQUIRE c.idempotencyKey IS UNIQUE';

/** changesOf(): one history node per record id, found by an index seek. */
export const CREATE_RECORD_HISTORY_ID_CONSTRAINT =
  'CREATE CONSTRAINT record_history_id IF NOT EXISTS FOR (h:RecordHistory) REQUIRE h.recordId IS UNIQUE';

/** documents(): a document is its kind and id. */
export const CREATE_DOCUMENT_KEY_CONSTRAINT =
  'CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE (d.kind, d.id) IS UNIQUE';
