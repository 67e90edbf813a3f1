/** The schema the store needs, created idempotently at every start-up (IF NOT EXISTS). */
import neo4j, { Neo4jError } from 'neo4j-driver';
import {
  AWAIT_INDEXES,
  CREATE_ENTITY_ID_CONSTRAINT,
  CREATE_ENTITY_LOCATION_POINT_INDEX,
  DROP_UNUSED_ENTITY_NAMES_INDEX,
  CREATE_LOAD_LOCK_CONSTRAINT,
  CREATE_SEARCH_KEYS_CONSTRAINT,
  CREATE_RELATION_ID_INDEXES,
  CREATE_ENTITY_SEARCH_TEXT_INDEX,
  CREATE_ENTITY_SEARCH_WORDS_INDEX,
  CREATE_EVENT_TIME_INDEX,
  CREATE_EVENT_SUPPORT_INDEX,
  CREATE_RELATION_SUPPORT_INDEX,
  CREATE_EVENT_CLAIMANTS_INDEX,
  CREATE_RELATION_CLAIMANTS_INDEX,
  CREATE_RELATION_TIMELINE_INDEX,
  CREATE_SOURCE_ID_CONSTRAINT,
  CREATE_STATEMENT_DATE_INDEX,
  CREATE_STATEMENT_SEARCH_WORDS_INDEX,
  CREATE_STATEMENT_ID_CONSTRAINT,
  CREATE_CHANGE_ID_CONSTRAINT,
  CREATE_CHANGE_IDEMPOTENCY_KEY_CONSTRAINT,
  CREATE_RECORD_HISTORY_ID_CONSTRAINT,
  CREATE_DOCUMENT_KEY_CONSTRAINT,
} from './cypher/schema.js';
import type { Executor } from './executor.js';
import { bringSearchKeysUpToDate } from './search-keys.js';

const MIGRATIONS: readonly string[] = [
  CREATE_ENTITY_ID_CONSTRAINT,
  CREATE_STATEMENT_ID_CONSTRAINT,
  CREATE_SOURCE_ID_CONSTRAINT,
  CREATE_ENTITY_SEARCH_TEXT_INDEX,
  CREATE_ENTITY_SEARCH_WORDS_INDEX,
  CREATE_STATEMENT_SEARCH_WORDS_INDEX,
  CREATE_LOAD_LOCK_CONSTRAINT,
  CREATE_SEARCH_KEYS_CONSTRAINT,
  CREATE_ENTITY_LOCATION_POINT_INDEX,
  CREATE_EVENT_TIME_INDEX,
  CREATE_RELATION_SUPPORT_INDEX,
  CREATE_EVENT_SUPPORT_INDEX,
  CREATE_RELATION_CLAIMANTS_INDEX,
  CREATE_EVENT_CLAIMANTS_INDEX,
  CREATE_RELATION_TIMELINE_INDEX,
  CREATE_STATEMENT_DATE_INDEX,
  ...Object.values(CREATE_RELATION_ID_INDEXES),
  CREATE_CHANGE_ID_CONSTRAINT,
  CREATE_CHANGE_IDEMPOTENCY_KEY_CONSTRAINT,
  CREATE_RECORD_HISTORY_ID_CONSTRAINT,
  CREATE_DOCUMENT_KEY_CONSTRAINT,
];

/** Rules earlier versions made that this one no longer wants (each IF EXISTS). */
const DROPS: readonly string[] = [DROP_UNUSED_ENTITY_NAMES_INDEX];

const AWAIT_INDEXES_SECONDS = 300;

export async function runMigrations(executor: Executor, log: (msg: string) => void): Promise<void> {
  // One transaction each: Neo4j does not mix schema commands with one another's index population.
  for (const statement of MIGRATIONS) await createIfAbsent(executor, statement);
  for (const statement of DROPS) await executor.writeRows(statement);
  // Index population may take minutes on a big store: this read gets the procedure's budget.
  await executor.readRows(
    AWAIT_INDEXES,
    { timeoutSeconds: neo4j.int(AWAIT_INDEXES_SECONDS) },
    { timeoutMs: (AWAIT_INDEXES_SECONDS + 10) * 1000 },
  );
  log(`Neo4j schema ready (${MIGRATIONS.length} constraints and indexes)`);
  await bringSearchKeysUpToDate(executor, log);
}

/**
 * IF NOT EXISTS covers a rule that exists when the command runs, not one that another process
 * (a second server starting on the same database) creates at the same moment: that one fails with
 * EquivalentSchemaRuleAlreadyExists, and means the rule is there, which is all that is wanted.
 */
async function createIfAbsent(executor: Executor, statement: string): Promise<void> {
  try {
    await executor.writeRows(statement);
  } catch (error) {
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists') return;
    throw error;
  }
}
