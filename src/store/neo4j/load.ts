/**
 * load(dataset): one write transaction, so a failure anywhere leaves the database as it was.
 * Records are written by id in batches (UNWIND $rows); a record with a known id replaces the stored
 * one, as in the memory store. References must resolve within the dataset plus what is already
 * loaded, else the load fails with a DatasetValidationError listing them (the memory store's words).
 *
 * Relations: the loader first takes the LoadLock (loads into one database run one at a time), then
 * looks the dataset's relation ids up by index, type by type, and sorts them into relations to
 * update in place (same type and ends), to move (delete the stored one, create anew) and to
 * create; each group is then written with one static-type query per relation type. Every step is
 * an index seek per row, so a load costs in proportion to its dataset, whatever the hubs' degrees
 * or the size of the database.
 */
import {
  DatasetValidationError,
  danglingReferences,
  isRelationType,
  referencesOf,
  RELATION_TYPE_NAMES,
  type Dataset,
  type ReferenceTarget,
  type RelationRecord,
  type RelationType,
} from '../../domain/index.js';
import { randomUUID } from 'node:crypto';
import {
  CREATE_RELATIONS,
  DELETE_RELATIONS,
  DELETE_STALE_STATEMENT_LINKS,
  EXISTING_ENTITY_IDS,
  EXISTING_SOURCE_IDS,
  EXISTING_STATEMENT_IDS,
  MERGE_ABOUT_LINKS,
  MERGE_ENTITIES,
  LOCK_LOADS,
  MERGE_FROM_SOURCE_LINKS,
  MERGE_SAID_LINKS,
  MERGE_SOURCES,
  MERGE_STATEMENTS,
  RELATION_TYPE_COUNTS,
  STORED_RELATIONS,
  UPDATE_RELATIONS,
} from './cypher/load.js';
import type { Params, QueryRunner } from './executor.js';
import { ALL_KIND_LABELS, KIND_LABELS, statementLinks } from './graph-model.js';
import {
  entityProperties,
  relationProperties,
  sourceProperties,
  statementProperties,
  toNumber,
} from './mapping.js';

const BATCH_SIZE = 5_000;

/**
 * Told after every batch: `done` of `total` rows of `phase` are written (phases: sources,
 * entities, relations, statements, statement links; a phase with no rows is not reported).
 */
export type LoadProgress = (done: number, total: number, phase: string) => void;

export async function loadDataset(tx: QueryRunner, dataset: Dataset, onProgress?: LoadProgress): Promise<void> {
  checkVocabulary(dataset);
  await tx.run(LOCK_LOADS, { loadId: randomUUID() });
  const problems = await danglingReferencesIn(tx, dataset);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  const report = onProgress ?? (() => {});

  await writeAll(tx, MERGE_SOURCES, dataset.sources.map((s) => ({ id: s.id, props: sourceProperties(s) })), {
    report: phase(report, 'sources'),
  });

  await writeAll(
    tx,
    MERGE_ENTITIES,
    dataset.entities.map((e) => ({ id: e.id, label: KIND_LABELS[e.kind], props: entityProperties(e) })),
    { params: { kindLabels: ALL_KIND_LABELS }, report: phase(report, 'entities') },
  );

  await writeRelations(tx, dataset.relations, phase(report, 'relations'));

  const statementRows = dataset.statements.map((s) => ({
    id: s.id,
    speakerId: s.speakerId,
    aboutIds: [...s.aboutIds],
    sourceId: s.sourceId,
    props: statementProperties(s),
  }));
  await writeAll(tx, MERGE_STATEMENTS, statementRows, { report: phase(report, 'statements') });
  const { said: saidRows, about: aboutRows, fromSource: sourceRows } = statementLinks(dataset.statements);
  const links = counter(phase(report, 'statement links'), statementRows.length + saidRows.length + aboutRows.length + sourceRows.length);
  await forEachBatch(statementRows, async (rows) => {
    await tx.run(DELETE_STALE_STATEMENT_LINKS, { rows });
    links(rows.length);
  });
  await writeAll(tx, MERGE_SAID_LINKS, saidRows, { count: links });
  await writeAll(tx, MERGE_ABOUT_LINKS, aboutRows, { count: links });
  await writeAll(tx, MERGE_FROM_SOURCE_LINKS, sourceRows, { count: links });
}

