/**
 * The production store: the GraphStore port over Neo4j 5.26 (see graph-model.ts for the layout).
 * Every query runs through the Executor; every Cypher text lives in ./cypher.
 */
import neo4j from 'neo4j-driver';
import {
  rankSearchResults,
  rankStatements,
  type StatementMatch,
  type Dataset,
  type Direction,
  type EntityKind,
  type EntityRecord,
  type SearchMatch,
  type SourceRecord,
  type StatementRecord,
} from '../../domain/index.js';
import type {
  GraphCounts,
  GraphStore,
  NeighborhoodQuery,
  PathQuery,
  PathResult,
  ReadOptions,
  RelationsQuery,
  RelationView,
  SearchQuery,
  StatementFilter,
  StatementSearchQuery,
  SubgraphResult,
} from '../graph-store.js';
import { waitUntilReachable } from './connect.js';
import { COUNTS, PING } from './cypher/admin.js';
import { luceneQuery, SEARCH_ENTITY_CANDIDATES, SEARCH_STATEMENT_CANDIDATES } from './cypher/search.js';
import { EXPORT_ENTITIES, EXPORT_RELATIONS, EXPORT_SOURCES, EXPORT_STATEMENTS } from './cypher/export.js';
import { ENTITIES_BY_IDS, LIST_ENTITIES, LIST_SOURCES, SOURCES_BY_IDS, STATEMENTS_BY_IDS } from './cypher/lookups.js';
import { relationsOfCypher } from './cypher/relations.js';
import {
  FIND_STATEMENTS,
  STATEMENTS_ABOUT,
  STATEMENTS_BY_SPEAKERS,
  STATEMENTS_FROM_SOURCES,
} from './cypher/statements.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, driverConfig, Executor } from './executor.js';
import { SYMMETRIC_TYPES } from './graph-model.js';
import { loadDataset, type LoadProgress } from './load.js';
import {
  entityFromNode,
  relationFromRelationship,
  relationViewFromRow,
  sourceFromNode,
  statementFromNode,
  toNumber,
  type Row,
} from './mapping.js';
import { runMigrations } from './migrations.js';
import { neighborhoodIn, shortestPathIn } from './traversal.js';

