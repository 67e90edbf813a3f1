/**
 * Cursor pages over lists kept in order. A cursor is the sort key of a page's last item, as
 * base64url JSON tagged with the list it belongs to: opaque to clients, and stable, since the next
 * page starts after that key whatever was loaded in between (no offsets). A cursor that does not
 * decode to a key of the right list is bad input.
 */
import { badInput } from '../../domain/index.js';
import type { Page, PageQuery } from '../graph-store.js';

/** One sort key element: text, a number, or null (e.g. undated). */
export type KeyPart = string | number | null;
export type SortKey = readonly KeyPart[];

export function encodeCursor(list: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/**
 * The key a cursor holds, checked against `shape` (one `typeof`, or 'string|null', per part);
 * throws BAD_USER_INPUT when it is not a cursor of `list`.
 */
export function decodeCursor(list: string, cursor: string, shape: readonly string[]): SortKey {
  const refuse = () => badInput(`"${cursor.slice(0, 60)}" is not a cursor of this list: pass the endCursor of a page before.`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== shape.length + 1) throw refuse();
  const key = parsed.slice(1) as KeyPart[];
  key.forEach((part, i) => {
    const allowed = shape[i]!.split('|');
    const type = part === null ? 'null' : typeof part;
    if (!allowed.includes(type) || (type === 'number' && !Number.isFinite(part))) throw refuse();
  });
  return key;
}

/**
 * A page of `items` (already filtered and in order, `keyOf` giving each one's sort key and
 * `compare` ordering keys): those after the cursor's key, `first` of them.
 */
export function pageOf<T>(
  list: string,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  shape: readonly string[],
  { first, after }: PageQuery,
): Page<T> {
  const start = after === null ? 0 : firstAfter(items, decodeCursor(list, after, shape), keyOf, compare);
  const pageItems = items.slice(start, start + first);
  const last = pageItems[pageItems.length - 1];
  return {
    items: pageItems,
    totalCount: items.length,
    endCursor: last === undefined ? null : encodeCursor(list, keyOf(last)),
    hasNextPage: start + first < items.length,
  };
}

/** The index of the first item whose key is after `key` (binary search over the ordered items). */
export function firstAfter<T>(items: readonly T[], key: SortKey, keyOf: (item: T) => SortKey, compare: (a: SortKey, b: SortKey) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(keyOf(items[mid]!), key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
