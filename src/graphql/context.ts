/**
 * Per-request context: the store and DataLoaders that batch and cache lookups within one
 * request, so a query's round trips to the store grow with its depth, not its breadth.
 */
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import {
  ANONYMOUS,
  type Direction,
  type EntityRecord,
  type SourceRecord,
  type StatementRecord,
  type Viewer,
} from '../domain/index.js';
import { isEventRecord, type EventRecord } from '../domain/claims.js';
import type { ProvenanceEntry } from '../domain/review.js';
import type {
  EntityWithRelations,
  FactRef,
  GraphStore,
  ReadOptions,
  RelationFilter,
  RelationsQuery,
  RelationView,
} from '../store/graph-store.js';
import { placesContaining } from './place-walks.js';
import { relationFilterKey } from './relation-filter.js';

export interface RelationKey {
  readonly entityId: string;
  readonly filter: RelationFilter;
  readonly direction: Direction;
  /** The port's `cap`: for a list refused past it (Entity.relations under MAX_LIST_LENGTH). */
  readonly cap?: number;
}

/** An entity asked for with the relations its selection asks of it (look-ahead.ts). */
export interface EntityWithRelationsKey {
  readonly id: string;
  readonly query: RelationsQuery;
}

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  /**
   * The record `entity` has settled to for this id in this request (null: none held), or
   * undefined while it has not: a resolver that finds one answers without a promise.
   */
  settledEntity(id: string): EntityRecord | null | undefined;
  /**
   * Keeps an entity's record that an answer brought (a relation's other end, a search hit), as
   * `entity.prime` does (a record the request already has or is loading stays), with no promise
   * made for it until one is asked for.
   */
  keepEntity(id: string, record: EntityRecord | null): void;
  /** As `entity.load`, for the only field of a request that could ask it (see entityWithRelationsAlone). */
  entityAlone(id: string): Promise<EntityRecord | null>;
  /** The entity and its relations in one store call; each answer also fills `entity` and `relations`. */
  readonly entityWithRelations: DataLoader<EntityWithRelationsKey, EntityWithRelations, string>;
  /**
   * As `entityWithRelations.load`, for the only field of a request that could ask it: the one
   * store call at once, with no loader made and no batch to gather (nothing could join it).
   */
  entityWithRelationsAlone(key: EntityWithRelationsKey): Promise<EntityWithRelations>;
  readonly statement: DataLoader<string, StatementRecord | null>;
  readonly source: DataLoader<string, SourceRecord | null>;
  readonly relations: DataLoader<RelationKey, RelationView[], string>;
  /** The relations `relations` has settled to for this key in this request, or undefined (as settledEntity). */
  settledRelations(key: RelationKey): RelationView[] | undefined;
  readonly statementsBySpeaker: DataLoader<string, StatementRecord[]>;
  readonly statementsAbout: DataLoader<string, StatementRecord[]>;
  readonly statementsFromSource: DataLoader<string, StatementRecord[]>;
  /** The facts each statement supports (schema: `Statement.supports`). */
  readonly factsSupportedBy: DataLoader<string, FactRef[]>;
  /** The places each place lies in, at any depth, largest first (schema: `within`). */
  readonly placesContaining: DataLoader<string, EntityRecord[]>;
  /** The events that took place in each place or a place inside it (schema: `events` of places). */
  readonly eventsInPlace: DataLoader<string, EventRecord[]>;
  /** Where each record's words are in the articles it was accepted from (schema: `provenance`). */
  readonly provenance: DataLoader<string, ProvenanceEntry[]>;
}

export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** Every store read of this request passes these: the request's deadline travels with them. */
  readonly read: ReadOptions;
  readonly requestId: string;
  readonly log: Logger;
  /** MAX_LIST_LENGTH: a store may stop early on a question whose answer this would refuse. */
  readonly maxListLength: number;
  /** Who is asking (anonymous without credentials); writes check its role with requireRole. */
  readonly viewer: Viewer;
  /** Whether the client closed the connection before its answer. */
  clientGone(): boolean;
  /** Whether, by now, its deadline has passed or its client has gone (its reads would be refused). */
  cancelled(): boolean;
}

/**
 * A request's bounds: a signal that aborts when its deadline passes or its client goes away, and
 * the deadline in epoch ms when it has one. The HTTP server's (request-deadline.ts) makes the
 * signal when it is first read.
 */
export interface RequestBounds {
  readonly signal: AbortSignal;
  readonly deadline?: number;
  /** Throws the signal's reason if it would have aborted by now, without making it (ReadOptions). */
  throwIfCancelled?(): void;
  /** Whether the client closed the connection before its answer (false where there is none). */
  clientGone?(): boolean;
}

