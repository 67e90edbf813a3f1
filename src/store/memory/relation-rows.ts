/**
 * How the data file keeps a relation, and how the store holds one read back from it.
 *
 * The row's JSON is the relation's file form (src/domain/dataset-validator.ts), which leaves out
 * the derived fields (status, claimedBy, date, sourceId) and the empty ones (null qualifiers of an
 * attribution, no time, no statements, no qualifiers), less its id, type and ends, which are
 * columns of the row: at 1M relations about 160 bytes a row instead of 450. A record whose file
 * form would not read back as its whole JSON would (its statement ids in another order than the
 * file form makes, say) is kept whole; rows of either form are read, and rows written before the
 * id, type and ends were left out of the JSON too.
 *
 * Beside the JSON, the row has columns for what the graph's walks and filters need of every
 * relation (adjacency.ts): type, ends, status, the days its time may cover and its claimants. A
 * start reads those and keeps each row's JSON unparsed (RelationRow): a relation's record is
 * parsed the first time something reads it, so a start at a million relations does not parse a
 * million records, most of which no question will read soon.
 */
import {
  CLAIM_STATUSES,
  claimantsOf,
  relationFactsFromFile,
  relationFromFile,
  relationToFile,
  timeBounds,
  type ClaimStatus,
  type Dataset,
  type RelationFacts,
  type RelationFile,
  type RelationRecord,
} from '../../domain/index.js';
import type { SharedParts } from './shared-parts.js';
import { DataFileError } from './data-file.js';

/** What a relation's row keeps in columns rather than in its JSON. */
export interface RowKey {
  readonly id: string;
  readonly type: RelationRecord['type'];
  readonly from: string;
  readonly to: string;
}

/** The JSON a relation's row keeps. */
export function relationRow(relation: RelationRecord): string {
  const file = relationToFile(relation, () => null);
  const kept = JSON.stringify(relationFromFile(file, null)) === JSON.stringify(relation) ? file : relation;
  const { id: _id, type: _type, from: _from, to: _to, ...rest } = kept;
  return JSON.stringify(rest);
}

/** The relation of a row's parsed JSON and its key columns, of either form (a whole record has its derived `status`). */
export function relationOfRow(parsed: object, key: RowKey): RelationRecord {
  // The key first, as a record has it; a row written with its id, type and ends in the JSON repeats them.
  if ('status' in parsed) return { id: key.id, type: key.type, from: key.from, to: key.to, ...parsed } as RelationRecord;
  // The file form makes a new record: the parsed object only lends it its fields.
  const file = parsed as { -readonly [K in keyof RelationFile]: RelationFile[K] };
  file.id = key.id;
  file.type = key.type;
  file.from = key.from;
  file.to = key.to;
  return relationFromFile(file, null);
}

/** What the fact indexes read of a row's parsed JSON (`relationOfRow`'s record's facts), the record not made. */
export function relationFactsOfRow(parsed: object, key: RowKey): RelationFacts {
  if ('status' in parsed) {
    const whole = parsed as RelationRecord;
    return { type: key.type, time: whole.time, attributions: whole.attributions, statementIds: whole.statementIds };
  }
  const file = parsed as { -readonly [K in keyof RelationFile]: RelationFile[K] };
  file.type = key.type;
  return relationFactsFromFile(file);
}

/** What the walks and filters read of a relation, as its row's columns keep it. */
export interface WalkFacts {
  readonly type: RelationRecord['type'];
  readonly from: string;
  readonly to: string;
  readonly status: ClaimStatus;
  /** The first and last day its time may cover, as YYYYMMDD numbers; 0 when undated. */
  readonly earliest: number;
  readonly latest: number;
  /** Its claimants (any stance), each once, in the order of its attributions. */
  readonly claimantIds: readonly string[];
}

/** An ISO day as a number that orders as the text does: 2025-01-06 → 20250106. */
export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

const NO_CLAIMANTS: readonly string[] = Object.freeze([]);

