/**
 * Hostile queries over HTTP against the real server, on each store: deep nesting, fragment and
 * alias bombs, fan-out, directive and token floods, huge and odd strings, injection strings in
 * every argument, GET, batching and malformed bodies. Every answer: status below 500, within the
 * deadline, data or errors with a known code, no engine internals; the specific code where the
 * case has one. Meanwhile /healthz stays fast, memory stays bounded, and the graph is unchanged.
 * Also: production mode (no suggestions, no introspection) and every limit set through its variable.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  HEAVY_ALLOWED,
  hostileCorpus,
  problemsWith,
  rssMb,
  send,
  type HostileCase,
} from '../support/hostile.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const neo4jUri = inject('neo4jUri');

/** REQUEST_TIMEOUT_MS in these tests, and the wall time allowed past it (network, JSON, a first Cypher compile). */
const DEADLINE_MS = 3_000;
const SLACK_MS = 1_500;
const LIMIT_ENV = { REQUEST_TIMEOUT_MS: String(DEADLINE_MS), LOG_LEVEL: 'info' };

/** RSS bounds for the server process across the corpus and the load. */
const MAX_RSS_MB = 600;
const MAX_RSS_GROWTH_MB = 150;

const STORES = [
  { name: 'embedded', enabled: true, env: {} as Record<string, string> },
  { name: 'Neo4j', enabled: neo4jUri !== null, env: { NEO4J_URI: neo4jUri ?? '' } },
];

/** What the seed graph holds, read through the API: counts and one known path. */
const SEED_PROBE = `{
  entities { id }
  statements { id }
  sources { id }
  relationTypes { name }
  everything: entities { relations { id } }
  shortestPath(fromId: "person:apti-alaudinov", toId: "country:north-korea") { length nodes { id } }
}`;

interface SeedView {
  entities: { id: string }[];
  statements: { id: string }[];
  sources: { id: string }[];
  relationTypes: { name: string }[];
  everything: { relations: { id: string }[] }[];
  shortestPath: { length: number; nodes: { id: string }[] };
}

function seedFigures(view: SeedView) {
  return {
    entities: view.entities.length,
    statements: view.statements.length,
    sources: view.sources.length,
    relationTypes: view.relationTypes.length,
    relations: new Set(view.everything.flatMap((e) => e.relations.map((r) => r.id))).size,
    path: view.shortestPath,
  };
}

async function runCases(server: ServerProcess, cases: readonly HostileCase[]): Promise<string[]> {
  const problems: string[] = [];
  for (const c of cases) {
    const answer = await send(server.baseUrl, c);
    problems.push(...problemsWith(c, answer, DEADLINE_MS + SLACK_MS));
  }
  return problems;
}

