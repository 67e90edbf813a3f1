/**
 * Load benchmark of the real server on the embedded store over a synthetic dataset:
 *
 *   npm run bench -- --entities N --relations M [--seed S] [--duration SEC] [--connections C]
 *                    [--warmup SEC] [--only a,b] [--root DIR] [--cpu-prof DIR]
 *
 * 1. generates the dataset with tools/bench/generate.ts, cached under .bench/ (git-ignored) by its
 *    arguments;
 * 2. picks the questions' inputs from the dataset: random ids, search texts (1-5 characters cut
 *    from random names), pairs known to be within 6 hops (a BFS from the start), median-degree
 *    nodes and the top hub;
 * 3. imports the dataset once into a data directory cached beside it (`npm run import`, timed),
 *    builds the server (`npm run build`), starts the compiled `dist/main.js` (of --root, default
 *    this checkout) with the node flags of its `npm start`, on that DATA_DIR, and measures
 *    start-up (spawn → /healthz answers) and RSS; with
 *    `--from json` it starts with SEED_FILE pointing to the dataset instead (an in-memory store);
 *    the data directory is copied per run, so the writes below never change the cached one;
 * 4. for each question runs autocannon for --duration seconds at --connections, each request with
 *    its own body, and reports requests/s, p50, p99, store calls per request (from the server's
 *    /metrics), errors (transport errors, timeouts, non-2xx and GraphQL `errors` answers, counted
 *    apart) and the server's peak RSS so far (VmHWM). With
 *    --warmup SEC (default 3; 0 for none) the same load runs SEC seconds first, unmeasured, reported apart
 *    (`cold`): the first askings of a question compile it and parse the records it reads first,
 *    which is start-up's cost, not the steady state's;
 * 5. last, the writes, one client at a time (what one write costs on a graph this size, each
 *    through the whole write path: validation, the data file's transaction, the next snapshot):
 *    `addRelation` between the ends of a random relation of the dataset, and `createEntity`.
 *
 * 6. checks the targets set for 100k entities / 1M relations (targets.ts: start-up, RSS, the p99s,
 *    the hub bounded, entity at half the floor) and prints each as met or MISSED with its figure.
 *    The floor against the limit server is measured apart (BENCHMARKS.md), not here.
 *
 * With --cpu-prof the server runs under `node --cpu-prof` and writes its profile to DIR when it
 * stops. Each figure carries the machine's load average, since other work on the machine skews it.
 *
 * The last line printed is one JSON object with every figure and the targets' verdicts. Everything is bounded: the dataset
 * pick, each autocannon run (--duration) and each wait (start-up, settling) has a time limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import getPort from 'get-port';

import { datasetFile, load, log, memoryOf, pickInputs, readFlags, ROOT, rng, startFlags, waitUntil, type Inputs, type LoadFigures, type RawDataset } from './common.js';
import { checkTargets, TARGET_SIZE } from './targets.js';

interface Args {
  entities: number;
  relations: number;
  seed: number;
  duration: number;
  warmup: number;
  connections: number;
  only: string[] | null;
  root: string;
  cpuProf: string | null;
  from: 'data' | 'json';
}

function parseArgs(argv: readonly string[]): Args {
  const { values, int } = readFlags(argv);
  return {
    entities: int('entities', 10_000),
    relations: int('relations', 100_000),
    seed: int('seed', 1),
    duration: int('duration', 10),
    warmup: int('warmup', 3),
    connections: int('connections', 50),
    only: values['only'] ? values['only'].split(',') : null,
    root: resolve(values['root'] ?? ROOT),
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
    from: values['from'] === 'json' ? 'json' : 'data',
  };
}

interface Question {
  name: string;
  bodies: () => { query: string; variables?: Record<string, unknown> };
  /** Connections for this question instead of --connections (writes: one client). */
  connections?: number;
}

/** The editor token the bench gives the server (AUTH_TOKENS) and sends with its writes. */
const EDITOR_TOKEN = 'bench-editor-token-0123456789';

