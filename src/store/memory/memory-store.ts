/**
 * The embedded store: the whole graph in process memory, as id-ordered records numbered into a
 * compressed adjacency (adjacency.ts), with indexes beside it. It answers exactly as the Neo4j store does (orders included, see the
 * header of graph-store.ts); the contract suite in test/contract runs both.
 *
 * With a data file (data-file.ts, DATA_DIR) it is durable: every load is written to the file in one
 * SQLite transaction before the new state is swapped in, and `openDurableMemoryStore` rebuilds the
 * state from the file at start, each relation's record parsed when first read (relation-rows.ts).
 * Without one it lives in memory only (DATA_DIR=:memory:, tests).
 */
import {
  compareText,
  type Attribution,
  type Dataset,
  type EntityKind,
  type EntityName,
  type EntityRecord,
  type RelationRecord,
  type SearchMatch,
  type SourceRecord,
  type StatementMatch,
  type StatementRecord,
  type TimeWindow,
} from '../../domain/index.js';
import type {
  ChangeRecord,
  EventQuery,
  ReferringRecords,
  GraphWrite,
  StoredDocument,
  FactRef,
  GraphCounts,
  GraphStore,
  NearbyPlace,
  NeighborhoodQuery,
  Page,
  PageQuery,
  PathQuery,
  PathResult,
  ReadOptions,
  RelationsQuery,
  EntityWithRelations,
  RelationView,
  SearchQuery,
  StatementFilter,
  StatementSearchQuery,
  SubgraphResult,
  TimelineEntry,
  TimelineQuery,
  NearQuery,
  TooManyItems,
  TooManyNodes,
} from '../graph-store.js';
import { refuseIfCancelled } from '../graph-store.js';
import { DataFileError, GraphDataFile } from './data-file.js';
import { relationViewsOf } from './relations.js';
import { emptyState, entityOf, relationOf, stateWithDataset, type MemoryState } from './state.js';
import { Pacer } from '../pacer.js';
import { compareById } from './ordering.js';
import { compileRelationFilter } from './relation-filter.js';
import { canonicalShortestPath, neighborhoodOf } from './traversal.js';
import { statementSearchIndexOf } from './search-index.js';
import { kShortestPaths } from './paths.js';
import {
  entityFactsOf,
  eventsInPlaces,
  factImageOf,
  factIndexesFromImage,
  factIndexesReady,
  factsSupportedBy,
  findEvents,
  near,
  offerFactImage,
  timeline,
} from './facts.js';
import { FACT_PARTS } from './fact-image.js';
import { firstAfter, pageOf, type SortKey } from './pages.js';
import { FileJournal, Journal, type ChangeJournal } from './journal.js';
import { relationAt } from './adjacency.js';
import { startImageOf } from './start-image.js';

/** A store in process memory only: it starts empty and forgets everything when the process ends. */
export function createMemoryStore(): GraphStore {
  return new MemoryStore();
}

/** `read`'s value, or null when it throws (a part of the image the file cannot give). */
function readOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * The durable embedded store: opens (or creates) DATA_DIR's data file and rebuilds the graph and
 * its indexes from it. Throws a DataFileError, one line naming the file, when the file cannot be
 * used or its records do not form a valid graph; the file is never replaced.
 */
export function openDurableMemoryStore(dataDir: string): MemoryStore {
  const file = GraphDataFile.open(dataDir);
  try {
    const { records, rows, image } = file.readAll();
    let state: MemoryState;
    try {
      state = stateWithDataset(null, records, {}, image);
      // The snapshot's adjacency holds the relations' walk columns now.
      rows.release();
    } catch (error) {
      const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
      throw new DataFileError(`The data file ${file.path} holds records that do not form a valid graph: ${message}`);
    }
    // The fact indexes of this graph, if an earlier run kept them, are read on the first question
    // that needs them; a part the file cannot give makes the indexes be built from the rows.
    if (image !== null) offerFactImage(state, (name) => (file.isOpen ? readOrNull(() => file.startImagePart(FACT_PARTS + name)) : null));
    return new MemoryStore(file, state, new FileJournal(file), { adjacency: image !== null, search: state.searchIndex.restored });
  } catch (error) {
    file.close();
    throw error;
  }
}

export class MemoryStore implements GraphStore {
  readonly kind = 'memory';
  /** Replaced whole by `load`, never changed in place; every read takes it once. */
  private state: MemoryState;

