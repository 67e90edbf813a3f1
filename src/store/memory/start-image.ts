/**
 * The start image: the adjacency's integer columns (adjacency.ts) and the entity search index's
 * lists (search-index.ts) as the data file keeps them between runs, so that a start reads a few
 * blobs instead of every relation's type, ends and walk columns, and builds neither the rows nor the
 * search index again. At a million relations that is most of a start.
 *
 * The image describes the graph of one generation of the file (data-file.ts: triggers count every
 * change to an entity or relation row, whoever makes it) and is used only while the file is at that
 * generation, so it is never older than the rows. A store writes it when it closes, if the file has
 * none for its generation; a start that finds none (after a crash, say) builds the columns from the
 * rows as before. An image is also checked before use (sizes, every number in range), and one that
 * does not fit is ignored the same way: it can make a start slower, never an answer wrong.
 */
import { endianness } from 'node:os';
import type { Adjacency } from './adjacency.js';
import { typeOfBit } from './relation-filter.js';
import type { LayeredSearchIndex } from './search-index.js';

/** The layout of the image; an image of another format is ignored (and replaced at the next close). */
const FORMAT = 1;

/** The adjacency's columns that an image keeps: all but the records and what is made from them. */
export type WalkColumns = Omit<Adjacency, 'entities' | 'numberOf' | 'relations' | 'kindBit'>;

const INT_COLUMNS = [
  'offsets',
  'other',
  'relation',
  'relFrom',
  'relTo',
  'typeBit',
  'statusBit',
  'earliest',
  'latest',
  'claimantOffsets',
  'claimants',
] as const;

/** What says which graph an image is of, and how its numbers are laid out. */
interface Header {
  readonly format: number;
  readonly endianness: string;
  readonly entities: number;
  readonly relations: number;
}

/** What a start reads of an image: the walk columns, and the search index's parts when it has them. */
export interface StartImage {
  readonly walkColumns: WalkColumns;
  /** Checked against the entities when the index is made of them (`LayeredSearchIndex.fromImage`). */
  readonly searchParts: ReadonlyMap<string, Buffer> | null;
}

/** Parts of the search index are named with this prefix. */
const SEARCH = 'search.';

/** The image of a snapshot's adjacency and, when it can keep it (see `imageParts`), its search index, as named parts. */
export function startImageOf(adjacency: Adjacency, search: LayeredSearchIndex): Map<string, Buffer> {
  const parts = walkColumnParts(adjacency);
  const searchParts = search.imageParts((entity) => adjacency.numberOf.get(entity.id)!);
  for (const [name, body] of searchParts ?? []) parts.set(SEARCH + name, body);
  return parts;
}

/**
 * What an image read back holds for a graph of `entityCount` entities, or null when its walk
 * columns are not of this format or do not fit together (the caller then builds them from the rows).
 */
export function startImageOfParts(parts: ReadonlyMap<string, Buffer>, entityCount: number): StartImage | null {
  const walkColumns = walkColumnsOfImage(parts, entityCount);
  if (walkColumns === null) return null;
  const searchParts = new Map([...parts].filter(([name]) => name.startsWith(SEARCH)).map(([name, body]) => [name.slice(SEARCH.length), body]));
  return { walkColumns, searchParts: searchParts.size === 0 ? null : searchParts };
}

function walkColumnParts(adjacency: Adjacency): Map<string, Buffer> {
  const header: Header = { format: FORMAT, endianness: endianness(), entities: adjacency.entities.length, relations: adjacency.relFrom.length };
  const parts = new Map<string, Buffer>([
    ['header', Buffer.from(JSON.stringify(header))],
    // Codes in order: a claimant's code is its place in the list.
    ['claimantCodes', Buffer.from(JSON.stringify([...adjacency.claimantCodes.keys()]))],
    ['flags', bytesOf(adjacency.flags)],
  ]);
  for (const name of INT_COLUMNS) parts.set(name, bytesOf(adjacency[name]));
  return parts;
}

/**
 * The walk columns an image holds for a graph of `entityCount` entities, or null when it is not
 * of this format or does not fit together (the caller then builds them from the rows).
 */
function walkColumnsOfImage(parts: ReadonlyMap<string, Buffer>, entityCount: number): WalkColumns | null {
  const header = jsonOf(parts.get('header')) as Partial<Header> | null;
  if (header?.format !== FORMAT || header.endianness !== endianness() || header.entities !== entityCount) return null;
  const R = header.relations;
  const codeList = jsonOf(parts.get('claimantCodes'));
  if (typeof R !== 'number' || !Number.isInteger(R) || R < 0 || !Array.isArray(codeList)) return null;
  const ints: Partial<Record<(typeof INT_COLUMNS)[number], Int32Array>> = {};
  for (const name of INT_COLUMNS) {
    const column = int32sOf(parts.get(name));
    if (column === null) return null;
    ints[name] = column;
  }
  const flagBytes = parts.get('flags');
  if (flagBytes === undefined) return null;
  const columns: WalkColumns = {
    offsets: ints.offsets!,
    other: ints.other!,
    relation: ints.relation!,
    flags: new Uint8Array(flagBytes),
    relFrom: ints.relFrom!,
    relTo: ints.relTo!,
    typeBit: ints.typeBit!,
    statusBit: ints.statusBit!,
    earliest: ints.earliest!,
    latest: ints.latest!,
    claimantOffsets: ints.claimantOffsets!,
    claimants: ints.claimants!,
    claimantCodes: new Map(codeList.map((id, code) => [String(id), code])),
  };
  return fits(columns, entityCount, R, codeList.length) ? columns : null;
}

/** Whether every column has its length and every number points where a walk may go. */
function fits(c: WalkColumns, N: number, R: number, codes: number): boolean {
  const lengths: [ArrayLike<number>, number][] = [
    [c.offsets, N + 1],
    [c.other, 2 * R],
    [c.relation, 2 * R],
    [c.flags, 2 * R],
    [c.relFrom, R],
    [c.relTo, R],
    [c.typeBit, R],
    [c.statusBit, R],
    [c.earliest, R],
    [c.latest, R],
    [c.claimantOffsets, R + 1],
  ];
  if (lengths.some(([column, length]) => column.length !== length)) return false;
  if (c.offsets[0] !== 0 || c.offsets[N] !== 2 * R || c.claimantOffsets[0] !== 0 || c.claimantOffsets[R] !== c.claimants.length) return false;
  for (let n = 0; n < N; n++) if (c.offsets[n]! > c.offsets[n + 1]!) return false;
  for (let r = 0; r < R; r++) if (c.claimantOffsets[r]! > c.claimantOffsets[r + 1]!) return false;
  return (
    inRange(c.other, N) &&
    inRange(c.relFrom, N) &&
    inRange(c.relTo, N) &&
    inRange(c.relation, R) &&
    inRange(c.claimants, codes) &&
    c.typeBit.every((bit) => typeOfBit(bit) !== undefined)
  );
}

function inRange(values: Int32Array, end: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! < 0 || values[i]! >= end) return false;
  return true;
}

/** A column's bytes, as a blob of the image keeps them (no copy). */
export function bytesOf(column: Int32Array | Uint8Array): Buffer {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength);
}

/** A blob's 32-bit integers, in an array of their own (a Buffer may sit at any offset of a shared one); null when there is none or its length is not whole integers. */
export function int32sOf(bytes: Buffer | undefined): Int32Array | null {
  if (bytes === undefined || bytes.byteLength % 4 !== 0) return null;
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** A blob's JSON, or null when there is none or it does not parse. */
export function jsonOf(bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
