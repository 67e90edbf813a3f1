import { refuseIfCancelled, type ReadOptions } from './graph-store.js';

/** The longest slice of work shared with the rest of the server (`Pacer.sharing`). */
const SHARED_SLICE_MS = 50;

/**
 * Keeps long loops polite (the embedded store's walks, a service's work over many records): they
 * ask `due()` on each step (a counter, and a clock read every 1,024 steps; a costlier step counts
 * as several) and, when it says so, `await pause()`, which lets the event loop run other requests
 * (and /healthz). Every 1,024 steps and at every pause the loop stops with the request's reason
 * once its deadline has passed or its client has gone (`refuseIfCancelled`: the request's signal
 * is not made for that; a walk over a few hundred entries never needs it).
 */
export class Pacer {
  private steps = 0;
  private sliceStarted = performance.now();
  /** How long the current slice may be. */
  private slice: number;

  constructor(
    /** The request's reads' options: what says it is cancelled. */
    private readonly reads: ReadOptions | undefined,
    /** How long a loop may hold the event loop at a time. */
    private readonly sliceMs = 10,
    /** The share of a pause's length the next slice may take (`sharing`); 0: always `sliceMs`. */
    private readonly shareOfPause = 0,
  ) {
    refuseIfCancelled(reads);
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

  /**
   * Whether to pause now, after `steps` more steps of about the same small work (a loop's turn);
   * throws the request's reason instead once it is cancelled.
   */
  due(steps = 1): boolean {
    if ((this.steps += steps) < 1024) return false;
    this.steps = 0;
    refuseIfCancelled(this.reads);
    return performance.now() - this.sliceStarted > this.slice;
  }

  /** `work`, or the signal's reason as soon as the deadline passes or the client goes. */
  async wait<T>(work: Promise<T>): Promise<T> {
    // Racing the work needs the signal itself: made here, for a request that waits.
    const signal = this.reads?.signal;
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
    refuseIfCancelled(this.reads);
    const paused = performance.now();
    await new Promise<void>((resolve) => setImmediate(resolve));
    refuseIfCancelled(this.reads);
    this.sliceStarted = performance.now();
    const shared = (this.sliceStarted - paused) * this.shareOfPause;
    this.slice = Math.min(Math.max(this.sliceMs, shared), SHARED_SLICE_MS);
  }
}
