/**
 * The Neo4j store when its server misbehaves, on a real Neo4j 5.26 of its own (the launcher's JVM,
 * whose pid gets SIGSTOP, SIGCONT and SIGKILL): a stalled server, a killed and restarted one, a
 * read cancelled through its signal, and a query that outlives Neo4j's transaction timeout.
 * A short deadline (requestTimeoutMs 3 s) and a small pool (4) keep it quick and let more reads
 * than the pool holds run at once. Skipped where no local Neo4j can be started.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineExceeded, DomainError, ErrorCode } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { driverConfig, Executor } from '../../src/store/neo4j/executor.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';

const DEADLINE_MS = 3_000;
/** How late a rejection may come after the deadline (timers, a loaded two-core machine). */
const MARGIN_MS = 1_000;
const POOL = 4;

/** A read that runs for minutes unless stopped (test only: it reads no data). */
const SLOW_READ = 'UNWIND range(1, 10000000000) AS x RETURN count(x) AS n';

/** Settles `promise` and says how long it took. */
async function timed(promise: Promise<unknown>): Promise<{ ms: number; value?: unknown; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await promise;
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

function codeOf(error: unknown): string {
  return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
}

/** Polls until the store answers a read again, by itself; returns how long that took. */
async function untilAnswering(store: GraphStore, withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const [russia] = await store.entitiesByIds(['country:russia']);
      if (russia?.name === 'Russia') return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > withinMs) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!(await checkPrerequisites()).ok)('the Neo4j store when its server misbehaves', { timeout: 120_000 }, () => {
  let dataDir: string;
  let port: number;
  let server: LocalNeo4j;
  let store: GraphStore;
  let driver: Driver;
  let executor: Executor;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-faults-neo4j-'));
    port = await getPort({ host: '127.0.0.1' });
    server = await startLocalNeo4j({ port, dataDir });
    store = await createNeo4jStore({ uri: server.uri, requestTimeoutMs: DEADLINE_MS, maxConnectionPoolSize: POOL });
    await store.load(await readDatasetFile(SEED_FILE));
    // The store's own executor, on a driver configured as the store's, for reads of our choosing.
    driver = neo4j.driver(server.uri, undefined, driverConfig({ requestTimeoutMs: DEADLINE_MS, maxConnectionPoolSize: POOL }));
    executor = new Executor(driver, { database: undefined, uri: server.uri, requestTimeoutMs: DEADLINE_MS });
  });

  afterAll(async () => {
    await store?.close();
    await driver?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('rejects a read with its signal reason soon after the signal aborts, and Neo4j stops the query', async () => {
    const running = async () =>
      (await executor.readRows('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery')).filter(
        (row) => row['currentQuery'] === SLOW_READ,
      ).length;
    const controller = new AbortController();
    const reason = deadlineExceeded('The request ran past its deadline.');
    const read = timed(executor.readRows(SLOW_READ, {}, { signal: controller.signal }));
    // Aborted while the query runs on the server, not before it began.
    const begun = Date.now();
    while ((await running()) === 0 && Date.now() - begun < 2_000) await new Promise((r) => setTimeout(r, 20));
    expect(await running()).toBe(1);
    const aborted = Date.now();
    controller.abort(reason);
    const { error } = await read;
    expect(error).toBe(reason);
    expect(Date.now() - aborted).toBeLessThan(500);
    // The query computes (no rows to discard), so Neo4j ends it at the transaction's server-side
    // timeout (serverTimeoutMs of the 3 s budget: 1.5 s), which its monitor notices within 2 s.
    while ((await running()) > 0 && Date.now() - begun < 6_000) await new Promise((r) => setTimeout(r, 100));
    expect(await running()).toBe(0);
    // Its connection went back to the pool in a usable state: as many reads at once as the pool holds answer.
    const again = await Promise.all(Array.from({ length: POOL }, () => store.entitiesByIds(['country:russia'])));
    expect(again.map(([russia]) => russia?.name)).toEqual(again.map(() => 'Russia'));
  });

  it("answers DEADLINE_EXCEEDED when a query outlives Neo4j's own transaction timeout", async () => {
    // A server timeout of 1 s well inside a 20 s budget, so that Neo4j ends the query (its monitor
    // looks every 2 s), not the executor, even on a loaded machine.
    const { ms, error } = await timed(executor.readRows(SLOW_READ, {}, { timeoutMs: 20_000, serverTimeoutMs: 1_000 }));
    expect(codeOf(error)).toBe(ErrorCode.DEADLINE_EXCEEDED);
    // Neo4j's error, not the executor giving up: the message says the server stopped it.
    expect((error as DomainError).message).toBe('The query took too long: the graph database stopped it at its time limit.');
    expect(ms).toBeGreaterThanOrEqual(1_000);
    expect(ms).toBeLessThan(20_000);
    // The connection is fine afterwards.
    expect(await store.entitiesByIds(['country:russia'])).toMatchObject([{ name: 'Russia' }]);
  });

  it('answers STORE_UNAVAILABLE by the deadline while Neo4j is stalled (SIGSTOP), for more reads than the pool holds, and recovers after SIGCONT', async () => {
    expect(await store.entitiesByIds(['country:russia'])).toMatchObject([{ name: 'Russia' }]);
    process.kill(server.pid, 'SIGSTOP');
    // On a busy machine the stop can land a moment late, after Neo4j answered the next BEGIN (the
    // read would then count as begun and time out as DEADLINE_EXCEEDED): let it land first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const one = await timed(store.entitiesByIds(['country:ukraine']));
      expect(codeOf(one.error), String(one.error)).toBe(ErrorCode.STORE_UNAVAILABLE);
      expect(one.ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(one.ms).toBeLessThan(DEADLINE_MS + MARGIN_MS);

      // Five times the pool, of every kind of read: none hangs, all are STORE_UNAVAILABLE in time.
      const reads = Array.from({ length: 5 * POOL }, (_, i) => {
        switch (i % 5) {
          case 0: return store.entitiesByIds([`country:russia`]);
          case 1: return store.search({ text: 'kursk', kinds: null, first: 5 });
          case 2: return store.neighborhood('person:apti-alaudinov', { depth: 2, filter: { types: null } });
          case 3: return store.shortestPath('person:apti-alaudinov', 'country:north-korea', { maxHops: 6, filter: { types: null }, directed: false });
          default: return store.relationsOf(['region:kursk'], { filter: { types: null }, direction: 'BOTH' });
        }
      });
      const results = await Promise.all(reads.map(timed));
      expect(results.map((r) => codeOf(r.error))).toEqual(results.map(() => ErrorCode.STORE_UNAVAILABLE));
      expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(DEADLINE_MS + MARGIN_MS);

      // A caller's signal that aborts while the server does not answer: STORE_UNAVAILABLE too, at once.
      const controller = new AbortController();
      setTimeout(() => controller.abort(deadlineExceeded('The request ran past its deadline.')), 1_200);
      const aborted = await timed(store.listSources({ signal: controller.signal }));
      expect(codeOf(aborted.error)).toBe(ErrorCode.STORE_UNAVAILABLE);
      expect(aborted.ms).toBeLessThan(1_200 + 500);

      // /readyz's ping with its own short signal gives up in time as well.
      const ping = await timed(store.ping({ signal: AbortSignal.timeout(500), deadline: Date.now() + 500 }));
      expect(ping.error).toBeDefined();
      expect(ping.ms).toBeLessThan(500 + 500);
    } finally {
      process.kill(server.pid, 'SIGCONT');
    }
    // No restart: the connections stuck on the stalled server come back when it answers again.
    expect(await untilAnswering(store, 30_000)).toBeLessThan(30_000);
    // As many reads at once as the pool holds: none may wait for a connection left stuck. (More
    // would wait for the pool, and on a loaded machine may rightly time out as STORE_UNAVAILABLE.)
    const again = await Promise.all(
      Array.from({ length: POOL }, () => timed(store.entitiesByIds(['country:russia']))),
    );
    expect(again.map((r) => r.error)).toEqual(again.map(() => undefined));
  });

  it('answers STORE_UNAVAILABLE while Neo4j is killed (SIGKILL), and again by itself once restarted on the same port and data', async () => {
    process.kill(server.pid, 'SIGKILL');
    await server.exited;
    const down = await Promise.all(
      Array.from({ length: 2 * POOL }, () => timed(store.entitiesByIds(['country:russia']))),
    );
    expect(down.map((r) => codeOf(r.error))).toEqual(down.map(() => ErrorCode.STORE_UNAVAILABLE));
    expect(Math.max(...down.map((r) => r.ms))).toBeLessThan(DEADLINE_MS + MARGIN_MS);

    server = await startLocalNeo4j({ port, dataDir });
    // A fresh JVM compiles its first plans slowly; on a busy machine the first reads may still run
    // past the short deadline (DEADLINE_EXCEEDED), so this gives it a while.
    expect(await untilAnswering(store, 60_000)).toBeLessThan(60_000);
    // As many reads at once as the pool holds: none may wait for a connection left stuck. (More
    // would wait for the pool, and on a loaded machine may rightly time out as STORE_UNAVAILABLE.)
    const again = await Promise.all(
      Array.from({ length: POOL }, () => timed(store.entitiesByIds(['country:russia']))),
    );
    expect(again.map((r) => r.error)).toEqual(again.map(() => undefined));
  });
});
