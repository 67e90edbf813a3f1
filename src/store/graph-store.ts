/**
 * The port every store implements. Resolvers know only this interface; the memory store and the
 * Neo4j store answer every method alike (the store contract suite in test/contract proves it).
 *
 * Ordering is part of the contract, so that both stores give the same answers:
 * - relations: by type, then the other end's id, then the relation's id;
 * - statements: by date (undated last), then id;
 * - entity lists: by name, then id;
 * - neighbourhood nodes: the centre first, then by hops from it, then id; edges by id;
 * - a shortest path: of all shortest paths, the one whose node ids, then edge ids, come first
 *   in code-point order. A path through statements (PathQuery.throughStatements) is compared as
 *   the walk it is: a statement's id takes its place among the node ids, between the two entities
 *   it joins, and its two links (SAID, ABOUT) take no part in the edge ids (the node ids already
 *   determine them).
 */
import type {
  ClaimStatus,
  Dataset,
  DatasetFile,
  EventType,
  Direction,
  EntityKind,
  EntityName,
  EntityRecord,
  RelationRecord,
  RelationType,
  Role,
  SearchMatch,
  SourceRecord,
  StatementMatch,
  StatementRecord,
  TimeWindow,
} from '../domain/index.js';

/**
 * Which relations may be followed or returned: the one filter relationsOf, neighborhood and
 * shortestPath take. Each store compiles it once (the memory store to a predicate, relation-filter.ts;
 * the Neo4j store to a WHERE fragment over a relationship variable, cypher/relation-filter.ts), and
 * every lookup and walk uses that. A relation passes when it passes every clause.
 */
export interface RelationFilter {
  /** null means every type; otherwise types of the vocabulary (checkRelationTypes). */
  readonly types: readonly RelationType[] | null;
  /** Optional; null or absent means any: the relation's derived status is one of these. */
  readonly statuses?: readonly ClaimStatus[] | null;
  /** Optional; null or absent means any: some attribution of the relation has one of these claimants (any stance). */
  readonly claimantIds?: readonly string[] | null;
  /**
   * Optional; null or absent means any time: the relation's time overlaps the window
   * (`overlapsWindow` on `timeBounds(relation.time)`); an undated relation does not pass.
   */
  readonly window?: TimeWindow | null;
  /**
   * Optional; null or absent means any kind: both ends of the relation are of these kinds, except
   * an end that is an anchor of the question (the entity asked in relationsOf, the centre of a
   * neighbourhood, the two ends of a path), which passes whatever its kind.
   */
  readonly kinds?: readonly EntityKind[] | null;
}

/** Every relation passes. */
export const ANY_RELATION: RelationFilter = Object.freeze({ types: null });

/** A page of a list, ordered as the method says; `after` and `endCursor` are opaque strings. */
export interface PageQuery {
  /** At most this many items (1 to LIMITS.maxPageSize; checked by the caller). */
  readonly first: number;
  /** The `endCursor` of the page before; null for the first page. A cursor the store did not make is a BAD_USER_INPUT DomainError. */
  readonly after: string | null;
  /**
   * Optional: false when the caller will not read `totalCount` (a client that did not ask for it),
   * so that a store for which counting costs a pass over the question's items may leave it out.
   */
  readonly counted?: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  /**
   * Every item the question matches, not only this page's: counted by the store without listing
   * them; null only when the query said `counted: false` and the store did not count.
   */
  readonly totalCount: number | null;
  /** The cursor of the page's last item; null when the page is empty. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/** `events(...)`: events by time (earliest day, undated last), then id. Every clause null means any. */
export interface EventQuery {
  readonly types: readonly EventType[] | null;
  /** An actor with a PARTICIPATED_IN relation to the event. */
  readonly participantId: string | null;
  /** A place the event TOOK_PLACE_IN, or a place inside it (LOCATED_IN, any depth). */
  readonly placeId: string | null;
  /** The event's time overlaps the window; undated events do not pass a window. */
  readonly window: TimeWindow | null;
}

/** What a timeline entry can be, in the timeline's order among entries of the same days. */
export const TIMELINE_ENTRY_KINDS = ['EVENT', 'RELATION', 'CLAIM', 'STATEMENT'] as const;

/** What a timeline entry is. */
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];

