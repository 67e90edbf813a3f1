/**
 * The offline import (src/store/neo4j/import-files.ts, `npm run neo4j -- --import`): Neo4j's own
 * importer builds a new database from a dataset, and the Neo4j store must then answer exactly as
 * after `load`. On a real Neo4j 5.26 of its own (skipped where none can be started, as in
 * neo4j-store.test.ts). The contract suites run on such a database too (importedNeo4j in
 * test/support/stores.ts); this file adds the texts CSV finds hard, duplicates, the refusals and
 * the command itself.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatasetValidationError, type Dataset } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore, Page, TimelineEntry } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { importArguments, writeImportFiles } from '../../src/store/neo4j/import-files.js';
import { entityProperties, statementProperties } from '../../src/store/neo4j/mapping.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { SEARCH_KEYS_VERSION } from '../../src/store/neo4j/search-keys.js';
import { userEnv } from '../support/server-process.js';
import { checkNewDataDir, checkPrerequisites, importIntoNewDatabase, Neo4jLauncherError, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';

const seed = await readDatasetFile(SEED_FILE);
const [first, second, third] = seed.entities;
const [firstRelation] = seed.relations;
const [firstStatement] = seed.statements;

/** The seed with texts that need CSV's quoting, line breaks and backslashes, lists CSV cannot write, and an id listed twice. */
const hard: Dataset = {
  ...seed,
  entities: seed.entities.map((e) => {
    if (e === first) {
      return { ...e, description: 'Line one, with a comma;\nline "two"\r\nthird\tline, ünïcödé 🎯 \u001e', aliases: ['a, b', '"quoted"', 'Сирський', ''] };
    }
    if (e === third) return { ...e, description: ' C:\\path\\"x" \\, trailing space ', aliases: ['\\', '""', '\\"'] };
    return e === second ? { ...e, aliases: [] } : e;
  }),
  statements: seed.statements.map((s) => (s === firstStatement ? { ...s, text: 'He said: "We hold it,\nfor now." ""' } : s)),
  relations: [
    ...seed.relations,
    // Listed again: the last record wins, as in load().
    { ...firstRelation!, qualifiers: { ...firstRelation!.qualifiers, distanceKm: 12.345678901234567, note: 'said twice' } },
  ],
};

const neo4jEnabled = inject('neo4jUri') !== null && (await checkPrerequisites()).ok;

