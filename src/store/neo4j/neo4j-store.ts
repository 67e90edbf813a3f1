/**
 * The production store: the GraphStore port over Neo4j 5.26 (see graph-model.ts for the layout).
 * Every query runs through the Executor; every Cypher text lives in ./cypher.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import {
  compareText,
  rankSearchResults,
  type StatementMatch,
  type Attribution,
  type Dataset,
  type Direction,
  type EntityKind,
  type EntityName,
  type EntityRecord,
  type RelationRecord,
  type SearchMatch,
  type SourceRecord,
  type StatementRecord,
  type TimeWindow,
} from '../../domain/index.js';
import type {
  ChangeRecord,
  EventQuery,
  ReferringRecords,
  FactRef,
  GraphWrite,
  StoredDocument,
  GraphCounts,
  GraphStore,
  NearbyPlace,
  NeighborhoodQuery,
  Page,
  PageQuery,
  PathQuery,
  PathResult,
  ReadOptions,
  RelationFilter,
  RelationsQuery,
  EntityWithRelations,
  RelationView,
  SearchQuery,
  StatementFilter,
  StatementSearchQuery,
  SubgraphResult,
  TimelineEntry,
  TimelineEntryKind,
  TimelineQuery,
  NearQuery,
  TooManyItems,
  TooManyNodes,
} from '../graph-store.js';
import { TIMELINE_ENTRY_KINDS } from '../graph-store.js';
import { decodeCursor, encodeCursor, type CursorKey, type CursorList } from './cursor.js';
import { commitWrite } from './commit.js';
import {
  CHANGE_BY_IDEMPOTENCY_KEY,
  CHANGES_OF,
  COUNT_CHANGES_OF,
  DOCUMENTS_BY_IDS,
  DOCUMENTS_OF_KIND,
} from './cypher/journal.js';
import { ENTITY_TIMELINE_PAGE, FACTS_CITING_SOURCES, FACTS_SUPPORTED_BY, NEAR, TIMELINE_PAGE, timelineRanges } from './cypher/facts.js';
import { ENTITIES_PAGE, EVENTS_IN_PLACES, EVENTS_PAGE, STATEMENTS_PAGE, type PageCypher } from './cypher/pages.js';
import { waitUntilReachable } from './connect.js';
import { COUNTS, PING } from './cypher/admin.js';
import { luceneQuery, SEARCH_ENTITY_CANDIDATES, SEARCH_ENTITY_SUBSTRING_PAGE } from './cypher/search.js';
import { REFERRING_EVENTS, REFERRING_RELATIONS, REFERRING_STATEMENTS } from './cypher/referring.js';
import { EXPORT_ENTITIES, EXPORT_RELATIONS, EXPORT_SOURCES, EXPORT_STATEMENTS } from './cypher/export.js';
import { ENTITIES_BY_IDS, ENTITIES_UP_TO, ENTITY_NAMES, LIST_ENTITIES, LIST_SOURCES, RELATIONS_BY_IDS, SOURCES_BY_IDS, STATEMENTS_BY_IDS } from './cypher/lookups.js';
import { entitiesWithRelationsCypher, relationsOfCypher } from './cypher/relations.js';
import type { CypherQuery } from './cypher/relation-filter.js';
import {
  FIND_STATEMENTS,
  STATEMENTS_ABOUT,
  STATEMENTS_BY_SPEAKERS,
  STATEMENTS_FROM_SOURCES,
} from './cypher/statements.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, driverConfig, Executor, type QueryRunner } from './executor.js';
import { SYMMETRIC_TYPES } from './graph-model.js';
import { loadDataset, type LoadProgress } from './load.js';
import {
  entityFromNode,
  entityNameFromRow,
  relationFromRelationship,
  relationFromRow,
  relationViewFromRow,
  sourceFromNode,
  statementFromNode,
  toNumber,
  type Row,
} from './mapping.js';
import { runMigrations } from './migrations.js';
import { timelineRows } from './timeline.js';
import { searchStatementsIn } from './statement-search.js';
import { neighborhoodIn, pathsIn, shortestPathIn } from './traversal.js';

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


/** A window as the page queries take it: $windowed, and its ends ($from / $to, null: open). */
function windowParams(window: TimeWindow | null): Record<string, unknown> {
  return { windowed: window !== null, from: window?.from ?? null, to: window?.to ?? null };
}