/** The walk facts of a record (a row read back has them in its columns: `walkFactsOf`). */
export function walkFactsOfRecord(relation: RelationRecord): WalkFacts {
  const bounds = relation.time === null ? null : timeBounds(relation.time);
  const claimantIds = claimantsOf(relation.attributions);
  return {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    status: relation.status,
    earliest: bounds === null ? 0 : dayNumber(bounds.earliest),
    latest: bounds === null ? 0 : dayNumber(bounds.latest),
    claimantIds: claimantIds.length === 0 ? NO_CLAIMANTS : claimantIds,
  };
}

/** The claimants column: ids joined by spaces (entity ids have none), null when there are none. */
export function claimantsColumn(claimantIds: readonly string[]): string | null {
  return claimantIds.length === 0 ? null : claimantIds.join(' ');
}

/** Each status by its text, so a row's column becomes the one string of its status. */
const STATUSES = new Map<string, ClaimStatus>(CLAIM_STATUSES.map((status) => [status, status]));

/**
 * The relation rows read at one start: the data file they came from, the parts their records share
 * (shared-parts.ts) and, until the first snapshot is built from them, their walk columns, one
 * entry per row in the order read. Column arrays, not an object per row, so that what only the
 * first build needs goes with one release.
 */
export class RowBatch {
  private columns: {
    readonly statuses: ClaimStatus[];
    readonly earliest: number[];
    readonly latest: number[];
    readonly claimants: (string | null)[];
  } | null = { statuses: [], earliest: [], latest: [], claimants: [] };

  constructor(
    readonly file: string,
    readonly shared: SharedParts,
  ) {}

  /** Adds a row of the relations table (RELATION_COLUMNS) and gives its relation. */
  add([id, type, from, to, status, earliest, latest, claimants, json]: RelationColumns): RelationRow {
    const c = this.columns!;
    const knownStatus = STATUSES.get(status);
    if (knownStatus === undefined) throw new DataFileError(`The data file ${this.file} is damaged: the relation ${id} has the status ${JSON.stringify(status)}.`);
    const at = c.statuses.length;
    c.statuses.push(knownStatus);
    c.earliest.push(earliest);
    c.latest.push(latest);
    c.claimants.push(claimants);
    // The texts each row repeats become shared strings, so only the rows' own text stays in memory.
    const { shared } = this;
    return new RelationRow({ id, type: shared.text(type) as RelationRecord['type'], from: shared.text(from), to: shared.text(to) }, json, at, this);
  }

  /** Blobs of records' JSON end to end, and where each row's JSON is in them (rows of `keyed`). */
  private readonly blobs: (Buffer | null)[] = [];
  private readonly rowBlob: number[] = [];
  private readonly rowStart: number[] = [];
  /** Per blob, how many of its rows are not parsed yet: a blob whose rows all are is let go. */
  private readonly unparsed: number[] = [];

  /**
   * Takes a blob of records' JSON end to end, of these byte lengths, and gives the number of the
   * first of its rows (the others follow) for `keyed`. Only once the walk columns were let go.
   */
  addRecords(blob: Buffer, byteLengths: readonly number[]): number {
    if (this.columns !== null) throw new Error('Records come in blobs only once the walk columns were let go.');
    const first = this.rowStart.length;
    let start = 0;
    for (const length of byteLengths) {
      this.rowBlob.push(this.blobs.length);
      this.rowStart.push(start);
      start += length;
    }
    if (start !== blob.length) throw new DataFileError(`The data file ${this.file} is damaged: its relations' records do not add up to the length read.`);
    this.blobs.push(blob);
    this.unparsed.push(byteLengths.length);
    return first;
  }

  /**
   * The relation of a row whose key came from elsewhere (the start image, start-image.ts) and whose
   * JSON is row `at` of the blobs; with no walk columns: asked for its walk facts, it parses its record.
   */
  keyed(key: RowKey, at: number): RelationRow {
    return new RelationRow(key, null, at, this);
  }

  /** The JSON of row `at` of the blobs (not parsed yet: its blob is held). */
  jsonAt(at: number): string {
    const blob = this.blobs[this.rowBlob[at]!]!;
    const start = this.rowStart[at]!;
    const end = at + 1 < this.rowStart.length && this.rowBlob[at + 1] === this.rowBlob[at] ? this.rowStart[at + 1]! : blob.length;
    return blob.toString('utf8', start, end);
  }