  /** Changes and side documents: in the data file when there is one; told a write only once it is durable. */
  private journal: ChangeJournal;

  /** `dataFile`: where loads are made durable (none: memory only); `state` and `journal`: what it holds already. */
  constructor(
    private readonly dataFile: GraphDataFile | null = null,
    state: MemoryState = emptyState(),
    journal: ChangeJournal = new Journal(),
    /** What of this store's graph came from the data file's start image (start-image.ts) when it opened. */
    readonly startedFromImage: { readonly adjacency: boolean; readonly search: boolean } = { adjacency: false, search: false },
  ) {
    this.state = state;
    this.journal = journal;
    this.imageIsCurrent = startedFromImage.adjacency && startedFromImage.search;
  }

  /** Whether the data file's start image is of the graph held now: read at start, and nothing written since. */
  private imageIsCurrent: boolean;

  /** The data file's path, or null for a store in memory only. */
  get dataFilePath(): string | null {
    return this.dataFile?.path ?? null;
  }

  /** The schema version the data file was migrated from when it was opened, if it was. */
  get dataFileMigratedFrom(): number | null {
    return this.dataFile?.migratedFrom ?? null;
  }

  async entitiesByIds(ids: readonly string[], options?: ReadOptions): Promise<(EntityRecord | null)[]> {
    refuseIfCancelled(options);
    const state = this.state;
    return ids.map((id) => entityOf(state, id) ?? null);
  }

  async statementsByIds(ids: readonly string[], options?: ReadOptions): Promise<(StatementRecord | null)[]> {
    refuseIfCancelled(options);
    const { statements } = this.state;
    return ids.map((id) => statements.get(id) ?? null);
  }

  async sourcesByIds(ids: readonly string[], options?: ReadOptions): Promise<(SourceRecord | null)[]> {
    refuseIfCancelled(options);
    const { sources } = this.state;
    return ids.map((id) => sources.get(id) ?? null);
  }

  async relationsByIds(ids: readonly string[], options?: ReadOptions): Promise<(RelationRecord | null)[]> {
    refuseIfCancelled(options);
    const state = this.state;
    return ids.map((id) => relationOf(state, id) ?? null);
  }

  async relationsOf(entityIds: readonly string[], { filter, direction, cap }: RelationsQuery, options?: ReadOptions): Promise<RelationView[][]> {
    refuseIfCancelled(options);
    const { adjacency } = this.state;
    const test = compileRelationFilter(filter).over(adjacency);
    return entityIds.map((id) => relationViewsOf(adjacency, id, test, direction, cap));
  }

  async entitiesWithRelations(ids: readonly string[], { filter, direction, cap }: RelationsQuery, options?: ReadOptions): Promise<EntityWithRelations[]> {
    refuseIfCancelled(options);
    const state = this.state;
    const test = compileRelationFilter(filter).over(state.adjacency);
    return ids.map((id) => {
      const entity = entityOf(state, id) ?? null;
      return { entity, relations: entity === null ? [] : relationViewsOf(state.adjacency, id, test, direction, cap) };
    });
  }

  async statementsBySpeakers(speakerIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    refuseIfCancelled(options);
    const index = this.state.statementsBySpeaker;
    return speakerIds.map((id) => [...(index.get(id) ?? [])]);
  }

  async statementsAbout(entityIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    refuseIfCancelled(options);
    const index = this.state.statementsAbout;
    return entityIds.map((id) => [...(index.get(id) ?? [])]);
  }

  async statementsFromSources(sourceIds: readonly string[], options?: ReadOptions): Promise<StatementRecord[][]> {
    refuseIfCancelled(options);
    const index = this.state.statementsBySource;
    return sourceIds.map((id) => [...(index.get(id) ?? [])]);
  }

  async listEntities(kinds: readonly EntityKind[] | null, options?: ReadOptions): Promise<EntityRecord[]> {
    refuseIfCancelled(options);
    return this.state.entitiesByName.filter((entity) => kinds === null || kinds.includes(entity.kind));
  }

  async entitiesUpTo(kinds: readonly EntityKind[] | null, maxItems: number, options?: ReadOptions): Promise<EntityRecord[] | TooManyItems> {
    // The list is a filter of one in memory; only its length is at stake.
    const list = await this.listEntities(kinds, options);
    return list.length > maxItems ? { tooManyItems: true, count: list.length } : list;
  }

