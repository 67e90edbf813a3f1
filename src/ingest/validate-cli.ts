/**
 * `npm run validate-data [file]`: checks a dataset file (default data/seed.json) with the domain's
 * validator. Prints a one-line summary and exits 0, or prints every problem and exits 1.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetValidationError, parseDataset } from '../domain/dataset-validator.js';
import type { Dataset } from '../domain/model.js';
import { ENTITY_KINDS } from '../domain/vocabulary.js';
import { SEED_FILE } from '../paths.js';

const DEFAULT_FILE = SEED_FILE;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 source, 32 entities (7 PERSON, 5 UNIT, ...), 44 relations, 26 statements". */
export function summarize(dataset: Dataset): string {
  const byKind = ENTITY_KINDS.map((kind) => [kind, dataset.entities.filter((e) => e.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return [
    count(dataset.sources.length, 'source', 'sources'),
    `${count(dataset.entities.length, 'entity', 'entities')}${byKind ? ` (${byKind})` : ''}`,
    count(dataset.relations.length, 'relation', 'relations'),
    count(dataset.statements.length, 'statement', 'statements'),
  ].join(', ');
}

/** Validates one file; returns the process exit code. */
export async function validateFile(file: string, out = console.log, err = console.error): Promise<number> {
  const near = relative(process.cwd(), file);
  const shown = near === '' || near.startsWith('..') || isAbsolute(near) ? file : near;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    err(`${shown}: cannot read the file (${(e as Error).message}).`);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    err(`${shown} is not valid JSON: ${(e as Error).message}`);
    return 1;
  }
  try {
    out(`${shown} is valid: ${summarize(parseDataset(raw))}.`);
    return 0;
  } catch (e) {
    if (e instanceof DatasetValidationError) {
      err(`${shown} is not a valid dataset. ${e.message}`);
      return 1;
    }
    throw e;
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0] === '--help' || args[0] === '-h') {
    console.error('Usage: npm run validate-data [file]   (default: data/seed.json)');
    process.exitCode = args.length > 1 ? 1 : 0;
  } else {
    // `npm run` starts us in the package root; a relative path means the caller's directory.
    const callerDir = process.env.INIT_CWD ?? process.cwd();
    process.exitCode = await validateFile(args[0] === undefined ? DEFAULT_FILE : resolve(callerDir, args[0]));
  }
}
