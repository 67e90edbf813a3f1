/**
 * Starts the real server as a child process on a free port, as `npm start` runs it (the compiled
 * `dist/main.js`, built by test/setup/build.ts), and speaks GraphQL to it over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import getPort from 'get-port';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface ServerProcess {
  readonly baseUrl: string;
  /** The server process's id (it is the node process itself, not a shell around it). */
  readonly pid: number;
  readonly output: () => string;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The environment a user's shell gives the server: without the test runner's NODE_ENV=test, which
 * changes how libraries behave (Apollo Server, for one, handles signals differently under it),
 * and without the test run's own NEO4J_* settings: each test says which store it wants (the
 * embedded one in memory only, unless it gives a DATA_DIR).
 */
export function userEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && !name.startsWith('NEO4J_'),
    ),
  );
  // In memory unless a test gives a DATA_DIR: tests that are not about durability stay independent
  // (the default ./.data would be one directory shared, and locked, by every server they start).
  return { ...env, HOST: '127.0.0.1', DATA_DIR: ':memory:', ...overrides };
}

/**
 * How to run the server: `dist` is what `npm start` runs; `tsx` runs the TypeScript sources
 * directly (`npm run dev`).
 */
export type Launch = 'dist' | 'tsx';

const LAUNCH_ARGS: Record<Launch, string[]> = {
  dist: ['dist/main.js'],
  tsx: ['--import', 'tsx', 'src/main.ts'],
};

/** The server as a child process, its stdout and stderr gathered into one text. */
function spawnServer(env: Record<string, string>, launch: Launch = 'dist') {
  const child: ChildProcess = spawn(process.execPath, LAUNCH_ARGS[launch], {
    cwd: ROOT,
    env: userEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

export async function startServerProcess(
  env: Record<string, string> = {},
  launch: Launch = 'dist',
): Promise<ServerProcess> {
  const port = await getPort({ host: '127.0.0.1' });
  const { child, exited, output } = spawnServer({ PORT: String(port), LOG_LEVEL: 'info', ...env }, launch);
  const ready = await Promise.race([
    waitFor(() => output().includes('GraphQL server ready'), 90_000),
    exited.then(() => false),
  ]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`The server did not start. Its output:\n${output()}`);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    pid: child.pid!,
    output,
    async graphql(query, variables) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the server to completion (for start-up failures) and returns its exit code and output. */
export async function runServerToExit(env: Record<string, string>, timeoutMs = 60_000) {
  const { child, exited, output } = spawnServer(env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: output() };
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
