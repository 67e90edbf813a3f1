/**
 * Runs every query of the Neo4j store. Reads go through session.executeRead and writes through
 * session.executeWrite, managed transactions that the driver retries on transient errors; each
 * session targets the configured database. Rows come back with Integers already converted
 * (mapping.rowFromRecord).
 *
 * Deadlines. Every read has one: the caller's `deadline` (ReadOptions) or `requestTimeoutMs` from
 * the start of the call, whichever comes first. The executor
 * - gives the transaction a server-side timeout a little shorter than the time left
 *   (serverTimeoutMs), so a runaway query is killed by Neo4j itself;
 * - races the work against the deadline and the caller's AbortSignal, so a stalled server never
 *   holds a caller past its deadline: on either, it rejects at once and abandons the unit of work
 *   in the background. The query awaited stops being awaited and no further query is sent, so the
 *   unit of work fails and the driver rolls the transaction back as it does for any failed unit (it
 *   DISCARDs the rest of a streaming result, then sends ROLLBACK); a query still computing runs on
 *   until it ends or the server-side timeout ends it. The session closes only once the driver has
 *   settled the transaction. Closing it earlier would RESET and return to the pool a connection the
 *   transaction still uses: the driver would then PULL on it for the abandoned result after the
 *   RESET, and the server's failure for that PULL ("PullMessage cannot be handled by a session in
 *   the READY state") would reach whichever read took the connection next;
 * - rejects before touching the driver when the signal is already aborted.
 * Writes (loads, migrations) have no deadline of their own unless asked: a load may take long.
 *
 * Errors are mapped here and nowhere else (mapDriverError, and `interrupted` for aborts):
 * - Neo4j's transaction timeout → DEADLINE_EXCEEDED ("the query took too long");
 * - the server lost or never reached (ServiceUnavailable, SessionExpired, a protocol error), no
 *   connection from the pool in time (pool exhausted, or a server that accepts but never answers),
 *   transient errors still failing after the driver's retries, a database that is missing,
 *   stopping or refuses our credentials → STORE_UNAVAILABLE;
 * - a deadline or abort while the server had not yet begun the transaction (no connection, or no
 *   answer to BEGIN) → STORE_UNAVAILABLE: the server is not answering, whatever the reason given;
 * - a deadline while the query ran → DEADLINE_EXCEEDED; an abort while it ran → the signal's reason;
 * - anything else (a Cypher mistake of ours, a mapping error) is rethrown as it is: a bug, which
 *   the GraphQL layer logs and masks as INTERNAL_SERVER_ERROR.
 */
