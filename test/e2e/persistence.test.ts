/**
 * The durable embedded store through the real server and the real commands: a restart keeps the
 * graph and does not seed again, a damaged data file stops the server with one line, and
 * `npm run import` / `npm run export` work on DATA_DIR (and on Neo4j with NEO4J_URI).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDataset } from '../../src/domain/index.js';
import { SEED_FILE } from '../../src/ingest/dataset-file.js';
import { runServerToExit, startServerProcess, userEnv } from '../support/server-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kg-persist-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs an npm script as a user would (`npm run import -- ...`); returns its exit code and output. */
async function npmRun(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], {
      cwd: ROOT,
      env: userEnv(env),
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code: number; stdout?: string; stderr?: string };
    return { code, out: stdout + stderr };
  }
}

describe('the server on a DATA_DIR', () => {
  it('seeds the first start only, and a restart serves what the data file holds', async () => {
    const dataDir = path.join(dir, 'restart');
    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(first.output()).toContain('loaded the seed graph');
    expect(await first.stop()).toBe(0);
    // The second start finds the graph in the file; a bad SEED_FILE would stop it, were it read for seeding.
    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(second.output()).toContain('opened the data file');
      expect(second.output()).not.toContain('loaded the seed graph');
      const answer = await second.graphql<{ entity: { name: string } }>('{ entity(id: "settlement:kurakhove") { name } }');
      expect(answer.data?.entity.name).toBe('Kurakhove');
    } finally {
      await second.stop();
    }
  });

  it('stops at start with one line naming a damaged data file, and leaves the file as it was', async () => {
    const dataDir = path.join(dir, 'damaged');
    await promisify(execFile)('mkdir', ['-p', dataDir]);
    const file = path.join(dataDir, 'graph.db');
    const garbage = Buffer.alloc(8192, 0x5a);
    await writeFile(file, garbage);
    const { code, output } = await runServerToExit({ DATA_DIR: dataDir, PORT: '0' });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^Cannot start the server: The data file ${file} is damaged or is not a database`));
    expect(await readFile(file)).toEqual(garbage);
  });
});

describe('npm run import / export', () => {
  it('checks a file on --dry-run, naming every problem by its place in the file, and exits 1', async () => {
    const seed = JSON.parse(await readFile(SEED_FILE, 'utf8'));
    seed.entities[3].kind = 'ANALYST';
    delete seed.relations[2].from;
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(seed));
    const { code, out } = await npmRun('import', [bad, '--dry-run'], { DATA_DIR: path.join(dir, 'dry') });
    expect(code).toBe(1);
    expect(out).toContain('(entities[3]) has kind "ANALYST"');
    expect(out).toContain('(relations[2]) is missing "from"');
  });

  it('imports idempotently into DATA_DIR, and export then import into an empty DATA_DIR gives the same graph', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const dry = await npmRun('import', [SEED_FILE, '--dry-run'], { DATA_DIR: a });
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain('Dry run: nothing was written.');
    const seed = parseDataset(JSON.parse(await readFile(SEED_FILE, 'utf8')));
    const [sources, entities, relations, statements] = [seed.sources, seed.entities, seed.relations, seed.statements].map((list) => list.length);
    const imported = await npmRun('import', [SEED_FILE], { DATA_DIR: a });
    expect(imported.out).toContain(
      `holds ${sources} source${sources === 1 ? '' : 's'}, ${entities} entities, ${relations} relations, ${statements} statements (+${entities} entities, +${relations} relations)`,
    );
    // Not a terminal here, so progress comes as log lines.
    const records = seed.sources.length + seed.entities.length + seed.relations.length + seed.statements.length;
    expect(imported.out).toContain(`dataset: ${records} of ${records} rows (100%)`);
    expect((await npmRun('import', [SEED_FILE], { DATA_DIR: a })).out).toContain('(+0 entities, +0 relations)');
    const exported = path.join(dir, 'export-a.json');
    expect((await npmRun('export', [exported], { DATA_DIR: a })).code).toBe(0);
    expect((await npmRun('import', [exported], { DATA_DIR: b })).code).toBe(0);
    const again = path.join(dir, 'export-b.json');
    expect((await npmRun('export', [again], { DATA_DIR: b })).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(exported, 'utf8'));
    expect(parseDataset(JSON.parse(await readFile(exported, 'utf8'))).entities.length).toBe(seed.entities.length);
  }, 120_000);

  it("imports one article's facts about the graph's entities: checked beside the store's records, a changeset from npm run extract included", async () => {
    const store = path.join(dir, 'article');
    expect((await npmRun('import', [SEED_FILE], { DATA_DIR: store })).code).toBe(0);
    const changeset = path.join(dir, 'kharkiv-changeset.json');
    const article = fileURLToPath(new URL('../fixtures/articles/kharkiv-other-wordings.txt', import.meta.url));
    const extracted = await npmRun('extract', [article, '--title', 'Russian troops pushed toward Vovchansk', '--published', '2025-03-18', '--out', changeset], {});
    expect(extracted.code).toBe(0);
    const proposed = JSON.parse(await readFile(changeset, 'utf8')).proposed as { entities: unknown[]; relations: unknown[] };

    // It refers to country:ukraine and others it does not hold: valid beside the store, and a dry run writes nothing.
    const dry = await npmRun('import', [changeset, '--dry-run'], { DATA_DIR: store });
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('is a changeset (npm run extract): importing its proposed records');
    expect(dry.out).toContain('is valid beside the records of');
    expect(dry.out).toContain('Dry run: nothing was written.');
    const imported = await npmRun('import', [changeset], { DATA_DIR: store });
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`(+${proposed.entities.length} entities, +${proposed.relations.length} relations)`);
    expect((await npmRun('import', [changeset], { DATA_DIR: store })).out).toContain('(+0 entities, +0 relations)');

    // Into a store without those entities it is refused, each dangling reference named, nothing written.
    const empty = path.join(dir, 'article-empty');
    expect((await npmRun('import', [SEED_FILE], { DATA_DIR: empty })).code).toBe(0);
    const bad = path.join(dir, 'article-bad.json');
    const file = JSON.parse(await readFile(changeset, 'utf8')).proposed;
    file.relations[0].from = 'person:nobody-at-all';
    await writeFile(bad, JSON.stringify(file));
    const refused = await npmRun('import', [bad], { DATA_DIR: empty });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('(relations[0]) refers in "from" to "person:nobody-at-all", which is not a known entity.');
    expect((await npmRun('import', [SEED_FILE], { DATA_DIR: empty })).out).toContain('(+0 entities, +0 relations)');
  }, 180_000);

  const neo4jUri = inject('neo4jUri');
  it.skipIf(neo4jUri === null)('exports the run\'s Neo4j (the seed graph) as the embedded store exports the same graph', async () => {
    const fromNeo4j = path.join(dir, 'export-neo4j.json');
    // Idempotent on the run's Neo4j, which holds the seed graph.
    const imported = await npmRun('import', [SEED_FILE], { NEO4J_URI: neo4jUri! });
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/relations: \d+ of \d+ rows \(100%\)/);
    const exported = await npmRun('export', [fromNeo4j], { NEO4J_URI: neo4jUri! });
    expect(exported.out).toContain(`Exported ${neo4jUri}`);
    const embedded = path.join(dir, 'c');
    expect((await npmRun('import', [SEED_FILE], { DATA_DIR: embedded })).code).toBe(0);
    const fromEmbedded = path.join(dir, 'export-c.json');
    expect((await npmRun('export', [fromEmbedded], { DATA_DIR: embedded })).code).toBe(0);
    expect(await readFile(fromNeo4j, 'utf8')).toBe(await readFile(fromEmbedded, 'utf8'));
  }, 120_000);
});
