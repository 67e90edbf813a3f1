/**
 * Searches of ascending lists, shared by the walks (rows in order of the other end) and the search
 * index (posting lists), and ordered inserts.
 */

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
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, item);
}
