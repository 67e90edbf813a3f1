/**
 * Builds the GraphiQL page served at /graphiql (`npm run build:web`; `npm start` and `npm test` run
 * it first) from web/graphiql/ with esbuild, into dist/web/graphiql/ (git-ignored):
 *
 *   index.html                the page
 *   assets/graphiql.js, .css  GraphiQL, React and Monaco; fonts are inlined in the CSS
 *   assets/chunks/*.js        parts loaded on demand (Monaco, prettier)
 *   assets/*.worker.js        Monaco's web workers: the editor's, JSON's and GraphQL's
 *
 * Nothing is loaded from another origin at run time. The README's example queries (every ```graphql
 * block under "## Example queries", titled by its "###" heading) become GraphiQL's default tabs,
 * each named after its heading so that the tab shows it.
 * The new build is written beside the old one and swapped in, so a running server never serves
 * half a build. A build whose inputs (web/graphiql/, README.md, package-lock.json, this script) have
 * not changed since the last one is skipped; `--force` builds anyway.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = path.join(ROOT, 'web/graphiql');
export const GRAPHIQL_OUT_DIR = path.join(ROOT, 'dist/web/graphiql');

export interface ReadmeQuery {
  readonly title: string;
  readonly query: string;
}

/** The ```graphql blocks of the README's "Example queries" section, each with its heading. */
export function readmeExampleQueries(readme: string): ReadmeQuery[] {
  const start = readme.search(/^## Example queries\s*$/m);
  if (start < 0) throw new Error('README.md has no "## Example queries" section.');
  const rest = readme.slice(start).replace(/^## Example queries\s*$/m, '');
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const examples: ReadmeQuery[] = [];
  let title = 'Example';
  for (const match of section.matchAll(/^#{3,4} (.+)$|^```graphql\n([\s\S]*?)^```$/gm)) {
    if (match[1] !== undefined) title = match[1].trim();
    else if (match[2] !== undefined) examples.push({ title, query: match[2] });
  }
  if (examples.length === 0) throw new Error('README.md\'s "Example queries" section has no ```graphql block.');
  return examples;
}

/**
 * Monaco's modules import their own CSS, which would end up in chunks that nothing loads:
 * graphiql/style.css already holds all of Monaco's styles, so those imports are left empty.
 */
const skipMonacoCss: Plugin = {
  name: 'skip-monaco-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]monaco-editor[\\/].*\.css$/ }, () => ({ contents: '', loader: 'css' }));
  },
};

/** "Who holds Kurakhove? Three sources, three claims" → "WhoHoldsKurakhoveThreeSourcesThreeClaims". */
export function operationName(title: string): string {
  const words = title.normalize('NFKD').replace(/['’]/g, '').match(/[A-Za-z0-9]+/g) ?? ['Example'];
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(name) ? `Q${name}` : name;
}

/** The example as a GraphiQL tab's text: its title as a comment, an anonymous query named. */
export function exampleTabQuery({ title, query }: ReadmeQuery): string {
  const named = /^\s*\{/.test(query) ? query.replace('{', `query ${operationName(title)} {`) : query;
  return `# ${title}\n${named}`;
}

async function sizeOf(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** A digest of everything the build reads, stored with the build to tell when it is stale. */
async function inputsDigest(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    'README.md',
    'package-lock.json',
    'tools/build-graphiql.ts',
    ...(await readdir(SOURCE, { recursive: true })).sort().map((name) => path.join('web/graphiql', name)),
  ];
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (!(await stat(full)).isFile()) continue;
    hash.update(`${file}\0`).update(await readFile(full)).update('\0');
  }
  return hash.digest('hex');
}

const STAMP = '.inputs-sha256';

export async function buildGraphiQL(options: { outDir?: string; force?: boolean } = {}): Promise<void> {
  const outDir = options.outDir ?? GRAPHIQL_OUT_DIR;
  const started = Date.now();
  const digest = await inputsDigest();
  const previous = await readFile(path.join(outDir, STAMP), 'utf8').catch(() => null);
  if (!options.force && previous === digest) {
    console.log(`build:web: ${path.relative(ROOT, outDir)}/ is up to date (npm run build:web -- --force rebuilds it)`);
    return;
  }
  const examples = readmeExampleQueries(await readFile(path.join(ROOT, 'README.md'), 'utf8'));
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const assets = path.join(staging, 'assets');
  await mkdir(assets, { recursive: true });

  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'] as string[],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  } satisfies BuildOptions;

  await Promise.all([
    // The page: GraphiQL with React, its CSS (fonts inlined as data: URLs by the package) and the
    // parts it imports on demand (Monaco, prettier) as chunks.
    build({
      ...common,
      entryPoints: { graphiql: path.join(SOURCE, 'index.tsx') },
      outdir: assets,
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
      plugins: [skipMonacoCss],
      define: { ...common.define, __README_EXAMPLES__: JSON.stringify(examples.map(exampleTabQuery)) },
    }),
    // Monaco's workers, as classic scripts: web/graphiql/monaco-workers.ts starts them by URL.
    build({
      ...common,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      outdir: assets,
      format: 'iife',
    }),
  ]);
  await copyFile(path.join(SOURCE, 'index.html'), path.join(staging, 'index.html'));
  await copyFile(path.join(SOURCE, 'favicon.svg'), path.join(assets, 'favicon.svg'));
  // The CSS of on-demand chunks is empty (see skipMonacoCss): drop the empty files.
  for (const name of await readdir(path.join(assets, 'chunks'))) {
    const file = path.join(assets, 'chunks', name);
    if (name.endsWith('.css') && (await stat(file)).size === 0) await rm(file);
  }
  await writeFile(path.join(staging, STAMP), digest);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(staging, outDir);

  const { bytes, files } = await sizeOf(outDir);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `build:web: GraphiQL with ${examples.length} README examples built into ` +
      `${path.relative(ROOT, outDir)}/ (${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB) in ${seconds} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildGraphiQL({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(`build:web failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
