/**
 * Reading an article into the graph through GraphQL, in process, on both stores (each over a seed
 * graph of its own): proposing from a text, reviewing the changeset (edit, accept part, accept the
 * rest, reject), provenance on what was accepted, and re-reading an accepted article.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import type { Viewer } from '../../src/domain/index.js';
import { MAX_ARTICLE_LENGTH } from '../../src/domain/review.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { HarnessResult } from '../support/harness.js';
import { storesOfTheirOwn, useGraphQLOverStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const article = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/articles/${name}.txt`, import.meta.url)), 'utf8');
const KHARKIV = article('kharkiv-other-wordings');
const EDITOR: Viewer = { role: 'editor', subject: 'test-editor' };
const READER: Viewer = { role: 'reader', subject: 'test-reader' };
const SOURCE = { title: 'Russian troops pushed toward Vovchansk', publisher: 'Test Wire', published: '2025-02-04' };

const code = (result: HarnessResult) => result.errors?.[0]?.extensions?.code;

interface Item {
  id: string;
  section: string;
  recordId: string;
  record: string | null;
  summary: string;
  existingId: string | null;
  decision: string;
  evidence: { text: string; sentence: string; start: number; end: number; confidence: number }[];
}
interface ChangesetAnswer {
  id: string;
  status: string;
  createdBy: string;
  text: string;
  rejectionReason: string | null;
  source: { id: string; title: string; publisher: string | null; published: string | null };
  items: Item[];
}

const CHANGESET_FIELDS = `id status createdBy text rejectionReason source { id title publisher published }
  items { id section recordId record summary existingId decision evidence { text sentence start end confidence } }`;
const PROPOSE = `mutation ($input: ProposeFromTextInput!) { proposeFromText(input: $input) { ${CHANGESET_FIELDS} } }`;
const ACCEPT = `mutation ($id: ID!, $itemIds: [ID!]) { acceptChangeset(id: $id, itemIds: $itemIds) { ${CHANGESET_FIELDS} } }`;
const EDIT = `mutation ($changesetId: ID!, $itemId: ID!, $record: String!) {
  editProposedItem(changesetId: $changesetId, itemId: $itemId, record: $record) { id decision record } }`;
const REJECT = `mutation ($id: ID!, $reason: String) { rejectChangeset(id: $id, reason: $reason) { ${CHANGESET_FIELDS} } }`;
const CHANGESET = `query ($id: ID!) { changeset(id: $id) { ${CHANGESET_FIELDS} } }`;

describe.each(await storesOfTheirOwn('kg-review-graphql-'))('review on the $name store', (under) => {
  const { store, test, as } = useGraphQLOverStore(under, seed);
  const editor = as(EDITOR);

  const propose = async (text: string, source: Record<string, unknown> = SOURCE) => {
    const result = await editor(PROPOSE, { input: { text, source } });
    expect(result.errors).toBeUndefined();
    return result.data!.proposeFromText as ChangesetAnswer;
  };
  const itemOf = (changeset: ChangesetAnswer, recordId: string) => {
    const item = changeset.items.find((i) => i.recordId === recordId);
    if (!item) throw new Error(`No item for ${recordId} among ${changeset.items.map((i) => i.recordId).join(', ')}`);
    return item;
  };
  const changesetsNow = async () => (await store.documents('changeset', null)).length;

  test('refuses anonymous and reader requests to propose, read or review, storing nothing', async () => {
    const before = { counts: await store.counts(), changesets: await changesetsNow() };
    const input = { text: KHARKIV, source: SOURCE };
    expect(code(await as(undefined)(PROPOSE, { input }))).toBe('UNAUTHENTICATED');
    const forbidden = await as(READER)(PROPOSE, { input });
    expect(code(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toContain('editor role');
    // Changesets hold unreviewed text: reading them is for editors too.
    expect(code(await as(READER)('{ changesets { totalCount } }'))).toBe('FORBIDDEN');
    expect(code(await as(undefined)(CHANGESET, { id: 'changeset:x' }))).toBe('UNAUTHENTICATED');
    expect(code(await as(READER)(ACCEPT, { id: 'changeset:x' }))).toBe('FORBIDDEN');
    expect(code(await as(READER)(REJECT, { id: 'changeset:x' }))).toBe('FORBIDDEN');
    expect(await store.counts()).toEqual(before.counts);
    expect(await changesetsNow()).toBe(before.changesets);
  });

  test('refuses a text longer than the limit, or empty, with BAD_USER_INPUT naming the argument', async () => {
    const long = await editor(PROPOSE, { input: { text: 'a'.repeat(MAX_ARTICLE_LENGTH + 1), source: SOURCE } });
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toContain(`at most ${MAX_ARTICLE_LENGTH}`);
    expect(long.errors?.[0]?.extensions?.argument).toBe('input.text');
    expect(code(await editor(PROPOSE, { input: { text: '  \n', source: SOURCE } }))).toBe('BAD_USER_INPUT');
  });

  test('proposes a reviewable changeset from an article in other wordings: new records with evidence, known ones matched', async () => {
    const changeset = await propose(KHARKIV);
    expect(changeset).toMatchObject({ status: 'PENDING', createdBy: 'test-editor', text: KHARKIV, rejectionReason: null });
    expect(changeset.source).toMatchObject({ title: SOURCE.title, publisher: 'Test Wire', published: '2025-02-04' });
    // Every item's evidence is the article's words at its offsets, in its sentence.
    for (const item of changeset.items) {
      expect(item.decision).toBe('PENDING');
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const e of item.evidence) {
        expect(KHARKIV.slice(e.start, e.end)).toBe(e.text);
        expect(e.sentence).toContain(e.text);
        expect(e.confidence).toBeGreaterThan(0);
      }
    }
    const colonel = itemOf(changeset, 'person:oleh-marchenko');
    expect(colonel).toMatchObject({ section: 'ENTITY', existingId: null, summary: 'PERSON Oleh Marchenko' });
    expect(JSON.parse(colonel.record!)).toMatchObject({ kind: 'PERSON', name: 'Oleh Marchenko' });
    const quote = changeset.items.find((i) => i.section === 'STATEMENT' && i.summary.includes('We need more shells'))!;
    expect(quote.summary).toBe('QUOTE by person:oleh-marchenko: “We need more shells.”');
    expect(changeset.items.some((i) => i.section === 'EVENT' && i.existingId === null)).toBe(true);
    // Names the graph knows are matched to its records, not proposed again.
    expect(itemOf(changeset, 'country:ukraine')).toMatchObject({ existingId: 'country:ukraine', record: null });
    expect(changeset.items.filter((i) => i.existingId === null).map((i) => i.recordId)).not.toContain('country:russia');
    // It is stored: read back by id and listed among the pending ones.
    const read = await editor(CHANGESET, { id: changeset.id });
    expect(read.data?.changeset).toEqual(changeset);
    const listed = await editor('{ changesets(status: PENDING) { totalCount nodes { id } } }');
    expect((listed.data?.changesets as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toContain(changeset.id);
  });

  test('reads an article with no quotes and one with an unnamed speaker and Cyrillic names into reviewable changesets', async () => {
    const plain = await propose(article('no-quotes'), { title: 'Fighting near Kurakhove', published: '2025-02-07' });
    expect(plain.items.filter((i) => i.section === 'STATEMENT')).toEqual([]);
    expect(itemOf(plain, 'settlement:kurakhove').existingId).toBe('settlement:kurakhove');
    const unnamed = await propose(article('unnamed-speaker-cyrillic'), { title: 'Alaudinov visits the front', published: '2025-02-08' });
    // "Апти Алаудинов" is the graph's Apti Alaudinov; the official's words are a quote of an unnamed speaker.
    expect(itemOf(unnamed, 'person:apti-alaudinov').existingId).toBe('person:apti-alaudinov');
    const quote = unnamed.items.find((i) => i.section === 'STATEMENT' && i.summary.includes('The situation is under control'))!;
    expect(quote.existingId).toBeNull();
    expect(quote.evidence[0]!.sentence).toContain('declining to be named');
  });

  test('refuses a bad edit with every problem listed, changing nothing', async () => {
    const changeset = await propose(KHARKIV);
    const colonel = itemOf(changeset, 'person:oleh-marchenko');
    const bad = await editor(EDIT, {
      changesetId: changeset.id,
      itemId: colonel.id,
      record: JSON.stringify({ ...JSON.parse(colonel.record!), kind: 'WIZARD', name: '' }),
    });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const problems = bad.errors?.[0]?.extensions?.problems as string[];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.join('\n')).toMatch(/person:oleh-marchenko/);
    const notJson = await editor(EDIT, { changesetId: changeset.id, itemId: colonel.id, record: '{ name: ' });
    expect(code(notJson)).toBe('BAD_USER_INPUT');
    const otherId = await editor(EDIT, { changesetId: changeset.id, itemId: colonel.id, record: JSON.stringify({ ...JSON.parse(colonel.record!), id: 'person:x' }) });
    expect(code(otherId)).toBe('BAD_USER_INPUT');
    expect((otherId.errors?.[0]?.extensions?.problems as string[])[0]).toContain('must stay "person:oleh-marchenko"');
    const read = await editor(CHANGESET, { id: changeset.id });
    expect(read.data?.changeset).toEqual(changeset);
  });

  test('accepts part of a changeset in one write, refusing an item whose needed record is left out; the graph grows with provenance', async () => {
    const before = await store.counts();
    const changeset = await propose(KHARKIV);
    const source = itemOf(changeset, changeset.source.id);
    const colonel = itemOf(changeset, 'person:oleh-marchenko');
    const quote = changeset.items.find((i) => i.section === 'STATEMENT' && i.summary.includes('We need more shells'))!;

    // The quote needs its speaker and its source, neither accepted.
    const refused = await editor(ACCEPT, { id: changeset.id, itemIds: [quote.id] });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(`Item "${quote.id}" (${quote.recordId}) needs item "${colonel.id}" (person:oleh-marchenko)`);
    expect(refused.errors?.[0]?.message).toContain(`needs item "${source.id}"`);
    expect(await store.counts()).toEqual(before);

    // An edit, then the quote with what it needs, and Ukraine (matched: provenance only).
    const edited = await editor(EDIT, {
      changesetId: changeset.id,
      itemId: colonel.id,
      record: JSON.stringify({ ...JSON.parse(colonel.record!), aliases: ['Олег Марченко'], description: 'A Ukrainian brigade commander near Vovchansk.' }),
    });
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.editProposedItem).toMatchObject({ id: colonel.id, decision: 'EDITED' });
    const ukraine = itemOf(changeset, 'country:ukraine');
    const accepted = await editor(ACCEPT, { id: changeset.id, itemIds: [quote.id, colonel.id, source.id, ukraine.id] });
    expect(accepted.errors).toBeUndefined();
    const after = accepted.data!.acceptChangeset as ChangesetAnswer;
    expect(after.status).toBe('PARTLY_ACCEPTED');
    expect(after.items.filter((i) => i.decision === 'ACCEPTED').map((i) => i.id).sort()).toEqual([quote.id, colonel.id, source.id, ukraine.id].sort());
    expect(await store.counts()).toEqual({ ...before, entities: before.entities + 1, statements: before.statements + 1, sources: before.sources + 1 });

    const read = await editor(`{
      entity(id: "person:oleh-marchenko") { name aliases description statements { id text provenance { sentence } }
        provenance { changesetId sentence start end confidence source { title } } }
      ukraine: entity(id: "country:ukraine") { name provenance { changesetId start end } }
      search(text: "Марченко", first: 1) { id }
    }`);
    expect(read.errors).toBeUndefined();
    const entity = read.data!.entity as Record<string, unknown> & { provenance: { changesetId: string; sentence: string; start: number; end: number; source: { title: string } }[] };
    expect(entity).toMatchObject({ name: 'Oleh Marchenko', aliases: ['Олег Марченко'], description: 'A Ukrainian brigade commander near Vovchansk.' });
    expect(entity.provenance).toEqual(
      colonel.evidence.map((e) => ({ changesetId: changeset.id, sentence: e.sentence, start: e.start, end: e.end, confidence: e.confidence, source: { title: SOURCE.title } })),
    );
    expect(KHARKIV.slice(entity.provenance[0]!.start, entity.provenance[0]!.end)).toBe('Oleh Marchenko');
    expect(read.data!.entity).toMatchObject({ statements: [{ id: quote.recordId, text: 'We need more shells.', provenance: [{ sentence: quote.evidence[0]!.sentence }] }] });
    expect((read.data!.ukraine as { provenance: unknown[] }).provenance).toHaveLength(ukraine.evidence.length);
    expect(read.data!.search).toEqual([{ id: 'person:oleh-marchenko' }]);

    // Accepting the same item twice is refused.
    const twice = await editor(ACCEPT, { id: changeset.id, itemIds: [colonel.id] });
    expect(code(twice)).toBe('BAD_USER_INPUT');
    expect(twice.errors?.[0]?.message).toContain('accepted already');

    // The rest: everything open; events and relations with their provenance.
    const rest = await editor(ACCEPT, { id: changeset.id });
    expect(rest.errors).toBeUndefined();
    expect((rest.data!.acceptChangeset as ChangesetAnswer).status).toBe('ACCEPTED');
    const lyptsi = itemOf(changeset, 'event:capture-lyptsi');
    const facts = await editor(`{ entity(id: "event:capture-lyptsi") { ... on Event { provenance { sentence } relations { provenance { start } edge { id provenance { start } } } } } }`);
    expect(facts.errors).toBeUndefined();
    const event = facts.data!.entity as {
      provenance: { sentence: string }[];
      relations: { provenance: { start: number }[]; edge: { id: string; provenance: { start: number }[] } }[];
    };
    expect(event.provenance.map((p) => p.sentence)).toEqual(lyptsi.evidence.map((e) => e.sentence));
    const place = itemOf(changeset, 'rel:capture-lyptsi-took-place-in-lyptsi');
    const placeRelation = event.relations.find((r) => r.edge.id === place.recordId)!;
    expect(placeRelation.edge.provenance).toEqual(place.evidence.map((e) => ({ start: e.start })));
    expect(placeRelation.provenance).toEqual(placeRelation.edge.provenance);
  });

  test('re-reading an accepted article proposes nothing new: every item is matched to a stored record', async () => {
    const again = await propose(KHARKIV);
    expect(again.items.length).toBeGreaterThan(0);
    expect(again.items.filter((i) => i.existingId === null).map((i) => i.summary)).toEqual([]);
    expect(again.source.id).toBe(itemOf(again, again.source.id).existingId);
  });

  test('rejects a changeset with a reason: its open items are rejected, and it can no longer be accepted', async () => {
    const changeset = await propose(article('unnamed-speaker-cyrillic'), { title: 'An unnamed official', published: '2025-02-08' });
    const rejected = await editor(REJECT, { id: changeset.id, reason: 'An unnamed source; wait for another report.' });
    expect(rejected.errors).toBeUndefined();
    const answer = rejected.data!.rejectChangeset as ChangesetAnswer;
    expect(answer).toMatchObject({ status: 'REJECTED', rejectionReason: 'An unnamed source; wait for another report.' });
    expect(answer.items.every((i) => i.decision === 'REJECTED')).toBe(true);
    const late = await editor(ACCEPT, { id: changeset.id });
    expect(code(late)).toBe('BAD_USER_INPUT');
    expect(late.errors?.[0]?.message).toContain('was rejected');
    const listed = await editor(`{ changesets(status: REJECTED) { nodes { id } } }`);
    expect(listed.data?.changesets).toEqual({ nodes: [{ id: changeset.id }] });
    expect(code(await editor(ACCEPT, { id: 'changeset:nothing' }))).toBe('NOT_FOUND');
  });

  test('a proposal or an acceptance sent again with its idempotency key is answered from the first, not made twice', async () => {
    const input = { text: article('no-quotes'), source: { title: 'Fighting near Kurakhove, again', published: '2025-02-07' } };
    const PROPOSE_KEYED = `mutation ($input: ProposeFromTextInput!, $key: String) { proposeFromText(input: $input, idempotencyKey: $key) { id status } }`;
    const before = await changesetsNow();
    const first = await editor(PROPOSE_KEYED, { input, key: 'review-propose-1' });
    const again = await editor(PROPOSE_KEYED, { input, key: 'review-propose-1' });
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await changesetsNow()).toBe(before + 1);
    const other = await editor(PROPOSE_KEYED, { input: { ...input, text: KHARKIV }, key: 'review-propose-1' });
    expect(code(other)).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');

    const id = (first.data!.proposeFromText as { id: string }).id;
    const ACCEPT_KEYED = `mutation ($id: ID!, $key: String) { acceptChangeset(id: $id, idempotencyKey: $key) { id status } }`;
    const counts = await store.counts();
    const accepted = await editor(ACCEPT_KEYED, { id, key: 'review-accept-1' });
    expect(accepted.data?.acceptChangeset).toEqual({ id, status: 'ACCEPTED' });
    expect(await store.counts()).toEqual({ ...counts, sources: counts.sources + 1 });
    // Without the key the same acceptance is refused (nothing is open); with it, answered again.
    expect(code(await editor(ACCEPT_KEYED, { id }))).toBe('BAD_USER_INPUT');
    expect((await editor(ACCEPT_KEYED, { id, key: 'review-accept-1' })).data).toEqual(accepted.data);
    expect(await store.counts()).toEqual({ ...counts, sources: counts.sources + 1 });
  });

  test('lists changesets newest first, a page at a time', async () => {
    const page = async (after: string | null) =>
      (await editor(`query ($after: String) { changesets(first: 2, after: $after) { totalCount nodes { id createdAt } pageInfo { hasNextPage endCursor } } }`, { after }))
        .data!.changesets as { totalCount: number; nodes: { id: string; createdAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const p = await page(after);
      total = p.totalCount;
      ids.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(total);
    expect(total).toBe(await changesetsNow());
    expect([...ids].sort().reverse()).toEqual(ids);
    expect(code(await editor(`{ changesets(after: "nonsense") { totalCount } }`))).toBe('BAD_USER_INPUT');
  });
});
