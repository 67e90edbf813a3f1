/** Reads the SDL files of schema/ — the contract — once, at start. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${SCHEMA_DIR}${f}`, 'utf8'))
    .join('\n');
}
