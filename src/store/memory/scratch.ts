/**
 * Scratch arrays for walks, lent and given back. A walk over a graph of 100k entities needs a few
 * arrays of 100k entries (hops from each end, positions, marks), and a k-shortest-paths search one
 * per relation; made per request, that was megabytes a second outside the JS heap under load, and
 * the garbage collector ran full collections for that external memory alone. An array given back
 * is filled with its initial value again, so every loan starts clean; a few are kept per length
 * (the graph's size changes with writes, and only the latest lengths are kept).
 */
class ScratchPool<T extends Int8Array | Uint8Array> {
  private readonly free = new Map<number, T[]>();

  constructor(
    private readonly make: (length: number) => T,
    private readonly initial: number,
  ) {}

  borrow(length: number): T {
    return this.free.get(length)?.pop() ?? this.make(length);
  }

  giveBack(...arrays: T[]): void {
    for (const array of arrays) array.fill(this.initial);
    this.keep(arrays);
  }

  /**
   * Takes back arrays their borrower has put back to the initial value itself, entry by entry (a
   * walk that reached a few hundred of 100k nodes unmarks those, not all). Under test every entry
   * is checked, so a walk that leaves a mark fails loudly instead of misleading the next one.
   */
  giveBackUnmarked(...arrays: T[]): void {
    if (CHECKED) {
      for (const array of arrays) {
        const at = array.findIndex((value) => value !== this.initial);
        if (at !== -1) throw new Error(`A scratch array came back with entry ${at} still marked (${array[at]}).`);
      }
    }
    this.keep(arrays);
  }

  private keep(arrays: T[]): void {
    for (const array of arrays) {
      let list = this.free.get(array.length);
      if (list === undefined) {
        // A new length: the graph changed size, and arrays of the old ones will not be asked again.
        if (this.free.size >= KEPT_LENGTHS) this.free.delete(this.free.keys().next().value!);
        this.free.set(array.length, (list = []));
      }
      if (list.length < KEPT_PER_LENGTH) list.push(array);
    }
  }
}

const KEPT_LENGTHS = 4;
/** Whether arrays given back unmarked are checked: under the test runner. */
const CHECKED = process.env.VITEST !== undefined;
/** Enough for the walks in flight at once on a busy server; beyond it, arrays go to the collector. */
const KEPT_PER_LENGTH = 16;

/**
 * Int8Arrays filled with -1 ("not reached"), for hop counts (a path search goes at most
 * MAX_MARKED_HOPS hops): a quarter of the bytes of 32-bit counts, so more of a walk's random reads
 * of them hit the cache.
 */
export const unreachedHops = new ScratchPool<Int8Array>((length) => new Int8Array(length).fill(-1), -1);
/** The most hops an Int8Array of `unreachedHops` counts. */
export const MAX_MARKED_HOPS = 127;
/** Uint8Arrays filled with 0 ("not marked"). */
export const unmarkedBytes = new ScratchPool<Uint8Array>((length) => new Uint8Array(length), 0);
