/**
 * WriteService.commit, the one path of every write, in its short form (what other mutations, such
 * as merges, use): the role it is given, removals and side documents with the records, a removal
 * the graph refuses as BAD_USER_INPUT with every problem, the change record, and idempotency.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type Viewer } from '../../src/domain/index.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { WriteService } from '../../src/writes/write-service.js';
import { before } from '../support/writes-fixture.js';

const ADMIN: Viewer = { role: 'admin', subject: 'test-admin' };
const EDITOR: Viewer = { role: 'editor', subject: 'test-editor' };

let store: GraphStore;
let writes: WriteService;
beforeEach(async () => {
  store = createMemoryStore();
  await store.load(before);
  writes = new WriteService(store);
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('WriteService.commit, short form', () => {
  it('checks the role it is given, writes records, removals and documents together, and records the change', async () => {
    const plan = {
      records: { entities: [{ id: 'unit:volunteer-corps', kind: 'UNIT' as const, name: 'Volunteer corps', aliases: ['Corps'] }] },
      remove: { relations: ['rel:avdiivka-near-marinka'] },
      documents: { put: [{ kind: 'merge' as const, id: 'merge:1', body: { absorbed: 'rel:avdiivka-near-marinka' } }] },
      recordIds: ['unit:volunteer-corps'],
    };
    const refused = await failure(writes.commit(EDITOR, 'mergeEntities', { a: 1 }, plan, { role: 'admin', what: 'merge entities' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('To merge entities you need the admin role');

    const written = await writes.commit(ADMIN, 'mergeEntities', { a: 1 }, plan, { role: 'admin', idempotencyKey: 'merge-1' });
    expect(written.entities.map((e) => e.aliases)).toEqual([['Corps']]);
    expect(await store.relationsByIds(['rel:avdiivka-near-marinka'])).toEqual([null]);
    expect(await store.documents('merge', ['merge:1'])).toEqual([{ kind: 'merge', id: 'merge:1', body: { absorbed: 'rel:avdiivka-near-marinka' } }]);
    const [change] = (await store.changesOf('rel:avdiivka-near-marinka', { first: 5, after: null })).items;
    expect(change).toMatchObject({
      actor: 'test-admin',
      role: 'admin',
      operation: 'mergeEntities',
      idempotencyKey: 'merge-1',
      recordIds: ['unit:volunteer-corps', 'rel:avdiivka-near-marinka'],
      after: { entities: [{ id: 'unit:volunteer-corps', kind: 'UNIT', name: 'Volunteer corps', aliases: ['Corps'] }] },
    });
    expect(change!.before.relations!.map((r) => r.id)).toEqual(['rel:avdiivka-near-marinka']);
    expect(change!.before.entities).toEqual([{ id: 'unit:volunteer-corps', kind: 'UNIT', name: 'Volunteer corps', aliases: [] }]);

    // Sent again with its key: the records it wrote, as they are now; nothing written again.
    const again = await writes.commit(ADMIN, 'mergeEntities', { a: 1 }, plan, { role: 'admin', idempotencyKey: 'merge-1' });
    expect(again).toEqual({ sources: [], entities: written.entities, relations: [], statements: [] });
    expect((await store.changesOf('unit:volunteer-corps', { first: 5, after: null })).totalCount).toBe(1);
    const reused = await failure(writes.commit(ADMIN, 'mergeEntities', { a: 2 }, plan, { role: 'admin', idempotencyKey: 'merge-1' }));
    expect(reused.details).toMatchObject({ argument: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses a removal that would leave a dangling reference as BAD_USER_INPUT listing every one, and writes nothing', async () => {
    const counts = await store.counts();
    const refused = await failure(
      writes.commit(ADMIN, 'mergeEntities', {}, async () => ({ remove: { entities: ['org:front-monitor'] }, documents: { put: [{ kind: 'merge', id: 'merge:2', body: 1 }] } }), {
        role: 'admin',
      }),
    );
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.details['problems']).toEqual([
      'The entity "org:front-monitor" cannot be removed: Entity "event:avdiivka-capture" refers to it in "attributions[0].claimantId" and stays.',
      'The entity "org:front-monitor" cannot be removed: Relation "rel:brigade-controls-avdiivka" refers to it in "attributions[1].claimantId" and stays.',
      'The entity "org:front-monitor" cannot be removed: Statement "stmt:spokesman-holds" refers to it in "reportedViaId" and stays.',
    ]);
    expect(await store.counts()).toEqual(counts);
    expect(await store.documents('merge', ['merge:2'])).toEqual([null]);
    expect((await store.changesOf('org:front-monitor', { first: 5, after: null })).totalCount).toBe(0);
  });
});