/** Great-circle metres as the port gives them: km rounded to 0.001 (the nearest metre). */
function roundedKm(meters: number): number {
  return Math.round(meters) / 1000;
}

/** A timeline entry's key: earliest, latest, the kind's rank, id, attribution index (cypher/facts.ts). */
const TIMELINE_KEY = ['s', 's', 'n', 's', 'n'] as const;

function timelineEntryFromRow(row: Row): TimelineEntry {
  const kind = row['kind'];
  if (!TIMELINE_ENTRY_KINDS.includes(kind as TimelineEntryKind)) throw new Error(`Neo4j returned timeline entry kind ${String(kind)}.`);
  const ai = toNumber(row['ai'], 'an attribution index');
  return {
    kind: kind as TimelineEntryKind,
    earliest: String(row['earliest']),
    latest: String(row['latest']),
    event: row['event'] === null ? null : entityFromNode(row['event']),
    relation: row['r'] === null ? null : relationFromRow(row),
    statement: row['statement'] === null ? null : statementFromNode(row['statement']),
    attributionIndex: ai < 0 ? null : ai,
  };
}

const DIRECTIONS_KEPT: Readonly<Record<Direction, readonly Direction[]>> = {
  OUT: ['OUT', 'BOTH'],
  IN: ['IN', 'BOTH'],
  BOTH: ['OUT', 'IN', 'BOTH'],
};

/**
 * A relations question as Cypher (relationsOfCypher or entitiesWithRelationsCypher) with its
 * parameters but $ids: capped at the port's cap + 1 rows per entity when the cap is finite.
 */
