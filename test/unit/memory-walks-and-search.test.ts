/**
 * The embedded store's fast paths against plain references: the bidirectional shortest path and
 * the compressed-adjacency neighbourhood against brute force, the prepared search index against
 * `rankSearchResults` over every entity. Fixtures pin the tricky cases; properties cover the rest
 * on generated graphs (tools/bench/generate.ts) and generated names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareText,
  isSymmetric,
  nearestThatFit,
  normalizeForSearch,
  rankSearchResults,
  type Dataset,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type RelationType,
} from '../../src/domain/index.js';
import type { PathQuery } from '../../src/store/graph-store.js';
import { MemoryStore } from '../../src/store/memory/memory-store.js';
import { Pacer } from '../../src/store/pacer.js';
import { kShortestPaths } from '../../src/store/memory/paths.js';
import { stateWithDataset } from '../../src/store/memory/state.js';
import { EntitySearchIndex } from '../../src/store/memory/search-index.js';
import { generateDataset } from '../../tools/bench/generate.js';

const entity = (id: string, name = id, aliases: string[] = [], kind: EntityKind = 'SETTLEMENT'): EntityRecord => ({
  id,
  kind,
  name,
  aliases,
  description: null,
  location: null,
  event: null,
});
const relation = (id: string, type: RelationType, from: string, to: string): RelationRecord => ({
  id,
  type,
  from,
  to,
  status: 'CONFIRMED',
  time: null,
  attributions: [{ claimantId: null, viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:s', note: null }],
  claimedBy: null,
  date: null,
  sourceId: 'source:s',
  statementIds: [],
  qualifiers: {},
});

async function storeOf(entities: EntityRecord[], relations: RelationRecord[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.load({ sources: [{ id: 'source:s', title: 'S', publisher: null, published: null, url: null, kind: 'DOCUMENT' }], entities, relations, statements: [] } as Dataset);
  return store;
}

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/** Brute force: every walk of the shortest length, the first by node ids then relation ids. */
function referencePath(dataset: Dataset, fromId: string, toId: string, { maxHops, filter: { types }, directed }: PathQuery) {
  const steps = new Map<string, { to: string; relation: RelationRecord }[]>();
  const add = (a: string, b: string, relation: RelationRecord) => {
    if (!steps.has(a)) steps.set(a, []);
    steps.get(a)!.push({ to: b, relation });
  };
  for (const r of dataset.relations) {
    if (types !== null && !types.includes(r.type)) continue;
    add(r.from, r.to, r);
    if (!directed || isSymmetric(r.type)) add(r.to, r.from, r);
  }
  if (fromId === toId) return { nodes: [fromId], edges: [] as string[] };
  // Hops to the target (a BFS against the steps), then every shortest walk enumerated.
  const toTarget = new Map<string, number>([[toId, 0]]);
  let frontier = [toId];
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const [a, list] of steps) {
      for (const { to } of list) {
        if (frontier.includes(to) && !toTarget.has(a)) {
          toTarget.set(a, d);
          next.push(a);
        }
      }
    }
    frontier = next;
  }
  const length = toTarget.get(fromId);
  if (length === undefined) return null;
  let best: { nodes: string[]; edges: string[] } | null = null;
  const compareLists = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) {
      const c = compareText(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  const walk = (node: string, nodes: string[], edges: string[]) => {
    if (node === toId) {
      const candidate = { nodes, edges };
      if (best === null || compareLists(nodes, best.nodes) < 0 || (compareLists(nodes, best.nodes) === 0 && compareLists(edges, best.edges) < 0)) {
        best = candidate;
      }
      return;
    }
    const left = toTarget.get(node)!;
    for (const { to, relation: r } of steps.get(node) ?? []) {
      if (toTarget.get(to) === left - 1) walk(to, [...nodes, to], [...edges, r.id]);
    }
  };
  walk(fromId, [fromId], []);
  return best;
}

/** Brute force: nodes within depth (undirected), centre first, then hops, then id; induced relations by id. */
function referenceNeighbourhood(dataset: Dataset, centre: string, depth: number, types: RelationType[] | null) {
  const allowed = dataset.relations.filter((r) => types === null || types.includes(r.type));
  const hops = new Map<string, number>([[centre, 0]]);
  for (let d = 1; d <= depth; d++) {
    for (const r of allowed) {
      for (const [a, b] of [[r.from, r.to], [r.to, r.from]] as const) {
        if (hops.get(a) === d - 1 && !hops.has(b)) hops.set(b, d);
      }
    }
  }
  const nodes = [...hops].sort(([a, x], [b, y]) => x - y || compareText(a, b)).map(([id]) => id);
  const edges = allowed.filter((r) => hops.has(r.from) && hops.has(r.to)).map((r) => r.id).sort(compareText);
  return { nodes, edges };
}

/**
 * Two hubs with `leafCount` leaves between them, parallel relations both ways round, a few links
 * between leaves: layers of one hub beside short rows, and greedy steps from a hub towards a small
 * layer, and frontiers of a node or two whose rows are long (a search looks the pairs up).
 */
function hubGraph(leafCount: number, start: number, hubCount = 2) {
  let seed = start;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const hubs = Array.from({ length: hubCount }, (_, h) => `n:hub-${String.fromCharCode(97 + h)}`);
  const leaves = Array.from({ length: leafCount }, (_, i) => `n:leaf-${String(i).padStart(3, '0')}`);
  // The hubs joined each to the next, and with more than two, each to every other.
  const relations: RelationRecord[] = hubs.flatMap((a, h) => hubs.slice(h + 1).filter((_, j) => hubCount > 2 || j === 0).map((b, j) => relation(`r:hubs-${h}-${j}`, 'LOCATED_IN', a, b)));
  leaves.forEach((leaf, i) => {
    const hub = hubs[i % hubCount]!;
    const type: RelationType = random() < 0.5 ? 'NEAR' : 'LOCATED_IN';
    relations.push(random() < 0.5 ? relation(`r:${i}-1`, type, leaf, hub) : relation(`r:${i}-1`, type, hub, leaf));
    if (random() < 0.3) relations.push(relation(`r:${i}-0`, 'LOCATED_IN', random() < 0.5 ? leaf : hub, random() < 0.5 ? hub : leaf));
    if (random() < 0.1) relations.push(relation(`r:${i}-2`, 'NEAR', leaf, leaves[Math.floor(random() * leaves.length)]!));
    // With more hubs, leaves of two of them: several hubs a step from both ends.
    if (hubCount > 2 && random() < 0.4) relations.push(relation(`r:${i}-3`, 'NEAR', leaf, hubs[Math.floor(random() * hubCount)]!));
  });
  return { hubs, leaves, entities: [...hubs, ...leaves].map((id) => entity(id)), relations: relations.filter((r) => r.from !== r.to) };
}

describe('shortest paths (bidirectional search, canonical path)', () => {
  const undirected: PathQuery = { maxHops: 6, filter: { types: null }, directed: false };

  it('breaks ties by node ids first, even when the smaller first step leads to larger nodes later', async () => {
    // s-a-z-t and s-b-c-t: a < b wins although z > c.
    const store = await storeOf(
      ['n:s', 'n:a', 'n:b', 'n:c', 'n:z', 'n:t'].map((id) => entity(id)),
      [
        relation('r:1', 'NEAR', 'n:s', 'n:b'),
        relation('r:2', 'NEAR', 'n:b', 'n:c'),
        relation('r:3', 'NEAR', 'n:c', 'n:t'),
        relation('r:4', 'NEAR', 'n:s', 'n:a'),
        relation('r:5', 'NEAR', 'n:a', 'n:z'),
        relation('r:6', 'NEAR', 'n:z', 'n:t'),
      ],
    );
    const path = await store.shortestPath('n:s', 'n:t', undirected);
    expect(ids(path!.nodes)).toEqual(['n:s', 'n:a', 'n:z', 'n:t']);
    expect(ids(path!.edges)).toEqual(['r:4', 'r:5', 'r:6']);
  });

  it('takes the smallest of parallel relations, in code-point order', async () => {
    const store = await storeOf(
      [entity('unit:a', 'A', [], 'UNIT'), entity('region:b', 'B', [], 'REGION')],
      [
        relation('rel:b', 'FIGHTING_IN', 'unit:a', 'region:b'),
        relation('rel:a-2', 'DEPLOYED_TO', 'unit:a', 'region:b'),
        relation('rel:a-10', 'FIGHTING_IN', 'unit:a', 'region:b'),
      ],
    );
    expect(ids((await store.shortestPath('unit:a', 'region:b', undirected))!.edges)).toEqual(['rel:a-10']);
    expect(ids((await store.shortestPath('region:b', 'unit:a', undirected))!.edges)).toEqual(['rel:a-10']);
    const typed = await store.shortestPath('unit:a', 'region:b', { ...undirected, filter: { types: ['FIGHTING_IN'] } });
    expect(ids(typed!.edges)).toEqual(['rel:a-10']);
    expect(ids((await store.shortestPath('unit:a', 'region:b', { ...undirected, filter: { types: ['DEPLOYED_TO'] } }))!.edges)).toEqual(['rel:a-2']);
  });

  it('walks directed relations from their start only, symmetric ones either way even stored backwards', async () => {
    const store = await storeOf(
      ['settlement:a', 'settlement:b', 'settlement:c'].map((id) => entity(id)).concat([entity('region:r', 'R', [], 'REGION')]),
      [
        relation('rel:near', 'NEAR', 'settlement:b', 'settlement:a'), // stored b → a
        relation('rel:in', 'LOCATED_IN', 'settlement:b', 'region:r'),
        relation('rel:in-c', 'LOCATED_IN', 'settlement:c', 'region:r'),
      ],
    );
    const directed: PathQuery = { maxHops: 6, filter: { types: null }, directed: true };
    expect(ids((await store.shortestPath('settlement:a', 'region:r', directed))!.nodes)).toEqual(['settlement:a', 'settlement:b', 'region:r']);
    expect(await store.shortestPath('region:r', 'settlement:a', directed)).toBeNull();
    expect(await store.shortestPath('settlement:a', 'settlement:c', directed)).toBeNull();
    expect(ids((await store.shortestPath('settlement:a', 'settlement:c', undirected))!.edges)).toEqual(['rel:near', 'rel:in', 'rel:in-c']);
  });

  it('answers null past maxHops, the lone node for fromId = toId, and null for an unknown id', async () => {
    const chain = ['n:1', 'n:2', 'n:3', 'n:4'];
    const store = await storeOf(
      chain.map((id) => entity(id)),
      chain.slice(1).map((id, i) => relation(`r:${i}`, 'NEAR', chain[i]!, id)),
    );
    expect(await store.shortestPath('n:1', 'n:4', { ...undirected, maxHops: 2 })).toBeNull();
    expect(ids((await store.shortestPath('n:1', 'n:4', { ...undirected, maxHops: 3 }))!.nodes)).toEqual(chain);
    expect(await store.shortestPath('n:2', 'n:2', { ...undirected, maxHops: 1 })).toEqual({ nodes: [entity('n:2')], edges: [] });
    expect(await store.shortestPath('n:1', 'n:nobody', undirected)).toBeNull();
  });

  it('agrees with brute force on generated graphs, for every pair', async () => {
    let found = 0;
    for (const seed of [1, 2, 3]) {
      const dataset = generateDataset({ entities: 16 + seed * 4, relations: 30 + seed * 10, seed });
      const store = new MemoryStore();
      await store.load(dataset);
      const queries: PathQuery[] = [
        { maxHops: 6, filter: { types: null }, directed: false },
        { maxHops: 4, filter: { types: null }, directed: true },
        { maxHops: 3, filter: { types: ['LOCATED_IN', 'NEAR', 'PART_OF', 'MEMBER_OF', 'ALLIED_WITH'] }, directed: false },
        { maxHops: 6, filter: { types: ['NEAR', 'ALLIED_WITH', 'LOCATED_IN', 'DEPLOYED_TO'] }, directed: true },
      ];
      for (const a of dataset.entities) {
        for (const b of dataset.entities) {
          for (const query of queries) {
            const got = await store.shortestPath(a.id, b.id, query);
            const expected = referencePath(dataset, a.id, b.id, query);
            expect(got && { nodes: ids(got.nodes), edges: ids(got.edges) }, `${a.id} → ${b.id} ${JSON.stringify(query)}`).toEqual(expected);
            if (got && got.edges.length >= 2) found++;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('keeps every meeting node when it joins two frontiers by looking pairs up in their long rows', async () => {
    // s → a | b, a → m2, b → m1, m1 | m2 → t; a, b, m1 and m2 also have 40 leaves each, so the
    // frontiers [a, b] and [m1, m2] are joined by lookups. The canonical path takes a (before b),
    // so it goes through m2, the later of the two meeting nodes.
    const near = (id: string, from: string, to: string) => relation(id, 'NEAR', from, to);
    const relations = [near('r:1', 'n:s', 'n:a'), near('r:2', 'n:s', 'n:b'), near('r:3', 'n:a', 'n:m2'), near('r:4', 'n:b', 'n:m1'), near('r:5', 'n:m1', 'n:t'), near('r:6', 'n:m2', 'n:t')];
    const leafIds: string[] = [];
    for (const node of ['n:a', 'n:b', 'n:m1', 'n:m2']) {
      for (let i = 0; i < 40; i++) {
        leafIds.push(`${node}-leaf-${i}`);
        relations.push(near(`r:${node.slice(2)}-${i}`, node, `${node}-leaf-${i}`));
      }
    }
    const store = await storeOf(['n:s', 'n:a', 'n:b', 'n:m1', 'n:m2', 'n:t', ...leafIds].map((id) => entity(id)), relations);
    const path = await store.shortestPath('n:s', 'n:t', undirected);
    expect(path && ids(path.nodes)).toEqual(['n:s', 'n:a', 'n:m2', 'n:t']);
    expect((await store.paths('n:s', 'n:t', { ...undirected, first: 3 })).map((p) => ids(p.nodes))).toEqual([
      ['n:s', 'n:a', 'n:m2', 'n:t'],
      ['n:s', 'n:b', 'n:m1', 'n:t'],
    ]);
  });

  it('agrees with brute force through hubs, whose rows a search looks nodes up in rather than reads', async () => {
    const { hubs, leaves, entities, relations: usable } = hubGraph(120, 5);
    const store = await storeOf(entities, usable);
    const dataset = { sources: [], entities, relations: usable, statements: [] } as unknown as Dataset;
    const ends = [...hubs, ...leaves.filter((_, i) => i % 7 === 0)];
    let throughHub = 0;
    for (const a of ends) {
      for (const b of ends) {
        for (const query of [undirected, { maxHops: 5, filter: { types: null }, directed: true }]) {
          const got = await store.shortestPath(a, b, query);
          const expected = referencePath(dataset, a, b, query);
          expect(got && { nodes: ids(got.nodes), edges: ids(got.edges) }, `${a} → ${b} ${JSON.stringify(query)}`).toEqual(expected);
          if (got && ids(got.nodes).slice(1, -1).some((n) => hubs.includes(n))) throughHub++;
        }
      }
    }
    expect(throughHub).toBeGreaterThan(200);
  });
});

/** Brute force: every loopless walk within maxHops, by hops, then node ids, then relation ids. */
function referencePaths(dataset: Dataset, fromId: string, toId: string, { maxHops, first = 1, directed, filter: { types } }: PathQuery) {
  const steps = new Map<string, { to: string; relation: RelationRecord }[]>();
  for (const r of dataset.relations) {
    if (types !== null && !types.includes(r.type)) continue;
    for (const [a, b, forward] of [[r.from, r.to, true], [r.to, r.from, false]] as const) {
      if (directed && !forward && !isSymmetric(r.type)) continue;
      if (!steps.has(a)) steps.set(a, []);
      steps.get(a)!.push({ to: b, relation: r });
    }
  }
  const all: { nodes: string[]; edges: string[] }[] = [];
  const walk = (node: string, nodes: string[], edges: string[]) => {
    if (node === toId) {
      all.push({ nodes, edges });
      return;
    }
    if (edges.length === maxHops) return;
    for (const { to, relation } of steps.get(node) ?? []) {
      if (!nodes.includes(to)) walk(to, [...nodes, to], [...edges, relation.id]);
    }
  };
  walk(fromId, [fromId], []);
  const compareLists = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) {
      const c = compareText(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  all.sort((a, b) => a.edges.length - b.edges.length || compareLists(a.nodes, b.nodes) || compareLists(a.edges, b.edges));
  return all.slice(0, first);
}

describe('k shortest paths (Yen over the canonical shortest path)', () => {
  it('agrees with brute force over every loopless path, for every pair of generated graphs', async () => {
    let several = 0;
    let severalFiltered = 0;
    for (const seed of [1, 2, 3]) {
      const dataset = generateDataset({ entities: 16 + seed * 2, relations: 24 + seed * 6, seed });
      const store = new MemoryStore();
      await store.load(dataset);
      const queries: PathQuery[] = [
        { maxHops: 4, first: 5, filter: { types: null }, directed: false },
        { maxHops: 5, first: 3, filter: { types: null }, directed: true },
        { maxHops: 3, first: 10, filter: { types: null }, directed: false },
        // Only some types: every spur search of Yen's loop walks the filtered graph too.
        { maxHops: 4, first: 5, filter: { types: ['LOCATED_IN', 'NEAR', 'PART_OF', 'MEMBER_OF', 'ALLIED_WITH'] }, directed: false },
        { maxHops: 5, first: 4, filter: { types: ['NEAR', 'ALLIED_WITH', 'LOCATED_IN', 'DEPLOYED_TO'] }, directed: true },
      ];
      for (const a of dataset.entities) {
        for (const b of dataset.entities) {
          for (const query of queries) {
            const got = (await store.paths(a.id, b.id, query)).map((p) => ({ nodes: ids(p.nodes), edges: ids(p.edges) }));
            expect(got, `${a.id} → ${b.id} ${JSON.stringify(query)}`).toEqual(referencePaths(dataset, a.id, b.id, query));
            if (got.length > 1) several++;
            if (got.length > 1 && query.filter.types !== null) severalFiltered++;
          }
        }
      }
    }
    expect(several).toBeGreaterThan(100);
    expect(severalFiltered).toBeGreaterThan(20);
  });

  it('answers as before after searches stopped part-way by their deadline (what they marked is cleared)', async () => {
    const state = stateWithDataset(null, generateDataset({ entities: 5_000, relations: 30_000, seed: 7 }));
    const entityIds = state.adjacency.entities.map((e) => e.id);
    const pairs = Array.from({ length: 24 }, (_, i) => [entityIds[(i * 997) % entityIds.length]!, entityIds[(i * 1_201 + 500) % entityIds.length]!] as const);
    const query: PathQuery = { maxHops: 6, first: 3, filter: { types: null }, directed: false };
    const answer = async (a: string, b: string, pacer = new Pacer(undefined)) =>
      (await kShortestPaths(state, a, b, query, pacer)).map((p) => `${ids(p.nodes)}/${ids(p.edges)}`);
    const before = await Promise.all(pairs.map(([a, b]) => answer(a, b)));
    let stopped = 0;
    for (const [a, b] of pairs) {
      // A slice of 0 ms: the search pauses after its first 1,024 steps, and the deadline has passed by then.
      const controller = new AbortController();
      setImmediate(() => controller.abort(new Error('deadline')));
      await answer(a, b, new Pacer({ signal: controller.signal }, 0)).then(
        () => {},
        (error: Error) => {
          expect(error.message).toBe('deadline');
          stopped++;
        },
      );
    }
    expect(stopped).toBeGreaterThanOrEqual(8);
    expect(await Promise.all(pairs.map(([a, b]) => answer(a, b)))).toEqual(before);
  });

  it('agrees with brute force through hubs, whose frontiers of a node or two a search joins by looking pairs up', async () => {
    for (const [leafCount, hubCount, seed, maxHops] of [[40, 2, 11, 4], [150, 3, 3, 3], [200, 4, 8, 3]] as const) {
      const { hubs, leaves, entities, relations } = hubGraph(leafCount, seed, hubCount);
      const store = await storeOf(entities, relations);
      const dataset = { sources: [], entities, relations, statements: [] } as unknown as Dataset;
      const ends = [...hubs, ...leaves.filter((_, i) => i % 6 === 0)];
      for (const a of ends) {
        for (const b of ends) {
          for (const query of [
            { maxHops, first: 6, filter: { types: null }, directed: false },
            { maxHops, first: 4, filter: { types: null }, directed: true },
          ]) {
            const got = (await store.paths(a, b, query)).map((p) => ({ nodes: ids(p.nodes), edges: ids(p.edges) }));
            expect(got, `${a} → ${b} ${JSON.stringify(query)}`).toEqual(referencePaths(dataset, a, b, query));
          }
        }
      }
    }
  });
});

describe('neighbourhoods (compressed adjacency)', () => {
  it('agrees with brute force on generated graphs', async () => {
    const dataset = generateDataset({ entities: 40, relations: 90, seed: 7 });
    const store = new MemoryStore();
    await store.load(dataset);
    for (const { id } of dataset.entities) {
      for (const [depth, types] of [[0, null], [1, null], [2, null], [3, null], [2, ['LOCATED_IN', 'NEAR']]] as const) {
        const got = await store.neighborhood(id, { depth, filter: { types: types && [...types] } });
        expect({ nodes: ids(got!.nodes), edges: ids(got!.edges) }).toEqual(referenceNeighbourhood(dataset, id, depth, types && [...types]));
      }
    }
  });

  it('with a limit, lists the first nodes by hops then id whose relations fit maxItems, as brute force cut by nearestThatFit', async () => {
    // Hubs and parallel relations, so a level merges many rows that meet the same nodes.
    const dataset = generateDataset({ entities: 120, relations: 600, seed: 11 });
    const store = new MemoryStore();
    await store.load(dataset);
    const entityById = new Map(dataset.entities.map((e) => [e.id, e]));
    const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
    let truncatedSeen = 0;
    let cutToFit = 0;
    for (const { id } of dataset.entities) {
      for (const [depth, types] of [[1, null], [2, null], [3, null], [2, ['LOCATED_IN', 'NEAR', 'MEMBER_OF']]] as const) {
        const reference = referenceNeighbourhood(dataset, id, depth, types && [...types]);
        for (const limit of [1, 2, 7, 30, reference.nodes.length, reference.nodes.length + 1]) {
          if (limit < 1) continue;
          const kept = new Set(reference.nodes.slice(0, limit));
          const cut = {
            nodes: reference.nodes.slice(0, limit).map((n) => entityById.get(n)!),
            edges: reference.edges.map((e) => relationById.get(e)!).filter((e) => kept.has(e.from) && kept.has(e.to)),
            truncated: reference.nodes.length > limit,
          };
          for (const maxItems of [undefined, 2, 5, 12]) {
            const got = (await store.neighborhood(id, { depth, filter: { types: types && [...types] }, limit, ...(maxItems !== undefined && { maxItems }) }))!;
            const expected = maxItems === undefined ? cut : nearestThatFit(cut, maxItems);
            expect({ nodes: ids(got.nodes), edges: ids(got.edges), truncated: (got as { truncated?: boolean }).truncated }).toEqual({
              nodes: ids(expected.nodes),
              edges: ids(expected.edges),
              truncated: expected.truncated,
            });
            if (expected.truncated) truncatedSeen++;
            if (expected.nodes.length < cut.nodes.length) cutToFit++;
          }
        }
      }
    }
    expect(truncatedSeen).toBeGreaterThan(100);
    expect(cutToFit).toBeGreaterThan(100);
  });

  it('stops as soon as it knows the neighbourhood has more than maxNodes nodes, and answers in full up to it', async () => {
    const dataset = generateDataset({ entities: 40, relations: 90, seed: 7 });
    const store = new MemoryStore();
    await store.load(dataset);
    for (const { id } of dataset.entities) {
      const full = (await store.neighborhood(id, { depth: 2, filter: { types: null } }))!;
      const n = full.nodes.length;
      expect(await store.neighborhood(id, { depth: 2, filter: { types: null }, maxNodes: n })).toEqual(full);
      if (n > 1) {
        const stopped = await store.neighborhood(id, { depth: 2, filter: { types: null }, maxNodes: n - 1 });
        expect(stopped).toMatchObject({ tooManyNodes: true });
        expect((stopped as { atLeast: number }).atLeast).toBeGreaterThan(n - 1);
      }
    }
  });
});

describe('search (prepared index)', () => {
  it('finds names with characters outside the Basic Multilingual Plane by their code points, as over every entity', () => {
    // 𠀀𠀁𠀂 are letters of two code units each: a trigram or short text must not split one.
    const entities = [
      entity('person:a', '𠀀𠀁𠀂 Ma'),
      entity('person:b', 'Ma 𠀁𠀂𠀃', ['𠀂x']),
      entity('person:c', 'Max'),
    ];
    const index = new EntitySearchIndex(entities);
    for (const text of ['𠀁', '𠀁𠀂', '𠀀𠀁𠀂', '𠀂 m', '𠀂x', 'ma', 'max']) {
      expect(index.search(normalizeForSearch(text), null, 10), text).toEqual(rankSearchResults(entities, text, 10));
    }
    // Both hold it: b's word starts with it, a has it inside a word.
    expect(index.search(normalizeForSearch('𠀁𠀂'), null, 10).map((m) => m.entity.id)).toEqual(['person:b', 'person:a']);
  });

  it('breaks ties by normalized name, then id, and reports the first best label', () => {
    const entities = [
      entity('settlement:b', 'Kur'),
      entity('settlement:a', 'KUR'),
      entity('settlement:c', 'Kür', ['kur']),
      entity('settlement:d', 'Old', ['Kur', 'Kurr']),
    ];
    const index = new EntitySearchIndex(entities);
    for (const text of ['kur', 'ku', 'k']) {
      expect(index.search(text, null, 10)).toEqual(rankSearchResults(entities, text, 10));
    }
    expect(index.search('kur', null, 10).map((m) => [m.entity.id, m.matched])).toEqual([
      ['settlement:a', 'KUR'],
      ['settlement:b', 'Kur'],
      ['settlement:c', 'Kür'],
      ['settlement:d', 'Kur'],
    ]);
  });

  it('ranks as rankSearchResults over every entity, for any query, kinds and first', () => {
    const kinds: EntityKind[] = ['PERSON', 'UNIT', 'SETTLEMENT'];
    // Few letters, so names collide, share prefixes and tie; accents, case and punctuation too.
    const word = fc.stringMatching(/^[abAé]{1,4}$/);
    const label = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '-', '. '))
      .map(([words, separator]) => words.join(separator));
    const entities = fc
      .array(fc.tuple(label, fc.array(label, { maxLength: 2 }), fc.constantFrom(...kinds)), { minLength: 1, maxLength: 30 })
      .map((rows) => rows.map(([name, aliases, kind], i) => entity(`${kind.toLowerCase()}:${String(29 - i).padStart(2, '0')}`, name, aliases, kind)));
    fc.assert(
      fc.property(entities, fc.array(word, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (list, words, first, someKinds) => {
        const index = new EntitySearchIndex(list);
        const text = normalizeForSearch(words.join(' '));
        if (text === '') return;
        const wanted = someKinds ? (['UNIT', 'PERSON'] as EntityKind[]) : null;
        const expected = rankSearchResults(list.filter((e) => wanted === null || wanted.includes(e.kind)), text, first);
        expect(index.search(text, wanted, first)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