/** A relation of the dataset, as the file has it: what an addRelation of the bench copies. */
interface RelationTemplate {
  type: string;
  from: string;
  to: string;
  attributions?: { claimantId?: string; stance: string; sourceId: string; saidOn?: string }[];
}

function questions(inputs: Inputs, templates: readonly RelationTemplate[], seed: number): Question[] {
  let written = 0;
  const random = rng(seed * 31 + 5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return [
    { name: 'floor', bodies: () => ({ query: '{ __typename }' }) },
    {
      name: 'entity',
      bodies: () => ({
        query: 'query($id: ID!) { entity(id: $id) { id name relations { type node { id name } } } }',
        variables: { id: pick(inputs.ids) },
      }),
    },
    {
      name: 'search',
      bodies: () => ({ query: 'query($t: String!) { search(text: $t) { id name } }', variables: { t: pick(inputs.texts) } }),
    },
    {
      name: 'shortestPath',
      bodies: () => {
        const [from, to] = pick(inputs.pairs);
        return {
          query: 'query($a: ID!, $b: ID!) { shortestPath(fromId: $a, toId: $b) { nodes { id } edges { id } } }',
          variables: { a: from, b: to },
        };
      },
    },
    {
      name: 'paths3',
      bodies: () => {
        const [from, to] = pick(inputs.pairs);
        return {
          query: 'query($a: ID!, $b: ID!) { paths(fromId: $a, toId: $b, first: 3) { nodes { id } edges { id } } }',
          variables: { a: from, b: to },
        };
      },
    },
    {
      name: 'neighborhood2-median',
      bodies: () => ({
        query: 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id } edges { id } truncated } }',
        variables: { id: pick(inputs.medianNodes) },
      }),
    },
    {
      name: 'neighborhood2-hub',
      bodies: () => ({
        query: 'query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id } edges { id } truncated } }',
        variables: { id: inputs.hub },
      }),
    },
    {
      name: 'write-addRelation',
      connections: 1,
      bodies: () => {
        const { type, from, to, attributions = [] } = pick(templates);
        const [said] = attributions;
        return {
          query: 'mutation($input: AddRelationInput!) { addRelation(input: $input) { id } }',
          variables: {
            input: {
              id: `rel:bench-${seed}-${++written}-${Math.floor(random() * 1e9)}`,
              type,
              fromId: from,
              toId: to,
              attributions: [{ claimantId: said?.claimantId ?? null, stance: said?.stance ?? 'ASSERTS', sourceId: said!.sourceId, saidOn: said?.saidOn ?? null }],
            },
          },
        };
      },
    },
    {
      name: 'write-createEntity',
      connections: 1,
      bodies: () => ({
        query: 'mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }',
        variables: { input: { id: `person:bench-${seed}-${++written}-${Math.floor(random() * 1e9)}`, kind: 'PERSON', name: `Bench Person ${written}` } },
      }),
    },
  ];
}

/** Relations of the dataset with a source to copy, none of an event's own links (their rules differ). */
function relationTemplates(raw: { relations: RelationTemplate[] }, seed: number): RelationTemplate[] {
  const random = rng(seed * 13 + 3);
  const usable = raw.relations.filter((r) => r.type !== 'PARTICIPATED_IN' && r.type !== 'TOOK_PLACE_IN' && r.type !== 'PHASE_OF' && r.attributions?.[0]?.sourceId);
  return Array.from({ length: Math.min(500, usable.length) }, () => usable[Math.floor(random() * usable.length)]!);
}

