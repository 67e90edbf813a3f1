/** What the import and export commands share: paths as the caller typed them, and the store. */
import { isAbsolute, relative, resolve } from 'node:path';
import { readConfig } from '../config.js';
import { openConfiguredStore, type OpenedStore } from '../store/open.js';

/** `npm run` starts a script in the package root; a relative path means the caller's directory. */
export function callerPath(file: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** A path as short as it can be shown: relative to the working directory when it is inside it. */
export function shownPath(file: string): string {
  const near = relative(process.cwd(), file);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? file : near;
}

export class CliError extends Error {
  override name = 'CliError';
}

/**
 * The store the environment configures (NEO4J_URI, or the embedded store in DATA_DIR), as the
 * server would open it. An embedded store in memory only is refused: the command would change or
 * read nothing that lasts.
 */
export async function openStoreForCli(log: (line: string) => void): Promise<OpenedStore> {
  const config = readConfig();
  if (!config.neo4j && config.dataDir === null) {
    throw new CliError('DATA_DIR is :memory:, so the embedded store keeps nothing: set DATA_DIR to a directory, or NEO4J_URI.');
  }
  const opened = await openConfiguredStore(config, (msg, fields) =>
    log(`${msg}${fields && 'file' in fields ? `: ${String(fields['file'])}` : ''}`),
  );
  return opened;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
