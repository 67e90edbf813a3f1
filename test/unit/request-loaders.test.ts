/**
 * A request's entity loader knows the records it has settled, so a resolver can take one without a
 * promise: always the record the loader itself answers for that id (one record per id in a request).
 */
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityRecord } from '../../src/domain/index.js';
import type { GraphQLResolveInfo } from 'graphql';
import { createContext, type GraphContext } from '../../src/graphql/context.js';
import { entityFields } from '../../src/graphql/resolvers/entity.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import type { GraphStore } from '../../src/store/graph-store.js';

const seed = await readDatasetFile(SEED_FILE);
const kursk = 'region:kursk';

describe("a request's settled entities", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(seed);
  });
  const context = (): GraphContext => createContext({ store, requestId: 'test', log: pino({ level: 'silent' }), bounds: { signal: new AbortController().signal } });
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('has none before a load, then the record the loader answers, and null for an id the store does not hold', async () => {
    const { loaders } = context();
    expect(loaders.settledEntity(kursk)).toBeUndefined();
    const loaded = await loaders.entity.load(kursk);
    expect(loaded?.id).toBe(kursk);
    expect(loaders.settledEntity(kursk)).toBe(loaded);
    await loaders.entity.load('region:nowhere');
    expect(loaders.settledEntity('region:nowhere')).toBeNull();
  });

  it('keeps the first record of an id, as the loader does: a later prime changes neither', async () => {
    const { loaders } = context();
    const loaded = await loaders.entity.load(kursk);
    const other = { ...loaded!, name: 'Another record of the same id' } as EntityRecord;
    loaders.entity.prime(kursk, other);
    await turn();
    expect(loaders.settledEntity(kursk)).toBe(loaded);
    expect(await loaders.entity.load(kursk)).toBe(loaded);
  });

  it('takes a primed record once the loader holds it, and forgets an id the loader is told to clear', async () => {
    const { loaders } = context();
    const primed = { ...(await store.entitiesByIds([kursk]))[0]!, name: 'Primed' } as EntityRecord;
    loaders.entity.prime(kursk, primed);
    await turn();
    expect(loaders.settledEntity(kursk)).toBe(primed);
    loaders.entity.clear(kursk);
    expect(loaders.settledEntity(kursk)).toBeUndefined();
    const reloaded = await loaders.entity.load(kursk);
    expect(reloaded).not.toBe(primed);
    expect(loaders.settledEntity(kursk)).toBe(reloaded);
    loaders.entity.clearAll();
    expect(loaders.settledEntity(kursk)).toBeUndefined();
  });

  it('has nothing for a load still under way, even when primed meanwhile', async () => {
    const { loaders } = context();
    const pending = loaders.entity.load(kursk);
    loaders.entity.prime(kursk, { ...(await store.entitiesByIds([kursk]))[0]!, name: 'Too late' } as EntityRecord);
    expect(loaders.settledEntity(kursk)).toBeUndefined();
    const loaded = await pending;
    expect(loaded?.name).not.toBe('Too late');
    expect(loaders.settledEntity(kursk)).toBe(loaded);
  });

  it('keeps what the loader holds now when an id cleared during its load is primed anew', async () => {
    const { loaders } = context();
    const pending = loaders.entity.load(kursk);
    loaders.entity.clear(kursk);
    const primed = { ...(await store.entitiesByIds([kursk]))[0]!, name: 'Primed after the clear' } as EntityRecord;
    loaders.entity.prime(kursk, primed);
    await pending;
    await turn();
    expect(loaders.settledEntity(kursk)).toBe(primed);
    expect(await loaders.entity.load(kursk)).toBe(primed);
  });
});

describe("a request's cancellation over the embedded store", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(seed);
  });
  const all = { filter: { types: null }, direction: 'BOTH' } as const;

  /** Bounds that count how often their signal is made, and are cancelled when `cancelled` is set. */
  function countingBounds() {
    const controller = new AbortController();
    const bounds = {
      made: 0,
      cancelled: null as Error | null,
      get signal() {
        bounds.made++;
        return controller.signal;
      },
      throwIfCancelled() {
        if (bounds.cancelled) throw bounds.cancelled;
      },
    };
    return bounds;
  }

  it("answers an entity's question without making the request's signal, and refuses it once cancelled", async () => {
    const bounds = countingBounds();
    const { loaders } = createContext({ store, requestId: 'test', log: pino({ level: 'silent' }), bounds });
    const { entity, relations } = await loaders.entityWithRelations.load({ id: kursk, query: all });
    expect(entity?.id).toBe(kursk);
    expect(relations.length).toBeGreaterThan(0);
    expect(await loaders.entity.load('region:donetsk')).not.toBeNull();
    expect(bounds.made).toBe(0);

    bounds.cancelled = new Error('cancelled');
    await expect(loaders.statement.load('statement:nope')).rejects.toThrow('cancelled');
    expect(bounds.made).toBe(0);
  });
});

describe("an entity's relations that came with it", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(seed);
  });
  const info = { parentType: { name: 'Region' } } as GraphQLResolveInfo;
  const context = (maxListLength?: number) =>
    createContext({ store, requestId: 'test', log: pino({ level: 'silent' }), bounds: { signal: new AbortController().signal }, ...(maxListLength !== undefined && { maxListLength }) });

  it('are answered at once, not as a promise, for the question they came with; another question loads', async () => {
    const ctx = context(1000);
    const query = { filter: { types: null }, direction: 'BOTH', cap: 1000 } as const;
    const { entity, relations } = await ctx.loaders.entityWithRelations.load({ id: kursk, query });
    const answered = entityFields.relations(entity!, {}, ctx, info);
    expect(answered).toBe(relations);

    const outward = entityFields.relations(entity!, { direction: 'OUT' }, ctx, info);
    expect(outward).toBeInstanceOf(Promise);
    expect((await outward).every((view) => view.direction !== 'IN')).toBe(true);
  });

  it('are refused past MAX_LIST_LENGTH as a loaded list is', async () => {
    const ctx = context(1);
    const { entity, relations } = await ctx.loaders.entityWithRelations.load({ id: kursk, query: { filter: { types: null }, direction: 'BOTH', cap: 1 } });
    expect(relations.length).toBeGreaterThan(1);
    expect(() => entityFields.relations(entity!, {}, ctx, info)).toThrow(expect.objectContaining({ code: 'RESULT_TOO_LARGE' }));
  });
});

describe("when a request's loads are dispatched", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(seed);
  });
  afterEach(() => vi.restoreAllMocks());

  it('in the turn they were asked for a new request (a short question answers in one turn), from a later turn after its first 2 ms (a long one lets others in)', async () => {
    let clock = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const { loaders } = createContext({ store, requestId: 'test', log: pino({ level: 'silent' }), bounds: { signal: new AbortController().signal } });
    const seen: string[] = [];
    setImmediate(() => seen.push('the next turn'));
    await loaders.entity.load(kursk);
    seen.push('a load at the start');
    clock += 5;
    setImmediate(() => seen.push('the turn after'));
    await loaders.entity.load('person:apti-alaudinov');
    seen.push('a load 5 ms in');
    expect(seen).toEqual(['a load at the start', 'the next turn', 'the turn after', 'a load 5 ms in']);
  });
});
