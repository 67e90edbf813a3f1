/**
 * The durable embedded store (DATA_DIR): what a load writes outlives the store, a load is all or
 * nothing in the file as in memory, and a data file that cannot be used is refused with one line
 * naming it, never replaced.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.js';
import { DatasetValidationError, newChangeId, type Dataset } from '../../src/domain/index.js';
import { ANY_RELATION, type ChangeRecord, type GraphStore, type RelationFilter } from '../../src/store/graph-store.js';
import { readDatasetFile, SEED_FILE, seedIfEmpty } from '../../src/ingest/dataset-file.js';
import { DATA_FILE_NAME, DataFileError, GraphDataFile, SCHEMA_VERSION } from '../../src/store/memory/data-file.js';
import { MemoryStore, createMemoryStore, openDurableMemoryStore } from '../../src/store/memory/memory-store.js';
import { emptyState } from '../../src/store/memory/state.js';
import { RelationRow } from '../../src/store/memory/relation-rows.js';
import * as changes from '../support/writes-fixture.js';
import { generateDataset } from '../../tools/bench/generate.js';

const seed: Dataset = await readDatasetFile(SEED_FILE);

const extra: Dataset = {
  sources: [{ id: 'source:extra', title: 'Extra', publisher: null, published: '2025-02-01', url: null, kind: 'DOCUMENT' }],
  entities: [
    { id: 'settlement:toretsk', kind: 'SETTLEMENT', name: 'Toretsk', aliases: ['Торецьк'], description: null, location: { latitude: 48.4, longitude: 37.85, precision: 'APPROXIMATE' }, event: null },
  ],
  relations: [
    {
      id: 'rel:toretsk-located-in-donetsk',
      type: 'LOCATED_IN',
      from: 'settlement:toretsk',
      to: 'region:donetsk',
      time: null,
      attributions: [{ claimantId: null, viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:extra', note: null }],
      status: 'CONFIRMED',
      claimedBy: null,
      date: null,
      sourceId: 'source:extra',
      statementIds: [],
      qualifiers: { note: 'public knowledge' },
    },
  ],
  statements: [],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kg-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileIn = (d: string) => path.join(d, DATA_FILE_NAME);

/** Takes a file back to the relations table of version 4 and before, which had no walk columns. */
function dropWalkColumns(db: Database.Database): void {
  for (const column of ['status', 'earliest', 'latest', 'claimants']) db.exec(`ALTER TABLE relations DROP COLUMN ${column}`);
}

describe('the durable embedded store', () => {
  it('keeps what was loaded across a reopen, and a reopened store answers alike', async () => {
    const store = openDurableMemoryStore(dir);
    expect(await store.counts()).toEqual({ entities: 0, relations: 0, statements: 0, sources: 0 });
    await store.load(seed);
    await store.load(extra);
    const before = await store.exportDataset();
    const search = await store.search({ text: 'toretsk', kinds: null, first: 5 });
    await store.close();

    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.exportDataset()).toEqual(before);
    expect(await reopened.counts()).toEqual({
      entities: seed.entities.length + 1,
      relations: seed.relations.length + 1,
      statements: seed.statements.length,
      sources: seed.sources.length + 1,
    });
    expect(await reopened.search({ text: 'toretsk', kinds: null, first: 5 })).toEqual(search);
    expect(await reopened.entitiesByIds(['settlement:toretsk'])).toEqual(extra.entities);
    await reopened.close();
  });

  it('loading the same dataset again changes nothing, in memory or in the file', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    const once = await store.exportDataset();
    await store.load(seed);
    expect(await store.exportDataset()).toEqual(once);
    await store.close();
    const file = new Database(fileIn(dir), { readonly: true });
    expect(file.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(seed.entities.length);
    expect(file.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(seed.relations.length);
    file.close();
  });

  it('replaces a record loaded again under its id whole, in the file too: a reopened store holds the new records', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(changes.before);
    await store.load(changes.after);
    const expected = changes.replaced(changes.before, changes.after);
    expect(await store.exportDataset()).toEqual(expected);
    await store.close();

    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.exportDataset()).toEqual(expected);
    expect(await reopened.relationsByIds(changes.after.relations.map((r) => r.id))).toEqual(changes.after.relations);
    expect(await reopened.search({ text: 'dovhenke', kinds: null, first: 5 })).toEqual([]);
    await reopened.close();
  });

  it('writes nothing when the dataset does not make a valid graph', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    const broken: Dataset = {
      ...extra,
      relations: [{ ...extra.relations[0]!, to: 'region:nowhere' }],
    };
    await expect(store.load(broken)).rejects.toBeInstanceOf(DatasetValidationError);
    const selfLoop: Dataset = { ...extra, relations: [{ ...extra.relations[0]!, to: 'settlement:toretsk' }] };
    await expect(store.load(selfLoop)).rejects.toThrow(/joins "settlement:toretsk" to itself/);
    expect(await store.entitiesByIds(['settlement:toretsk'])).toEqual([null]);
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.counts()).toEqual({
      entities: seed.entities.length,
      relations: seed.relations.length,
      statements: seed.statements.length,
      sources: seed.sources.length,
    });
    await reopened.close();
  });

  it('changes nothing in memory when writing to the file fails, and the failed transaction left nothing', async () => {
    const file = GraphDataFile.open(dir);
    // A real transaction that fails halfway: SQLite rolls back what it wrote.
    expect(() =>
      file.transaction((w) => {
        w.putSources(extra.sources);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(file.readAll().records.sources).toEqual([]);
    // A store whose file write fails keeps its state.
    file.writeDataset = () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const store = new MemoryStore(file, emptyState());
    await expect(store.load(seed)).rejects.toThrow('SQLITE_FULL');
    expect(await store.counts()).toEqual({ entities: 0, relations: 0, statements: 0, sources: 0 });
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.counts()).toEqual({ entities: 0, relations: 0, statements: 0, sources: 0 });
    await reopened.close();
  });

  it('is seeded only while empty: a reopened store keeps what it holds', async () => {
    const store = openDurableMemoryStore(dir);
    expect(await seedIfEmpty(store, { ...extra, relations: [] })).toBe(true);
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await seedIfEmpty(reopened, seed)).toBe(false);
    expect(await reopened.counts()).toEqual({ entities: 1, relations: 0, statements: 0, sources: 1 });
    await reopened.close();
  });

  it('creates the file in WAL mode with synchronous = FULL and records its schema version', async () => {
    const file = GraphDataFile.open(dir);
    file.close();
    const db = new Database(fileIn(dir), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION]);
    db.close();
    const store = openDurableMemoryStore(dir);
    // The connection's own setting (not stored in the file).
    expect((store as unknown as { dataFile: { db: Database.Database } }).dataFile.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });
});

