/**
 * The graph as two CSV files, `nodes.csv` (an entity a row) and `edges.csv` (a relation a row),
 * with provenance columns (status, claimants by stance, attributions, the sources cited, time,
 * statement ids) and the headers Gephi's and Cytoscape's spreadsheet imports look for (`id`,
 * `label`; `source` and `target` for an edge's ends). Quoted as RFC 4180 says (CRLF line ends, a
 * field with a comma, quote or line break in double quotes) by csv-stringify; UTF-8, no BOM.
 */
import { stringify } from 'csv-stringify/sync';
import type { Dataset } from '../../domain/model.js';
import { EDGE_COLUMNS, NODE_COLUMNS, lookupOf, type Cell } from './columns.js';

export const NODES_FILE = 'nodes.csv';
export const EDGES_FILE = 'edges.csv';

export const NODE_HEADER: readonly string[] = ['id', ...NODE_COLUMNS.map((c) => c.name)];
export const EDGE_HEADER: readonly string[] = ['id', 'source', 'target', ...EDGE_COLUMNS.map((c) => c.name)];

const row = (cells: readonly Cell[]) =>
  stringify([cells.map((c) => (c === null ? '' : typeof c === 'boolean' ? String(c) : c))], { record_delimiter: 'windows' });

/** `nodes.csv`, a row at a time (the header first). */
export function* csvNodeChunks(dataset: Dataset): Generator<string> {
  const lookup = lookupOf(dataset);
  yield row(NODE_HEADER);
  for (const e of dataset.entities) yield row([e.id, ...NODE_COLUMNS.map((c) => c.value(e, lookup))]);
}

/** `edges.csv`, a row at a time (the header first). */
export function* csvEdgeChunks(dataset: Dataset): Generator<string> {
  const lookup = lookupOf(dataset);
  yield row(EDGE_HEADER);
  for (const r of dataset.relations) yield row([r.id, r.from, r.to, ...EDGE_COLUMNS.map((c) => c.value(r, lookup))]);
}

/** Both files as strings (for small graphs and tests). */
export function toCsv(dataset: Dataset): { nodes: string; edges: string } {
  return { nodes: [...csvNodeChunks(dataset)].join(''), edges: [...csvEdgeChunks(dataset)].join('') };
}
