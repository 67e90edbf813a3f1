/**
 * The Neo4j benchmark, side by side in one run:
 *
 *   npm run bench:neo4j -- --entities 10000 --relations 100000 --duration 10
 *                          [--connections 20] [--sweeps 1] [--warmup 3] [--prime 10] [--heap 2048] [--seed S] [--only a,b]
 *                          [--import true|false]
 *
 * 1. generates (or reuses, in .bench/) the dataset of tools/bench/generate.ts and picks the
 *    questions' inputs from it as bench.ts does;
 * 2. starts a real Neo4j 5.26 (tools/neo4j, a fresh data directory, --heap MiB) unless NEO4J_URI is
 *    set, and loads the dataset through the store's `load` (the project's loader), timing it:
 *    relations/s; then (unless --import false) times the offline import of the same dataset into a
 *    database of its own, as `npm run neo4j -- --import` and the server's first start build it:
 *    the import files, Neo4j's importer, the schema rules (relations/s over the three);
 * 3. starts three servers over that database:
 *    - `ours`: this server, compiled (the script runs `npm run build`: dist/main.js), NEO4J_URI set;
 *    - `cypher`: tools/bench/neo4j-direct-server.ts, the adapter's own Cypher over neo4j-driver
 *      (the query texts imported from src/store/neo4j), one transaction per store call as the
 *      adapter runs them;
 *    - `library`: tools/bench/neo4j-graphql-library-server.ts, `@neo4j/graphql` 7 on the same graph;
 * 4. primes: every server asked every question for --prime s, unrecorded, before anything is
 *    measured. Neo4j's query plans and JIT, the driver's pools and each server's own JIT warm up
 *    over tens of seconds; without this the server measured first in a sweep ran on a cold JVM
 *    (ours, the entity question: 243 req/s measured first against 500-550 once warm);
 * 5. for each question, the three servers one after the other (the order reversed every other
 *    sweep), autocannon --warmup s unrecorded, then --duration s at --connections, each request
 *    with its own body; prints
 *    req/s, p50, p99 (ms), error answers, the server's peak RSS and the load average per figure;
 *    then per question the ratios the targets name: ours / cypher latency (p50 and p99, target
 *    ≤ 1.3) and ours / library throughput (target ≥ 2).
 *
 * The last line is one JSON object of every figure. Everything started is stopped on the way out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { RELATION_TYPE_NAMES, normalizeForSearch, type Dataset } from '../../src/domain/index.js';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import { importArguments, writeImportFiles } from '../../src/store/neo4j/import-files.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { importIntoNewDatabase, startLocalNeo4j, type LocalNeo4j } from '../neo4j/launcher.js';
import { datasetFile, fieldName, load, log, memoryOf, pickInputs, readFlags, ROOT, rng, startFlags, waitUntil, type Inputs, type LoadFigures, type RawDataset } from './common.js';

const SERVERS = ['ours', 'cypher', 'library'] as const;
type ServerName = (typeof SERVERS)[number];

interface Args {
  entities: number;
  relations: number;
  seed: number;
  duration: number;
  connections: number;
  sweeps: number;
  heap: number;
  warmup: number;
  /** Seconds each server is asked each question before the first sweep, unrecorded. */
  prime: number;
  only: string[] | null;
  /** Also time the offline import (`npm run neo4j -- --import`) into a database of its own. */
  timeImport: boolean;
}

function booleanFlag(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') throw new Error(`--${name} must be true or false`);
  return value === 'true';
}

function parseArgs(argv: readonly string[]): Args {
  const { values, int } = readFlags(argv);
  return {
    entities: int('entities', 10_000),
    relations: int('relations', 100_000),
    seed: int('seed', 1),
    duration: int('duration', 10),
    connections: int('connections', 20),
    sweeps: Math.max(1, int('sweeps', 1)),
    heap: int('heap', 2048),
    warmup: int('warmup', 3),
    prime: int('prime', 10),
    only: values['only'] ? values['only'].split(',') : null,
    timeImport: booleanFlag('import', values['import'] ?? 'true'),
  };
}

/** A request body per server: the GraphQL query for ours and the library, the route's JSON for the Cypher server. */
type Body = { path: string; body: unknown };
interface Question {
  name: string;
  /** A server that cannot ask the question has no body for it (and no figures). */
  bodies: Partial<Record<ServerName, () => Body>>;
}

const LIBRARY_RELATIONS = RELATION_TYPE_NAMES.flatMap((t) =>
  ['Out', 'In'].map((d) => `${fieldName(t)}${d}Connection { edges { properties { id } node { id name } } }`),
).join(' ');

