/**
 * The memory store's whole state as one immutable snapshot: the records, the indexes over them
 * and the search index. A load or a write builds a new snapshot from the old one plus the change
 * and the store swaps it in only when the build finished, which is what makes a write
 * all-or-nothing: a throw leaves the old snapshot, untouched, in place.
 *
 * A new snapshot shares with the old one every part the change does not touch (a write of
 * relations keeps the entity lists and the search index, a write without statements keeps the
 * statement indexes), and it checks only the references of the records written (the records that
 * stay were checked when they came in), so the cost of a small write on a large graph is the
 * adjacency's rebuild, not a rebuild of everything.
 */
import {
  DatasetValidationError,
  compareText,
  danglingReferences,
  fullReferencesOf,
  referencesOf,
  referencesToRemoved,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type SourceRecord,
  type StatementRecord,
} from '../../domain/index.js';
import { insertSorted } from './ascending.js';
import { compareById, compareEntitiesByName, compareStatements } from './ordering.js';
import { adjacencyAfter, adjacencyOfColumns, numberById, numbersAfter, relationAt, relationNumberOf, sortedById, type Adjacency, type Renumbered } from './adjacency.js';
import { LayeredSearchIndex } from './search-index.js';
import { deriveFactIndexes, type FactChange } from './facts.js';
import type { FactRef } from '../graph-store.js';
import { RelationRow, recordOf, type GraphRecords } from './relation-rows.js';
import type { StartImage } from './start-image.js';

type StatementIndex = ReadonlyMap<string, readonly StatementRecord[]>;

export interface MemoryState {
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
  readonly searchIndex: LayeredSearchIndex;
  /**
   * The graph: every entity and relation by id, numbered, and compressed for neighbourhoods and
   * paths (see adjacency.ts). `entityOf` and `relationOf` look records up by id.
   */
  readonly adjacency: Adjacency;
}

export function emptyState(): MemoryState {
  return stateWithDataset(null, { sources: [], entities: [], relations: [], statements: [] });
}

/** The entity of an id in a snapshot, or undefined. */
export function entityOf(state: MemoryState, id: string): EntityRecord | undefined {
  const n = state.adjacency.numberOf.get(id);
  return n === undefined ? undefined : state.adjacency.entities[n];
}

/** The relation of an id in a snapshot, or undefined. */
export function relationOf(state: MemoryState, id: string): RelationRecord | undefined {
  const r = relationNumberOf(state.adjacency, id);
  return r === -1 ? undefined : relationAt(state.adjacency, r);
}

/** Ids of records to take out of a snapshot, by section. */
export interface Removals {
  readonly entities?: readonly string[];
  readonly relations?: readonly string[];
  readonly statements?: readonly string[];
  readonly sources?: readonly string[];
}

/**
 * A new snapshot holding `previous` (null: nothing) plus `dataset`, less `remove`; a record with a
 * known id replaces the old one, and a removal wins over an upsert of the same id. Throws
 * DatasetValidationError when a record written would refer to one that is not there, or when a
 * record that stays would refer to a removed one. `image`: for the first snapshot of a start, the
 * adjacency's columns and the search index of this very graph, kept by an earlier run (start-image.ts).
 */
