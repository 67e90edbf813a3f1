/** What the benchmarks share: the cached dataset, the questions' inputs picked from it, small waits. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A small deterministic generator, so the same arguments ask the same questions. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export interface RawDataset {
  entities: { id: string; name: string }[];
  relations: { id: string; from: string; to: string }[];
}

export function datasetFile(args: { entities: number; relations: number; seed: number }): string {
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

export interface Inputs {
  ids: string[];
  texts: string[];
  pairs: [string, string][];
  medianNodes: string[];
  medianDegree: number;
  hub: string;
  hubDegree: number;
  pairHops: Record<number, number>;
}

export function pickInputs(dataset: RawDataset, seed: number): Inputs {
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

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}


/** A relationship field of the Neo4j GraphQL Library's type definitions: ALLIED_WITH → alliedWith. */
export const fieldName = (type: string) => type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The flags of a bench script, `--name value` or `--name=value`, and a reader of integer ones. */
export function readFlags(argv: readonly string[]): { values: Record<string, string>; int(name: string, fallback: number): number } {
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
  return { values, int };
}

/** What one question under load gave: autocannon's figures, the answers that were errors, and the server's memory. */
export interface LoadFigures {
  requestsPerSec: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers that carry an error: GraphQL `errors`, or the direct Cypher server's `error`. */
  errorAnswers: number;
  errorCodes: Record<string, number>;
  peakRssMb: number;
  loadAverage: number[];
}

/** Loads `url + path` with autocannon, each request with its own body from `body()`, and reads every answer for errors. */
export async function load(options: {
  url: string;
  path: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  body: () => unknown;
  pid: number;
}): Promise<LoadFigures> {
  let errorAnswers = 0;
  const errorCodes: Record<string, number> = {};
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: options.path,
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body()) }),
        onResponse: (_status, body) => {
          if (body.startsWith('{"error') || body.includes('"errors":[')) {
            errorAnswers++;
            const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? /"error":"([A-Z_]+)"/.exec(body)?.[1] ?? 'OTHER';
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
    errorAnswers,
    errorCodes,
    peakRssMb: memoryOf(options.pid).peakMb,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The node flags `npm start` gives the server (package.json's start script), so the bench runs it alike. */
export function startFlags(root: string): string[] {
  const start = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node' || words[words.length - 1] !== 'dist/main.js') {
    throw new Error(`package.json's start script is not "node [flags] dist/main.js": ${start}`);
  }
  return words.slice(1, -1);
}