export interface ContextOptions {
  readonly store: GraphStore;
  readonly requestId: string;
  /** A child logger that carries the request id. */
  readonly log: Logger;
  /** What bounds the request's store reads; read on its first store read, not before. */
  readonly bounds: RequestBounds;
  /** MAX_LIST_LENGTH (no cap when absent). */
  readonly maxListLength?: number;
  /** Who is asking; anonymous when absent. */
  readonly viewer?: Viewer;
}

export function createContext(options: ContextOptions): GraphContext {
  const { store, requestId, log, bounds, maxListLength } = options;
  const read = new BoundedReads(bounds);
  const readOptions = () => read;
  return new RequestContext(
    store,
    createLoaders(store, readOptions),
    readOptions,
    requestId,
    log,
    maxListLength ?? Number.POSITIVE_INFINITY,
    options.viewer ?? ANONYMOUS,
    bounds,
  );
}

/**
 * A request's read options. The signal is read from the bounds when a store first asks for it,
 * not before: the HTTP server makes it then (request-deadline.ts), and a store that answers at
 * once (the embedded store's lookups) checks `throwIfCancelled` instead and never makes it. Its
 * getter is the prototype's: a getter per object would keep the request alive (see there).
 */
class BoundedReads implements ReadOptions {
  readonly deadline?: number;

  constructor(private readonly bounds: RequestBounds) {
    if (bounds.deadline !== undefined) this.deadline = bounds.deadline;
  }

  get signal(): AbortSignal {
    return this.bounds.signal;
  }

  throwIfCancelled(): void {
    if (this.bounds.throwIfCancelled) this.bounds.throwIfCancelled();
    else this.bounds.signal.throwIfAborted();
  }
}

/**
 * `read` is a getter of the prototype, not of the object: Apollo copies the context for each
 * request with Object.assign onto an object of the same prototype, which would call an own getter
 * (and make the signal) at once. The state it needs is a plain own property, so the copy shares it.
 */
class RequestContext implements GraphContext {
  constructor(
    readonly store: GraphStore,
    readonly loaders: Loaders,
    readonly readOptions: () => ReadOptions,
    readonly requestId: string,
    readonly log: Logger,
    readonly maxListLength: number,
    readonly viewer: Viewer,
    private readonly bounds: RequestBounds,
  ) {}

  get read(): ReadOptions {
    return this.readOptions();
  }

  clientGone(): boolean {
    return this.bounds.clientGone?.() ?? false;
  }

  cancelled(): boolean {
    try {
      this.read.throwIfCancelled?.();
      return false;
    } catch {
      return true;
    }
  }
}

/** How long a request's loads are dispatched at once (see `batchSchedule`). */
const DISPATCH_AT_ONCE_MS = 2;

/**
 * When a request's DataLoader batches are dispatched. For its first DISPATCH_AT_ONCE_MS, as
 * DataLoader does by default: after the promise jobs that collect a level's loads, in the same
 * turn of the event loop, so a question of a few levels (an entity and its relations) is answered
 * in the turn it started. After that, from a macrotask (setImmediate): over the embedded store
 * every load resolves at once, so a heavy request's whole execution, and that of every request
 * running with it, would otherwise be one chain of microtasks that holds the event loop (20 heavy
 * queries at once kept /healthz waiting for 1.6 s); each of its later levels lets other requests
 * and /healthz in.
 */
function batchSchedule(): { batchScheduleFn: (dispatch: () => void) => void } {
  const startedAt = performance.now();
  return {
    batchScheduleFn: (dispatch) => {
      if (performance.now() - startedAt < DISPATCH_AT_ONCE_MS) void Promise.resolve().then(() => process.nextTick(dispatch));
      else setImmediate(dispatch);
    },
  };
}

/**
 * A DataLoader's cache (the promise of each key, as DataLoader keeps it) that also keeps what each
 * promise it holds settled to, while it holds that promise: so the request sees one record per id
 * whether a resolver takes it from here or from the loader. (The entity question's relations each
 * ask for the entity at their other end, which the relations' answer primed: a promise per
 * relation, through graphql-jit's promise handling, cost about a sixth of that question's time.)
 */
class SettledCache<V> implements DataLoader.CacheMap<string, Promise<V>> {
  readonly #promises = new Map<string, Promise<V>>();
  readonly #values = new Map<string, V>();

