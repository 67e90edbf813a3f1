/**
 * Hostile requests and what every answer to one must look like: a status below 500, within the
 * deadline, data or errors with a known code, and nothing of the engine (stack traces, heap or
 * stack overflows, the database or its driver) in what the client reads.
 */
import { readFile } from 'node:fs/promises';

/** The codes a client may see (src/domain/errors.ts, and Apollo's own request codes). */
export const KNOWN_CODES: ReadonlySet<string> = new Set([
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'RESULT_TOO_LARGE',
  'DEADLINE_EXCEEDED',
  'STORE_UNAVAILABLE',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  // Apollo's automatic persisted queries and operation selection; the formatter passes them on.
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The variable named in each limit's error. */
export const LIMIT_SETTINGS: Readonly<Record<string, string>> = {
  DEPTH_LIMIT_EXCEEDED: 'MAX_QUERY_DEPTH',
  ALIAS_LIMIT_EXCEEDED: 'MAX_QUERY_ALIASES',
  DIRECTIVE_LIMIT_EXCEEDED: 'MAX_QUERY_DIRECTIVES',
  TOKEN_LIMIT_EXCEEDED: 'MAX_QUERY_TOKENS',
  COST_LIMIT_EXCEEDED: 'MAX_QUERY_COST',
};

/** What must never reach a client: engine messages, internals, stack frames. */
export const LEAKS =
  /Maximum call stack|\bheap\b|out of memory|neo4j|cypher|\bdriver\b|\n\s+at |\bat [^\s]+ \(|node_modules|\.ts:\d+/i;

export interface HostileCase {
  readonly name: string;
  /** A GraphQL request (sent as JSON with POST). */
  readonly body?: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
  /** A raw body, sent as it is with POST. */
  readonly raw?: string;
  /** The content type of a raw body (application/json when absent). */
  readonly contentType?: string;
  /** A GET request with these search parameters. */
  readonly get?: Record<string, string>;
  /** Headers to add (GET needs apollo-require-preflight to pass Apollo's CSRF check). */
  readonly headers?: Record<string, string>;
  /** The code expected of the first error (any of them when a list). */
  readonly code?: string | readonly string[];
  /** When true, data and no errors are expected. */
  readonly data?: true;
}

export interface Answer {
  readonly status: number;
  readonly ms: number;
  readonly text: string;
  readonly json: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

export async function send(baseUrl: string, c: HostileCase): Promise<Answer> {
  const started = performance.now();
  let response: Response;
  if (c.get) {
    response = await fetch(`${baseUrl}/graphql?${new URLSearchParams(c.get)}`, { headers: c.headers });
  } else {
    response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': c.contentType ?? 'application/json', ...c.headers },
      body: c.raw ?? JSON.stringify(c.body),
    });
  }
  const text = await response.text();
  const ms = performance.now() - started;
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = null;
  }
  return { status: response.status, ms, text, json };
}

/**
 * Everything wrong with an answer, as sentences (empty when it is right). Checked: status below
 * 500, wall time within the deadline plus slack, JSON with data or errors, every error with a
 * known code other than INTERNAL_SERVER_ERROR and no leak, the case's code with the limit's
 * details, or data when the case expects data.
 */
export function problemsWith(c: HostileCase, answer: Answer, maxMs: number): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${c.name}: ${what}`);
  if (answer.status >= 500) say(`HTTP ${answer.status}`);
  if (answer.ms > maxMs) say(`took ${Math.round(answer.ms)} ms (limit ${maxMs})`);
  const body = answer.json;
  if (!body || typeof body !== 'object') {
    say(`not a JSON object: ${answer.text.slice(0, 200)}`);
    return problems;
  }
  const errors = body.errors ?? [];
  if (errors.length === 0 && (body.data === null || typeof body.data !== 'object')) say('neither data nor errors');
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code !== 'string' || !KNOWN_CODES.has(code)) say(`error code ${String(code)}: ${error.message.slice(0, 200)}`);
    if (LEAKS.test(error.message)) say(`message leaks internals: ${error.message.slice(0, 300)}`);
    if (JSON.stringify(error.extensions ?? {}).match(/stacktrace|exception/)) say('extensions carry a stack trace');
  }
  if (c.data && errors.length > 0) say(`expected data, got ${errors[0]!.extensions?.['code']}: ${errors[0]!.message.slice(0, 200)}`);
  if (c.code) {
    const wanted = typeof c.code === 'string' ? [c.code] : c.code;
    const first = errors[0];
    const code = first?.extensions?.['code'];
    if (!first || !wanted.includes(String(code))) {
      say(`expected ${wanted.join(' or ')}, got ${first ? `${code}: ${first.message.slice(0, 200)}` : 'no error'}`);
    } else if (typeof code === 'string' && code in LIMIT_SETTINGS) {
      const { limit, value, setting } = first.extensions ?? {};
      if (setting !== LIMIT_SETTINGS[code]) say(`setting ${String(setting)}, expected ${LIMIT_SETTINGS[code]}`);
      if (typeof limit !== 'number') say(`extensions.limit ${String(limit)}`);
      if (!(value === null || (typeof value === 'number' && typeof limit === 'number' && value > limit))) {
        say(`extensions.value ${String(value)} is neither null nor over the limit ${String(limit)}`);
      }
    }
  }
  return problems;
}

/** The resident set size of a process, in MB, from /proc (null where there is no /proc). */
export async function rssMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus.

const A = 'person:apti-alaudinov';

/** entity → relations → node → relations ... `levels` times (each level is 2 fields deep). */
export function relationsChain(levels: number, compact = false): string {
  let selection = compact ? '{id}' : '{ id }';
  for (let i = 0; i < levels; i++) {
    selection = compact ? `{relations{node${selection}}}` : `{ relations { node ${selection} } }`;
  }
  return compact ? `{entity(id:"${A}")${selection}}` : `{ entity(id: "${A}") ${selection} }`;
}

/** unit → commander → commands → (a unit's) commander ... `levels` times. */
export function commanderChain(levels: number): string {
  let selection = '{ id }';
  for (let i = 0; i < levels; i++) selection = `{ ... on Unit { commander { commands ${selection} } } }`;
  return `{ entity(id: "unit:chechen-unit") ${selection} }`;
}

/** `count` aliases of neighborhood(depth: 3), compact enough that 2,400 fit in ~95 kB. */
export function neighborhoodAliases(count: number, selection = '{...S}'): { query: string; variables: Record<string, unknown> } {
  const fields = Array.from({ length: count }, (_, i) => `a${i.toString(36)}:neighborhood(id:$i,depth:3)${selection}`).join(' ');
  const fragment = selection.includes('...S') ? ' fragment S on Subgraph{nodes{id}edges{id}}' : '';
  return { query: `query($i:ID!){${fields}}${fragment}`, variables: { i: A } };
}

/** A fragment chain that doubles at each step: F0 uses F1 twice, F1 uses F2 twice, ... */
export function doublingFragments(steps: number, leaf = 'sources { id }'): string {
  const fragments = Array.from({ length: steps }, (_, i) =>
    i === steps - 1 ? `fragment F${i} on Query { ${leaf} }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

/** Strings meant to escape a Cypher, SQL or GraphQL string, or to be read as a parameter. */
export const INJECTIONS: readonly string[] = [
  '"}) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 --",
  "') MATCH (n) DETACH DELETE n //",
  '$param',
  '$id',
  '`n`) DETACH DELETE n //',
  'person:apti-alaudinov"}) MATCH (n) DETACH DELETE n //',
  "person:apti-alaudinov' OR '1'='1",
  'COMMANDS]-() DETACH DELETE n //',
  'COMMANDS|MEMBER_OF*1..100',
  '*',
  '.*',
  '\\',
  'x"}) CALL db.clearQueryCaches() //',
  '{ __schema { types { name } } }',
];

/** Every argument that takes a string, each as an operation with one variable $s. */
export const STRING_ARGUMENTS: readonly string[] = [
  'query($s: ID!) { entity(id: $s) { id } }',
  'query($s: ID!) { source(id: $s) { id } }',
  'query($s: String!) { search(text: $s) { id } }',
  'query($s: ID!) { neighborhood(id: $s) { nodes { id } } }',
  `query($s: String!) { neighborhood(id: "${A}", types: [$s]) { nodes { id } } }`,
  'query($s: ID!) { shortestPath(fromId: $s, toId: "country:russia") { length } }',
  `query($s: ID!) { shortestPath(fromId: "${A}", toId: $s) { length } }`,
  `query($s: String!) { shortestPath(fromId: "${A}", toId: "country:russia", types: [$s]) { length } }`,
  'query($s: ID!) { statements(speakerId: $s) { id } }',
  'query($s: ID!) { statements(aboutId: $s) { id } }',
  `query($s: String!) { entity(id: "${A}") { relations(types: [$s]) { id } } }`,
];

/** Odd text: NUL, controls, direction marks, emoji, combining marks, other scripts. */
export const ODD_STRINGS: readonly string[] = [
  'kur\u0000sk',
  '\u0000',
  '\u202ekursk\u202c',
  '\u200f\u200e\u200b\u2060\ufeff',
  '🇺🇦 🇷🇺 👨‍👩‍👧‍👦',
  'ку́рск',
  'Z̴̡̛̛͓̰a̸̧l̶̡g̷o̵',
  '𝕂𝕦𝕣𝕤𝕜',
  '\t\r\n\u000b\u000c',
  'كورسك',
  '\ufffd\ufffe\uffff',
];

/** GraphQL's string literal for a text (JSON's escapes are GraphQL's). */
const literal = (text: string) => JSON.stringify(text);

export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);
  const preflight = { 'apollo-require-preflight': 'true' };

  // Deep nesting.
  add({ name: 'relations/node 2 levels (depth 6, allowed)', body: { query: `{ entity(id: "${A}") { relations { node { relations { node { id } } } } } }` }, data: true });
  add({ name: 'relations/node 10 levels', body: { query: relationsChain(10) }, code: 'DEPTH_LIMIT_EXCEEDED' });
  add({ name: 'relations/node 20 levels (the 312-byte query of the issue)', body: { query: relationsChain(20, true) }, code: 'DEPTH_LIMIT_EXCEEDED' });
  add({ name: 'relations/node 1000 levels', body: { query: relationsChain(1000, true) }, code: ['TOKEN_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED'] });
  add({ name: 'relations/node 3000 levels', body: { query: relationsChain(3000, true) }, code: ['TOKEN_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED'] });
  add({ name: 'commander/commands 2 levels (allowed)', body: { query: commanderChain(2) }, data: true });
  add({ name: 'commander/commands 10 levels', body: { query: commanderChain(10) }, code: 'DEPTH_LIMIT_EXCEEDED' });
  add({ name: 'commander/commands 20 levels', body: { query: commanderChain(20) }, code: 'DEPTH_LIMIT_EXCEEDED' });
  add({
    name: 'depth through a chain of fragments',
    body: {
      query:
        `{ entity(id: "${A}") { ...F0 } } ` +
        Array.from({ length: 12 }, (_, i) => `fragment F${i} on Entity { relations { node { ${i === 11 ? 'id' : `...F${i + 1}`} } } }`).join(' '),
    },
    code: 'DEPTH_LIMIT_EXCEEDED',
  });
  add({ name: 'a fragment chain doubling 20 times (2^19 spreads of sources)', body: { query: doublingFragments(20) }, code: 'COST_LIMIT_EXCEEDED' });
  add({ name: 'a fragment chain doubling 40 times', body: { query: doublingFragments(40) }, code: ['COST_LIMIT_EXCEEDED', 'TOKEN_LIMIT_EXCEEDED'] });
  add({ name: 'a fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  add({ name: 'a fragment spreading itself', body: { query: 'query { ...A } fragment A on Query { sources { id } ...A }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  let deepList = '"COMMANDS"';
  for (let i = 0; i < 3000; i++) deepList = `[${deepList}]`;
  add({ name: 'a list literal nested 3000 deep', body: { query: `{ neighborhood(id: "${A}", types: ${deepList}) { nodes { id } } }` }, code: ['TOKEN_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED'] });
  let deepJson = '"COMMANDS"';
  for (let i = 0; i < 40_000; i++) deepJson = `[${deepJson}]`;
  add({ name: 'a variable nested 40000 deep', raw: `{"query":"query($t:[String!]){neighborhood(id:\\"${A}\\",types:$t){nodes{id}}}","variables":{"t":${deepJson}}}`, code: 'BAD_USER_INPUT' });
  add({ name: 'an unused variable nested 40000 deep', raw: `{"query":"{sources{id}}","variables":{"t":${deepJson}}}`, data: true });
  add({ name: 'extensions nested 40000 deep', raw: `{"query":"{sources{id}}","extensions":{"t":${deepJson}}}`, data: true });

  // Alias bombs.
  add({ name: '15 aliases of neighborhood(depth: 3) (allowed)', body: neighborhoodAliases(15), data: true });
  add({ name: '16 aliases of neighborhood(depth: 3)', body: neighborhoodAliases(16), code: 'ALIAS_LIMIT_EXCEEDED' });
  // GraphQL Armor lets __typename be aliased freely (it costs nothing); the token limit bounds it.
  add({ name: '330 aliases of __typename (allowed)', body: { query: `{ ${Array.from({ length: 330 }, (_, i) => `a${i}: __typename`).join(' ')} }` }, data: true });
  add({ name: '300 aliases of a scalar field', body: { query: `{ sources { ${Array.from({ length: 300 }, (_, i) => `a${i}: id`).join(' ')} } }` }, code: 'ALIAS_LIMIT_EXCEEDED' });
  add({ name: '1000 aliases of neighborhood(depth: 3)', body: neighborhoodAliases(1000), code: ['TOKEN_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED'] });
  add({ name: '2400 aliases of neighborhood(depth: 3) in ~95 kB', body: neighborhoodAliases(2400), code: ['TOKEN_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED'] });

  // Fan-out within the depth limit.
  add({ name: 'entities → relations → node → relations → node (depth 6, allowed)', body: { query: '{ entities { relations { node { relations { node { id } } } } } }' }, data: true });
  add({ name: 'entities → relations → node → relations → node → relations (depth 7)', body: { query: '{ entities { relations { node { relations { node { relations { id } } } } } } }' }, code: 'DEPTH_LIMIT_EXCEEDED' });
  add({
    name: '3 aliases of entities → relations → node → relations → node',
    body: { query: `{ ${Array.from({ length: 3 }, (_, i) => `e${i}: entities { relations { node { relations { node { id } } } } }`).join(' ')} }` },
    code: 'COST_LIMIT_EXCEEDED',
  });
  add({
    name: '15 aliases of entities → relations → node → relations',
    body: { query: `{ ${Array.from({ length: 15 }, (_, i) => `e${i}: entities { relations { node { relations { id } } } }`).join(' ')} }` },
    code: 'COST_LIMIT_EXCEEDED',
  });
  add({
    name: 'neighborhood(depth: 3) → nodes → relations → node → relations (allowed)',
    body: { query: `{ neighborhood(id: "${A}", depth: 3) { nodes { relations { node { relations { id } } } } } }` },
    data: true,
  });
  add({ name: 'search(first: 100) → relations → node → mentionedIn', body: { query: '{ search(text: "a", first: 100) { relations { node { mentionedIn { id } } } } }' }, code: 'COST_LIMIT_EXCEEDED' });
  add({ name: 'two fan-outs within the cost limit', body: { query: '{ a: entities { relations { node { relations { node { id } } } } } b: statements { about { relations { id } } } }' }, data: true });
  add({ name: 'maxHops 2^31-1', body: { query: `{ shortestPath(fromId: "${A}", toId: "country:north-korea", maxHops: 2147483647) { length } }` }, code: 'COST_LIMIT_EXCEEDED' });
  add({ name: 'first 2^31-1', body: { query: '{ search(text: "a", first: 2147483647) { id } }' }, code: 'COST_LIMIT_EXCEEDED' });
  add({ name: 'first 2^31 as a variable', body: { query: 'query($f: Int) { search(text: "a", first: $f) { id } }', variables: { f: 2 ** 31 } }, code: 'BAD_USER_INPUT' });
  add({ name: 'depth -2^31', body: { query: `{ neighborhood(id: "${A}", depth: -2147483648) { nodes { id } } }` }, code: 'BAD_USER_INPUT' });
  add({ name: 'first 1e300 as a variable', body: { query: 'query($f: Int) { search(text: "a", first: $f) { id } }', variables: { f: 1e300 } }, code: 'BAD_USER_INPUT' });
  add({ name: 'shortestPath maxHops 10 (allowed)', body: { query: `{ shortestPath(fromId: "${A}", toId: "person:antony-blinken", maxHops: 10) { length nodes { id } edges { id } } }` }, data: true });

  // Directive floods.
  add({ name: '@include(if: true) x120 on one field', body: { query: `{ sources ${'@include(if: true) '.repeat(120)}{ id } }` }, code: 'DIRECTIVE_LIMIT_EXCEEDED' });
  add({ name: '@skip(if: false) on 60 fields', body: { query: `{ sources { ${'id @skip(if: false) '.repeat(60)}} }` }, code: 'DIRECTIVE_LIMIT_EXCEEDED' });
  add({ name: '@include(if: $t) on 60 fields', body: { query: `query($t: Boolean!) { sources { ${'id @include(if: $t) '.repeat(60)}} }`, variables: { t: true } }, code: 'DIRECTIVE_LIMIT_EXCEEDED' });
  add({ name: '@nope x100 (unknown directive)', body: { query: `{ sources { ${'id @nope '.repeat(100)}} }` }, code: ['DIRECTIVE_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'] });
  add({ name: '50 directives (allowed)', body: { query: `{ sources { ${'id @include(if: true) '.repeat(50)}} }` }, data: true });

  // Token floods.
  add({ name: '2000 fields', body: { query: `{ sources { ${'id '.repeat(2000)}} }` }, code: 'TOKEN_LIMIT_EXCEEDED' });
  add({ name: 'an argument list of 1500 items', body: { query: `{ neighborhood(id: "${A}", types: [${'"COMMANDS" '.repeat(1500)}]) { nodes { id } } }` }, code: 'TOKEN_LIMIT_EXCEEDED' });
  add({ name: '600 variable definitions', body: { query: `query(${Array.from({ length: 600 }, (_, i) => `$v${i}: Int`).join(' ')}) { sources { id } }` }, code: 'TOKEN_LIMIT_EXCEEDED' });
  add({ name: 'a variable list of 9000 types', body: { query: `query($t: [String!]) { neighborhood(id: "${A}", types: $t) { nodes { id } } }`, variables: { t: Array(9000).fill('COMMANDS') } }, data: true });
  add({ name: 'a variable list of 8000 unknown types', body: { query: `query($t: [String!]) { neighborhood(id: "${A}", types: $t) { nodes { id } } }`, variables: { t: Array.from({ length: 8000 }, (_, i) => `T${i}`) } }, code: 'BAD_USER_INPUT' });
  add({ name: 'a variable list of 9000 kinds', body: { query: 'query($k: [EntityKind!]) { search(text: "kursk", kinds: $k) { id } }', variables: { k: Array(9000).fill('REGION') } }, data: true });
  add({ name: '98 kB of comment', body: { query: `{ sources { id } } # ${'x'.repeat(98_000)}` }, data: true });
  add({ name: '98 kB of whitespace and commas', body: { query: `{ sources { ${' ,\n\t'.repeat(16_000)} id } }` }, data: true });

  // Huge and odd strings, just under the 100 kB body limit.
  add({ name: 'a 98 kB search text literal', body: { query: `{ search(text: "${'kursk '.repeat(16_000)}") { id } }` }, code: 'BAD_USER_INPUT' });
  add({ name: 'a 98 kB search text variable', body: { query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: 'é'.repeat(48_000) } }, code: 'BAD_USER_INPUT' });
  add({ name: 'a 98 kB id', body: { query: 'query($t: ID!) { entity(id: $t) { id } }', variables: { t: `person:${'a'.repeat(98_000)}` } }, code: 'BAD_USER_INPUT' });
  add({ name: 'a 98 kB relation type', body: { query: `query($t: String!) { neighborhood(id: "${A}", types: [$t]) { nodes { id } } }`, variables: { t: 'A'.repeat(98_000) } }, code: 'BAD_USER_INPUT' });
  add({ name: 'a 98 kB operation name', body: { query: `query ${'Q'.repeat(98_000)} { sources { id } }` }, data: true });
  add({ name: 'a 98 kB alias', body: { query: `{ ${'a'.repeat(98_000)}: sources { id } }` }, data: true });
  add({ name: 'a body just over the limit', body: { query: `{ sources { id } } # ${'x'.repeat(103_000)}` }, code: 'BAD_REQUEST' });
  for (const text of ODD_STRINGS) {
    add({ name: `search for ${JSON.stringify(text)}`, body: { query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: text } } });
    add({ name: `entity with id ${JSON.stringify(`person:${text}`)}`, body: { query: 'query($t: ID!) { entity(id: $t) { id } }', variables: { t: `person:${text}` } } });
    add({ name: `search literal ${JSON.stringify(text)}`, body: { query: `{ search(text: ${literal(text)}) { id } }` } });
  }
  for (const escape of ['\\ud800', '\\udfff', '\\ud800\\ud800', 'kursk\\udc00']) {
    add({ name: `lone surrogate ${escape} in a variable`, raw: `{"query":"query($t:String!){search(text:$t){id}}","variables":{"t":"${escape}"}}` });
    add({ name: `lone surrogate ${escape} in an id`, raw: `{"query":"query($t:ID!){neighborhood(id:$t){nodes{id}}}","variables":{"t":"person:${escape}"}}`, code: 'BAD_USER_INPUT' });
    add({ name: `lone surrogate ${escape} in the query text`, raw: `{"query":"{search(text:\\"${escape}\\"){id}}"}`, code: ['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT'] });
  }
  add({ name: 'a NUL in the query text', body: { query: '{ sources\u0000 { id } }' }, code: 'GRAPHQL_PARSE_FAILED' });
  add({ name: 'a BOM and RTL mark in the query text', body: { query: '\ufeff{ sources { id } }\u200f' }, code: ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'] });
  add({ name: 'an emoji field name', body: { query: '{ 🇺🇦 }' }, code: 'GRAPHQL_PARSE_FAILED' });

  // Injection strings in every argument, as variables and as literals.
  for (const injection of INJECTIONS) {
    for (const value of [injection, `person:${injection}`]) {
      for (const query of STRING_ARGUMENTS) {
        add({ name: `${query} with $s = ${JSON.stringify(value)}`, body: { query, variables: { s: value } } });
      }
    }
    add({ name: `entity(id: literal ${JSON.stringify(injection)})`, body: { query: `{ entity(id: ${literal(`person:${injection}`)}) { id } }` }, code: 'BAD_USER_INPUT' });
    add({ name: `search(text: literal ${JSON.stringify(injection)})`, body: { query: `{ search(text: ${literal(injection)}) { id } }` } });
    add({ name: `relations(types: literal ${JSON.stringify(injection)})`, body: { query: `{ entity(id: "${A}") { relations(types: [${literal(injection)}]) { id } } }` }, code: 'BAD_USER_INPUT' });
  }
  // Once killed the process: a NOT_FOUND lookup left unawaited when the second id was malformed.
  add({ name: 'shortestPath from an unknown id to a malformed one', body: { query: '{ shortestPath(fromId: "person:nobody", toId: "bad id") { length } }' }, code: 'BAD_USER_INPUT' });
  add({ name: 'statements by an unknown speaker about a malformed id', body: { query: '{ statements(speakerId: "org:nobody", aboutId: "bad id") { id } }' }, code: 'BAD_USER_INPUT' });
  add({ name: 'an enum value that is not one', body: { query: '{ entities(kinds: [PERSON, DETACH]) { id } }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  add({ name: 'a variable of the wrong enum', body: { query: 'query($k: [EntityKind!]) { entities(kinds: $k) { id } }', variables: { k: ['") DETACH DELETE n //'] } }, code: 'BAD_USER_INPUT' });

  // GET.
  add({ name: 'GET a query', get: { query: '{ sources { id } }' }, headers: preflight, data: true });
  add({ name: 'GET with variables', get: { query: 'query($s: ID!) { entity(id: $s) { id } }', variables: JSON.stringify({ s: A }) }, headers: preflight, data: true });
  add({ name: 'GET without a preflight header (CSRF check)', get: { query: '{ sources { id } }' }, code: 'BAD_REQUEST' });
  add({ name: 'GET a mutation', get: { query: 'mutation { x }' }, headers: preflight, code: ['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED'] });
  add({ name: 'GET variables that are not JSON', get: { query: '{ sources { id } }', variables: '{nope' }, headers: preflight, code: 'BAD_REQUEST' });
  add({ name: 'GET a deep query', get: { query: relationsChain(300, true) }, headers: preflight, code: ['TOKEN_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED'] });
  add({ name: 'GET 16 aliases', get: { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: sources { id }`).join(' ')} }` }, headers: preflight, code: 'ALIAS_LIMIT_EXCEEDED' });
  add({ name: 'GET with no query', get: {}, headers: preflight, code: 'BAD_REQUEST' });

  // Batching and bodies that are not one GraphQL request.
  add({ name: 'a batch of 2', raw: JSON.stringify([{ query: '{ sources { id } }' }, { query: '{ sources { id } }' }]), code: 'BAD_REQUEST' });
  add({ name: 'a batch of 1000 heavy queries', raw: JSON.stringify(Array(1000).fill({ query: '{neighborhood(id:$i,depth:3){nodes{id}}}', variables: { i: A } })), code: 'BAD_REQUEST' });
  add({ name: 'an empty batch', raw: '[]', code: 'BAD_REQUEST' });
  add({ name: 'a JSON null body', raw: 'null', code: 'BAD_REQUEST' });
  add({ name: 'a JSON string body', raw: '"{ sources { id } }"', code: 'BAD_REQUEST' });
  add({ name: 'a JSON number body', raw: '42', code: 'BAD_REQUEST' });
  add({ name: 'an empty object', raw: '{}', code: 'BAD_REQUEST' });
  add({ name: 'an empty body', raw: '', code: 'BAD_REQUEST' });
  add({ name: 'truncated JSON', raw: '{"query":"{ sources { id } }"', code: 'BAD_REQUEST' });
  add({ name: 'a query that is a number', body: { query: 5 }, code: 'BAD_REQUEST' });
  add({ name: 'a query that is an object', body: { query: { kind: 'Document', definitions: [] } }, code: 'BAD_REQUEST' });
  add({ name: 'variables that are an array', body: { query: '{ sources { id } }', variables: [1] }, code: 'BAD_REQUEST' });
  add({ name: 'variables that are a string', body: { query: '{ sources { id } }', variables: '{}' }, code: 'BAD_REQUEST' });
  add({ name: 'an operationName that is a number', body: { query: '{ sources { id } }', operationName: 5 }, code: 'BAD_REQUEST' });
  add({ name: 'an operationName that is not there', body: { query: 'query A { sources { id } }', operationName: 'B' }, code: 'OPERATION_RESOLUTION_FAILURE' });
  add({ name: 'two anonymous operations', body: { query: '{ sources { id } } { sources { id } }' }, code: ['GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE'] });
  add({ name: 'a mutation', body: { query: 'mutation { deleteEverything }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  add({ name: 'a subscription', body: { query: 'subscription { sources { id } }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  add({ name: 'a schema definition', body: { query: 'type Query { x: Int } schema { query: Query }' }, code: 'GRAPHQL_VALIDATION_FAILED' });
  add({ name: 'text/plain', raw: '{ sources { id } }', contentType: 'text/plain', code: 'BAD_REQUEST' });
  add({ name: 'application/graphql', raw: '{ sources { id } }', contentType: 'application/graphql', code: 'BAD_REQUEST' });
  add({ name: 'form-encoded', raw: 'query=%7B%20sources%20%7B%20id%20%7D%20%7D', contentType: 'application/x-www-form-urlencoded', code: 'BAD_REQUEST' });
  add({ name: 'a persisted query whose hash does not match', body: { query: '{ sources { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, code: 'BAD_REQUEST' });
  add({ name: 'a persisted query of another version', body: { query: '{ sources { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }, code: 'BAD_REQUEST' });
  add({ name: 'a persisted query nobody registered', body: { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, code: 'PERSISTED_QUERY_NOT_FOUND' });
  add({ name: 'a persisted query extension that is a string', body: { query: '{ sources { id } }', extensions: { persistedQuery: 'x' } }, code: 'BAD_REQUEST' });
  return cases;
}

/** The heaviest queries the default limits allow, for load. */
export const HEAVY_ALLOWED: readonly { query: string; variables?: Record<string, unknown> }[] = [
  neighborhoodAliases(15, '{nodes{id name kind}edges{id type from to status}}'),
  { query: '{ a: entities { relations { node { relations { node { id name } } } } } b: statements { about { relations { id } } } }' },
  { query: `{ ${['person:antony-blinken', 'country:north-korea', 'settlement:pokrovsk', 'org:us-state-department'].map((to, i) => `p${i}: shortestPath(fromId: "${A}", toId: "${to}", maxHops: 10) { length nodes { id name } edges { id } }`).join(' ')} }` },
  { query: `{ ${['kursk', 'ukr', 'russ', 'a', 'o'].map((t, i) => `s${i}: search(text: "${t}", first: 100) { id name aliases }`).join(' ')} }` },
  { query: relationsChain(2) },
];
