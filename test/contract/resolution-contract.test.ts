/**
 * The store contract for entity resolution, on every store over the seed: `recordsReferringTo`
 * finds exactly the records that name an entity (ends, speakers, subjects, media, claimants and
 * intermediaries of relations and events); a merge through the resolution service is one write
 * after which nothing names the absorbed id and the id resolves to the survivor; its undo gives
 * back exactly the exported dataset of before; an undo that is not safe is refused and changes
 * nothing.
 *
 * The run's shared Neo4j must hold the seed graph only, so the Neo4j side starts a Neo4j of its
 * own for this file, whenever the run has Neo4j.
 */
import { describe, expect } from 'vitest';
import { RESOLVABLE_KINDS, type Attribution, type Dataset, type EntityRecord } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { ResolutionService } from '../../src/writes/resolution-service.js';
import { storesOfTheirOwn, useLoadedStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const ADMIN = { role: 'admin' as const, subject: 'contract-admin' };
const EDITOR = { role: 'editor' as const, subject: 'contract-editor' };

/** What recordsReferringTo must answer, worked out over the whole dataset. */
function referring(d: Dataset, id: string) {
  const names = (list: readonly Attribution[]) => list.some((a) => a.claimantId === id || a.viaId === id);
  return {
    relations: d.relations.filter((r) => r.from === id || r.to === id || names(r.attributions)).map((r) => r.id),
    statements: d.statements.filter((s) => s.speakerId === id || s.reportedViaId === id || s.aboutIds.includes(id)).map((s) => s.id),
    events: d.entities.filter((e) => e.event !== null && names(e.event.attributions)).map((e) => e.id),
  };
}

/** Of each kind that merges, the two entities most referred to: the merges that move the most. */
function busiestPairs(d: Dataset): [EntityRecord, EntityRecord][] {
  const weight = (e: EntityRecord) => Object.values(referring(d, e.id)).flat().length;
  return RESOLVABLE_KINDS.flatMap((kind) => {
    const [a, b] = d.entities.filter((e) => e.kind === kind).sort((x, y) => weight(y) - weight(x) || (x.id < y.id ? -1 : 1));
    return a && b ? [[a, b] as [EntityRecord, EntityRecord]] : [];
  });
}

describe.each(await storesOfTheirOwn('kg-resolution-contract-'))('the $name store, for entity resolution', (under) => {
  const { store, test } = useLoadedStore(under, seed);

  test('recordsReferringTo finds every record naming an entity, and only those, each list by id', async () => {
    const dataset = await store.exportDataset();
    const ids = dataset.entities.map((e) => e.id);
    let viaOnly = 0;
    for (const id of ids) {
      const found = await store.recordsReferringTo([id]);
      expect({
        relations: found.relations.map((r) => r.id),
        statements: found.statements.map((s) => s.id),
        events: found.events.map((e) => e.id),
      }).toEqual(referring(dataset, id));
      expect(found.relations).toEqual(found.relations.map((r) => dataset.relations.find((x) => x.id === r.id)));
      if (found.events.some((e) => e.event!.attributions.some((a) => a.viaId === id && a.claimantId !== id))) viaOnly++;
    }
    // The seed names intermediaries (Reuters): the JSON-text path of the lookup is exercised.
    expect(viaOnly).toBeGreaterThan(0);
    expect(await store.recordsReferringTo(['person:nobody'])).toEqual({ relations: [], statements: [], events: [] });
  }, 120_000);

  test('merging the busiest pair of each kind leaves nothing naming the absorbed id, which resolves to the survivor; the undo gives the graph back', async () => {
    const service = new ResolutionService(store);
    const before = await store.exportDataset();
    const pairs = busiestPairs(before);
    expect(pairs.length).toBe(RESOLVABLE_KINDS.length);
    for (const [survivor, absorbed] of pairs) {
      const record = await service.mergeEntities(ADMIN, { survivorId: survivor.id, absorbedId: absorbed.id, reason: 'contract' });
      expect(record.moves.length).toBeGreaterThan(0);
      const merged = await store.exportDataset();
      expect(JSON.stringify(merged)).not.toContain(`"${absorbed.id}"`);
      expect(await store.recordsReferringTo([absorbed.id])).toEqual({ relations: [], statements: [], events: [] });
      expect((await service.resolve(absorbed.id))?.id).toBe(survivor.id);
      expect((await store.documents('merge', [absorbed.id]))[0]?.body).toEqual(JSON.parse(JSON.stringify(record)));
      expect((await store.changesOf(absorbed.id, { first: 1, after: null })).items[0]?.operation).toBe('mergeEntities');

      const back = await service.unmergeEntity(ADMIN, absorbed.id);
      expect(back).toEqual(absorbed);
      expect(await store.exportDataset()).toEqual(before);
      expect(await store.documents('merge', [absorbed.id])).toEqual([null]);
    }
  }, 180_000);

  test('refuses an undo that is not safe (a moved speaker changed since), changing nothing, and an editor merging', async () => {
    const service = new ResolutionService(store);
    const [survivor, absorbed] = ['person:kaja-kallas', 'person:antony-blinken'];
    await expect(service.mergeEntities(EDITOR, { survivorId: survivor, absorbedId: absorbed, reason: 'contract' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const record = await service.mergeEntities(ADMIN, { survivorId: survivor, absorbedId: absorbed, reason: 'contract' });
    const moved = record.moves.find((m) => m.record === 'statement' && m.field === 'speakerId')!;
    expect(moved).toBeDefined();
    const [statement] = await store.statementsByIds([moved.id]);
    await store.load({ sources: [], entities: [], relations: [], statements: [{ ...statement!, speakerId: 'person:donald-trump' }] });
    const changed = await store.exportDataset();
    await expect(service.unmergeEntity(ADMIN, absorbed)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(`statement "${moved.id}" (speakerId) no longer names "${survivor}"`),
    });
    expect(await store.exportDataset()).toEqual(changed);
    expect((await store.documents('merge', [absorbed]))[0]).not.toBeNull();
    // Put back as the merge left it, the undo goes through.
    await store.load({ sources: [], entities: [], relations: [], statements: [statement!] });
    await service.unmergeEntity(ADMIN, absorbed);
    expect((await store.entitiesByIds([absorbed]))[0]?.id).toBe(absorbed);
  }, 120_000);
});
