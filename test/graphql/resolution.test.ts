/**
 * Entity resolution through GraphQL, in process, on both stores (each over a graph of its own, the
 * seed): who may judge, merge and undo; a duplicate added by a mutation is proposed, and not again
 * once judged DIFFERENT; a SAME judgement merges, the absorbed id answers the survivor, and the
 * undo gives back exactly the graph of before.
 */
import { describe, expect } from 'vitest';
import type { Viewer } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { HarnessResult } from '../support/harness.js';
import { storesOfTheirOwn, useGraphQLOverStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const ADMIN: Viewer = { role: 'admin', subject: 'test-admin' };
const EDITOR: Viewer = { role: 'editor', subject: 'test-editor' };
const READER: Viewer = { role: 'reader', subject: 'test-reader' };
const ARTICLE = 'source:reuters-kursk-kurakhove-2025-01-06';
const ALAUDINOV = 'person:apti-alaudinov';

const code = (result: HarnessResult) => result.errors?.[0]?.extensions?.code;

const CANDIDATES = `query ($kinds: [EntityKind!]) {
  duplicateCandidates(first: 20, kinds: $kinds) { a { id } b { id name } score reasons { code detail } judgement { verdict } }
}`;
const JUDGE = `mutation ($aId: ID!, $bId: ID!, $verdict: Verdict!, $reason: String!) {
  judge(aId: $aId, bId: $bId, verdict: $verdict, reason: $reason) { aId bId verdict reason judgedBy undone merge { absorbedId } }
}`;
const MERGE = `mutation ($input: MergeEntitiesInput!) {
  mergeEntities(input: $input) { survivor { id aliases } absorbedId absorbedName addedAliases movedFields removedRelationIds collapsedRelationIds }
}`;
const UNMERGE = `mutation ($id: ID!) { unmergeEntity(id: $id) { id name aliases } }`;
const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id } }`;

interface Candidate {
  a: { id: string };
  b: { id: string; name: string };
  score: number;
  reasons: { code: string; detail: string }[];
}

describe.each(await storesOfTheirOwn('kg-resolution-graphql'))('entity resolution on the $name store', (under) => {
  const { store, test, as } = useGraphQLOverStore(under, seed);
  const admin = as(ADMIN);
  const editor = as(EDITOR);

  /** A new person, by mutation, with a relation and a statement of its own. */
  const plant = async (name: string) => {
    const created = await editor(CREATE, { input: { kind: 'PERSON', name } });
    expect(created.errors).toBeUndefined();
    const id = (created.data!.createEntity as { id: string }).id;
    const relation = await editor(
      `mutation ($input: AddRelationInput!) { addRelation(input: $input) { id } }`,
      { input: { type: 'COMMANDS', fromId: id, toId: 'unit:chechen-unit', attributions: [{ stance: 'ASSERTS', sourceId: ARTICLE }] } },
    );
    expect(relation.errors).toBeUndefined();
    const statement = await editor(
      `mutation ($input: AddStatementInput!) { addStatement(input: $input) { id } }`,
      { input: { kind: 'REPORTED', text: `${name} said the offensive had stalled.`, speakerId: id, aboutIds: [id, 'event:kursk-offensive-2025-01'], sourceId: ARTICLE, status: 'CLAIMED' } },
    );
    expect(statement.errors).toBeUndefined();
    return { id, relationId: (relation.data!.addRelation as { id: string }).id };
  };
  const candidatesWith = async (id: string): Promise<Candidate[]> => {
    const result = await editor(CANDIDATES, { kinds: ['PERSON'] });
    expect(result.errors).toBeUndefined();
    return (result.data!.duplicateCandidates as Candidate[]).filter((c) => c.a.id === id || c.b.id === id);
  };

  test('refuses merging and un-merging to an editor, judging to a reader, and every write to the anonymous, changing nothing', async () => {
    const before = await store.exportDataset();
    const input = { survivorId: ALAUDINOV, absorbedId: 'person:kaja-kallas', reason: 'test' };
    expect(code(await as(undefined)(MERGE, { input }))).toBe('UNAUTHENTICATED');
    const byEditor = await editor(MERGE, { input });
    expect(code(byEditor)).toBe('FORBIDDEN');
    expect(byEditor.errors?.[0]?.message).toContain('admin role');
    expect(code(await editor(UNMERGE, { id: 'person:kaja-kallas' }))).toBe('FORBIDDEN');
    const judgeArgs = { aId: ALAUDINOV, bId: 'person:kaja-kallas', reason: 'test' };
    expect(code(await as(READER)(JUDGE, { ...judgeArgs, verdict: 'DIFFERENT' }))).toBe('FORBIDDEN');
    expect(code(await as(READER)(JUDGE, { ...judgeArgs, verdict: 'UNSURE' }))).toBe('FORBIDDEN');
    expect(code(await as(undefined)(JUDGE, { ...judgeArgs, verdict: 'DIFFERENT' }))).toBe('UNAUTHENTICATED');
    // Several conditions: an editor may judge DIFFERENT, but not SAME (which merges).
    const same = await editor(JUDGE, { ...judgeArgs, verdict: 'SAME' });
    expect(code(same)).toBe('FORBIDDEN');
    expect(same.errors?.[0]?.message).toContain('admin role');
    expect(await store.exportDataset()).toEqual(before);
    const different = await editor(JUDGE, { ...judgeArgs, verdict: 'DIFFERENT' });
    expect(different.errors).toBeUndefined();
    expect(different.data!.judge).toMatchObject({ aId: ALAUDINOV, bId: 'person:kaja-kallas', verdict: 'DIFFERENT', judgedBy: 'test-editor', merge: null });
    // A judgement is a document: the graph itself is unchanged.
    expect(await store.exportDataset()).toEqual(before);
  });

  test('proposes a person added in Cyrillic as a duplicate, with the reasons, and never again once judged DIFFERENT', async () => {
    const { id: planted } = await plant('Апти Алаудинов');
    const [found] = await candidatesWith(planted);
    expect(found).toBeDefined();
    expect([found!.a.id, found!.b.id]).toEqual([ALAUDINOV, planted].sort());
    expect(found!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['SAME_NAME', 'TRANSLITERATION', 'SHARED_NEIGHBOURS']));
    const judged = await editor(JUDGE, { aId: planted, bId: ALAUDINOV, verdict: 'DIFFERENT', reason: 'A namesake in another unit.' });
    expect(judged.errors).toBeUndefined();
    expect(await candidatesWith(planted)).toEqual([]);
    const listed = await editor('{ judgements(first: 5) { aId bId verdict reason a { id } } }');
    expect(listed.data!.judgements).toContainEqual({ aId: ALAUDINOV, bId: planted, verdict: 'DIFFERENT', reason: 'A namesake in another unit.', a: { id: ALAUDINOV } });
  });

  test('SAME by an admin merges: the absorbed id answers the survivor, and the undo gives back the graph of before', async () => {
    const { id: planted } = await plant('Apty Alaudinow');
    const [found] = await candidatesWith(planted);
    expect(found?.reasons[0]?.code).toBe('SIMILAR_SPELLING');
    const before = await store.exportDataset();

    const judged = await admin(JUDGE, { aId: ALAUDINOV, bId: planted, verdict: 'SAME', reason: 'The same commander, misspelt.' });
    expect(judged.errors).toBeUndefined();
    expect(judged.data!.judge).toMatchObject({ verdict: 'SAME', undone: false, merge: { absorbedId: planted } });
    const read = await editor(`query ($id: ID!) {
      entity(id: $id) { id aliases statements { speaker { id } about { id } } relations(types: ["COMMANDS"]) { node { id } } }
    }`, { id: planted });
    expect(read.errors).toBeUndefined();
    const survivor = read.data!.entity as {
      id: string;
      aliases: string[];
      statements: { speaker: { id: string }; about: { id: string }[] }[];
      relations: { node: { id: string } }[];
    };
    expect(survivor.id).toBe(ALAUDINOV);
    // The planted COMMANDS relation said what Alaudinov's says: one relation is left.
    expect(survivor.relations).toEqual([{ node: { id: 'unit:chechen-unit' } }]);
    expect(survivor.aliases).toContain('Apty Alaudinow');
    const moved = survivor.statements.find((s) => s.about.some((a) => a.id === 'event:kursk-offensive-2025-01') && s.speaker.id === ALAUDINOV);
    expect(moved).toBeDefined();
    expect(await store.entitiesByIds([planted])).toEqual([null]);
    expect(await candidatesWith(planted)).toEqual([]);

    const undone = await admin(UNMERGE, { id: planted });
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.unmergeEntity).toEqual({ id: planted, name: 'Apty Alaudinow', aliases: [] });
    expect(await store.exportDataset()).toEqual(before);
    const again = await admin(UNMERGE, { id: planted });
    expect(code(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toContain('not merged');
  });

  test('mergeEntities removes a relation between the two and collapses one that says the same, as one write', async () => {
    const { id: planted, relationId } = await plant('Apti Alaudinov');
    const between = await editor(`mutation ($input: AddRelationInput!) { addRelation(input: $input) { id } }`, {
      input: { type: 'SUPPORTS', fromId: planted, toId: ALAUDINOV, attributions: [{ stance: 'ASSERTS', sourceId: ARTICLE }] },
    });
    expect(between.errors).toBeUndefined();
    const commands = (await store.relationsOf([ALAUDINOV], { filter: { types: ['COMMANDS'] }, direction: 'OUT' }))[0]!;
    expect(commands.length).toBe(1);
    const before = await store.exportDataset();
    const merged = await admin(MERGE, { input: { survivorId: ALAUDINOV, absorbedId: planted, reason: 'The same man.' } });
    expect(merged.errors).toBeUndefined();
    const merge = merged.data!.mergeEntities as { removedRelationIds: string[]; collapsedRelationIds: string[]; movedFields: number; addedAliases: string[] };
    expect(merge.removedRelationIds).toEqual([(between.data!.addRelation as { id: string }).id]);
    // The planted COMMANDS relation (same ends, no time, the same attribution) says what the seed's does.
    expect(merge.collapsedRelationIds).toEqual([relationId]);
    expect(commands.map((v) => v.relation.id)).toEqual(['rel:alaudinov-commands-chechen-unit']);
    const after = await store.exportDataset();
    expect(after.relations.filter((r) => r.type === 'COMMANDS' && r.from === ALAUDINOV).map((r) => r.id)).toEqual(['rel:alaudinov-commands-chechen-unit']);
    expect(after.relations.some((r) => r.from === planted || r.to === planted)).toBe(false);
    expect(merge.addedAliases).toEqual([]);
    expect(merge.movedFields).toBeGreaterThan(0);
    const undone = await admin(UNMERGE, { id: planted });
    expect(undone.errors).toBeUndefined();
    expect(await store.exportDataset()).toEqual(before);
  });

  test('a merge sent again with its idempotency key is applied once and answered alike; the key with another input is refused', async () => {
    const { id: planted } = await plant('Apti Alaudinov Jr');
    const KEYED = `mutation ($input: MergeEntitiesInput!, $key: String) {
      mergeEntities(input: $input, idempotencyKey: $key) { survivor { id } absorbedId reason movedFields }
    }`;
    const input = { survivorId: ALAUDINOV, absorbedId: planted, reason: 'Retried.' };
    const first = await admin(KEYED, { input, key: 'merge-once-1' });
    expect(first.errors).toBeUndefined();
    const afterFirst = await store.exportDataset();
    const again = await admin(KEYED, { input, key: 'merge-once-1' });
    expect(again).toEqual(first);
    expect(await store.exportDataset()).toEqual(afterFirst);
    expect((await store.changesOf(planted, { first: 10, after: null })).items.filter((c) => c.operation === 'mergeEntities')).toHaveLength(1);
    const reused = await admin(KEYED, { input: { ...input, reason: 'Another reason.' }, key: 'merge-once-1' });
    expect(code(reused)).toBe('BAD_USER_INPUT');
    expect(reused.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await admin(UNMERGE, { id: planted })).errors).toBeUndefined();
  });
});
