/**
 * The embedded store: the whole graph in process memory, in a graphology multigraph with
 * indexes beside it. It answers exactly as the Neo4j store does (orders included, see the
 * header of graph-store.ts); the contract suite in test/contract runs both.
 */
import {
  type Dataset,
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
  RelationFilter,
  RelationView,
  SearchQuery,
  StatementFilter,
  SubgraphResult,
  TooManyNodes,
} from '../graph-store.js';
import { relationViewsOf } from './relations.js';
import { emptyState, stateWithDataset, type MemoryState } from './state.js';
import { Pacer } from './pacer.js';
import { canonicalShortestPath, neighborhoodOf } from './traversal.js';

/** Reads that are one lookup need only refuse to start once the request has been cancelled. */
function refuseIfCancelled(options: ReadOptions | undefined): void {
  options?.signal?.throwIfAborted();
}

export function createMemoryStore(): GraphStore {
  return new MemoryStore();
}

export class MemoryStore implements GraphStore {
  readonly kind = 'memory';
  /** Replaced whole by `load`, never changed in place; every read takes it once. */
  private state: MemoryState = emptyState();

  async entitiesByIds(ids: readonly string[], options?: ReadOptions): Promise<(EntityRecord | null)[]> {
    refuseIfCancelled(options);
    const { graph } = this.state;
    return ids.map((id) => (graph.hasNode(id) ? graph.getNodeAttributes(id) : null));
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

  async relationsOf(entityIds: readonly string[], filter: RelationFilter, options?: ReadOptions): Promise<RelationView[][]> {
    refuseIfCancelled(options);
    const { graph } = this.state;
    return entityIds.map((id) => relationViewsOf(graph, id, filter));
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
    return neighborhoodOf(this.state, centreId, query, new Pacer(options?.signal));
  }

  async shortestPath(fromId: string, toId: string, query: PathQuery, options?: ReadOptions): Promise<PathResult | null> {
    return canonicalShortestPath(this.state, fromId, toId, query, new Pacer(options?.signal));
  }

  async load(dataset: Dataset, onProgress?: (done: number, total: number, phase: string) => void): Promise<void> {
    // Built in full before the swap: if anything throws, the current state stays as it was.
    // No await in between, so two loads cannot interleave and lose one another's records.
    this.state = stateWithDataset(this.state, dataset);
    // One step: report the whole dataset once it is in.
    const total = dataset.sources.length + dataset.entities.length + dataset.relations.length + dataset.statements.length;
    onProgress?.(total, total, 'dataset');
  }

  async counts(): Promise<GraphCounts> {
    const { graph, statements, sources } = this.state;
    return {
      entities: graph.order,
      relations: graph.size,
      statements: statements.size,
      sources: sources.size,
    };
  }

  async ping(): Promise<void> {
    // Always ready: nothing outside the process to reach.
  }

  async close(): Promise<void> {
    // Lets the graph and its indexes be collected; the store stays usable, and empty.
    this.state = emptyState();
  }
}