type Report = (done: number, total: number) => void;
const phase = (report: LoadProgress, name: string): Report => (done, total) => report(done, total, name);

/** Adds up what a phase's steps wrote and reports the running total. */
function counter(report: Report, total: number): (n: number) => void {
  let done = 0;
  return (n) => {
    done += n;
    report(done, total);
  };
}

interface RelationRow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, unknown>;
}

interface StoredRelation {
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
}

function byRelationType<T>(): Record<RelationType, T[]> {
  return Object.fromEntries(RELATION_TYPE_NAMES.map((t) => [t, []])) as unknown as Record<RelationType, T[]>;
}

/**
 * Relations: looked up by id, then updated in place, moved (deleted, created anew) or created, one
 * static-type query per relation type. A relation id listed twice: the last record wins, as in the
 * memory store.
 */
async function writeRelations(tx: QueryRunner, relations: readonly RelationRecord[], report: Report): Promise<void> {
  const latest = new Map<string, RelationRecord>();
  for (const r of relations) latest.set(r.id, r);
  if (latest.size === 0) return;
  const stored = await storedRelations(tx, latest);

  const toDelete = byRelationType<string>();
  const toUpdate = byRelationType<RelationRow>();
  const toCreate = byRelationType<RelationRow>();
  for (const r of latest.values()) {
    const row: RelationRow = { id: r.id, from: r.from, to: r.to, props: relationProperties(r) };
    const old = stored.get(r.id);
    if (old === undefined) {
      toCreate[r.type].push(row);
    } else if (old.type === r.type && old.from === r.from && old.to === r.to) {
      toUpdate[r.type].push(row);
    } else {
      toDelete[old.type].push(r.id);
      toCreate[r.type].push(row);
    }
  }
  const done = counter(report, latest.size);
  for (const type of RELATION_TYPE_NAMES) {
    await forEachBatch(toDelete[type], (ids) => expectWritten(tx, DELETE_RELATIONS[type], { ids }, ids.length));
  }
  for (const type of RELATION_TYPE_NAMES) {
    await writeAll(tx, UPDATE_RELATIONS[type], toUpdate[type], { count: done });
    await writeAll(tx, CREATE_RELATIONS[type], toCreate[type], { count: done });
  }
}

/**
 * The stored type and ends of each relation id of the dataset that the database holds. First under
 * the relation's own type (where a reload finds every one); the ids not found there, under the other
 * types that hold any relationship (where a load that changes a relation's type finds it). Relation
 * ids are unique across types (every load keeps them so), so an id found once is found.
 */
async function storedRelations(tx: QueryRunner, relations: ReadonlyMap<string, RelationRecord>): Promise<Map<string, StoredRelation>> {
  const stored = new Map<string, StoredRelation>();
  const lookUp = async (type: RelationType, ids: readonly string[]) => {
    await forEachBatch(ids, async (batch) => {
      for (const row of await tx.run(STORED_RELATIONS[type], { ids: batch })) {
        stored.set(String(row['id']), { type, from: String(row['from']), to: String(row['to']) });
      }
    });
  };
  const idsByType = byRelationType<string>();
  for (const r of relations.values()) idsByType[r.type].push(r.id);
  const counts = new Map((await tx.run(RELATION_TYPE_COUNTS)).map((row) => [String(row['type']), toNumber(row['n'], 'a count')]));
  const holding = RELATION_TYPE_NAMES.filter((type) => (counts.get(type) ?? 0) > 0);
  for (const type of holding) await lookUp(type, idsByType[type]);
  for (const type of holding) {
    const elsewhere = [...relations.values()].filter((r) => r.type !== type && !stored.has(r.id)).map((r) => r.id);
    await lookUp(type, elsewhere);
  }
  return stored;
}

