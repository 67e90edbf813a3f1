/**
 * Each GraphQL request's deadline: an AbortSignal that aborts when REQUEST_TIMEOUT_MS has passed
 * or when the client closes the connection before its answer is sent. The stores stop the work
 * the signal covers; the reason is a DomainError, so a client that is still there learns why.
 *
 * The signal (an AbortController and a timer) is made when first asked for, i.e. when a request
 * first reads the store: a request that never does (`{ __typename }`, one refused by validation
 * or a limit) costs no controller and no timer, and nor does one whose store reads all answer at
 * once (they ask `throwIfCancelled`). Made late, it aborts at the same moment as one made at the
 * start would have: at once when the deadline has passed or the client has already gone.
 */
import type { ServerResponse } from 'node:http';
import { deadlineExceeded } from '../domain/index.js';
import type { RequestBounds } from '../graphql/context.js';

/** A request's bounds, whose deadline is always set. */
export interface RequestDeadline extends RequestBounds {
  /** When the signal aborts for the timeout, in epoch ms (stores fit their own timeouts to it). */
  readonly deadline: number;
}

/** The deadline is `timeoutMs` after `from` (epoch ms; now when absent). */
export function requestDeadline(timeoutMs: number, res: ServerResponse, from = Date.now()): RequestDeadline {
  return new LazyDeadline(timeoutMs, res, from);
}

/**
 * A class, not an object literal with a `signal` getter: V8 keeps a getter made per object
 * literal (and all its closure holds: here the response, the request and their headers) alive
 * through young-generation collections until a full one, so under load every request's objects
 * were promoted to the old generation (~1.5 MB per scavenge; scavenges 3-5 ms instead of ~1). A
 * getter of the prototype is made once.
 */
class LazyDeadline implements RequestDeadline {
  readonly deadline: number;
  #controller: AbortController | null = null;
  #timer: NodeJS.Timeout | null = null;
  #clientGone = false;

  constructor(
    private readonly timeoutMs: number,
    res: ServerResponse,
    from: number,
  ) {
    this.deadline = from + timeoutMs;
    res.once('close', () => {
      if (this.#timer) clearTimeout(this.#timer);
      if (!res.writableFinished) {
        this.#clientGone = true;
        this.#controller?.abort(closedEarly());
      }
    });
  }

  get signal(): AbortSignal {
    if (this.#controller) return this.#controller.signal;
    const made = new AbortController();
    this.#controller = made;
    const left = this.deadline - Date.now();
    if (this.#clientGone) made.abort(closedEarly());
    else if (left <= 0) made.abort(this.timedOut());
    else {
      this.#timer = setTimeout(() => made.abort(this.timedOut()), left);
      this.#timer.unref();
    }
    return made.signal;
  }

  clientGone(): boolean {
    return this.#clientGone;
  }

  /** What the signal would have aborted with by now, thrown, without making it. */
  throwIfCancelled(): void {
    if (this.#controller) this.#controller.signal.throwIfAborted();
    else if (this.#clientGone) throw closedEarly();
    else if (Date.now() >= this.deadline) throw this.timedOut();
  }

  private timedOut() {
    return deadlineExceeded(
      `The request took longer than its deadline of ${this.timeoutMs} ms (REQUEST_TIMEOUT_MS); its work was cancelled.`,
      { timeoutMs: this.timeoutMs, setting: 'REQUEST_TIMEOUT_MS' },
    );
  }
}

const closedEarly = () => deadlineExceeded('The client closed the connection; the request was cancelled.');
