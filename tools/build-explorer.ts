/**
 * Builds the analysts' explorer served at / (`npm run build:web` builds it with GraphiQL; `npm
 * start` and `npm test` run that first) from web/explorer/ with esbuild, into dist/web/explorer/
 * (git-ignored):
 *
 *   index.html                        the page
 *   assets/explorer.js, explorer.css  the explorer with cytoscape.js, and its styles
 *   assets/favicon.svg
 *
 * Nothing is loaded from another origin at run time, and the page uses no inline script or style.
 * As for GraphiQL, the new build is written beside the old one and swapped in, and a build whose
 * inputs (web/explorer/, package-lock.json, this script) have not changed is skipped; `--force`
 * builds anyway.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = path.join(ROOT, 'web/explorer');
export const EXPLORER_OUT_DIR = path.join(ROOT, 'dist/web/explorer');
const STAMP = '.inputs-sha256';

async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    'package-lock.json',
    'tools/build-explorer.ts',
    ...(await readdir(SOURCE, { recursive: true })).sort().map((name) => path.join('web/explorer', name)),
  ];
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (!(await stat(full)).isFile()) continue;
    hash.update(`${file}\0`).update(await readFile(full)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildExplorer(options: { outDir?: string; force?: boolean } = {}): Promise<void> {
  const outDir = options.outDir ?? EXPLORER_OUT_DIR;
  const started = Date.now();
  const digest = await inputsDigest();
  const previous = await readFile(path.join(outDir, STAMP), 'utf8').catch(() => null);
  if (!options.force && previous === digest) {
    console.log(`build:web: ${path.relative(ROOT, outDir)}/ is up to date (npm run build:web -- --force rebuilds it)`);
    return;
  }
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const assets = path.join(staging, 'assets');
  await mkdir(assets, { recursive: true });

  await build({
    absWorkingDir: ROOT,
    entryPoints: { explorer: path.join(SOURCE, 'src/main.ts') },
    outdir: assets,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(path.join(SOURCE, 'index.html'), path.join(staging, 'index.html'));
  await copyFile(path.join(SOURCE, 'favicon.svg'), path.join(assets, 'favicon.svg'));
  await writeFile(path.join(staging, STAMP), digest);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(staging, outDir);

  let bytes = 0;
  for (const name of await readdir(path.join(outDir, 'assets'))) bytes += (await stat(path.join(outDir, 'assets', name))).size;
  console.log(
    `build:web: the explorer built into ${path.relative(ROOT, outDir)}/ ` +
      `(${(bytes / 1024).toFixed(0)} kB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildExplorer({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(`build:web failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