  async entityNames(kinds: readonly EntityKind[], options?: ReadOptions): Promise<EntityName[]> {
    // The records are in memory: their names cost nothing more to give whole.
    return this.listEntities(kinds, options);
  }

  async listSources(options?: ReadOptions): Promise<SourceRecord[]> {
    refuseIfCancelled(options);
    return [...this.state.sourcesById];
  }

  async findStatements({ speakerId, aboutId }: StatementFilter, options?: ReadOptions): Promise<StatementRecord[]> {
    refuseIfCancelled(options);
    const state = this.state;
    // The indexed lists are already in order, and filtering keeps it.
    if (speakerId !== null) {
      const spoken = state.statementsBySpeaker.get(speakerId) ?? [];
      return spoken.filter((s) => aboutId === null || s.aboutIds.includes(aboutId));
    }
    if (aboutId !== null) return [...(state.statementsAbout.get(aboutId) ?? [])];
    return [...state.statementsInOrder];
  }

  async search({ text, kinds, first }: SearchQuery, options?: ReadOptions): Promise<SearchMatch[]> {
    refuseIfCancelled(options);
    // Ranked as `rankSearchResults` ranks, over entries prepared when the index was built.
    return this.state.searchIndex.search(text, kinds, first);
  }

  async searchStatements({ text, first, speakerId, window }: StatementSearchQuery, options?: ReadOptions): Promise<StatementMatch[]> {
    refuseIfCancelled(options);
    // Ranked as `rankStatements` ranks; the index is built on the first search of a snapshot.
    return statementSearchIndexOf(this.state.statements).search(text, { speakerId, window }, first);
  }

  neighborhood(
    centreId: string,
    query: NeighborhoodQuery & { readonly maxNodes?: undefined },
    options?: ReadOptions,
  ): Promise<SubgraphResult | null>;
  neighborhood(centreId: string, query: NeighborhoodQuery, options?: ReadOptions): Promise<SubgraphResult | TooManyNodes | null>;
  async neighborhood(
    centreId: string,
    query: NeighborhoodQuery,
    options?: ReadOptions,
  ): Promise<SubgraphResult | TooManyNodes | null> {
    return neighborhoodOf(this.state, centreId, query, new Pacer(options));
  }

