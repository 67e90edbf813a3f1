/**
 * Searches of ascending lists, shared by the walks (rows in order of the other end) and the search
 * index (posting lists), ordered inserts, and a sort that can pause.
 */
import type { Pacer } from '../pacer.js';

/** The first place in start .. end - 1 of the ascending `values` holding `value` or more (end: none). */
export function firstAtOrAfter(values: Int32Array, start: number, end: number, value: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `firstAtOrAfter` from `from`, found by steps doubling from there and then a binary search: as
 * cheap as the distance to it is short (each cursor of a merge only moves forward).
 */
export function gallop(values: Int32Array, from: number, end: number, value: number): number {
  if (from >= end || values[from]! >= value) return from;
  let low = from;
  let step = 1;
  while (low + step < end && values[low + step]! < value) {
    low += step;
    step *= 2;
  }
  // values[low] < value, and the place is at most low + step (or end).
  return firstAtOrAfter(values, low + 1, Math.min(low + step, end), value);
}

/** Puts `item` into `list`, kept in `compare`'s order, before any equal to it. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  list.splice(placeFor(list, item, compare), 0, item);
}

/** The first place in `list` (in `compare`'s order) whose item does not come before `item`. */
export function placeFor<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many items the engine sorts at a time in `sortSteps` (a few milliseconds of work). */
const SORTED_RUN = 16_384;

/**
 * Sorts `items` in place by `compare`, stably as Array.prototype.sort does, as steps a caller can
 * pause between (`runSteps`, `runStepsPaced`): runs of SORTED_RUN items sorted by the engine, then
 * merged pairwise. Each yield says about how many comparisons' work was done since the last.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<number, void> {
  const n = items.length;
  for (let start = 0; start < n; start += SORTED_RUN) {
    const end = Math.min(start + SORTED_RUN, n);
    const run = items.slice(start, end).sort(compare);
    for (let k = start; k < end; k++) items[k] = run[k - start]!;
    yield SORTED_RUN * 8;
  }
  let from = items;
  let to = new Array<T>(n);
  for (let width = SORTED_RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) {
        // The left run's item first when equal: stable.
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        if ((k & 63) === 0) yield 64;
      }
      while (i < middle) to[k++] = from[i++]!;
      while (j < high) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let k = 0; k < n; k++) items[k] = from[k]!;
}

/** Runs steps to the end at once. */
export function runSteps<T>(steps: Generator<number, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs steps to the end, letting other requests run when the pacer says so. */
export async function runStepsPaced<T>(steps: Generator<number, T>, pacer: Pacer): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (pacer.due(step.value)) await pacer.pause();
  }
}