/** Deletes the relations with these ids, whatever their type (an id not stored is no error). */
export async function deleteRelationsById(tx: QueryRunner, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const counts = new Map((await tx.run(RELATION_TYPE_COUNTS)).map((row) => [String(row['type']), toNumber(row['n'], 'a count')]));
  for (const type of RELATION_TYPE_NAMES.filter((t) => (counts.get(t) ?? 0) > 0)) {
    await forEachBatch(ids, (batch) => tx.run(DELETE_RELATIONS[type], { ids: batch }));
  }
}

/** Kind labels and relation types end up as labels and types: only the vocabulary's may. */
export function checkVocabulary(dataset: Dataset): void {
  const problems: string[] = [];
  for (const e of dataset.entities) {
    if (!Object.prototype.hasOwnProperty.call(KIND_LABELS, e.kind)) {
      problems.push(`Entity "${e.id}" has kind ${JSON.stringify(e.kind)}, which is not a kind of the vocabulary.`);
    }
  }
  for (const r of dataset.relations) {
    if (!isRelationType(r.type)) {
      problems.push(`Relation "${r.id}" has type ${JSON.stringify(r.type)}, which is not a relation type of the vocabulary.`);
    }
  }
  if (problems.length > 0) throw new DatasetValidationError(problems);
}

interface WriteOptions {
  readonly params?: Params;
  /** Told the running total of this call's rows after every batch. */
  readonly report?: Report;
  /** Told the size of every batch written (for a phase made of several calls). */
  readonly count?: (n: number) => void;
}

/** Runs a write query over every row, a batch at a time, and checks that each row was written. */
async function writeAll(tx: QueryRunner, cypher: string, rows: readonly object[], options: WriteOptions = {}): Promise<void> {
  let done = 0;
  await forEachBatch(rows, async (batch) => {
    await expectWritten(tx, cypher, { ...options.params, rows: batch }, batch.length);
    done += batch.length;
    options.report?.(done, rows.length);
    options.count?.(batch.length);
  });
}

async function expectWritten(tx: QueryRunner, cypher: string, params: Params, expected: number): Promise<void> {
  const [result] = await tx.run(cypher, params);
  const written = toNumber(result?.['written'], 'a count');
  if (written !== expected) {
    // Unreachable after the reference check; kept so a miss can never commit silently.
    throw new Error(`Load wrote ${written} of ${expected} rows; a reference did not resolve.`);
  }
}

async function forEachBatch<T>(rows: readonly T[], use: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await use(rows.slice(i, i + BATCH_SIZE));
}

/**
 * References of the dataset's relations and statements that are neither in the dataset nor in the
 * database, worded as the memory store words them.
 */
async function danglingReferencesIn(tx: QueryRunner, dataset: Dataset): Promise<string[]> {
  const known: Record<ReferenceTarget, Set<string>> = {
    entity: new Set(dataset.entities.map((e) => e.id)),
    source: new Set(dataset.sources.map((s) => s.id)),
    statement: new Set(dataset.statements.map((s) => s.id)),
  };
  const refs = referencesOf(dataset.relations, dataset.statements);
  const existing: Record<ReferenceTarget, string> = {
    entity: EXISTING_ENTITY_IDS,
    source: EXISTING_SOURCE_IDS,
    statement: EXISTING_STATEMENT_IDS,
  };
  for (const target of ['entity', 'source', 'statement'] as const) {
    const outside = [...new Set(refs.filter((r) => r.target === target && !known[target].has(r.id)).map((r) => r.id))];
    if (outside.length === 0) continue;
    for (const row of await tx.run(existing[target], { ids: outside })) known[target].add(String(row['id']));
  }
  return danglingReferences(refs, (target, id) => known[target].has(id));
}

