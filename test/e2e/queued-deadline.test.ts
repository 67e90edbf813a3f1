/**
 * A GraphQL request's deadline (REQUEST_TIMEOUT_MS) counts from when its body was read, so time
 * spent waiting for its turn (requests start in the order they arrived) counts too: a request
 * that waited past its deadline is answered DEADLINE_EXCEEDED at its first store read instead of
 * running late. Both ways in: the fast POST and the express path (GET).
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../src/config.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { ArrivalOrder } from '../../src/server/arrival-order.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';

/** Holds each request this long before it joins the queue, as a long queue would. */
class SlowQueue extends ArrivalOrder {
  holdMs = 0;
  override inTurn(start: () => void): void {
    setTimeout(() => super.inTurn(start), this.holdMs);
  }
}

const QUERY = '{ entity(id: "unit:chechen-unit") { name } }';

describe('a request that waited for its turn', () => {
  const queue = new SlowQueue();
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const store = createMemoryStore();
    await store.load(await readDatasetFile(SEED_FILE));
    server = await startServer(
      {
        store,
        log: pino({ level: 'silent' }),
        playground: false,
        explorer: false,
        timeouts: { ...DEFAULT_TIMEOUTS, requestMs: 300 },
        arrivalOrder: queue,
      },
      { port: 0, host: '127.0.0.1' },
    );
    base = `http://127.0.0.1:${server.port}/graphql`;
  });
  afterAll(async () => {
    await server?.stop();
  });

  interface Answer {
    data?: unknown;
    errors?: { path?: unknown; extensions?: Record<string, unknown> }[];
  }
  const post = async () =>
    (await (
      await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) })
    ).json()) as Answer;
  const get = async () =>
    (await (await fetch(`${base}?query=${encodeURIComponent(QUERY)}`, { headers: { 'apollo-require-preflight': 'true' } })).json()) as Answer;

  it('is answered when it started within its deadline', async () => {
    queue.holdMs = 50;
    expect(await post()).toEqual({ data: { entity: { name: expect.any(String) } } });
    expect(await get()).toEqual({ data: { entity: { name: expect.any(String) } } });
  });

  it('is refused with DEADLINE_EXCEEDED when the wait used up its deadline, either way in', async () => {
    queue.holdMs = 400;
    for (const answer of [await post(), await get()]) {
      expect(answer.data).toEqual({ entity: null });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors![0]).toMatchObject({
        path: ['entity'],
        extensions: { code: 'DEADLINE_EXCEEDED', timeoutMs: 300, setting: 'REQUEST_TIMEOUT_MS' },
      });
    }
  });
});
