/**
 * Starts a REAL Neo4j 5.26 community DBMS (embedded in a JVM, reachable over Bolt) for local
 * development and tests. No Docker, no mock: tools/neo4j/pom.xml resolves org.neo4j:neo4j from
 * Maven Central, Maven compiles LocalNeo4j.java once, and this module spawns `java` itself.
 *
 *   const neo = await startLocalNeo4j({ port: 7699, dataDir: '/tmp/neo-a' });
 *   // neo.uri === 'bolt://127.0.0.1:7699' (auth disabled, no TLS)
 *   await neo.stop();
 *
 * Paths of the tool itself resolve against this file's location; dataDir resolves against cwd.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Neo4jLauncherReason =
  | 'java-missing'
  | 'java-too-old'
  | 'mvn-missing'
  | 'resolve-failed'
  | 'start-failed'
  | 'timeout'
  | 'aborted'
  | 'not-new'
  | 'import-failed';

export class Neo4jLauncherError extends Error {
  readonly reason: Neo4jLauncherReason;

  constructor(reason: Neo4jLauncherReason, message: string) {
    super(message);
    this.name = 'Neo4jLauncherError';
    this.reason = reason;
  }
}

export interface StartLocalNeo4jOptions {
  /** Bolt port (default 7687). */
  port?: number;
  /** Neo4j home directory: store in DIR/data, logs in DIR/logs (default `.neo4j`, relative to cwd). */
  dataDir?: string;
  /** Address to bind and advertise (default 127.0.0.1; prefer it to `localhost`, which may be ::1). */
  host?: string;
  /** JVM max heap in MiB (default 512). */
  heapMb?: number;
  /** Receives progress lines and the JVM's stderr, one line at a time (default: discarded). */
  log?: (line: string) => void;
  /** How long to wait for Maven + JVM start, in ms (default 180 000: a first run downloads jars). */
  startTimeoutMs?: number;
  /** Aborts a start in progress (kills Maven or the JVM); rejects with reason 'aborted'. */
  signal?: AbortSignal;
}

export interface LocalNeo4j {
  /** bolt://HOST:PORT */
  uri: string;
  /** OS process id of the JVM. */
  pid: number;
  /** Settles when the JVM has exited, for whatever reason (stop(), a crash, a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait for a clean shutdown (SIGKILL after 30 s). Safe to call more than once. */
  stop(): Promise<void>;
}

export type PrerequisiteResult = { ok: true } | { ok: false; reason: Neo4jLauncherReason; message: string };

const NEO4J_VERSION = '5.26.30';
const MIN_JAVA = 17;
const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(TOOL_DIR, 'pom.xml');
const JAVA_SRC = path.join(TOOL_DIR, 'src', 'main', 'java');
const TARGET = path.join(TOOL_DIR, 'target');
const CLASSES = path.join(TARGET, 'classes');
const MAIN_CLASS_FILE = path.join(CLASSES, 'local', 'neo4j', 'LocalNeo4j.class');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const BUILD_LOCK = path.join(TARGET, '.build.lock');
const MAIN_CLASS = 'local.neo4j.LocalNeo4j';
/** `neo4j-admin`: the same command-line tool a Neo4j installation runs, from the same jars. */
const ADMIN_CLASS = 'org.neo4j.cli.AdminTool';
/** Imports of fewer nodes and relationships than this run on the quick compiler alone (see importIntoNewDatabase). */
const QUICK_COMPILER_UP_TO = 400_000;
const DATABASE = 'neo4j';

/**
 * JVM flags. The module opens are those of Neo4j's own neo4j.conf; on Java 17 Neo4j starts without
 * them but falls back: without java.nio the page cache logs "Reflection access to
 * java.nio.DirectByteBuffer is not available, using fallback mode", and without sun.nio.ch plus
 * java.io every transaction-log open logs "Unable to advise ... Incorrect file descriptor".
 */
function jvmFlags(heapMb: number): string[] {
  return [
    `-Xmx${heapMb}m`,
    `-Xms${Math.min(64, heapMb)}m`, // any -Xms silences Neo4j's "initial heap not configured" warning
    '-XX:+UseSerialGC', // 2 cores, small heap: the lightest collector
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
  ];
}

// ---------------------------------------------------------------------------------------------
// Prerequisites

