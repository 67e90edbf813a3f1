/**
 * Runs every query of the Neo4j store. Reads go through session.executeRead and writes through
 * session.executeWrite, managed transactions that the driver retries on transient errors; each
 * session targets the configured database. Rows come back with Integers already converted
 * (mapping.rowFromRecord). Driver errors are mapped here and nowhere else: losing the server
 * (ServiceUnavailable, SessionExpired) becomes the domain's STORE_UNAVAILABLE; anything else is
 * rethrown as it is.
 */
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { storeUnavailable } from '../../domain/index.js';
import type { ReadOptions } from '../graph-store.js';
import { rowFromRecord, type Row } from './mapping.js';

export type Params = Readonly<Record<string, unknown>>;

/** What a unit of work sees: run one query of its transaction and get its rows. */
export interface QueryRunner {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    /** For error messages: where the server was expected. */
    private readonly uri: string,
  ) {}

  /**
   * Runs `work` in one read transaction (retried as a whole on transient errors: keep it pure).
   * When `options.signal` aborts (the request's deadline, or its client gone) the promise
   * rejects at once with the signal's reason; the session is closed when the work ends.
   */
  read<T>(work: (tx: QueryRunner) => Promise<T>, options?: ReadOptions): Promise<T> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    const running = this.inSession(neo4j.session.READ, (session) =>
      session.executeRead((tx) => {
        signal?.throwIfAborted();
        return work(runnerFor(tx, signal));
      }),
    );
    return signal ? untilAborted(running, signal) : running;
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  write<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.inSession(neo4j.session.WRITE, (session) =>
      session.executeWrite((tx) => work(runnerFor(tx))),
    );
  }

  /** One read query in its own transaction. */
  readRows(cypher: string, params: Params = {}, options?: ReadOptions): Promise<Row[]> {
    return this.read((tx) => tx.run(cypher, params), options);
  }

  /** One write query in its own transaction (schema commands included). */
  writeRows(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.write((tx) => tx.run(cypher, params));
  }

  private async inSession<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    use: (session: Session) => Promise<T>,
  ): Promise<T> {
    try {
      const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
      try {
        return await use(session);
      } finally {
        await session.close();
      }
    } catch (error) {
      throw mapDriverError(error, this.uri);
    }
  }
}

function runnerFor(tx: ManagedTransaction, signal?: AbortSignal): QueryRunner {
  return {
    async run(cypher, params = {}) {
      // A unit of work of several queries stops between them once the deadline has passed.
      signal?.throwIfAborted();
      const result = await tx.run(cypher, params);
      return result.records.map(rowFromRecord);
    },
  };
}

/** `promise`, or the signal's reason as soon as it aborts (the promise's outcome is then ignored). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Whether the driver lost (or never reached) the server, as opposed to the query failing. */
export function isConnectionLoss(error: unknown): error is Neo4jError {
  return (
    error instanceof Neo4jError &&
    (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED)
  );
}

/** The one mapping of driver errors: connection loss → STORE_UNAVAILABLE, the rest unchanged. */
export function mapDriverError(error: unknown, uri: string): unknown {
  if (!isConnectionLoss(error)) return error;
  return storeUnavailable(`Neo4j at ${uri} is unavailable: ${error.message}`, {
    uri,
    cause: error.code,
  });
}
