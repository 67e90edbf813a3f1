/** The longest slice of work shared with the rest of the server (`Pacer.sharing`). */
const SHARED_SLICE_MS = 50;

/**
 * Keeps long loops of the embedded store polite: they ask `due()` on each step (a counter, and a
 * clock read every 1,024 steps; a costlier step counts as several) and, when it says so,
 * `await pause()`, which lets the event loop run other requests (and /healthz) and stops the loop
 * with the signal's reason once the request's deadline has passed or its client has gone.
 */
export class Pacer {
  private steps = 0;
  private sliceStarted = performance.now();
  /** How long the current slice may be. */
  private slice: number;

  constructor(
    private readonly signal: AbortSignal | undefined,
    /** How long a loop may hold the event loop at a time. */
    private readonly sliceMs = 10,
    /** The share of a pause's length the next slice may take (`sharing`); 0: always `sliceMs`. */
    private readonly shareOfPause = 0,
  ) {
    signal?.throwIfAborted();
    this.slice = sliceMs;
  }

  /**
   * For work that many requests wait for (a snapshot's fact indexes): after a pause in which the
   * rest of the server held the event loop, the next slice is half as long as that pause, up to
   * SHARED_SLICE_MS. With 10 ms slices, a stream of writes of ~150 ms each at 1M relations left
   * such a build 10 ms in every 160, and its first question unanswered for over a minute.
   */
  static sharing(): Pacer {
    return new Pacer(undefined, 10, 0.5);
  }

  /** Whether to pause now, after `steps` more steps of about the same small work (a loop's turn). */
  due(steps = 1): boolean {
    if ((this.steps += steps) < 1024) return false;
    this.steps = 0;
    return this.signal?.aborted === true || performance.now() - this.sliceStarted > this.slice;
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
    const paused = performance.now();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.sliceStarted = performance.now();
    const shared = (this.sliceStarted - paused) * this.shareOfPause;
    this.slice = Math.min(Math.max(this.sliceMs, shared), SHARED_SLICE_MS);
  }
}