async function findOnPath(cmd: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      await fs.access(candidate, fsConstants.X_OK);
      const st = await fs.stat(candidate);
      if (st.isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; signal?: AbortSignal; deadline?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const onAbort = (): void => {
      child.kill('SIGTERM');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      opts.deadline === undefined
        ? undefined
        : setTimeout(
            () => {
              timedOut = true;
              child.kill('SIGTERM');
            },
            Math.max(0, opts.deadline - Date.now()),
          );
    const cleanup = (): void => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
    };
    const feed = (chunk: Buffer, which: 'out' | 'err'): void => {
      const s = chunk.toString('utf8');
      if (which === 'out') stdout += s;
      else stderr += s;
    };
    child.stdout.on('data', (c: Buffer) => feed(c, 'out'));
    child.stderr.on('data', (c: Buffer) => feed(c, 'err'));
    child.on('error', (err) => {
      cleanup();
      reject(err);
    });
    child.on('close', (code, signal) => {
      cleanup();
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

async function javaMajorVersion(java: string): Promise<number | undefined> {
  try {
    const r = await run(java, ['-version']);
    const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
    if (!m?.[1]) return undefined;
    const major = Number(m[1]);
    return major === 1 && m[2] ? Number(m[2]) : major; // "1.8.0_x" -> 8
  } catch {
    return undefined;
  }
}

async function checkJava(): Promise<PrerequisiteResult & { java?: string }> {
  const java = await findOnPath('java');
  if (!java) {
    return {
      ok: false,
      reason: 'java-missing',
      message: `java not found on PATH: install a JDK ${MIN_JAVA}+ (e.g. apt-get install openjdk-17-jdk-headless)`,
    };
  }
  const major = await javaMajorVersion(java);
  if (major !== undefined && major < MIN_JAVA) {
    return {
      ok: false,
      reason: 'java-too-old',
      message: `${java} is Java ${major}; Neo4j ${NEO4J_VERSION} needs Java ${MIN_JAVA}+`,
    };
  }
  return { ok: true, java };
}

async function checkMaven(): Promise<PrerequisiteResult & { mvn?: string }> {
  const mvn = await findOnPath('mvn');
  if (!mvn) {
    return {
      ok: false,
      reason: 'mvn-missing',
      message: 'mvn (Maven) not found on PATH: install Maven 3.6+ (e.g. apt-get install maven)',
    };
  }
  return { ok: true, mvn };
}

/** Are `java` (17+) and `mvn` on PATH? */
export async function checkPrerequisites(): Promise<PrerequisiteResult> {
  const j = await checkJava();
  if (!j.ok) return { ok: false, reason: j.reason, message: j.message };
  const m = await checkMaven();
  if (!m.ok) return { ok: false, reason: m.reason, message: m.message };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Build cache: target/classes + target/classpath.txt, rebuilt when pom.xml or a .java is newer

async function mtimeMs(p: string): Promise<number | undefined> {
  try {
    return (await fs.stat(p)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestInputMtime(): Promise<number> {
  let newest = (await mtimeMs(POM)) ?? 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.java')) newest = Math.max(newest, (await mtimeMs(p)) ?? 0);
    }
  };
  await walk(JAVA_SRC);
  return newest;
}

/** The cached classpath if it is complete and newer than every input, else undefined. */
async function readFreshClasspath(): Promise<string | undefined> {
  const cpTime = await mtimeMs(CLASSPATH_FILE);
  if (cpTime === undefined || (await mtimeMs(MAIN_CLASS_FILE)) === undefined) return undefined;
  if (cpTime < (await newestInputMtime())) return undefined;
  const cp = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim();
  if (!cp) return undefined;
  // A wiped ~/.m2 invalidates the cache too.
  for (const jar of cp.split(path.delimiter)) {
    if ((await mtimeMs(jar)) === undefined) return undefined;
  }
  return cp;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cross-process lock (O_EXCL lock file holding our pid) so two test processes never run Maven
 * into the same target/ at once. A lock whose owner is dead, or that is older than 10 min, is stale.
 */
async function withBuildLock<T>(deadline: number, signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  await fs.mkdir(TARGET, { recursive: true });
  for (;;) {
    if (signal?.aborted) throw new Neo4jLauncherError('aborted', 'start aborted');
    try {
      const fh = await fs.open(BUILD_LOCK, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    try {
      const owner = Number((await fs.readFile(BUILD_LOCK, 'utf8')).trim());
      const age = Date.now() - ((await mtimeMs(BUILD_LOCK)) ?? Date.now());
      if ((Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) || age > 10 * 60_000) {
        await fs.rm(BUILD_LOCK, { force: true });
        continue;
      }
    } catch {
      // lock vanished or is half-written: retry
    }
    if (Date.now() > deadline) {
      throw new Neo4jLauncherError('timeout', `timed out waiting for another process's Maven build (${BUILD_LOCK})`);
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    await fs.rm(BUILD_LOCK, { force: true });
  }
}

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** The last few Maven error lines that say something (not the generic "re-run with -e" help). */
function mavenErrorSummary(output: string): string {
  const boring =
    /^\[ERROR\]\s*($|->|To see the full stack|Re-run Maven|For more information|\[Help \d+\]|After correcting)/;
  const lines = stripAnsi(output)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.startsWith('[ERROR]') && !boring.test(l))
    .map((l) => l.replace(/^\[ERROR\]\s*/, '').replace(/\s*-> \[Help \d+\]$/, ''));
  const picked = lines.slice(-3).join(' | ');
  if (picked) return picked.length > 800 ? `${picked.slice(0, 800)}...` : picked;
  const tail = stripAnsi(output).trim().split(/\r?\n/).slice(-3).join(' | ');
  return tail || 'no output';
}

async function ensureBuilt(opts: {
  log: (line: string) => void;
  deadline: number;
  signal: AbortSignal | undefined;
}): Promise<string> {
  const cached = await readFreshClasspath();
  if (cached) return cached;

  const m = await checkMaven();
  if (!m.ok || !m.mvn) throw new Neo4jLauncherError(m.ok ? 'mvn-missing' : m.reason, m.ok ? 'mvn missing' : m.message);
  const mvn = m.mvn;

  return withBuildLock(opts.deadline, opts.signal, async () => {
    const again = await readFreshClasspath(); // another process may have built it meanwhile
    if (again) return again;

    opts.log(`compiling the launcher and resolving Neo4j ${NEO4J_VERSION} with Maven (once; cached in ${TARGET})`);
    const started = Date.now();
    const tmp = path.join(TARGET, `classpath.txt.${process.pid}.tmp`);
    let r: RunResult;
    try {
      r = await run(
        mvn,
        [
          '-q',
          '-B',
          '-ntp',
          '-Dstyle.color=never',
          '-f',
          POM,
          'compile',
          // Full coordinates, not the `dependency:` prefix: resolving a prefix needs the repository
          // too, and when that is unreachable Maven only says "No plugin found for prefix".
          // The version comes from pom.xml's pluginManagement.
          'org.apache.maven.plugins:maven-dependency-plugin:build-classpath',
          `-Dmdep.outputFile=${tmp}`,
        ],
        { cwd: TOOL_DIR, signal: opts.signal, deadline: opts.deadline },
      );
    } catch (e) {
      throw new Neo4jLauncherError('resolve-failed', `could not run ${mvn}: ${(e as Error).message}`);
    }
    if (opts.signal?.aborted) {
      await fs.rm(tmp, { force: true });
      throw new Neo4jLauncherError('aborted', 'start aborted');
    }
    if (r.timedOut) {
      await fs.rm(tmp, { force: true });
      throw new Neo4jLauncherError('timeout', 'timed out while Maven was compiling/resolving (startTimeoutMs)');
    }
    if (r.code !== 0) {
      await fs.rm(tmp, { force: true });
      throw new Neo4jLauncherError(
        'resolve-failed',
        `Maven could not build/resolve ${POM}: ${mavenErrorSummary(r.stdout + '\n' + r.stderr)}`,
      );
    }
    const cp = (await fs.readFile(tmp, 'utf8')).trim();
    // Stamp with the build's start time: a source edited during the build still looks newer.
    await fs.utimes(tmp, started / 1000, started / 1000);
    await fs.rename(tmp, CLASSPATH_FILE); // atomic: readers see the old file or the whole new one
    opts.log(`Maven done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return cp;
  });
}

// ---------------------------------------------------------------------------------------------
// The JVM

function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i).replace(/\r$/, ''));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) onLine(buf);
    buf = '';
  });
}

function waitForClose(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('close', () => resolve()));
}

/** Start a local Neo4j and resolve once a first transaction ran and Bolt accepts connections. */
export async function startLocalNeo4j(opts: StartLocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const port = opts.port ?? 7687;
  const host = opts.host ?? '127.0.0.1';
  const heapMb = opts.heapMb ?? 512;
  const dataDir = path.resolve(process.cwd(), opts.dataDir ?? '.neo4j');
  const log = opts.log ?? (() => {});
  const timeoutMs = opts.startTimeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  const signal = opts.signal;

  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Neo4jLauncherError('start-failed', `bad port: ${String(port)}`);
  }
  if (!Number.isInteger(heapMb) || heapMb < 128) {
    throw new Neo4jLauncherError('start-failed', `heapMb must be an integer >= 128 (got ${String(heapMb)})`);
  }
  if (signal?.aborted) throw new Neo4jLauncherError('aborted', 'start aborted');

  const j = await checkJava();
  if (!j.ok || !j.java) throw new Neo4jLauncherError(j.ok ? 'java-missing' : j.reason, j.ok ? 'java missing' : j.message);
  const java = j.java;

  const classpath = await ensureBuilt({ log, deadline, signal });
  if (Date.now() > deadline) {
    throw new Neo4jLauncherError('timeout', `Maven build took longer than ${timeoutMs} ms`);
  }

  const child = spawn(
    java,
    [...jvmFlags(heapMb), MAIN_CLASS, '--port', String(port), '--data', dataDir, '--host', host, '--watch-stdin'],
    {
      cwd: TOOL_DIR,
      // The classpath goes in the environment: 200+ jars on the command line make `ps` unreadable.
      env: { ...process.env, CLASSPATH: [CLASSES, classpath].join(path.delimiter) },
      // stdin stays an open pipe: the JVM shuts itself down when it closes, i.e. when we die.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, sig) => resolve({ code, signal: sig }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });

  const stderrTail: string[] = [];
  forEachLine(child.stderr!, (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log(line);
  });

  // Safety net: if this Node process exits without stop(), take the JVM down with it.
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const closed = waitForClose(child);
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await closed;
        clearTimeout(killer);
      } else {
        await waitForClose(child);
      }
      process.removeListener('exit', killOnExit);
    })();
    return stopping;
  };

  const uri = await new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (err: Neo4jLauncherError | undefined, value?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      child.removeListener('close', onClose);
      child.removeListener('error', onError);
      if (err) {
        void stop().then(() => reject(err));
      } else {
        resolve(value!);
      }
    };
    const lastError = (): string => {
      const meaningful = stderrTail.filter((l) => l.trim() !== '');
      const failure = [...meaningful].reverse().find((l) => l.startsWith('neo4j: failed to start'));
      return (failure ?? meaningful[meaningful.length - 1] ?? 'no output').replace(/^neo4j: /, '');
    };
    const onClose = (code: number | null, sig: NodeJS.Signals | null): void => {
      finish(
        new Neo4jLauncherError(
          'start-failed',
          `Neo4j exited before it was ready (${sig ? `signal ${sig}` : `exit code ${String(code)}`}): ${lastError()}`,
        ),
      );
    };
    const onError = (err: Error): void => {
      finish(new Neo4jLauncherError('start-failed', `could not run ${java}: ${err.message}`));
    };
    const onAbort = (): void => finish(new Neo4jLauncherError('aborted', 'start aborted'));
    const timer = setTimeout(
      () =>
        finish(
          new Neo4jLauncherError(
            'timeout',
            `Neo4j did not report ready within ${timeoutMs} ms (see ${path.join(dataDir, 'logs', 'debug.log')})`,
          ),
        ),
      Math.max(0, deadline - Date.now()),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('close', onClose);
    child.once('error', onError);
    forEachLine(child.stdout!, (line) => {
      const m = /^NEO4J_URI=(\S+)$/.exec(line.trim());
      if (m?.[1]) finish(undefined, m[1]);
      else if (line.trim()) log(line);
    });
  });

  return { uri, pid: child.pid!, exited, stop };
}

export interface ImportIntoNewDatabaseOptions {
  /** The Neo4j home that startLocalNeo4j will open (`--data`); it must not hold a database yet. */
  dataDir: string;
  /** The importer's options and files (import-files.ts `importArguments`). */
  args: readonly string[];
  /** JVM max heap in MiB (default 1024). */
  heapMb?: number;
  /** About how many nodes and relationships the files hold (chooses the JVM's compilers; default: few). */
  records?: number;
  /** Receives the importer's report, one line at a time (its progress dots left out). */
  log?: (line: string) => void;
  /** How long Maven and the import may take, in ms (default 600 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Throws 'not-new' when the Neo4j home holds the database already; else its directory-to-be. */
export async function checkNewDataDir(dataDir: string): Promise<string> {
  const database = path.join(path.resolve(process.cwd(), dataDir), 'data', 'databases', DATABASE);
  if (await fs.stat(database).then(() => true, () => false)) {
    throw new Neo4jLauncherError('not-new', `${path.resolve(dataDir)} already holds a database; an import needs a new data directory (or remove ${database})`);
  }
  return database;
}

/**
 * Builds the database of a new Neo4j home from import files with Neo4j's offline importer
 * (`neo4j-admin database import full`), before any Neo4j runs on it. Refuses a home that already
 * holds the database: the importer writes a database from nothing.
 */
export async function importIntoNewDatabase(opts: ImportIntoNewDatabaseOptions): Promise<void> {
  const dataDir = path.resolve(process.cwd(), opts.dataDir);
  const log = opts.log ?? (() => {});
  const heapMb = opts.heapMb ?? 1024;
  const timeoutMs = opts.timeoutMs ?? 600_000;
  const deadline = Date.now() + timeoutMs;
  const existing = await checkNewDataDir(dataDir);
  const j = await checkJava();
  if (!j.ok || !j.java) throw new Neo4jLauncherError(j.ok ? 'java-missing' : j.reason, j.ok ? 'java missing' : j.message);
  const classpath = await ensureBuilt({ log, deadline, signal: opts.signal });
  if (opts.signal?.aborted) throw new Neo4jLauncherError('aborted', 'import aborted');
  await fs.mkdir(dataDir, { recursive: true });

  // A short run finishes sooner with the quick compiler alone, a long one with the optimizing one
  // too: 100k relations took 4.8-5.4 s against 7.0-8.3 s, 1M 21.7-22.5 s against 14.9-15.9 s.
  const compilers = (opts.records ?? 0) < QUICK_COMPILER_UP_TO ? ['-XX:TieredStopAtLevel=1'] : [];
  const child = spawn(j.java, [...jvmFlags(heapMb), ...compilers, ADMIN_CLASS, 'database', 'import', 'full', DATABASE, '--verbose', ...opts.args], {
    cwd: dataDir,
    env: { ...process.env, NEO4J_HOME: dataDir, CLASSPATH: [CLASSES, classpath].join(path.delimiter) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // --verbose: on bad input the importer then names the file, line and field (on stderr).
  const errors: string[] = [];
  // Logged: one line per step ("Relationships: done in 1s 517ms") and the outcome. Left out: the
  // progress bars, the indented detail (files, estimates, resources), the JVM's description.
  let step = '';
  const report = (line: string): void => {
    if (line.trim() === '' || /^\s/.test(line) || /^[-.[]/.test(line) || /^(VM |JIT compiler|Configuration files|neo4j \d)|^(Nodes|Relationships|Available resources|Imported):$/.test(line)) return;
    const started = /^(.*), started \d{4}-\d\d-\d\d /.exec(line);
    if (started) step = started[1]!;
    else if (line.startsWith('Done in ')) log(`${step}: done in ${line.slice('Done in '.length)}`);
    else log(line);
  };
  forEachLine(child.stdout!, report);
  forEachLine(child.stderr!, (line) => {
    if (errors.length < 500) errors.push(line);
    report(line);
  });
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', kill, { once: true });
  const timer = setTimeout(kill, Math.max(0, deadline - Date.now()));
  const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once('close', (c, s) => resolve([c, s]));
    child.once('error', (err) => {
      errors.push(err.message);
      resolve([null, null]);
    });
  });
  clearTimeout(timer);
  opts.signal?.removeEventListener('abort', kill);
  if (code !== 0) {
    // A failed import leaves a partial database behind: remove it, so the home stays new.
    await fs.rm(existing, { recursive: true, force: true });
    await fs.rm(path.join(dataDir, 'data', 'transactions', DATABASE), { recursive: true, force: true });
    if (opts.signal?.aborted) throw new Neo4jLauncherError('aborted', 'import aborted');
    if (Date.now() >= deadline) throw new Neo4jLauncherError('timeout', `the import took longer than ${timeoutMs} ms`);
    throw new Neo4jLauncherError('import-failed', `the import failed (${sig ? `signal ${sig}` : `exit code ${String(code)}`}): ${importFailure(errors)}`);
  }
}

/** What went wrong, from the importer's stderr: its first cause (file, line, field), else its last words. */
function importFailure(stderr: readonly string[]): string {
  const cause = stderr.findIndex((line) => line.startsWith('Caused by:'));
  if (cause < 0) return stderr.filter((line) => line.trim() !== '' && !/^\s+at /.test(line)).slice(-6).join('\n');
  const end = stderr.findIndex((line, i) => i > cause && /^\s+(at |\.\.\. )/.test(line));
  return stderr.slice(cause, end < 0 ? cause + 8 : end).join('\n').replace(/^Caused by: \S+: /, '');
}
