/**
 * Vitest global setup: builds dist/ with `npm run build` before any test, so the end-to-end tests
 * spawn the compiled server that `npm start` runs, built from the sources under test (also when
 * vitest is run on its own, without `npm test`).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup() {
  const started = Date.now();
  try {
    await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`[build] npm run build failed:\n${stdout}${stderr}`);
  }
  console.log(`[build] dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