  async shortestPath(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult | null> {
    return canonicalShortestPath(this.state, fromId, toId, query, new Pacer(options));
  }

  async load(dataset: Dataset, onProgress?: (done: number, total: number, phase: string) => void): Promise<void> {
    // 1. The new state is built in full, aside: a dataset that does not make a valid graph throws
    //    here, before anything is written.
    // 2. Then the dataset is written to the data file in one SQLite transaction: if that throws
    //    (disk full, I/O error), it rolled back and the current state stays as it was.
    // 3. Only then is the new state swapped in; a load has resolved only once it is durable.
    // All synchronous, no await in between, so two loads cannot interleave and lose one another's
    // records, and the file and the state always hold the same graph.
    const next = stateWithDataset(this.state, dataset);
    this.dataFile?.writeDataset(dataset);
    this.state = next;
    this.imageIsCurrent = false;
    // One step: report the whole dataset once it is in.
    const total = dataset.sources.length + dataset.entities.length + dataset.relations.length + dataset.statements.length;
    onProgress?.(total, total, 'dataset');
  }

  async recordsReferringTo(entityIds: readonly string[], options?: ReadOptions): Promise<ReferringRecords> {
    const pacer = new Pacer(options);
    const ids = new Set(entityIds);
    const { adjacency, statementsInOrder } = this.state;
    // A merge is rare: one pass over the records, rather than an index every load would keep.
    const namesOne = (attributions: readonly Attribution[]) =>
      attributions.some((a) => (a.claimantId !== null && ids.has(a.claimantId)) || (a.viaId !== null && ids.has(a.viaId)));
    // In id order already, as the adjacency keeps them; a relation not read yet is parsed here, a
    // slice at a time (every one of them, at the first merge after a start from the data file).
    const relations: RelationRecord[] = [];
    for (let n = 0; n < adjacency.relations.length; n++) {
      if (pacer.due()) await pacer.pause();
      const r = relationAt(adjacency, n);
      if (ids.has(r.from) || ids.has(r.to) || namesOne(r.attributions)) relations.push(r);
    }
    return {
      relations,
      statements: statementsInOrder
        .filter((s) => (s.speakerId !== null && ids.has(s.speakerId)) || (s.reportedViaId !== null && ids.has(s.reportedViaId)) || s.aboutIds.some((a) => ids.has(a)))
        .sort(compareById),
      events: adjacency.entities.filter((e) => e.event !== null && namesOne(e.event.attributions)),
    };
  }

  async commit(write: GraphWrite): Promise<void> {
    // As load: the new state is built aside (a dangling reference throws here), written in one
    // SQLite transaction with the change and the documents, and only then swapped in; all
    // synchronous, so no other write or read sees half of it.
    this.journal.checkNew(write.change);
    const next = stateWithDataset(this.state, write.upsert, write.remove);
    this.dataFile?.transaction((w) => {
      w.putSources(write.upsert.sources);
      w.putEntities(write.upsert.entities);
      w.putStatements(write.upsert.statements);
      w.putRelations(write.upsert.relations);
      if (write.remove) w.removeRecords(write.remove);
      w.putChange(write.change);
      w.putDocuments(write.documents?.put ?? []);
      w.removeDocuments(write.documents?.remove ?? []);
    });
    this.state = next;
    this.imageIsCurrent = false;
    this.journal.apply(write);
  }

  async changesOf(recordId: string, page: PageQuery, options?: ReadOptions): Promise<Page<ChangeRecord>> {
    refuseIfCancelled(options);
    return this.journal.changesOf(recordId, page);
  }

  async changeByIdempotencyKey(key: string, options?: ReadOptions): Promise<ChangeRecord | null> {
    refuseIfCancelled(options);
    return this.journal.changeByIdempotencyKey(key);
  }

  async documents(kind: StoredDocument['kind'], ids: readonly string[] | null, options?: ReadOptions): Promise<(StoredDocument | null)[]> {
    refuseIfCancelled(options);
    return this.journal.documentsOf(kind, ids);
  }

  async counts(): Promise<GraphCounts> {
    const { adjacency, statements, sources } = this.state;
    return {
      entities: adjacency.entities.length,
      relations: adjacency.relations.length,
      statements: statements.size,
      sources: sources.size,
    };
  }

  async ping(): Promise<void> {
    // Always ready: nothing outside the process to reach.
  }

  async exportDataset(options?: ReadOptions): Promise<Dataset> {
    refuseIfCancelled(options);
    const { adjacency, statementsInOrder, sourcesById } = this.state;
    return {
      sources: [...sourcesById],
      entities: [...adjacency.entities],
      relations: adjacency.relations.map((_, r) => relationAt(adjacency, r)),
      statements: [...statementsInOrder].sort(compareById),
    };
  }

  async paths(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult[]> {
    return kShortestPaths(this.state, fromId, toId, query, new Pacer(options));
  }

  async entitiesPage(kinds: readonly EntityKind[] | null, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>> {
    refuseIfCancelled(options);
    const { entitiesByName, entitiesByKind } = this.state;
    const distinct = kinds === null ? null : [...new Set(kinds)];
    // One kind (or none) is a list kept in order; several are filtered from the whole one.
    const list =
      distinct === null
        ? entitiesByName
        : distinct.length === 1
          ? (entitiesByKind.get(distinct[0]!) ?? [])
          : entitiesByName.filter((e) => distinct.includes(e.kind));
    return pageOf('entities', list, entityKey, compareEntityKeys, ['string', 'string'], page);
  }

  async statementsPage(
    { speakerId, aboutId, window }: StatementFilter & { readonly window: TimeWindow | null },
    page: PageQuery,
    options?: ReadOptions,
  ): Promise<Page<StatementRecord>> {
    refuseIfCancelled(options);
    const ordered = await this.findStatements({ speakerId, aboutId }, options);
    // In date order, so the window's statements are one run of the list.
    const list = window === null ? ordered : windowRun(ordered, window);
    return pageOf('statements', list, statementKey, compareStatementKeys, ['string|null', 'string'], page);
  }

  async findEvents(query: EventQuery, page: PageQuery, options?: ReadOptions): Promise<Page<EntityRecord>> {
    const state = this.state;
    const pacer = new Pacer(options);
    return findEvents(entityFactsOf(state), state.adjacency, query, page, pacer);
  }

  async eventsInPlaces(placeIds: readonly string[], options?: ReadOptions): Promise<EntityRecord[][]> {
    return eventsInPlaces(this.state.adjacency, placeIds, new Pacer(options));
  }

  async timeline(query: TimelineQuery, page: PageQuery, options?: ReadOptions): Promise<Page<TimelineEntry>> {
    const state = this.state;
    const pacer = new Pacer(options);
    return timeline(await factIndexesReady(state, pacer), state, query, page, pacer);
  }

  async factsSupportedBy(statementIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]> {
    const state = this.state;
    return factsSupportedBy(await factIndexesReady(state, new Pacer(options)), state, statementIds);
  }

  async factsCitingSources(sourceIds: readonly string[], options?: ReadOptions): Promise<FactRef[][]> {
    const state = this.state;
    const pacer = new Pacer(options);
    const wanted = new Set(sourceIds);
    const citing = new Map<string, FactRef[]>();
    const add = (attributions: readonly Attribution[], fact: FactRef) => {
      for (const id of new Set(attributions.map((a) => a.sourceId))) {
        if (!wanted.has(id)) continue;
        const list = citing.get(id);
        if (list) list.push(fact);
        else citing.set(id, [fact]);
      }
    };
    // Relations, then events, each in id order (the adjacency's), as the port lists them.
    for (let r = 0; r < state.adjacency.relations.length; r++) {
      if (pacer.due()) await pacer.pause();
      const relation = relationAt(state.adjacency, r);
      add(relation.attributions, { relation, event: null });
    }
    for (const entity of state.adjacency.entities) if (entity.event) add(entity.event.attributions, { relation: null, event: entity });
    return sourceIds.map((id) => [...(citing.get(id) ?? [])]);
  }

  near(placeId: string, query: NearQuery & { readonly maxItems?: undefined }, options?: ReadOptions): Promise<NearbyPlace[] | null>;
  near(placeId: string, query: NearQuery, options?: ReadOptions): Promise<NearbyPlace[] | TooManyItems | null>;
  async near(placeId: string, { km, maxItems }: NearQuery, options?: ReadOptions): Promise<NearbyPlace[] | TooManyItems | null> {
    const state = this.state;
    const pacer = new Pacer(options);
    const places = await near(entityFactsOf(state), entityOf(state, placeId), km, pacer);
    // Listing them costs no more than counting them here.
    return places !== null && maxItems !== undefined && places.length > maxItems ? { tooManyItems: true, count: places.length } : places;
  }

  async close(): Promise<void> {
    // Lets the graph and its indexes be collected; the store stays usable, and empty (a durable
    // one releases its data file, and keeps what it wrote there, with the start image of what it
    // holds unless the image it started from still is: the next start reads that instead of building it).
    const state = this.state;
    this.state = emptyState();
    this.journal = new Journal();
    const file = this.dataFile;
    if (file === null || !file.isOpen) return;
    try {
      // The fact indexes go in too when they are built; an image still current lacks them only if
      // they were not read from it (then they are not encoded again).
      if (!this.imageIsCurrent) {
        file.saveStartImage(new Map([...startImageOf(state.adjacency, state.searchIndex), ...(factImageOf(state) ?? [])]));
      } else if (!factIndexesFromImage(state)) {
        const facts = factImageOf(state);
        if (facts !== null) file.addStartImageParts(facts);
      }
    } finally {
      file.close();
    }
  }
}

const entityKey = (e: EntityRecord): SortKey => [e.name, e.id];
const compareEntityKeys = (a: SortKey, b: SortKey) => compareText(a[0] as string, b[0] as string) || compareText(a[1] as string, b[1] as string);

const statementKey = (s: StatementRecord): SortKey => [s.date, s.id];
function compareStatementKeys(a: SortKey, b: SortKey): number {
  const [da, db] = [a[0] as string | null, b[0] as string | null];
  const byDate = da === db ? 0 : da === null ? 1 : db === null ? -1 : compareText(da, db);
  return byDate || compareText(a[1] as string, b[1] as string);
}

/** The statements of a date-ordered list (undated last) whose date is in the window. */
function windowRun(ordered: readonly StatementRecord[], { from, to }: TimeWindow): readonly StatementRecord[] {
  // Bounds as keys: before the first day's first id (""), after the last day's last id.
  const start = from === null ? 0 : firstAfter(ordered, [from, ''], statementKey, compareStatementKeys);
  const end = firstAfter(ordered, [to ?? '9999-99-99', '\uffff'], statementKey, compareStatementKeys);
  return ordered.slice(start, Math.max(start, end));
}
