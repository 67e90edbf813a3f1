/**
 * Each GraphQL request's deadline: an AbortSignal that aborts when REQUEST_TIMEOUT_MS has passed
 * or when the client closes the connection before its answer is sent. The stores stop the work
 * the signal covers; the reason is a DomainError, so a client that is still there learns why.
 *
 * The signal (an AbortController and a timer) is made when first asked for, i.e. when a request
 * first reads the store: a request that never does (`{ __typename }`, one refused by validation
 * or a limit) costs no controller and no timer. Made late, it aborts at the same moment as one made
 * at the start would have: at once when the deadline has passed or the client has already gone.
 */
import type { ServerResponse } from 'node:http';
import { deadlineExceeded } from '../domain/index.js';

export interface RequestDeadline {
  readonly signal: AbortSignal;
  /** When the signal aborts for the timeout, in epoch ms (stores fit their own timeouts to it). */
  readonly deadline: number;
}

export function requestDeadline(timeoutMs: number, res: ServerResponse): RequestDeadline {
  const deadline = Date.now() + timeoutMs;
  let controller: AbortController | null = null;
  let timer: NodeJS.Timeout | null = null;
  let clientGone = false;
  const timedOut = () =>
    deadlineExceeded(`The request took longer than its deadline of ${timeoutMs} ms (REQUEST_TIMEOUT_MS); its work was cancelled.`, {
      timeoutMs,
      setting: 'REQUEST_TIMEOUT_MS',
    });
  const closedEarly = () => deadlineExceeded('The client closed the connection; the request was cancelled.');
  res.once('close', () => {
    if (timer) clearTimeout(timer);
    if (!res.writableFinished) {
      clientGone = true;
      controller?.abort(closedEarly());
    }
  });
  return {
    deadline,
    get signal() {
      if (controller) return controller.signal;
      const made = new AbortController();
      controller = made;
      const left = deadline - Date.now();
      if (clientGone) made.abort(closedEarly());
      else if (left <= 0) made.abort(timedOut());
      else {
        timer = setTimeout(() => made.abort(timedOut()), left);
        timer.unref();
      }
      return made.signal;
    },
  };
}