import neo4j, { Neo4jError, type Config, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { deadlineExceeded, storeUnavailable } from '../../domain/index.js';
import type { ReadOptions } from '../graph-store.js';
import { rowFromRecord, type Row } from './mapping.js';

export type Params = Readonly<Record<string, unknown>>;

/** What a unit of work sees: run one query of its transaction and get its rows. */
export interface QueryRunner {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** ReadOptions, plus a budget of its own for the few internal calls that need another one. */
export interface RunOptions extends ReadOptions {
  /** This call's budget instead of the executor's requestTimeoutMs (e.g. waiting for indexes). */
  readonly timeoutMs?: number;
  /** The server-side transaction timeout instead of the one derived from the deadline (tests). */
  readonly serverTimeoutMs?: number;
}

export interface ExecutorOptions {
  /** The server's default database when undefined. */
  readonly database: string | undefined;
  /** For error messages: where the server was expected. */
  readonly uri: string;
  /** A read's budget when its caller gives no earlier deadline. */
  readonly requestTimeoutMs: number;
}

/** The default budget of a read (REQUEST_TIMEOUT_MS). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Neo4j checks transaction timeouts every `db.transaction.monitor.check.interval` (2 s by
 * default; measured on 5.26: a 300 ms timeout ended the query after 1.9 s), so a transaction may
 * outlive its timeout by up to that interval. The server timeout leaves this slack (the interval and
 * half a second for the error to reach us) before the deadline, or half the time left when less is
 * left, so that a responsive server ends a runaway query itself, with its own error, before the
 * executor gives up on it.
 */
export const SERVER_TIMEOUT_SLACK_MS = 2_500;

/** The server-side transaction timeout for `leftMs` before the deadline; at least 1 ms (0 is "none"). */
export function serverTimeoutMs(leftMs: number): number {
  return Math.max(1, Math.floor(leftMs - Math.min(SERVER_TIMEOUT_SLACK_MS, leftMs / 2)));
}

/**
 * An abort that comes after this long without the server beginning the transaction counts as the
 * server not answering (STORE_UNAVAILABLE) rather than as the caller's decision: a server that
 * answers begins a transaction in milliseconds. The same bound is used for an early abort of a
 * short budget (half of it).
 */
const UNRESPONSIVE_AFTER_MS = 1_000;

/**
 * Driver settings that fit a request deadline of `requestTimeoutMs` (see the README's table):
 * - connectionAcquisitionTimeout: half the deadline, so a caller that waits for the pool still has
 *   time to run its query, and waiters the executor gave up on leave the pool's queue soon;
 * - connectionTimeout (TCP connect): half the deadline, 1–5 s;
 * - maxTransactionRetryTime: half the deadline: retries of transient errors end inside it;
 * - maxConnectionPoolSize: 50 by default (the driver's is 100). A Node process needs a connection
 *   per transaction in flight; 50 covers a busy single server, and caps what a stalled Neo4j can
 *   hold (connections stuck until it answers or goes) at a number the server can take back.
 */
export function driverConfig(options: {
  requestTimeoutMs: number;
  maxConnectionPoolSize?: number;
}): Config {
  const half = Math.max(100, Math.floor(options.requestTimeoutMs / 2));
  return {
    userAgent: 'kg-server',
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? DEFAULT_MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: half,
    connectionTimeout: Math.min(5_000, Math.max(1_000, half)),
    maxTransactionRetryTime: half,
  };
}

export const DEFAULT_MAX_CONNECTION_POOL_SIZE = 50;

type Mode = typeof neo4j.session.READ | typeof neo4j.session.WRITE;

/**
 * How far one call got: `begun` once the server answered BEGIN (the unit of work is running);
 * `stopped` once the caller was answered or given up on, and `abandoned` rejecting from then on.
 */
interface Progress {
  begun: boolean;
  stopped: boolean;
  /** Rejects when the call is given up on, so that the query the unit of work awaits stops it. */
  readonly abandoned: Promise<never>;
  abandon(): void;
}

function newProgress(): Progress {
  let abandon: () => void = () => {};
  const abandoned = new Promise<never>((_, reject) => {
    abandon = () => reject(new Error('The query was abandoned: its caller gave up on it.'));
  });
  abandoned.catch(() => {}); // awaited only by a unit of work still running
  return { begun: false, stopped: false, abandoned, abandon };
}

export class Executor {
  private readonly database: string | undefined;
  private readonly uri: string;
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly driver: Driver,
    options: ExecutorOptions,
  ) {
    this.database = options.database;
    this.uri = options.uri;
    this.requestTimeoutMs = options.requestTimeoutMs;
  }

  /** Runs `work` in one read transaction (retried as a whole on transient errors: keep it pure). */
  read<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions = {}): Promise<T> {
    return this.transact(neo4j.session.READ, work, options);
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. No deadline unless given. */
  write<T>(work: (tx: QueryRunner) => Promise<T>, options: RunOptions | null = null): Promise<T> {
    return this.transact(neo4j.session.WRITE, work, options);
  }

  /** One read query in its own transaction. */
  readRows(cypher: string, params: Params = {}, options: RunOptions = {}): Promise<Row[]> {
    return this.read((tx) => tx.run(cypher, params), options);
  }

  /** One write query in its own transaction (schema commands included). */
  writeRows(cypher: string, params: Params = {}, options: RunOptions | null = null): Promise<Row[]> {
    return this.write((tx) => tx.run(cypher, params), options);
  }

  /** `options` null: no deadline (writes by default); otherwise the read rules in the header. */
  private transact<T>(mode: Mode, work: (tx: QueryRunner) => Promise<T>, options: RunOptions | null): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const started = Date.now();
    const budget = options?.timeoutMs ?? this.requestTimeoutMs;
    const deadline = options === null ? null : Math.min(started + budget, options.deadline ?? Infinity);
    if (deadline !== null && deadline <= started) {
      return Promise.reject(deadlineExceeded('The request ran out of time before its query could start.'));
    }

    const progress = newProgress();
    let session: Session;
    try {
      session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    } catch (error) {
      return Promise.reject(mapDriverError(error, this.uri));
    }
    const config =
      deadline === null ? undefined : { timeout: options?.serverTimeoutMs ?? serverTimeoutMs(deadline - started) };
    const unit = (tx: ManagedTransaction) => {
      progress.begun = true; // executeRead calls us only once the server has answered BEGIN
      return work(runnerFor(tx, progress));
    };
    const running = (async () => {
      try {
        return await (mode === neo4j.session.READ
          ? session.executeRead(unit, config)
          : session.executeWrite(unit, config));
      } finally {
        // Only now: the driver has committed or rolled back, and the connection is idle again.
        await session.close();
      }
    })();
    if (deadline === null && signal === undefined) {
      return running.catch((error: unknown) => Promise.reject(mapDriverError(error, this.uri)));
    }

    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (): boolean => {
        if (progress.stopped) return false;
        progress.stopped = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      /** Gives up on the work: it stops in the background (see the header), never awaited. */
      const giveUp = (error: unknown): void => {
        if (!settle()) return;
        progress.abandon();
        reject(error);
      };
      const onAbort = (): void => {
        giveUp(this.interrupted(progress, started, Math.min(UNRESPONSIVE_AFTER_MS, budget / 2), signal!.reason));
      };
      if (deadline !== null) {
        timer = setTimeout(() => giveUp(this.interrupted(progress, started, 0, null)), deadline - started);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      running.then(
        (value) => {
          if (settle()) resolve(value);
        },
        (error: unknown) => {
          if (settle()) reject(mapDriverError(error, this.uri));
        },
      );
    });
  }

  /**
   * The error for a call given up on: by the deadline (`reason` null) or by the caller's signal.
   * While the server has not begun the transaction for `unresponsiveAfterMs`, it is not answering.
   */
  private interrupted(progress: Progress, started: number, unresponsiveAfterMs: number, reason: unknown): unknown {
    const waited = Date.now() - started;
    if (!progress.begun && waited >= unresponsiveAfterMs) {
      return storeUnavailable(`Neo4j at ${this.uri} did not answer within ${waited} ms.`, {
        uri: this.uri,
        cause: 'no answer before the deadline',
      });
    }
    if (reason !== null) return reason;
    return deadlineExceeded(`The query took too long: the graph database did not finish it within ${waited} ms.`);
  }
}