function questions(inputs: Inputs, seed: number): Question[] {
  const random = rng(seed * 31 + 5);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const gql = (query: string, variables: Record<string, unknown>): Body => ({ path: '/graphql', body: { query, variables } });
  const lib = (query: string, variables: Record<string, unknown>): Body => ({ path: '/', body: { query, variables } });
  const entity = (id: () => string) => ({
    ours: () => gql('query($id: ID!) { entity(id: $id) { id name relations { type node { id name } } } }', { id: id() }),
    cypher: () => ({ path: '/entity', body: { id: id() } }),
    library: () => lib(`query($id: ID!) { entities(where: {id: {eq: $id}}) { id name ${LIBRARY_RELATIONS} } }`, { id: id() }),
  });
  const neighborhood = (id: () => string) => ({
    ours: () => gql('query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } edges { id } } }', { id: id() }),
    cypher: () => ({ path: '/neighborhood', body: { id: id() } }),
    library: () => lib('query($id: ID!) { neighborhood(centreId: $id) { id } }', { id: id() }),
  });
  const limitedNeighborhood = (id: () => string) => ({
    ours: () => gql('query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id } edges { id } truncated } }', { id: id() }),
    cypher: () => ({ path: '/neighborhood-limited', body: { id: id() } }),
  });
  return [
    { name: 'entity', bodies: entity(() => pick(inputs.ids)) },
    { name: 'entity-hub', bodies: entity(() => inputs.hub) },
    {
      name: 'search',
      bodies: {
        ours: () => gql('query($t: String!) { search(text: $t) { id name } }', { t: pick(inputs.texts) }),
        cypher: () => ({ path: '/search', body: { text: pick(inputs.texts) } }),
        library: () =>
          lib('query($t: String!) { entities(where: {searchText: {contains: $t}}, limit: 10) { id name } }', {
            t: normalizeForSearch(pick(inputs.texts)),
          }),
      },
    },
    {
      name: 'shortestPath',
      bodies: {
        ours: () => {
          const [a, b] = pick(inputs.pairs);
          return gql('query($a: ID!, $b: ID!) { shortestPath(fromId: $a, toId: $b) { nodes { id } edges { id } } }', { a, b });
        },
        cypher: () => {
          const [from, to] = pick(inputs.pairs);
          return { path: '/shortestPath', body: { from, to } };
        },
        library: () => {
          const [a, b] = pick(inputs.pairs);
          return lib('query($a: ID!, $b: ID!) { shortestPath(fromId: $a, toId: $b) { id } }', { a, b });
        },
      },
    },
    { name: 'neighborhood2-median', bodies: neighborhood(() => pick(inputs.medianNodes)) },
    { name: 'neighborhood2-hub', bodies: neighborhood(() => inputs.hub) },
    // The explorer's question. `@neo4j/graphql` has no way to ask for the nearest nodes first.
    { name: 'neighborhood2-limit100-median', bodies: limitedNeighborhood(() => pick(inputs.medianNodes)) },
    { name: 'neighborhood2-limit100-hub', bodies: limitedNeighborhood(() => inputs.hub) },
  ];
}

/** A run's figures, and how many transactions it left running in Neo4j (ended before the next run). */
type Figures = LoadFigures & { leftRunning?: number };

/**
 * Ends what a run left running in Neo4j: queries whose client stopped waiting (the library's
 * neighbourhood of a hub answers nothing within 10 s and then kept Neo4j busy through the next
 * server's run, which measured a fifth of its speed). Returns how many transactions it ended.
 */
async function endLeftovers(admin: Driver): Promise<{ ended: number; waitedMs: number }> {
  const running = async () =>
    (
      await admin.executeQuery(
        "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN transactionId",
      )
    ).records.map((r) => r.get('transactionId') as string);
  const ids = await running();
  if (ids.length === 0) return { ended: 0, waitedMs: 0 };
  await admin.executeQuery('TERMINATE TRANSACTIONS $ids', { ids });
  // Termination is a flag each query checks as it goes: wait until they are gone (2 min at most).
  const t = performance.now();
  while ((await running()).length > 0 && performance.now() - t < 120_000) await new Promise((r) => setTimeout(r, 250));
  return { ended: ids.length, waitedMs: Math.round(performance.now() - t) };
}

function measure(url: string, make: () => Body, args: Args, pid: number): Promise<Figures> {
  return load({ url, path: make().path, connections: args.connections, duration: args.duration, body: () => make().body, pid });
}