/**
 * One dated thing on a timeline. EVENT: an event with a time; RELATION: a relation with a time
 * (not the links of an event, EVENT_LINK_TYPES: the event stands for them);
 * STATEMENT: a statement with a date (said on); CLAIM: one attribution with a `saidOn` day, of a
 * relation or an event (`attributionIndex` into its attributions).
 */
export interface TimelineEntry {
  readonly kind: TimelineEntryKind;
  /** The day range the entry sorts and filters by (for STATEMENT and CLAIM, the one day said). */
  readonly earliest: string;
  readonly latest: string;
  readonly event: EntityRecord | null;
  readonly relation: RelationRecord | null;
  readonly statement: StatementRecord | null;
  readonly attributionIndex: number | null;
}

/**
 * `timeline(...)`: entries by earliest day, then latest day, then kind (EVENT, RELATION, CLAIM,
 * STATEMENT), then the record's id, then attributionIndex.
 */
export interface TimelineQuery {
  /** Entries whose days overlap the window. */
  readonly window: TimeWindow;
  /**
   * Only entries about this entity: the event it is, events it takes part in (PARTICIPATED_IN) or
   * that take place in it (TOOK_PLACE_IN, that place itself, not places inside it), relations with
   * it at an end, statements it made or is about, and claims it made (claimantId; not viaId) or
   * of such an event or relation, dated or not. Relations are followed whatever their status.
   */
  readonly entityId: string | null;
  readonly kinds: readonly TimelineEntryKind[] | null;
}

/** A fact a statement supports: a relation, or an event (an EntityRecord of kind EVENT). */
export interface FactRef {
  readonly relation: RelationRecord | null;
  readonly event: EntityRecord | null;
}

/** `near(...)`: a place and how far it is from the place asked, great-circle km. */
export interface NearbyPlace {
  readonly place: EntityRecord;
  readonly distanceKm: number;
}

/** relationsOf's question: which relations, and from which side of them the entity asked looks. */
export interface RelationsQuery {
  readonly filter: RelationFilter;
  /** About the viewpoint, not the relation: OUT keeps OUT and BOTH views, IN keeps IN and BOTH. */
  readonly direction: Direction;
  /**
   * For a caller that refuses a list longer than `cap`: an entity's list longer than it may be
   * cut to `cap + 1` views (which ones is not defined), so a hub's relations are not all read to
   * be refused. A list of at most `cap` is whole and in order.
   */
  readonly cap?: number;
}

/** An entity with its relations, as `entitiesWithRelations` answers; `relations` is [] when `entity` is null. */
export interface EntityWithRelations {
  readonly entity: EntityRecord | null;
  readonly relations: RelationView[];
}

/** A relation seen from one of its ends (schema: `Relation`). */
export interface RelationView {
  readonly relation: RelationRecord;
  /** OUT when the entity asked is the start, IN when it is the end, BOTH for symmetric types. */
  readonly direction: Direction;
  /** The id of the entity at the other end. */
  readonly otherId: string;
  /**
   * The entity at the other end, the record `entitiesByIds([otherId])` answers, read with the
   * relation so that a caller needs no second round trip for it.
   */
  readonly other: EntityRecord;
}

export interface SubgraphResult {
  readonly nodes: readonly EntityRecord[];
  readonly edges: readonly RelationRecord[];
  /** Neighbourhoods with a `limit` only: whether nodes beyond the limit were left out. */
  readonly truncated?: boolean;
  /** Neighbourhoods with `maxEdges` only: true when the store stopped listing edges past it. */
  readonly edgesCut?: boolean;
}

export interface PathResult {
  /** The entities from the start to the end (never a statement); one more than the steps. */
  readonly nodes: readonly EntityRecord[];
  /** The relations of the path, in path order (a statement step has none). */
  readonly edges: readonly RelationRecord[];
  /**
   * Present when the query went through statements (PathQuery.throughStatements): from each node
   * to the next, the relation or the statement. Absent, every step is a relation: `edges` in order.
   */
  readonly steps?: readonly PathStep[];
}

/**
 * One step of a path from an entity to the next: over a relation (one hop), or through a
 * statement (two hops: speaker → statement → subject, or, undirected, back, or from one subject
 * to another). Exactly one of `relation` and `statement` is set.
 */