describe('the journal in the data file', () => {
  const unit = (id: string, name: string): Dataset => ({ ...emptyDataset, entities: [{ id, kind: 'UNIT', name, aliases: [], description: null, location: null, event: null }] });
  const emptyDataset: Dataset = { sources: [], entities: [], relations: [], statements: [] };
  const change = (operation: string, recordIds: string[], idempotencyKey: string | null = null): ChangeRecord => ({
    ...newChangeId(),
    actor: 'editor-token',
    role: 'editor',
    operation,
    idempotencyKey,
    requestHash: null,
    recordIds,
    before: {},
    after: { entities: [{ id: recordIds[0]!, kind: 'UNIT', name: 'x', aliases: [] }] },
  });

  it('keeps committed changes, documents and removals across a reopen', async () => {
    const store = openDurableMemoryStore(dir);
    const created = change('createEntity', ['unit:kept'], 'key-1');
    await store.commit({ upsert: unit('unit:kept', 'Kept'), change: created, documents: { put: [{ kind: 'merge', id: 'merge:1', body: { a: [1] } }] } });
    await store.commit({ upsert: unit('unit:gone', 'Gone'), change: change('createEntity', ['unit:gone']) });
    const removal = change('mergeEntities', ['unit:gone']);
    await store.commit({ upsert: emptyDataset, remove: { entities: ['unit:gone'] }, change: removal });
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.entitiesByIds(['unit:kept', 'unit:gone'])).toEqual([unit('unit:kept', 'Kept').entities[0], null]);
    expect(await reopened.changeByIdempotencyKey('key-1')).toEqual(created);
    expect((await reopened.changesOf('unit:gone', { first: 5, after: null })).items.map((c) => c.operation)).toEqual(['mergeEntities', 'createEntity']);
    expect(await reopened.documents('merge', null)).toEqual([{ kind: 'merge', id: 'merge:1', body: { a: [1] } }]);
    await reopened.close();
  });

  it('writes nothing of a commit whose change cannot be recorded', async () => {
    const store = openDurableMemoryStore(dir);
    await store.commit({ upsert: unit('unit:first', 'First'), change: change('createEntity', ['unit:first'], 'same-key') });
    await expect(store.commit({ upsert: unit('unit:second', 'Second'), change: change('createEntity', ['unit:second'], 'same-key') })).rejects.toThrow();
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.entitiesByIds(['unit:second'])).toEqual([null]);
    expect((await reopened.changesOf('unit:second', { first: 5, after: null })).totalCount).toBe(0);
    await reopened.close();
  });

  it('is added to a file of schema version 2, whose records stay as they were', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const db = new Database(fileIn(dir));
    db.exec('DROP TABLE change_records; DROP TABLE changes; DROP TABLE documents; UPDATE schema_version SET version = 2;');
    dropWalkColumns(db);
    db.close();
    const migrated = openDurableMemoryStore(dir);
    expect(migrated.dataFileMigratedFrom).toBe(2);
    expect(await migrated.counts()).toEqual({
      entities: seed.entities.length,
      relations: seed.relations.length,
      statements: seed.statements.length,
      sources: seed.sources.length,
    });
    await migrated.commit({ upsert: unit('unit:after-migration', 'After'), change: change('createEntity', ['unit:after-migration']) });
    expect((await migrated.changesOf('unit:after-migration', { first: 1, after: null })).totalCount).toBe(1);
    await migrated.close();
  });
});

describe('relations in the data file', () => {
  const rowsOf = (dataDir: string) => {
    const db = new Database(fileIn(dataDir), { readonly: true });
    const rows = db.prepare('SELECT id, record FROM relations ORDER BY id').raw().all() as [string, string][];
    db.close();
    return new Map(rows.map(([id, record]) => [id, JSON.parse(record) as Record<string, unknown>]));
  };

  it('are kept in their file form (no derived fields) and read back as they were written', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    const exported = await store.exportDataset();
    await store.close();
    const rows = rowsOf(dir);
    expect(rows.size).toBe(seed.relations.length);
    for (const row of rows.values()) expect(Object.keys(row)).not.toContain('status');
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.exportDataset()).toEqual(exported);
    expect(await reopened.relationsByIds(seed.relations.map((r) => r.id))).toEqual(seed.relations);
    await reopened.close();
  });

  it('of a file of schema version 3 (every relation whole) are rewritten in their file form, reading the same', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    const exported = await store.exportDataset();
    await store.close();
    const db = new Database(fileIn(dir));
    const rewrite = db.prepare('UPDATE relations SET record = ? WHERE id = ?');
    for (const r of seed.relations) rewrite.run(JSON.stringify(r), r.id);
    db.prepare('UPDATE schema_version SET version = 3').run();
    dropWalkColumns(db);
    db.close();
    expect([...rowsOf(dir).values()].every((row) => 'status' in row)).toBe(true);

    const migrated = openDurableMemoryStore(dir);
    expect(migrated.dataFileMigratedFrom).toBe(3);
    expect(await migrated.exportDataset()).toEqual(exported);
    await migrated.close();
    expect([...rowsOf(dir).values()].some((row) => 'status' in row)).toBe(false);
    const reopened = openDurableMemoryStore(dir);
    expect(reopened.dataFileMigratedFrom).toBeNull();
    expect(await reopened.relationsByIds(seed.relations.map((r) => r.id))).toEqual(seed.relations);
    await reopened.close();
  });
});

