/**
 * The embedded store's data file: the graph's records kept in SQLite (better-sqlite3), so that
 * they outlive the process. The file is the durable copy; the in-memory state (state.ts) is built
 * from it at start and is what answers queries.
 *
 * Layout (schema version 6; version 1 held the records of the model before facts had
 * attributions, times, events and locations, version 2 had no journal, version 3 kept every
 * relation whole, version 4 had no walk columns on relations, version 5 no start image; all are
 * migrated on open, see MIGRATIONS):
 * - one table per record kind, a row per record: the columns that records are looked up or
 *   referenced by (id, kind or type, the ends and source of a relation, the speaker and source of a
 *   statement) and the record as JSON in `record`: whole for sources, entities and statements, in
 *   its file form for a relation (relation-rows.ts), whose row also has the columns the graph's
 *   walks and filters read (status, the days its time may cover, its claimants), so that a start
 *   need not parse a relation's JSON until something reads it. The record is what the stores exchange
 *   (src/domain/model.ts) and its JSON round-trips it exactly, optional qualifiers included, while
 *   the columns let SQLite enforce references (deferred foreign keys, checked at commit) and let a
 *   later write path find, say, the relations of an entity without reading every record. Lists
 *   (aliases, aboutIds, statementIds) stay in the JSON: nothing needs them as keys yet.
 * - the journal: `changes` (a row per write: its id, its idempotency key, unique, and the whole
 *   ChangeRecord as JSON), `change_records` (which records each change touched, keyed by record id
 *   so that a record's history is an index range) and `documents` (side documents by kind and id,
 *   their body as JSON). They are written in the same transaction as the records they go with.
 * - the start image (start-image.ts): `start_image`, the adjacency's columns and the entity search
 *   index's lists as blobs, each row marked with the generation of the graph it describes, and
 *   `graph_generation`, one number that triggers on `entities` and `relations` raise with every
 *   row inserted, changed or deleted, by this server or anything else that writes the file. An
 *   image is read only while its generation is the file's.
 * - `schema_version`: one row, the layout's version, for migrations. A file of a version this code
 *   does not know is refused, never rewritten.
 *
 * The file is opened in WAL mode with `synchronous = FULL` (a committed transaction survives a
 * crash or power loss) and `locking_mode = EXCLUSIVE`: one process at a time owns the data
 * directory, so a second server or an import into a running server's directory fails at once
 * instead of writing behind the first one's back.
 *
 * Every write goes through `transaction()`: all of it commits, or none of it.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChangeRecord, GraphRemovals, StoredDocument } from '../graph-store.js';
import { SharedParts } from './shared-parts.js';
import { typeOfBit } from './relation-filter.js';
import { startImageOfParts, type StartImage, type WalkColumns } from './start-image.js';
import { FACT_PARTS } from './fact-image.js';
import { RELATION_COLUMNS, RowBatch, claimantsColumn, relationOfRow, relationRow, walkFactsOfRecord, type GraphRecords, type RelationColumns, type RelationRow } from './relation-rows.js';
import {
  compareText,
  parseDataset,
  type Dataset,
  type EntityRecord,
  type RelationRecord,
  type SourceRecord,
  type StatementRecord,
} from '../../domain/index.js';

/** Relations read a page at a time at a start with the start image: each page's JSON is one blob (well under SQLite's 1 GB limit). */
const RELATIONS_PAGE = 100_000;

/** The file's name inside DATA_DIR. */
export const DATA_FILE_NAME = 'graph.db';

/** The layout this code writes and reads. A migration from version N to N + 1 goes in MIGRATIONS. */
export const SCHEMA_VERSION = 6;

/** The tables, as version 1 made them; version 2 keeps them and changes what the records hold. */
const SCHEMA_V1 = `
CREATE TABLE schema_version (
  version INTEGER NOT NULL
);
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  record TEXT NOT NULL
);
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE TABLE statements (
  id TEXT PRIMARY KEY,
  source_id TEXT NOT NULL REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED,
  speaker_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  record TEXT NOT NULL
);
CREATE TABLE relations (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  from_id TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  to_id TEXT NOT NULL REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  source_id TEXT NOT NULL REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED,
  record TEXT NOT NULL
);
CREATE INDEX relations_from ON relations(from_id);
CREATE INDEX relations_to ON relations(to_id);
CREATE INDEX statements_speaker ON statements(speaker_id);
`;

