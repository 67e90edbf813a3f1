/**
 * A dataset as the CSV files of Neo4j's offline importer (`neo4j-admin database import full`),
 * for a first load into a new database: the importer writes the store files directly, many times
 * faster than transactions can (no transaction state, no per-row index updates). The graph it
 * builds is the one `load` builds (graph-model.ts), property for property, from the same mapping
 * (mapping.ts); the server's migrations then create the constraints and indexes at its start.
 *
 * What CSV cannot say: an empty list, and a list whose one entry is '' (both are an empty field,
 * which the importer leaves out). Such properties are absent; every query reads an absent list as
 * the empty one (graph-model.ts).
 *
 * The same checks as `load`: kinds and relation types of the vocabulary only, and every reference
 * resolved within the dataset (a new database holds nothing else). A record listed twice: the last
 * one wins, as in `load`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { isPoint, type Point } from 'neo4j-driver';
import {
  DatasetValidationError,
  danglingReferences,
  referencesOf,
  type Dataset,
  type ReferenceTarget,
} from '../../domain/index.js';
import { KIND_LABELS, statementLinks } from './graph-model.js';
import { checkVocabulary } from './load.js';
import { entityProperties, relationProperties, sourceProperties, statementProperties, WGS84_SRID } from './mapping.js';
import { SEARCH_KEYS_VERSION } from './search-keys.js';

/** Between the entries of a list (and the labels of a node): a control character; an entry holding it is refused. */
const LIST_SEPARATOR = '\u001f';

/** The importer's options that read these files as they are written. */
export const IMPORT_OPTIONS: readonly string[] = [
  '--array-delimiter=U+001F',
  '--delimiter=,',
  '--quote="',
  '--id-type=string',
  '--skip-duplicate-nodes=false',
  '--skip-bad-relationships=false',
  '--bad-tolerance=0',
];

export interface ImportFiles {
  /** Node files, each a header and a body (the importer's `--nodes=HEADER,BODY`). */
  readonly nodes: readonly CsvFile[];
  /** Relationship files, each for `--relationships=HEADER,BODY`. */
  readonly relationships: readonly CsvFile[];
  /** What the files hold, after duplicates are dropped. */
  readonly counts: { readonly entities: number; readonly relations: number; readonly statements: number; readonly sources: number };
  /** How many nodes and relationships the files hold in all (the statements' links included). */
  readonly records: number;
}

/** The importer's arguments for these files (after `database import full <database>`). */
export function importArguments(files: ImportFiles): string[] {
  const multiline = [...files.nodes, ...files.relationships].some((f) => f.multiline);
  return [
    ...IMPORT_OPTIONS,
    `--multiline-fields=${String(multiline)}`,
    ...files.nodes.map((f) => `--nodes=${f.header},${f.body}`),
    ...files.relationships.map((f) => `--relationships=${f.header},${f.body}`),
  ];
}

/** Writes the dataset's import files into `dir` (created if missing); throws DatasetValidationError first. */
export async function writeImportFiles(dataset: Dataset, dir: string): Promise<ImportFiles> {
  checkVocabulary(dataset);
  const sources = lastById(dataset.sources);
  const entities = lastById(dataset.entities);
  const relations = lastById(dataset.relations);
  const statements = lastById(dataset.statements);
  const known: Record<ReferenceTarget, ReadonlyMap<string, unknown>> = { entity: entities, source: sources, statement: statements };
  const problems = danglingReferences(referencesOf(relations.values(), statements.values()), (target, id) => known[target].has(id));
  if (problems.length > 0) throw new DatasetValidationError(problems);

  await mkdir(dir, { recursive: true });
  const nodes = [
    await writeRows(dir, 'sources', ['id:ID(Source)', ':LABEL'], sources.values(), (s) => {
      const { id, ...props } = sourceProperties(s);
      return { fixed: [id, ['Source']], props };
    }),
    await writeRows(dir, 'entities', ['id:ID(Entity)', ':LABEL'], entities.values(), (e) => {
      const { id, ...props } = entityProperties(e);
      return { fixed: [id, ['Entity', KIND_LABELS[e.kind]]], props };
    }),
    await writeRows(dir, 'statements', ['id:ID(Statement)', ':LABEL'], statements.values(), (s) => {
      const { id, ...props } = statementProperties(s);
      return { fixed: [id, ['Statement']], props };
    }),
    // The search keys above are this version's: the server's first start need not read them again.
    await writeRows(dir, 'search-keys', ['name:ID(SearchKeys)', ':LABEL'], [SEARCH_KEYS_VERSION], (version) => ({
      fixed: ['graph', ['SearchKeys']],
      props: { version },
    })),
  ];
  const links = statementLinks(statements.values());
  const relationships = [
    await writeRows(dir, 'relations', [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE'], relations.values(), (r) => ({
      fixed: [r.from, r.to, r.type],
      props: relationProperties(r),
    })),
    await writeRows(dir, 'said', [':START_ID(Entity)', ':END_ID(Statement)', ':TYPE'], links.said, (l) => ({ fixed: [l.entityId, l.statementId, 'SAID'] })),
    await writeRows(dir, 'about', [':START_ID(Statement)', ':END_ID(Entity)', ':TYPE'], links.about, (l) => ({ fixed: [l.statementId, l.entityId, 'ABOUT'] })),
    await writeRows(dir, 'from-source', [':START_ID(Statement)', ':END_ID(Source)', ':TYPE'], links.fromSource, (l) => ({
      fixed: [l.statementId, l.sourceId, 'FROM_SOURCE'],
    })),
  ];
  return {
    nodes,
    relationships,
    counts: { entities: entities.size, relations: relations.size, statements: statements.size, sources: sources.size },
    records: [...nodes, ...relationships].reduce((n, f) => n + f.rows, 0),
  };
}