describe.each(STORES.filter((s) => s.enabled))('hostile queries on the $name store', ({ name, env }) => {
  let server: ServerProcess;
  let seedBefore: ReturnType<typeof seedFigures>;
  let rssAtStart: number | null;

  beforeAll(async () => {
    server = await startServerProcess({ ...LIMIT_ENV, ...env });
    // A fresh Neo4j compiles each Cypher query slowly the first time, and on a busy machine that
    // can take longer than this test's short deadline: a few bounded tries, then it must answer.
    for (let attempt = 0; attempt < 4; attempt++) {
      const warm = await server.graphql(SEED_PROBE);
      if (!warm.errors?.some((e) => e.extensions?.['code'] === 'DEADLINE_EXCEEDED')) break;
    }
    const { data, errors } = await server.graphql<SeedView>(SEED_PROBE);
    expect(errors).toBeUndefined();
    seedBefore = seedFigures(data!);
    expect(seedBefore.entities).toBeGreaterThan(30);
    // Warm up (a first Cypher compile, JIT) before the baseline is taken.
    for (const heavy of HEAVY_ALLOWED) await server.graphql(heavy.query, heavy.variables);
    rssAtStart = await rssMb(server.pid);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('answers every request of the corpus in time, with data or a known code, never an engine message', async () => {
    const cases = hostileCorpus();
    expect(cases.length).toBeGreaterThan(300);
    const problems = await runCases(server, cases);
    expect(problems).toEqual([]);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers /healthz in under 100 ms on the embedded store (9 polls in 10) while the heaviest allowed queries run one after another', async () => {
    for (const query of HEAVY_ALLOWED) {
      let running = true;
      const load = (async () => {
        // Bounded: until the polls are done, 500 queries at most.
        for (let i = 0; running && i < 500; i++) await send(server.baseUrl, { name: 'heavy', body: query });
      })();
      const health: number[] = [];
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
      running = false;
      await load;
      const sorted = [...health].sort((a, b) => a - b);
      const shown = `healthz latencies (ms) beside ${query.query.slice(0, 50)}: ${health.map(Math.round).join(', ')}`;
      // The embedded store's walks yield every 10 ms; over Neo4j the driver's decoding shares the
      // event loop too, and a busy machine adds its own delays, so that bound is looser.
      expect(sorted[Math.floor(sorted.length * 0.9) - 1]!, shown).toBeLessThan(name === 'embedded' ? 100 : 250);
    }
  });

  it('keeps /healthz answering (median under 500 ms, none over 2 s) while 20 of the heaviest allowed queries run at once', async () => {
    const heavy = Array.from({ length: 20 }, (_, i) => HEAVY_ALLOWED[i % HEAVY_ALLOWED.length]!);
    const health: number[] = [];
    let running = true;
    const poll = (async () => {
      // Bounded: stops when the queries are done, and after 200 polls at most.
      for (let i = 0; running && i < 200; i++) {
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}/healthz`);
        await response.text();
        health.push(performance.now() - started);
        expect(response.status).toBe(200);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answers = await Promise.all(
      heavy.map((q) => send(server.baseUrl, { name: q.query.slice(0, 60), body: q })),
    );
    running = false;
    await poll;
    const problems = answers.flatMap((answer, i) =>
      problemsWith({ name: `heavy #${i}: ${heavy[i]!.query.slice(0, 60)}`, body: heavy[i]! }, answer, DEADLINE_MS + SLACK_MS),
    );
    expect(problems).toEqual([]);
    // Allowed queries answer (the deadline is the only acceptable refusal under load).
    const codes = answers.flatMap((a) => (a.json?.errors ?? []).map((e) => e.extensions?.['code']));
    expect(codes.filter((c) => c !== 'DEADLINE_EXCEEDED')).toEqual([]);
    expect(answers.filter((a) => !a.json?.errors).length).toBeGreaterThan(10);
    expect(health.length).toBeGreaterThan(0);
    // Twenty at once share two cores with the rest of the suite (another test file, Neo4j's JVM):
    // a poll that lands behind several requests' parsing, validation and serialisation has taken
    // up to ~650 ms. The bounds still catch the event loop held for seconds (1,598 ms before the
    // DataLoader scheduling fix); the 100 ms aim is checked above, one heavy query at a time.
    const sorted = [...health].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const shown = `healthz latencies (ms): ${health.map(Math.round).join(', ')}`;
    console.log(`[hostile] ${shown}`);
    expect(median, shown).toBeLessThan(500);
    expect(sorted.at(-1)!, shown).toBeLessThan(2_000);
  });

  it('keeps the server process under 600 MB RSS, growing by less than 150 MB over the corpus and the load', async () => {
    const rss = await rssMb(server.pid);
    if (rss === null || rssAtStart === null) return; // no /proc here
    expect(rss).toBeLessThan(MAX_RSS_MB);
    expect(rss - rssAtStart).toBeLessThan(MAX_RSS_GROWTH_MB);
  });

  it('still answers the seed graph right afterwards: the injection strings changed nothing', async () => {
    const { data, errors } = await server.graphql<SeedView>(SEED_PROBE);
    expect(errors).toBeUndefined();
    expect(seedFigures(data!)).toEqual(seedBefore);
    expect(seedBefore.path.length).toBe(3);
    const alaudinov = await server.graphql<{ entity: { name: string } }>('{ entity(id: "person:apti-alaudinov") { name } }');
    expect(alaudinov).toEqual({ data: { entity: { name: 'Apti Alaudinov' } } });
    expect(server.output()).not.toMatch(/unexpected error/);
  });
});

describe('the server with NODE_ENV=production', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ ...LIMIT_ENV, NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('suggests no names of the schema in any error', async () => {
    const misspelt = [
      '{ entty(id: "person:apti-alaudinov") { id } }',
      '{ entity(idd: "person:apti-alaudinov") { id } }',
      '{ entity(id: "person:apti-alaudinov") { nme } }',
      '{ entities(kinds: [PERSN]) { id } }',
      '{ entity(id: "person:apti-alaudinov") { ... on Persn { id } } }',
      'query($k: [EntityKnd!]) { entities(kinds: $k) { id } }',
      '{ entity(id: "person:apti-alaudinov") { relations(direction: OUTT) { id } } }',
      '{ neighborhood(id: "person:apti-alaudinov") { node { id } } }',
      '{ shortestPath(fromId: "person:apti-alaudinov", toId: "country:russia", maxHop: 3) { length } }',
    ];
    const problems: string[] = [];
    for (const query of misspelt) {
      const answer = await send(server.baseUrl, { name: query, body: { query } });
      problems.push(...problemsWith({ name: query, body: { query }, code: 'GRAPHQL_VALIDATION_FAILED' }, answer, DEADLINE_MS + SLACK_MS));
      for (const error of answer.json?.errors ?? []) {
        if (/did you mean/i.test(error.message)) problems.push(`${query}: ${error.message}`);
      }
    }
    const variable = await send(server.baseUrl, {
      name: 'enum variable',
      body: { query: 'query($k: [EntityKind!]) { entities(kinds: $k) { id } }', variables: { k: ['PERSN'] } },
    });
    expect(variable.json?.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(variable.json?.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(problems).toEqual([]);
  });

  it('refuses introspection, in every form, and keeps __typename', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Query") { fields { name } } }',
      '{ a: __schema { queryType { name } } }',
      'query { ...I } fragment I on Query { __schema { types { name } } }',
    ]) {
      const answer = await send(server.baseUrl, { name: query, body: { query } });
      expect(problemsWith({ name: query, body: { query }, code: 'GRAPHQL_VALIDATION_FAILED' }, answer, DEADLINE_MS + SLACK_MS)).toEqual([]);
      expect(answer.text).not.toContain('"Entity"');
    }
    const get = await send(server.baseUrl, {
      name: 'GET introspection',
      get: { query: '{ __schema { types { name } } }' },
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.json?.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await server.graphql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('each limit is set by its variable', () => {
  let defaults: ServerProcess;
  let small: ServerProcess;
  let lists: ServerProcess;
  let lifted: ServerProcess;
  beforeAll(async () => {
    [defaults, small, lists, lifted] = await Promise.all([
      startServerProcess(LIMIT_ENV),
      startServerProcess({
        ...LIMIT_ENV,
        MAX_QUERY_DEPTH: '3',
        MAX_QUERY_ALIASES: '2',
        MAX_QUERY_DIRECTIVES: '2',
        MAX_QUERY_TOKENS: '40',
        MAX_QUERY_COST: '30',
        MAX_RESPONSE_BYTES: '2000',
      }),
      startServerProcess({ ...LIMIT_ENV, MAX_LIST_LENGTH: '3' }),
      // The token limit at its maximum: depth and aliases must still hold on their own.
      startServerProcess({ ...LIMIT_ENV, MAX_QUERY_TOKENS: '1000000' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([defaults?.stop(), small?.stop(), lists?.stop(), lifted?.stop()]);
  });

  const cases: { query: string; code: string; setting: string }[] = [
    { query: '{ entity(id: "person:apti-alaudinov") { relations { node { id } } } }', code: 'DEPTH_LIMIT_EXCEEDED', setting: 'MAX_QUERY_DEPTH' },
    { query: '{ a: sources { id } b: sources { id } c: sources { id } }', code: 'ALIAS_LIMIT_EXCEEDED', setting: 'MAX_QUERY_ALIASES' },
    { query: '{ sources { id @include(if: true) title @include(if: true) url @include(if: true) } }', code: 'DIRECTIVE_LIMIT_EXCEEDED', setting: 'MAX_QUERY_DIRECTIVES' },
    { query: `{ sources { ${'id '.repeat(45)}} }`, code: 'TOKEN_LIMIT_EXCEEDED', setting: 'MAX_QUERY_TOKENS' },
    { query: '{ entities { relations { id } } }', code: 'COST_LIMIT_EXCEEDED', setting: 'MAX_QUERY_COST' },
    { query: '{ statements { text } }', code: 'RESULT_TOO_LARGE', setting: 'MAX_RESPONSE_BYTES' },
  ];

  it.each(cases)('$setting: the small setting refuses with $code what the default accepts', async ({ query, code, setting }) => {
    const accepted = await defaults.graphql(query);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toBeTruthy();
    const answer = await send(small.baseUrl, { name: query, body: { query } });
    expect(problemsWith({ name: query, body: { query }, code }, answer, DEADLINE_MS + SLACK_MS)).toEqual([]);
    expect(answer.json?.errors?.[0]?.extensions).toMatchObject({ code, setting });
    expect(answer.json?.errors?.[0]?.message).toContain(setting);
  });

  it('MAX_LIST_LENGTH=3: a longer list is RESULT_TOO_LARGE on its field, naming the variable; a short one answers', async () => {
    const long = await lists.graphql('{ entities { id } }');
    expect(long.data).toBeNull();
    expect(long.errors?.[0]).toMatchObject({
      path: ['entities'],
      extensions: { code: 'RESULT_TOO_LARGE', limit: 3, setting: 'MAX_LIST_LENGTH' },
    });
    expect(long.errors?.[0]?.message).toContain('MAX_LIST_LENGTH');
    const nested = await lists.graphql('{ entity(id: "country:russia") { name relations { id } } }');
    expect(nested.errors?.[0]).toMatchObject({ path: ['entity', 'relations'], extensions: { code: 'RESULT_TOO_LARGE' } });
    const short = await lists.graphql('{ search(text: "kursk", first: 2) { id } }');
    expect(short.errors).toBeUndefined();
    expect((short.data as { search: unknown[] }).search).toHaveLength(2);
  });

  it('MAX_RESPONSE_BYTES=2000: a big answer is one RESULT_TOO_LARGE error, a small one answers', async () => {
    const big = await send(small.baseUrl, { name: 'big', body: { query: '{ statements { text } }' } });
    expect(big.status).toBeLessThan(500);
    expect(big.text.length).toBeLessThan(2000);
    expect(big.json).toMatchObject({ data: null, errors: [{ extensions: { code: 'RESULT_TOO_LARGE', limit: 2000, setting: 'MAX_RESPONSE_BYTES' } }] });
    expect(await small.graphql('{ entity(id: "country:russia") { name } }')).toEqual({ data: { entity: { name: 'Russia' } } });
  });

  it('with MAX_QUERY_TOKENS at its maximum, deep and alias-heavy queries still get their own limit, never a stack overflow', async () => {
    const { relationsChain, neighborhoodAliases } = await import('../support/hostile.js');
    const check: HostileCase[] = [
      { name: 'relations/node 20 levels', body: { query: relationsChain(20, true) }, code: 'DEPTH_LIMIT_EXCEEDED' },
      { name: 'relations/node 1000 levels', body: { query: relationsChain(1000, true) }, code: 'DEPTH_LIMIT_EXCEEDED' },
      { name: 'relations/node 3000 levels', body: { query: relationsChain(3000, true) }, code: 'DEPTH_LIMIT_EXCEEDED' },
      { name: '1000 aliases of neighborhood(depth: 3)', body: neighborhoodAliases(1000), code: 'ALIAS_LIMIT_EXCEEDED' },
      { name: '2400 aliases of neighborhood(depth: 3) in ~95 kB', body: neighborhoodAliases(2400), code: 'ALIAS_LIMIT_EXCEEDED' },
    ];
    expect(await runCases(lifted, check)).toEqual([]);
    expect(JSON.stringify(neighborhoodAliases(2400)).length).toBeGreaterThan(90_000);
    expect(JSON.stringify(neighborhoodAliases(2400)).length).toBeLessThan(100 * 1024);
  });
});
