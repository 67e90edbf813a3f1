/**
 * The store contract for the journal: `commit` (upserts, removals, side documents and the change
 * record, all or nothing), `changesOf` (a record's changes, newest first, in pages),
 * `changeByIdempotencyKey` and `documents`. Every store runs it; the Neo4j side on a Neo4j of its
 * own, since the run's shared one must hold the seed graph only, and the embedded store also with
 * a data file, from which it reads its journal.
 */
import { describe, expect } from 'vitest';
import { DatasetValidationError, newChangeId, parseDataset, type Dataset } from '../../src/domain/index.js';
import type { ChangeRecord, GraphWrite } from '../../src/store/graph-store.js';
import { embeddedWithDataFile, storesOfTheirOwn, useLoadedStore } from '../support/stores.js';
import { before, MONITOR, WIRE } from '../support/writes-fixture.js';

const EMPTY: Dataset = { sources: [], entities: [], relations: [], statements: [] };

function change(operation: string, recordIds: string[], extra: Partial<ChangeRecord> = {}): ChangeRecord {
  const { id, at } = newChangeId();
  return {
    id,
    at,
    actor: 'test-editor',
    role: 'editor',
    operation,
    idempotencyKey: null,
    requestHash: null,
    recordIds,
    before: {},
    after: {},
    ...extra,
  };
}

/** A unit of `n`, new, with a file form for the change's `after`. */
function unit(n: number, name = `Journal unit ${n}`): Dataset {
  return parseDataset({ sources: [], entities: [{ id: `unit:journal-${n}`, kind: 'UNIT', name, aliases: [] }], relations: [], statements: [] });
}