function runnerFor(tx: ManagedTransaction, progress: Progress): QueryRunner {
  return {
    async run(cypher, params = {}) {
      // Given up on (the driver may still call the work after a stalled BEGIN): ask nothing more.
      if (progress.stopped) return progress.abandoned;
      try {
        // Given up on while it runs: the unit of work fails at once, and the driver's rollback
        // discards the rest of the result on the transaction's own connection.
        const result = await Promise.race([tx.run(cypher, params), progress.abandoned]);
        return result.records.map(rowFromRecord);
      } catch (error) {
        // The driver retries on a new connection: until that one answers BEGIN, nothing has begun.
        if (isConnectionLoss(error)) progress.begun = false;
        throw error;
      }
    },
  };
}

/** Codes of a transaction Neo4j ended because it ran past its timeout (5.x: the second one for ours). */
export const TRANSACTION_TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Server codes after which the database cannot serve us now (besides transient errors). */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Transaction.Terminated', // terminated by an operator or a shutdown
  'Neo.TransientError.Transaction.Terminated',
]);

/** Whether the driver lost (or never reached) the server, as opposed to the query failing. */
export function isConnectionLoss(error: unknown): error is Neo4jError {
  return (
    error instanceof Neo4jError &&
    (error.code === neo4j.error.SERVICE_UNAVAILABLE ||
      error.code === neo4j.error.SESSION_EXPIRED ||
      error.code === neo4j.error.PROTOCOL_ERROR)
  );
}

/** The pool had no connection for us in time: exhausted, or a server that accepts but never answers. */
function isAcquisitionTimeout(error: Neo4jError): boolean {
  return error.message.startsWith('Connection acquisition timed out');
}

function isUnavailable(error: Neo4jError): boolean {
  const { code } = error;
  return (
    isConnectionLoss(error) ||
    isAcquisitionTimeout(error) ||
    code.startsWith('Neo.TransientError.') || // still failing after the driver's retries
    code.startsWith('Neo.ClientError.Security.') ||
    UNAVAILABLE_CODES.has(code)
  );
}

/** The one mapping of driver errors (see the header); anything not listed is returned unchanged. */
export function mapDriverError(error: unknown, uri: string): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (TRANSACTION_TIMEOUT_CODES.has(error.code)) {
    return deadlineExceeded('The query took too long: the graph database stopped it at its time limit.');
  }
  if (isUnavailable(error)) {
    return storeUnavailable(`Neo4j at ${uri} is unavailable: ${error.message}`, {
      uri,
      cause: error.code,
    });
  }
  return error;
}
