/**
 * Keeps long loops of the embedded store polite: they ask `due()` on each step (a counter, and a
 * clock read every 1,024 steps) and, when it says so, `await pause()`, which lets the event loop
 * run other requests (and /healthz) and stops the loop with the signal's reason once the request's
 * deadline has passed or its client has gone.
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

  due(): boolean {
    if ((++this.steps & 1023) !== 0) return false;
    return this.signal?.aborted === true || performance.now() - this.sliceStarted > this.sliceMs;
  }

  async pause(): Promise<void> {
    this.signal?.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.sliceStarted = performance.now();
  }
}
