/**
 * Keeps long loops of the embedded store polite: they ask `due()` on each step (a counter, and a
 * clock read every 1,024 steps; a costlier step counts as several) and, when it says so,
 * `await pause()`, which lets the event loop run other requests (and /healthz) and stops the loop
 * with the signal's reason once the request's deadline has passed or its client has gone.
 */
export class Pacer {
  private steps = 0;
  private sliceStarted = performance.now();

  constructor(
    private readonly signal: AbortSignal | undefined,
    /** How long a loop may hold the event loop at a time. */
    private readonly sliceMs = 10,
  ) {
    signal?.throwIfAborted();
  }

  /** Whether to pause now, after `steps` more steps of about the same small work (a loop's turn). */
  due(steps = 1): boolean {
    if ((this.steps += steps) < 1024) return false;
    this.steps = 0;
    return this.signal?.aborted === true || performance.now() - this.sliceStarted > this.sliceMs;
  }

  /** `work`, or the signal's reason as soon as the deadline passes or the client goes. */
  async wait<T>(work: Promise<T>): Promise<T> {
    const signal = this.signal;
    if (signal === undefined) return work;
    signal.throwIfAborted();
    let stop = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = () => reject(signal.reason);
      signal.addEventListener('abort', stop, { once: true });
    });
    try {
      return await Promise.race([work, stopped]);
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  async pause(): Promise<void> {
    this.signal?.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.sliceStarted = performance.now();
  }
}