  /** Row `at` of the blobs was parsed; its blob goes once all of its rows were. */
  parsedAt(at: number): void {
    const b = this.rowBlob[at]!;
    if (--this.unparsed[b]! === 0) this.blobs[b] = null;
  }

  /** Bytes of JSON still held in blobs (rows not parsed yet keep their page's). */
  get heldBytes(): number {
    return this.blobs.reduce((bytes, blob) => bytes + (blob?.length ?? 0), 0);
  }

  /** The walk facts of row `at` (its key given), or null once the columns were let go. */
  walkFactsAt(at: number, key: RowKey): WalkFacts | null {
    const c = this.columns;
    if (c === null) return null;
    const claimants = c.claimants[at]!;
    return {
      type: key.type,
      from: key.from,
      to: key.to,
      status: c.statuses[at]!,
      earliest: c.earliest[at]!,
      latest: c.latest[at]!,
      claimantIds: claimants === null ? NO_CLAIMANTS : claimants.split(' '),
    };
  }

  /** Lets the walk columns go: the snapshot built from the rows holds them as its own columns. */
  release(): void {
    this.columns = null;
  }
}

/**
 * A relation read back from the data file: its key columns, and its row's JSON, parsed into the
 * record (its repeated parts shared) the first time `record()` is asked; the record is kept from
 * then on and the JSON let go.
 */
export class RelationRow implements RowKey {
  readonly id: string;
  readonly type: RelationRecord['type'];
  readonly from: string;
  readonly to: string;
  /** The record once parsed; before, its JSON, or null when the JSON is in the batch's blobs. */
  private value: string | RelationRecord | null;

  constructor(
    key: RowKey,
    json: string | null,
    private readonly at: number,
    private readonly batch: RowBatch,
  ) {
    this.id = key.id;
    this.type = key.type;
    this.from = key.from;
    this.to = key.to;
    this.value = json;
  }

  record(): RelationRecord {
    if (this.value !== null && typeof this.value !== 'string') return this.value;
    const parsed = this.parsedJson(this.value);
    const inBlob = this.value === null;
    this.value = this.batch.shared.relation(relationOfRow(parsed, this));
    if (inBlob) this.batch.parsedAt(this.at);
    return this.value;
  }

  /**
   * What the fact indexes read of it, its record neither made nor kept: the row stays as it was.
   * For a pass over every relation that must not leave a million records behind it.
   */
  passingFacts(): RelationFacts {
    if (this.value !== null && typeof this.value !== 'string') return this.value;
    return relationFactsOfRow(this.parsedJson(this.value), this);
  }

  private parsedJson(json: string | null): object {
    const { file } = this.batch;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json ?? this.batch.jsonAt(this.at));
    } catch (error) {
      throw new DataFileError(`The data file ${file} is damaged: the record of ${this.id} in table relations is not valid JSON (${(error as Error).message}).`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new DataFileError(`The data file ${file} is damaged: the record of ${this.id} in table relations is not an object.`);
    }
    return parsed;
  }

  /** Its walk facts: from its row's columns until they are let go, from its record after. */
  walkFacts(): WalkFacts {
    return this.batch.walkFactsAt(this.at, this) ?? walkFactsOfRecord(this.record());
  }
}

/** The columns of the relations table a start reads, in this order. */
export const RELATION_COLUMNS = 'id, type, from_id, to_id, status, earliest, latest, claimants, record';
export type RelationColumns = [string, string, string, string, string, number, number, string | null, string];

/** A relation as a snapshot holds it: a record, or a row of the data file not parsed yet. */
export type StoredRelation = RelationRecord | RelationRow;

/** A dataset whose relations may be rows not parsed yet: what a snapshot is built from. */
export type GraphRecords = Omit<Dataset, 'relations'> & { readonly relations: readonly StoredRelation[] };

/** The record of a relation however it is held (a row is parsed on first use). */
export function recordOf(relation: StoredRelation): RelationRecord {
  return relation instanceof RelationRow ? relation.record() : relation;
}

/** The walk facts of a relation however it is held. */
export function walkFactsOf(relation: StoredRelation): WalkFacts {
  return relation instanceof RelationRow ? relation.walkFacts() : walkFactsOfRecord(relation);
}