export interface PathStep {
  readonly from: EntityRecord;
  readonly to: EntityRecord;
  readonly relation: RelationRecord | null;
  readonly statement: StatementRecord | null;
}

export interface NeighborhoodQuery {
  readonly depth: number;
  /** The relations walked, and listed among the nodes reached. */
  readonly filter: RelationFilter;
  /**
   * Optional: a neighbourhood of more nodes than this will be refused by the caller, so a store
   * may stop as soon as it knows and answer `TooManyNodes` instead (a store may also ignore it and
   * answer in full). Below it, the answer is the same either way.
   */
  readonly maxNodes?: number;
  /**
   * Optional: list only the first `limit` nodes in the port's order (the centre first, then by
   * hops, then id), the edges among them, and `truncated: true` when more were reached. With a
   * limit the answer is never `TooManyNodes`.
   */
  readonly limit?: number;
  /**
   * Optional, with `limit`: the longest list the caller answers (MAX_LIST_LENGTH). The caller cuts
   * the answer to the nearest nodes whose relations among them fit it (`nearestThatFit` of the
   * domain), so a store may make that cut itself and not list the relations past it (a median
   * node's hundred nearest can hold two hubs and tens of thousands of relations between them).
   */
  readonly maxItems?: number;
  /**
   * Optional, without `limit`: the caller refuses an `edges` list longer than this (MAX_LIST_LENGTH).
   * A store may then list only maxEdges + 1 of the relations among the nodes (which ones is not
   * defined) and say so with `edgesCut`, rather than read thousands of relations to be refused
   * (a median node's two hops can hold tens of thousands between hubs). At most maxEdges, the list
   * is whole; the nodes are listed in full either way.
   */
  readonly maxEdges?: number;
}

/** `near(...)`: how far from the place. */
export interface NearQuery {
  readonly km: number;
  /**
   * Optional: the caller refuses more places than this (MAX_LIST_LENGTH), so a store may count
   * them rather than list them, and answer `TooManyItems`. At most this many, the answer is the same.
   */
  readonly maxItems?: number;
}

/** A list not read because it holds more items than the caller answers. */
export interface TooManyItems {
  readonly tooManyItems: true;
  /** How many items the list holds. */
  readonly count: number;
}

/** A neighbourhood not listed because it holds more than `NeighborhoodQuery.maxNodes` nodes. */
export interface TooManyNodes {
  readonly tooManyNodes: true;
  /** How many nodes the store had found when it stopped (more than `maxNodes`). */
  readonly atLeast: number;
}

export interface PathQuery {
  readonly maxHops: number;
  /**
   * Optional (default 1): how many paths, shortest first (k shortest loopless paths, Yen's
   * algorithm); ties in length in the order the single shortest path uses (node ids, then edge ids).
   */
  readonly first?: number;
  /** The relations a path may use. */
  readonly filter: RelationFilter;
  /** Follow relations only from their start to their end (symmetric ones either way). */
  readonly directed: boolean;
  /**
   * Optional (default false): a path may also go through statements, as the graph links them:
   * speaker -SAID→ statement -ABOUT→ subject, each link one hop, so a statement step counts two.
   * Directed, only from the speaker to a subject; undirected, either way, and from one subject of a
   * statement to another. A statement about its own speaker joins them once (by SAID). Of the
   * filter, only `kinds` applies to a statement step: the entities it joins pass it (or are the
   * path's ends); the other clauses are about relations. The result then carries `steps`.
   */
  readonly throughStatements?: boolean;
}

export interface SearchQuery {
  /** Already normalized with `normalizeForSearch`. */
  readonly text: string;
  readonly kinds: readonly EntityKind[] | null;
  readonly first: number;
}

/** `searchStatements(...)`: statements whose text matches, of the speaker and in the window asked. */
export interface StatementSearchQuery {
  /** Already normalized with `normalizeForSearch`. */
  readonly text: string;
  readonly first: number;
  readonly speakerId: string | null;
  /** The statement's date falls in the window; undated statements do not pass a window. */
  readonly window: TimeWindow | null;
}

export interface StatementFilter {
  readonly speakerId: string | null;
  readonly aboutId: string | null;
}

