/**
 * The folded search keys every entity and statement keeps (mapping.ts: `searchText`,
 * `searchWords`), brought up to date at start-up in a database an earlier version wrote: there,
 * statements have no `searchText` (phrase search reads it), and an entity whose name folds to
 * nothing has its aliases' key where its name's should be first. Cypher cannot fold (folding
 * transliterates), so the keys are read a batch at a time, folded by the domain, and written back
 * where they differ. The database's SearchKeys node keeps the version of the keys it holds, so
 * this reads everything once per database, not at every start.
 */
import neo4j from 'neo4j-driver';
import {
  ENTITY_SEARCH_KEYS_PAGE,
  SEARCH_KEYS_VERSION_OF,
  SET_ENTITY_SEARCH_KEYS,
  SET_SEARCH_KEYS_VERSION,
  SET_STATEMENT_SEARCH_KEYS,
  STATEMENT_SEARCH_KEYS_PAGE,
} from './cypher/search.js';
import type { Executor } from './executor.js';
import { entitySearchKeys, statementSearchKeys, toNumber, type Row, type SearchKeys } from './mapping.js';

/** 2: statements keep `searchText`; an entity's `searchText` starts with its name's key. */
export const SEARCH_KEYS_VERSION = 2;

const BATCH = 5_000;

export async function bringSearchKeysUpToDate(executor: Executor, log: (msg: string) => void): Promise<void> {
  const [version] = await executor.readRows(SEARCH_KEYS_VERSION_OF);
  if (version !== undefined && version['version'] !== null && toNumber(version['version'], 'a version') >= SEARCH_KEYS_VERSION) return;
  const entities = await refold(executor, ENTITY_SEARCH_KEYS_PAGE, SET_ENTITY_SEARCH_KEYS, entityKeys);
  const statements = await refold(executor, STATEMENT_SEARCH_KEYS_PAGE, SET_STATEMENT_SEARCH_KEYS, statementKeys);
  await executor.writeRows(SET_SEARCH_KEYS_VERSION, { version: neo4j.int(SEARCH_KEYS_VERSION) });
  if (entities + statements > 0) {
    log(`Neo4j: folded the search keys of ${entities} entities and ${statements} statements that an earlier version wrote`);
  }
}

/** The row to write when the keys a row holds are not the ones folded from it, else null. */
type Refolded = (row: Row) => Record<string, unknown> | null;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const held = (row: Row, keys: SearchKeys) => row['searchText'] === keys.searchText && row['searchWords'] === keys.searchWords;

const entityKeys: Refolded = (row) => {
  const entity = {
    name: text(row['name']) ?? '',
    aliases: Array.isArray(row['aliases']) ? row['aliases'].map(String) : [],
    description: text(row['description']),
  };
  const keys = entitySearchKeys(entity);
  return held(row, keys) ? null : { id: row['id'], ...entity, ...keys };
};

const statementKeys: Refolded = (row) => {
  const statement = { text: text(row['text']) ?? '' };
  const keys = statementSearchKeys(statement);
  return held(row, keys) ? null : { id: row['id'], ...statement, ...keys };
};

/** Reads every row of `page` by id, and writes with `set` those whose keys differ; returns how many it wrote. */
async function refold(executor: Executor, page: string, set: string, refolded: Refolded): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const rows = await executor.readRows(page, { after, limit: neo4j.int(BATCH) });
    if (rows.length === 0) return written;
    after = String(rows[rows.length - 1]!['id']);
    const changed = rows.map(refolded).filter((row) => row !== null);
    if (changed.length === 0) continue;
    const [result] = await executor.writeRows(set, { rows: changed });
    written += toNumber(result?.['written'] ?? 0, 'a count');
  }
}
