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
  const { store, test, as, harness } = useGraphQLOverStore(under, seed);
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
    expect(taken.errors?.[0]?.message).toContain('An entity with the id "person:oleksandr-syrskyi" exists already');
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

  const HISTORY = `query ($id: ID!) { history(id: $id) { totalCount nodes { operation actor recordIds } } }`;
  const historyOf = async (id: string) => {
    const result = await editor(HISTORY, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.history as { totalCount: number; nodes: { operation: string; actor: string; recordIds: string[] }[] };
  };
  const problemsOf = (result: HarnessResult) => {
    expect(code(result)).toBe('BAD_USER_INPUT');
    return (result.errors?.[0]?.extensions?.problems as string[]).join('\n');
  };

  const ADD_EVENT = `mutation ($input: AddEventInput!, $key: String) { addEvent(input: $input, idempotencyKey: $key) {
    id eventType status time { start text } attributions { claimant { id } }
    participants { role entity { id } relation { id status time { start } attributions { claimant { id } } } }
    places { id }
  } }`;
  const POKROVSK_DEFENCE = {
    name: 'Defence of Pokrovsk',
    aliases: ['Pokrovsk defence'],
    event: {
      type: 'DEFENCE',
      time: { start: '2025-01-06', text: 'on Monday' },
      attributions: [{ claimantId: 'unit:khortytsia-group', stance: 'ASSERTS', sourceId: ARTICLE, saidOn: '2025-01-06' }],
    },
    participants: [
      { entityId: 'unit:ukrainian-armed-forces', role: 'DEFENDER' },
      { entityId: 'unit:russian-armed-forces', role: 'ATTACKER' },
    ],
    placeIds: ['settlement:pokrovsk'],
  };

  test('adds an event with its participants and places in one write, the relations taking its attributions and time', async () => {
    const before = await store.counts();
    const added = await editor(ADD_EVENT, { input: POKROVSK_DEFENCE, key: 'pokrovsk-defence-1' });
    expect(added.errors).toBeUndefined();
    const taking = { status: 'CLAIMED', time: { start: '2025-01-06' }, attributions: [{ claimant: { id: 'unit:khortytsia-group' } }] };
    const event = added.data?.addEvent as { participants: { role: string }[] };
    expect({ ...event, participants: [...event.participants].sort((a, b) => a.role.localeCompare(b.role)) }).toEqual({
      id: 'event:defence-of-pokrovsk',
      eventType: 'DEFENCE',
      status: 'CLAIMED',
      time: { start: '2025-01-06', text: 'on Monday' },
      attributions: [{ claimant: { id: 'unit:khortytsia-group' } }],
      participants: [
        { role: 'ATTACKER', entity: { id: 'unit:russian-armed-forces' }, relation: { id: 'rel:russian-armed-forces-participated-in-defence-of-pokrovsk', ...taking } },
        { role: 'DEFENDER', entity: { id: 'unit:ukrainian-armed-forces' }, relation: { id: 'rel:ukrainian-armed-forces-participated-in-defence-of-pokrovsk', ...taking } },
      ],
      places: [{ id: 'settlement:pokrovsk' }],
    });
    const after = await store.counts();
    expect([after.entities - before.entities, after.relations - before.relations]).toEqual([1, 3]);
    // The place lists it, and the new relations follow the event: another party's word reaches them.
    const place = await editor('{ entity(id: "settlement:pokrovsk") { relations(types: ["TOOK_PLACE_IN"]) { node { id } } } }');
    expect(place.data).toEqual({ entity: { relations: expect.arrayContaining([{ node: { id: 'event:defence-of-pokrovsk' } }]) } });
    await editor(`mutation { addAttribution(factId: "event:defence-of-pokrovsk", input: { claimantId: "org:deepstate", stance: ASSERTS, sourceId: "${ARTICLE}" }) { id } }`);
    const [link] = await store.relationsByIds(['rel:defence-of-pokrovsk-took-place-in-pokrovsk']);
    expect([link?.status, link?.attributions.map((a) => a.claimantId)]).toEqual(['REPORTED', ['unit:khortytsia-group', 'org:deepstate']]);
    // Sent again with its key: not written again.
    const again = await editor(ADD_EVENT, { input: POKROVSK_DEFENCE, key: 'pokrovsk-defence-1' });
    expect((again.data?.addEvent as { id: string }).id).toBe('event:defence-of-pokrovsk');
    expect((await store.counts()).entities).toBe(after.entities);
    const history = await historyOf('event:defence-of-pokrovsk');
    expect(history.nodes.map((n) => n.operation)).toEqual(['addAttribution', 'addEvent']);
    expect(history.nodes[1]!.recordIds).toEqual([
      'event:defence-of-pokrovsk',
      'rel:ukrainian-armed-forces-participated-in-defence-of-pokrovsk',
      'rel:russian-armed-forces-participated-in-defence-of-pokrovsk',
      'rel:defence-of-pokrovsk-took-place-in-pokrovsk',
    ]);
    expect((await historyOf('rel:defence-of-pokrovsk-took-place-in-pokrovsk')).nodes[1]).toMatchObject({ operation: 'addEvent', actor: 'test-editor' });
  });

  test('refuses an event with every problem named, writing neither it nor any of its relations; a reader may not add one', async () => {
    const before = await store.counts();
    const refused = await editor(ADD_EVENT, {
      input: {
        ...POKROVSK_DEFENCE,
        name: 'Battle of nowhere',
        event: { ...POKROVSK_DEFENCE.event, time: { start: '2025-13' } },
        participants: [{ entityId: 'unit:nobody', role: 'ATTACKER' }],
        placeIds: ['person:kaja-kallas'],
      },
    });
    const problems = problemsOf(refused);
    expect(problems).toMatch(/"start" "2025-13"/);
    expect(problems).toMatch(/"unit:nobody", which is not a known entity/);
    expect(problems).toMatch(/TOOK_PLACE_IN.*PERSON|PERSON.*TOOK_PLACE_IN/);
    expect(await store.counts()).toEqual(before);
    expect(await store.entitiesByIds(['event:battle-of-nowhere'])).toEqual([null]);
    expect(code(await editor(ADD_EVENT, { input: { ...POKROVSK_DEFENCE, id: 'event:defence-of-pokrovsk' } }))).toBe('BAD_USER_INPUT');
    expect(code(await as(READER)(ADD_EVENT, { input: { ...POKROVSK_DEFENCE, name: 'Another' } }))).toBe('FORBIDDEN');
    expect(code(await as(undefined)(ADD_EVENT, { input: { ...POKROVSK_DEFENCE, name: 'Another' } }))).toBe('UNAUTHENTICATED');
    expect(await store.counts()).toEqual(before);
  });

  const UPDATE_RELATION = `mutation ($id: ID!, $input: UpdateRelationInput!) { updateRelation(id: $id, input: $input) {
    id type from to status time { start end text } qualifiers { extent wording note participantRole } evidence { id } attributions { claimant { id } }
  } }`;

  test('updates the fields given of a relation, the rest as they were', async () => {
    const updated = await editor(UPDATE_RELATION, {
      id: 'rel:russian-forces-control-most-of-kurakhove',
      input: { time: { start: '2025-01-05', end: '2025-01-06' }, qualifiers: { extent: 'all of', wording: 'all of Kurakhove' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateRelation).toMatchObject({
      type: 'CONTROLS',
      from: 'unit:russian-armed-forces',
      to: 'settlement:kurakhove',
      time: { start: '2025-01-05', end: '2025-01-06', text: null },
      qualifiers: { extent: 'all of', wording: 'all of Kurakhove', note: null, participantRole: null },
      attributions: [{ claimant: { id: 'org:deepstate' } }, { claimant: { id: 'unit:khortytsia-group' } }],
    });
    const read = await editor('{ entity(id: "settlement:kurakhove") { relations(types: ["CONTROLS"]) { id time { start end } qualifiers { extent } } } }');
    expect(read.data).toEqual({
      entity: { relations: [{ id: 'rel:russian-forces-control-most-of-kurakhove', time: { start: '2025-01-05', end: '2025-01-06' }, qualifiers: { extent: 'all of' } }] },
    });
    // null clears; statements it rests on are replaced.
    const cleared = await editor(UPDATE_RELATION, {
      id: 'rel:russian-forces-control-most-of-kurakhove',
      input: { time: null, statementIds: ['stmt:caption-russian-flag-in-kurakhove'] },
    });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data?.updateRelation).toMatchObject({ time: null, qualifiers: { extent: 'all of' } });
    expect((cleared.data?.updateRelation as { evidence: { id: string }[] }).evidence.map((s) => s.id)).toContain('stmt:caption-russian-flag-in-kurakhove');
    const history = await historyOf('rel:russian-forces-control-most-of-kurakhove');
    expect(history.nodes.slice(0, 2).map((n) => n.operation)).toEqual(['updateRelation', 'updateRelation']);
    // An update that changes nothing (nothing given, or what is there already) is answered with
    // the relation as it is and leaves no change in its history.
    for (const input of [{}, { time: null }]) {
      const same = await editor(UPDATE_RELATION, { id: 'rel:russian-forces-control-most-of-kurakhove', input });
      expect(same.errors).toBeUndefined();
      expect(same.data?.updateRelation).toEqual(cleared.data?.updateRelation);
    }
    expect((await historyOf('rel:russian-forces-control-most-of-kurakhove')).totalCount).toBe(history.totalCount);
  });

  test("updates an event's relation, which keeps taking the event's attributions and time", async () => {
    const [event] = await store.entitiesByIds(['event:kurakhove-assaults']);
    const updated = await editor(UPDATE_RELATION, {
      id: 'rel:ukrainian-forces-defender-in-kurakhove-assaults',
      input: { qualifiers: { participantRole: 'DEFENDER', wording: 'Ukrainian forces holding Kurakhove' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateRelation).toMatchObject({
      status: event!.event!.status,
      time: { start: event!.event!.time!.start, end: event!.event!.time!.end },
      qualifiers: { participantRole: 'DEFENDER', wording: 'Ukrainian forces holding Kurakhove' },
    });
    // The event changes afterwards: the updated relation still follows it.
    await editor(`mutation { addAttribution(factId: "event:kurakhove-assaults", input: { claimantId: "org:deepstate", stance: DISPUTES, sourceId: "${ARTICLE}" }) { id } }`);
    const [link] = await store.relationsByIds(['rel:ukrainian-forces-defender-in-kurakhove-assaults']);
    const [eventNow] = await store.entitiesByIds(['event:kurakhove-assaults']);
    expect([link!.status, link!.attributions]).toEqual([eventNow!.event!.status, eventNow!.event!.attributions]);
    expect(link!.status).toBe('DISPUTED');
  });

  test('refuses a relation update with every problem named and changes nothing; NOT_FOUND for an unknown relation; FORBIDDEN for a reader', async () => {
    const id = 'rel:russian-forces-attacker-in-kurakhove-capture';
    const [before] = await store.relationsByIds([id]);
    const refused = await editor(UPDATE_RELATION, {
      id,
      input: { time: { start: '2025-02-30' }, qualifiers: { wording: 'no role' }, statementIds: ['stmt:nothing-said'] },
    });
    const problems = problemsOf(refused);
    expect(problems).toMatch(/"start" "2025-02-30"/);
    expect(problems).toMatch(/participantRole/);
    expect(problems).toMatch(/stmt:nothing-said/);
    expect(refused.errors?.[0]?.extensions?.problems).toHaveLength(3);
    expect(await store.relationsByIds([id])).toEqual([before]);
    expect((await historyOf(id)).totalCount).toBe(0);
    expect(code(await editor(UPDATE_RELATION, { id: 'rel:nothing-here', input: { time: null } }))).toBe('NOT_FOUND');
    expect(code(await as(READER)(UPDATE_RELATION, { id, input: { time: null } }))).toBe('FORBIDDEN');
    expect(await store.relationsByIds([id])).toEqual([before]);
  });

  const UPDATE_STATEMENT = `mutation ($id: ID!, $input: UpdateStatementInput!, $key: String) { updateStatement(id: $id, input: $input, idempotencyKey: $key) {
    id kind text date status speaker { id } about { id } source { id } reportedVia { id }
  } }`;

  test('updates the fields given of a statement, clears those given as null, and answers a retry from the first', async () => {
    const id = 'stmt:defense-ministry-took-dachenske';
    const input = { text: 'Russian forces took Dachenske, the defence ministry said.', kind: 'REPORTED', date: null, status: 'REPORTED', aboutIds: ['settlement:dachenske'] };
    const updated = await editor(UPDATE_STATEMENT, { id, input, key: 'dachenske-1' });
    expect(updated.errors).toBeUndefined();
    const expected = {
      id,
      kind: 'REPORTED',
      text: 'Russian forces took Dachenske, the defence ministry said.',
      date: null,
      status: 'REPORTED',
      speaker: { id: 'org:russian-defense-ministry' },
      about: [{ id: 'settlement:dachenske' }],
      source: { id: ARTICLE },
      reportedVia: null,
    };
    expect(updated.data?.updateStatement).toEqual(expected);
    const read = await editor('{ statements(aboutId: "settlement:pokrovsk") { id } said: statements(aboutId: "settlement:dachenske") { id text date } }');
    expect((read.data?.statements as { id: string }[]).map((s) => s.id)).not.toContain(id);
    expect(read.data?.said).toContainEqual({ id, text: expected.text, date: null });
    const again = await editor(UPDATE_STATEMENT, { id, input, key: 'dachenske-1' });
    expect(again.data?.updateStatement).toEqual(expected);
    expect((await historyOf(id)).nodes.map((n) => n.operation)).toEqual(['updateStatement']);
    const reused = await editor(UPDATE_STATEMENT, { id, input: { text: 'Other words.' }, key: 'dachenske-1' });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
  });

  test('refuses a statement update the facts resting on it would contradict, naming every problem, and changes nothing', async () => {
    const id = 'stmt:defense-ministry-captured-kurakhove';
    const [before] = await store.statementsByIds([id]);
    const refused = await editor(UPDATE_STATEMENT, { id, input: { speakerId: 'country:russia', aboutIds: ['settlement:atlantis'], date: '2025-02-01' } });
    const problems = problemsOf(refused);
    expect(problems).toMatch(/whose speaker is "country:russia", but names "org:russian-defense-ministry" as claimant/);
    expect(problems).toMatch(/"settlement:atlantis", which is not a known entity/);
    expect(problems).toMatch(/2025-02-01, after its source was published/);
    expect(await store.statementsByIds([id])).toEqual([before]);
    expect((await historyOf(id)).totalCount).toBe(0);
    expect(code(await editor(UPDATE_STATEMENT, { id: 'stmt:nothing-said', input: { text: 'x' } }))).toBe('NOT_FOUND');
    expect(code(await as(READER)(UPDATE_STATEMENT, { id, input: { text: 'x' } }))).toBe('FORBIDDEN');
  });

  const UPDATE_SOURCE = `mutation ($id: ID!, $input: UpdateSourceInput!) { updateSource(id: $id, input: $input) { id title publisher published url kind } }`;

  test('updates the fields given of a source and clears those given as null', async () => {
    const updated = await editor(UPDATE_SOURCE, {
      id: 'source:syrskyi-interview',
      input: { title: 'Interview with Oleksandr Syrskyi', publisher: null, url: 'https://example.org/syrskyi' },
    });
    expect(updated.errors).toBeUndefined();
    const expected = {
      id: 'source:syrskyi-interview',
      title: 'Interview with Oleksandr Syrskyi',
      publisher: null,
      published: '2025-01-10',
      url: 'https://example.org/syrskyi',
      kind: 'DOCUMENT',
    };
    expect(updated.data?.updateSource).toEqual(expected);
    expect((await editor('{ source(id: "source:syrskyi-interview") { id title publisher published url kind } }')).data?.source).toEqual(expected);
    expect((await historyOf('source:syrskyi-interview')).nodes.map((n) => n.operation)).toEqual(['updateSource', 'addSource']);
  });

  test('refuses a publication day before what a fact cites the source for directly, with no statement between', async () => {
    const added = await editor(`mutation ($input: AddRelationInput!) { addRelation(input: $input) { id } }`, {
      input: {
        type: 'FIGHTING_IN',
        fromId: 'unit:ukrainian-armed-forces',
        toId: 'region:kursk',
        attributions: [{ claimantId: 'country:ukraine', stance: 'ASSERTS', sourceId: ARTICLE, saidOn: '2025-01-06' }],
      },
    });
    expect(added.errors).toBeUndefined();
    const relationId = (added.data?.addRelation as { id: string }).id;
    const [before] = await store.sourcesByIds([ARTICLE]);
    const refused = await editor(UPDATE_SOURCE, { id: ARTICLE, input: { published: '2025-01-05' } });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    const problems = refused.errors?.[0]?.extensions?.problems as string[];
    const named = problems.filter((p) => p.includes(relationId));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/attributions\[0\] has "saidOn" 2025-01-06, after its source was published \(2025-01-05\)\.$/);
    expect(await store.sourcesByIds([ARTICLE])).toEqual([before]);
  });

  test('refuses a source update its statements would contradict, naming every problem, and changes nothing', async () => {
    const [before] = await store.sourcesByIds([ARTICLE]);
    const refused = await editor(UPDATE_SOURCE, { id: ARTICLE, input: { published: '2025-01-01' } });
    const problems = refused.errors?.[0]?.extensions?.problems as string[];
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(problems.length).toBeGreaterThan(1);
    expect(problems.join('\n')).toMatch(/stmt:defense-ministry-captured-kurakhove.*after its source was published \(2025-01-01\)/);
    expect(await store.sourcesByIds([ARTICLE])).toEqual([before]);
    expect(code(await editor(UPDATE_SOURCE, { id: 'source:nothing', input: { title: 'x' } }))).toBe('NOT_FOUND');
    expect(code(await as(READER)(UPDATE_SOURCE, { id: ARTICLE, input: { title: 'x' } }))).toBe('FORBIDDEN');
    expect(await store.sourcesByIds([ARTICLE])).toEqual([before]);
  });

  test('a write reads what it refers to and what it replaces, then commits: a store call for each kind it has ids of, none for the others', async () => {
    harness.resetCalls();
    const created = await editor('mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }', {
      input: { kind: 'PERSON', name: 'Valerii Zaluzhnyi' },
    });
    expect(created.errors).toBeUndefined();
    // A free id is found (1), nothing it refers to, what it replaces (1: nothing), the commit.
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 2, commit: 1 });

    harness.resetCalls();
    const added = await editor('mutation($input: AddRelationInput!) { addRelation(input: $input) { id to } }', {
      input: {
        id: 'rel:zaluzhnyi-commands-ukrainian-armed-forces',
        type: 'COMMANDS',
        fromId: (created.data!['createEntity'] as { id: string }).id,
        toId: 'unit:ukrainian-armed-forces',
        attributions: [{ claimantId: null, stance: 'ASSERTS', sourceId: 'source:general-knowledge' }],
      },
    });
    expect(added.errors).toBeUndefined();
    // The id given is not taken (1), its ends and its source (one call each kind), what it replaces, the commit.
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 1, sourcesByIds: 1, relationsByIds: 2, commit: 1 });
  });
});