describe('relations read back from the data file', () => {
  const claimants = [...new Set(seed.relations.flatMap((r) => r.attributions.flatMap((a) => (a.claimantId === null ? [] : [a.claimantId]))))];
  const filters: RelationFilter[] = [
    ANY_RELATION,
    { types: null, statuses: ['CLAIMED', 'DISPUTED'] },
    { types: null, statuses: ['CONFIRMED'] },
    { types: null, claimantIds: claimants.slice(0, 3) },
    { types: null, window: { from: '2024-08-01', to: '2024-12-31' } },
    { types: null, window: { from: '2025-01-01', to: null } },
  ];
  /** Every entity's relations under each filter, as ids. */
  async function filteredAnswers(store: GraphStore): Promise<string[][][]> {
    const ids = seed.entities.map((e) => e.id);
    return Promise.all(filters.map(async (filter) => (await store.relationsOf(ids, { filter, direction: 'BOTH' })).map((views) => views.map((v) => v.relation.id))));
  }

  it('answer every filter (status, claimants, time) as the records they were written from, from a new file or one of version 4', async () => {
    const inMemory = createMemoryStore();
    await inMemory.load(seed);
    const expected = await filteredAnswers(inMemory);
    expect(claimants.length).toBeGreaterThan(3);
    // Each filter keeps some relations and drops others: an answer that ignored it would differ.
    const counts = expected.map((answer) => answer.flat().length);
    for (const count of counts.slice(1)) expect(count).toBeGreaterThan(0);
    for (const count of counts.slice(1)) expect(count).toBeLessThan(counts[0]!);

    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await filteredAnswers(reopened)).toEqual(expected);
    await reopened.close();

    const db = new Database(fileIn(dir));
    dropWalkColumns(db);
    db.prepare('UPDATE schema_version SET version = 4').run();
    db.close();
    const migrated = openDurableMemoryStore(dir);
    expect(migrated.dataFileMigratedFrom).toBe(4);
    expect(await filteredAnswers(migrated)).toEqual(expected);
    expect(await migrated.relationsByIds(seed.relations.map((r) => r.id))).toEqual(seed.relations);
    await migrated.close();
  });

  it('keep a write made after a start: its walk columns are written with it', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const started = openDurableMemoryStore(dir);
    const [template] = seed.relations.filter((r) => r.time !== null && r.attributions.some((a) => a.claimantId !== null));
    const written = { ...template!, id: 'rel:written-after-start' };
    await started.load({ sources: [], entities: [], statements: [], relations: [written] });
    await started.close();
    const reopened = openDurableMemoryStore(dir);
    const claimant = written.attributions.find((a) => a.claimantId !== null)!.claimantId!;
    const day = written.time!.start.slice(0, 10);
    const filter: RelationFilter = { types: [written.type], statuses: [written.status], claimantIds: [claimant], window: { from: day, to: day } };
    const [views] = await reopened.relationsOf([written.from], { filter, direction: 'BOTH' });
    expect(views!.map((v) => v.relation)).toContainEqual(written);
    await reopened.close();
  });

  it("are parsed a slice at a time for the first question about statements' facts or a merge, which stop when their client goes", async () => {
    const dataset = generateDataset({ entities: 2_000, relations: 20_000, seed: 7 });
    const store = openDurableMemoryStore(dir);
    await store.load(dataset);
    await store.close();
    const reopened = openDurableMemoryStore(dir);
    const statementIds = dataset.statements.slice(0, 50).map((s) => s.id);
    const client = new AbortController();
    const asked = reopened.factsSupportedBy(statementIds, { signal: client.signal });
    // Runs only if the question gives way to the event loop before it is done.
    setImmediate(() => client.abort(new Error('the client went away')));
    await expect(asked).rejects.toThrow('the client went away');
    const parsedAtStart = createMemoryStore();
    await parsedAtStart.load(dataset);
    const expected = await parsedAtStart.factsSupportedBy(statementIds);
    expect(expected.flat().length).toBeGreaterThan(0);
    expect(await reopened.factsSupportedBy(statementIds)).toEqual(expected);
    await reopened.close();
    // So is a merge's search for the records naming the entities merged, after another start.
    const again = openDurableMemoryStore(dir);
    const merged = [dataset.entities[0]!.id, dataset.entities[1]!.id];
    const merging = new AbortController();
    const referring = again.recordsReferringTo(merged, { signal: merging.signal });
    setImmediate(() => merging.abort(new Error('the client went away')));
    await expect(referring).rejects.toThrow('the client went away');
    const found = await again.recordsReferringTo(merged);
    expect(found.relations.length).toBeGreaterThan(0);
    expect(found).toEqual(await parsedAtStart.recordsReferringTo(merged));
    await again.close();
  });

  it('are parsed when first read: a damaged row does not stop a start, and reading it names it', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const [damaged, sound] = seed.relations;
    const db = new Database(fileIn(dir));
    db.prepare("UPDATE relations SET record = '{oops' WHERE id = ?").run(damaged!.id);
    db.close();
    const reopened = openDurableMemoryStore(dir);
    expect(await reopened.relationsByIds([sound!.id])).toEqual([sound]);
    await expect(reopened.relationsByIds([damaged!.id])).rejects.toThrow(DataFileError);
    await expect(reopened.relationsByIds([damaged!.id])).rejects.toThrow(`record of ${damaged!.id} in table relations is not valid JSON`);
    await reopened.close();
  });
});