/**
 * What every read may be given. `signal` aborts when the request's deadline passes or its client
 * goes away: a store stops the work it can stop (Neo4j closes the transaction, the embedded store's
 * traversals check it as they go) and rejects with the signal's reason, a DomainError; except that
 * a store whose server has not answered at all by then rejects with STORE_UNAVAILABLE (Neo4j: no
 * connection, or no answer to BEGIN, for a second or more), since that is what the client must learn.
 */
export interface ReadOptions {
  readonly signal?: AbortSignal;
  /**
   * Optional: when the request must be answered, in epoch milliseconds (Date.now() terms), usually
   * the moment `signal` aborts for the deadline. A store that can bound the work it asks of a
   * server does so with it (Neo4j: the transaction's server-side timeout), and gives up on a server
   * that has not answered by then with STORE_UNAVAILABLE rather than waiting for the signal. Without
   * it a store bounds each read by its own request timeout (Neo4j: `requestTimeoutMs`).
   */
  readonly deadline?: number;
  /**
   * Optional: throws what `signal` aborts with if the request is already cancelled, without making
   * the signal where it is made when first read (a request's is: a controller and a timer). A store
   * that answers at once checks this; without it, `signal?.throwIfAborted()`.
   */
  readonly throwIfCancelled?: () => void;
}

/**
 * Throws the request's reason if it is cancelled (its deadline passed, its client gone), by
 * `throwIfCancelled` where the options have it: the request's signal (a controller and a timer)
 * is made only when read.
 */
export function refuseIfCancelled(options: ReadOptions | undefined): void {
  if (options?.throwIfCancelled) options.throwIfCancelled();
  else options?.signal?.throwIfAborted();
}

export interface GraphCounts {
  readonly entities: number;
  readonly relations: number;
  readonly statements: number;
  readonly sources: number;
}

/** A record of one write: who, when, what (schema: `Change`). */
export interface ChangeRecord {
  /** 'change:' + a time-ordered unique id (`newChangeId`): a later change has a greater id. */
  readonly id: string;
  /** ISO 8601 UTC with ms, set by the write service. */
  readonly at: string;
  /** Viewer.subject */
  readonly actor: string;
  /** Viewer.role */
  readonly role: Role | null;
  /** The mutation's name: 'addRelation', 'mergeEntities', 'acceptChangeset', ... */
  readonly operation: string;
  readonly idempotencyKey: string | null;
  /** sha256 of the operation and its arguments, to refuse a key reused for another request. */
  readonly requestHash: string | null;
  /** Every record id the change wrote or removed; `changesOf` finds changes by these. */
  readonly recordIds: readonly string[];
  /** The touched records before and after, in the file form (DatasetFile sections; absent = none). */
  readonly before: Partial<Omit<DatasetFile, '$comment'>>;
  readonly after: Partial<Omit<DatasetFile, '$comment'>>;
}

/** A side document written atomically with graph changes: judgements, merges, changesets, evidence. */
export interface StoredDocument {
  readonly kind: 'judgement' | 'merge' | 'changeset' | 'evidence';
  readonly id: string;
  /** JSON-serialisable; read back as JSON.parse(JSON.stringify(body)). */
  readonly body: unknown;
}

/** Records a write removes, by section. */
export interface GraphRemovals {
  readonly entities?: readonly string[];
  readonly relations?: readonly string[];
  readonly statements?: readonly string[];
  readonly sources?: readonly string[];
}

/** One write to the graph and its side documents, with the record of it: `commit` applies all of it or none. */
export interface GraphWrite {
  /** Upserted by id exactly as `load` does (relations may change ends). */
  readonly upsert: Dataset;
  /**
   * Records removed (a merge's absorbed entity, a collapsed duplicate relation). Removing a record
   * something else still refers to (and is not removed or rewritten in this write) fails the
   * whole write with DatasetValidationError. An id that is not stored is no problem.
   */
  readonly remove?: GraphRemovals;
  readonly documents?: {
    readonly put?: readonly StoredDocument[];
    readonly remove?: readonly Pick<StoredDocument, 'kind' | 'id'>[];
  };
  readonly change: ChangeRecord;
}

/** `recordsReferringTo`'s answer. */
export interface ReferringRecords {
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
  /** Entities of kind EVENT. */
  readonly events: readonly EntityRecord[];
}