/** The dataset imported into a data directory cached beside it (`npm run import`, once); the import's seconds when it ran. */
function importedDataDir(file: string, root: string): { dir: string; importSeconds: number | null } {
  const dir = file.replace(/\.json$/, '.data');
  if (existsSync(resolve(dir, 'graph.db'))) {
    // A directory cached by an earlier version is migrated here, and given the start image a clean
    // stop leaves (start-image.ts) when it has none of this graph, so that no run's start-up pays for
    // either. In a process of its own: the store's heap would otherwise stay in this one, whose
    // collector then competes with the server's start for the cores.
    const script = `const { openDurableMemoryStore } = await import('./src/store/memory/memory-store.ts'); await openDurableMemoryStore(${JSON.stringify(dir)}).close();`;
    const opened = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (opened.status !== 0) throw new Error(`could not open the cached data directory ${dir}`);
    return { dir, importSeconds: null };
  }
  log(`importing ${file} into ${dir}`);
  const started = performance.now();
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/ingest/import-cli.ts', file], {
    cwd: root,
    env: { ...process.env, DATA_DIR: tmp, NEO4J_URI: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('npm run import failed');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, importSeconds: (performance.now() - started) / 1000 };
}

function runQuestion(url: string, question: Question, args: Args, pid: number, duration = args.duration): Promise<LoadFigures> {
  return load({
    url,
    path: '/graphql',
    connections: question.connections ?? args.connections,
    duration,
    headers: { authorization: `Bearer ${EDITOR_TOKEN}` },
    body: question.bodies,
    pid,
  });
}

/** What the server's /metrics has counted so far: store calls (every method) and GraphQL requests. */
interface ServerCounts {
  readonly storeCalls: number;
  readonly requests: number;
}

async function serverCounts(base: string): Promise<ServerCounts> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { storeCalls: sum('store_calls_total'), requests: sum('graphql_requests_total') };
}

/**
 * Store calls (round trips to the store port) per GraphQL request over a run, as the server
 * counted both; requests still in flight when the load stops may fall either side (at most one per
 * connection). Null when the server counted no request.
 */
function perRequest(before: ServerCounts, after: ServerCounts): number | null {
  const requests = after.requests - before.requests;
  return requests === 0 ? null : Math.round(((after.storeCalls - before.storeCalls) / requests) * 100) / 100;
}