export interface Neo4jStoreOptions {
  uri: string;
  /** No username: no authentication (auth disabled on the server). */
  username?: string;
  password?: string;
  /** The server's default database when absent. */
  database?: string;
  /** How long start-up waits for the server to answer (default 30 000 ms). */
  connectTimeoutMs?: number;
  /**
   * Every read's deadline when its caller gives no earlier one (REQUEST_TIMEOUT_MS; default
   * 10 000 ms). The driver's pool, connection and retry timeouts are derived from it (executor.ts).
   */
  requestTimeoutMs?: number;
  /** The driver's connection pool size (default 50). */
  maxConnectionPoolSize?: number;
  log?: (msg: string) => void;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/**
 * The budget of counts(), which start-up (seeding) and logs use, not requests: on a freshly
 * started Neo4j its first plan alone may take longer than a request's deadline.
 */
const ADMIN_READ_TIMEOUT_MS = 60_000;

/** The budget of exportDataset() when its caller gives no deadline: a whole graph takes a while. */
const EXPORT_TIMEOUT_MS = 600_000;

/** Connects (retrying until connectTimeoutMs), runs the migrations, and returns the store. */
export async function createNeo4jStore(options: Neo4jStoreOptions): Promise<GraphStore> {
  const { uri, username, password, database } = options;
  const log = options.log ?? (() => {});
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  // Without a token the driver sends the 'none' scheme (neo4j-driver 6 types lack auth.none()).
  const auth = username ? neo4j.auth.basic(username, password ?? '') : undefined;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!Number.isFinite(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new RangeError(`requestTimeoutMs must be a positive number of milliseconds; got ${requestTimeoutMs}.`);
  }
  const driver = neo4j.driver(
    uri,
    auth,
    driverConfig({ requestTimeoutMs, maxConnectionPoolSize: options.maxConnectionPoolSize }),
  );
  try {
    await waitUntilReachable(driver, { uri, database, timeoutMs: connectTimeoutMs, log });
    const executor = new Executor(driver, { database, uri, requestTimeoutMs });
    await runMigrations(executor, log);
    return new Neo4jStore(executor, () => driver.close());
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
}

const DIRECTIONS_KEPT: Readonly<Record<Direction, readonly Direction[]>> = {
  OUT: ['OUT', 'BOTH'],
  IN: ['IN', 'BOTH'],
  BOTH: ['OUT', 'IN', 'BOTH'],
};

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j';

  constructor(
    private readonly executor: Executor,
    private readonly closeDriver: () => Promise<void>,
  ) {}

  async entitiesByIds(ids: readonly string[], options?: ReadOptions): Promise<(EntityRecord | null)[]> {
    return this.byIds(ENTITIES_BY_IDS, ids, (row) => entityFromNode(row['n']), options);
  }

  async statementsByIds(ids: readonly string[], options?: ReadOptions): Promise<(StatementRecord | null)[]> {
    return this.byIds(STATEMENTS_BY_IDS, ids, (row) => statementFromNode(row['s']), options);
  }

  async sourcesByIds(ids: readonly string[], options?: ReadOptions): Promise<(SourceRecord | null)[]> {
    return this.byIds(SOURCES_BY_IDS, ids, (row) => sourceFromNode(row['s']), options);
  }

  async relationsOf(
    entityIds: readonly string[],
    { filter, direction }: RelationsQuery,
    options?: ReadOptions,
  ): Promise<RelationView[][]> {
    const query = relationsOfCypher(filter);
    return this.perKey(
      query.text,
      entityIds,
      {
        ...query.params,
        symmetricTypes: SYMMETRIC_TYPES,
        directions: DIRECTIONS_KEPT[direction],
      },
      relationViewFromRow,
      options,
    );
  }

  async statementsBySpeakers(speakerIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    return this.perKey(STATEMENTS_BY_SPEAKERS, speakerIds, {}, (row) => statementFromNode(row['s']), options);
  }

  async statementsAbout(entityIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    return this.perKey(STATEMENTS_ABOUT, entityIds, {}, (row) => statementFromNode(row['s']), options);
  }

  async statementsFromSources(sourceIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    return this.perKey(STATEMENTS_FROM_SOURCES, sourceIds, {}, (row) => statementFromNode(row['s']), options);
  }

  async listEntities(kinds: readonly EntityKind[] | null, options?: ReadOptions): Promise<EntityRecord[]> {
    const rows = await this.executor.readRows(LIST_ENTITIES, { kinds: kinds === null ? null : [...kinds] }, options);
    // Cypher's ORDER BY n.name, n.id is code-point order, the same as the domain's compareText.
    return rows.map((row) => entityFromNode(row['n']));
  }

  async listSources(options?: ReadOptions): Promise<SourceRecord[]> {
    const rows = await this.executor.readRows(LIST_SOURCES, {}, options);
    return rows.map((row) => sourceFromNode(row['s']));
  }

  async findStatements({ speakerId, aboutId }: StatementFilter, options?: ReadOptions): Promise<StatementRecord[]> {
    const rows = await this.executor.readRows(FIND_STATEMENTS, { speakerId, aboutId }, options);
    return rows.map((row) => statementFromNode(row['s']));
  }

  async search({ text, kinds, first }: SearchQuery, options?: ReadOptions): Promise<SearchMatch[]> {
    const rows = await this.executor.readRows(
      SEARCH_ENTITY_CANDIDATES,
      { text, words: luceneQuery(text), kinds: kinds === null ? null : [...kinds] },
      options,
    );
    // The candidates are a superset; the domain scores and orders them as the embedded store does.
    return rankSearchResults(
      rows.map((row) => entityFromNode(row['n'])),
      text,
      first,
    );
  }

  async searchStatements({ text, first, speakerId, window }: StatementSearchQuery, options?: ReadOptions): Promise<StatementMatch[]> {
    const rows = await this.executor.readRows(
      SEARCH_STATEMENT_CANDIDATES,
      { words: luceneQuery(text), speakerId, from: window?.from ?? null, to: window?.to ?? null },
      options,
    );
    return rankStatements(
      rows.map((row) => statementFromNode(row['s'])),
      text,
      first,
    );
  }

  async neighborhood(centreId: string, query: NeighborhoodQuery, options?: ReadOptions): Promise<SubgraphResult | null> {
    return this.executor.read((tx) => neighborhoodIn(tx, centreId, query), options);
  }

  async shortestPath(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult | null> {
    return this.executor.read((tx) => shortestPathIn(tx, fromId, toId, query), options);
  }

  async load(dataset: Dataset, onProgress?: LoadProgress): Promise<void> {
    await this.executor.write((tx) => loadDataset(tx, dataset, onProgress));
  }

  async exportDataset(options?: ReadOptions): Promise<Dataset> {
    // One read transaction, so the four sections are one snapshot of the graph. An export is not a
    // request: without a caller's deadline it gets the admin budget, not the request timeout.
    const read = { timeoutMs: EXPORT_TIMEOUT_MS, ...options };
    return this.executor.read(async (tx) => {
      const rows = (cypher: string, params: Record<string, unknown> = {}) => tx.run(cypher, params);
      const sources = (await rows(EXPORT_SOURCES)).map((row) => sourceFromNode(row['s']));
      const entities = (await rows(EXPORT_ENTITIES)).map((row) => entityFromNode(row['n']));
      const relations = (await rows(EXPORT_RELATIONS.text, EXPORT_RELATIONS.params)).map((row) =>
        relationFromRelationship(row['r'], row['fromId'], row['toId']),
      );
      const statements = (await rows(EXPORT_STATEMENTS)).map((row) => statementFromNode(row['s']));
      return { sources, entities, relations, statements };
    }, read);
  }

  async counts(): Promise<GraphCounts> {
    // Start-up and logs, not requests: a cold server may take long to plan it (see ADMIN_READ_TIMEOUT_MS).
    const [row] = await this.executor.readRows(COUNTS.text, COUNTS.params, { timeoutMs: ADMIN_READ_TIMEOUT_MS });
    const count = (key: string) => toNumber(row?.[key], `the ${key} count`);
    return {
      entities: count('entities'),
      relations: count('relations'),
      statements: count('statements'),
      sources: count('sources'),
    };
  }

  async ping(options?: ReadOptions): Promise<void> {
    await this.executor.readRows(PING, {}, options);
  }

  // Not yet implemented on this store: the claims-and-events work replaces these.
  paths(): Promise<never> { return Promise.reject(new Error('paths: not implemented yet')); }
  entitiesPage(): Promise<never> { return Promise.reject(new Error('entitiesPage: not implemented yet')); }
  statementsPage(): Promise<never> { return Promise.reject(new Error('statementsPage: not implemented yet')); }
  findEvents(): Promise<never> { return Promise.reject(new Error('findEvents: not implemented yet')); }
  timeline(): Promise<never> { return Promise.reject(new Error('timeline: not implemented yet')); }
  factsSupportedBy(): Promise<never> { return Promise.reject(new Error('factsSupportedBy: not implemented yet')); }
  near(): Promise<never> { return Promise.reject(new Error('near: not implemented yet')); }

  async close(): Promise<void> {
    await this.closeDriver();
  }

  /** One result per requested id, in order, null when unknown (rows carry the id as `<field>.id`). */
  private async byIds<T extends { readonly id: string }>(
    cypher: string,
    ids: readonly string[],
    map: (row: Row) => T,
    options: ReadOptions | undefined,
  ): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.readRows(cypher, { ids: [...new Set(ids)] }, options);
    const found = new Map(rows.map((row) => {
      const record = map(row);
      return [record.id, record] as const;
    }));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** For each requested key, its rows in query order (queries return `key` and order by it first). */
  private async perKey<T>(
    cypher: string,
    keys: readonly string[],
    params: Readonly<Record<string, unknown>>,
    map: (row: Row) => T,
    options: ReadOptions | undefined,
  ): Promise<T[][]> {
    if (keys.length === 0) return [];
    const rows = await this.executor.readRows(cypher, { ...params, ids: [...new Set(keys)] }, options);
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const key = String(row['key']);
      const list = grouped.get(key);
      if (list) list.push(map(row));
      else grouped.set(key, [map(row)]);
    }
    // A fresh array per position, so callers asking twice for one key get independent lists.
    return keys.map((key) => [...(grouped.get(key) ?? [])]);
  }
}