export interface GraphStore {
  /** `memory` or `neo4j`, for logs and /readyz. */
  readonly kind: string;

  /** Batched lookups (DataLoader-shaped): one result per id, in order, null when unknown. */
  entitiesByIds(ids: readonly string[], options?: ReadOptions): Promise<(EntityRecord | null)[]>;
  statementsByIds(ids: readonly string[], options?: ReadOptions): Promise<(StatementRecord | null)[]>;
  sourcesByIds(ids: readonly string[], options?: ReadOptions): Promise<(SourceRecord | null)[]>;
  /** Relations of any type by id (as relation ids are unique across types), the record as loaded with its derived fields. */
  relationsByIds(ids: readonly string[], options?: ReadOptions): Promise<(RelationRecord | null)[]>;

  /** For each entity id, its relations that pass the query's filter and direction (schema: `Entity.relations`). */
  relationsOf(entityIds: readonly string[], query: RelationsQuery, options?: ReadOptions): Promise<RelationView[][]>;
  /**
   * For each entity id, the entity (null when unknown) with its relations as `relationsOf` gives
   * them: one round trip for an entity asked for with its relations (schema: `Query.entity`).
   */
  entitiesWithRelations(ids: readonly string[], query: RelationsQuery, options?: ReadOptions): Promise<EntityWithRelations[]>;
  /** For each entity id, the statements it made (schema: `Entity.statements`). */
  statementsBySpeakers(speakerIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]>;
  /** For each entity id, the statements about it (schema: `Entity.mentionedIn`). */
  statementsAbout(entityIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]>;
  /** For each source id, the statements it carries (schema: `Source.statements`). */
  statementsFromSources(sourceIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]>;

