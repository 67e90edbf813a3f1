/**
 * Each GraphQL request's deadline: an AbortSignal that aborts when REQUEST_TIMEOUT_MS has passed
 * or when the client closes the connection before its answer is sent. The stores stop the work
 * the signal covers; the reason is a DomainError, so a client that is still there learns why.
 */
import type { ServerResponse } from 'node:http';
import { deadlineExceeded } from '../domain/index.js';

export interface RequestDeadline {
  readonly signal: AbortSignal;
  /** When the signal aborts for the timeout, in epoch ms (stores fit their own timeouts to it). */
  readonly deadline: number;
}

export function requestDeadline(timeoutMs: number, res: ServerResponse): RequestDeadline {
  const controller = new AbortController();
  const deadline = Date.now() + timeoutMs;
  const timer = setTimeout(
    () =>
      controller.abort(
        deadlineExceeded(`The request took longer than its deadline of ${timeoutMs} ms (REQUEST_TIMEOUT_MS); its work was cancelled.`, {
          timeoutMs,
          setting: 'REQUEST_TIMEOUT_MS',
        }),
      ),
    timeoutMs,
  );
  timer.unref();
  res.once('close', () => {
    clearTimeout(timer);
    if (!res.writableFinished) {
      controller.abort(deadlineExceeded('The client closed the connection; the request was cancelled.'));
    }
  });
  return { signal: controller.signal, deadline };
}
