/**
 * The memory store's whole state as one immutable snapshot: the graph, the records that are not
 * in it, the indexes over them and the search index. A load builds a new snapshot from the old one
 * plus the dataset and the store swaps it in only when the build finished, which is what makes a
 * load all-or-nothing: a throw leaves the old snapshot, untouched, in place.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  DatasetValidationError,
  danglingReferences,
  fullReferencesOf,
  referencesOf,
  referencesToRemoved,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type SourceRecord,
  type StatementRecord,
} from '../../domain/index.js';
import { compareById, compareEntitiesByName, compareStatements } from './ordering.js';
import { buildAdjacency, type Adjacency } from './adjacency.js';
import { EntitySearchIndex } from './search-index.js';
import { buildFactIndexes, type FactIndexes } from './facts.js';

/** Node key = entity id, attributes = the EntityRecord; edge key = relation id, attributes = the RelationRecord. */
export type KnowledgeGraph = MultiDirectedGraph<EntityRecord, RelationRecord>;

type StatementIndex = ReadonlyMap<string, readonly StatementRecord[]>;

export interface MemoryState {
  readonly graph: KnowledgeGraph;
  readonly statements: ReadonlyMap<string, StatementRecord>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
  /** Each list below is already in the port's order, so reads need not sort. */
  readonly statementsBySpeaker: StatementIndex;
  readonly statementsAbout: StatementIndex;
  readonly statementsBySource: StatementIndex;
  readonly statementsInOrder: readonly StatementRecord[];
  readonly entitiesByName: readonly EntityRecord[];
  /** Each kind's entities, by name then id. */
  readonly entitiesByKind: ReadonlyMap<EntityKind, readonly EntityRecord[]>;
  readonly sourcesById: readonly SourceRecord[];
  readonly searchIndex: EntitySearchIndex;
  /** The graph compressed for neighbourhoods and paths (see adjacency.ts). */
  readonly adjacency: Adjacency;
  /** Events, the timeline, statements' facts and located places (see facts.ts). */
  readonly facts: FactIndexes;
}

export function emptyState(): MemoryState {
  return buildState(new Map(), new Map(), new Map(), new Map());
}

/** Ids of records to take out of a snapshot, by section. */
export interface Removals {
  readonly entities?: readonly string[];
  readonly relations?: readonly string[];
  readonly statements?: readonly string[];
  readonly sources?: readonly string[];
}

/**
 * A new snapshot holding `previous` plus `dataset`, less `remove`; a record with a known id
 * replaces the old one. Throws DatasetValidationError when a record that stays would refer to one
 * that is not there (a removed one included).
 */
export function stateWithDataset(previous: MemoryState, dataset: Dataset, remove: Removals = {}): MemoryState {
  const entities = mergeById(entitiesOf(previous.graph), dataset.entities);
  const relations = mergeById(relationsOf(previous.graph), dataset.relations);
  const statements = mergeById(previous.statements.values(), dataset.statements);
  const sources = mergeById(previous.sources.values(), dataset.sources);
  const removed = {
    entity: new Set(remove.entities ?? []),
    relation: new Set(remove.relations ?? []),
    statement: new Set(remove.statements ?? []),
    source: new Set(remove.sources ?? []),
  };
  for (const id of removed.entity) entities.delete(id);
  for (const id of removed.relation) relations.delete(id);
  for (const id of removed.statement) statements.delete(id);
  for (const id of removed.source) sources.delete(id);
  if (removed.entity.size + removed.statement.size + removed.source.size > 0) {
    const refs = fullReferencesOf(entities.values(), relations.values(), statements.values());
    const problems = referencesToRemoved(refs, removed);
    if (problems.length > 0) throw new DatasetValidationError(problems);
  }
  // Checked against the merged state: the validator sees a dataset alone, and graphology would
  // refuse an edge to a missing node only after part of the graph was built.
  const known = { entity: entities, source: sources, statement: statements };
  const problems = danglingReferences(
    referencesOf(relations.values(), statements.values()),
    (target, id) => known[target].has(id),
  );
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return buildState(entities, relations, statements, sources);
}

function buildState(
  entities: ReadonlyMap<string, EntityRecord>,
  relations: ReadonlyMap<string, RelationRecord>,
  statements: ReadonlyMap<string, StatementRecord>,
  sources: ReadonlyMap<string, SourceRecord>,
): MemoryState {
  const entitiesByName = [...entities.values()].sort(compareEntitiesByName);
  const entitiesByKind = new Map<EntityKind, EntityRecord[]>();
  for (const entity of entitiesByName) {
    const list = entitiesByKind.get(entity.kind);
    if (list) list.push(entity);
    else entitiesByKind.set(entity.kind, [entity]);
  }
  return {
    graph: buildGraph(entities.values(), relations.values()),
    statements,
    sources,
    statementsBySpeaker: indexStatements(statements.values(), (s) => (s.speakerId ? [s.speakerId] : [])),
    statementsAbout: indexStatements(statements.values(), (s) => s.aboutIds),
    statementsBySource: indexStatements(statements.values(), (s) => [s.sourceId]),
    statementsInOrder: [...statements.values()].sort(compareStatements),
    entitiesByName,
    entitiesByKind,
    sourcesById: [...sources.values()].sort(compareById),
    searchIndex: new EntitySearchIndex(entities.values()),
    adjacency: buildAdjacency(entities.values(), relations.values()),
    facts: buildFactIndexes(entities.values(), relations.values(), statements.values()),
  };
}

function buildGraph(
  entities: Iterable<EntityRecord>,
  relations: Iterable<RelationRecord>,
): KnowledgeGraph {
  // The validator forbids a relation from an entity to itself.
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const entity of entities) graph.addNode(entity.id, entity);
  for (const relation of relations) {
    graph.addDirectedEdgeWithKey(relation.id, relation.from, relation.to, relation);
  }
  return graph;
}

function entitiesOf(graph: KnowledgeGraph): EntityRecord[] {
  return graph.mapNodes((_id, entity) => entity);
}

function relationsOf(graph: KnowledgeGraph): RelationRecord[] {
  return graph.mapEdges((_id, relation) => relation);
}

function mergeById<T extends { readonly id: string }>(
  existing: Iterable<T>,
  incoming: readonly T[],
): Map<string, T> {
  const merged = new Map<string, T>();
  for (const record of existing) merged.set(record.id, record);
  for (const record of incoming) merged.set(record.id, record);
  return merged;
}

/** Lists, sorted, the records keyed under each id that `keysOf` gives for a statement. */
function indexStatements(
  statements: Iterable<StatementRecord>,
  keysOf: (statement: StatementRecord) => readonly string[],
): Map<string, StatementRecord[]> {
  const index = new Map<string, StatementRecord[]>();
  for (const statement of statements) {
    for (const key of new Set(keysOf(statement))) {
      const list = index.get(key);
      if (list) list.push(statement);
      else index.set(key, [statement]);
    }
  }
  for (const list of index.values()) list.sort(compareStatements);
  return index;
}
