/**
 * Load benchmark of the real server on the embedded store over a synthetic dataset:
 *
 *   npm run bench -- --entities N --relations M [--seed S] [--duration SEC] [--connections C]
 *                    [--only a,b] [--root DIR] [--cpu-prof DIR]
 *
 * 1. generates the dataset with tools/bench/generate.ts, cached under .bench/ (git-ignored) by its
 *    arguments;
 * 2. picks the questions' inputs from the dataset: random ids, search texts (1-5 characters cut
 *    from random names), pairs known to be within 6 hops (a BFS from the start), median-degree
 *    nodes and the top hub;
 * 3. starts `src/main.ts` (of --root, default this checkout) with SEED_FILE pointing to the dataset
 *    and measures start-up (spawn → /healthz answers) and RSS;
 * 4. for each question runs autocannon for --duration seconds at --connections, each request with
 *    its own body, and reports requests/s, p50, p99, errors (transport errors, timeouts, non-2xx
 *    and GraphQL `errors` answers, counted apart) and the server's peak RSS so far (VmHWM).
 *
 * With --cpu-prof the server runs under `node --cpu-prof` and writes its profile to DIR when it
 * stops. Each figure carries the machine's load average, since other work on the machine skews it.
 *
 * The last line printed is one JSON object with every figure. Everything is bounded: the dataset
 * pick, each autocannon run (--duration) and each wait (start-up, settling) has a time limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import getPort from 'get-port';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Args {
  entities: number;
  relations: number;
  seed: number;
  duration: number;
  connections: number;
  only: string[] | null;
  root: string;
  cpuProf: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`Bad argument ${arg}`);
    values[flag.slice(2)] = value;
  }
  const int = (name: string, fallback: number) => {
    const v = values[name];
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a non-negative integer`);
    return Number(v);
  };
  return {
    entities: int('entities', 10_000),
    relations: int('relations', 100_000),
    seed: int('seed', 1),
    duration: int('duration', 10),
    connections: int('connections', 50),
    only: values['only'] ? values['only'].split(',') : null,
    root: resolve(values['root'] ?? ROOT),
    cpuProf: values['cpu-prof'] ? resolve(values['cpu-prof']) : null,
  };
}

/** A small deterministic generator, so the same arguments ask the same questions. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface RawDataset {
  entities: { id: string; name: string }[];
  relations: { id: string; from: string; to: string }[];
}

function datasetFile(args: Args): string {
  const dir = resolve(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `dataset-e${args.entities}-r${args.relations}-s${args.seed}.json`);
  if (!existsSync(file)) {
    log(`generating ${file}`);
    const tmp = `${file}.tmp`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tools/bench/generate.ts', '--entities', String(args.entities), '--relations', String(args.relations), '--seed', String(args.seed), '--out', tmp],
      { cwd: ROOT, stdio: 'inherit', timeout: 30 * 60_000 },
    );
    if (run.status !== 0) throw new Error('generate.ts failed');
    spawnSync('mv', [tmp, file]);
  }
  return file;
}

interface Inputs {
  ids: string[];
  texts: string[];
  pairs: [string, string][];
  medianNodes: string[];
  medianDegree: number;
  hub: string;
  hubDegree: number;
  pairHops: Record<number, number>;
}

function pickInputs(dataset: RawDataset, seed: number): Inputs {
  const random = rng(seed * 7919 + 17);
  const n = dataset.entities.length;
  const index = new Map<string, number>();
  dataset.entities.forEach((e, i) => index.set(e.id, i));
  // Undirected adjacency (compressed rows), every relation type: what a default walk follows.
  const degree = new Int32Array(n);
  const ends = dataset.relations.map((r) => [index.get(r.from)!, index.get(r.to)!] as const);
  for (const [a, b] of ends) {
    degree[a]!++;
    degree[b]!++;
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + degree[i]!;
  const fill = offset.slice(0, n);
  const adj = new Int32Array(offset[n]!);
  for (const [a, b] of ends) {
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  const at = (k: number) => Math.floor(random() * k);

  const ids = Array.from({ length: 500 }, () => dataset.entities[at(n)]!.id);
  const texts = Array.from({ length: 500 }, () => {
    const name = dataset.entities[at(n)]!.name;
    const length = 1 + at(5);
    const start = at(Math.max(1, name.length - length + 1));
    return name.slice(start, start + length).trim() || name.charAt(0);
  });

  const pairs: [string, string][] = [];
  const pairHops: Record<number, number> = {};
  const dist = new Int32Array(n);
  const started = Date.now();
  while (pairs.length < 200 && Date.now() - started < 60_000) {
    const from = at(n);
    dist.fill(-1);
    dist[from] = 0;
    const reached: number[] = [];
    let frontier = [from];
    for (let d = 1; d <= 6 && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const u of frontier) {
        for (let k = offset[u]!; k < offset[u + 1]!; k++) {
          const v = adj[k]!;
          if (dist[v] !== -1) continue;
          dist[v] = d;
          next.push(v);
          reached.push(v);
        }
      }
      frontier = next;
    }
    if (reached.length === 0) continue;
    const to = reached[at(reached.length)]!;
    pairHops[dist[to]!] = (pairHops[dist[to]!] ?? 0) + 1;
    pairs.push([dataset.entities[from]!.id, dataset.entities[to]!.id]);
  }

  const sorted = [...degree].sort((a, b) => a - b);
  const medianDegree = sorted[Math.floor(n / 2)]!;
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (degree[i] === medianDegree) candidates.push(i);
  const medianNodes = Array.from({ length: Math.min(200, candidates.length) }, () => dataset.entities[candidates[at(candidates.length)]!]!.id);
  let hubIndex = 0;
  for (let i = 1; i < n; i++) if (degree[i]! > degree[hubIndex]!) hubIndex = i;
  return {
    ids,
    texts,
    pairs,
    medianNodes,
    medianDegree,
    hub: dataset.entities[hubIndex]!.id,
    hubDegree: degree[hubIndex]!,
    pairHops,
  };
}

interface Question {
  name: string;
  bodies: () => { query: string; variables?: Record<string, unknown> };
}

function questions(inputs: Inputs, seed: number): Question[] {
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
      name: 'neighborhood2-median',
      bodies: () => ({
        query: 'query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } edges { id } } }',
        variables: { id: pick(inputs.medianNodes) },
      }),
    },
    {
      name: 'neighborhood2-hub',
      bodies: () => ({
        query: 'query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id } edges { id } } }',
        variables: { id: inputs.hub },
      }),
    },
  ];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

interface Figures {
  requestsPerSec: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  errorCodes: Record<string, number>;
  peakRssMb: number;
  loadAverage: number[];
}

async function runQuestion(url: string, question: Question, args: Args, pid: number): Promise<Figures> {
  let graphqlErrors = 0;
  const errorCodes: Record<string, number> = {};
  const result = await autocannon({
    url,
    connections: args.connections,
    duration: args.duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(question.bodies()) }),
        onResponse: (_status, body) => {
          if (body.startsWith('{"errors"') || body.includes('"errors":[')) {
            graphqlErrors++;
            const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? 'UNKNOWN';
            errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          }
        },
      },
    ],
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    errorCodes,
    peakRssMb: memoryOf(pid).peakMb,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = datasetFile(args);
  log(`reading ${file}`);
  const inputs = pickInputs(JSON.parse(readFileSync(file, 'utf8')) as RawDataset, args.seed);
  log(
    `inputs: ${inputs.pairs.length} pairs (hops ${JSON.stringify(inputs.pairHops)}), median degree ${inputs.medianDegree}, ` +
      `hub ${inputs.hub} (degree ${inputs.hubDegree})`,
  );

  const port = await getPort({ host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const profiling = args.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', args.cpuProf] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'src/main.ts'], {
    cwd: args.root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_FILE: file,
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

    const figures: Record<string, Figures> = {};
    for (const question of questions(inputs, args.seed)) {
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
      log(`running ${question.name} for ${args.duration} s at ${args.connections} connections`);
      const f = await runQuestion(`${base}/graphql`, question, args, child.pid!);
      figures[question.name] = f;
      log(
        `${question.name.padEnd(22)} ${f.requestsPerSec.toFixed(1).padStart(8)} req/s  p50 ${String(f.p50).padStart(6)} ms  ` +
          `p99 ${String(f.p99).padStart(6)} ms  max ${String(f.max).padStart(6)} ms  requests ${f.requests}  ` +
          `errors ${f.errors}  timeouts ${f.timeouts}  non-2xx ${f.non2xx}  graphql-errors ${f.graphqlErrors} ${JSON.stringify(f.errorCodes)}  ` +
          `peak RSS ${f.peakRssMb} MB  load ${f.loadAverage.join(' ')}`,
      );
    }
    const summary = {
      entities: args.entities,
      relations: args.relations,
      seed: args.seed,
      duration: args.duration,
      connections: args.connections,
      root: args.root,
      node: process.version,
      cpus: cpus().length,
      loadAverageAtEnd: loadavg(),
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
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