function relationsCypher(
  cypherFor: (filter: RelationFilter, capped: boolean) => CypherQuery,
  { filter, direction, cap }: RelationsQuery,
): CypherQuery {
  const capped = cap !== undefined && Number.isFinite(cap);
  const query = cypherFor(filter, capped);
  return {
    text: query.text,
    params: {
      ...query.params,
      symmetricTypes: SYMMETRIC_TYPES,
      directions: DIRECTIONS_KEPT[direction],
      ...(capped && { rowLimit: neo4j.int(cap + 1) }),
    },
  };
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j';

  constructor(
    private readonly executor: Executor,
    private readonly closeDriver: () => Promise<void>,
  ) {}

  async commit(write: GraphWrite): Promise<void> {
    await this.executor.write((tx) => commitWrite(tx, write));
  }

  async changesOf(recordId: string, { first, after }: PageQuery, options?: ReadOptions): Promise<Page<ChangeRecord>> {
    const [afterId] = (decodeCursor('changes', after, ['s']) ?? []) as string[];
    return this.executor.read(async (tx) => {
      const rows = await tx.run(CHANGES_OF, { recordId, after: afterId ?? null, limit: neo4j.int(first + 1) });
      const [count] = await tx.run(COUNT_CHANGES_OF, { recordId });
      const items = rows.slice(0, first).map((row) => JSON.parse(String(row['json'])) as ChangeRecord);
      const last = items[items.length - 1];
      return {
        items,
        totalCount: toNumber(count?.['n'], 'a count'),
        endCursor: last === undefined ? null : encodeCursor('changes', [last.id]),
        hasNextPage: rows.length > first,
      };
    }, options);
  }

  async changeByIdempotencyKey(key: string, options?: ReadOptions): Promise<ChangeRecord | null> {
    const [row] = await this.executor.readRows(CHANGE_BY_IDEMPOTENCY_KEY, { key }, options);
    return row === undefined ? null : (JSON.parse(String(row['json'])) as ChangeRecord);
  }

  async documents(kind: StoredDocument['kind'], ids: readonly string[] | null, options?: ReadOptions): Promise<(StoredDocument | null)[]> {
    if (ids !== null && ids.length === 0) return [];
    const rows =
      ids === null
        ? await this.executor.readRows(DOCUMENTS_OF_KIND, { kind }, options)
        : await this.executor.readRows(DOCUMENTS_BY_IDS, { kind, ids: [...ids] }, options);
    return rows.map((row) =>
      row['body'] === null ? null : { kind, id: String(row['id']), body: JSON.parse(String(row['body'])) as unknown },
    );
  }

  async entitiesByIds(ids: readonly string[], options?: ReadOptions): Promise<(EntityRecord | null)[]> {
    return this.byIds(ENTITIES_BY_IDS, ids, (row) => entityFromNode(row['n']), options);
  }

  async statementsByIds(ids: readonly string[], options?: ReadOptions): Promise<(StatementRecord | null)[]> {
    return this.byIds(STATEMENTS_BY_IDS, ids, (row) => statementFromNode(row['s']), options);
  }

  async sourcesByIds(ids: readonly string[], options?: ReadOptions): Promise<(SourceRecord | null)[]> {
    return this.byIds(SOURCES_BY_IDS, ids, (row) => sourceFromNode(row['s']), options);
  }

  async relationsByIds(ids: readonly string[], options?: ReadOptions): Promise<(RelationRecord | null)[]> {
    return this.byIds(RELATIONS_BY_IDS, ids, relationFromRow, options);
  }

  async relationsOf(
    entityIds: readonly string[],
    question: RelationsQuery,
    options?: ReadOptions,
  ): Promise<RelationView[][]> {
    const { text, params } = relationsCypher(relationsOfCypher, question);
    return this.perKey(text, entityIds, params, relationViewFromRow, options);
  }

  async entitiesWithRelations(
    ids: readonly string[],
    question: RelationsQuery,
    options?: ReadOptions,
  ): Promise<EntityWithRelations[]> {
    if (ids.length === 0) return [];
    const { text, params } = relationsCypher(entitiesWithRelationsCypher, question);
    const rows = await this.executor.readRows(text, { ...params, ids: [...new Set(ids)] }, options);
    // Each entity's row (its relation columns null) comes before its relations' rows.
    const found = new Map<string, { entity: EntityRecord; relations: RelationView[] }>();
    for (const row of rows) {
      const key = String(row['key']);
      if (row['r'] === null) {
        found.set(key, { entity: entityFromNode(row['e']), relations: [] });
        continue;
      }
      const answer = found.get(key);
      if (answer === undefined) throw new Error(`Neo4j returned a relation of "${key}" before the entity.`);
      answer.relations.push(relationViewFromRow(row));
    }
    // A fresh list per position, as perKey gives.
    return ids.map((id) => {
      const answer = found.get(id);
      return answer === undefined ? { entity: null, relations: [] } : { entity: answer.entity, relations: [...answer.relations] };
    });
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

  async entitiesUpTo(kinds: readonly EntityKind[] | null, maxItems: number, options?: ReadOptions): Promise<EntityRecord[] | TooManyItems> {
    const params = { kinds: kinds === null ? null : [...kinds], maxItems: Number.isFinite(maxItems) ? maxItems : null };
    const rows = await this.executor.readRows(ENTITIES_UP_TO, params, options);
    const count = toNumber(rows[0]!['total'], 'a count'); // a count without grouping: always one row
    if (Number.isFinite(maxItems) && count > maxItems) return { tooManyItems: true, count };
    return rows.flatMap((row) => (row['n'] == null ? [] : [entityFromNode(row['n'])]));
  }

  async entityNames(kinds: readonly EntityKind[], options?: ReadOptions): Promise<EntityName[]> {
    const rows = await this.executor.readRows(ENTITY_NAMES, { kinds: [...kinds] }, options);
    return rows.map(entityNameFromRow);
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
    const kindList = kinds === null ? null : [...kinds];
    // A short text can hit thousands of names: Neo4j ranks the substring hits and sends the page.
    const page = await this.executor.readRows(
      SEARCH_ENTITY_SUBSTRING_PAGE,
      { text, wordStart: ` ${text}`, kinds: kindList, first: neo4j.int(first) },
      options,
    );
    if (page.length >= first) return rankSearchResults(page.map((row) => entityFromNode(row['n'])), text, first);
    const rows = await this.executor.readRows(SEARCH_ENTITY_CANDIDATES, { text, words: luceneQuery(text), kinds: kindList }, options);
    // The candidates are a superset; the domain scores and orders them as the embedded store does.
    return rankSearchResults(
      rows.map((row) => entityFromNode(row['n'])),
      text,
      first,
    );
  }

  async searchStatements(query: StatementSearchQuery, options?: ReadOptions): Promise<StatementMatch[]> {
    return this.executor.read((tx) => searchStatementsIn(tx, query), options);
  }

  neighborhood(
    centreId: string,
    query: NeighborhoodQuery & { readonly maxNodes?: undefined },
    options?: ReadOptions,
  ): Promise<SubgraphResult | null>;
  neighborhood(centreId: string, query: NeighborhoodQuery, options?: ReadOptions): Promise<SubgraphResult | TooManyNodes | null>;
  async neighborhood(centreId: string, query: NeighborhoodQuery, options?: ReadOptions): Promise<SubgraphResult | TooManyNodes | null> {
    return this.executor.read((tx) => neighborhoodIn(tx, centreId, query), options);
  }

  async shortestPath(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult | null> {
    return this.executor.read((tx) => shortestPathIn(tx, fromId, toId, query), options);
  }

  async load(dataset: Dataset, onProgress?: LoadProgress): Promise<void> {
    await this.executor.write((tx) => loadDataset(tx, dataset, onProgress));
  }

  async recordsReferringTo(entityIds: readonly string[], options?: ReadOptions): Promise<ReferringRecords> {
    const ids = [...new Set(entityIds)];
    const params = { ids, viaNeedles: ids.map((id) => `"viaId":${JSON.stringify(id)}`) };
    const namesOne = (attributions: readonly Attribution[]) =>
      attributions.some((a) => (a.claimantId !== null && ids.includes(a.claimantId)) || (a.viaId !== null && ids.includes(a.viaId)));
    const [relationRows, statementRows, eventRows] = await Promise.all([
      this.executor.readRows(REFERRING_RELATIONS.text, { ...REFERRING_RELATIONS.params, ...params }, options),
      this.executor.readRows(REFERRING_STATEMENTS, params, options),
      this.executor.readRows(REFERRING_EVENTS, params, options),
    ]);
    // The JSON text finds candidates; only the records that name an entity exactly are kept.
    return {
      relations: relationRows
        .map(relationFromRow)
        .filter((r) => ids.includes(r.from) || ids.includes(r.to) || namesOne(r.attributions)),
      statements: statementRows.map((row) => statementFromNode(row['s'])),
      events: eventRows.map((row) => entityFromNode(row['n'])).filter((e) => e.event !== null && namesOne(e.event.attributions)),
    };
  }

  async exportDataset(options?: ReadOptions): Promise<Dataset> {
    // One read transaction, so the four sections are one snapshot of the graph. An export is not a
    // request: without a caller's deadline it gets the admin budget, not the request timeout.
    const read = { timeoutMs: EXPORT_TIMEOUT_MS, signal: options?.signal, deadline: options?.deadline };
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

  async paths(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult[]> {
    return this.executor.read((tx) => pathsIn(tx, fromId, toId, query), options);
  }

  async entitiesPage(kinds: readonly EntityKind[] | null, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>> {
    return this.page('entities', ENTITIES_PAGE, ['s', 's'], { kinds: kinds === null ? null : [...kinds] }, page,
      (row) => entityFromNode(row['n']), options);
  }

  async statementsPage(
    { speakerId, aboutId, window }: StatementFilter & { readonly window: TimeWindow | null },
    page: PageQuery,
    options?: ReadOptions,
  ): Promise<Page<StatementRecord>> {
    return this.page('statements', STATEMENTS_PAGE, ['n', 's', 's'], { speakerId, aboutId, ...windowParams(window) }, page,
      (row) => statementFromNode(row['s']), options);
  }

  async findEvents({ types, participantId, placeId, window }: EventQuery, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>> {
    const params = { types: types === null ? null : [...types], participantId, placeId, ...windowParams(window) };
    return this.page('events', EVENTS_PAGE, ['n', 's', 's'], params, page, (row) => entityFromNode(row['e']), options);
  }

  async eventsInPlaces(placeIds: readonly string[], options?: ReadOptions): Promise<EntityRecord[][]> {
    return this.perKey(EVENTS_IN_PLACES, placeIds, {}, (row) => entityFromNode(row['e']), options);
  }

  async timeline({ window, entityId, kinds }: TimelineQuery, page: PageQuery, options?: ReadOptions): Promise<Page<TimelineEntry>> {
    const params = {
      ...TIMELINE_PAGE.params,
      kinds: kinds === null ? TIMELINE_ENTRY_KINDS : [...kinds],
      entityId,
      from: window.from,
      to: window.to,
    };
    if (entityId !== null) return this.page('timeline', ENTITY_TIMELINE_PAGE, TIMELINE_KEY, params, page, timelineEntryFromRow, options);
    // The count is of the whole window; the page reads only what can follow its cursor, and the
    // first days of it that fill the page (timelineRows).
    const count = { ...params, ...timelineRanges(window, null) };
    return this.page('timeline', TIMELINE_PAGE, TIMELINE_KEY, count, page, timelineEntryFromRow, options, (tx, after, rowLimit) =>
      timelineRows(tx, window, { ...params, after, rowLimit }, (after?.[0] as string | undefined) ?? null),
    );
  }

  async factsSupportedBy(statementIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]> {
    return this.perKey(FACTS_SUPPORTED_BY.text, statementIds, FACTS_SUPPORTED_BY.params, factRefOfRow, options);
  }

  async factsCitingSources(sourceIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]> {
    const facts = await this.perKey(FACTS_CITING_SOURCES.text, sourceIds, FACTS_CITING_SOURCES.params, factRefOfRow, options);
    // The JSON text may name the id elsewhere (an escaped id, a note): keep the attributions that cite it.
    return facts.map((list, i) => list.filter((f) => (f.relation ?? f.event!.event!).attributions.some((a) => a.sourceId === sourceIds[i])));
  }

  near(placeId: string, query: NearQuery & { readonly maxItems?: undefined }, options?: ReadOptions): Promise<NearbyPlace[] | null>;
  near(placeId: string, query: NearQuery, options?: ReadOptions): Promise<NearbyPlace[] | TooManyItems | null>;
  async near(placeId: string, { km, maxItems }: NearQuery, options?: ReadOptions): Promise<NearbyPlace[] | TooManyItems | null> {
    const cap = maxItems !== undefined && Number.isFinite(maxItems) ? maxItems : null;
    const rows = await this.executor.readRows(NEAR, { placeId, meters: km * 1000, maxItems: cap }, options);
    if (rows.length === 0) return null; // unknown, or without a location
    const count = toNumber(rows[0]!['total'], 'a count');
    if (cap !== null && count > cap) return { tooManyItems: true, count };
    return rows
      .filter((row) => row['p'] !== null)
      .map((row) => ({ place: entityFromNode(row['p']), distanceKm: roundedKm(toNumber(row['meters'], 'a distance')) }))
      .sort((a, b) => a.distanceKm - b.distanceKm || compareText(a.place.id, b.place.id));
  }

  async close(): Promise<void> {
    await this.closeDriver();
  }

  /**
   * One page of a cursor connection (cypher/pages.ts): the items after the cursor's key, one more
   * than asked to learn whether a next page exists, and, unless the question says `counted: false`,
   * the count of all, in one read transaction so that the page and its count are one snapshot.
   * Every row carries its `sortKey`.
   */
  private async page<T>(
    list: CursorList,
    cypher: PageCypher,
    shape: readonly ('s' | 'n')[],
    params: Readonly<Record<string, unknown>>,
    { first, after, counted = true }: PageQuery,
    map: (row: Row) => T,
    options: ReadOptions | undefined,
    /** How the page's rows are read, when not by `cypher.page` with `params` once. */
    pageRows: (tx: QueryRunner, after: CursorKey | null, rowLimit: Integer) => Promise<Row[]> = (tx, afterKey, rowLimit) =>
      tx.run(cypher.page, { ...params, after: afterKey, rowLimit }),
  ): Promise<Page<T>> {
    const afterKey = decodeCursor(list, after, shape);
    return this.executor.read(async (tx) => {
      const rows = await pageRows(tx, afterKey, neo4j.int(first + 1));
      // Counting reads every item the question matches: only when the caller reads the count.
      const [total] = counted ? await tx.run(cypher.count, params) : [];
      const shown = rows.slice(0, first);
      const last = shown.at(-1);
      return {
        items: shown.map(map),
        totalCount: counted ? toNumber(total?.['total'], 'a count') : null,
        endCursor: last === undefined ? null : encodeCursor(list, last['sortKey'] as CursorKey),
        hasNextPage: rows.length > first,
      };
    }, options);
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

/** A row of FACTS_SUPPORTED_BY or FACTS_CITING_SOURCES: a relation with its ends, or an event. */
function factRefOfRow(row: Row): FactRef {
  return row['r'] === null ? { relation: null, event: entityFromNode(row['event']) } : { relation: relationFromRow(row), event: null };
}
