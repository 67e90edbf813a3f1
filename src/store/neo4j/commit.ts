/**
 * commit(write) on Neo4j: one write transaction holding the upserts (the loader's own code path),
 * the removals, the side documents and the change record; a failure anywhere rolls all of it back.
 * Commits and loads take the same LoadLock first, so they run one after another.
 */
import { randomUUID } from 'node:crypto';
import {
  DatasetValidationError,
  fullReferencesOf,
  idempotencyKeyTaken,
  referencesToRemoved,
} from '../../domain/index.js';
import type { GraphWrite } from '../graph-store.js';
import {
  DELETE_ENTITIES,
  DELETE_SOURCES,
  DELETE_STATEMENTS,
  EVENTS_REFERRING_TO,
  LOCK_LOADS,
  RELATIONS_REFERRING_TO,
  STATEMENTS_REFERRING_TO,
} from './cypher/load.js';
import { CHANGE_CONFLICTS, CREATE_CHANGE, PUT_DOCUMENTS, REMOVE_DOCUMENTS } from './cypher/journal.js';
import type { QueryRunner } from './executor.js';
import { deleteRelationsById, loadDataset } from './load.js';
import { entityFromNode, relationFromRelationship, statementFromNode } from './mapping.js';

export async function commitWrite(tx: QueryRunner, write: GraphWrite): Promise<void> {
  const { change } = write;
  await tx.run(LOCK_LOADS, { loadId: randomUUID() });
  const [taken] = await tx.run(CHANGE_CONFLICTS, { id: change.id, idempotencyKey: change.idempotencyKey });
  if (change.idempotencyKey !== null && taken?.['keyTaken'] === true) throw idempotencyKeyTaken(change.idempotencyKey);
  if (taken?.['idTaken'] === true) throw new Error(`A change with the id "${change.id}" is recorded already.`);

  await loadDataset(tx, write.upsert);
  await removeRecords(tx, write);

  const put = write.documents?.put ?? [];
  if (put.length > 0) {
    await tx.run(PUT_DOCUMENTS, { rows: put.map((d) => ({ kind: d.kind, id: d.id, body: JSON.stringify(d.body ?? null) })) });
  }
  const removed = write.documents?.remove ?? [];
  if (removed.length > 0) await tx.run(REMOVE_DOCUMENTS, { rows: removed.map((d) => ({ kind: d.kind, id: d.id })) });

  await tx.run(CREATE_CHANGE, {
    id: change.id,
    at: change.at,
    idempotencyKey: change.idempotencyKey,
    json: JSON.stringify(change),
    recordIds: [...new Set(change.recordIds)],
  });
}

/**
 * The write's removals, after its upserts (so a record rewritten in the write is checked as it is
 * now): relations go first; entities, statements and sources only when nothing that stays refers to
 * them, else the write fails with the domain's wording of every such reference.
 */
async function removeRecords(tx: QueryRunner, { remove }: GraphWrite): Promise<void> {
  if (!remove) return;
  await deleteRelationsById(tx, remove.relations ?? []);
  const entities = [...new Set(remove.entities ?? [])];
  const statements = [...new Set(remove.statements ?? [])];
  const sources = [...new Set(remove.sources ?? [])];
  if (entities.length + statements.length + sources.length === 0) return;

  const params = { entities, statements, sources, needles: [...entities, ...statements, ...sources].map((id) => JSON.stringify(id)) };
  const relations = (await tx.run(RELATIONS_REFERRING_TO, params)).map((row) => relationFromRelationship(row['r'], row['fromId'], row['toId']));
  const events = (await tx.run(EVENTS_REFERRING_TO, params)).map((row) => entityFromNode(row['n']));
  const referring = (await tx.run(STATEMENTS_REFERRING_TO, params)).map((row) => statementFromNode(row['s']));
  const problems = referencesToRemoved(fullReferencesOf(events, relations, referring), {
    entity: new Set(entities),
    statement: new Set(statements),
    source: new Set(sources),
  });
  if (problems.length > 0) throw new DatasetValidationError(problems);

  await tx.run(DELETE_STATEMENTS, { ids: statements });
  await tx.run(DELETE_ENTITIES, { ids: entities });
  await tx.run(DELETE_SOURCES, { ids: sources });
}