describe.each([...(await storesOfTheirOwn('kg-journal-contract-')), embeddedWithDataFile('kg-journal-file-')])('the $name store, for the journal', (under) => {
  const { store, test } = useLoadedStore(under, before);

  describe('commit', () => {
    test('writes the records, the change and the documents together, and reads them back', async () => {
      const written = unit(1);
      const c = change('createEntity', ['unit:journal-1'], {
        idempotencyKey: 'journal-key-1',
        requestHash: 'a'.repeat(64),
        after: { entities: [{ id: 'unit:journal-1', kind: 'UNIT', name: 'Journal unit 1', aliases: [] }] },
      });
      await store.commit({
        upsert: written,
        documents: { put: [{ kind: 'evidence', id: 'evidence:journal-1', body: { words: ['a', 'b'], confidence: 0.5, nested: { n: null } } }] },
        change: c,
      });
      expect(await store.entitiesByIds(['unit:journal-1'])).toEqual(written.entities);
      expect(await store.changeByIdempotencyKey('journal-key-1')).toEqual(c);
      expect((await store.changesOf('unit:journal-1', { first: 10, after: null })).items).toEqual([c]);
      expect(await store.documents('evidence', ['evidence:journal-1'])).toEqual([
        { kind: 'evidence', id: 'evidence:journal-1', body: { words: ['a', 'b'], confidence: 0.5, nested: { n: null } } },
      ]);
    });

    test('removes records, and what refers only to what goes with them', async () => {
      await store.commit({ upsert: unit(2), change: change('createEntity', ['unit:journal-2']) });
      const relation = parseDataset({
        sources: [{ id: WIRE, title: 'Writes fixture wire' }],
        entities: [
          { id: 'unit:journal-2', kind: 'UNIT', name: 'Journal unit 2', aliases: [] },
          { id: 'settlement:marinka', kind: 'SETTLEMENT', name: 'Marinka', aliases: [] },
        ],
        relations: [
          { id: 'rel:journal-2-controls-marinka', type: 'CONTROLS', from: 'unit:journal-2', to: 'settlement:marinka', attributions: [{ stance: 'ASSERTS', sourceId: WIRE }] },
        ],
        statements: [],
      }).relations;
      await store.commit({ upsert: { ...EMPTY, relations: relation }, change: change('addRelation', [relation[0]!.id]) });
      expect(await store.relationsByIds(['rel:journal-2-controls-marinka'])).toEqual(relation);

      await store.commit({
        upsert: EMPTY,
        remove: { entities: ['unit:journal-2'], relations: ['rel:journal-2-controls-marinka'] },
        change: change('mergeEntities', ['unit:journal-2', 'rel:journal-2-controls-marinka']),
      });
      expect(await store.entitiesByIds(['unit:journal-2'])).toEqual([null]);
      expect(await store.relationsByIds(['rel:journal-2-controls-marinka'])).toEqual([null]);
      const [views] = await store.relationsOf(['settlement:marinka'], { filter: { types: null }, direction: 'BOTH' });
      expect(views!.map((v) => v.relation.id)).not.toContain('rel:journal-2-controls-marinka');
      expect((await store.search({ text: 'journal unit 2', kinds: null, first: 5 })).map((m) => m.entity.id)).not.toContain('unit:journal-2');
      // The history of a removed record stays readable.
      expect((await store.changesOf('unit:journal-2', { first: 10, after: null })).items.map((c) => c.operation)).toEqual([
        'mergeEntities',
        'createEntity',
      ]);
    });

    const refused = async (write: GraphWrite) => {
      const countsBefore = await store.counts();
      const error = await store.commit(write).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetValidationError);
      expect(await store.counts()).toEqual(countsBefore);
      expect(await store.entitiesByIds(['unit:journal-refused'])).toEqual([null]);
      expect(await store.changeByIdempotencyKey('journal-refused')).toBeNull();
      expect((await store.changesOf('unit:journal-refused', { first: 5, after: null })).totalCount).toBe(0);
      expect(await store.documents('judgement', ['judgement:refused'])).toEqual([null]);
      expect(await store.documents('merge', ['merge:kept'])).toEqual([{ kind: 'merge', id: 'merge:kept', body: { kept: true } }]);
      return (error as DatasetValidationError).problems;
    };

    test('a removal that would leave a dangling reference fails, and nothing of the write is done', async () => {
      await store.commit({ upsert: EMPTY, documents: { put: [{ kind: 'merge', id: 'merge:kept', body: { kept: true } }] }, change: change('judge', []) });
      const write = (remove: GraphWrite['remove']): GraphWrite => ({
        upsert: unit(0, 'Journal refused').entities.map((e) => ({ ...e, id: 'unit:journal-refused' })).reduce((d, e) => ({ ...d, entities: [e] }), EMPTY),
        remove,
        documents: { put: [{ kind: 'judgement', id: 'judgement:refused', body: 1 }], remove: [{ kind: 'merge', id: 'merge:kept' }] },
        change: change('mergeEntities', ['unit:journal-refused'], { idempotencyKey: 'journal-refused' }),
      });
      // The spokesman is a relation's end, a statement's speaker and a claimant.
      const ends = await refused(write({ entities: ['person:spokesman'] }));
      expect(ends.join(' ')).toContain('person:spokesman');
      expect(ends.join(' ')).toContain('rel:spokesman-commands-brigade');
      // The monitor is only a claimant of attributions (and reportedVia of a statement): those count too.
      const claimant = await refused(write({ entities: ['org:front-monitor'] }));
      expect(claimant).toEqual([
        'The entity "org:front-monitor" cannot be removed: Entity "event:avdiivka-capture" refers to it in "attributions[0].claimantId" and stays.',
        'The entity "org:front-monitor" cannot be removed: Relation "rel:brigade-controls-avdiivka" refers to it in "attributions[1].claimantId" and stays.',
        'The entity "org:front-monitor" cannot be removed: Statement "stmt:spokesman-holds" refers to it in "reportedViaId" and stays.',
      ]);
      // A source a relation's attribution rests on.
      expect((await refused(write({ sources: [MONITOR] }))).join(' ')).toContain('rel:brigade-controls-avdiivka');
      // A statement an attribution rests on.
      expect((await refused(write({ statements: ['stmt:spokesman-holds'] }))).join(' ')).toContain('rel:brigade-controls-avdiivka');
      expect(await store.entitiesByIds(['person:spokesman', 'org:front-monitor'])).not.toContain(null);
    });

    test('a removal is allowed when what refers to the record is removed or rewritten in the same write', async () => {
      await store.commit({ upsert: unit(3), change: change('createEntity', ['unit:journal-3']) });
      await store.commit({ upsert: unit(4), change: change('createEntity', ['unit:journal-4']) });
      const [relation] = parseDataset({
        sources: [{ id: WIRE, title: 'w' }],
        entities: [
          { id: 'unit:journal-3', kind: 'UNIT', name: 'Journal unit 3', aliases: [] },
          { id: 'unit:journal-4', kind: 'UNIT', name: 'Journal unit 4', aliases: [] },
          { id: 'settlement:marinka', kind: 'SETTLEMENT', name: 'Marinka', aliases: [] },
        ],
        relations: [{ id: 'rel:journal-3-controls-marinka', type: 'CONTROLS', from: 'unit:journal-3', to: 'settlement:marinka', attributions: [{ stance: 'ASSERTS', sourceId: WIRE }] }],
        statements: [],
      }).relations;
      await store.commit({ upsert: { ...EMPTY, relations: [relation!] }, change: change('addRelation', [relation!.id]) });
      // A merge of unit 3 into unit 4: the relation moves over, unit 3 goes.
      const moved = { ...relation!, from: 'unit:journal-4' };
      await store.commit({
        upsert: { ...EMPTY, relations: [moved] },
        remove: { entities: ['unit:journal-3'] },
        change: change('mergeEntities', ['unit:journal-3', 'unit:journal-4', relation!.id]),
      });
      expect(await store.entitiesByIds(['unit:journal-3'])).toEqual([null]);
      expect(await store.relationsByIds([relation!.id])).toEqual([moved]);
      const [views] = await store.relationsOf(['unit:journal-4'], { filter: { types: null }, direction: 'BOTH' });
      expect(views!.map((v) => v.relation.id)).toEqual([relation!.id]);
    });

    test('refuses a second change with an idempotency key already recorded, and writes nothing of it', async () => {
      await store.commit({ upsert: unit(5), change: change('createEntity', ['unit:journal-5'], { idempotencyKey: 'journal-twice' }) });
      await expect(
        store.commit({ upsert: unit(6), change: change('createEntity', ['unit:journal-6'], { idempotencyKey: 'journal-twice' }) }),
      ).rejects.toThrow(/journal-twice/);
      expect(await store.entitiesByIds(['unit:journal-6'])).toEqual([null]);
      expect((await store.changeByIdempotencyKey('journal-twice'))!.recordIds).toEqual(['unit:journal-5']);
    });
  });

  describe('retractions', () => {
    test('are kept on relations, events and attributions as committed, and read back, filtered and exported alike', async () => {
      const retraction = { by: 'test-editor', at: '2025-01-07T10:00:00.000Z', reason: 'Withdrawn by the agency.' };
      const [controls] = await store.relationsByIds(['rel:brigade-controls-avdiivka']);
      const [capture] = await store.entitiesByIds(['event:avdiivka-capture']);
      const file = {
        sources: [
          { id: WIRE, title: 'Writes fixture wire' },
          { id: MONITOR, title: 'Writes fixture monitor' },
        ],
        entities: [
          { id: 'unit:assault-brigade', kind: 'UNIT', name: 'Assault brigade', aliases: [] },
          { id: 'settlement:avdiivka', kind: 'SETTLEMENT', name: 'Avdiivka', aliases: [] },
          { id: 'person:spokesman', kind: 'PERSON', name: 'Ivan Spokesman', aliases: [] },
          { id: 'org:front-monitor', kind: 'ORGANIZATION', name: 'Front monitor', aliases: [] },
          {
            id: 'event:avdiivka-capture',
            kind: 'EVENT',
            name: 'Capture of Avdiivka',
            aliases: [],
            event: {
              type: 'CAPTURE',
              attributions: [{ claimantId: 'org:front-monitor', stance: 'ASSERTS', sourceId: MONITOR }],
              retraction,
            },
          },
        ],
        relations: [
          {
            id: 'rel:brigade-controls-avdiivka',
            type: 'CONTROLS',
            from: 'unit:assault-brigade',
            to: 'settlement:avdiivka',
            attributions: [
              { claimantId: 'person:spokesman', stance: 'ASSERTS', sourceId: WIRE, retraction },
              { claimantId: 'org:front-monitor', stance: 'ASSERTS', sourceId: MONITOR },
            ],
          },
        ],
        statements: [],
      };
      const parsed = parseDataset(file);
      const written: Dataset = {
        ...EMPTY,
        entities: parsed.entities.filter((e) => e.id === 'event:avdiivka-capture'),
        relations: parsed.relations,
      };
      expect(controls!.status).not.toBe('CLAIMED');
      expect(capture!.event!.status).not.toBe('RETRACTED');
      await store.commit({ upsert: written, change: change('retract', ['rel:brigade-controls-avdiivka', 'event:avdiivka-capture']) });

      const [relation] = await store.relationsByIds(['rel:brigade-controls-avdiivka']);
      expect(relation).toEqual(written.relations[0]);
      expect(relation!.status).toBe('CLAIMED');
      expect(relation!.claimedBy).toBe('org:front-monitor');
      const [event] = await store.entitiesByIds(['event:avdiivka-capture']);
      expect(event).toEqual(written.entities[0]);
      expect(event!.event).toMatchObject({ status: 'RETRACTED', retraction });
      const retracted = await store.findEvents({ types: null, participantId: null, placeId: null, window: null }, { first: 50, after: null });
      expect(retracted.items.find((e) => e.id === 'event:avdiivka-capture')).toEqual(written.entities[0]);
      const [views] = await store.relationsOf(['settlement:avdiivka'], { filter: { types: ['CONTROLS'], statuses: ['CLAIMED'] }, direction: 'BOTH' });
      expect(views!.map((v) => v.relation)).toEqual([written.relations[0]]);
      const exported = await store.exportDataset();
      expect(exported.relations.find((r) => r.id === 'rel:brigade-controls-avdiivka')).toEqual(written.relations[0]);
      expect(exported.entities.find((e) => e.id === 'event:avdiivka-capture')).toEqual(written.entities[0]);
    });
  });

  describe('changesOf', () => {
    test('lists a record’s changes newest first, in pages that follow one another', async () => {
      const made: ChangeRecord[] = [];
      for (let i = 0; i < 5; i++) {
        const c = change(i === 0 ? 'createEntity' : 'updateEntity', ['unit:journal-7', `unit:journal-other-${i}`]);
        made.push(c);
        await store.commit({ upsert: unit(7, `Journal unit 7, version ${i}`), change: c });
      }
      const newestFirst = [...made].reverse();
      const first = await store.changesOf('unit:journal-7', { first: 2, after: null });
      expect(first.items).toEqual(newestFirst.slice(0, 2));
      expect(first.totalCount).toBe(5);
      expect(first.hasNextPage).toBe(true);
      const second = await store.changesOf('unit:journal-7', { first: 2, after: first.endCursor });
      expect(second.items).toEqual(newestFirst.slice(2, 4));
      const third = await store.changesOf('unit:journal-7', { first: 2, after: second.endCursor });
      expect(third.items).toEqual(newestFirst.slice(4));
      expect(third.hasNextPage).toBe(false);
      expect(third.totalCount).toBe(5);
      // Each other record id finds its own change only.
      expect((await store.changesOf('unit:journal-other-3', { first: 5, after: null })).items).toEqual([made[3]]);
      expect(await store.changesOf('unit:never-changed', { first: 5, after: null })).toEqual({
        items: [],
        totalCount: 0,
        endCursor: null,
        hasNextPage: false,
      });
    });

    test('refuses a cursor it did not make', async () => {
      await expect(store.changesOf('unit:journal-7', { first: 2, after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('documents', () => {
    test('answers by id in order with null for unknown ids, or every document of a kind by id; put replaces, remove removes', async () => {
      await store.commit({
        upsert: EMPTY,
        documents: {
          put: [
            { kind: 'changeset', id: 'changeset:b', body: { state: 'OPEN', records: [1, 2] } },
            { kind: 'changeset', id: 'changeset:a', body: 'text body' },
            { kind: 'changeset', id: 'changeset:c', body: { state: 'OPEN' } },
            { kind: 'judgement', id: 'changeset:a', body: { other: 'kind' } },
          ],
        },
        change: change('proposeChangeset', []),
      });
      expect(await store.documents('changeset', ['changeset:c', 'changeset:none', 'changeset:a'])).toEqual([
        { kind: 'changeset', id: 'changeset:c', body: { state: 'OPEN' } },
        null,
        { kind: 'changeset', id: 'changeset:a', body: 'text body' },
      ]);
      await store.commit({
        upsert: EMPTY,
        documents: { put: [{ kind: 'changeset', id: 'changeset:b', body: { state: 'ACCEPTED' } }], remove: [{ kind: 'changeset', id: 'changeset:c' }] },
        change: change('acceptChangeset', []),
      });
      expect(await store.documents('changeset', null)).toEqual([
        { kind: 'changeset', id: 'changeset:a', body: 'text body' },
        { kind: 'changeset', id: 'changeset:b', body: { state: 'ACCEPTED' } },
      ]);
      expect(await store.documents('judgement', ['changeset:a'])).toEqual([{ kind: 'judgement', id: 'changeset:a', body: { other: 'kind' } }]);
    });
  });
});
