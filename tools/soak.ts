/**
 * Soak test: starts the real server (embedded store; Neo4j when NEO4J_URI is set), runs a mixed
 * load with autocannon (the heaviest queries the default limits allow, and ordinary ones), and
 * prints requests, errors, non-2xx, timeouts, latency percentiles and the server's RSS at start
 * and end. Exits non-zero on any error, non-2xx, GraphQL INTERNAL_SERVER_ERROR or an RSS growth
 * past --max-rss-growth-mb. The last line is one JSON object of the figures.
 *
 *   npm run soak -- --duration 60 --connections 50 [--max-rss-growth-mb 200] [--timeout 20]
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import getPort from 'get-port';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    'max-rss-growth-mb': { type: 'string', default: '200' },
    timeout: { type: 'string', default: '20' },
  },
});
const duration = positive('duration', args.duration!);
const connections = positive('connections', args.connections!);
const maxRssGrowthMb = positive('max-rss-growth-mb', args['max-rss-growth-mb']!);
const timeoutS = positive('timeout', args.timeout!);

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number; got "${raw}".`);
  return value;
}

const A = 'person:apti-alaudinov';

/** The mix: each entry is sent in turn by every connection. */
const QUERIES: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: '15 aliases of neighborhood(depth: 3)',
    query: `query($i: ID!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: neighborhood(id: $i, depth: 3) { nodes { id name kind } edges { id type from to status } }`).join(' ')} }`,
    variables: { i: A },
  },
  {
    name: 'relations/node as deep as allowed',
    query: `{ entity(id: "${A}") { relations { node { relations { node { id name } } } } } }`,
  },
  {
    name: 'entities fan-out at depth 6',
    query: '{ entities { relations { node { relations { node { id } } } } } }',
  },
  {
    name: 'shortestPath maxHops 10',
    query: `{ shortestPath(fromId: "${A}", toId: "person:antony-blinken", maxHops: 10) { length nodes { id name } edges { id type } } }`,
  },
  { name: 'search', query: '{ search(text: "kursk", first: 100) { id name aliases } }' },
  { name: 'entity', query: `{ entity(id: "${A}") { id name description } }` },
  { name: 'README: Kursk deployments', query: '{ entity(id: "region:kursk") { relations(types: ["DEPLOYED_TO"], direction: IN) { type node { name } status claimedBy { name } } } }' },
  { name: 'statements', query: `{ statements(speakerId: "${A}") { kind date text about { name } } }` },
  { name: 'neighborhood depth 1', query: `{ neighborhood(id: "${A}", depth: 1) { nodes { id kind name } edges { id type from to } } }` },
];

async function rssMb(pid: number): Promise<number | null> {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Math.round(Number(kb) / 1024);
  } catch {
    return null;
  }
}

async function startServer() {
  const port = await getPort({ host: '127.0.0.1' });
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Ready when /readyz answers 200; at most 120 s.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited at start:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`The server did not become ready in 120 s:\n${output}`);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function main(): Promise<number> {
  const store = process.env.NEO4J_URI ? 'neo4j' : 'embedded';
  const server = await startServer();
  let exitCode = 0;
  try {
    // Every query once, checked: the mix must be allowed and answer data.
    for (const q of QUERIES) {
      const response = await fetch(`${server.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.query, variables: q.variables }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (response.status !== 200 || body.errors) {
        throw new Error(`The query "${q.name}" is not answered: HTTP ${response.status} ${JSON.stringify(body.errors)}`);
      }
    }
    const rssStart = await rssMb(server.pid);
    console.log(`soak: ${store} store, ${connections} connections for ${duration} s, ${QUERIES.length} queries in the mix; server RSS ${rssStart} MB`);

    const graphqlErrors = new Map<string, number>();
    let sampled = 0;
    const result = await autocannon({
      url: `${server.baseUrl}/graphql`,
      connections,
      duration,
      timeout: timeoutS,
      requests: QUERIES.map((q) => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.query, variables: q.variables }),
        // Reads every response body: GraphQL errors come with HTTP 200.
        onResponse: (_status: number, body: string) => {
          sampled++;
          if (body.includes('"errors"')) {
            const codes = [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((m) => m[1]!);
            for (const code of codes.length ? codes : ['(no code)']) graphqlErrors.set(code, (graphqlErrors.get(code) ?? 0) + 1);
          }
        },
      })),
    });
    const rssEnd = await rssMb(server.pid);
    const metrics = await fetch(`${server.baseUrl}/metrics`).then(async (r) => (r.status === 200 ? r.text() : null)).catch(() => null);
    const heapUsed = metrics ? /^nodejs_heap_size_used_bytes (\d+)/m.exec(metrics)?.[1] : undefined;

    const nonDeadlineErrors = [...graphqlErrors].filter(([code]) => code !== 'DEADLINE_EXCEEDED').reduce((n, [, c]) => n + c, 0);
    const figures = {
      store,
      connections,
      durationS: duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      responsesRead: sampled,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors: Object.fromEntries(graphqlErrors),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
      throughputBytesPerSecond: result.throughput.average,
      rssMb: { start: rssStart, end: rssEnd, growth: rssStart !== null && rssEnd !== null ? rssEnd - rssStart : null },
      ...(heapUsed ? { heapUsedMb: Math.round(Number(heapUsed) / 1024 / 1024) } : {}),
    };
    const failures: string[] = [];
    if (result.errors > 0) failures.push(`${result.errors} connection errors`);
    if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
    if (result.non2xx > 0) failures.push(`${result.non2xx} non-2xx responses`);
    if (graphqlErrors.get('INTERNAL_SERVER_ERROR')) failures.push(`${graphqlErrors.get('INTERNAL_SERVER_ERROR')} INTERNAL_SERVER_ERROR`);
    if (nonDeadlineErrors > 0) failures.push(`${nonDeadlineErrors} GraphQL errors: ${JSON.stringify(figures.graphqlErrors)}`);
    if (figures.rssMb.growth !== null && figures.rssMb.growth > maxRssGrowthMb) failures.push(`RSS grew by ${figures.rssMb.growth} MB (bound ${maxRssGrowthMb} MB)`);
    if (server.output().includes('unexpected error')) failures.push('the server logged unexpected errors');

    console.log(`requests: ${figures.requests} (${figures.requestsPerSecond}/s), errors: ${figures.errors}, non-2xx: ${figures.non2xx}, timeouts: ${figures.timeouts}`);
    console.log(`GraphQL errors by code: ${JSON.stringify(figures.graphqlErrors)}`);
    console.log(`latency ms: p50 ${figures.latencyMs.p50}, p90 ${figures.latencyMs.p90}, p99 ${figures.latencyMs.p99}, max ${figures.latencyMs.max}`);
    console.log(`server RSS MB: start ${rssStart}, end ${rssEnd}${heapUsed ? `; heap used ${figures.heapUsedMb} MB` : ''}`);
    console.log(failures.length ? `FAILED: ${failures.join('; ')}` : 'OK');
    exitCode = failures.length ? 1 : 0;
    console.log(JSON.stringify({ ok: failures.length === 0, failures, ...figures }));
  } finally {
    await server.stop();
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.log(JSON.stringify({ ok: false, failures: [String(error instanceof Error ? error.message : error)] }));
    process.exit(1);
  },
);