  get(key: string): Promise<V> | undefined {
    const promise = this.#promises.get(key);
    if (promise !== undefined || !this.#values.has(key)) return promise;
    // Kept settled (keep): its promise is made on the first asking.
    const made = Promise.resolve(this.#values.get(key)!);
    this.#promises.set(key, made);
    return made;
  }

  /** A value already settled, unless the key is held: a relation's other end costs no promise. */
  keep(key: string, value: V): void {
    if (this.#values.has(key) || (this.#promises.size > 0 && this.#promises.has(key))) return;
    this.#values.set(key, value);
  }

  set(key: string, promise: Promise<V>): this {
    this.#promises.set(key, promise);
    this.#values.delete(key);
    promise.then(
      (value) => {
        if (this.#promises.get(key) === promise) this.#values.set(key, value);
      },
      () => {},
    );
    return this;
  }

  delete(key: string): void {
    this.#promises.delete(key);
    this.#values.delete(key);
  }

  clear(): void {
    this.#promises.clear();
    this.#values.clear();
  }

  settled(key: string): V | undefined {
    return this.#values.get(key);
  }
}

/**
 * Each loader is made when a resolver first asks for it: most requests use one or two of the
 * ten, and `{ __typename }` none.
 */
function createLoaders(store: GraphStore, readOptions: () => ReadOptions): Loaders {
  return new LazyLoaders(store, readOptions);
}

class LazyLoaders implements Loaders {
  #entity?: Loaders['entity'];
  readonly #entities = new SettledCache<EntityRecord | null>();
  #entityWithRelations?: Loaders['entityWithRelations'];
  #statement?: Loaders['statement'];
  #source?: Loaders['source'];
  #relations?: Loaders['relations'];
  readonly #relationLists = new SettledCache<RelationView[]>();
  #statementsBySpeaker?: Loaders['statementsBySpeaker'];
  #statementsAbout?: Loaders['statementsAbout'];
  #statementsFromSource?: Loaders['statementsFromSource'];
  #factsSupportedBy?: Loaders['factsSupportedBy'];
  #placesContaining?: Loaders['placesContaining'];
  #eventsInPlace?: Loaders['eventsInPlace'];
  #provenance?: Loaders['provenance'];

  /** Made with the request's loaders, so its clock starts with the request. */
  readonly #schedule = batchSchedule();

  constructor(
    private readonly store: GraphStore,
    private readonly readOptions: () => ReadOptions,
  ) {}

  private get read(): ReadOptions {
    return this.readOptions();
  }

  get provenance() {
    return (this.#provenance ??= new DataLoader(
      async (ids) => (await this.store.documents('evidence', ids, this.read)).map((d) => (d ? (d.body as ProvenanceEntry[]) : [])),
      this.#schedule,
    ));
  }
  get entity() {
    return (this.#entity ??= new DataLoader((ids) => this.store.entitiesByIds(ids, this.read), { ...this.#schedule, cacheMap: this.#entities }));
  }
  settledEntity(id: string): EntityRecord | null | undefined {
    return this.#entities.settled(id);
  }
  keepEntity(id: string, record: EntityRecord | null): void {
    this.#entities.keep(id, record);
  }
  async entityAlone(id: string): Promise<EntityRecord | null> {
    const [record] = await this.store.entitiesByIds([id], this.read);
    this.keepEntity(id, record ?? null);
    // The record the request already held for this id, if any (one record per id); else this one.
    return this.#entities.settled(id) ?? record ?? null;
  }
  get entityWithRelations(): Loaders['entityWithRelations'] {
    return (this.#entityWithRelations ??= new DataLoader((keys) => loadEntitiesWithRelations(this.store, keys, this.read, this), {
      ...this.#schedule,
      cacheKeyFn: (key) => `${key.id} ${relationsQueryKey(key.query)}`,
    }));
  }
  async entityWithRelationsAlone({ id, query }: EntityWithRelationsKey): Promise<EntityWithRelations> {
    const [answer] = await this.store.entitiesWithRelations([id], query, this.read);
    return keepEntityWithRelations(this, id, query, answer);
  }
  get statement() {
    return (this.#statement ??= new DataLoader((ids) => this.store.statementsByIds(ids, this.read), this.#schedule));
  }
  get source() {
    return (this.#source ??= new DataLoader((ids) => this.store.sourcesByIds(ids, this.read), this.#schedule));
  }
  get relations(): Loaders['relations'] {
    return (this.#relations ??= new DataLoader((keys) => loadRelations(this.store, keys, this.read, this), {
      ...this.#schedule,
      cacheKeyFn: relationKey,
      cacheMap: this.#relationLists,
    }));
  }
  settledRelations(key: RelationKey): RelationView[] | undefined {
    return this.#relationLists.settled(relationKey(key));
  }
  /** An entity's relations that came with it (entityWithRelations): settled, with no loader made for them. */
  keepRelations(key: RelationKey, views: RelationView[]): void {
    this.#relationLists.keep(relationKey(key), views);
  }
  get statementsBySpeaker() {
    return (this.#statementsBySpeaker ??= new DataLoader((ids) => this.store.statementsBySpeakers(ids, this.read), this.#schedule));
  }
  get statementsAbout() {
    return (this.#statementsAbout ??= new DataLoader((ids) => this.store.statementsAbout(ids, this.read), this.#schedule));
  }
  get statementsFromSource() {
    return (this.#statementsFromSource ??= new DataLoader((ids) => this.store.statementsFromSources(ids, this.read), this.#schedule));
  }
  get factsSupportedBy() {
    return (this.#factsSupportedBy ??= new DataLoader((ids) => this.store.factsSupportedBy(ids, this.read), this.#schedule));
  }
  // This walk goes through the relations and entity loaders: each step of the walk is one store
  // call for every place of the batch.
  get placesContaining() {
    return (this.#placesContaining ??= new DataLoader((ids) => placesContaining(this, ids), this.#schedule));
  }
  get eventsInPlace() {
    return (this.#eventsInPlace ??= new DataLoader(
      async (ids) => (await this.store.eventsInPlaces(ids, this.read)).map((events) => events.filter(isEventRecord)),
      this.#schedule,
    ));
  }
}

/**
 * One store call per distinct filter in the batch. Each view brings the entity at its other end:
 * it goes into the request's entity loader, so that asking for it (`node`) costs no round trip.
 */
async function loadRelations(
  store: GraphStore,
  keys: readonly RelationKey[],
  read: ReadOptions,
  loaders: Loaders,
): Promise<RelationView[][]> {
  const groups = byRelationsQuery(keys, ({ filter, direction, cap }) => ({ filter, direction, ...(cap !== undefined && { cap }) }));
  const results: RelationView[][] = new Array(keys.length);
  await Promise.all(
    groups.map(async ({ query, positions }) => {
      const ids = positions.map((p) => keys[p]!.entityId);
      const views = await store.relationsOf(ids, query, read);
      positions.forEach((p, i) => {
        results[p] = views[i] ?? [];
      });
      for (const list of views) keepOtherEnds(loaders, list);
    }),
  );
  return results;
}

/** A record already loaded (or being loaded) stays: the request sees one record per id. */
function keepOtherEnds(loaders: Loaders, views: readonly RelationView[]): void {
  for (const view of views) loaders.keepEntity(view.otherId, view.other);
}

const relationKey = (key: RelationKey) => `${key.entityId} ${relationsQueryKey(key)}`;

/** A RelationsQuery as a key: the same key for the same question. */
function relationsQueryKey(query: RelationsQuery): string {
  return `${query.direction} ${query.cap ?? ''} ${relationFilterKey(query.filter)}`;
}

/** The places of a batch's keys, grouped by the relations question each asks: one store call a group. */
function byRelationsQuery<K>(keys: readonly K[], queryOf: (key: K) => RelationsQuery): { query: RelationsQuery; positions: number[] }[] {
  const groups = new Map<string, { query: RelationsQuery; positions: number[] }>();
  keys.forEach((key, position) => {
    const query = queryOf(key);
    const groupKey = relationsQueryKey(query);
    const group = groups.get(groupKey) ?? { query, positions: [] };
    group.positions.push(position);
    groups.set(groupKey, group);
  });
  return [...groups.values()];
}

/**
 * One store call per distinct relations question in the batch. Each answer goes into the
 * request's entity and relations loaders too, as if each part had been loaded on its own.
 */
async function loadEntitiesWithRelations(
  store: GraphStore,
  keys: readonly EntityWithRelationsKey[],
  read: ReadOptions,
  loaders: LazyLoaders,
): Promise<EntityWithRelations[]> {
  const groups = byRelationsQuery(keys, (key) => key.query);
  const results: EntityWithRelations[] = new Array(keys.length);
  await Promise.all(
    groups.map(async ({ query, positions }) => {
      const ids = positions.map((p) => keys[p]!.id);
      const answers = await store.entitiesWithRelations(ids, query, read);
      positions.forEach((p, i) => {
        results[p] = keepEntityWithRelations(loaders, ids[i]!, query, answers[i]);
      });
    }),
  );
  return results;
}

/** An entity's answer kept in the request's entity and relations loaders, as if each had been loaded. */
function keepEntityWithRelations(
  loaders: LazyLoaders,
  id: string,
  query: RelationsQuery,
  answer: EntityWithRelations | undefined,
): EntityWithRelations {
  const kept = answer ?? { entity: null, relations: [] };
  loaders.keepEntity(id, kept.entity);
  if (kept.entity === null) return kept;
  loaders.keepRelations({ entityId: id, ...query }, kept.relations);
  keepOtherEnds(loaders, kept.relations);
  return kept;
}
