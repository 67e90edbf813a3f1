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
    // Wide and deep queries on purpose: the cost and depth limits are not what these tests are about.
    harness = await startHarness({ store, limits: { maxCost: 1_000_000, maxDepth: 10 } });
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
    // Each relation brings the entity at its other end, and every end is one of those entities,
    // so the second level is served from the request's cache: one call for the list, one for
    // every relation, none for the ends.
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesUpTo: 1, relationsOf: 1 });
  });

  test('an entity with its relations and the entities at their other ends in one call', async () => {
    const query = `{ entity(id: "unit:russian-armed-forces") { id name relations { type node { id name } } } }`;
    harness.resetCalls();
    const result = await harness.run(query);
    expect(result.errors).toBeUndefined();
    const relations = (result.data!['entity'] as { relations: { node: { id: string } }[] }).relations;
    expect(new Set(relations.map((r) => r.node.id)).size).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesWithRelations: 1 });
  });

  test('ten entities asked with their relations, each under its own alias, in one call', async () => {
    const ids = seed.entities.slice(0, 10).map((e) => e.id);
    const query = `{ ${ids.map((id, i) => `e${i}: entity(id: ${JSON.stringify(id)}) { id relations(direction: OUT) { type node { name } } }`).join(' ')} }`;
    harness.resetCalls();
    const result = await harness.run(query);
    expect(result.errors).toBeUndefined();
    expect(ids.map((_id, i) => (result.data![`e${i}`] as { id: string }).id)).toEqual(ids);
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesWithRelations: 1 });
  });

  test('two entities asked with their relations from a fragment on Query, in one call', async () => {
    // The operation has one root selection, a fragment: it is not an entity field asked alone.
    const query = `{ ...both } fragment both on Query {
      a: entity(id: "unit:russian-armed-forces") { id relations { type } }
      b: entity(id: "settlement:kurakhove") { id relations { type } } }`;
    harness.resetCalls();
    const result = await harness.run(query);
    expect(result.errors).toBeUndefined();
    expect([(result.data!['a'] as { id: string }).id, (result.data!['b'] as { id: string }).id]).toEqual([
      'unit:russian-armed-forces',
      'settlement:kurakhove',
    ]);
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesWithRelations: 1 });
  });

  test('an entity alone, and ten entities under their own aliases, without relations: one call each', async () => {
    harness.resetCalls();
    const alone = await harness.run('{ entity(id: "settlement:kurakhove") { id name } }');
    expect(alone.data).toEqual({ entity: { id: 'settlement:kurakhove', name: expect.any(String) } });
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 1 });
    const ids = seed.entities.slice(0, 10).map((e) => e.id);
    harness.resetCalls();
    const result = await harness.run(`{ ${ids.map((id, i) => `e${i}: entity(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`);
    expect(ids.map((_id, i) => (result.data![`e${i}`] as { id: string }).id)).toEqual(ids);
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 1 });
  });

  test('relations the selection does not ask plainly are read as before, with the same answer', async () => {
    const id = 'settlement:kurakhove';
    const plain = await harness.run(`{ entity(id: "${id}") { id relations(types: ["CONTROLS", "NEAR"]) { type direction node { name } } } }`);
    harness.resetCalls();
    const inFragment = await harness.run(
      `{ entity(id: "${id}") { id ... on Settlement { relations(types: ["CONTROLS", "NEAR"]) { type direction node { name } } } } }`,
    );
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 1, relationsOf: 1 });
    expect(inFragment).toEqual(plain);
    expect((plain.data!['entity'] as { relations: unknown[] }).relations.length).toBeGreaterThan(1);
  });

  test('a path, paths and a neighbourhood of entities that exist are one call each; an unknown end is still NOT_FOUND, named', async () => {
    const asked = [
      ['{ shortestPath(fromId: "person:apti-alaudinov", toId: "country:north-korea") { length nodes { id } } }', 'shortestPath'],
      ['{ paths(fromId: "person:apti-alaudinov", toId: "country:north-korea", first: 2) { length nodes { id } } }', 'paths'],
      ['{ neighborhood(id: "person:apti-alaudinov", depth: 2, limit: 10) { nodes { id } truncated } }', 'neighborhood'],
      ['{ neighborhood(id: "person:apti-alaudinov", depth: 1) { nodes { id } } }', 'neighborhood'],
    ] as const;
    for (const [query, method] of asked) {
      harness.resetCalls();
      const result = await harness.run(query);
      expect(result.errors, query).toBeUndefined();
      expect(JSON.stringify(result.data), query).toMatch(/"(unit|country):/);
      expect(Object.fromEntries(harness.calls), query).toEqual({ [method]: 1 });
    }
    const unknown = [
      ['{ shortestPath(fromId: "person:nobody", toId: "country:north-korea") { length } }', 'fromId'],
      ['{ paths(fromId: "person:apti-alaudinov", toId: "country:nowhere") { length } }', 'toId'],
      ['{ neighborhood(id: "person:nobody", depth: 2) { nodes { id } } }', 'id'],
    ] as const;
    for (const [query, argument] of unknown) {
      const result = await harness.run(query);
      expect(result.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['argument']]), query).toEqual([['NOT_FOUND', argument]]);
    }
    // No path between two entities that exist: an empty answer, not an error.
    const none = await harness.run('{ shortestPath(fromId: "person:apti-alaudinov", toId: "country:north-korea", maxHops: 1) { length } }');
    expect(none).toEqual({ data: { shortestPath: null } });
  });

  test('a depth-3 walk out from a hub stays within depth + 1 calls', async () => {
    const query = `{ entity(id: "unit:russian-armed-forces") {
      relations { node { id relations { node { id relations { node { id name } } } } } } } }`;
    harness.resetCalls();
    const result = await harness.run(query);
    expect(result.errors).toBeUndefined();
    type Level = { relations: { node: Level & { id: string } }[] };
    const nodesAt = (levels: Level[]) => levels.flatMap((l) => l.relations.map((r) => r.node));
    const first = nodesAt([result.data!['entity'] as Level]);
    const third = nodesAt(nodesAt(first));
    expect(first.length).toBeGreaterThanOrEqual(10);
    expect(third.length).toBeGreaterThan(100);
    expect(totalCalls(harness)).toBeLessThanOrEqual(3 + 1);
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesWithRelations: 1, relationsOf: 2 });
  });

  test('the entities a relation brings answer as the entities asked for by id', async () => {
    const fields = `id kind name aliases description
      ... on Settlement { location { latitude longitude precision } }
      ... on Region { location { latitude longitude precision } }
      ... on Country { location { latitude longitude precision } }
      ... on Event { eventType status time { start end text precision } quantities { measure value min max unit wording } attributions { stance saidOn note } }`;
    const viaRelations = await harness.run(`{ entities { id relations { node { ${fields} } } } }`);
    expect(viaRelations.errors).toBeUndefined();
    const nodes = new Map<string, unknown>();
    for (const entity of viaRelations.data!['entities'] as { relations: { node: { id: string } }[] }[]) {
      for (const { node } of entity.relations) nodes.set(node.id, node);
    }
    expect(nodes.size).toBeGreaterThan(20);
    // One request per id, so each is read by entitiesByIds and nothing else.
    for (const [id, node] of nodes) {
      const byId = await harness.run(`query ($id: ID!) { entity(id: $id) { ${fields} } }`, { id });
      expect(byId.errors).toBeUndefined();
      expect(JSON.stringify(byId.data!['entity'])).toBe(JSON.stringify(node));
    }
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
