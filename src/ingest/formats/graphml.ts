/**
 * The graph as GraphML (http://graphml.graphdrawing.org/), which Gephi, Cytoscape and yEd read:
 * a node per entity, a directed edge per relation (symmetric types flagged by `symmetric`), every
 * attribute declared by a `<key>` with its `attr.type`. The XML is written by xmlbuilder2, so
 * names with quotes, ampersands or any script come out escaped and well formed.
 */
import { createCB } from 'xmlbuilder2';
import type { Dataset } from '../../domain/model.js';
import { EDGE_COLUMNS, NODE_COLUMNS, lookupOf, type Cell, type Column } from './columns.js';

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

/** Characters XML 1.0 cannot hold at all (controls but tab, newline, carriage return; lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (value: string) => value.replace(NOT_XML, '');

const keyId = (domain: 'node' | 'edge', column: Column<unknown>) => `${domain === 'node' ? 'n' : 'e'}_${column.name}`;

function cellText(value: Cell): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value === '' ? null : xmlText(value);
  return String(value);
}

/** The GraphML document in chunks, in order (a big graph is never one string). */
export function* graphmlChunks(dataset: Dataset): Generator<string> {
  const chunks: string[] = [];
  const xml = createCB({ prettyPrint: true });
  xml.on('data', (chunk) => chunks.push(chunk));
  const flush = () => chunks.splice(0, chunks.length).join('');

  xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele(GRAPHML_NAMESPACE, 'graphml');
  const declare = (domain: 'node' | 'edge', columns: readonly Column<never>[]) => {
    for (const c of columns) {
      xml.ele('key', { id: keyId(domain, c as Column<unknown>), for: domain, 'attr.name': c.name, 'attr.type': c.type }).up();
    }
  };
  declare('node', NODE_COLUMNS);
  declare('edge', EDGE_COLUMNS);
  xml.ele('graph', { id: 'G', edgedefault: 'directed' });
  yield flush();

  const lookup = lookupOf(dataset);
  const data = <T>(domain: 'node' | 'edge', columns: readonly Column<T>[], record: T) => {
    for (const c of columns) {
      const text = cellText(c.value(record, lookup));
      if (text !== null) xml.ele('data', { key: keyId(domain, c as Column<unknown>) }).txt(text).up();
    }
  };
  for (const e of dataset.entities) {
    xml.ele('node', { id: xmlText(e.id) });
    data('node', NODE_COLUMNS, e);
    xml.up();
    yield flush();
  }
  for (const r of dataset.relations) {
    xml.ele('edge', { id: xmlText(r.id), source: xmlText(r.from), target: xmlText(r.to) });
    data('edge', EDGE_COLUMNS, r);
    xml.up();
    yield flush();
  }
  xml.up().up().end();
  yield `${flush()}\n`;
}

/** The whole GraphML document as one string (for small graphs and tests). */
export function toGraphml(dataset: Dataset): string {
  return [...graphmlChunks(dataset)].join('');
}
