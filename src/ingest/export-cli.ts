/**
 * `npm run export -- FILE`: writes the whole graph of the configured store (Neo4j when NEO4J_URI is
 * set, else the embedded store in DATA_DIR) to FILE in the dataset format (data/README.md,
 * data/dataset.schema.json), each section by id: derived fields (statuses, claimants, dates) and
 * defaults left out, as the domain's `toDatasetFile` writes them. `npm run import -- FILE` into an
 * empty store gives the same graph back.
 *
 * The file is streamed record by record (a big graph is more than one JavaScript string can hold)
 * to FILE.tmp-<pid>, then renamed over FILE: a failed export leaves no half-written FILE.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityToFile, relationToFile, sourceToFile, statementToFile } from '../domain/dataset-validator.js';
import type { Dataset, EventDetails } from '../domain/model.js';
import { CliError, callerPath, openStoreForCli, shownPath } from './cli-support.js';
import { summarize } from './validate-cli.js';

const USAGE = 'Usage: npm run export -- FILE';

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
  const temporary = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async (chunk: string) => {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    const sections = ['sources', 'entities', 'relations', 'statements'] as const;
    const toFile = fileRecordsOf(dataset);
    await write('{\n');
    for (const [s, section] of sections.entries()) {
      const records: readonly unknown[] = dataset[section];
      await write(`  "${section}": [${records.length === 0 ? '' : '\n'}`);
      for (let i = 0; i < records.length; i++) {
        await write(`    ${JSON.stringify(toFile[section](i))}${i < records.length - 1 ? ',' : ''}\n`);
      }
      await write(`${records.length === 0 ? '' : '  '}]${s < sections.length - 1 ? ',' : ''}\n`);
    }
    await write('}\n');
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    await rename(temporary, file);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function runExport(file: string, out: (line: string) => void = console.log): Promise<number> {
  const { store, location } = await openStoreForCli(out);
  try {
    const started = Date.now();
    const dataset = await store.exportDataset();
    await writeDatasetFile(file, dataset);
    out(`Exported ${location} to ${shownPath(file)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summarize(dataset)}.`);
    return 0;
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = process.argv.slice(2);
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new CliError(USAGE);
    process.exitCode = await runExport(callerPath(args[0]!));
  } catch (error) {
    console.error(`export: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
