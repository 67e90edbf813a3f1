/** Reading a dataset file (the seed, or an import) and seeding an empty store. */
import { readFile } from 'node:fs/promises';
import { parseDataset, type Dataset } from '../domain/index.js';
import { SEED_FILE } from '../paths.js';
import type { GraphStore } from '../store/graph-store.js';

export { SEED_FILE };

export class DatasetFileError extends Error {
  override name = 'DatasetFileError';
}

/** Reads and validates a dataset file; every problem names the file. */
export async function readDatasetFile(path: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DatasetFileError(`Cannot read the dataset file ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatasetFileError(`The dataset file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseDataset(raw);
  } catch (error) {
    throw new DatasetFileError(`The dataset file ${path} is invalid. ${(error as Error).message}`);
  }
}

/** Loads the dataset when the store holds no entity yet; returns whether it loaded. */
export async function seedIfEmpty(store: GraphStore, dataset: Dataset): Promise<boolean> {
  const { entities } = await store.counts();
  if (entities > 0) return false;
  await store.load(dataset);
  return true;
}