/** The journal's tables, which version 3 adds. */
const SCHEMA_V3_JOURNAL = `
CREATE TABLE changes (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT UNIQUE,
  record TEXT NOT NULL
);
CREATE TABLE change_records (
  record_id TEXT NOT NULL,
  change_id TEXT NOT NULL REFERENCES changes(id),
  PRIMARY KEY (record_id, change_id)
) WITHOUT ROWID;
CREATE TABLE documents (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
`;

/**
 * The relations' walk columns, which version 5 adds (relation-rows.ts): filled from each row's
 * record by the migration from version 4, written with the record from then on.
 */
const SCHEMA_V5_WALK_COLUMNS = `
ALTER TABLE relations ADD COLUMN status TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN earliest INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relations ADD COLUMN latest INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relations ADD COLUMN claimants TEXT;
`;

/**
 * The start image and the generation its rows are checked against, which version 6 adds. Every
 * change to a row of entities or relations, whoever makes it, moves the generation on, so an image
 * of an earlier graph is never read as this one's.
 */
const SCHEMA_V6_START_IMAGE = `
CREATE TABLE graph_generation (
  value INTEGER NOT NULL
);
INSERT INTO graph_generation (value) VALUES (0);
CREATE TABLE start_image (
  name TEXT PRIMARY KEY,
  generation INTEGER NOT NULL,
  body BLOB NOT NULL
);
${['entities', 'relations']
  .flatMap((table) =>
    ['INSERT', 'UPDATE', 'DELETE'].map(
      (change) =>
        `CREATE TRIGGER ${table}_${change.toLowerCase()}_moves_generation AFTER ${change} ON ${table} ` +
        'BEGIN UPDATE graph_generation SET value = value + 1; END;',
    ),
  )
  .join('\n')}
`;

/**
 * Migrations by the version they start from: MIGRATIONS[1] takes a version-1 file to 2, in the
 * same transaction that records the new version (so a migration that fails leaves the file as it
 * was). `file` is for messages.
 */
const MIGRATIONS: Readonly<Record<number, (db: Database.Database, file: string) => void>> = {
  1: upgradeRecordsToFacts,
  2: (db) => db.exec(SCHEMA_V3_JOURNAL),
  3: compactRelationRows,
  4: addWalkColumns,
  5: addStartImage,
};

/**
 * Version 1 → 2: the records become those of the claims model. The whole graph is read as a
 * dataset file of the old format and goes through the dataset's own upgrade (parseDataset: a
 * relation's status, claimant and date become attributions and a time; sources become documents;
 * entities get no location or event), then every record is written back. Records that the
 * validator refuses stop the migration with a message, the file untouched.
 */
function upgradeRecordsToFacts(db: Database.Database, file: string): void {
  const read = (table: string) =>
    (db.prepare(`SELECT record FROM ${table} ORDER BY rowid`).pluck().all() as string[]).map((json) => JSON.parse(json) as unknown);
  let upgraded: Dataset;
  try {
    upgraded = parseDataset({
      sources: read('sources'),
      entities: read('entities'),
      relations: read('relations'),
      statements: read('statements'),
    });
  } catch (error) {
    throw new DataFileError(
      `The data file ${file} has schema version 1, and its records cannot be upgraded to version ${SCHEMA_VERSION} ` +
        `(${reason(error).replace(/\s*\n\s*/g, ' ')}); it was left as it is: export it with the server version that wrote it, ` +
        'fix the export and import it into an empty DATA_DIR.',
    );
  }
  const update = {
    sources: db.prepare('UPDATE sources SET record = ? WHERE id = ?'),
    entities: db.prepare('UPDATE entities SET record = ? WHERE id = ?'),
    statements: db.prepare('UPDATE statements SET record = ? WHERE id = ?'),
    relations: db.prepare('UPDATE relations SET record = ?, source_id = ? WHERE id = ?'),
  };
  for (const r of upgraded.sources) update.sources.run(JSON.stringify(r), r.id);
  for (const r of upgraded.entities) update.entities.run(JSON.stringify(r), r.id);
  for (const r of upgraded.statements) update.statements.run(JSON.stringify(r), r.id);
  for (const r of upgraded.relations) update.relations.run(JSON.stringify(r), r.sourceId, r.id);
}

/**
 * Version 5 → 6: the start image's tables and the triggers that move the generation, made anew (a
 * file taken back to an older version by hand may hold them already; its next close writes the image).
 */
