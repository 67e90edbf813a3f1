/**
 * The store contract for what writes need of a store: relations looked up by id, and a load that
 * replaces a record whose id is already stored, whole. Every store loads a small graph
 * (test/support/writes-fixture.ts: `before`), then records under the same ids (`after`) that change
 * or drop fields, and must then read back, filter and search exactly the new records, as if the old
 * ones had never been.
 *
 * The run's shared Neo4j must hold the seed graph only, so the Neo4j side starts a Neo4j of its
 * own for this file, whenever the run has Neo4j.
 */
import { beforeAll, describe, expect } from 'vitest';
import { normalizeForSearch, type Dataset, type RelationRecord } from '../../src/domain/index.js';
import type { RelationFilter } from '../../src/store/graph-store.js';
import { importedNeo4j, storesOfTheirOwn, useLoadedStore } from '../support/stores.js';
import { after, before, MONITOR, replaced, WIRE } from '../support/writes-fixture.js';

const relationIn = (dataset: Dataset, id: string): RelationRecord => dataset.relations.find((r) => r.id === id)!;
const CONTROLS = 'rel:brigade-controls-avdiivka';
const COMMANDS = 'rel:spokesman-commands-brigade';
const NEAR = 'rel:avdiivka-near-marinka';

describe.each([...(await storesOfTheirOwn('kg-writes-contract-')), await importedNeo4j('kg-writes-imported-')])('the $name store, for writes', (under) => {
  const { store, test } = useLoadedStore(under, before);

  /** The ids of the relations of `entityId` (either direction) that pass `filter`. */
  const passing = async (entityId: string, filter: RelationFilter) =>
    ((await store.relationsOf([entityId], { filter, direction: 'BOTH' }))[0] ?? []).map((v) => v.relation.id);
  const found = async (text: string) =>
    (await store.search({ text: normalizeForSearch(text), kinds: null, first: 10 })).map((m) => m.entity.id);

  describe('relationsByIds', () => {
    test('answers one record per id, in order, null for an unknown id, whatever the type', async () => {
      const ids = [NEAR, 'rel:nothing', CONTROLS, COMMANDS, NEAR, 'settlement:avdiivka'];
      expect(await store.relationsByIds(ids)).toEqual([
        relationIn(before, NEAR),
        null,
        relationIn(before, CONTROLS),
        relationIn(before, COMMANDS),
        relationIn(before, NEAR),
        null,
      ]);
      expect(await store.relationsByIds([])).toEqual([]);
      expect(await store.relationsByIds(['rel:nothing'])).toEqual([null]);
    });

    test('reads what relationsOf reads', async () => {
      const views = (await store.relationsOf(['unit:assault-brigade'], { filter: { types: null }, direction: 'BOTH' }))[0]!;
      expect(await store.relationsByIds(views.map((v) => v.relation.id))).toEqual(views.map((v) => v.relation));
    });
  });

  describe('a load of records whose ids are stored', () => {
    const expected = replaced(before, after);
    // The fixture changes what the filters below look at; a fixture edit that undoes that shows here.
    beforeAll(async () => {
      expect(relationIn(before, CONTROLS).status).toBe('REPORTED');
      expect(relationIn(after, CONTROLS).status).toBe('DISPUTED');
      if (!under.enabled) return;
      // Found by what the new records drop, before they are loaded.
      expect(await found('dovhenke')).toEqual(['settlement:avdiivka']);
      expect(await found('coke plant')).toEqual(['settlement:avdiivka']);
      expect(await store.factsSupportedBy(['stmt:spokesman-holds'])).toEqual([[{ relation: relationIn(before, CONTROLS), event: null }]]);
      await store.load(after);
    }, 120_000);

    test('replaces each record whole: every field as the new record has it, dropped fields gone', async () => {
      expect(await store.entitiesByIds(after.entities.map((e) => e.id))).toEqual(after.entities);
      expect(await store.relationsByIds([CONTROLS, COMMANDS, NEAR])).toEqual([
        relationIn(after, CONTROLS),
        relationIn(after, COMMANDS),
        relationIn(before, NEAR),
      ]);
      expect(await store.statementsByIds(['stmt:spokesman-holds'])).toEqual(after.statements);
      expect(await store.sourcesByIds([MONITOR, WIRE])).toEqual([after.sources[0], before.sources[0]]);
      expect(await store.exportDataset()).toEqual(expected);
      expect(await store.counts()).toEqual({ entities: 7, relations: 3, statements: 1, sources: 3 });
    });

    test('relations bring the new record at their other end', async () => {
      const all = (await store.exportDataset()).entities.map((e) => e.id);
      const views = (await store.relationsOf(all, { filter: { types: null }, direction: 'BOTH' })).flat();
      const replacedIds = new Set(after.entities.map((e) => e.id));
      const toReplaced = views.filter((v) => replacedIds.has(v.otherId));
      expect(toReplaced.length).toBeGreaterThan(0);
      expect(toReplaced.map((v) => v.other)).toEqual(toReplaced.map((v) => after.entities.find((e) => e.id === v.otherId)));
      expect(views.map((v) => v.other)).toEqual(await store.entitiesByIds(views.map((v) => v.otherId)));
    });

    test('searches the new names: not a dropped alias or description', async () => {
      expect(await found('koksokhim')).toEqual(['settlement:avdiivka']);
      expect(await found('dovhenke')).toEqual([]);
      expect(await found('coke plant')).toEqual([]);
      expect((await found('Авдіївка'))[0]).toBe('settlement:avdiivka');
      expect(await found('corps')).toEqual(['unit:volunteer-corps']);
    });

    test('lists an entity by its new name, and a place without a location nowhere near', async () => {
      expect((await store.listEntities(['SETTLEMENT'])).map((e) => e.id)).toEqual(['settlement:avdiivka', 'settlement:marinka']);
      const page = await store.entitiesPage(['SETTLEMENT'], { first: 1, after: null });
      expect(page.items).toEqual([after.entities.find((e) => e.id === 'settlement:avdiivka')]);
      expect(await store.near('settlement:avdiivka', { km: 100 })).toBeNull();
      expect(await store.near('settlement:marinka', { km: 100 })).toEqual([]);
    });

    test("filters relations by their new status, claimants and time", async () => {
      const types = null;
      expect(await passing('settlement:avdiivka', { types, statuses: ['DISPUTED'] })).toEqual([CONTROLS]);
      expect(await passing('settlement:avdiivka', { types, statuses: ['REPORTED'] })).toEqual([]);
      expect(await passing('settlement:avdiivka', { types, claimantIds: ['unit:assault-brigade'] })).toEqual([CONTROLS]);
      expect(await passing('settlement:avdiivka', { types, claimantIds: ['person:spokesman'] })).toEqual([]);
      expect(await passing('settlement:avdiivka', { types, window: { from: '2024-02-17', to: '2024-02-17' } })).toEqual([CONTROLS]);
      expect(await passing('settlement:avdiivka', { types, window: { from: '2024-01-01', to: '2024-01-31' } })).toEqual([]);
      // Undated now: no window passes it.
      expect(await passing('person:spokesman', { types, window: { from: '2023-01-01', to: '2023-12-31' } })).toEqual([]);
      expect(await passing('person:spokesman', { types, window: { from: null, to: null } })).toEqual([]);
      expect(await passing('person:spokesman', { types })).toEqual([COMMANDS]);
    });

    test('finds an event by its new time and status', async () => {
      const page = { first: 10, after: null };
      const query = { types: null, participantId: null, placeId: null };
      const events = async (window: { from: string | null; to: string | null }) =>
        (await store.findEvents({ ...query, window }, page)).items.map((e) => e.id);
      expect(await events({ from: '2024-02-01', to: '2024-02-10' })).toEqual([]);
      expect(await events({ from: '2024-02-17', to: '2024-02-17' })).toEqual(['event:avdiivka-capture']);
      const [event] = await store.entitiesByIds(['event:avdiivka-capture']);
      expect(event!.event!.status).toBe('DISPUTED');
      expect(event!.event!.quantities).toEqual([]);
    });

    test('files a statement under its new speaker, subjects, source, date and text', async () => {
      const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);
      expect(ids(await store.findStatements({ speakerId: 'person:spokesman', aboutId: null }))).toEqual([]);
      expect(ids(await store.findStatements({ speakerId: 'org:front-monitor', aboutId: null }))).toEqual(['stmt:spokesman-holds']);
      expect(await store.statementsBySpeakers(['person:spokesman', 'org:front-monitor'])).toEqual([[], after.statements]);
      expect(await store.statementsAbout(['settlement:avdiivka', 'unit:assault-brigade'])).toEqual([[], after.statements]);
      expect(await store.statementsFromSources([WIRE, MONITOR])).toEqual([[], after.statements]);
      const dated = await store.statementsPage(
        { speakerId: null, aboutId: null, window: { from: '2024-01-01', to: '2024-12-31' } },
        { first: 10, after: null },
      );
      expect(dated.items).toEqual([]);
      const text = async (t: string) =>
        (await store.searchStatements({ text: normalizeForSearch(t), first: 10, speakerId: null, window: null })).map((m) => m.statement.id);
      expect(await text('left the town')).toEqual(['stmt:spokesman-holds']);
      expect(await text('holds most')).toEqual([]);
      // The controlling relation no longer rests on it.
      expect(await store.factsSupportedBy(['stmt:spokesman-holds'])).toEqual([[]]);
    });

    test('puts a relation and its claims on the timeline by their new days, not the old', async () => {
      const entries = async (window: { from: string | null; to: string | null }) =>
        (await store.timeline({ window, entityId: null, kinds: null }, { first: 100, after: null })).items
          .filter((e) => e.relation?.id === CONTROLS || e.relation?.id === COMMANDS)
          .map((e) => `${e.kind} ${e.relation!.id} ${e.earliest}`);
      // Before: CONTROLS in January 2024, said on 10 January; COMMANDS in 2023. After: CONTROLS on
      // 17 February, said on the 18th; COMMANDS undated.
      expect(await entries({ from: '2024-01-01', to: '2024-01-31' })).toEqual([]);
      expect(await entries({ from: '2023-01-01', to: '2023-12-31' })).toEqual([]);
      expect(await entries({ from: '2024-02-17', to: '2024-02-18' })).toEqual([`RELATION ${CONTROLS} 2024-02-17`, `CLAIM ${CONTROLS} 2024-02-18`]);
      expect(await entries({ from: null, to: null })).toEqual([`RELATION ${CONTROLS} 2024-02-17`, `CLAIM ${CONTROLS} 2024-02-18`]);
    });

    test('loading the old records again gives the old graph back', async () => {
      await store.load(before);
      expect(await store.exportDataset()).toEqual(replaced(before, before));
      expect(await found('dovhenke')).toEqual(['settlement:avdiivka']);
      expect(await store.near('settlement:marinka', { km: 100 })).toEqual([{ place: before.entities[0], distanceKm: expect.any(Number) }]);
      expect(await passing('settlement:avdiivka', { types: null, statuses: ['REPORTED'] })).toEqual([CONTROLS]);
    });
  });
});
