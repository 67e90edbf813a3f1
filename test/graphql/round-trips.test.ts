/**
 * Round trips to the store grow with a query's depth, not its breadth: the DataLoaders batch each
 * level of a query into one call per port method, on both stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { startHarness, type Harness } from '../support/harness.js';
import { storesUnderTest } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);

function totalCalls(harness: Harness): number {
  return [...harness.calls.values()].reduce((sum, n) => sum + n, 0);
}

describe.each(storesUnderTest())('round trips on the $name store', ({ enabled, open }) => {
  let store: GraphStore;
  let harness: Harness;
  beforeAll(async () => {
    if (!enabled) return;
    store = await open();
    await store.load(seed);
    // Wide queries on purpose: the cost limit is not what these tests are about.
    harness = await startHarness({ store, limits: { maxCost: 1_000_000 } });
  });
  afterAll(async () => {
    await harness?.stop();
    await store?.close();
  });
  const test = it.skipIf(!enabled);

  test('one call per port method for every entity, its relations and their ends, two levels out', async () => {
    // Every entity, then their relations' ends, then those ends' relations: 5 levels of lists.
    const query = '{ entities { relations { node { relations { node { name } } } } } }';
    harness.resetCalls();
    const result = await harness.run(query);
    expect(result.errors).toBeUndefined();
    expect((result.data!['entities'] as unknown[]).length).toBe(seed.entities.length);
    // Every relation's end is one of those entities, so the second level is served from the
    // request's cache: one call per port method for the whole query.
    expect(Object.fromEntries(harness.calls)).toEqual({ listEntities: 1, relationsOf: 1, entitiesByIds: 1 });
  });

  test('the same number of calls for one entity as for ten', async () => {
    const one = '{ search(text: "kursk", first: 1) { relations { node { mentionedIn { speaker { name } } } } } }';
    const ten = '{ search(text: "r", first: 10) { relations { node { mentionedIn { speaker { name } } } } } }';
    harness.resetCalls();
    expect((await harness.run(one)).errors).toBeUndefined();
    const forOne = totalCalls(harness);
    harness.resetCalls();
    expect((await harness.run(ten)).errors).toBeUndefined();
    expect(totalCalls(harness)).toBe(forOne);
  });

  test('every event with its participants, places, attributions and evidence in a few calls per port method, not a few per event', async () => {
    const selection = `nodes {
      participants { role entity { name } relation { id } }
      places { name ... on Settlement { within { name } events { name } } }
      attributions { claimant { name } via { name } statement { text supports { id } } source { title } }
      evidence { id }
      partOf { phases { name } }
    }`;
    harness.resetCalls();
    const all = await harness.run(`{ events(first: 100) { totalCount ${selection} } }`);
    expect(all.errors).toBeUndefined();
    const { totalCount, nodes } = all.data!['events'] as { totalCount: number; nodes: unknown[] };
    expect(nodes.length).toBe(totalCount);
    expect(nodes.length).toBeGreaterThan(10);
    // Unbatched, each event would cost a call per field above. Batched, the calls follow the
    // query's levels and the steps of the walks up and down LOCATED_IN, whatever the count.
    for (const [method, calls] of harness.calls) expect(calls, method).toBeLessThan(nodes.length);
    expect(harness.calls.get('findEvents')).toBe(1);
    expect(harness.calls.get('factsSupportedBy')).toBe(1);
  });
});