/** The questions' inputs, from the dataset file (which is let go once they are picked). */
function questionInputs(file: string, seed: number): { inputs: Inputs; templates: RelationTemplate[] } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawDataset & { relations: RelationTemplate[] };
  return { inputs: pickInputs(raw, seed), templates: relationTemplates(raw, seed) };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = datasetFile(args);
  log(`reading ${file}`);
  const { inputs, templates } = questionInputs(file, args.seed);
  log(
    `inputs: ${inputs.pairs.length} pairs (hops ${JSON.stringify(inputs.pairHops)}), median degree ${inputs.medianDegree}, ` +
      `hub ${inputs.hub} (degree ${inputs.hubDegree})`,
  );

  const imported = args.from === 'data' ? importedDataDir(file, args.root) : null;
  if (imported?.importSeconds != null) log(`imported in ${imported.importSeconds.toFixed(1)} s`);
  log('building the server (npm run build)');
  if (spawnSync('npm', ['run', 'build'], { cwd: args.root, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
    throw new Error('npm run build failed');
  }
  // A copy per run: the writes must not change the cached data directory.
  const dataDir = imported ? mkdtempSync(resolve(tmpdir(), 'kg-bench-')) : null;
  if (imported && dataDir) cpSync(imported.dir, dataDir, { recursive: true });

  const port = await getPort({ host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  // The dataset read above is garbage now: collected before the start is timed, so that this
  // process's collector does not compete with the server's start for the two cores.
  collectGarbage();
  const started = performance.now();
  const profiling = args.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', args.cpuProf] : [];
  const child = spawn(process.execPath, [...profiling, ...startFlags(args.root), 'dist/main.js'], {
    cwd: args.root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(dataDir ? { DATA_DIR: dataDir, SEED: 'false' } : { SEED_FILE: file }),
      AUTH_TOKENS: `${EDITOR_TOKEN}=editor`,
      LOG_LEVEL: 'warn',
      // Under 50 connections a slow question queues; give it room before the deadline cuts it.
      REQUEST_TIMEOUT_MS: '30000',
      HTTP_REQUEST_TIMEOUT_MS: '60000',
      HTTP_HEADERS_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const up = await waitUntil(async () => (await fetch(`${base}/healthz`)).ok, 10 * 60_000);
    if (!up) throw new Error('the server did not answer /healthz within 10 minutes');
    const startupMs = Math.round(performance.now() - started);
    const afterStart = memoryOf(child.pid!);
    log(`start-up ${startupMs} ms, RSS ${afterStart.rssMb} MB (peak ${afterStart.peakMb} MB)`);

    const figures: Record<string, LoadFigures & { storeCallsPerRequest: number | null; cold?: LoadFigures }> = {};
    for (const question of questions(inputs, templates, args.seed)) {
      if (args.only && !args.only.includes(question.name)) continue;
      // Let the server finish (or cancel) whatever the previous run left queued.
      await waitUntil(async () => {
        const t = performance.now();
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        });
        await response.text();
        return performance.now() - t < 50;
      }, 60_000);
      let cold: LoadFigures | null = null;
      if (args.warmup > 0) {
        log(`warming ${question.name} up for ${args.warmup} s`);
        cold = await runQuestion(`${base}/graphql`, question, args, child.pid!, args.warmup);
        log(`${question.name} cold: ${cold.requestsPerSec.toFixed(1)} req/s, p99 ${cold.p99} ms, max ${cold.max} ms`);
      }
      log(`running ${question.name} for ${args.duration} s at ${question.connections ?? args.connections} connection(s)`);
      const before = await serverCounts(base);
      const measured = await runQuestion(`${base}/graphql`, question, args, child.pid!);
      const after = await serverCounts(base);
      const f = { ...measured, storeCallsPerRequest: perRequest(before, after) };
      figures[question.name] = cold === null ? f : { ...f, cold };
      log(
        `${question.name.padEnd(22)} ${f.requestsPerSec.toFixed(1).padStart(8)} req/s  p50 ${String(f.p50).padStart(6)} ms  ` +
          `p99 ${String(f.p99).padStart(6)} ms  max ${String(f.max).padStart(6)} ms  store calls/request ${f.storeCallsPerRequest}  requests ${f.requests}  ` +
          `errors ${f.errors}  timeouts ${f.timeouts}  non-2xx ${f.non2xx}  graphql-errors ${f.errorAnswers} ${JSON.stringify(f.errorCodes)}  ` +
          `peak RSS ${f.peakRssMb} MB  load ${f.loadAverage.join(' ')}`,
      );
    }
    const summary = {
      entities: args.entities,
      relations: args.relations,
      seed: args.seed,
      duration: args.duration,
      warmup: args.warmup,
      connections: args.connections,
      root: args.root,
      node: process.version,
      cpus: cpus().length,
      loadAverageAtEnd: loadavg(),
      startedFrom: args.from === 'data' ? 'the data file (DATA_DIR)' : 'the JSON file (SEED_FILE)',
      importSeconds: imported?.importSeconds ?? null,
      startupMs,
      rssAfterStartMb: afterStart.rssMb,
      peakRssAfterStartMb: afterStart.peakMb,
      peakRssMb: memoryOf(child.pid!).peakMb,
      medianDegree: inputs.medianDegree,
      hub: inputs.hub,
      hubDegree: inputs.hubDegree,
      pairHops: inputs.pairHops,
      questions: figures,
    };
    const atTargetSize = args.entities === TARGET_SIZE.entities && args.relations === TARGET_SIZE.relations;
    const targets = checkTargets(summary);
    log(`targets (set for ${TARGET_SIZE.entities} entities and ${TARGET_SIZE.relations} relations${atTargetSize ? '' : '; this run is of another size'}):`);
    for (const { target, measured, met } of targets) log(`  ${met ? 'met   ' : 'MISSED'}  ${target}: ${measured}`);
    process.stdout.write(`${JSON.stringify({ ...summary, targetsApply: atTargetSize, targets })}\n`);
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
