/**
 * A connection's `totalCount` is counted only when the query asks for it (on Neo4j a count reads
 * every item the question matches), whether asked plainly, under an alias, in a fragment or under
 * a directive that keeps it; and the count is the same whichever way it is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore, PageQuery } from '../../src/store/graph-store.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storesUnderTest } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const PAGED = ['timeline', 'findEvents', 'entitiesPage', 'statementsPage'] as const;

/** The store, recording whether each page question asked for a count. */
function recordingCounts(store: GraphStore, asked: (boolean | undefined)[]): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!(PAGED as readonly (string | symbol)[]).includes(property)) return value.bind(target);
      return (query: unknown, page: PageQuery, ...rest: unknown[]) => {
        asked.push(page.counted);
        return (value as (...args: unknown[]) => unknown).call(target, query, page, ...rest);
      };
    },
  });
}

describe.each(storesUnderTest())('totalCount on the $name store', ({ enabled, open }) => {
  let store: GraphStore;
  let harness: Harness;
  const asked: (boolean | undefined)[] = [];
  beforeAll(async () => {
    if (!enabled) return;
    store = await open();
    await store.load(seed);
    harness = await startHarness({ store: recordingCounts(store, asked) });
  });
  afterAll(async () => {
    await harness?.stop();
    await store?.close();
  });
  const test = it.skipIf(!enabled);

  /** The answer and what was asked of the store, the same the first time and compiled (graphql-jit) the second. */
  const run = async (query: string) => {
    const answers = [];
    for (let asking = 0; asking < 2; asking++) {
      asked.length = 0;
      const compiledBefore = harness.compiledAnswers();
      const result = await harness.run(query);
      expect(result.errors).toBeUndefined();
      expect(harness.compiledAnswers() - compiledBefore).toBe(asking);
      answers.push({ data: result.data as Record<string, Record<string, unknown>>, counted: [...asked] });
    }
    expect(answers[1]).toEqual(answers[0]);
    return answers[0]!;
  };

  test('is left uncounted when the query does not ask for it, and the page is the same', async () => {
    const all = await run('{ timeline(first: 100) { totalCount nodes { kind } pageInfo { hasNextPage } } }');
    expect(all.counted).toEqual([true]);
    const nodes = all.data['timeline']!['nodes'] as unknown[];
    // The seed's whole timeline fits a page: its count is its length.
    expect(all.data['timeline']!['pageInfo']).toEqual({ hasNextPage: false });
    expect(all.data['timeline']!['totalCount']).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThan(20);

    const uncounted = await run('{ timeline(first: 100) { nodes { kind } pageInfo { hasNextPage } } }');
    expect(uncounted.counted).toEqual([false]);
    expect(uncounted.data['timeline']!['nodes']).toEqual(nodes);

    for (const list of ['events', 'entitiesConnection', 'statementsConnection']) {
      const counted = await run(`{ ${list}(first: 5) { totalCount nodes { id } } }`);
      const bare = await run(`{ ${list}(first: 5) { nodes { id } } }`);
      expect([counted.counted, bare.counted]).toEqual([[true], [false]]);
      expect(bare.data[list]!['nodes']).toEqual(counted.data[list]!['nodes']);
      expect(counted.data[list]!['totalCount']).toBeGreaterThan(5);
    }
  });

  test('is counted when asked under an alias, in a fragment, an inline fragment or under a directive', async () => {
    const { data } = await run('{ timeline(first: 2) { totalCount } }');
    const total = data['timeline']!['totalCount'];
    const aliased = await run('{ t: timeline(first: 2) { n: totalCount } }');
    expect(aliased).toEqual({ data: { t: { n: total } }, counted: [true] });
    const spread = await run('{ timeline(first: 2) { ...Counted } } fragment Counted on TimelineConnection { totalCount }');
    expect(spread).toEqual({ data: { timeline: { totalCount: total } }, counted: [true] });
    const nested = await run(
      '{ timeline(first: 2) { ...Outer } } fragment Outer on TimelineConnection { ... on TimelineConnection { ...Inner } } fragment Inner on TimelineConnection { totalCount }',
    );
    expect(nested).toEqual({ data: { timeline: { totalCount: total } }, counted: [true] });
    const included = await run('{ timeline(first: 2) { totalCount @include(if: true) } }');
    expect(included).toEqual({ data: { timeline: { totalCount: total } }, counted: [true] });
  });

  test('is left uncounted when @skip or @include leaves it out, with literals or variables, on the field or its fragment', async () => {
    const { data } = await run('{ count: timeline(first: 2) { totalCount } }');
    const total = data['count']!['totalCount'];
    const page = { pageInfo: { hasNextPage: true } };
    const skipped = await run('{ timeline(first: 2) { totalCount @skip(if: true) pageInfo { hasNextPage } } }');
    expect(skipped).toEqual({ data: { timeline: page }, counted: [false] });
    const withVariable = async (counted: boolean) => {
      asked.length = 0;
      const result = await harness.run('query($counted: Boolean!) { timeline(first: 2) { totalCount @include(if: $counted) pageInfo { hasNextPage } } }', { counted });
      expect(result.errors).toBeUndefined();
      return { data: result.data, counted: [...asked] };
    };
    expect(await withVariable(false)).toEqual({ data: { timeline: page }, counted: [false] });
    expect(await withVariable(true)).toEqual({ data: { timeline: { totalCount: total, ...page } }, counted: [true] });
    const fragment = await run('{ timeline(first: 2) { ...Counted @skip(if: true) pageInfo { hasNextPage } } } fragment Counted on TimelineConnection { totalCount }');
    expect(fragment).toEqual({ data: { timeline: page }, counted: [false] });
    const inline = await run('{ timeline(first: 2) { ... @include(if: false) { totalCount } pageInfo { hasNextPage } } }');
    expect(inline).toEqual({ data: { timeline: page }, counted: [false] });
  });
});