function addStartImage(db: Database.Database): void {
  for (const table of ['entities', 'relations']) {
    for (const change of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS ${table}_${change}_moves_generation`);
  }
  db.exec('DROP TABLE IF EXISTS start_image; DROP TABLE IF EXISTS graph_generation;');
  db.exec(SCHEMA_V6_START_IMAGE);
}

/** Version 3 → 4: every relation's row in its file form (relation-rows.ts), a third of the size; written as this code writes it, which the step to 5 reads as any other. */
function compactRelationRows(db: Database.Database): void {
  const update = db.prepare('UPDATE relations SET record = ? WHERE rowid = ?');
  // A page at a time, so that a large file is not held in memory whole.
  const page = db.prepare('SELECT rowid, record FROM relations WHERE rowid > ? ORDER BY rowid LIMIT 10000').raw();
  for (let rows = page.all(0) as [number, string][]; rows.length > 0; rows = page.all(rows.at(-1)![0]) as [number, string][]) {
    // Version 3 rows hold their id, type and ends in the JSON too (the key given here only repeats them).
    for (const [rowid, record] of rows) {
      const parsed = JSON.parse(record) as RelationRecord;
      update.run(relationRow(relationOfRow(parsed, parsed)), rowid);
    }
  }
}

/** Version 4 → 5: each relation's walk columns, from its record, whose JSON no longer repeats its id, type and ends. */
function addWalkColumns(db: Database.Database): void {
  db.exec(SCHEMA_V5_WALK_COLUMNS);
  const update = db.prepare('UPDATE relations SET record = ?, status = ?, earliest = ?, latest = ?, claimants = ? WHERE rowid = ?');
  // A page at a time, so that a large file is not held in memory whole.
  const page = db.prepare('SELECT rowid, id, type, from_id, to_id, record FROM relations WHERE rowid > ? ORDER BY rowid LIMIT 10000').raw();
  type Row = [number, string, RelationRecord['type'], string, string, string];
  for (let rows = page.all(0) as Row[]; rows.length > 0; rows = page.all(rows.at(-1)![0]) as Row[]) {
    for (const [rowid, id, type, from, to, record] of rows) {
      const relation = relationOfRow(JSON.parse(record) as object, { id, type, from, to });
      const facts = walkFactsOfRecord(relation);
      update.run(relationRow(relation), facts.status, facts.earliest, facts.latest, claimantsColumn(facts.claimantIds), rowid);
    }
  }
}

const TABLES = ['schema_version', 'sources', 'entities', 'statements', 'relations'] as const;
/** Tables a file of version 3 or later has too. */
const JOURNAL_TABLES = ['changes', 'change_records', 'documents'] as const;
/** Tables a file of version 6 or later has too. */
const START_IMAGE_TABLES = ['graph_generation', 'start_image'] as const;

/** The data file cannot be used as it is; the message names the file and what is wrong. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** Writes that a transaction may make; each record replaces the one with its id, if any. */
export interface GraphWriter {
  putSources(records: readonly SourceRecord[]): void;
  putEntities(records: readonly EntityRecord[]): void;
  putStatements(records: readonly StatementRecord[]): void;
  putRelations(records: readonly RelationRecord[]): void;
  /** Deletes records by id (an id not stored is no error). */
  removeRecords(removals: GraphRemovals): void;
  putChange(change: ChangeRecord): void;
  putDocuments(documents: readonly StoredDocument[]): void;
  removeDocuments(documents: readonly Pick<StoredDocument, 'kind' | 'id'>[]): void;
}

type Statement = Database.Statement<unknown[]>;
type RecordTable = 'sources' | 'entities' | 'relations' | 'statements';

export class GraphDataFile implements GraphWriter {
  private readonly put: { sources: Statement; entities: Statement; statements: Statement; relations: Statement };
  private readonly remove: Record<RecordTable, Statement>;
  private readonly journal: { change: Statement; changeRecord: Statement; putDocument: Statement; removeDocument: Statement };
  /** The journal's reads: each an index lookup or range, so the journal stays in the file. */
  private readonly reads: {
    changeById: Statement;
    keyTaken: Statement;
    changeByKey: Statement;
    changesOfRecord: Statement;
    document: Statement;
    documentsOfKind: Statement;
  };

  private constructor(
    /** The file's absolute path, for messages. */
    readonly path: string,
    private readonly db: Database.Database,
    /** The schema version the file had before this open migrated it; null when it needed none. */
    readonly migratedFrom: number | null = null,
  ) {
    this.put = {
      sources: db.prepare(
        'INSERT INTO sources (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record',
      ),
      entities: db.prepare(
        'INSERT INTO entities (id, kind, record) VALUES (?, ?, ?) ' +
          'ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, record = excluded.record',
      ),
      statements: db.prepare(
        'INSERT INTO statements (id, source_id, speaker_id, record) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT(id) DO UPDATE SET source_id = excluded.source_id, speaker_id = excluded.speaker_id, record = excluded.record',
      ),
      relations: db.prepare(
        'INSERT INTO relations (id, type, from_id, to_id, source_id, record, status, earliest, latest, claimants) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT(id) DO UPDATE SET type = excluded.type, from_id = excluded.from_id, to_id = excluded.to_id, ' +
          'source_id = excluded.source_id, record = excluded.record, status = excluded.status, earliest = excluded.earliest, ' +
          'latest = excluded.latest, claimants = excluded.claimants',
      ),
    };
    this.remove = {
      sources: db.prepare('DELETE FROM sources WHERE id = ?'),
      entities: db.prepare('DELETE FROM entities WHERE id = ?'),
      relations: db.prepare('DELETE FROM relations WHERE id = ?'),
      statements: db.prepare('DELETE FROM statements WHERE id = ?'),
    };
    this.journal = {
      change: db.prepare('INSERT INTO changes (id, idempotency_key, record) VALUES (?, ?, ?)'),
      changeRecord: db.prepare('INSERT OR IGNORE INTO change_records (record_id, change_id) VALUES (?, ?)'),
      putDocument: db.prepare(
        'INSERT INTO documents (kind, id, body) VALUES (?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET body = excluded.body',
      ),
      removeDocument: db.prepare('DELETE FROM documents WHERE kind = ? AND id = ?'),
    };
    this.reads = {
      changeById: db.prepare('SELECT 1 FROM changes WHERE id = ?').raw(),
      keyTaken: db.prepare('SELECT 1 FROM changes WHERE idempotency_key = ?').raw(),
      changeByKey: db.prepare('SELECT id, record FROM changes WHERE idempotency_key = ?').raw(),
      // Change ids are made in time order (code-point order, as SQLite's BINARY collation compares).
      changesOfRecord: db
        .prepare('SELECT c.id, c.record FROM change_records r JOIN changes c ON c.id = r.change_id WHERE r.record_id = ? ORDER BY c.id DESC')
        .raw(),
      document: db.prepare('SELECT id, body FROM documents WHERE kind = ? AND id = ?').raw(),
      documentsOfKind: db.prepare('SELECT id, body FROM documents WHERE kind = ? ORDER BY id').raw(),
    };
  }

  /**
   * Opens (or creates) DATA_DIR/graph.db: makes the directory, checks that it is writable, locks
   * the file for this process, creates the tables in a new file and checks the version of an old
   * one. Throws a DataFileError naming the file or directory and the problem; never replaces a file.
   */
  static open(dataDir: string): GraphDataFile {
    const dir = path.resolve(dataDir);
    const file = path.join(dir, DATA_FILE_NAME);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new DataFileError(`Cannot create the data directory ${dir} (DATA_DIR): ${reason(error)}.`);
    }
    if (!statSync(dir).isDirectory()) throw new DataFileError(`The data directory ${dir} (DATA_DIR) is not a directory.`);
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      throw new DataFileError(`The data directory ${dir} (DATA_DIR) is not writable: ${reason(error)}.`);
    }
    let db: Database.Database;
    let version: number;
    try {
      db = new Database(file, { timeout: 0 });
    } catch (error) {
      throw new DataFileError(`Cannot open the data file ${file}: ${reason(error)}.`);
    }
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // Reads only, so that a file that is not ours is left byte for byte as it was: the first
      // read parses the header (garbage bytes fail here, "file is not a database").
      version = checkSchema(db, file);
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`SQLite would not switch it to WAL mode (got ${String(mode)})`);
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Takes the exclusive lock now (held until close), and creates or migrates the layout.
      db.transaction(() => upgradeSchema(db, file, version)).immediate();
    } catch (error) {
      db.close();
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(describeOpenError(file, error));
    }
    return new GraphDataFile(file, db, version !== 0 && version < SCHEMA_VERSION ? version : null);
  }

  /**
   * Every record, sharing repeated parts (shared-parts.ts): entities and relations in id order
   * (the primary key's order, which is code-point order, so the state need not sort them), sources
   * and statements in the order their rows were first written. Relations come as rows whose
   * records are parsed on first use. Their walk columns come from the start image when the file
   * has one of its generation (`image`, start-image.ts); else `rows` holds them until the first
   * snapshot built from them lets them go (relation-rows.ts).
   */
  readAll(): { readonly records: GraphRecords; readonly rows: RowBatch; readonly image: StartImage | null } {
    const sources = this.readTable<SourceRecord>('sources');
    const entities = this.readTable<EntityRecord>('entities', 'id');
    const shared = new SharedParts(entities, sources);
    let image = this.startImage(entities.length);
    let rows = new RowBatch(this.path, shared);
    let relations = image === null ? null : this.relationsAlong(image.walkColumns, entities, rows);
    if (relations === null) {
      image = null;
      rows = new RowBatch(this.path, shared);
      relations = this.rowsOf<RelationColumns, RelationRow>(`SELECT ${RELATION_COLUMNS} FROM relations ORDER BY id`, (row) => rows.add(row));
    }
    const statements = this.readTable<StatementRecord>('statements', 'rowid', (s) => shared.statement(s));
    return { records: { sources, entities, relations, statements }, rows, image };
  }

  /**
   * The relations' rows with the type and ends the start image gives each, or null when the table
   * does not hold the image's relations in the image's order. A page of rows comes as one query's
   * three values: the records' JSON end to end in one blob, which the batch keeps outside the
   * JavaScript heap until each is parsed, their lengths and their ids (so that a start at a million
   * relations does not make and collect a million strings of JSON).
   */
  private relationsAlong(image: WalkColumns, entities: readonly EntityRecord[], rows: RowBatch): RelationRow[] | null {
    const { relFrom, relTo, typeBit } = image;
    const count = relFrom.length;
    const page = this.db
      .prepare(
        "SELECT CAST(group_concat(record, '') AS BLOB), json_group_array(octet_length(record)), json_group_array(id) " +
          `FROM (SELECT id, record FROM relations WHERE id > ? ORDER BY id LIMIT ${RELATIONS_PAGE})`,
      )
      .raw();
    rows.release();
    const relations: RelationRow[] = [];
    // Ids are never empty, so every one comes after ''.
    let last = '';
    try {
      for (;;) {
        const [json, lengths, ids] = page.get(last) as [Buffer | null, string, string];
        if (json === null) break;
        let at = rows.addRecords(json, JSON.parse(lengths) as number[]);
        for (const id of JSON.parse(ids) as string[]) {
          const r = relations.length;
          if (r === count || compareText(last, id) >= 0) return null;
          relations.push(rows.keyed({ id, type: typeOfBit(typeBit[r]!)!, from: entities[relFrom[r]!]!.id, to: entities[relTo[r]!]!.id }, at++));
          last = id;
        }
      }
    } catch (error) {
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(describeOpenError(this.path, error));
    }
    return relations.length === count ? relations : null;
  }

  /** Each row of a query, made into a value; SQLite's errors named as the file's. */
  private rowsOf<Row, T>(sql: string, each: (row: Row) => T): T[] {
    const values: T[] = [];
    try {
      for (const row of this.db.prepare(sql).raw().iterate() as IterableIterator<Row>) values.push(each(row));
    } catch (error) {
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(describeOpenError(this.path, error));
    }
    return values;
  }

  /**
   * The start image, when the file has one of its current generation whose walk columns fit a graph
   * of this many entities; else null. Without the fact indexes' parts, which are read when first
   * needed (`startImagePart`).
   */
  private startImage(entityCount: number): StartImage | null {
    const parts = this.db
      .prepare('SELECT name, body FROM start_image WHERE generation = (SELECT value FROM graph_generation) AND substr(name, 1, ?) <> ?')
      .raw()
      .all(FACT_PARTS.length, FACT_PARTS) as [string, Buffer][];
    return parts.length === 0 ? null : startImageOfParts(new Map(parts), entityCount);
  }

  /** The start image's part of this name, of the file's current generation, or null. */
  startImagePart(name: string): Buffer | null {
    const body = this.db
      .prepare('SELECT body FROM start_image WHERE name = ? AND generation = (SELECT value FROM graph_generation)')
      .pluck()
      .get(name) as Buffer | undefined;
    return body ?? null;
  }

  /**
   * Adds `parts` to the start image of the file's current generation, in place of parts of the same
   * names. The caller vouches that the image is of the graph the file holds now, and so are they.
   */
  addStartImageParts(parts: ReadonlyMap<string, Buffer>): void {
    const put = this.db.prepare(
      'INSERT INTO start_image (name, generation, body) VALUES (?, (SELECT value FROM graph_generation), ?) ' +
        'ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, body = excluded.body',
    );
    this.db.transaction(() => {
      for (const [name, body] of parts) put.run(name, body);
    }).immediate();
  }

  /**
   * Keeps `parts` as the start image of the file's current generation, in place of any other. The
   * caller vouches that they are made from the graph the file holds now.
   */
  saveStartImage(parts: ReadonlyMap<string, Buffer>): void {
    const insert = this.db.prepare('INSERT INTO start_image (name, generation, body) VALUES (?, (SELECT value FROM graph_generation), ?)');
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM start_image');
        for (const [name, body] of parts) insert.run(name, body);
      })
      .immediate();
  }

  /** Runs `work` in one transaction: it all commits when `work` returns, none of it if it throws. */
  transaction<T>(work: (writer: GraphWriter) => T): T {
    return this.db.transaction(() => work(this)).immediate();
  }

  /** Writes a dataset in one transaction (what the store's load does). */
  writeDataset(dataset: Dataset): void {
    this.transaction((w) => {
      w.putSources(dataset.sources);
      w.putEntities(dataset.entities);
      w.putStatements(dataset.statements);
      w.putRelations(dataset.relations);
    });
  }

  putSources(records: readonly SourceRecord[]): void {
    for (const r of records) this.put.sources.run(r.id, JSON.stringify(r));
  }

  putEntities(records: readonly EntityRecord[]): void {
    for (const r of records) this.put.entities.run(r.id, r.kind, JSON.stringify(r));
  }

  putStatements(records: readonly StatementRecord[]): void {
    for (const r of records) this.put.statements.run(r.id, r.sourceId, r.speakerId, JSON.stringify(r));
  }

  putRelations(records: readonly RelationRecord[]): void {
    for (const r of records) {
      const facts = walkFactsOfRecord(r);
      this.put.relations.run(r.id, r.type, r.from, r.to, r.sourceId, relationRow(r), facts.status, facts.earliest, facts.latest, claimantsColumn(facts.claimantIds));
    }
  }

  removeRecords(removals: GraphRemovals): void {
    // Relations and statements first: the references to entities and sources go with them.
    for (const id of removals.relations ?? []) this.remove.relations.run(id);
    for (const id of removals.statements ?? []) this.remove.statements.run(id);
    for (const id of removals.entities ?? []) this.remove.entities.run(id);
    for (const id of removals.sources ?? []) this.remove.sources.run(id);
  }

  putChange(change: ChangeRecord): void {
    this.journal.change.run(change.id, change.idempotencyKey, JSON.stringify(change));
    for (const recordId of change.recordIds) this.journal.changeRecord.run(recordId, change.id);
  }

  putDocuments(documents: readonly StoredDocument[]): void {
    for (const d of documents) this.journal.putDocument.run(d.kind, d.id, JSON.stringify(d.body));
  }

  removeDocuments(documents: readonly Pick<StoredDocument, 'kind' | 'id'>[]): void {
    for (const d of documents) this.journal.removeDocument.run(d.kind, d.id);
  }

  /** Whether a change with this id is recorded. */
  hasChange(id: string): boolean {
    return this.reads.changeById.get(id) !== undefined;
  }

  /** Whether a change with this idempotency key is recorded (nothing parsed). */
  hasIdempotencyKey(key: string): boolean {
    return this.reads.keyTaken.get(key) !== undefined;
  }

  /** The change recorded with this idempotency key, or null. */
  changeByIdempotencyKey(key: string): ChangeRecord | null {
    const row = this.reads.changeByKey.get(key) as [string, string] | undefined;
    return row === undefined ? null : this.parsedChange(row);
  }

  /** The changes that touched a record, newest first (an index range of change_records). */
  changesOfRecord(recordId: string): ChangeRecord[] {
    return (this.reads.changesOfRecord.all(recordId) as [string, string][]).map((row) => this.parsedChange(row));
  }

  /** The side documents of a kind with these ids (null where none), or all of the kind by id. */
  documentsOf(kind: StoredDocument['kind'], ids: readonly string[] | null): (StoredDocument | null)[] {
    const document = ([id, body]: [string, string]): StoredDocument => {
      try {
        return { kind, id, body: JSON.parse(body) as unknown };
      } catch (error) {
        throw new DataFileError(
          `The data file ${this.path} is damaged: the body of the ${kind} document ${id} is not valid JSON (${reason(error)}).`,
        );
      }
    };
    if (ids === null) return (this.reads.documentsOfKind.all(kind) as [string, string][]).map(document);
    return ids.map((id) => {
      const row = this.reads.document.get(kind, id) as [string, string] | undefined;
      return row === undefined ? null : document(row);
    });
  }

  private parsedChange([id, record]: [string, string]): ChangeRecord {
    return this.parsedRecord<ChangeRecord>(id, record, 'changes');
  }

  /** Whether the file is still open (close() was not called). */
  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A row's JSON, checked to be the record of its row's id; a DataFileError naming the row if not. */
  private parsedRecord<T>(id: string, json: string, table: string): T {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new DataFileError(`The data file ${this.path} is damaged: the record of ${id} in table ${table} is not valid JSON (${reason(error)}).`);
    }
    if (typeof parsed !== 'object' || parsed === null || (parsed as { id?: unknown }).id !== id) {
      throw new DataFileError(`The data file ${this.path} is damaged: the record of ${id} in table ${table} does not match its id.`);
    }
    return parsed as T;
  }

  /** Every record of a table, in this order, each checked to carry its row's id. */
  private readTable<T>(table: RecordTable, order: 'rowid' | 'id' = 'rowid', each: (record: T) => T = (record) => record): T[] {
    return this.rowsOf<[string, string], T>(`SELECT id, record FROM ${table} ORDER BY ${order}`, ([id, record]) => each(this.parsedRecord<T>(id, record, table)));
  }
}

/** The version of the file's layout (0 for a new, empty file); throws if the file is not ours or too new. */
function checkSchema(db: Database.Database, file: string): number {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  if (tables.size === 0) return 0;
  if (!tables.has('schema_version')) {
    throw new DataFileError(
      `The data file ${file} is an SQLite database but not this server's data file (it has no schema_version table); it was left as it is.`,
    );
  }
  const versions = db.prepare('SELECT version FROM schema_version').pluck().all() as unknown[];
  const version = versions[0];
  if (versions.length !== 1 || typeof version !== 'number' || !Number.isInteger(version)) {
    throw new DataFileError(
      `The data file ${file} is damaged: its schema_version table should hold one whole number, not ${JSON.stringify(versions)}.`,
    );
  }
  if (version > SCHEMA_VERSION || version < 1) {
    throw new DataFileError(
      `The data file ${file} has schema version ${version}, which this server does not know (it knows 1 to ${SCHEMA_VERSION}); ` +
        'run the server version that wrote it, or restore a backup.',
    );
  }
  const expected = [...TABLES, ...(version >= 3 ? JOURNAL_TABLES : []), ...(version >= 6 ? START_IMAGE_TABLES : [])];
  for (const table of expected) {
    if (!tables.has(table)) throw new DataFileError(`The data file ${file} is damaged: its table ${table} is missing.`);
  }
  return version;
}

/** Creates the layout in a new file, or migrates an older one step by step (in one transaction). */
function upgradeSchema(db: Database.Database, file: string, version: number): void {
  if (version === 0) {
    db.exec(SCHEMA_V1);
    db.exec(SCHEMA_V3_JOURNAL);
    db.exec(SCHEMA_V5_WALK_COLUMNS);
    db.exec(SCHEMA_V6_START_IMAGE);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    return;
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) throw new DataFileError(`The data file ${file} has schema version ${v}, and no migration from it exists.`);
    step(db, file);
    db.prepare('UPDATE schema_version SET version = ?').run(v + 1);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One line saying what SQLite found wrong with the file. */
function describeOpenError(file: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const cause = `${typeof code === 'string' ? `${code}: ` : ''}${reason(error)}`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return `The data file ${file} is in use by another process (${cause}); stop it first, or give this one another DATA_DIR.`;
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_FORMAT') {
    return `The data file ${file} is damaged or is not a database (${cause}); it was left as it is: move it away to start empty, or restore a backup.`;
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR') {
    return `The data file ${file} cannot be written or read (${cause}); check the file and DATA_DIR's permissions and disk.`;
  }
  return `The data file ${file} cannot be used (${cause}).`;
}
