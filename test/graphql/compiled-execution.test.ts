/**
 * Compiled execution answers exactly as graphql-js does: the same corpus (the README's examples,
 * the hostile corpus, the heavy queries allowed, and requests aimed at what a compiler may get
 * wrong: fragments on interfaces, @skip/@include by variable, errors inside lists, variables that
 * do not fit, operation names) is run through a server of each kind over one store, twice (a
 * document is compiled the second time it is asked), and the answers must be the same text, byte
 * for byte.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineExceeded } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { startHarness, type Harness } from '../support/harness.js';
import { HEAVY_ALLOWED, hostileCorpus } from '../support/hostile.js';
import { readmeExamples } from '../support/readme-examples.js';

interface Request {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

const KURSK = 'region:kursk';
const ALAUDINOV = 'person:apti-alaudinov';

const aimed: Request[] = [
  { name: 'introspection', query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) },
  {
    name: 'fragments on the Entity interface, __typename in a list',
    query: `{ entity(id: "${KURSK}") { __typename id ... on Region { name } relations { type node { __typename ... on Person { name } ... on Unit { name commander { name } } ...N } } } }
      fragment N on Entity { id kind }`,
  },
  {
    name: '@skip and @include by variable, both ways',
    query: 'query($a: Boolean!, $b: Boolean!, $id: ID!) { entity(id: $id) { id name @skip(if: $a) relations @include(if: $b) { type } } }',
    variables: { a: true, b: true, id: ALAUDINOV },
  },
  {
    name: '@skip and @include by variable, the other way',
    query: 'query($a: Boolean!, $b: Boolean!, $id: ID!) { entity(id: $id) { id name @skip(if: $a) relations @include(if: $b) { type } } }',
    variables: { a: false, b: false, id: ALAUDINOV },
  },
  { name: 'aliases of one field', query: `{ a: entity(id: "${KURSK}") { id } b: entity(id: "${ALAUDINOV}") { n: name } c: entity(id: "nobody:here") { id } }` },
  { name: 'a variable of the wrong type', query: 'query($id: ID!) { entity(id: $id) { id } }', variables: { id: { x: 1 } } },
  { name: 'a required variable left out', query: 'query($id: ID!) { entity(id: $id) { id } }', variables: {} },
  { name: 'an enum variable that is not one', query: 'query($k: [EntityKind!]) { search(text: "kursk", kinds: $k) { id } }', variables: { k: ['PLANET'] } },
  { name: 'an Int variable given a string', query: 'query($n: Int) { search(text: "kursk", first: $n) { id } }', variables: { n: 'ten' } },
  {
    name: 'two operations, the second chosen',
    query: `query A { entity(id: "${KURSK}") { id } } query B { entity(id: "${ALAUDINOV}") { name } }`,
    operationName: 'B',
  },
  { name: 'two operations, none chosen', query: `query A { entity(id: "${KURSK}") { id } } query B { entity(id: "${ALAUDINOV}") { name } }` },
  { name: 'an operation name not in the document', query: `query A { entity(id: "${KURSK}") { id } }`, operationName: 'Nope' },
  { name: 'a mutation, refused to an anonymous viewer', query: 'mutation { createEntity(input: { kind: PERSON, name: "X" }) { id } }' },
  { name: 'a neighbourhood', query: `{ neighborhood(id: "${KURSK}", depth: 2, limit: 20) { nodes { id name kind } edges { id type status from { id } to { id } } truncated } }` },
  { name: 'paths', query: `{ paths(fromId: "${ALAUDINOV}", toId: "${KURSK}", first: 3) { nodes { id } edges { id type } } }` },
];

function corpus(): Request[] {
  const requests: Request[] = [...aimed];
  for (const example of readmeExamples()) requests.push({ name: `README: ${example.title}`, query: example.query });
  HEAVY_ALLOWED.forEach((heavy, i) => requests.push({ name: `heavy allowed #${i}`, query: heavy.query, variables: heavy.variables }));
  for (const c of hostileCorpus()) {
    const body = c.body;
    if (body === undefined || typeof body.query !== 'string') continue;
    if (body.variables !== undefined && (typeof body.variables !== 'object' || body.variables === null || Array.isArray(body.variables))) continue;
    if (body.operationName !== undefined && typeof body.operationName !== 'string') continue;
    requests.push({
      name: `hostile: ${c.name}`,
      query: body.query,
      variables: body.variables as Record<string, unknown> | undefined,
      operationName: body.operationName as string | undefined,
    });
  }
  return requests;
}

const requests = corpus();

describe.each([
  { limits: 'the default limits', maxListLength: undefined },
  // Lists cut short: RESULT_TOO_LARGE raised inside lists, and the nulls it leaves propagated.
  { limits: 'MAX_LIST_LENGTH 3', maxListLength: 3 },
])('compiled execution against graphql-js, with $limits', ({ maxListLength }) => {
  let store: GraphStore;
  let compiled: Harness;
  let plain: Harness;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    const limits = maxListLength === undefined ? {} : { maxListLength };
    // Every document tried compiled again, even right after one of its answers had an error.
    compiled = await startHarness({ store, limits, compiled: { graphqlJsAfterErrorsMs: 0 } });
    plain = await startHarness({ store, limits, compiled: false });
  });
  afterAll(async () => {
    await compiled?.stop();
    await plain?.stop();
  });

  it('has a corpus of answers with data and of errors', () => {
    expect(requests.length).toBeGreaterThan(100);
  });

  it.each(requests)('answers "$name" alike', async ({ query, variables, operationName }) => {
    const expected = await plain.run(query, variables, undefined, undefined, operationName);
    // Asked once, a document runs through graphql-js; asked again, compiled.
    const first = await compiled.run(query, variables, undefined, undefined, operationName);
    expect(JSON.stringify(first)).toBe(JSON.stringify(expected));
    const before = compiled.compiledAnswers();
    const answered = await compiled.run(query, variables, undefined, undefined, operationName);
    expect(JSON.stringify(answered)).toBe(JSON.stringify(expected));
    // Asked again, a query answered without errors was answered compiled; any other was not.
    const clean = expected.errors === undefined && expected.data != null && !/^\s*mutation/.test(query);
    expect(compiled.compiledAnswers() - before).toBe(clean ? 1 : 0);
  });
});

describe('compiled execution', () => {
  let harness: Harness;
  beforeAll(async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    harness = await startHarness({ store, limits: { maxListLength: 3 } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('compiles a document the second time it is asked, and leaves answers with errors to graphql-js, alone for a while after three in a row', async () => {
    const query = `{ entity(id: "${KURSK}") { id name kind ... on Region { country { name } } } }`;
    const before = harness.compiledAnswers();
    const first = await harness.run(query);
    expect(harness.compiledAnswers()).toBe(before);
    expect(await harness.run(query)).toEqual(first);
    expect(harness.compiledAnswers()).toBe(before + 1);
    expect(await harness.run(query)).toEqual(first);
    expect(harness.compiledAnswers()).toBe(before + 2);

    // Both lists of this path (7 nodes, 6 edges) are too long for MAX_LIST_LENGTH 3: the compiled
    // query would report both errors, graphql-js reports the first, and graphql-js answers.
    const tooLong = `{ shortestPath(fromId: "${ALAUDINOV}", toId: "person:antony-blinken", maxHops: 10) { nodes { id } edges { id } } }`;
    const asked = async () => {
      harness.resetCalls();
      const paths = (await harness.run(tooLong)).errors?.map((e) => e.path?.join('.'));
      return { paths, storeCalls: harness.calls.get('shortestPath') };
    };
    // First asked: graphql-js. Then compiled, an error, so graphql-js again (the store read twice),
    // three times in a row; then graphql-js alone, for a while.
    expect(await asked()).toEqual({ paths: ['shortestPath.nodes'], storeCalls: 1 });
    for (let i = 0; i < 3; i++) expect(await asked()).toEqual({ paths: ['shortestPath.nodes'], storeCalls: 2 });
    expect(await asked()).toEqual({ paths: ['shortestPath.nodes'], storeCalls: 1 });
    expect(await asked()).toEqual({ paths: ['shortestPath.nodes'], storeCalls: 1 });
    expect(harness.compiledAnswers()).toBe(before + 2);
  });

  it('keeps a document compiled after answers to clients that had gone, or to requests whose deadline passed before they ran; not after deadlines that passed while they ran', async () => {
    const clientGone = () => ({
      signal: AbortSignal.abort(deadlineExceeded('The client closed the connection; the request was cancelled.')),
      clientGone: () => true,
    });
    // A request that waited for its turn past its deadline: refused before anything ran.
    const deadlinePassedBefore = () => AbortSignal.abort(deadlineExceeded('The request took longer than its deadline.'));
    for (const [name, cancelled] of [
      ['clientGoneThenAsked', clientGone],
      ['deadlinePassedBeforeThenAsked', deadlinePassedBefore],
    ] as const) {
      const query = `{ ${name}: entity(id: "${KURSK}") { id name } }`;
      await harness.run(query);
      const before = harness.compiledAnswers();
      for (let i = 0; i < 4; i++) {
        const answer = await harness.run(query, {}, cancelled());
        expect(answer.errors?.[0]?.extensions?.['code']).toBe('DEADLINE_EXCEEDED');
      }
      expect(await harness.run(query)).toEqual({ data: { [name]: { id: KURSK, name: 'Kursk region' } } });
      expect(harness.compiledAnswers(), name).toBe(before + 1);
    }
  });

  it('leaves a document to graphql-js for a while after three deadlines in a row that passed while its store read stalled', async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    let stallMs = 0;
    const stalling = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (stallMs > 0) await new Promise((resolve) => setTimeout(resolve, stallMs));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const slow = await startHarness({ store: stalling });
    try {
      // The deadline is still ahead when the request starts, and passes during the store's read.
      const passingSoon = () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(deadlineExceeded('The request took longer than its deadline.')), 5);
        return controller.signal;
      };
      const query = `{ stalledThenAsked: entity(id: "${KURSK}") { id name } }`;
      await slow.run(query);
      const before = slow.compiledAnswers();
      expect(await slow.run(query, {}, passingSoon())).toEqual({ data: { stalledThenAsked: { id: KURSK, name: 'Kursk region' } } });
      expect(slow.compiledAnswers()).toBe(before + 1);
      stallMs = 30;
      for (let i = 0; i < 3; i++) {
        const answer = await slow.run(query, {}, passingSoon());
        expect(answer.errors?.[0]?.extensions?.['code']).toBe('DEADLINE_EXCEEDED');
      }
      stallMs = 0;
      expect(await slow.run(query)).toEqual({ data: { stalledThenAsked: { id: KURSK, name: 'Kursk region' } } });
      // graphql-js alone for a while: a store that stalls.
      expect(slow.compiledAnswers()).toBe(before + 1);
    } finally {
      await slow.stop();
    }
  });

  it('keeps a document compiled when only some of its values fail', async () => {
    // With MAX_LIST_LENGTH 3, the path to Blinken is too long and the one to the Chechen unit is not.
    const query = `query($to: ID!) { shortestPath(fromId: "${ALAUDINOV}", toId: $to, maxHops: 10) { nodes { id } } }`;
    const before = harness.compiledAnswers();
    const ask = async (to: string) => (await harness.run(query, { to })).errors?.length ?? 0;
    expect(await ask('unit:chechen-unit')).toBe(0);
    for (let i = 0; i < 5; i++) {
      expect(await ask('person:antony-blinken')).toBe(1);
      expect(await ask('person:antony-blinken')).toBe(1);
      expect(await ask('unit:chechen-unit')).toBe(0);
    }
    // Every clean answer after the first asking was compiled: two errors in a row never made three.
    expect(harness.compiledAnswers()).toBe(before + 5);
  });
});