  /** Every entity of the kinds (null: every kind), by name, then id. */
  listEntities(kinds: readonly EntityKind[] | null, options?: ReadOptions): Promise<EntityRecord[]>;
  /**
   * Schema: `Query.entities` under MAX_LIST_LENGTH: the `listEntities` list when it holds at most
   * `maxItems` entities, else only how many it holds, so that a list the caller will refuse is
   * counted, not read.
   */
  entitiesUpTo(kinds: readonly EntityKind[] | null, maxItems: number, options?: ReadOptions): Promise<EntityRecord[] | TooManyItems>;
  /**
   * The names (id, kind, name, aliases) of every entity of the kinds, in no set order: what
   * duplicate detection blocks and compares, without reading the rest of each record.
   */
  entityNames(kinds: readonly EntityKind[], options?: ReadOptions): Promise<EntityName[]>;
  /** Schema: `Query.sources`, by id. */
  listSources(options?: ReadOptions): Promise<SourceRecord[]>;
  /** Schema: `Query.statements`; both filters null means every statement. */
  findStatements(filter: StatementFilter, options?: ReadOptions): Promise<StatementRecord[]>;
  /** Schema: `Query.search` and `Query.searchEntities`; ranked with `rankSearchResults`, each hit with its score and field. */
  search(query: SearchQuery, options?: ReadOptions): Promise<SearchMatch[]>;
  /** Schema: `Query.searchStatements`; ranked with `rankStatements`. */
  searchStatements(query: StatementSearchQuery, options?: ReadOptions): Promise<StatementMatch[]>;
  /**
   * Schema: `Query.neighborhood`; null when the centre does not exist. Only with `maxNodes` may
   * the answer be `TooManyNodes`.
   */
  neighborhood(
    centreId: string,
    query: NeighborhoodQuery & { readonly maxNodes?: undefined },
    options?: ReadOptions,
  ): Promise<SubgraphResult | null>;
  neighborhood(
    centreId: string,
    query: NeighborhoodQuery,
    options?: ReadOptions,
  ): Promise<SubgraphResult | TooManyNodes | null>;
  /** Schema: `Query.shortestPath`; null when there is no path within `maxHops`. */
  shortestPath(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult | null>;
  /** Schema: `Query.paths`: up to `query.first` shortest loopless paths, shortest first; empty when none. */
  paths(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult[]>;

  /** Schema: `Query.entitiesConnection`: by name, then id. */
  entitiesPage(kinds: readonly EntityKind[] | null, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>>;
  /** Schema: `Query.statementsConnection`: the findStatements order; `window` filters by the statement's date (undated ones do not pass a window). */
  statementsPage(
    filter: StatementFilter & { readonly window: TimeWindow | null },
    page: PageQuery,
    options?: ReadOptions,
  ): Promise<Page<StatementRecord>>;
  /** Schema: `Query.events`. */
  findEvents(query: EventQuery, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>>;
  /**
   * Schema: `events` of Country, Region and Settlement: for each place id, the events that took
   * place in it or in a place inside it (LOCATED_IN, any depth), in `findEvents`' order (what
   * `findEvents` lists for that `placeId`); [] for an id that is no entity.
   */
  eventsInPlaces(placeIds: readonly string[], options?: ReadOptions): Promise<EntityRecord[][]>;
  /** Schema: `Query.timeline`. */
  timeline(query: TimelineQuery, page: PageQuery, options?: ReadOptions): Promise<Page<TimelineEntry>>;
  /** For each statement id, the relations and events with an attribution resting on it or listing it in statementIds, relations first, each by id (schema: `Statement.supports`). */
  factsSupportedBy(statementIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]>;
  /**
   * For each source id, the relations and events with an attribution from that source, relations
   * first, each by id: what a change of the source's publication day must be checked against (an
   * attribution is never said after its source was published). Reads every fact: for rare writes.
   */
  factsCitingSources(sourceIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]>;
  /**
   * Schema: `Query.near`: the places with a location within `km` of the place's location, nearest
   * first, then by id, the place itself left out; null when the place has no location.
   * Distances are haversine great-circle km on a sphere of radius 6,378.14 km (Neo4j's
   * `point.distance` for WGS84), rounded to 0.001 km; "within" tests the distance before rounding,
   * "nearest first" orders by the rounded one (so equal rounded distances go by id). An unknown
   * place answers null too. Only with `maxItems` may the answer be `TooManyItems`.
   */
  near(placeId: string, query: NearQuery & { readonly maxItems?: undefined }, options?: ReadOptions): Promise<NearbyPlace[] | null>;
  near(placeId: string, query: NearQuery, options?: ReadOptions): Promise<NearbyPlace[] | TooManyItems | null>;

  /**
   * Every record that names one of the entities (what a merge must move): relations with one at an
   * end or as an attribution's claimant or intermediary (`viaId`), statements with one as speaker,
   * subject or medium (`reportedViaId`), and events with one as an attribution's claimant or
   * intermediary. Each list by id.
   */
  recordsReferringTo(entityIds: readonly string[], options?: ReadOptions): Promise<ReferringRecords>;
  /**
   * Loads a validated dataset all-or-nothing; loading the same dataset again changes nothing.
   * `onProgress`, when given, is told `done` of `total` rows of each `phase` as a long load goes.
   */
  load(dataset: Dataset, onProgress?: (done: number, total: number, phase: string) => void): Promise<void>;
  /**
   * All-or-nothing and durable (SQLite: one transaction, WAL, synchronous FULL; Neo4j: one write
   * transaction): the upserts, removals, documents and the change record together. A write that
   * would leave a dangling reference throws DatasetValidationError and changes nothing.
   */
  commit(write: GraphWrite): Promise<void>;
  /** Schema: `Query.history`: changes whose recordIds include the id, newest first (by id, descending). */
  changesOf(recordId: string, page: PageQuery, options?: ReadOptions): Promise<Page<ChangeRecord>>;
  /** The change recorded with this idempotency key, or null. */
  changeByIdempotencyKey(key: string, options?: ReadOptions): Promise<ChangeRecord | null>;
  /**
   * Documents of a kind by id, one per id in order (null = unknown); or, when ids is null, every
   * document of the kind, by id.
   */
  documents(kind: StoredDocument['kind'], ids: readonly string[] | null, options?: ReadOptions): Promise<(StoredDocument | null)[]>;
  /**
   * The whole graph as a dataset (what `npm run export` writes): every record, each section by id.
   * Loading it into an empty store gives the same graph.
   */
  exportDataset(options?: ReadOptions): Promise<Dataset>;
  counts(): Promise<GraphCounts>;
  /** Resolves when the store can answer; rejects with the cause otherwise (schema-less /readyz). */
  ping(options?: ReadOptions): Promise<void>;
  close(): Promise<void>;
}