export function stateWithDataset(
  previous: MemoryState | null,
  dataset: GraphRecords,
  remove: Removals = {},
  image: StartImage | null = null,
): MemoryState {
  const removed = {
    entity: new Set(remove.entities ?? []),
    relation: new Set(remove.relations ?? []),
    statement: new Set(remove.statements ?? []),
    source: new Set(remove.sources ?? []),
  };
  const entities = upsertSorted(previous?.adjacency.entities ?? [], dataset.entities, removed.entity);
  const relations = upsertSorted(previous?.adjacency.relations ?? [], dataset.relations, removed.relation);
  const statements = upsertById(previous?.statements, dataset.statements, removed.statement);
  const sources = upsertById(previous?.sources, dataset.sources, removed.source);
  const numberOf =
    previous === null ? numberById(entities.list) : numbersAfter(previous.adjacency.numberOf, previous.adjacency.entities.length, entities);

  if (removed.entity.size + removed.statement.size + removed.source.size > 0) {
    // Reads every relation's record: rows of the data file not read yet are parsed here, once.
    const refs = fullReferencesOf(entities.list, relations.list.map(recordOf), statements.values());
    const problems = referencesToRemoved(refs, removed);
    if (problems.length > 0) throw new DatasetValidationError(problems);
  }
  // Only the records written can refer to a record that is not there: every other one was checked
  // when it came in, and a removal of what it refers to was refused just above. Rows read back from
  // the data file were checked when they were written (and SQLite keeps their ends and source as
  // foreign keys), so a start does not parse them to check them again.
  const written = {
    relations: dataset.relations.filter((r): r is RelationRecord => !(r instanceof RelationRow) && !removed.relation.has(r.id)),
    statements: dataset.statements.filter((s) => !removed.statement.has(s.id)),
  };
  const known = {
    entity: (id: string) => numberOf.has(id),
    source: (id: string) => sources.has(id),
    statement: (id: string) => statements.has(id),
  };
  const problems = danglingReferences(referencesOf(written.relations, written.statements), (target, id) => known[target](id));
  // The validator forbids a relation from an entity to itself; the walks rely on it.
  for (const r of written.relations) if (r.from === r.to) problems.push(`Relation "${r.id}" joins "${r.from}" to itself.`);
  if (problems.length > 0) throw new DatasetValidationError(problems);

  const adjacency =
    previous === null && image !== null
      ? adjacencyOfColumns(entities.list, relations.list, numberOf, image.walkColumns)
      : adjacencyAfter(previous?.adjacency ?? null, entities, relations, numberOf);
  const sameEntities = previous !== null && entities.oldIndex === null;
  const sameStatements = previous !== null && statements === previous.statements;
  const sameSources = previous !== null && sources === previous.sources;
  const writtenEntities = lastOfEachId(dataset.entities).filter((e) => !removed.entity.has(e.id));
  const entityLists = sameEntities ? previous : entityListsAfter(previous, entities.list, writtenEntities, removed.entity);
  const statementLists = sameStatements ? previous : statementListsOf(statements);
  const next: MemoryState = {
    statements,
    sources,
    statementsBySpeaker: statementLists.statementsBySpeaker,
    statementsAbout: statementLists.statementsAbout,
    statementsBySource: statementLists.statementsBySource,
    statementsInOrder: statementLists.statementsInOrder,
    entitiesByName: entityLists.entitiesByName,
    entitiesByKind: entityLists.entitiesByKind,
    sourcesById: sameSources ? previous.sourcesById : [...sources.values()].sort(compareById),
    searchIndex: sameEntities
      ? previous.searchIndex
      : previous === null
        ? ((image?.searchParts && LayeredSearchIndex.fromImage(image.searchParts, entities.list)) ?? LayeredSearchIndex.over(entities.list))
        : previous.searchIndex.after(writtenEntities, removed.entity, () => entities.list),
    adjacency,
  };
  if (previous !== null) deriveFactIndexes(previous, next, factChange(previous, dataset, removed, writtenEntities));
  return next;
}

/** What a write changed, as the fact indexes need it (see facts.ts). */
function factChange(
  previous: MemoryState,
  dataset: GraphRecords,
  removed: { readonly entity: ReadonlySet<string>; readonly relation: ReadonlySet<string>; readonly statement: ReadonlySet<string> },
  writtenEntities: readonly EntityRecord[],
): FactChange {
  const relations = lastOfEachId(dataset.relations)
    .filter((r) => !removed.relation.has(r.id))
    .map(recordOf);
  const statements = lastOfEachId(dataset.statements).filter((s) => !removed.statement.has(s.id));
  // Only ids the earlier snapshot held: a new id leaves nothing to take out.
  const gone = {
    entity: new Set([...removed.entity, ...writtenEntities.map((e) => e.id)].filter((id) => entityOf(previous, id) !== undefined)),
    relation: new Set([...removed.relation, ...relations.map((r) => r.id)].filter((id) => relationOf(previous, id) !== undefined)),
    statement: new Set([...removed.statement, ...statements.map((st) => st.id)].filter((id) => previous.statements.has(id))),
  };
  const goneFacts: FactRef[] = [];
  for (const id of gone.relation) {
    const relation = relationOf(previous, id);
    if (relation) goneFacts.push({ relation, event: null });
  }
  for (const id of gone.entity) {
    const event = entityOf(previous, id);
    if (event?.event) goneFacts.push({ relation: null, event });
  }
  const goneStatements = [...gone.statement].map((id) => previous.statements.get(id)!);
  return { entities: writtenEntities, relations, statements, gone, goneFacts, goneStatements };
}

/**
 * The entity lists after a write of `written` (and of the `removed` ids): the previous list by name
 * less the entities replaced or removed, with the written ones placed by a binary search; sorted
 * whole when there is no previous list or the write is a large share of it.
 */
function entityListsAfter(
  previous: MemoryState | null,
  entities: readonly EntityRecord[],
  written: readonly EntityRecord[],
  removed: ReadonlySet<string>,
): Pick<MemoryState, 'entitiesByName' | 'entitiesByKind'> {
  let entitiesByName: EntityRecord[];
  if (previous === null || (written.length + removed.size) * 8 > previous.entitiesByName.length) {
    entitiesByName = [...entities].sort(compareEntitiesByName);
  } else {
    const gone = new Set(removed);
    for (const entity of written) gone.add(entity.id);
    entitiesByName = previous.entitiesByName.filter((e) => !gone.has(e.id));
    for (const entity of written) insertSorted(entitiesByName, entity, compareEntitiesByName);
  }
  const entitiesByKind = new Map<EntityKind, EntityRecord[]>();
  for (const entity of entitiesByName) {
    const list = entitiesByKind.get(entity.kind);
    if (list) list.push(entity);
    else entitiesByKind.set(entity.kind, [entity]);
  }
  return { entitiesByName, entitiesByKind };
}