describe.skipIf(!neo4jEnabled)('a Neo4j database built by the offline import', () => {
  let dir: string;
  let neo4j: LocalNeo4j | undefined;
  let store: GraphStore;
  let reference: GraphStore;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kg-import-test-'));
    const files = await writeImportFiles(hard, path.join(dir, 'files'));
    await importIntoNewDatabase({ dataDir: path.join(dir, 'neo4j'), args: importArguments(files) });
    neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir: path.join(dir, 'neo4j'), startTimeoutMs: 200_000 });
    store = await createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
    reference = createMemoryStore();
    await reference.load(hard);
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await neo4j?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('holds every record as load() stores it: quotes, line breaks, backslashes, empty lists, the last of a duplicate', async () => {
    const exported = await store.exportDataset();
    expect(exported).toEqual(await reference.exportDataset());
    expect(await store.counts()).toEqual(await reference.counts());
    const entity = exported.entities.find((e) => e.id === first!.id)!;
    expect(entity.description).toContain('line "two"\r\nthird\tline');
    expect(exported.entities.find((e) => e.id === second!.id)!.aliases).toEqual([]);
    expect(exported.entities.find((e) => e.id === third!.id)!.aliases).toEqual(['\\', '""', '\\"']);
    expect(exported.relations.find((r) => r.id === firstRelation!.id)!.qualifiers.distanceKm).toBe(12.345678901234567);
  });

  it("holds this version's search keys, and says so: its first start need not read them again", async () => {
    const driver = neo4jDriver.driver(neo4j!.uri);
    try {
      const held = await driver.executeQuery(
        'MATCH (x) WHERE x:Entity OR x:Statement RETURN x.id AS id, x.searchText AS searchText, x.searchWords AS searchWords',
      );
      const folded = new Map<string, Record<string, unknown>>([
        ...hard.entities.map((e) => [e.id, entityProperties(e)] as const),
        ...hard.statements.map((st) => [st.id, statementProperties(st)] as const),
      ]);
      expect(held.records.length).toBe(folded.size);
      for (const record of held.records) {
        const keys = folded.get(record.get('id') as string)!;
        // An empty text is an absent property (CSV cannot say ''); both hold nothing to find.
        expect([record.get('id'), record.get('searchText') ?? '', record.get('searchWords') ?? '']).toEqual([
          record.get('id'),
          keys['searchText'],
          keys['searchWords'],
        ]);
      }
      const version = await driver.executeQuery('MATCH (k:SearchKeys) RETURN k.name AS name, k.version AS version');
      expect(version.records.map((r) => [r.get('name'), Number(r.get('version'))])).toEqual([['graph', SEARCH_KEYS_VERSION]]);
    } finally {
      await driver.close();
    }
  });

  it('gives the timeline, claims included, that the embedded store gives, page after page', async () => {
    const timeline = async (s: GraphStore) => {
      const entries: string[] = [];
      let after: string | null = null;
      do {
        const page: Page<TimelineEntry> = await s.timeline({ window: { from: null, to: null }, entityId: null, kinds: null }, { first: 100, after });
        entries.push(...page.items.map((e) => `${e.kind} ${e.event?.id ?? e.relation?.id ?? e.statement?.id} ${e.attributionIndex ?? ''}`));
        after = page.hasNextPage ? page.endCursor : null;
      } while (after !== null);
      return entries;
    };
    const entries = await timeline(store);
    expect(entries).toEqual(await timeline(reference));
    expect(entries.filter((e) => e.startsWith('CLAIM')).length).toBeGreaterThan(0);
  });

  it('changes nothing when load() then writes the same dataset over it', async () => {
    const before = await store.exportDataset();
    await store.load(hard);
    expect(await store.exportDataset()).toEqual(before);
    expect(await store.counts()).toEqual(await reference.counts());
  });

  it('refuses a data directory that holds a database, which then answers as before', async () => {
    const files = await writeImportFiles(seed, path.join(dir, 'files-again'));
    const attempt = importIntoNewDatabase({ dataDir: path.join(dir, 'neo4j'), args: importArguments(files) });
    await expect(attempt).rejects.toBeInstanceOf(Neo4jLauncherError);
    await expect(attempt).rejects.toMatchObject({ reason: 'not-new', message: expect.stringContaining('already holds a database') });
    expect(await store.counts()).toEqual(await reference.counts());
  });
});

