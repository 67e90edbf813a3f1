/**
 * `npm run extract -- FILE [--title T] [--publisher P] [--published YYYY-MM-DD] [--url U]
 * [--graph GRAPH.json] [--out OUT.json]`: reads an English news article and prints (or writes to
 * OUT) a changeset: what it proposes to add to the graph (data/seed.json unless --graph), in the
 * dataset format, with evidence for every proposal, and what the graph holds already.
 *
 * `npm run extract:eval`: reads the seed article (data/seed-article.txt) against the seed graph's
 * names and scores the reading against the seed graph; the last line is one JSON object.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateChangeset } from '../domain/changeset.js';
import { isIsoDate } from '../domain/dates.js';
import { evaluate, formatEvaluation } from '../extract/evaluate.js';
import { readArticle, type ArticleInfo } from '../extract/extract.js';
import { SEED_FILE } from '../paths.js';
import { CliError, callerPath, plural, shownPath } from './cli-support.js';
import { readDatasetFile } from './dataset-file.js';

const USAGE =
  'Usage: npm run extract -- FILE [--title TITLE] [--publisher NAME] [--published YYYY-MM-DD] [--url URL] [--graph GRAPH.json] [--out OUT.json]\n' +
  '       npm run extract:eval';
export const SEED_ARTICLE = fileURLToPath(new URL('../../data/seed-article.txt', import.meta.url));

interface Options extends ArticleInfo {
  readonly file: string;
  readonly graph: string;
  readonly out: string | null;
}

export function parseArgs(args: readonly string[]): Options {
  const values: Record<string, string> = {};
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!['title', 'publisher', 'published', 'url', 'graph', 'out'].includes(name)) throw new CliError(`Unknown option ${arg}.\n${USAGE}`);
      const value = args[++i];
      if (value === undefined) throw new CliError(`${arg} needs a value.\n${USAGE}`);
      values[name] = value;
    } else if (file === null) file = arg;
    else throw new CliError(USAGE);
  }
  if (file === null) throw new CliError(USAGE);
  if (values.published !== undefined && !isIsoDate(values.published)) throw new CliError(`--published ${values.published} is not a YYYY-MM-DD date.`);
  return {
    file: callerPath(file),
    graph: values.graph === undefined ? SEED_FILE : callerPath(values.graph),
    out: values.out === undefined ? null : callerPath(values.out),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.publisher !== undefined ? { publisher: values.publisher } : {}),
    ...(values.published !== undefined ? { published: values.published } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
  };
}

export async function runExtract(options: Options, out: (text: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let article: string;
  try {
    article = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${shownPath(options.file)}: ${(error as Error).message}`);
  }
  const graph = await readDatasetFile(options.graph);
  const { changeset } = readArticle(article, graph, options);
  const problems = validateChangeset(changeset, graph, article);
  if (problems.length > 0) throw new CliError(`The changeset does not fit the graph:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const json = `${JSON.stringify(changeset, null, 2)}\n`;
  const p = changeset.proposed;
  const summary =
    `${shownPath(options.file)}: proposes ${plural(p.entities.length, 'entity', 'entities')}, ${plural(p.relations.length, 'relation', 'relations')}, ` +
    `${plural(p.statements.length, 'statement', 'statements')}, ${plural(p.sources.length, 'source', 'sources')}; ` +
    `${plural(changeset.existing.length, 'record', 'records')} the graph holds already.`;
  if (options.out === null) {
    out(json.trimEnd());
    err(summary);
  } else {
    const temporary = `${options.out}.tmp-${process.pid}`;
    try {
      await writeFile(temporary, json, 'utf8');
      await rename(temporary, options.out);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    out(`${summary} Written to ${shownPath(options.out)}.`);
  }
  return 0;
}

export async function runEvaluation(out: (line: string) => void = console.log): Promise<number> {
  const seed = await readDatasetFile(SEED_FILE);
  const article = await readFile(SEED_ARTICLE, 'utf8');
  const source = seed.sources.find((s) => s.kind === 'DOCUMENT');
  const evaluation = evaluate(article, seed, { title: source?.title ?? 'Seed article', published: source?.published ?? undefined });
  for (const line of formatEvaluation(evaluation)) out(line);
  return 0;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const args = process.argv.slice(2);
    if (args[0] === '--help' || args[0] === '-h') console.log(USAGE);
    else if (args.length === 1 && args[0] === '--eval') process.exitCode = await runEvaluation();
    else process.exitCode = await runExtract(parseArgs(args));
  } catch (error) {
    console.error(`extract: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
