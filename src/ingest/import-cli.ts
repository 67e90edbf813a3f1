/**
 * `npm run import -- FILE [--dry-run]`: loads a dataset file into the configured store (Neo4j when
 * NEO4J_URI is set, else the embedded store in DATA_DIR) with the store's `load`: all or nothing,
 * and importing the same file again changes nothing.
 *
 * The file is checked by the dataset validator first; every problem is printed with where it is in
 * the file (the record's section and index, e.g. `entities[3]`, its id, and the field), and the
 * command exits 1 without touching the store. A file that refers to records it does not hold (one
 * article's facts about entities the graph has) is checked beside the store's records instead, as
 * a write is. `--dry-run` stops after the check, having written nothing (a self-contained file is
 * checked without opening the store). A changeset from `npm run extract` imports its proposed
 * records.
 *
 * A long import shows its progress, phase by phase: a bar on a terminal, a log line every few
 * seconds otherwise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetValidationError, isUnknownReference, parseDataset, parseRecordsInContext, validateDataset } from '../domain/dataset-validator.js';
import type { Dataset } from '../domain/model.js';
import { WriteService, type FileRecords } from '../writes/write-service.js';
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

/** The file's JSON: a dataset, or the `proposed` part of a changeset written by `npm run extract`; null after saying why not. */
async function readImportFile(file: string, out: (line: string) => void, err: (line: string) => void): Promise<unknown> {
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
  if (isChangeset(raw)) {
    out(
      `${shown} is a changeset (npm run extract): importing its proposed records. Their evidence is not kept; ` +
        'proposeFromText and acceptChangeset keep it as provenance.',
    );
    return raw.proposed;
  }
  return raw;
}

function isChangeset(raw: unknown): raw is { proposed: unknown } {
  return typeof raw === 'object' && raw !== null && 'proposed' in raw && 'evidence' in raw && !('entities' in raw);
}

/** Whether the file has the dataset's four sections, each a list of records with an id. */
function isWellShaped(raw: unknown): raw is FileRecords {
  if (typeof raw !== 'object' || raw === null) return false;
  return (['sources', 'entities', 'relations', 'statements'] as const).every((section) => {
    const list = (raw as Record<string, unknown>)[section];
    return Array.isArray(list) && list.every((r) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string');
  });
}

function reportProblems(file: string, problems: readonly string[], err: (line: string) => void, where = ''): void {
  const shown = shownPath(file);
  err(`${shown} is not a valid dataset${where}: ${plural(problems.length, 'problem', 'problems')}.`);
  for (const problem of problems) err(`  ${shown}: ${problem}`);
}

/** Runs the command; returns the process exit code. */
export async function runImport(
  options: ImportOptions,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const shown = shownPath(options.file);
  const raw = await readImportFile(options.file, out, err);
  if (raw === null) return 1;
  const problems = validateDataset(raw);
  const selfContained = problems.length === 0;
  if (!selfContained && !(isWellShaped(raw) && problems.every(isUnknownReference))) {
    reportProblems(options.file, problems, err);
    return 1;
  }
  let dataset: Dataset | null = null;
  if (selfContained) {
    dataset = parseDataset(raw);
    out(`${shown} is valid: ${summarize(dataset)}.`);
    if (options.dryRun) {
      out('Dry run: nothing was written.');
      return 0;
    }
  }
  // A file that refers to records it does not hold (one article's facts about the graph's
  // entities) is checked beside the store's records, so the store is opened even for a dry run.
  const { store, location } = await openStoreForCli(out);
  try {
    if (dataset === null) {
      const file = raw as FileRecords;
      const context = await new WriteService(store).contextOf(file);
      const inContext = parseRecordsInContext(
        {
          sources: [...file.sources, ...context.sources],
          entities: [...file.entities, ...context.entities],
          relations: file.relations,
          statements: [...file.statements, ...context.statements],
        },
        new Set([...file.sources, ...file.entities, ...file.relations, ...file.statements].map((r) => r.id)),
      );
      if (inContext.dataset === null) {
        reportProblems(options.file, inContext.problems, err, ` beside the records of ${location} it refers to`);
        return 1;
      }
      dataset = inContext.dataset;
      out(`${shown} is valid beside the records of ${location} it refers to: ${summarize(dataset)}.`);
      if (options.dryRun) {
        out('Dry run: nothing was written.');
        return 0;
      }
    }
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
      err(`${shown} cannot be imported into ${location}; nothing was written. ${error.message}`);
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
