/** Reads the SDL files of schema/ — the contract — once, at start. */
import { readFileSync, readdirSync } from 'node:fs';
import { SCHEMA_DIR } from '../paths.js';

export { SCHEMA_DIR };

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${SCHEMA_DIR}${f}`, 'utf8'))
    .join('\n');
}
