/**
 * Page cursors of the Neo4j store: the sort key of a page's last item, so the next page starts
 * strictly after it (keyset paging: stable while records are added or removed elsewhere, and each
 * page costs an index range, not a skip over the ones before). Opaque to clients: base64url of
 * JSON `[list, ...key]`, the list named so that a cursor of one list is refused by another.
 */
import { badInput } from '../../domain/index.js';

export type CursorList = 'entities' | 'statements' | 'events' | 'timeline' | 'changes';
export type CursorKey = readonly (string | number)[];

export function encodeCursor(list: CursorList, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/**
 * The key in a cursor this store made for `list`, whose parts have the types `shape` names ('s'
 * string, 'n' integer); null for no cursor. Anything else is a BAD_USER_INPUT DomainError.
 */
export function decodeCursor(list: CursorList, cursor: string | null, shape: readonly ('s' | 'n')[]): (string | number)[] | null {
  if (cursor === null) return null;
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  const ok =
    Array.isArray(parsed) &&
    parsed.length === shape.length + 1 &&
    parsed[0] === list &&
    shape.every((type, i) => (type === 's' ? typeof parsed[i + 1] === 'string' : Number.isSafeInteger(parsed[i + 1])));
  if (!ok) throw badInput(`"after" is not a cursor of this list: ${JSON.stringify(cursor.slice(0, 100))}. Pass the endCursor of the page before.`);
  return (parsed as (string | number)[]).slice(1);
}
