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
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import getPort from 'get-port';

import { datasetFile, log, memoryOf, pickInputs, readFlags, ROOT, rng, waitUntil, type Inputs, type RawDataset } from './common.js';

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
  const { values, int } = readFlags(argv);
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
