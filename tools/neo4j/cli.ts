/**
 * `npm run neo4j -- [--port N] [--data DIR] [--import FILE]`: run a real local Neo4j 5.26
 * (community, embedded with Bolt) until SIGINT/SIGTERM. Prints `NEO4J_URI=bolt://127.0.0.1:N` on
 * stdout once Bolt accepts connections; everything else goes to stderr.
 *
 * `--import FILE` first builds the database of a new data directory from a dataset file with
 * Neo4j's offline importer (src/store/neo4j/import-files.ts): a first load of a large graph in
 * seconds rather than minutes. The server creates the indexes when it connects.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DatasetValidationError } from '../../src/domain/index.js';
import { DatasetFileError, readDatasetFile } from '../../src/ingest/dataset-file.js';
import { importArguments, writeImportFiles } from '../../src/store/neo4j/import-files.js';
import { checkNewDataDir, importIntoNewDatabase, Neo4jLauncherError, startLocalNeo4j, type LocalNeo4j } from './launcher.js';

const USAGE =
  'usage: npm run neo4j -- [--port N] [--data DIR] [--heap MB] [--import FILE]   (defaults: --port 7687 --data .neo4j --heap 2048)';

function fail(message: string, code: number): never {
  process.stderr.write(`neo4j: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { port: number; dataDir: string; heapMb: number; importFile: string | undefined } {
  let port = 7687;
  let importFile: string | undefined;
  let dataDir = '.neo4j';
  // A load is one transaction (all or nothing), held in the heap until it commits: 512 MiB (the
  // launcher's default, enough for the tests) failed on 10k entities / 100k relations with
  // "dbms.memory.transaction.total.max threshold reached"; 2 GiB holds that load.
  let heapMb = 2048;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        fail(`${flag} needs a value. ${USAGE}`, 2);
      }
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 65535) fail(`bad port '${v}'. ${USAGE}`, 2);
        port = n;
        break;
      }
      case '--data':
        dataDir = value();
        break;
      case '--import':
        // npm runs scripts from the package root: a relative path is the caller's.
        importFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), value());
        break;
      case '--heap': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 128) fail(`bad heap size '${v}' (MiB, at least 128). ${USAGE}`, 2);
        heapMb = Number(v);
        break;
      }
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      // falls through (unreachable: exit above)
      default:
        fail(`unknown argument '${arg}'. ${USAGE}`, 2);
    }
  }
  return { port, dataDir, heapMb, importFile };
}

/** Linux: parent pid, start time and command line of a process (from /proc), or undefined if gone. */
function procInfo(pid: number): { ppid: number; start: string; cmd: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes comm: state ppid ... starttime is field 22 overall.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return { ppid: Number(rest[1]), start: rest[19] ?? '', cmd };
  } catch {
    return undefined;
  }
}

/**
 * `kill -TERM <pid of npm>` does not reach us: npm forwards the signal to the `sh -c` it runs the
 * script with, and Debian's sh (dash) dies without passing it on to tsx. So when started by
 * `npm run`, watch the ancestors up to that npm process and act as if signalled once one is gone.
 * (Linux only; elsewhere, and outside npm, this does nothing.)
 */
function watchNpmAncestors(onGone: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const chain: Array<{ pid: number; start: string }> = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 5 && pid > 1; depth++) {
    const info = procInfo(pid);
    if (!info) return;
    chain.push({ pid, start: info.start });
    if (/^(\S*\/)?npm(\.js)?( |$)/.test(info.cmd) || /\/npm-cli\.js /.test(info.cmd)) {
      const timer = setInterval(() => {
        if (chain.some((a) => procInfo(a.pid)?.start !== a.start)) {
          clearInterval(timer);
          onGone();
        }
      }, 500);
      timer.unref();
      return;
    }
    pid = info.ppid;
  }
  // no npm ancestor found: nothing to watch
}

async function main(): Promise<void> {
  const { port, dataDir, heapMb, importFile } = parseArgs(process.argv.slice(2));
  const host = '127.0.0.1';
  const log = (line: string): void => {
    process.stderr.write(line.startsWith('neo4j: ') ? `${line}\n` : `neo4j: ${line}\n`);
  };

  const starting = new AbortController();
  let db: LocalNeo4j | undefined;
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) {
      // Second Ctrl-C: don't wait for a clean shutdown.
      if (db) {
        try {
          process.kill(db.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      fail(`${sig} again: killed`, 130);
    }
    if (!db) {
      starting.abort();
      return;
    }
    log(`${sig} received, stopping...`);
    db.stop().then(
      () => process.exit(0),
      (err: unknown) => fail(`error while stopping: ${(err as Error).message}`, 1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  watchNpmAncestors(() => {
    if (signals === 0) {
      log('npm (our parent) went away');
      onSignal('SIGTERM');
    }
  });

  if (importFile !== undefined) await importDataset(importFile, dataDir, heapMb, log, starting.signal);

  try {
    db = await startLocalNeo4j({ port, host, dataDir, heapMb, log, signal: starting.signal });
  } catch (err) {
    if (err instanceof Neo4jLauncherError) {
      if (err.reason === 'aborted') {
        log('stopped before it was ready');
        process.exit(0);
      }
      fail(err.message, 1);
    }
    fail(`unexpected error: ${(err as Error).message ?? String(err)}`, 1);
  }

  process.stdout.write(`NEO4J_URI=${db.uri}\n`);
  log(
    `ready: Neo4j 5.26 community at ${db.uri}, authentication OFF and no TLS ` +
      `(loopback-only dev instance: connect with no credentials). Data in ${dataDir}. Ctrl-C or SIGTERM stops it.`,
  );

  const { code, signal } = await db.exited;
  if (signals === 0) {
    fail(`the Neo4j JVM exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${String(code)}`})`, 1);
  }
}

/** `--import FILE`: the dataset file, checked, into the new data directory's database. */
async function importDataset(file: string, dataDir: string, heapMb: number, log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const filesDir = await mkdtemp(path.join(tmpdir(), 'kg-neo4j-import-'));
  let failure: string | undefined;
  try {
    await checkNewDataDir(dataDir);
    const dataset = await readDatasetFile(file);
    log(`import: ${file} read and checked (${seconds()}); writing the import files`);
    const files = await writeImportFiles(dataset, filesDir);
    const { entities, relations, statements, sources } = files.counts;
    log(`import: files written (${seconds()}); running Neo4j's importer into ${path.resolve(dataDir)}`);
    await importIntoNewDatabase({ dataDir, args: importArguments(files), records: files.records, heapMb, log: (line) => log(`import: ${line}`), signal });
    log(`import: ${entities} entities, ${relations} relations, ${statements} statements, ${sources} sources in ${seconds()}`);
  } catch (err) {
    if (err instanceof Neo4jLauncherError && err.reason === 'aborted') failure = 'stopped before the import finished';
    else if (err instanceof DatasetFileError || err instanceof DatasetValidationError || err instanceof Neo4jLauncherError) failure = err.message;
    else throw err;
  } finally {
    await rm(filesDir, { recursive: true, force: true });
  }
  if (failure !== undefined) fail(`import: ${failure}`, signal.aborted ? 0 : 1);
}

void main();
