/**
 * Property-based tests over query arguments and variables, in-process: the schema executed with
 * graphql's `execute` over each store, errors through the server's own formatter. For any ids,
 * depths, hop counts, `first`, type and kind lists and search text, every answer is data or an
 * error with a clear code (never INTERNAL_SERVER_ERROR, never a thrown exception), and both
 * stores give the same answer when Neo4j is present.
 */
import fc from 'fast-check';
import { execute, parse, validate, type GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.js';
import { createContext } from '../../src/graphql/context.js';
import { createErrorFormatter } from '../../src/graphql/errors.js';
import { buildGraphSchema } from '../../src/graphql/schema.js';
import { SEED_FILE, readDatasetFile, seedIfEmpty } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { storesUnderTest } from '../support/stores.js';

const RUNS = 40;
const CLEAR_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'RESULT_TOO_LARGE', 'DEADLINE_EXCEEDED']);

const schema = buildGraphSchema({ maxListLength: DEFAULT_LIMITS.maxListLength });
const formatError = createErrorFormatter();
const log = pino({ level: 'silent' });

interface Answer {
  data: unknown;
  errors: GraphQLFormattedError[];
}

/** Runs one operation as the server would (after validation), formatting errors as it does. */
async function run(store: GraphStore, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(`test query invalid: ${invalid[0]!.message}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('test deadline')), 10_000);
  try {
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: createContext({ store, requestId: 'property', log, bounds: { signal: controller.signal } }),
    });
    return {
      data: result.data ?? null,
      errors: (result.errors ?? []).map((e) => formatError(e.toJSON(), e)),
    };
  } finally {
    clearTimeout(timer);
  }
}

function expectClear(answer: Answer, what: string) {
  for (const error of answer.errors) {
    const code = String(error.extensions?.['code']);
    expect(CLEAR_CODES.has(code), `${what}: ${code} ${error.message}`).toBe(true);
    expect(error.message, what).not.toMatch(/neo4j|cypher|driver|Maximum call stack/i);
  }
  if (answer.errors.length === 0) expect(answer.data, what).not.toBeNull();
}

// Arbitraries ---------------------------------------------------------------------------------

const KNOWN_IDS = ['person:apti-alaudinov', 'country:russia', 'region:kursk', 'settlement:kurakhove', 'unit:chechen-unit', 'country:north-korea'];
const PREFIXES = ['person:', 'unit:', 'org:', 'country:', 'region:', 'settlement:', '', 'Person:', 'source:'];
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
const anyId = fc.oneof(
  fc.constantFrom(...KNOWN_IDS),
  fc.tuple(fc.constantFrom(...PREFIXES), anyText).map(([p, t]) => p + t),
  fc.tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^[a-z0-9-]{0,30}$/)).map(([p, t]) => p + t),
);
const anyInt = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const RELATION_TYPES = ['COMMANDS', 'MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'NEAR', 'DEPLOYED_TO', 'FIGHTING_IN'];
const anyTypes = fc.option(fc.array(fc.oneof(fc.constantFrom(...RELATION_TYPES), anyText), { maxLength: 4 }), { nil: null });
const KINDS = ['PERSON', 'UNIT', 'ORGANIZATION', 'COUNTRY', 'REGION', 'SETTLEMENT'];
const anyKinds = fc.option(fc.array(fc.constantFrom(...KINDS), { maxLength: 7 }), { nil: null });
const anySearch = fc.oneof(anyText, fc.constantFrom('kursk', 'КУРАХОВО', 'chechen unit', 'urakh', '   ', '"}) MATCH (n) DETACH DELETE n //'));

const OPERATIONS = {
  entity: { query: 'query($id: ID!) { entity(id: $id) { id name relations { id type node { id } } } }', args: fc.record({ id: anyId }) },
  neighborhood: {
    query: 'query($id: ID!, $depth: Int, $types: [String!]) { neighborhood(id: $id, depth: $depth, types: $types) { nodes { id } edges { id type from to } } }',
    args: fc.record({ id: anyId, depth: anyInt, types: anyTypes }),
  },
  shortestPath: {
    query: 'query($from: ID!, $to: ID!, $hops: Int, $types: [String!], $directed: Boolean) { shortestPath(fromId: $from, toId: $to, maxHops: $hops, types: $types, directed: $directed) { length nodes { id } edges { id } } }',
    args: fc.record({ from: anyId, to: anyId, hops: anyInt, types: anyTypes, directed: fc.boolean() }),
  },
  search: {
    query: 'query($text: String!, $kinds: [EntityKind!], $first: Int) { search(text: $text, kinds: $kinds, first: $first) { id } }',
    args: fc.record({ text: anySearch, kinds: anyKinds, first: anyInt }),
  },
  statements: {
    query: 'query($s: ID, $a: ID) { statements(speakerId: $s, aboutId: $a) { id } }',
    args: fc.record({ s: fc.option(anyId, { nil: null }), a: fc.option(anyId, { nil: null }) }),
  },
  relations: {
    query: 'query($id: ID!, $types: [String!], $direction: Direction) { entity(id: $id) { relations(types: $types, direction: $direction) { id type direction node { id } } } }',
    args: fc.record({ id: fc.constantFrom(...KNOWN_IDS), types: anyTypes, direction: fc.constantFrom('IN', 'OUT', 'BOTH') }),
  },
  entities: { query: 'query($kinds: [EntityKind!]) { entities(kinds: $kinds) { id } }', args: fc.record({ kinds: anyKinds }) },
} as const;

// Tests ---------------------------------------------------------------------------------------

const stores = storesUnderTest().filter((s) => s.enabled);
const opened: { name: string; store: GraphStore }[] = [];

beforeAll(async () => {
  for (const s of stores) {
    const store = await s.open();
    // The embedded store starts empty, and so may the run's Neo4j when this file runs first; the
    // seed is all the run's Neo4j ever holds, so seeding it here changes nothing for other files.
    await seedIfEmpty(store, await readDatasetFile(SEED_FILE));
    opened.push({ name: s.name, store });
  }
});

afterAll(async () => {
  await Promise.all(opened.map(({ store }) => store.close()));
});

describe('arguments of any shape', () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    it(`${name}: data or a clear code on every store, and the same answer on both`, async () => {
      await fc.assert(
        fc.asyncProperty(operation.args as fc.Arbitrary<Record<string, unknown>>, async (variables) => {
          const answers: Answer[] = [];
          for (const { name: store, store: graph } of opened) {
            let answer: Answer;
            try {
              answer = await run(graph, operation.query, variables);
            } catch (error) {
              throw new Error(`${store} threw on ${JSON.stringify(variables)}: ${String(error)}`);
            }
            expectClear(answer, `${store} ${JSON.stringify(variables)}`);
            answers.push(answer);
          }
          if (answers.length === 2) {
            const [embedded, neo4j] = answers;
            expect(neo4j, JSON.stringify(variables)).toEqual(embedded);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});
