/**
 * `npm run import -- FILE [--dry-run]`: loads a dataset file into the configured store (Neo4j when
 * NEO4J_URI is set, else the embedded store in DATA_DIR) with the store's `load`: all or nothing,
 * and importing the same file again changes nothing.
 *
 * The file is checked by the dataset validator first; every problem is printed with where it is in
 * the file (the record's section and index, e.g. `entities[3]`, its id, and the field), and the
 * command exits 1 without touching the store. `--dry-run` stops after the check (the store is not
 * even opened).
 *
 * A long import shows its progress, phase by phase: a bar on a terminal, a log line every few
 * seconds otherwise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetValidationError, parseDataset, validateDataset } from '../domain/dataset-validator.js';
import type { Dataset } from '../domain/model.js';
import { CliError, callerPath, openStoreForCli, plural, shownPath } from './cli-support.js';
import { importProgress } from './progress.js';
import { summarize } from './validate-cli.js';

const USAGE = 'Usage: npm run import -- FILE [--dry-run]';

export interface ImportOptions {
  readonly file: string;
  readonly dryRun: boolean;
  /** A progress bar (on a terminal) rather than log lines. */
  readonly interactive?: boolean;
}

export function parseImportArgs(args: readonly string[]): ImportOptions {
  const files = args.filter((a) => a !== '--dry-run');
  const unknown = files.filter((a) => a.startsWith('-'));
  if (unknown.length > 0) throw new CliError(`Unknown option ${unknown[0]}. ${USAGE}`);
  if (files.length !== 1) throw new CliError(USAGE);
  return { file: callerPath(files[0]!), dryRun: args.includes('--dry-run') };
}

/** Reads and checks the file; on problems prints each and returns null. */
async function checkedDataset(file: string, out: (line: string) => void, err: (line: string) => void): Promise<Dataset | null> {
  const shown = shownPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    err(`${shown}: cannot read the file (${(error as Error).message}).`);
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    err(`${shown} is not valid JSON: ${(error as Error).message}`);
    return null;
  }
  const problems = validateDataset(raw);
  if (problems.length > 0) {
    err(`${shown} is not a valid dataset: ${plural(problems.length, 'problem', 'problems')}.`);
    for (const problem of problems) err(`  ${shown}: ${problem}`);
    return null;
  }
  const dataset = parseDataset(raw);
  out(`${shown} is valid: ${summarize(dataset)}.`);
  return dataset;
}

/** Runs the command; returns the process exit code. */
export async function runImport(
  options: ImportOptions,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const dataset = await checkedDataset(options.file, out, err);
  if (dataset === null) return 1;
  if (options.dryRun) {
    out('Dry run: nothing was written.');
    return 0;
  }
  const { store, location } = await openStoreForCli(out);
  try {
    const before = await store.counts();
    const started = Date.now();
    const progress = importProgress({ interactive: options.interactive ?? false, line: out });
    try {
      await store.load(dataset, progress.report);
    } finally {
      progress.stop();
    }
    const after = await store.counts();
    out(
      `Imported into ${location} in ${((Date.now() - started) / 1000).toFixed(1)} s. The store now holds ` +
        `${plural(after.sources, 'source', 'sources')}, ${plural(after.entities, 'entity', 'entities')}, ` +
        `${plural(after.relations, 'relation', 'relations')}, ${plural(after.statements, 'statement', 'statements')} ` +
        `(${after.entities - before.entities >= 0 ? '+' : ''}${after.entities - before.entities} entities, ` +
        `${after.relations - before.relations >= 0 ? '+' : ''}${after.relations - before.relations} relations).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DatasetValidationError) {
      // References to records the store does not hold, found by the store itself: nothing written.
      err(`${shownPath(options.file)} cannot be imported into ${location}; nothing was written. ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    process.exitCode = await runImport({ ...parseImportArgs(process.argv.slice(2)), interactive: process.stderr.isTTY === true });
  } catch (error) {
    console.error(`import: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