function statementListsOf(
  statements: ReadonlyMap<string, StatementRecord>,
): Pick<MemoryState, 'statementsBySpeaker' | 'statementsAbout' | 'statementsBySource' | 'statementsInOrder'> {
  return {
    statementsBySpeaker: indexStatements(statements.values(), (s) => (s.speakerId ? [s.speakerId] : [])),
    statementsAbout: indexStatements(statements.values(), (s) => s.aboutIds),
    statementsBySource: indexStatements(statements.values(), (s) => [s.sourceId]),
    statementsInOrder: [...statements.values()].sort(compareStatements),
  };
}

/**
 * `previous` (in id order) with `incoming` put in by id (the last of an id wins) and the `removed`
 * ids taken out, in id order, with where each id was in `previous`; `previous` itself, unchanged,
 * when there is nothing to do, which is how the snapshot knows what it may share. Each record
 * written is placed by a binary search, so a small write costs a copy of the list, not a sort.
 */
function upsertSorted<T extends { readonly id: string }>(
  previous: readonly T[],
  incoming: readonly T[],
  removed: ReadonlySet<string>,
): Renumbered<T> {
  if (incoming.length === 0 && removed.size === 0) return { list: previous, oldIndex: null };
  // Records in strictly ascending id order (a data file reads them so) need no dedupe and no sort.
  // (A copy either way: the snapshot must not share an array its caller may change.)
  const added = ascendingById(incoming) ? [...incoming] : sortedById([...new Map(incoming.map((r) => [r.id, r] as const)).values()]);
  if (previous.length === 0 && removed.size === 0) return { list: added, oldIndex: new Int32Array(added.length).fill(-1), written: added.map((_, n) => n) };
  if (removed.size === 0 && added.length <= SMALL_WRITE) return spliced(previous, added);
  const list: T[] = [];
  const oldIndex = new Int32Array(previous.length + added.length);
  const written: number[] = [];
  const keep = (record: T, old: number): boolean => {
    if (removed.size > 0 && removed.has(record.id)) return false;
    oldIndex[list.length] = old;
    list.push(record);
    return true;
  };
  let i = 0;
  for (const record of added) {
    const at = lowerBound(previous, record.id, i);
    for (; i < at; i++) keep(previous[i]!, i);
    const replaces = i < previous.length && previous[i]!.id === record.id;
    if (keep(record, replaces ? i : -1)) written.push(list.length - 1);
    if (replaces) i++;
  }
  for (; i < previous.length; i++) keep(previous[i]!, i);
  return { list, oldIndex: oldIndex.subarray(0, list.length), written };
}

/** Whether every id comes after the one before it, in code-point order. */
function ascendingById(records: readonly { readonly id: string }[]): boolean {
  for (let i = 1; i < records.length; i++) if (compareText(records[i - 1]!.id, records[i]!.id) >= 0) return false;
  return true;
}

/** Up to this many records, a write is spliced into the list rather than merged record by record. */
const SMALL_WRITE = 64;

/** upsertSorted without removals, for a few records: the runs between them are copied whole. */
function spliced<T extends { readonly id: string }>(previous: readonly T[], added: readonly T[]): Renumbered<T> {
  const pieces: (readonly T[])[] = [];
  const oldIndex = new Int32Array(previous.length + added.length);
  const written: number[] = [];
  let i = 0;
  let n = 0;
  for (const record of added) {
    const at = lowerBound(previous, record.id, i);
    pieces.push(previous.slice(i, at), [record]);
    for (; i < at; i++) oldIndex[n++] = i;
    const replaces = i < previous.length && previous[i]!.id === record.id;
    written.push(n);
    oldIndex[n++] = replaces ? i++ : -1;
  }
  pieces.push(previous.slice(i));
  for (; i < previous.length; i++) oldIndex[n++] = i;
  return { list: ([] as T[]).concat(...pieces), oldIndex: oldIndex.subarray(0, n), written };
}

/** The first place at or after `from` whose id does not come before `id`. */
function lowerBound(list: readonly { readonly id: string }[], id: string, from: number): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareText(list[middle]!.id, id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The records of a write, the last of each id. */
function lastOfEachId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r] as const)).values()];
}

/** As upsertSorted, for records kept by id in a map (no order needed). */
function upsertById<T extends { readonly id: string }>(
  previous: ReadonlyMap<string, T> | undefined,
  incoming: readonly T[],
  removed: ReadonlySet<string>,
): ReadonlyMap<string, T> {
  if (previous !== undefined && incoming.length === 0 && removed.size === 0) return previous;
  const merged = new Map<string, T>(previous ?? []);
  for (const record of incoming) merged.set(record.id, record);
  for (const id of removed) merged.delete(id);
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