function lastById<T extends { readonly id: string }>(records: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const r of records) byId.set(r.id, r);
  return byId;
}

interface CsvRow {
  /** The values of the fixed columns (ids, labels, type), in their order. */
  readonly fixed: readonly unknown[];
  /** Properties: a column each, typed by its values. */
  readonly props?: Readonly<Record<string, unknown>>;
}

type ColumnType = 'string' | 'string[]' | 'double' | 'point{crs:WGS-84}';

function columnType(key: string, value: unknown): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double'; // the driver sends JS numbers as floats: `load` stores doubles
  if (Array.isArray(value)) return 'string[]';
  if (isPoint(value)) return 'point{crs:WGS-84}';
  throw new Error(`Property ${key} holds ${typeof value}, which the import files do not write.`);
}

/** One import file: its header (written last, once every column is known) and its rows. */
interface CsvFile {
  readonly header: string;
  readonly body: string;
  /** Whether some text holds a line break (the importer then reads fields across lines, slower). */
  readonly multiline: boolean;
  readonly rows: number;
}

/**
 * Writes one file in one pass over the records: a column per property as it first appears, each
 * typed by its values. Rows end at their last value (the importer reads missing trailing fields as
 * absent), so earlier rows need no column found later; the header goes into a file of its own.
 */
async function writeRows<T>(dir: string, name: string, fixed: readonly string[], records: Iterable<T>, toRow: (record: T) => CsvRow): Promise<CsvFile> {
  const columns = new Map<string, { readonly index: number; readonly type: ColumnType }>();
  const file = { header: path.join(dir, `${name}.header.csv`), body: path.join(dir, `${name}.csv`) };
  let multiline = false;
  let rows = 0;
  const out = createWriteStream(file.body, { encoding: 'utf8' });
  const closed = once(out, 'close');
  try {
    let chunk = '';
    for (const record of records) {
      const row = toRow(record);
      const cells = row.fixed.map(cell);
      for (const key in row.props) {
        const value = row.props[key];
        if (value === null || value === undefined) continue;
        const type = columnType(key, value);
        let column = columns.get(key);
        if (column === undefined) columns.set(key, (column = { index: fixed.length + columns.size, type }));
        else if (column.type !== type) throw new Error(`Property ${key} holds both ${column.type} and ${type} values.`);
        while (cells.length < column.index) cells.push('');
        cells[column.index] = cell(value);
      }
      while (cells.length > fixed.length && cells[cells.length - 1] === '') cells.pop(); // the importer misreads a last row ending in an empty field
      const line = cells.join(',');
      if (!multiline && /[\n\r]/.test(line)) multiline = true;
      chunk += line + '\n';
      rows++;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.write(chunk);
  } finally {
    out.end();
  }
  await closed;
  const header = [...fixed, ...[...columns].map(([key, { type }]) => `${key}:${type}`)];
  await writeFile(file.header, header.join(',') + '\n', 'utf8');
  return { ...file, multiline, rows };
}

const quoted = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

/** One CSV field: absent (an empty field) for null, an empty list or a list of one ''. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A number property holds ${value}.`);
    return String(value);
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry !== 'string') throw new Error(`A list property holds ${typeof entry} entries; the import files write strings only.`);
      if (entry.includes(LIST_SEPARATOR)) {
        throw new DatasetValidationError([`The text ${JSON.stringify(entry)} holds U+001F, which the import files use between list entries; load this dataset with \`npm run import\`.`]);
      }
    }
    return value.length === 0 || (value.length === 1 && value[0] === '') ? '' : quoted(value.join(LIST_SEPARATOR));
  }
  if (isPoint(value)) {
    const point = value as Point;
    if (Number(point.srid) !== WGS84_SRID) throw new Error(`A point property has SRID ${String(point.srid)}, not WGS-84.`);
    return quoted(`{latitude:${point.y},longitude:${point.x}}`);
  }
  throw new Error(`A property holds ${typeof value}, which the import files do not write.`);
}