describe('a data file of schema version 1 (before facts had attributions, times and events)', () => {
  /** A version-1 file: the layout, with records of the old model written as that version wrote them. */
  function writeVersionOneFile(dataDir: string, relation: Record<string, unknown>) {
    GraphDataFile.open(dataDir).close();
    const db = new Database(fileIn(dataDir));
    // Version 1 had no journal.
    db.exec('DROP TABLE change_records; DROP TABLE changes; DROP TABLE documents;');
    dropWalkColumns(db);
    const put = (table: string, record: Record<string, unknown>, columns: Record<string, unknown> = {}) => {
      const names = ['id', ...Object.keys(columns), 'record'];
      db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
        record.id,
        ...Object.values(columns),
        JSON.stringify(record),
      );
    };
    put('sources', { id: 'source:old', title: 'Old', publisher: null, published: '2025-01-06', url: null });
    put('entities', { id: 'settlement:kurakhove', kind: 'SETTLEMENT', name: 'Kurakhove', aliases: ['Курахове'], description: null }, { kind: 'SETTLEMENT' });
    put('entities', { id: 'org:mod', kind: 'ORGANIZATION', name: 'Defence ministry', aliases: [], description: null }, { kind: 'ORGANIZATION' });
    put('entities', { id: 'unit:army', kind: 'UNIT', name: 'Army', aliases: [], description: null }, { kind: 'UNIT' });
    put('statements', {
      id: 'stmt:old', kind: 'QUOTE', text: 'Taken.', date: '2025-01-06', speakerId: 'org:mod', aboutIds: ['settlement:kurakhove'],
      sourceId: 'source:old', status: 'CLAIMED', reportedViaId: null,
    }, { source_id: 'source:old', speaker_id: 'org:mod' });
    put('relations', relation, { type: relation.type, from_id: relation.from, to_id: relation.to, source_id: relation.sourceId });
    db.prepare('UPDATE schema_version SET version = 1').run();
    db.close();
  }
  const oldRelation = {
    id: 'rel:army-captured-kurakhove', type: 'CLAIMED_CAPTURE_OF', from: 'unit:army', to: 'settlement:kurakhove', status: 'CLAIMED',
    claimedBy: 'org:mod', date: '2025-01-06', sourceId: 'source:old', statementIds: ['stmt:old'], qualifiers: {},
  };

  it('is migrated on open: every record kept, in the new model, and the file marked with the current version', async () => {
    writeVersionOneFile(dir, oldRelation);
    const store = openDurableMemoryStore(dir);
    expect(store.dataFileMigratedFrom).toBe(1);
    expect(await store.counts()).toEqual({ entities: 3, relations: 1, statements: 1, sources: 1 });
    const [view] = (await store.relationsOf(['settlement:kurakhove'], { filter: { types: null }, direction: 'IN' }))[0]!;
    expect(view!.relation).toEqual({
      id: 'rel:army-captured-kurakhove', type: 'CLAIMED_CAPTURE_OF', from: 'unit:army', to: 'settlement:kurakhove',
      time: { start: '2025-01-06', end: null, text: null },
      attributions: [{ claimantId: 'org:mod', viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:old', note: null }],
      status: 'CLAIMED', claimedBy: 'org:mod', date: '2025-01-06', sourceId: 'source:old', statementIds: ['stmt:old'], qualifiers: {},
    });
    expect((await store.sourcesByIds(['source:old']))[0]!.kind).toBe('DOCUMENT');
    expect((await store.entitiesByIds(['settlement:kurakhove']))[0]).toMatchObject({ location: null, event: null, aliases: ['Курахове'] });
    const exported = await store.exportDataset();
    await store.close();
    const db = new Database(fileIn(dir), { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION]);
    db.close();
    // Reopened, it is a file of the current version that reads the same.
    const reopened = openDurableMemoryStore(dir);
    expect(reopened.dataFileMigratedFrom).toBeNull();
    expect(await reopened.exportDataset()).toEqual(exported);
    await reopened.close();
  });

  it('is refused, and left as it is, when its records cannot be upgraded', async () => {
    writeVersionOneFile(dir, { ...oldRelation, type: 'NO_SUCH_TYPE' });
    let error: unknown;
    const before = await readFile(fileIn(dir));
    try {
      openDurableMemoryStore(dir).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(new RegExp(`schema version 1, and its records cannot be upgraded to version ${SCHEMA_VERSION} \\(.*NO_SUCH_TYPE.*\\); it was left as it is`));
    expect((error as Error).message).not.toContain('\n');
    expect(await readFile(fileIn(dir))).toEqual(before);
    const db = new Database(fileIn(dir), { readonly: true });
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([1]);
    db.close();
  });
});

describe('a data file that cannot be used', () => {
  /** Opens, expects a DataFileError of one line naming `named`, and checks the file was left as it was. */
  async function expectRefusal(dataDir: string, pattern: RegExp, named = fileIn(dataDir)) {
    const before = await readFile(fileIn(dataDir)).catch(() => null);
    let error: unknown;
    try {
      openDurableMemoryStore(dataDir).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(named);
    expect(message).toMatch(pattern);
    expect(await readFile(fileIn(dataDir)).catch(() => null)).toEqual(before);
  }

  it('refuses garbage bytes', async () => {
    await writeFile(fileIn(dir), Buffer.from('this is not an SQLite file, just some bytes '.repeat(200)));
    await expectRefusal(dir, /damaged or is not a database/);
  });

  it('refuses a schema version it does not know', async () => {
    GraphDataFile.open(dir).close();
    const db = new Database(fileIn(dir));
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();
    await expectRefusal(dir, /schema version 99, which this server does not know/);
  });

  it('refuses another SQLite database', async () => {
    const db = new Database(fileIn(dir));
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY)');
    db.close();
    await expectRefusal(dir, /not this server's data file/);
  });

  it('refuses a record that is not valid JSON, naming it', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const db = new Database(fileIn(dir));
    db.prepare("UPDATE entities SET record = '{oops' WHERE id = 'country:ukraine'").run();
    db.close();
    await expectRefusal(dir, /record of country:ukraine in table entities is not valid JSON/);
  });

  it('refuses a DATA_DIR that is a file, naming it', async () => {
    const notADir = path.join(dir, 'plain-file');
    await writeFile(notADir, 'x');
    expect(() => openDurableMemoryStore(notADir)).toThrow(DataFileError);
    expect(() => openDurableMemoryStore(notADir)).toThrow(notADir);
  });

  it('refuses a file that another process (or store) holds', async () => {
    const first = openDurableMemoryStore(dir);
    try {
      expect(() => openDurableMemoryStore(dir)).toThrow(/in use by another process/);
    } finally {
      await first.close();
    }
    openDurableMemoryStore(dir).close();
  });
});

describe('DATA_DIR', () => {
  it('defaults to ./.data and turns persistence off with :memory:', () => {
    expect(readConfig({}).dataDir).toBe(path.resolve('.data'));
    expect(readConfig({ DATA_DIR: '/var/lib/kg' }).dataDir).toBe('/var/lib/kg');
    expect(readConfig({ DATA_DIR: ':memory:' }).dataDir).toBeNull();
  });
});

describe('the start image (the adjacency and the search index kept in the data file)', () => {
  const FROM_IMAGE = { adjacency: true, search: true };
  const BUILT = { adjacency: false, search: false };
  const dataset = generateDataset({ entities: 1_500, relations: 12_000, seed: 11 });
  const claimantIds = [...new Set(dataset.relations.flatMap((r) => r.attributions.flatMap((a) => (a.claimantId === null ? [] : [a.claimantId]))))];
  const filters: RelationFilter[] = [
    ANY_RELATION,
    { types: ['COMMANDS', 'LOCATED_IN', 'MEMBER_OF', 'ALLIED_WITH'] },
    { types: null, statuses: ['CLAIMED', 'DISPUTED'] },
    { types: null, claimantIds: claimantIds.slice(0, 5) },
    { types: null, window: { from: '2024-06-01', to: '2024-12-31' } },
    { types: null, kinds: ['UNIT', 'SETTLEMENT', 'PERSON'] },
  ];
  const centres = dataset.entities.filter((_, i) => i % 97 === 0).map((e) => e.id);
  // Short texts (their own lists), trigrams, words and a typo (the word tiers).
  const searchTexts = ['a', 'ko', 'sta', 'gen 1', 'unit', 'brigade', 'brigdae', 'north'];
  const pairs = centres.slice(0, 8).map((from, i) => [from, centres[centres.length - 1 - i]!] as const);

  /** What a user of the store sees of its graph: relations under each filter, neighbourhoods, paths. */
  async function answers(store: GraphStore): Promise<unknown> {
    const relations = await Promise.all(
      filters.map(async (filter) => (await store.relationsOf(centres, { filter, direction: 'BOTH' })).map((views) => views.map((v) => [v.relation.id, v.otherId, v.direction]))),
    );
    const neighbourhoods = await Promise.all(
      centres.flatMap((centre) =>
        filters.slice(0, 3).map(async (filter) => {
          const hood = await store.neighborhood(centre, { depth: 2, filter, limit: 60 });
          return hood && { nodes: hood.nodes.map((n) => n.id), edges: hood.edges.map((e) => e.id), truncated: hood.truncated };
        }),
      ),
    );
    const paths = await Promise.all(
      pairs.flatMap(([from, to]) =>
        [false, true].map(async (directed) =>
          (await store.paths(from, to, { maxHops: 5, first: 3, filter: ANY_RELATION, directed })).map((p) => p.edges.map((e) => e.id)),
        ),
      ),
    );
    const searches = await Promise.all(
      [...searchTexts, ...dataset.entities.slice(0, 40).map((e) => e.name.slice(1, 6).toLowerCase())].map(async (text) =>
        (await store.search({ text, kinds: null, first: 10 })).map((m) => [m.entity.id, m.score, m.field]),
      ),
    );
    return { relations, neighbourhoods, paths, searches };
  }

  /** The dataset written to a new data file, which is closed and opened again: a start from its image. */
  async function startedFromImage(): Promise<MemoryStore> {
    const store = openDurableMemoryStore(dir);
    await store.load(dataset);
    await store.close();
    const started = openDurableMemoryStore(dir);
    expect(started.startedFromImage).toEqual(FROM_IMAGE);
    return started;
  }

  const generationOf = (d: string) => {
    const db = new Database(fileIn(d), { readonly: true });
    const value = db.prepare('SELECT value FROM graph_generation').pluck().get();
    db.close();
    return value;
  };

  it('is written when a store closes and read by the next start, which answers as the store it was written by', async () => {
    const inMemory = createMemoryStore();
    await inMemory.load(dataset);
    const expected = await answers(inMemory);

    const store = openDurableMemoryStore(dir);
    expect(store.startedFromImage).toEqual(BUILT);
    await store.load(dataset);
    await store.close();
    const started = openDurableMemoryStore(dir);
    expect(started.startedFromImage).toEqual(FROM_IMAGE);
    expect(await answers(started)).toEqual(expected);
    // Records are parsed from the image start's blobs when read, whole.
    expect(await started.relationsByIds(dataset.relations.slice(0, 300).map((r) => r.id))).toEqual(dataset.relations.slice(0, 300));
    expect(await started.counts()).toEqual(await inMemory.counts());
    await started.close();

    // The same file without its image: built from the rows, the same answers.
    const db = new Database(fileIn(dir));
    db.exec('DELETE FROM start_image');
    db.close();
    const fromRows = openDurableMemoryStore(dir);
    expect(fromRows.startedFromImage).toEqual(BUILT);
    expect(await answers(fromRows)).toEqual(expected);
    await fromRows.close();
  });

  it('answers through writes after reads: relations read from the image stay the same relations, moved, changed or removed', async () => {
    const started = await startedFromImage();
    const inMemory = createMemoryStore();
    await inMemory.load(dataset);
    // Reads first: every relation a neighbourhood lists is parsed, and its record kept in the row's place.
    expect(await answers(started)).toEqual(await answers(inMemory));
    const read = (await started.neighborhood(centres[0]!, { depth: 2, filter: ANY_RELATION, limit: 60 }))!;
    const [changed, moved, removed] = 'edges' in read ? read.edges : [];
    expect(removed).toBeDefined();
    const elsewhere = dataset.entities.find((e) => e.id !== moved!.from && e.id !== moved!.to)!.id;
    const write = {
      upsert: {
        sources: [],
        entities: [],
        statements: [],
        relations: [
          { ...changed!, qualifiers: { note: 'changed after a read' } },
          { ...moved!, to: elsewhere },
          { ...dataset.relations[0]!, id: 'rel:new-after-reads' },
        ],
      },
      remove: { relations: [removed!.id] },
    };
    const change = (): ChangeRecord => ({
      ...newChangeId(),
      actor: 'editor-token',
      role: 'editor',
      operation: 'updateRelation',
      idempotencyKey: null,
      requestHash: null,
      recordIds: [changed!.id],
      before: {},
      after: {},
    });
    for (const target of [started, inMemory]) await target.commit({ ...write, change: change() });
    expect(await answers(started)).toEqual(await answers(inMemory));
    const ids = [changed!.id, moved!.id, removed!.id, 'rel:new-after-reads'];
    expect(await started.relationsByIds(ids)).toEqual(await inMemory.relationsByIds(ids));
    await started.close();
  });

  it("keeps the relations' JSON only until each is read: a page of it is let go once all of its relations were", async () => {
    const started = await startedFromImage();
    const rows = (started as unknown as { state: { adjacency: { relations: { batch: { heldBytes: number } }[] } } }).state.adjacency.relations[0]!.batch;
    const held = rows.heldBytes;
    expect(held).toBeGreaterThan(dataset.relations.length * 50);
    const ids = dataset.relations.map((r) => r.id);
    expect(await started.relationsByIds(ids.slice(0, 6_000))).toEqual(dataset.relations.slice(0, 6_000));
    expect(rows.heldBytes).toBe(held);
    expect(await started.relationsByIds(ids)).toEqual(dataset.relations);
    expect(rows.heldBytes).toBe(0);
    // Read again: the records kept, not the JSON.
    expect(await started.relationsByIds(ids.slice(-10))).toEqual(dataset.relations.slice(-10));
    await started.close();
  });

  it("answers its first questions about time and statements' facts reading every relation once, keeping none of their records", async () => {
    const started = await startedFromImage();
    const relations = (started as unknown as { state: { adjacency: { relations: object[] } } }).state.adjacency.relations;
    const rows = (relations[0] as { batch: { heldBytes: number } }).batch;
    const held = rows.heldBytes;
    const parsedAtStart = createMemoryStore();
    await parsedAtStart.load(dataset);
    const everything = { window: { from: null, to: null }, entityId: null, kinds: null };
    const claims = { ...everything, kinds: ['CLAIM' as const] };
    const page = { first: 100, after: null };
    const timeline = await started.timeline(everything, page);
    expect(timeline.totalCount).toBeGreaterThan(dataset.relations.length / 2);
    expect(timeline).toEqual(await parsedAtStart.timeline(everything, page));
    const secondPage = { first: 100, after: timeline.endCursor };
    expect(await started.timeline(claims, secondPage)).toEqual(await parsedAtStart.timeline(claims, secondPage));
    const statementIds = dataset.statements.slice(0, 200).map((s) => s.id);
    const supported = await started.factsSupportedBy(statementIds);
    expect(supported.flat().length).toBeGreaterThan(0);
    expect(supported).toEqual(await parsedAtStart.factsSupportedBy(statementIds));
    // Only the records the answers hold were kept: the rest of the rows are as the start left them.
    const kept = relations.filter((r) => !('batch' in r)).length;
    const answered = new Set([
      ...timeline.items.flatMap((e) => (e.relation ? [e.relation.id] : [])),
      ...supported.flat().flatMap((f) => (f.relation ? [f.relation.id] : [])),
    ]);
    expect(kept).toBeLessThanOrEqual(answered.size + 200);
    expect(rows.heldBytes).toBe(held);
    await started.close();
  });

  it('builds the fact indexes once when writes land while the first question about time waits: the snapshots after follow from that build', async () => {
    const started = await startedFromImage();
    const read = vi.spyOn(RelationRow.prototype, 'passingFacts');
    try {
      const everything = { window: { from: null, to: null }, entityId: null, kinds: null };
      const about = (id: string) => ({ ...everything, entityId: id });
      const page = { first: 100, after: null };
      const [template] = dataset.relations.filter((r) => r.attributions.some((a) => a.saidOn !== null));
      const written = [1, 2].map((n) => ({ ...template!, id: `rel:written-during-the-build-${n}`, from: centres[n]!, to: centres[n + 1]! }));
      const asked = started.timeline(everything, page);
      // The first slice of the build ran; the writes land before the rest.
      expect(read.mock.calls.length).toBeGreaterThan(0);
      for (const relation of written) await started.load({ sources: [], entities: [], statements: [], relations: [relation] });
      expect(read.mock.calls.length).toBeLessThan(dataset.relations.length);
      const afterWrites = await Promise.all([started.timeline(everything, page), started.timeline(about(centres[2]!), page)]);
      await asked;
      // Every row read once, by the one build: the snapshots after the writes did not start their own.
      expect(read).toHaveBeenCalledTimes(dataset.relations.length);
      const parsedAtStart = createMemoryStore();
      await parsedAtStart.load({ ...dataset, relations: [...dataset.relations, ...written] });
      expect(afterWrites).toEqual(await Promise.all([parsedAtStart.timeline(everything, page), parsedAtStart.timeline(about(centres[2]!), page)]));
      expect(JSON.stringify(afterWrites[1])).toContain(written[1]!.id);
    } finally {
      read.mockRestore();
    }
    await started.close();
  });

  describe('with the fact indexes a run built', () => {
    const everything = { window: { from: null, to: null }, entityId: null, kinds: null };
    const about = (id: string) => ({ ...everything, entityId: id });
    const statementIds = dataset.statements.slice(0, 300).map((s) => s.id);

    /** What a user of the store sees of its fact indexes: the timeline, pages of it, statements' facts, events. */
    async function factAnswers(store: GraphStore): Promise<unknown> {
      const first = await store.timeline(everything, { first: 100, after: null });
      return {
        first,
        second: await store.timeline(everything, { first: 100, after: first.endCursor }),
        claims: await store.timeline({ ...everything, kinds: ['CLAIM'], window: { from: '2024-01-01', to: '2024-12-31' } }, { first: 100, after: null }),
        about: await Promise.all(centres.slice(0, 6).map((id) => store.timeline(about(id), { first: 100, after: null }))),
        supported: await store.factsSupportedBy(statementIds),
        events: await store.findEvents({ types: null, participantId: null, placeId: null, window: null }, { first: 100, after: null }),
      };
    }

    /** Builds the fact indexes of a started store by asking, then closes it: its close keeps them in the image. */
    async function keptByARun(): Promise<void> {
      const started = await startedFromImage();
      await started.timeline(everything, { first: 1, after: null });
      await started.close();
    }

    /** A start from the image (what of it the start read: `startedFrom`) whose fact answers are `expected`, with no relation row read for them. */
    async function expectAnsweredFromImage(expected: unknown, startedFrom = FROM_IMAGE): Promise<void> {
      const read = vi.spyOn(RelationRow.prototype, 'passingFacts');
      try {
        const reopened = openDurableMemoryStore(dir);
        expect(reopened.startedFromImage).toEqual(startedFrom);
        expect(await factAnswers(reopened)).toEqual(expected);
        expect(read).not.toHaveBeenCalled();
        await reopened.close();
      } finally {
        read.mockRestore();
      }
    }

    it('reads them from the image at its first question about time, reading no relation, and answers as the run that built them', async () => {
      const parsedAtStart = createMemoryStore();
      await parsedAtStart.load(dataset);
      const expected = await factAnswers(parsedAtStart);
      expect((expected as { supported: unknown[][] }).supported.flat().length).toBeGreaterThan(0);
      await keptByARun();
      await expectAnsweredFromImage(expected);
      // The second start finds them still there: a close after reading them leaves the image as it was.
      await expectAnsweredFromImage(expected);
    });

    it('keeps them when a stop writes the whole image again (its search index was built at start)', async () => {
      await keptByARun();
      const db = new Database(fileIn(dir));
      expect(db.prepare("DELETE FROM start_image WHERE name LIKE 'search.%'").run().changes).toBeGreaterThan(0);
      db.close();
      const searchBuilt = openDurableMemoryStore(dir);
      expect(searchBuilt.startedFromImage).toEqual({ adjacency: true, search: false });
      const expected = await factAnswers(searchBuilt);
      await searchBuilt.close();
      await expectAnsweredFromImage(expected);
    });

    it('builds them from the rows when the image has none, or parts that do not fit, and answers the same', async () => {
      const parsedAtStart = createMemoryStore();
      await parsedAtStart.load(dataset);
      const expected = await factAnswers(parsedAtStart);
      const started = await startedFromImage();
      const read = vi.spyOn(RelationRow.prototype, 'passingFacts');
      try {
        expect(await factAnswers(started)).toEqual(expected);
        expect(read).toHaveBeenCalled();
        await started.close();
        for (const damage of [
          "UPDATE start_image SET body = x'00' WHERE name = 'facts.records'",
          "UPDATE start_image SET body = CAST('[\"2024-13-45\"]' AS BLOB) WHERE name = 'facts.texts'",
          "DELETE FROM start_image WHERE name = 'facts.statementFacts'",
        ]) {
          await keptByARun();
          const db = new Database(fileIn(dir));
          expect(db.prepare(damage).run().changes).toBe(1);
          db.close();
          read.mockClear();
          const reopened = openDurableMemoryStore(dir);
          expect(await factAnswers(reopened)).toEqual(expected);
          expect(read, damage).toHaveBeenCalled();
          await reopened.close();
        }
      } finally {
        read.mockRestore();
      }
    });

    it('are not needed for events and places near: those answer from the entities, reading no relation', async () => {
      const parsedAtStart = createMemoryStore();
      await parsedAtStart.load(dataset);
      const started = await startedFromImage();
      const read = vi.spyOn(RelationRow.prototype, 'passingFacts');
      try {
        const located = dataset.entities.filter((e) => e.location !== null).slice(0, 5);
        expect(located.length).toBeGreaterThan(0);
        for (const query of [
          { types: null, participantId: null, placeId: null, window: null },
          { types: null, participantId: null, placeId: null, window: { from: '2024-01-01', to: '2024-06-30' } },
        ]) {
          const page = { first: 50, after: null };
          expect(await started.findEvents(query, page)).toEqual(await parsedAtStart.findEvents(query, page));
        }
        for (const place of located) expect(await started.near(place.id, { km: 500 })).toEqual(await parsedAtStart.near(place.id, { km: 500 }));
        expect(read).not.toHaveBeenCalled();
      } finally {
        read.mockRestore();
      }
      await started.close();
    });

    it('are kept by a stop after writes derived them, numbered by the graph written: the next start reads them and answers as a fresh store', async () => {
      const started = await startedFromImage();
      await started.timeline(everything, { first: 1, after: null });
      const dated = dataset.relations.filter((r) => r.attributions.some((a) => a.saidOn !== null));
      // An id before most (every relation after it takes the next number), a relation rewritten with
      // other days, one removed, and an event and a statement written.
      const first = { ...dated[0]!, id: 'rel:0-written-first', from: centres[2]!, to: centres[3]! };
      const rewritten = { ...dated[1]!, time: { start: '2021-03', end: null, text: null } };
      const removed = dated[2]!;
      const event = dataset.entities.find((e) => e.event !== null)!;
      const movedEvent = { ...event, event: { ...event.event!, time: { start: '2020-02-02', end: null, text: null } } };
      const statement = { ...dataset.statements[0]!, date: '2020-05-06' };
      await started.load({ sources: [], entities: [movedEvent], statements: [statement], relations: [first, rewritten] });
      await started.commit({
        upsert: { sources: [], entities: [], statements: [], relations: [] },
        remove: { relations: [removed.id] },
        change: { ...newChangeId(), actor: 'editor-token', role: 'editor', operation: 'removeRelation', idempotencyKey: null, requestHash: null, recordIds: [removed.id], before: {}, after: {} },
      });
      const expected = await factAnswers(started);
      await started.close();
      const fresh = createMemoryStore();
      const relations = [...dataset.relations.filter((r) => r.id !== removed.id && r.id !== rewritten.id), first, rewritten];
      await fresh.load({
        ...dataset,
        entities: dataset.entities.map((e) => (e.id === event.id ? movedEvent : e)),
        statements: dataset.statements.map((st) => (st.id === statement.id ? statement : st)),
        relations,
      });
      expect(expected).toEqual(await factAnswers(fresh));
      const db = new Database(fileIn(dir), { readonly: true });
      expect(db.prepare("SELECT count(*) FROM start_image WHERE name LIKE 'facts.%'").pluck().get()).toBeGreaterThan(0);
      db.close();
      // The search index is built at this start (an entity was written since it was), the adjacency read.
      await expectAnsweredFromImage(expected, { adjacency: true, search: false });
    });

    it('are not read for a graph written since: the first question after a write builds them', async () => {
      await keptByARun();
      const reopened = openDurableMemoryStore(dir);
      const [template] = dataset.relations.filter((r) => r.attributions.some((a) => a.saidOn !== null));
      const written = { ...template!, id: 'rel:written-after-the-image', from: centres[0]!, to: centres[1]! };
      await reopened.load({ sources: [], entities: [], statements: [], relations: [written] });
      const parsedAtStart = createMemoryStore();
      await parsedAtStart.load({ ...dataset, relations: [...dataset.relations, written] });
      const answers = await factAnswers(reopened);
      expect(answers).toEqual(await factAnswers(parsedAtStart));
      expect(JSON.stringify(await reopened.timeline(about(centres[0]!), { first: 100, after: null }))).toContain(written.id);
      await reopened.close();
    });
  });

  it('is not read once the graph changed: a write, or a row changed by another program, moves the generation on', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(dataset);
    await store.close();
    const before = generationOf(dir);

    // A write after a start, then a stop that does not close the store (a crash): no image of the new graph.
    const started = openDurableMemoryStore(dir);
    expect(started.startedFromImage).toEqual(FROM_IMAGE);
    const [template] = dataset.relations;
    const written = { ...template!, id: 'rel:written-after-the-image', from: centres[0]!, to: centres[1]! };
    await started.load({ sources: [], entities: [], statements: [], relations: [written] });
    (started as unknown as { dataFile: GraphDataFile }).dataFile.close();
    expect(generationOf(dir)).toBeGreaterThan(before as number);

    const afterCrash = openDurableMemoryStore(dir);
    expect(afterCrash.startedFromImage).toEqual(BUILT);
    const [views] = await afterCrash.relationsOf([centres[0]!], { filter: ANY_RELATION, direction: 'BOTH' });
    expect(views!.map((v) => v.relation.id)).toContain(written.id);
    await afterCrash.close();

    // Its close wrote the image of the graph with the write; another program then moves a relation's end.
    const moved = dataset.relations.find((r) => r.from !== centres[2] && r.to !== centres[2])!;
    const db = new Database(fileIn(dir));
    db.prepare('UPDATE relations SET to_id = ? WHERE id = ?').run(centres[2], moved.id);
    db.close();
    const edited = openDurableMemoryStore(dir);
    expect(edited.startedFromImage).toEqual(BUILT);
    const [ofCentre] = await edited.relationsOf([centres[2]!], { filter: ANY_RELATION, direction: 'BOTH' });
    expect(ofCentre!.map((v) => v.relation.id)).toContain(moved.id);
    await edited.close();
  });

  it('is ignored when it does not fit the graph: the start builds the adjacency from the rows and answers right', async () => {
    const inMemory = createMemoryStore();
    await inMemory.load(dataset);
    const expected = await answers(inMemory);
    const store = openDurableMemoryStore(dir);
    await store.load(dataset);
    await store.close();

    const damages: [string, (db: Database.Database) => void][] = [
      ['an end out of range', (db) => db.prepare("UPDATE start_image SET body = zeroblob(length(body)) || X'FFFFFF7F' WHERE name = 'relTo'").run()],
      ['a column cut short', (db) => db.prepare("UPDATE start_image SET body = substr(body, 1, 100) WHERE name = 'other'").run()],
      ['a column missing', (db) => db.prepare("DELETE FROM start_image WHERE name = 'offsets'").run()],
      ['a header of another format', (db) => db.prepare("UPDATE start_image SET body = CAST('{\"format\":99}' AS BLOB) WHERE name = 'header'").run()],
    ];
    for (const [damage, make] of damages) {
      const intact = openDurableMemoryStore(dir);
      expect(intact.startedFromImage, damage).toEqual(FROM_IMAGE);
      await intact.close();
      const db = new Database(fileIn(dir));
      make(db);
      db.close();
      const started = openDurableMemoryStore(dir);
      expect(started.startedFromImage, damage).toEqual(BUILT);
      expect(await answers(started), damage).toEqual(expected);
      // Its close writes a sound image again.
      await started.close();
    }
  });

  it('is added by the migration from schema version 5, and written at the first close after it', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(seed);
    await store.close();
    const db = new Database(fileIn(dir));
    for (const table of ['entities', 'relations']) {
      for (const change of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER ${table}_${change}_moves_generation`);
    }
    db.exec('DROP TABLE start_image; DROP TABLE graph_generation; UPDATE schema_version SET version = 5');
    db.close();
    const migrated = openDurableMemoryStore(dir);
    expect(migrated.dataFileMigratedFrom).toBe(5);
    expect(migrated.startedFromImage).toEqual(BUILT);
    await migrated.close();
    const started = openDurableMemoryStore(dir);
    expect(started.startedFromImage).toEqual(FROM_IMAGE);
    expect(await started.relationsByIds(seed.relations.map((r) => r.id))).toEqual(seed.relations);
    await started.close();
  });
});

describe('the start image of the search index', () => {
  const dataset = generateDataset({ entities: 1_500, relations: 6_000, seed: 12 });
  const texts = ['a', 'ko', 'sta', 'gen', 'unit 1', 'brigdae', ...dataset.entities.slice(0, 30).map((e) => e.name.slice(0, 5).toLowerCase())];
  const searches = (store: GraphStore) => Promise.all(texts.map(async (text) => (await store.search({ text, kinds: null, first: 10 })).map((m) => [m.entity.id, m.score, m.field])));

  it('is not read after entities were written since it was built (the start builds the index, and its close keeps it), nor when a part does not fit', async () => {
    const store = openDurableMemoryStore(dir);
    await store.load(dataset);
    await store.close();
    const started = openDurableMemoryStore(dir);
    expect(started.startedFromImage).toEqual({ adjacency: true, search: true });
    const written = { ...dataset.entities[0]!, id: 'unit:written-after-the-image', name: 'Zyxwvu Written Brigade' };
    await started.load({ sources: [], entities: [written], relations: [], statements: [] });
    await started.close();

    const inMemory = createMemoryStore();
    await inMemory.load(dataset);
    await inMemory.load({ sources: [], entities: [written], relations: [], statements: [] });
    const expected = await searches(inMemory);
    expect(expected.flat().length).toBeGreaterThan(texts.length);
    const [found] = await inMemory.search({ text: 'zyxwv', kinds: null, first: 3 }).then((m) => m.map((x) => x.entity.id));
    expect(found).toBe(written.id);

    // Written since the index was built: the image keeps the walk columns, the start builds the index.
    const afterWrite = openDurableMemoryStore(dir);
    expect(afterWrite.startedFromImage).toEqual({ adjacency: true, search: false });
    expect(await searches(afterWrite)).toEqual(expected);
    await afterWrite.close();
    const again = openDurableMemoryStore(dir);
    expect(again.startedFromImage).toEqual({ adjacency: true, search: true });
    expect(await searches(again)).toEqual(expected);
    expect((await again.search({ text: 'zyxwv', kinds: null, first: 3 }))[0]!.entity.id).toBe(written.id);
    await again.close();

    const damages: [string, string][] = [
      ['an entry order with one entity twice', "UPDATE start_image SET body = substr(body, 5, 4) || substr(body, 5) WHERE name = 'search.order'"],
      ['keys folded otherwise', "UPDATE start_image SET body = CAST('12345' AS BLOB) WHERE name = 'search.fingerprint'"],
      ['a position out of range', "UPDATE start_image SET body = substr(body, 1, length(body) - 4) || X'FFFFFF7F' WHERE name = 'search.trigrams.positions'"],
      ['a list of texts that is not JSON', "UPDATE start_image SET body = CAST('[oops' AS BLOB) WHERE name = 'search.wordStarts.texts'"],
    ];
    for (const [damage, sql] of damages) {
      const db = new Database(fileIn(dir));
      db.prepare(sql).run();
      db.close();
      const damaged = openDurableMemoryStore(dir);
      expect(damaged.startedFromImage, damage).toEqual({ adjacency: true, search: false });
      expect(await searches(damaged), damage).toEqual(expected);
      await damaged.close();
      const mended = openDurableMemoryStore(dir);
      expect(mended.startedFromImage, damage).toEqual({ adjacency: true, search: true });
      await mended.close();
    }
  });
});
