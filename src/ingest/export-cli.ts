/**
 * `npm run export -- FILE [--format dataset|graphml|csv|jsonl]`: writes the whole graph of the
 * configured store (Neo4j when NEO4J_URI is set, else the embedded store in DATA_DIR) to FILE.
 *
 * - dataset (the default): the dataset format (data/README.md, data/dataset.schema.json), each
 *   section by id: derived fields (statuses, claimants, dates) and defaults left out, as the
 *   domain's `toDatasetFile` writes them. `npm run import -- FILE` into an empty store gives the
 *   same graph back.
 * - graphml, csv, jsonl: the formats analysts' tools read (src/ingest/formats/); csv writes
 *   nodes.csv and edges.csv into the directory FILE.
 * - neo4j-import: the files of Neo4j's offline importer (src/store/neo4j/import-files.ts) in the
 *   directory FILE, and the `neo4j-admin database import full` command that reads them: a graph
 *   moved from the embedded store into a new Neo4j database in one step, however large.
 *
 * Without --format the format follows FILE: `.graphml` GraphML, `.jsonl` JSON lines, an existing
 * directory or a path ending in `/` CSV, anything else the dataset format.
 *
 * Each file is streamed record by record (a big graph is more than one JavaScript string can hold)
 * to FILE.tmp-<pid>, then renamed over FILE: a failed export leaves no half-written FILE.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { entityToFile, relationToFile, sourceToFile, statementToFile } from '../domain/dataset-validator.js';
import type { Dataset, EventDetails } from '../domain/model.js';
import { CliError, callerPath, openStoreForCli, shownPath } from './cli-support.js';
import { summarize } from './validate-cli.js';
import { importArguments, writeImportFiles } from '../store/neo4j/import-files.js';
import { EDGES_FILE, NODES_FILE, csvEdgeChunks, csvNodeChunks, graphmlChunks, jsonlLines } from './formats/index.js';

export const EXPORT_FORMATS = ['dataset', 'graphml', 'csv', 'jsonl', 'neo4j-import'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const USAGE = `Usage: npm run export -- FILE [--format dataset|graphml|csv|jsonl|neo4j-import]

Writes the whole graph of the configured store (DATA_DIR, or Neo4j with NEO4J_URI) to FILE.

Formats:
  dataset  the dataset format (data/README.md) that npm run import reads back (the default)
  graphml  GraphML for Gephi, Cytoscape and yEd: entities as nodes, relations as directed edges
  csv      nodes.csv and edges.csv, with provenance columns, in the directory FILE (created if missing)
  jsonl    JSON lines: one record a line, with its section (source, entity, relation, statement)
  neo4j-import
           the CSV files of Neo4j's offline importer, in the directory FILE, and the
           neo4j-admin command that builds a new Neo4j database from them

Without --format, FILE decides: *.graphml is GraphML, *.jsonl JSON lines, an existing directory
or a path ending in / CSV, anything else the dataset format.

Examples:
  npm run export -- graph.json
  npm run export -- graph.graphml
  npm run export -- graph-csv --format csv    (or graph-csv/ without --format)
  npm run export -- graph.jsonl
  npm run export -- graph-import --format neo4j-import`;

/** Each record as the file gives it (one record at a time: a big graph is not copied whole). */
function fileRecordsOf(dataset: Dataset) {
  const events = new Map<string, EventDetails>();
  for (const e of dataset.entities) if (e.event !== null) events.set(e.id, e.event);
  return {
    sources: (i: number) => sourceToFile(dataset.sources[i]!),
    entities: (i: number) => entityToFile(dataset.entities[i]!),
    relations: (i: number) => relationToFile(dataset.relations[i]!, (id) => events.get(id)),
    statements: (i: number) => statementToFile(dataset.statements[i]!),
  };
}

/** Writes `dataset` in the file format as pretty-enough JSON (one record per line) to `file`, atomically. */
export async function writeDatasetFile(file: string, dataset: Dataset): Promise<void> {
  await writeChunks(file, datasetFileChunks(dataset));
}

