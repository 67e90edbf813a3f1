/**
 * load(dataset): one write transaction, so a failure anywhere leaves the database as it was.
 * Records are merged by id in batches (UNWIND $rows); a record with a known id replaces the stored
 * one, as in the memory store. References must resolve within the dataset plus what is already
 * loaded, else the load fails with a DatasetValidationError listing them (the memory store's words).
 */
import {
  DatasetValidationError,
  danglingReferences,
  isRelationType,
  referencesOf,
  type Dataset,
  type ReferenceTarget,
} from '../../domain/index.js';
import {
  DELETE_MOVED_RELATIONS,
  DELETE_STALE_STATEMENT_LINKS,
  EXISTING_ENTITY_IDS,
  EXISTING_SOURCE_IDS,
  EXISTING_STATEMENT_IDS,
  MERGE_ABOUT_LINKS,
  MERGE_ENTITIES,
  MERGE_FROM_SOURCE_LINKS,
  MERGE_RELATIONS,
  MERGE_SAID_LINKS,
  MERGE_SOURCES,
  MERGE_STATEMENTS,
} from './cypher/load.js';
import type { Params, QueryRunner } from './executor.js';
import { ALL_KIND_LABELS, KIND_LABELS, walkableTypes } from './graph-model.js';
import {
  entityProperties,
  relationProperties,
  sourceProperties,
  statementProperties,
  toNumber,
} from './mapping.js';

const BATCH_SIZE = 1_000;

export async function loadDataset(tx: QueryRunner, dataset: Dataset): Promise<void> {
  checkVocabulary(dataset);
  const problems = await danglingReferencesIn(tx, dataset);
  if (problems.length > 0) throw new DatasetValidationError(problems);

  await writeAll(tx, MERGE_SOURCES, dataset.sources.map((s) => ({ id: s.id, props: sourceProperties(s) })));

  await writeAll(
    tx,
    MERGE_ENTITIES,
    dataset.entities.map((e) => ({ id: e.id, label: KIND_LABELS[e.kind], props: entityProperties(e) })),
    { kindLabels: ALL_KIND_LABELS },
  );

  if (dataset.relations.length > 0) {
    const byId = Object.fromEntries(dataset.relations.map((r) => [r.id, { type: r.type, from: r.from, to: r.to }]));
    await tx.run(DELETE_MOVED_RELATIONS, { byId, types: walkableTypes(null) });
  }
  await writeAll(
    tx,
    MERGE_RELATIONS,
    dataset.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, props: relationProperties(r) })),
  );

  const statementRows = dataset.statements.map((s) => ({
    id: s.id,
    speakerId: s.speakerId,
    aboutIds: [...s.aboutIds],
    sourceId: s.sourceId,
    props: statementProperties(s),
  }));
  await writeAll(tx, MERGE_STATEMENTS, statementRows);
  await forEachBatch(statementRows, (rows) => tx.run(DELETE_STALE_STATEMENT_LINKS, { rows }));
  await writeAll(
    tx,
    MERGE_SAID_LINKS,
    dataset.statements.flatMap((s) => (s.speakerId === null ? [] : [{ statementId: s.id, entityId: s.speakerId }])),
  );
  await writeAll(
    tx,
    MERGE_ABOUT_LINKS,
    dataset.statements.flatMap((s) => s.aboutIds.map((entityId) => ({ statementId: s.id, entityId }))),
  );
  await writeAll(
    tx,
    MERGE_FROM_SOURCE_LINKS,
    dataset.statements.map((s) => ({ statementId: s.id, sourceId: s.sourceId })),
  );
}

/** Kind labels and relation types end up as labels and types: only the vocabulary's may. */
function checkVocabulary(dataset: Dataset): void {
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

/** Runs a MERGE query over every row, a batch at a time, and checks that each row was written. */
async function writeAll(tx: QueryRunner, cypher: string, rows: readonly object[], params: Params = {}): Promise<void> {
  await forEachBatch(rows, async (batch) => {
    const [result] = await tx.run(cypher, { ...params, rows: batch });
    const written = toNumber(result?.['written'], 'a count');
    if (written !== batch.length) {
      // Unreachable after the reference check; kept so a miss can never commit silently.
      throw new Error(`Load wrote ${written} of ${batch.length} rows; a reference did not resolve.`);
    }
  });
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