describe.skipIf(!neo4jEnabled)('an import that fails', () => {
  it('says which file, line and field the importer could not read, and leaves the data directory new', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-import-failed-'));
    try {
      const bad = path.join(dir, 'bad.csv');
      await writeFile(bad, 'id:ID(Entity),name\n"person:a","a"b"\n');
      const attempt = importIntoNewDatabase({ dataDir: path.join(dir, 'neo4j'), args: [`--nodes=${bad}`] });
      await expect(attempt).rejects.toMatchObject({ reason: 'import-failed', message: expect.stringContaining(`source:${bad}`) });
      await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('in field: name') });
      await expect(checkNewDataDir(path.join(dir, 'neo4j'))).resolves.toContain('neo4j');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the import files', () => {
  const attempt = async (dataset: Dataset) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-import-files-'));
    try {
      const error = await writeImportFiles(dataset, dir).then(() => null, (e: unknown) => e);
      return { error, written: await readdir(dir) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('count the nodes and relationships they hold: records, the links of statements, and the node that dates the search keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-import-files-'));
    try {
      const files = await writeImportFiles(hard, dir);
      const links = seed.statements.reduce((n, s) => n + (s.speakerId === null ? 0 : 1) + new Set(s.aboutIds).size + 1, 0);
      expect(files.counts).toEqual({ entities: seed.entities.length, relations: seed.relations.length, statements: seed.statements.length, sources: seed.sources.length });
      expect(files.records).toBe(seed.sources.length + seed.entities.length + seed.statements.length + seed.relations.length + links + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('are not written for a dataset that refers to a record it does not hold', async () => {
    const { error, written } = await attempt({ ...seed, relations: [{ ...firstRelation!, to: 'settlement:atlantis' }] });
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as DatasetValidationError).problems).toEqual([
      `Relation "${firstRelation!.id}" refers in "to" to "settlement:atlantis", which is not a known entity.`,
    ]);
    expect(written).toEqual([]);
  });

  it('refuse a list entry holding the character they put between entries', async () => {
    const { error } = await attempt({ ...seed, entities: seed.entities.map((e) => (e === first ? { ...e, aliases: ['a\u001fb'] } : e)) });
    expect(error).toBeInstanceOf(DatasetValidationError);
    expect((error as Error).message).toContain('U+001F');
  });
});

describe.skipIf(!neo4jEnabled)('npm run neo4j -- --import FILE', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const cli = (args: readonly string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/neo4j/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    return { child, exited, out: () => stdout, err: () => stderr };
  };
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kg-import-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the file into a new data directory, then serves it; a second import there is refused', async () => {
    const dataDir = path.join(dir, 'neo4j');
    const run = cli(['--port', String(await getPort({ host: '127.0.0.1' })), '--data', dataDir, '--heap', '1024', '--import', SEED_FILE]);
    const uri = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /NEO4J_URI=(\S+)/.exec(run.out());
        if (m) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 100);
      void run.exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${run.err()}`));
      });
    });
    expect(run.err()).toMatch(/import: \d+ entities, \d+ relations, \d+ statements, \d+ sources in [\d.]+ s/);
    const store = await createNeo4jStore({ uri, connectTimeoutMs: 30_000 });
    try {
      expect(await store.counts()).toEqual({
        entities: seed.entities.length,
        relations: seed.relations.length,
        statements: seed.statements.length,
        sources: seed.sources.length,
      });
    } finally {
      await store.close();
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);

    const again = cli(['--port', String(await getPort({ host: '127.0.0.1' })), '--data', dataDir, '--import', SEED_FILE]);
    expect(await again.exited).toBe(1);
    expect(again.err()).toContain('already holds a database');
    expect(again.out()).toBe('');
  }, 240_000);
});

describe.skipIf(!neo4jEnabled)('npm run export -- DIR --format neo4j-import', () => {
  it("writes the embedded store's graph as import files, and the neo4j-admin command it prints builds that graph in Neo4j", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-export-import-'));
    const root = path.resolve(import.meta.dirname, '../..');
    const env = userEnv({ DATA_DIR: path.join(dir, 'data') });
    const run = (args: string[]) => promisify(execFile)('npm', ['run', '--silent', ...args], { cwd: root, env });
    let neo4j: LocalNeo4j | undefined;
    let store: GraphStore | undefined;
    try {
      await run(['import', '--', SEED_FILE]);
      const { stdout } = await run(['export', '--', path.join(dir, 'files'), '--format', 'neo4j-import']);
      expect(stdout).toContain(`16 files in ${path.join(dir, 'files')} (neo4j-import)`);
      const command = stdout.split('\n').find((line) => line.trim().startsWith('neo4j-admin database import full neo4j '))!;
      const words = shellWords(command.trim());
      expect(words.slice(0, 5)).toEqual(['neo4j-admin', 'database', 'import', 'full', 'neo4j']);
      // The printed arguments, as neo4j-admin would get them from a shell.
      await importIntoNewDatabase({ dataDir: path.join(dir, 'neo4j'), args: words.slice(5) });
      neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir: path.join(dir, 'neo4j'), startTimeoutMs: 200_000 });
      store = await createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
      const embedded = createMemoryStore();
      await embedded.load(seed);
      expect(await store.exportDataset()).toEqual(await embedded.exportDataset());
    } finally {
      await store?.close();
      await neo4j?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** A POSIX shell's words of a line of plain and single-quoted words (what the export prints). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/(?:[^\s']+|'[^']*')+/g)].map(([word]) => word.replace(/'([^']*)'/g, '$1'));
}