/** The dataset file in chunks: a record a line. */
function* datasetFileChunks(dataset: Dataset): Generator<string> {
  const sections = ['sources', 'entities', 'relations', 'statements'] as const;
  const toFile = fileRecordsOf(dataset);
  yield '{\n';
  for (const [s, section] of sections.entries()) {
    const records: readonly unknown[] = dataset[section];
    yield `  "${section}": [${records.length === 0 ? '' : '\n'}`;
    for (let i = 0; i < records.length; i++) {
      yield `    ${JSON.stringify(toFile[section](i))}${i < records.length - 1 ? ',' : ''}\n`;
    }
    yield `${records.length === 0 ? '' : '  '}]${s < sections.length - 1 ? ',' : ''}\n`;
  }
  yield '}\n';
}

/** Streams `chunks` to FILE.tmp-<pid>, then renames it over `file`: no half-written `file` on failure. */
export async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async (chunk: string) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    for (const chunk of chunks) await write(chunk);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    await rename(temporary, file);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A word for a POSIX shell: quoted when it holds anything but letters, digits and -_=.,/:+@. */
function shellWord(word: string): string {
  return /^[\w\-=.,/:+@]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The format --format names, else the one FILE implies (see the usage). */
export async function formatFor(file: string, format: string | undefined): Promise<ExportFormat> {
  if (format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`Unknown format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.\n\n${USAGE}`);
    }
    return format as ExportFormat;
  }
  if (/\.graphml$/i.test(file)) return 'graphml';
  if (/\.jsonl$/i.test(file)) return 'jsonl';
  if (/[/\\]$/.test(file)) return 'csv';
  const found = await stat(file).catch(() => null);
  return found?.isDirectory() ? 'csv' : 'dataset';
}

/** Writes `dataset` to `file` in `format`; returns the paths written (and, for neo4j-import, the importer's arguments). */
export async function writeExport(file: string, format: ExportFormat, dataset: Dataset): Promise<{ written: string[]; importerArgs?: string[] }> {
  switch (format) {
    case 'dataset':
      await writeDatasetFile(file, dataset);
      return { written: [file] };
    case 'graphml':
      await writeChunks(file, graphmlChunks(dataset));
      return { written: [file] };
    case 'jsonl':
      await writeChunks(file, jsonlLines(dataset));
      return { written: [file] };
    case 'neo4j-import': {
      const files = await writeImportFiles(dataset, file);
      return { written: [...files.nodes, ...files.relationships].flatMap((f) => [f.header, f.body]), importerArgs: importArguments(files) };
    }
    case 'csv': {
      if (/\.csv$/i.test(file)) throw new CliError(`CSV writes two files (${NODES_FILE}, ${EDGES_FILE}): give a directory, not ${shownPath(file)}.`);
      await mkdir(file, { recursive: true });
      const nodes = join(file, NODES_FILE);
      const edges = join(file, EDGES_FILE);
      await writeChunks(nodes, csvNodeChunks(dataset));
      await writeChunks(edges, csvEdgeChunks(dataset));
      return { written: [nodes, edges] };
    }
  }
}

export async function runExport(
  file: string,
  out: (line: string) => void = console.log,
  format: ExportFormat = 'dataset',
): Promise<number> {
  const { store, location } = await openStoreForCli(out);
  try {
    const started = Date.now();
    const dataset = await store.exportDataset();
    const { written, importerArgs } = await writeExport(file, format, dataset);
    const where = importerArgs ? `${written.length} files in ${shownPath(file)}` : written.map(shownPath).join(' and ');
    out(`Exported ${location} to ${where} (${format}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summarize(dataset)}.`);
    if (importerArgs) {
      out('Build a new Neo4j database from them with Neo4j\'s importer (the database must not exist yet, or be stopped and');
      out('replaced with --overwrite-destination); the server creates its indexes when it first connects:');
      out(`  neo4j-admin database import full neo4j ${importerArgs.map(shellWord).join(' ')}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(USAGE);
    } else {
      if (positionals.length !== 1) throw new CliError(USAGE);
      const file = callerPath(positionals[0]!);
      // callerPath drops a trailing slash, which asks for CSV.
      const format = await formatFor(/[/\\]$/.test(positionals[0]!) ? `${file}/` : file, values.format);
      process.exitCode = await runExport(file, console.log, format);
    }
  } catch (error) {
    console.error(`export: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
