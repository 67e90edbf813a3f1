/**
 * Query limits as a client meets them: each named in its error with the limit, the value found
 * and the variable that sets it; the queries analysts and GraphQL IDEs send pass untouched.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { readmeExamples } from '../support/readme-examples.js';
import { startHarness, type Harness, type HarnessResult } from '../support/harness.js';

const ALAUDINOV = 'person:apti-alaudinov';

/** `entity { relations { node { relations { node ... { id } } } } }`, `levels` relations deep. */
function nestedRelations(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `relations { node { ${selection} } }`;
  return `{ entity(id: "${ALAUDINOV}") { ${selection} } }`;
}

function aliased(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

function onlyError(result: HarnessResult) {
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!;
}

describe('query limits', () => {
  let harness: Harness;
  beforeAll(async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    harness = await startHarness({ store });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('refuses a query nested deeper than 6 fields, naming the limit, the depth and MAX_QUERY_DEPTH', async () => {
    const error = onlyError(await harness.run(nestedRelations(20)));
    expect(error.extensions).toEqual({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 6, value: 42, setting: 'MAX_QUERY_DEPTH' });
    expect(error.message).toBe('The query nests fields 42 levels deep; the limit is 6 (MAX_QUERY_DEPTH).');
    // 2 relation levels are 6 fields deep: allowed.
    expect((await harness.run(nestedRelations(2))).errors).toBeUndefined();
  });

  it('counts fields, not the inline fragments around them, and fragments spread in', async () => {
    const inline = `{ entity(id: "${ALAUDINOV}") { ... on Person { commands { ... on Unit { commander { memberOf { name } } } } } } }`;
    expect((await harness.run(inline)).errors).toBeUndefined();
    const spread = `
      fragment Deep on Entity { relations { node { relations { node { relations { id } } } } } }
      { entity(id: "${ALAUDINOV}") { ...Deep } }`;
    expect(onlyError(await harness.run(spread)).extensions).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', value: 7 });
  });

  it('refuses more than 15 aliases', async () => {
    const error = onlyError(await harness.run(aliased(16, `entity(id: "${ALAUDINOV}") { id }`)));
    expect(error.extensions).toEqual({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 15, value: 16, setting: 'MAX_QUERY_ALIASES' });
    expect((await harness.run(aliased(15, `entity(id: "${ALAUDINOV}") { id }`))).errors).toBeUndefined();
  });

  it('refuses more than 50 directives', async () => {
    const fields = Array.from({ length: 51 }, () => 'id @include(if: true)').join(' ');
    const error = onlyError(await harness.run(`{ entity(id: "${ALAUDINOV}") { ${fields} } }`));
    expect(error.extensions).toEqual({ code: 'DIRECTIVE_LIMIT_EXCEEDED', limit: 50, value: 51, setting: 'MAX_QUERY_DIRECTIVES' });
  });

  it('refuses a document of more than 1,000 tokens before parsing the rest', async () => {
    const error = onlyError(await harness.run(`{ entity(id: "${ALAUDINOV}") { ${'id '.repeat(1_000)} } }`));
    expect(error.extensions).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED', limit: 1000, value: null, setting: 'MAX_QUERY_TOKENS' });
    expect(error.message).toBe('The query has more than 1000 tokens; the limit is 1000 (MAX_QUERY_TOKENS).');
  });

  it('refuses a query whose estimated cost is over 5,000: nesting and first multiply, aliases add up', async () => {
    const twoLevels = `entity(id: "${ALAUDINOV}") { relations { node { relations { node { name } } } } }`;
    // One costs 1 + (1 + 10 × (1 + (1 + 10 × (1 + 1)))) = 222; fifteen cost 3,330.
    expect((await harness.run(aliased(15, twoLevels))).errors).toBeUndefined();
    const wide = (first: number) => `{ search(text: "kursk", first: ${first}) { relations { node { relations { id } } } } }`;
    // 1 + first × (1 + 10 × (1 + (1 + 10 × 1))): 1,211 for 10, 12,101 for 100.
    expect((await harness.run(wide(10))).errors).toBeUndefined();
    const error = onlyError(await harness.run(wide(100)));
    expect(error.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', limit: 5000, value: 12101, setting: 'MAX_QUERY_COST' });
    expect(error.message).toBe('The query has an estimated cost of 12101; the limit is 5000 (MAX_QUERY_COST).');
    // The README's figure.
    const readme = `{ search(text: "kursk", first: 100) { relations { node { relations { node { name } } } } } }`;
    expect(onlyError(await harness.run(readme)).extensions).toMatchObject({ value: 22101 });
  });

  it('multiplies by depth, maxHops and first, also when they come in variables', async () => {
    const query = `query ($depth: Int, $first: Int) {
      neighborhood(id: "${ALAUDINOV}", depth: $depth) { nodes { relations { node { search: id } } } }
      search(text: "kursk", first: $first) { relations { node { relations { id } } } }
    }`;
    expect((await harness.run(query, { depth: 1, first: 10 })).errors).toBeUndefined();
    const error = onlyError(await harness.run(query, { depth: 3, first: 100 }));
    expect(error.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 5000 });
    expect(error.extensions!['value']).toBeGreaterThan(5000);
  });

  it('counts the cost of one document anew for the values of its bounding variables, whatever else varies', async () => {
    // The same document each time (Apollo hands the same parsed document to each), with $id and $text free.
    const query = `query ($id: ID!, $text: String!, $first: Int, $skip: Boolean!) {
      entity(id: $id) { relations { node { relations { id } } } }
      search(text: $text, first: $first) @skip(if: $skip) { relations { node { relations { id } } } }
    }`;
    const run = (variables: Record<string, unknown>) => harness.run(query, { id: ALAUDINOV, text: 'kursk', skip: false, ...variables });
    const costOf = async (variables: Record<string, unknown>) => onlyError(await run(variables)).extensions?.['value'];
    // relations { node { relations { id } } }: 1 + 10 × (1 + (1 + 10 × 1)) = 121, under entity (1) and search (1 + first ×).
    expect((await run({ first: 10 })).errors).toBeUndefined();
    expect(await costOf({ first: 50 })).toBe(1 + 121 + 1 + 50 * 121);
    expect((await run({ first: 10, id: 'region:kursk', text: 'pokrovsk' })).errors).toBeUndefined();
    expect(await costOf({ first: 41, id: 'region:kursk', text: 'pokrovsk' })).toBe(1 + 121 + 1 + 41 * 121);
    // $first left out takes search's default (10); @skip(if: true) leaves search out of the count.
    expect((await run({})).errors).toBeUndefined();
    expect((await run({ first: 50, skip: true })).errors).toBeUndefined();
    expect(await costOf({ first: 50, skip: false })).toBe(1 + 121 + 1 + 50 * 121);
  });

  it('answers variables that do not fit with BAD_USER_INPUT, before and after the same costly values fit', async () => {
    const query = `query ($id: ID!, $first: Int) {
      entity(id: $id) { id }
      search(text: "kursk", first: $first) { relations { node { relations { id } } } }
    }`;
    const codeOf = async (variables: Record<string, unknown>) => (await harness.run(query, variables)).errors?.[0]?.extensions?.['code'];
    // Without $id the variables do not fit: execution says so, whatever the cost.
    expect(await codeOf({ first: 50 })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ id: ALAUDINOV, first: 50 })).toBe('COST_LIMIT_EXCEEDED');
    expect(await codeOf({ first: 50 })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ id: { not: 'an id' }, first: 50 })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ id: ALAUDINOV, first: 50 })).toBe('COST_LIMIT_EXCEEDED');
    expect(await codeOf({ id: ALAUDINOV, first: 5 })).toBeUndefined();
  });

  it('lets GraphQL IDEs introspect and runs every README example', async () => {
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const result = await harness.run(introspection);
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('__schema');
    for (const example of readmeExamples()) {
      expect(await harness.run(example.query), example.title).toEqual(example.expected);
    }
  });

  it('costs the paths, subgraphs, limited neighbourhoods and connections by what bounds them', async () => {
    // With a cost limit of 1 every query is refused, and the error tells its estimated cost.
    const counting = await startHarness({ store: createMemoryStore(), limits: { maxCost: 1 } });
    try {
      const costOf = async (query: string) => onlyError(await counting.run(query)).extensions?.['value'];
      const k = `fromId: "${ALAUDINOV}", toId: "country:north-korea"`;
      // paths: first × maxHops runs of the selection (defaults 3 and 6), each path's lists 10 items.
      expect(await costOf(`{ paths(${k}, first: 10, maxHops: 10) { nodes { name } } }`)).toBe(1 + 100 * (1 + 10));
      expect(await costOf(`{ paths(${k}) { nodes { name } } }`)).toBe(1 + 18 * (1 + 10));
      // subgraph: one path per pair of ids, each of up to maxHops.
      const five = ['a', 'b', 'c', 'd', 'e'].map((x) => `"person:${x}"`).join(', ');
      expect(await costOf(`{ subgraph(ids: [${five}], maxHops: 4) { nodes { name } } }`)).toBe(1 + 10 * 4 * (1 + 10));
      // neighborhood(limit): about `limit` nodes in all, not limit × 10.
      expect(await costOf(`{ neighborhood(id: "${ALAUDINOV}", limit: 1000) { nodes { id } } }`)).toBe(1 + 100 * (1 + 10));
      // A connection's `first` bounds its nodes: they count once each.
      expect(await costOf('{ events(first: 100) { totalCount nodes { name } } }')).toBe(1 + 100 * (1 + 1 + 1));
      expect(await costOf('{ timeline { nodes { kind } } }')).toBe(1 + 50 * (1 + 1));
    } finally {
      await counting.stop();
    }
    // Within the default limit, the largest pages and path counts analysts ask for pass.
    expect((await harness.run(`{ paths(fromId: "${ALAUDINOV}", toId: "country:north-korea", first: 10, maxHops: 10) { length } }`)).errors?.[0]?.extensions?.['code']).not.toBe('COST_LIMIT_EXCEEDED');
    expect((await harness.run('{ events(first: 100) { nodes { name participants { role entity { name } } } } }')).errors?.[0]?.extensions?.['code']).not.toBe('COST_LIMIT_EXCEEDED');
  });

  it('takes each limit from its setting', async () => {
    const strict = await startHarness({
      store: createMemoryStore(),
      limits: { maxDepth: 2, maxAliases: 1, maxDirectives: 1, maxTokens: 40, maxCost: 3 },
    });
    try {
      const codeOf = async (query: string) => onlyError(await strict.run(query)).extensions?.['code'];
      expect(await codeOf(`{ entity(id: "${ALAUDINOV}") { relations { id } } }`)).toBe('DEPTH_LIMIT_EXCEEDED');
      expect(await codeOf(`{ a: sources { id } b: sources { id } }`)).toBe('ALIAS_LIMIT_EXCEEDED');
      expect(await codeOf(`{ sources { id @skip(if: false) title @skip(if: false) } }`)).toBe('DIRECTIVE_LIMIT_EXCEEDED');
      expect(await codeOf(`{ sources { ${'id '.repeat(40)} } }`)).toBe('TOKEN_LIMIT_EXCEEDED');
      expect(await codeOf(`{ sources { id title } }`)).toBe('COST_LIMIT_EXCEEDED');
    } finally {
      await strict.stop();
    }
  });

  it('caps the length of any list a field returns (MAX_LIST_LENGTH)', async () => {
    const store = createMemoryStore();
    const seed = await readDatasetFile(SEED_FILE);
    await store.load(seed);
    const capped = await startHarness({ store, limits: { maxListLength: 5 } });
    try {
      const result = await capped.run('{ entities { id } }');
      const count = seed.entities.length;
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringContaining(`Query.entities has ${count} items; the limit is 5 (MAX_LIST_LENGTH)`),
        path: ['entities'],
        extensions: { code: 'RESULT_TOO_LARGE', limit: 5, value: count, setting: 'MAX_LIST_LENGTH' },
      });
      // So is Query.near's list, which the store counts rather than reads.
      // (20,000 km from anywhere is nearly the whole globe: every other place with a location.)
      const located = seed.entities.filter((e) => e.location && e.id !== 'settlement:kurakhove').length;
      expect(located).toBeGreaterThan(5);
      const far = await capped.run('{ near(placeId: "settlement:kurakhove", km: 20000) { place { id } } }');
      expect(far.errors?.[0]).toMatchObject({
        message: expect.stringContaining(`Query.near has ${located} items; the limit is 5 (MAX_LIST_LENGTH)`),
        path: ['near'],
        extensions: { code: 'RESULT_TOO_LARGE', limit: 5, value: located, setting: 'MAX_LIST_LENGTH' },
      });
      const close = await capped.run('{ near(placeId: "settlement:kurakhove", km: 50) { place { id } } }');
      expect(close.errors).toBeUndefined();
      expect((close.data!['near'] as unknown[]).length).toBeGreaterThan(0);
      // A short list is untouched.
      expect((await capped.run(`{ entity(id: "${ALAUDINOV}") { relations { id } } }`)).errors).toBeUndefined();
      // A place's relations past the cap: the store stops reading one past it, so the error says
      // "more than", without a count.
      const [kursk] = await store.relationsOf(['region:kursk'], { filter: { types: null }, direction: 'BOTH' });
      expect(kursk!.length).toBeGreaterThan(5);
      const hub = await capped.run('{ entity(id: "region:kursk") { name relations { id } } }');
      expect(hub.data).toEqual({ entity: null });
      expect(hub.errors?.[0]).toMatchObject({
        message: expect.stringContaining('Region.relations has more than 5 items; the limit is 5 (MAX_LIST_LENGTH)'),
        path: ['entity', 'relations'],
        extensions: { code: 'RESULT_TOO_LARGE', limit: 5, value: null, setting: 'MAX_LIST_LENGTH' },
      });
    } finally {
      await capped.stop();
    }
  });

  it('answers a limited neighbourhood whose relations would pass MAX_LIST_LENGTH with the nearest nodes that fit', async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    const capped = await startHarness({ store, limits: { maxListLength: 5 } });
    try {
      const result = await capped.run(`{ neighborhood(id: "region:kursk", depth: 2, limit: 1000) { nodes { id } edges { id from to } truncated } }`);
      expect(result.errors).toBeUndefined();
      const answer = result.data!['neighborhood'] as { nodes: { id: string }[]; edges: { id: string; from: string; to: string }[]; truncated: boolean };
      expect(answer.truncated).toBe(true);
      expect(answer.nodes.length).toBeGreaterThan(1);
      expect(answer.nodes.length).toBeLessThanOrEqual(5);
      expect(answer.edges.length).toBeLessThanOrEqual(5);
      // The nearest nodes in the port's order, and every relation among them: those of the full
      // neighbourhood with both ends listed, and one node more would not have fitted.
      const full = (await store.neighborhood('region:kursk', { depth: 2, filter: { types: null }, limit: 1000 }))!;
      const listed = full.nodes.map((n) => n.id).slice(0, answer.nodes.length);
      expect(answer.nodes.map((n) => n.id)).toEqual(listed);
      const among = (ids: string[]) => full.edges.filter((e) => ids.includes(e.from) && ids.includes(e.to)).map((e) => e.id);
      expect(answer.edges.map((e) => e.id)).toEqual(among(listed));
      const oneMore = full.nodes.map((n) => n.id).slice(0, answer.nodes.length + 1);
      expect(oneMore.length > 5 || among(oneMore).length > 5).toBe(true);
      // Without a limit the same question is still refused.
      const unlimited = await capped.run(`{ neighborhood(id: "region:kursk", depth: 2) { nodes { id } } }`);
      expect(unlimited.errors?.[0]?.extensions?.['code']).toBe('RESULT_TOO_LARGE');
    } finally {
      await capped.stop();
    }
  });

  it('refuses the edges of a neighbourhood past MAX_LIST_LENGTH, letting the store stop listing them, and still lists its nodes', async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    const centre = 'event:kurakhove-assaults';
    const full = (await store.neighborhood(centre, { depth: 1, filter: { types: null } }))!;
    expect(full.nodes.length).toBe(5);
    expect(full.edges.length).toBeGreaterThan(5);
    const capped = await startHarness({ store, limits: { maxListLength: 5 } });
    try {
      const nodesOnly = await capped.run(`{ neighborhood(id: "${centre}", depth: 1) { nodes { id } } }`);
      expect(nodesOnly).toEqual({ data: { neighborhood: { nodes: full.nodes.map((n) => ({ id: n.id })) } } });
      const withEdges = await capped.run(`{ neighborhood(id: "${centre}", depth: 1) { nodes { id } edges { id } } }`);
      expect(withEdges.data).toBeNull();
      expect(withEdges.errors).toHaveLength(1);
      expect(withEdges.errors?.[0]).toMatchObject({
        message: expect.stringContaining('Subgraph.edges has more than 5 items; the limit is 5 (MAX_LIST_LENGTH)'),
        path: ['neighborhood', 'edges'],
        extensions: { code: 'RESULT_TOO_LARGE', limit: 5, value: null, setting: 'MAX_LIST_LENGTH' },
      });
      // The store was told where to stop: one edge past the cap, said so.
      const stopped = (await store.neighborhood(centre, { depth: 1, filter: { types: null }, maxEdges: 5 }))!;
      expect(stopped).toMatchObject({ nodes: full.nodes, edgesCut: true });
      expect('edges' in stopped && stopped.edges.length).toBe(6);
      // At the cap or above, the whole neighbourhood, as without it.
      expect(await store.neighborhood(centre, { depth: 1, filter: { types: null }, maxEdges: full.edges.length })).toEqual(full);
    } finally {
      await capped.stop();
    }
  });

  it('refuses a neighbourhood of more than MAX_LIST_LENGTH nodes, letting the store stop early', async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    const full = (await store.neighborhood(ALAUDINOV, { depth: 3, filter: { types: null } }))!;
    expect(full.nodes.length).toBeGreaterThan(7);
    const capped = await startHarness({ store, limits: { maxListLength: 5 } });
    try {
      for (const list of ['nodes', 'edges', '__typename']) {
        const result = await capped.run(`{ neighborhood(id: "${ALAUDINOV}", depth: 3) { ${list} } }`.replace(/(nodes|edges) }/, '$1 { id } }'));
        expect(result.data).toBeNull();
        expect(result.errors?.[0]).toMatchObject({
          message: `The neighbourhood of "${ALAUDINOV}" within 3 hops has more than 5 nodes; the limit is 5 (MAX_LIST_LENGTH). Ask a smaller depth or fewer types.`,
          path: ['neighborhood'],
          extensions: { code: 'RESULT_TOO_LARGE', limit: 5, setting: 'MAX_LIST_LENGTH' },
        });
      }
      // The store was told where to stop.
      const stopped = await store.neighborhood(ALAUDINOV, { depth: 3, filter: { types: null }, maxNodes: 6 });
      expect(stopped).toMatchObject({ tooManyNodes: true });
      // At the cap or below, the answer is the whole neighbourhood, as without a cap.
      expect(await store.neighborhood(ALAUDINOV, { depth: 3, filter: { types: null }, maxNodes: full.nodes.length })).toEqual(full);
    } finally {
      await capped.stop();
    }
  });
});
