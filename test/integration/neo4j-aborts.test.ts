/**
 * The Neo4j executor under many concurrent reads, a share of them aborted by their caller at any
 * moment (waiting for the pool, before BEGIN, while their rows stream): a small pool makes the
 * connections pass from one read to the next, so a read given up on must leave its connection in a
 * state the next read can use. Every read that is not aborted gets its own rows or a mapped error
 * (STORE_UNAVAILABLE, DEADLINE_EXCEEDED), never another read's failure and never a raw driver
 * error. On the test run's Neo4j (skipped where none can be started).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DomainError, ErrorCode } from '../../src/domain/index.js';
import { driverConfig, Executor } from '../../src/store/neo4j/executor.js';
import type { Row } from '../../src/store/neo4j/mapping.js';

const neo4jUri = inject('neo4jUri');

const POOL = 4;
const DEADLINE_MS = 8_000;
const READS = 600;
/** Reads in flight at once: three times the pool, so that reads wait for connections others give back. */
const IN_FLIGHT = 3 * POOL;
/** Rows per read: one to three of the driver's fetches (1000 rows each), so that aborts land between them. */
const MIN_ROWS = 1_000;
const MAX_ROWS = 3_000;

/** A small deterministic generator, so that a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Outcome =
  | { kind: 'rows'; right: boolean }
  | { kind: 'mapped'; code: string; message: string }
  | { kind: 'reason' }
  | { kind: 'raw'; error: unknown };

/** The rows 1..n of `UNWIND range(1, $n)`, each once and in order. */
function rightRows(rows: Row[], n: number): boolean {
  return rows.length === n && rows.every((row, i) => row['x'] === i + 1);
}

describe.skipIf(!neo4jUri)('the Neo4j executor with reads aborted under load', () => {
  let driver: Driver;
  let executor: Executor;

  beforeAll(() => {
    driver = neo4j.driver(
      neo4jUri!,
      undefined,
      driverConfig({ requestTimeoutMs: DEADLINE_MS, maxConnectionPoolSize: POOL }),
    );
    executor = new Executor(driver, { database: undefined, uri: neo4jUri!, requestTimeoutMs: DEADLINE_MS });
  });

  afterAll(async () => {
    await driver?.close();
  });

  it("answers every read that is not aborted with its own rows or a mapped error, whatever the aborted reads around it do", { timeout: 90_000 }, async () => {
    const next = random(20_251_126);
    const abortReason = new Error('the client went away');
    const outcomes: { aborted: boolean; outcome: Outcome }[] = [];

    const one = async (): Promise<void> => {
      const n = MIN_ROWS + Math.floor(next() * (MAX_ROWS - MIN_ROWS));
      // Half the reads are aborted, after 0–80 ms: some while they wait for a connection or for
      // BEGIN, most while their rows stream.
      const aborted = next() < 0.5;
      const controller = new AbortController();
      if (aborted) setTimeout(() => controller.abort(abortReason), Math.floor(next() * 80));
      let outcome: Outcome;
      try {
        const rows = await executor.readRows('UNWIND range(1, $n) AS x RETURN x', { n }, { signal: controller.signal });
        outcome = { kind: 'rows', right: rightRows(rows, n) };
      } catch (error) {
        if (error === abortReason) outcome = { kind: 'reason' };
        else if (error instanceof DomainError) outcome = { kind: 'mapped', code: error.code, message: error.message };
        else outcome = { kind: 'raw', error };
      }
      outcomes.push({ aborted, outcome });
    };

    let started = 0;
    const worker = async (): Promise<void> => {
      while (started < READS) {
        started += 1;
        await one();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

    const kept = outcomes.filter((o) => !o.aborted).map((o) => o.outcome);
    const raw = outcomes.flatMap((o) => (o.outcome.kind === 'raw' ? [String(o.outcome.error)] : []));
    const summary = {
      aborted: outcomes.filter((o) => o.aborted).length,
      abortedWithReason: outcomes.filter((o) => o.aborted && o.outcome.kind === 'reason').length,
      kept: kept.length,
      keptRight: kept.filter((o) => o.kind === 'rows' && o.right).length,
      keptMapped: kept.filter((o) => o.kind === 'mapped').length,
      raw: raw.length,
    };
    const keptFailure = kept.find((o) => o.kind === 'mapped');
    console.log(
      '[aborts]',
      JSON.stringify(summary),
      raw.length > 0 ? `\n  first raw error: ${raw[0]}` : '',
      keptFailure ? `\n  first mapped error of a read not aborted: ${keptFailure.message}` : '',
    );

    // The aborts did happen, most of them before their read had finished: the test exercises what it claims to.
    expect(summary.abortedWithReason).toBeGreaterThan(summary.aborted / 2);
    // Never a raw driver error, for any read; never wrong rows.
    expect(raw).toEqual([]);
    expect(outcomes.filter((o) => o.outcome.kind === 'rows' && !o.outcome.right)).toEqual([]);
    // Every read not aborted: its rows, or the store's own error for an unavailable or slow server.
    for (const outcome of kept) {
      if (outcome.kind === 'mapped') expect([ErrorCode.STORE_UNAVAILABLE, ErrorCode.DEADLINE_EXCEEDED]).toContain(outcome.code);
      else expect(outcome.kind).toBe('rows');
    }
    // The server answers quickly throughout: reads given up on must not leave connections that make
    // the others wait for the pool or for BEGIN until their deadline. (A few may, on a loaded machine.)
    expect(summary.keptRight).toBeGreaterThanOrEqual(kept.length * 0.99);

    // The pool is left usable: as many reads at once as it holds all answer.
    const after = await Promise.all(
      Array.from({ length: POOL }, () => executor.readRows('UNWIND range(1, $n) AS x RETURN x', { n: 2_000 })),
    );
    expect(after.map((rows) => rightRows(rows, 2_000))).toEqual(after.map(() => true));
  });
});
