/**
 * Review on every store: an article read against the store's graph, accepted in part and then in
 * full through the write service's one commit, must grow the graph by exactly the accepted records,
 * each with its provenance; the same article read twice and accepted twice must not add copies; and
 * read again after acceptance it must propose nothing new.
 *
 * The run's shared Neo4j must hold the seed graph only, so the Neo4j side starts a Neo4j of its
 * own for this file, whenever the run has Neo4j.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/index.js';
import type { ChangesetDocument, ProposedItem, ProvenanceEntry } from '../../src/domain/review.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { ReviewService } from '../../src/writes/review-service.js';
import { WriteService } from '../../src/writes/write-service.js';
import { storesOfTheirOwn } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const KHARKIV = readFileSync(fileURLToPath(new URL('../fixtures/articles/kharkiv-other-wordings.txt', import.meta.url)), 'utf8');
const EDITOR: Viewer = { role: 'editor', subject: 'contract-editor' };
const SOURCE = { title: 'Russian troops pushed toward Vovchansk', publisher: 'Test Wire', published: '2025-02-04' };

const item = (changeset: ChangesetDocument, recordId: string): ProposedItem => {
  const found = changeset.items.find((i) => i.recordId === recordId);
  if (!found) throw new Error(`No item for ${recordId}`);
  return found;
};
const newItems = (changeset: ChangesetDocument) => changeset.items.filter((i) => i.existingId === null);

describe.each(await storesOfTheirOwn('kg-review-contract-'))('the $name store, for review', ({ enabled, open, stop }) => {
  let store: GraphStore;
  let review: ReviewService;
  beforeAll(async () => {
    if (!enabled) return;
    store = await open();
    await store.load(seed);
    review = new ReviewService(store, new WriteService(store));
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await stop?.();
  }, 60_000);
  const test = it.skipIf(!enabled);

  const provenanceOf = async (ids: readonly string[]) =>
    (await store.documents('evidence', ids)).map((d) => (d?.body ?? []) as ProvenanceEntry[]);

  test('propose, accept part, then the rest: the graph grows by what was accepted, each record with its provenance', async () => {
    const before = await store.counts();
    const changeset = await review.proposeFromText(EDITOR, { text: KHARKIV, source: SOURCE });
    // Proposing writes no record, only the changeset.
    expect(await store.counts()).toEqual(before);
    expect((await review.changeset(EDITOR, changeset.id))?.items).toEqual(changeset.items);

    // A refused acceptance (the quote needs its speaker) changes nothing.
    const quote = changeset.items.find((i) => i.section === 'STATEMENT' && i.record?.speakerId === 'person:oleh-marchenko')!;
    await expect(review.acceptChangeset(EDITOR, changeset.id, [quote.id])).rejects.toThrow(/needs item/);
    expect(await store.counts()).toEqual(before);
    expect((await review.changeset(EDITOR, changeset.id))?.items.every((i) => i.decision === 'PENDING')).toBe(true);

    const part = [changeset.sourceId, 'person:oleh-marchenko', 'settlement:vovchansk', 'country:ukraine'].map((id) => item(changeset, id).id);
    const partly = await review.acceptChangeset(EDITOR, changeset.id, part);
    expect(partly.items.filter((i) => i.decision === 'ACCEPTED').map((i) => i.id).sort()).toEqual([...part].sort());
    expect(await store.counts()).toEqual({ ...before, entities: before.entities + 2, sources: before.sources + 1 });
    const [colonel] = await store.entitiesByIds(['person:oleh-marchenko']);
    expect(colonel).toMatchObject({ kind: 'PERSON', name: 'Oleh Marchenko' });
    const [colonelProvenance, ukraineProvenance] = await provenanceOf(['person:oleh-marchenko', 'country:ukraine']);
    expect(colonelProvenance).toEqual(
      item(changeset, 'person:oleh-marchenko').evidence.map((e) => ({
        changesetId: changeset.id,
        sourceId: changeset.sourceId,
        sentence: e.sentence,
        start: e.start,
        end: e.end,
        confidence: e.confidence,
      })),
    );
    expect(ukraineProvenance!.length).toBe(item(changeset, 'country:ukraine').evidence.length);
    // Ukraine was matched, not copied: still one Ukraine, as it was.
    expect((await store.entitiesByIds(['country:ukraine']))[0]).toEqual(seed.entities.find((e) => e.id === 'country:ukraine'));

    const all = await review.acceptChangeset(EDITOR, changeset.id, null);
    expect(all.items.every((i) => i.decision === 'ACCEPTED')).toBe(true);
    const added = newItems(changeset);
    const after = await store.counts();
    expect(after).toEqual({
      entities: before.entities + added.filter((i) => i.section === 'ENTITY' || i.section === 'EVENT').length,
      relations: before.relations + added.filter((i) => i.section === 'RELATION').length,
      statements: before.statements + added.filter((i) => i.section === 'STATEMENT').length,
      sources: before.sources + 1,
    });
    // Every accepted record, new or matched, has its provenance.
    const provenance = await provenanceOf(changeset.items.map((i) => i.recordId));
    expect(provenance.every((list) => list.some((p) => p.changesetId === changeset.id))).toBe(true);
    // The acceptance is in the history of what it wrote.
    const history = await store.changesOf('event:capture-lyptsi', { first: 10, after: null });
    expect(history.items.map((c) => c.operation)).toEqual(['acceptChangeset']);
  });

  test('read again after acceptance, the article proposes nothing new', async () => {
    const again = await review.proposeFromText(EDITOR, { text: KHARKIV, source: SOURCE });
    expect(again.items.length).toBeGreaterThan(10);
    expect(newItems(again)).toEqual([]);
    // Accepting the re-reading adds provenance only.
    const before = await store.counts();
    await review.acceptChangeset(EDITOR, again.id, null);
    expect(await store.counts()).toEqual(before);
    const [colonel] = await provenanceOf(['person:oleh-marchenko']);
    expect(new Set(colonel!.map((p) => p.changesetId)).size).toBe(2);
  });

  test('an article read twice before either reading is accepted is not added twice', async () => {
    const text = KHARKIV.replace(/Vovchansk/g, 'Kupiansk').replace(/Oleh Marchenko/g, 'Ivan Petrenko');
    const source = { ...SOURCE, title: 'Russian troops pushed toward Kupiansk' };
    const first = await review.proposeFromText(EDITOR, { text, source });
    const second = await review.proposeFromText(EDITOR, { text, source });
    expect(newItems(second).map((i) => i.recordId)).toEqual(newItems(first).map((i) => i.recordId));
    await review.acceptChangeset(EDITOR, first.id, null);
    const before = await store.counts();
    await review.acceptChangeset(EDITOR, second.id, null);
    expect(await store.counts()).toEqual(before);
    expect(await store.entitiesByIds(['person:ivan-petrenko-2', 'settlement:kupiansk-2'])).toEqual([null, null]);
    const [petrenko] = await provenanceOf(['person:ivan-petrenko']);
    expect(new Set(petrenko!.map((p) => p.changesetId))).toEqual(new Set([first.id, second.id]));
  });
});
