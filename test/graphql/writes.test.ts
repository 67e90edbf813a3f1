/**
 * Writes through GraphQL, in process, on both stores (each over a graph of its own, the seed):
 * who may write, that a write reads back as written, and that a refused write names every
 * problem and changes nothing.
 */
import { describe, expect } from 'vitest';
import type { Viewer } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { HarnessResult } from '../support/harness.js';
import { storesOfTheirOwn, useGraphQLOverStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const EDITOR: Viewer = { role: 'editor', subject: 'test-editor' };
const READER: Viewer = { role: 'reader', subject: 'test-reader' };
const ARTICLE = 'source:reuters-kursk-kurakhove-2025-01-06';

const code = (result: HarnessResult) => result.errors?.[0]?.extensions?.code;

describe.each(await storesOfTheirOwn('kg-writes-graphql'))('writes on the $name store', (under) => {
  const { store, test, as } = useGraphQLOverStore(under, seed);
  const editor = as(EDITOR);

  const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id kind name aliases description } }`;

  test('refuses writes without credentials (UNAUTHENTICATED) and from a reader (FORBIDDEN), writing nothing', async () => {
    const before = await store.counts();
    const input = { kind: 'PERSON', name: 'Oleksandr Syrskyi' };
    expect(code(await as(undefined)(CREATE, { input }))).toBe('UNAUTHENTICATED');
    const forbidden = await as(READER)(CREATE, { input });
    expect(code(forbidden)).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toContain('editor role');
    expect(await store.counts()).toEqual(before);
  });

  test('creates an entity with an id made from its name, found afterwards by id and by search', async () => {
    const created = await editor(CREATE, {
      input: { kind: 'PERSON', name: 'Oleksandr Syrskyi', aliases: ['Syrskyi', 'Олександр Сирський'], description: "Ukraine's commander-in-chief." },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createEntity).toEqual({
      id: 'person:oleksandr-syrskyi',
      kind: 'PERSON',
      name: 'Oleksandr Syrskyi',
      aliases: ['Syrskyi', 'Олександр Сирський'],
      description: "Ukraine's commander-in-chief.",
    });
    const read = await editor('{ entity(id: "person:oleksandr-syrskyi") { name } search(text: "Сирський", first: 1) { id } }');
    expect(read.data).toEqual({ entity: { name: 'Oleksandr Syrskyi' }, search: [{ id: 'person:oleksandr-syrskyi' }] });
    // The same name again gets the next free id; the same id again is refused.
    const again = await editor(CREATE, { input: { kind: 'PERSON', name: 'Oleksandr Syrskyi' } });
    expect((again.data?.createEntity as { id: string }).id).toBe('person:oleksandr-syrskyi-2');
    const taken = await editor(CREATE, { input: { id: 'person:oleksandr-syrskyi', kind: 'PERSON', name: 'Someone' } });
    expect(code(taken)).toBe('BAD_USER_INPUT');
    expect(taken.errors?.[0]?.message).toContain('exists already');
  });

  test('runs writes at once one after another: ten of the same name get ten ids', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => editor(CREATE, { input: { kind: 'PERSON', name: 'Same Name' } })),
    );
    const ids = results.map((r) => (r.data?.createEntity as { id: string }).id).sort();
    expect(ids).toEqual(['person:same-name', ...Array.from({ length: 9 }, (_, i) => `person:same-name-${i + 2}`)].sort());
    expect((await store.entitiesByIds(ids)).every((e) => e?.name === 'Same Name')).toBe(true);
  });

  test('adds a relation with its attribution, which the entity then lists with its derived status', async () => {
    const added = await editor(
      `mutation ($input: AddRelationInput!) { addRelation(input: $input) { id type status claimants { id } start { id } end { id } source { id } } }`,
      {
        input: {
          type: 'MEMBER_OF',
          fromId: 'person:oleksandr-syrskyi',
          toId: 'unit:ukrainian-armed-forces',
          qualifiers: { role: 'commander-in-chief' },
          attributions: [{ claimantId: 'country:ukraine', stance: 'ASSERTS', sourceId: ARTICLE, saidOn: '2025-01-06' }],
        },
      },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addRelation).toEqual({
      id: 'rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces',
      type: 'MEMBER_OF',
      status: 'CLAIMED',
      claimants: [{ id: 'country:ukraine' }],
      start: { id: 'person:oleksandr-syrskyi' },
      end: { id: 'unit:ukrainian-armed-forces' },
      source: { id: ARTICLE },
    });
    const listed = await editor('{ entity(id: "person:oleksandr-syrskyi") { relations { id qualifiers { role } } } }');
    expect(listed.data).toEqual({
      entity: { relations: [{ id: 'rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces', qualifiers: { role: 'commander-in-chief' } }] },
    });
  });

  test('refuses a relation with every problem named, and writes nothing', async () => {
    const before = await store.counts();
    const refused = await editor(`mutation ($input: AddRelationInput!) { addRelation(input: $input) { id } }`, {
      input: {
        type: 'COMMANDS',
        fromId: 'settlement:kurakhove',
        toId: 'unit:chechen-unit',
        time: { start: '2025-13' },
        attributions: [{ claimantId: 'person:nobody', stance: 'ASSERTS', sourceId: ARTICLE }],
      },
    });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    const problems = refused.errors?.[0]?.extensions?.problems as string[];
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/cannot start at a SETTLEMENT/);
    expect(problems.join('\n')).toMatch(/"start" "2025-13"/);
    expect(problems.join('\n')).toMatch(/claimantId.*"person:nobody", which is not a known entity/);
    expect(await store.counts()).toEqual(before);
    const unknownType = await editor(`mutation { addRelation(input: { type: "OWNS", fromId: "country:russia", toId: "region:kursk" }) { id } }`);
    expect(code(unknownType)).toBe('BAD_USER_INPUT');
  });

  test("adds a party's word to a relation without touching the others, and its status follows", async () => {
    const added = await editor(
      `mutation ($input: AttributionInput!) { addAttribution(factId: "rel:russian-forces-control-most-of-kurakhove", input: $input) {
        status attributions { claimant { id } stance saidOn }
      } }`,
      { input: { claimantId: 'unit:khortytsia-group', stance: 'DISPUTES', sourceId: ARTICLE, saidOn: '2025-01-06' } },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addAttribution).toEqual({
      status: 'DISPUTED',
      attributions: [
        { claimant: { id: 'org:deepstate' }, stance: 'ASSERTS', saidOn: null },
        { claimant: { id: 'unit:khortytsia-group' }, stance: 'DISPUTES', saidOn: '2025-01-06' },
      ],
    });
    const disputed = await editor('{ entity(id: "settlement:kurakhove") { relations(types: ["CONTROLS"], filter: { statuses: [DISPUTED] }) { id } } }');
    expect(disputed.data).toEqual({ entity: { relations: [{ id: 'rel:russian-forces-control-most-of-kurakhove' }] } });
  });

  test("adds a party's word to an event, and the event's links take it too", async () => {
    const added = await editor(
      `mutation { addAttribution(factId: "event:kurakhove-defence", input: { claimantId: "org:deepstate", stance: ASSERTS, sourceId: "${ARTICLE}" }) {
        ... on Event { status attributions { claimant { id } } }
      } }`,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addAttribution).toEqual({
      status: 'REPORTED',
      attributions: [{ claimant: { id: 'unit:khortytsia-group' } }, { claimant: { id: 'org:deepstate' } }],
    });
    const links = await store.relationsOf(['event:kurakhove-defence'], { filter: { types: ['TOOK_PLACE_IN', 'PARTICIPATED_IN'] }, direction: 'BOTH' });
    expect(links[0]!.length).toBeGreaterThan(0);
    for (const view of links[0]!) expect([view.relation.id, view.relation.status]).toEqual([view.relation.id, 'REPORTED']);
    expect(code(await editor(`mutation { addAttribution(factId: "rel:nothing-here", input: { stance: ASSERTS, sourceId: "${ARTICLE}" }) { id } }`))).toBe('NOT_FOUND');
  });

  test('adds a source and a statement with ids made for them, linked both ways', async () => {
    const source = await editor(`mutation { addSource(input: { title: "Syrskyi interview", publisher: "Test Wire", published: "2025-01-10" }) { id kind } }`);
    expect(source.data?.addSource).toEqual({ id: 'source:syrskyi-interview', kind: 'DOCUMENT' });
    const statement = await editor(
      `mutation ($input: AddStatementInput!) { addStatement(input: $input) { id speaker { id } about { id } source { id } } }`,
      {
        input: {
          kind: 'QUOTE',
          text: 'We are holding the line in Kursk.',
          date: '2025-01-10',
          speakerId: 'person:oleksandr-syrskyi',
          aboutIds: ['region:kursk'],
          sourceId: 'source:syrskyi-interview',
          status: 'CLAIMED',
        },
      },
    );
    expect(statement.errors).toBeUndefined();
    expect(statement.data?.addStatement).toEqual({
      id: 'stmt:oleksandr-syrskyi-we-are-holding-the-line-in',
      speaker: { id: 'person:oleksandr-syrskyi' },
      about: [{ id: 'region:kursk' }],
      source: { id: 'source:syrskyi-interview' },
    });
    const said = await editor('{ entity(id: "person:oleksandr-syrskyi") { statements { id } } }');
    expect(said.data).toEqual({ entity: { statements: [{ id: 'stmt:oleksandr-syrskyi-we-are-holding-the-line-in' }] } });
  });

  test('updates the fields given and clears a description given as null', async () => {
    const updated = await editor(
      `mutation { updateEntity(id: "person:oleksandr-syrskyi", input: { aliases: ["General Syrskyi"], description: null }) { name aliases description } }`,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateEntity).toEqual({ name: 'Oleksandr Syrskyi', aliases: ['General Syrskyi'], description: null });
    const [stored] = await store.entitiesByIds(['person:oleksandr-syrskyi']);
    expect(stored).toMatchObject({ aliases: ['General Syrskyi'], description: null });
    const badLocation = await editor(
      `mutation { updateEntity(id: "person:oleksandr-syrskyi", input: { location: { latitude: 95, longitude: 10 } }) { id } }`,
    );
    expect(code(badLocation)).toBe('BAD_USER_INPUT');
    expect(code(await editor(`mutation { updateEntity(id: "person:nobody", input: { name: "X" }) { id } }`))).toBe('NOT_FOUND');
  });
});