interface Started {
  name: ServerName;
  url: string;
  child: ChildProcess;
}

/** Spawns a server and waits until `ready` answers; its output goes to stderr, prefixed. */
async function startServer(name: ServerName, script: string[], env: NodeJS.ProcessEnv, url: string, ready: () => Promise<boolean>): Promise<Started> {
  const child = spawn(process.execPath, script, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  const up = await waitUntil(async () => child.exitCode === null && (await ready()), 120_000);
  if (!up) throw new Error(`${name} did not start (exit code ${child.exitCode})`);
  return { name, url, child };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
/** The median over sweeps (of two, their mean). */
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = (sorted.length - 1) / 2;
  return Math.round(((sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2) * 10) / 10;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = datasetFile(args);
  const inputs = pickInputs(JSON.parse(readFileSync(file, 'utf8')) as RawDataset, args.seed);
  log(
    `inputs: ${inputs.pairs.length} pairs (hops ${JSON.stringify(inputs.pairHops)}), median degree ${inputs.medianDegree}, ` +
      `hub ${inputs.hub} (degree ${inputs.hubDegree})`,
  );
  // The compiled server of this checkout, as `npm start` runs it.
  log('building dist/ (npm run build)');
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] }).status !== 0) throw new Error('npm run build failed');

  const started: Started[] = [];
  let neo: LocalNeo4j | null = null;
  let dataDir: string | null = null;
  const cleanUp = async () => {
    for (const s of started.splice(0)) await stopChild(s.child);
    if (neo) await neo.stop().catch(() => {});
    neo = null;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;
  };
  const onSignal = () => void cleanUp().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    let uri = process.env.NEO4J_URI;
    let neo4jStartMs: number | null = null;
    if (!uri) {
      dataDir = mkdtempSync(join(tmpdir(), 'kg-bench-neo4j-'));
      const t = performance.now();
      neo = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, heapMb: args.heap, log: (line) => log(`[neo4j] ${line}`) });
      neo4jStartMs = Math.round(performance.now() - t);
      uri = neo.uri;
      log(`Neo4j at ${uri} (heap ${args.heap} MiB), started in ${neo4jStartMs} ms`);
    }

    // The load, through the project's loader (the store's `load`), as `npm run import` runs it.
    const dataset = await readDatasetFile(file);
    const store = await createNeo4jStore({ uri, log: () => {} });
    let load: Record<string, unknown>;
    try {
      const before = await store.counts();
      let lastPhase = '';
      let lastAt = 0;
      const t = performance.now();
      await store.load(dataset, (done, total, phase) => {
        const now = performance.now();
        if (phase === lastPhase && done < total && now - lastAt < 2_000) return;
        lastPhase = phase;
        lastAt = now;
        log(`[load ${((now - t) / 1000).toFixed(1)} s] ${phase}: ${done}/${total}`);
      });
      const seconds = (performance.now() - t) / 1000;
      const after = await store.counts();
      load = {
        seconds: Math.round(seconds * 100) / 100,
        relationsPerSecond: Math.round(dataset.relations.length / seconds),
        before,
        after,
        neo4jRssMb: neo ? memoryOf(neo.pid).rssMb : null,
        loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      };
      log(`load: ${seconds.toFixed(1)} s, ${String(load['relationsPerSecond'])} relations/s (target ≥ 20000); database ${JSON.stringify(after)}`);
    } finally {
      await store.close();
    }
    const imported = args.timeImport ? await timeImport(dataset, args.heap) : null;

    const [oursPort, cypherPort, libraryPort] = [await getPort(), await getPort(), await getPort()];
    const neoEnv = { NEO4J_URI: uri };
    started.push(
      await startServer(
        'ours',
        [...startFlags(ROOT), 'dist/main.js'],
        {
          ...neoEnv,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(oursPort),
          LOG_LEVEL: 'warn',
          SEED: 'false',
          REQUEST_TIMEOUT_MS: '30000',
          HTTP_REQUEST_TIMEOUT_MS: '60000',
          HTTP_HEADERS_TIMEOUT_MS: '60000',
        },
        `http://127.0.0.1:${oursPort}`,
        async () => (await fetch(`http://127.0.0.1:${oursPort}/healthz`)).ok,
      ),
      await startServer(
        'cypher',
        ['--import', 'tsx', 'tools/bench/neo4j-direct-server.ts'],
        { ...neoEnv, PORT: String(cypherPort) },
        `http://127.0.0.1:${cypherPort}`,
        async () => (await fetch(`http://127.0.0.1:${cypherPort}/healthz`)).ok,
      ),
      await startServer(
        'library',
        ['--import', 'tsx', 'tools/bench/neo4j-graphql-library-server.ts'],
        { ...neoEnv, PORT: String(libraryPort) },
        `http://127.0.0.1:${libraryPort}`,
        async () => (await post(`http://127.0.0.1:${libraryPort}/`, { query: '{ __typename }' })).ok,
      ),
    );
    const byName = Object.fromEntries(started.map((s) => [s.name, s])) as Record<ServerName, Started>;

    const admin = neo4j.driver(uri, undefined, { logging: { level: 'error', logger: () => {} } });
    const settle = async (name: ServerName): Promise<number> => {
      const { ended, waitedMs } = await endLeftovers(admin);
      if (ended > 0) log(`  ended ${ended} transaction(s) ${name} left running in Neo4j (gone after ${waitedMs} ms)`);
      return ended;
    };
    // figures[question][server] = one Figures per sweep
    const figures: Record<string, Partial<Record<ServerName, Figures[]>>> = {};
    const qs = questions(inputs, args.seed).filter((q) => !args.only || args.only.includes(q.name));
    if (args.prime > 0) {
      for (const q of qs) {
        for (const name of SERVERS) {
          const server = byName[name];
          const bodies = q.bodies[name];
          if (!bodies) continue;
          log(`priming: ${q.name} on ${name} for ${args.prime} s (not recorded)`);
          await measure(server.url, bodies, { ...args, duration: args.prime }, server.child.pid!);
          await settle(name);
        }
      }
    }
    for (let sweep = 0; sweep < args.sweeps; sweep++) {
      const order = sweep % 2 === 0 ? SERVERS : [...SERVERS].reverse();
      for (const q of qs) {
        for (const name of order) {
          const server = byName[name];
          const bodies = q.bodies[name];
          if (!bodies) continue;
          // A warm-up run, not recorded (plans cached, the JIT and the driver's pool warm: a single
          // request was not enough for search), then a second's pause for what it left queued.
          const warm = bodies();
          await post(`${server.url}${warm.path}`, warm.body).then((r) => r.text()).catch(() => {});
          if (args.warmup > 0) await measure(server.url, bodies, { ...args, duration: args.warmup }, server.child.pid!);
          await new Promise((r) => setTimeout(r, 1_000));
          await settle(name);
          log(`sweep ${sweep + 1}: ${q.name} on ${name} for ${args.duration} s at ${args.connections} connections`);
          const f: Figures = await measure(server.url, bodies, args, server.child.pid!);
          f.leftRunning = await settle(name);
          ((figures[q.name] ??= {})[name] ??= []).push(f);
          log(
            `  ${name.padEnd(8)} ${f.requestsPerSec.toFixed(1).padStart(8)} req/s  p50 ${String(f.p50).padStart(6)} ms  p99 ${String(f.p99).padStart(6)} ms  ` +
              `requests ${f.requests}  errors ${f.errors}  timeouts ${f.timeouts}  non-2xx ${f.non2xx}  error answers ${f.errorAnswers} ${JSON.stringify(f.errorCodes)}  ` +
              `peak RSS ${f.peakRssMb} MB  load ${f.loadAverage.join(' ')}`,
          );
        }
      }
    }

    await admin.close();

    // The ratios the targets name, from the median over sweeps of each figure (per sweep in the JSON).
    const ratios: Record<string, Record<string, number | null>> = {};
    console.log(`\nNeo4j side by side: ${args.entities} entities, ${args.relations} relations, ${args.connections} connections, ${args.duration} s x ${args.sweeps} sweep(s)`);
    console.log(`load: ${String(load['seconds'])} s, ${String(load['relationsPerSecond'])} relations/s (target >= 20,000)`);
    if (imported) console.log(`import: ${importLine(imported)}`);
    console.log('question              server     req/s    p50 ms   p99 ms  error answers  load (1 min)');
    for (const q of qs) {
      const m = (name: ServerName, key: 'requestsPerSec' | 'p50' | 'p99') => median(figures[q.name]![name]!.map((f) => f[key]));
      for (const name of SERVERS) {
        const fs = figures[q.name]![name];
        if (!fs) {
          console.log(`${q.name.padEnd(21)} ${name.padEnd(8)} (cannot ask this question)`);
          continue;
        }
        console.log(
          `${q.name.padEnd(21)} ${name.padEnd(8)} ${m(name, 'requestsPerSec').toFixed(1).padStart(8)} ${String(m(name, 'p50')).padStart(8)} ${String(m(name, 'p99')).padStart(8)} ` +
            `${String(fs.reduce((s, f) => s + f.errorAnswers + f.errors + f.non2xx, 0)).padStart(14)}  ${fs.map((f) => f.loadAverage[0]).join(' / ')}`,
        );
      }
      // A server that completed no request in a run has no latency (autocannon says 0): no ratio.
      const answered = (name: ServerName) => figures[q.name]![name]?.every((f) => f.requests > 0) ?? false;
      const latency = (key: 'p50' | 'p99') => (answered('ours') && answered('cypher') ? ratio(m('ours', key), m('cypher', key)) : null);
      ratios[q.name] = {
        latencyP50OursOverCypher: latency('p50'),
        latencyP99OursOverCypher: latency('p99'),
        throughputOursOverLibrary: answered('library') ? ratio(m('ours', 'requestsPerSec'), m('library', 'requestsPerSec')) : null,
      };
      const r = ratios[q.name]!;
      console.log(
        `${''.padEnd(21)} ours/cypher latency p50 ${String(r['latencyP50OursOverCypher'])}x, p99 ${String(r['latencyP99OursOverCypher'])}x (target <= 1.3); ` +
          `ours/library throughput ${String(r['throughputOursOverLibrary'])}x (target >= 2)`,
      );
    }
    console.log(
      JSON.stringify({
        entities: args.entities,
        relations: args.relations,
        seed: args.seed,
        duration: args.duration,
        connections: args.connections,
        sweeps: args.sweeps,
        primeSeconds: args.prime,
        warmupSeconds: args.warmup,
        neo4jHeapMb: neo ? args.heap : null,
        neo4jStartMs,
        node: process.version,
        cpus: cpus().length,
        hub: inputs.hub,
        hubDegree: inputs.hubDegree,
        medianDegree: inputs.medianDegree,
        pairHops: inputs.pairHops,
        load,
        import: imported,
        questions: figures,
        ratios,
        loadAverageAtEnd: loadavg(),
      }),
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

/**
 * The offline import, as `npm run neo4j -- --import FILE` and the server's first start run it, into
 * a database of its own (stopped before the servers start): the import files, Neo4j's importer,
 * and the store's schema rules with their population. Neo4j's start in between is reported, not
 * counted. Null figures and the reason when it cannot run here.
 */
async function timeImport(dataset: Dataset, heapMb: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-import-'));
  let neo: LocalNeo4j | null = null;
  const since = (t: number) => Math.round(performance.now() - t) / 1000;
  try {
    let t = performance.now();
    const files = await writeImportFiles(dataset, join(dir, 'files'));
    const filesSeconds = since(t);
    t = performance.now();
    await importIntoNewDatabase({ dataDir: join(dir, 'neo4j'), args: importArguments(files), records: files.records, heapMb });
    const importerSeconds = since(t);
    rmSync(join(dir, 'files'), { recursive: true, force: true });
    t = performance.now();
    neo = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir: join(dir, 'neo4j'), heapMb });
    const startSeconds = since(t);
    t = performance.now();
    const store = await createNeo4jStore({ uri: neo.uri, log: () => {} });
    const indexSeconds = since(t);
    const counts = await store.counts();
    await store.close();
    const seconds = Math.round((filesSeconds + importerSeconds + indexSeconds) * 100) / 100;
    const figures = { seconds, relationsPerSecond: Math.round(dataset.relations.length / seconds), filesSeconds, importerSeconds, indexSeconds, neo4jStartSeconds: startSeconds, counts };
    log(`import: ${importLine(figures)}`);
    return figures;
  } catch (error) {
    log(`import: not measured (${(error as Error).message})`);
    return { seconds: null, relationsPerSecond: null, reason: (error as Error).message };
  } finally {
    if (neo) await neo.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

function importLine(f: Record<string, unknown>): string {
  if (f['seconds'] === null) return `not measured (${String(f['reason'])})`;
  return (
    `${String(f['seconds'])} s, ${String(f['relationsPerSecond'])} relations/s (target >= 20,000): files ${String(f['filesSeconds'])} s, ` +
    `importer ${String(f['importerSeconds'])} s, schema rules ${String(f['indexSeconds'])} s (Neo4j's start, ${String(f['neo4jStartSeconds'])} s, not counted)`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-side-by-side: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
