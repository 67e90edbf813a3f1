/**
 * Start-up: waits until the server answers, retrying with backoff, or gives up with the domain's
 * STORE_UNAVAILABLE naming the URI and the last cause.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';
import { storeUnavailable } from '../../domain/index.js';

export interface WaitOptions {
  readonly uri: string;
  readonly database: string | undefined;
  readonly timeoutMs: number;
  readonly log: (msg: string) => void;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

/** Errors no retry can cure: wrong credentials or permissions, a database that does not exist. */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code.startsWith('Neo.ClientError.Security.') ||
      error.code === 'Neo.ClientError.Database.DatabaseNotFound')
  );
}

function causeOf(error: unknown): string {
  if (error instanceof Neo4jError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

export async function waitUntilReachable(driver: Driver, options: WaitOptions): Promise<void> {
  const { uri, database, timeoutMs, log } = options;
  const deadline = Date.now() + timeoutMs;
  let delay = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.verifyConnectivity(database === undefined ? {} : { database });
      if (attempt > 1) log(`Neo4j at ${uri} answered after ${attempt} attempts`);
      return;
    } catch (error) {
      const cause = causeOf(error);
      if (isPermanent(error)) {
        throw storeUnavailable(`Neo4j at ${uri} refused the connection: ${cause}`, { uri });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw storeUnavailable(
          `Neo4j at ${uri} did not answer within ${timeoutMs} ms (${attempt} attempts); last error: ${cause}`,
          { uri },
        );
      }
      const wait = Math.min(delay, left);
      log(`Neo4j at ${uri} not reachable yet (attempt ${attempt}): ${cause}; retrying in ${wait} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
