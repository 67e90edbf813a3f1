/**
 * The journal through GraphQL, in process, on both stores (each over a seed graph of its own):
 * `history` (who changed a record, when, and the record before and after), idempotency keys on
 * mutations, and `retract` (a fact or an attribution taken back, still readable, marked).
 */
import { describe, expect } from 'vitest';
import { parseDataset, toDatasetFile, type Viewer } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import type { HarnessResult } from '../support/harness.js';
import { storesOfTheirOwn, useGraphQLOverStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const EDITOR: Viewer = { role: 'editor', subject: 'test-editor' };
const OTHER_EDITOR: Viewer = { role: 'editor', subject: 'second-editor' };
const READER: Viewer = { role: 'reader', subject: 'test-reader' };
const ARTICLE = 'source:reuters-kursk-kurakhove-2025-01-06';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const errorOf = (result: HarnessResult) => result.errors?.[0];

describe.each(await storesOfTheirOwn('kg-journal-graphql'))('the journal on the $name store', (under) => {
  const { store, test, as } = useGraphQLOverStore(under, seed);
  const editor = as(EDITOR);

  const HISTORY = `query ($id: ID!, $first: Int, $after: String) { history(id: $id, first: $first, after: $after) {
    totalCount nodes { id at actor role operation recordIds before { section id json } after { section id json } }
    pageInfo { hasNextPage endCursor }
  } }`;
  type ChangeNode = {
    id: string;
    at: string;
    actor: string;
    role: string | null;
    operation: string;
    recordIds: string[];
    before: { section: string; id: string; json: string }[];
    after: { section: string; id: string; json: string }[];
  };
  const historyOf = async (id: string, first = 20, after: string | null = null, viewer: Viewer | undefined = EDITOR) => {
    const result = await as(viewer)(HISTORY, { id, first, after });
    expect(result.errors).toBeUndefined();
    return result.data!.history as { totalCount: number; nodes: ChangeNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  };

  describe('history', () => {
    const RELATION = 'rel:kaja-kallas-supports-ukraine-journal';
    test('records who wrote a record, when, with which mutation, and the record before and after, newest first', async () => {
      const added = await editor(
        `mutation ($input: AddRelationInput!) { addRelation(input: $input) { id } }`,
        {
          input: {
            id: RELATION,
            type: 'SUPPORTS',
            fromId: 'person:kaja-kallas',
            toId: 'country:ukraine',
            attributions: [{ claimantId: 'person:kaja-kallas', stance: 'ASSERTS', sourceId: ARTICLE }],
          },
        },
      );
      expect(added.errors).toBeUndefined();
      const attributed = await as(OTHER_EDITOR)(
        `mutation { addAttribution(factId: "${RELATION}", input: { claimantId: "country:ukraine", stance: DENIES, sourceId: "${ARTICLE}" }) { status } }`,
      );
      expect(attributed.data).toEqual({ addAttribution: { status: 'DISPUTED' } });

      const history = await historyOf(RELATION);
      expect(history.totalCount).toBe(2);
      const [second, first] = history.nodes;
      expect([second!.operation, first!.operation]).toEqual(['addAttribution', 'addRelation']);
      expect([second!.actor, first!.actor]).toEqual(['second-editor', 'test-editor']);
      expect(first!.role).toBe('EDITOR');
      expect(first!.at).toMatch(ISO_MS);
      expect(second!.at >= first!.at).toBe(true);
      expect(second!.id > first!.id).toBe(true);
      expect(first!.recordIds).toEqual([RELATION]);
      // The relation did not exist before it was added; after, it is as the file writes it.
      expect(first!.before).toEqual([]);
      expect(first!.after.map((r) => [r.section, r.id])).toEqual([['RELATION', RELATION]]);
      expect(JSON.parse(first!.after[0]!.json)).toEqual({
        id: RELATION,
        type: 'SUPPORTS',
        from: 'person:kaja-kallas',
        to: 'country:ukraine',
        attributions: [{ claimantId: 'person:kaja-kallas', stance: 'ASSERTS', sourceId: ARTICLE }],
      });
      const attributionsIn = (json: string) => (JSON.parse(json) as { attributions: { stance: string }[] }).attributions.map((a) => a.stance);
      expect(attributionsIn(second!.before[0]!.json)).toEqual(['ASSERTS']);
      expect(attributionsIn(second!.after[0]!.json)).toEqual(['ASSERTS', 'DENIES']);
    });

    test('comes a page at a time, and is open to readers and to anonymous readers', async () => {
      const page1 = await historyOf(RELATION, 1, null, READER);
      expect(page1.nodes.map((n) => n.operation)).toEqual(['addAttribution']);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await historyOf(RELATION, 1, page1.pageInfo.endCursor, undefined);
      expect(page2.nodes.map((n) => n.operation)).toEqual(['addRelation']);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect(await historyOf('country:russia')).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const bad = await editor(HISTORY, { id: RELATION, first: 1, after: 'nonsense' });
      expect(errorOf(bad)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });
  });

  describe('idempotency keys', () => {
    const CREATE = `mutation ($input: CreateEntityInput!, $key: String) { createEntity(input: $input, idempotencyKey: $key) { id name } }`;
    test('a request sent again with its key is answered with what it wrote, and written once', async () => {
      const input = { kind: 'PERSON', name: 'Retried Person' };
      const first = await editor(CREATE, { input, key: 'create-retried-person' });
      const counts = await store.counts();
      const again = await editor(CREATE, { input, key: 'create-retried-person' });
      expect(again).toEqual(first);
      expect(first.data).toEqual({ createEntity: { id: 'person:retried-person', name: 'Retried Person' } });
      expect(await store.counts()).toEqual(counts);
      expect((await historyOf('person:retried-person')).totalCount).toBe(1);
      // Without a key, the same input is a new request.
      const unkeyed = await editor(CREATE, { input });
      expect(unkeyed.data).toEqual({ createEntity: { id: 'person:retried-person-2', name: 'Retried Person' } });
    });

    test('a key sent with another input is refused, naming the argument, and nothing is written', async () => {
      const counts = await store.counts();
      const reused = await editor(CREATE, { input: { kind: 'PERSON', name: 'Someone Else' }, key: 'create-retried-person' });
      expect(errorOf(reused)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect(errorOf(reused)?.message).toContain('createEntity');
      expect(await store.counts()).toEqual(counts);
      // Another mutation with the key is another request too.
      const other = await editor(`mutation { addSource(input: { title: "Retried source" }, idempotencyKey: "create-retried-person") { id } }`);
      expect(errorOf(other)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      const empty = await editor(CREATE, { input: { kind: 'PERSON', name: 'Keyless' }, key: '  ' });
      expect(errorOf(empty)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
    });

    test('a retried addAttribution adds its attribution once and answers the fact as it is now', async () => {
      const ADD = `mutation { addAttribution(factId: "rel:united-states-supports-ukraine", idempotencyKey: "attr-once",
        input: { claimantId: "country:united-kingdom", stance: ASSERTS, sourceId: "${ARTICLE}" }) { id attributions { claimant { id } } } }`;
      const first = await editor(ADD);
      expect(first.errors).toBeUndefined();
      const again = await editor(ADD);
      expect(again).toEqual(first);
      const [relation] = await store.relationsByIds(['rel:united-states-supports-ukraine']);
      expect(relation!.attributions.map((a) => a.claimantId)).toEqual([null, 'person:us-state-department-spokesperson', 'country:united-kingdom']);
    });

    test('a key of a write that was refused can be used again: a refused write records nothing', async () => {
      const refused = await editor(CREATE, { input: { kind: 'PERSON', name: '' }, key: 'refused-first' });
      expect(errorOf(refused)?.extensions?.code).toBe('BAD_USER_INPUT');
      const accepted = await editor(CREATE, { input: { kind: 'PERSON', name: 'Accepted Later' }, key: 'refused-first' });
      expect(accepted.data).toEqual({ createEntity: { id: 'person:accepted-later', name: 'Accepted Later' } });
    });
  });

  describe('retract', () => {
    const RETRACT = `mutation ($input: RetractInput!, $key: String) { retract(input: $input, idempotencyKey: $key) {
      id status retraction { by at reason } attributions { stance claimant { id } retraction { by at reason } }
    } }`;
    type FactNode = {
      id: string;
      status: string;
      retraction: { by: string; at: string; reason: string } | null;
      attributions: { stance: string; claimant: { id: string } | null; retraction: { by: string; at: string; reason: string } | null }[];
    };
    const retract = async (input: Record<string, unknown>, viewer: Viewer | undefined = EDITOR, key?: string) => as(viewer)(RETRACT, { input, key });

    test('an attribution: it stays, marked with who, when and why, and no longer counts towards the status', async () => {
      const FACT = 'rel:north-korean-troops-support-russia';
      const result = await retract({ factId: FACT, attributionIndex: 1, reason: 'The governments withdrew the statement.' });
      expect(result.errors).toBeUndefined();
      const fact = result.data!.retract as FactNode;
      expect(fact.status).toBe('CLAIMED');
      expect(fact.retraction).toBeNull();
      expect(fact.attributions.map((a) => [a.claimant?.id, a.retraction?.reason ?? null])).toEqual([
        ['country:ukraine', null],
        ['org:western-governments', 'The governments withdrew the statement.'],
      ]);
      expect(fact.attributions[1]!.retraction).toMatchObject({ by: 'test-editor', at: expect.stringMatching(ISO_MS) });
      // Read back later, the same; retracting it again is refused, and changes nothing.
      const again = await retract({ factId: FACT, attributionIndex: 1, reason: 'Again.' });
      expect(errorOf(again)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.attributionIndex' });
      expect(errorOf(again)?.message).toContain('retracted already');
      const [stored] = await store.relationsByIds([FACT]);
      expect(stored!.attributions[1]!.retraction!.reason).toBe('The governments withdrew the statement.');
      // The last one left retracted too: the fact is RETRACTED.
      const last = await retract({ factId: FACT, attributionIndex: 0, reason: 'Withdrawn as well.' });
      expect((last.data!.retract as FactNode).status).toBe('RETRACTED');
      const history = await historyOf(FACT);
      expect(history.nodes.map((n) => n.operation)).toEqual(['retract', 'retract']);
    });

    test('a whole relation: it stays readable as RETRACTED, found by that status, with its attributions as they were', async () => {
      const FACT = 'rel:russian-forces-control-most-of-kurakhove';
      const result = await retract({ factId: FACT, reason: 'Misread map.' });
      expect(result.errors).toBeUndefined();
      const fact = result.data!.retract as FactNode;
      expect(fact).toMatchObject({ id: FACT, status: 'RETRACTED', retraction: { by: 'test-editor', reason: 'Misread map.' } });
      expect(fact.attributions.every((a) => a.retraction === null)).toBe(true);
      const listed = await editor(
        `{ entity(id: "settlement:kurakhove") { relations(filter: { statuses: [RETRACTED] }) { id status retraction { by reason } } } }`,
      );
      expect(listed.data).toEqual({
        entity: { relations: [{ id: FACT, status: 'RETRACTED', retraction: { by: 'test-editor', reason: 'Misread map.' } }] },
      });
      const twice = await retract({ factId: FACT, reason: 'Twice.' });
      expect(errorOf(twice)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.factId' });
    });

    test('a whole event: the event and the links that follow it are RETRACTED', async () => {
      const EVENT = 'event:kurakhove-capture';
      const result = await retract({ factId: EVENT, reason: 'Duplicate of another event.' }, EDITOR, 'retract-capture');
      expect(result.errors).toBeUndefined();
      expect(result.data!.retract).toMatchObject({ id: EVENT, status: 'RETRACTED', retraction: { reason: 'Duplicate of another event.' } });
      expect(await retract({ factId: EVENT, reason: 'Duplicate of another event.' }, EDITOR, 'retract-capture')).toEqual(result);
      const [links] = await store.relationsOf([EVENT], { filter: { types: ['TOOK_PLACE_IN', 'PARTICIPATED_IN'] }, direction: 'BOTH' });
      expect(links!.length).toBeGreaterThan(0);
      for (const view of links!) expect([view.relation.id, view.relation.status]).toEqual([view.relation.id, 'RETRACTED']);
      const history = await historyOf(EVENT);
      expect(history.nodes[0]).toMatchObject({ operation: 'retract', actor: 'test-editor' });
      expect(history.nodes[0]!.recordIds[0]).toBe(EVENT);
      expect(JSON.parse(history.nodes[0]!.after.find((r) => r.id === EVENT)!.json).event.retraction.reason).toBe('Duplicate of another event.');
    });

    test('refuses a reader, an unknown fact, an index out of range and an empty reason, changing nothing', async () => {
      const FACT = 'rel:ukrainian-forces-control-part-of-kursk-region';
      const [before] = await store.relationsByIds([FACT]);
      expect(errorOf(await retract({ factId: FACT, reason: 'No.' }, READER))?.extensions?.code).toBe('FORBIDDEN');
      expect(errorOf(await as(undefined)(RETRACT, { input: { factId: FACT, reason: 'No.' } }))?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(errorOf(await retract({ factId: 'rel:no-such-fact', reason: 'No.' }))?.extensions?.code).toBe('NOT_FOUND');
      expect(errorOf(await retract({ factId: FACT, attributionIndex: 2, reason: 'No.' }))?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.attributionIndex',
      });
      expect(errorOf(await retract({ factId: FACT, attributionIndex: -1, reason: 'No.' }))?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errorOf(await retract({ factId: FACT, reason: '   ' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.reason' });
      expect(await store.relationsByIds([FACT])).toEqual([before]);
      expect((await historyOf(FACT)).totalCount).toBe(0);
    });

    test('what was retracted survives an export and an import into an empty store', async () => {
      const exported = await store.exportDataset();
      expect(exported.relations.filter((r) => r.status === 'RETRACTED').length).toBeGreaterThan(0);
      const file = JSON.parse(JSON.stringify(toDatasetFile(exported)));
      const copy = createMemoryStore();
      await copy.load(parseDataset(file));
      expect(await copy.exportDataset()).toEqual(exported);
    });
  });
});
