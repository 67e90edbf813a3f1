/**
 * `npm run export --format graphml|csv|jsonl`: the pure conversions over the seed, read back with
 * other libraries than wrote them (fast-xml-parser, csv-parse), and one run of the command each.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_TYPES, parseDataset } from '../../src/domain/index.js';
import type { Dataset } from '../../src/domain/model.js';
import { SEED_FILE, readDatasetFile } from '../../src/ingest/dataset-file.js';
import { formatFor } from '../../src/ingest/export-cli.js';
import { EDGE_HEADER, NODE_HEADER, toCsv, toGraphml, toJsonl } from '../../src/ingest/formats/index.js';
import { userEnv } from '../support/server-process.js';

let seed: Dataset;
let dir: string;
beforeAll(async () => {
  seed = await readDatasetFile(SEED_FILE);
  dir = await mkdtemp(path.join(tmpdir(), 'kg-export-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CYRILLIC = 'Апти Алаудинов';
/** A seed wording with the article's typographic apostrophe. */
const typographic = () => seed.relations.find((r) => r.qualifiers.wording?.includes('’'))!;
/** The seed with a name full of what XML and CSV must escape. */
const awkward = () => {
  const name = 'The “so-called” <b>"Unit"</b> & co, \'ltd\'\nsecond line';
  return { name, dataset: { ...seed, entities: seed.entities.map((e, i) => (i === 0 ? { ...e, name } : e)) } };
};

type XmlData = { '@_key': string; '#text': string | number | boolean };
type XmlElement = { '@_id': string; '@_source'?: string; '@_target'?: string; data?: XmlData[] };
function readGraphml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  }).parse(xml);
  const keys = doc.graphml.key as { '@_id': string; '@_for': string; '@_attr.name': string; '@_attr.type': string }[];
  const byKey = new Map(keys.map((k) => [k['@_id'], k['@_attr.name']]));
  const attrs = (el: XmlElement) => Object.fromEntries((el.data ?? []).map((d) => [byKey.get(d['@_key'])!, String(d['#text'])]));
  return { doc, keys, graph: doc.graphml.graph, nodes: doc.graphml.graph.node as XmlElement[], edges: doc.graphml.graph.edge as XmlElement[], attrs };
}

describe('GraphML', () => {
  it('has a node per entity and a directed edge per relation, every attribute declared with its type', () => {
    const { doc, keys, graph, nodes, edges, attrs } = readGraphml(toGraphml(seed));
    expect(doc.graphml['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(graph['@_edgedefault']).toBe('directed');
    expect(nodes).toHaveLength(seed.entities.length);
    expect(edges).toHaveLength(seed.relations.length);
    const declared = new Set(keys.map((k) => k['@_id']));
    for (const el of [...nodes, ...edges]) for (const d of el.data ?? []) expect(declared).toContain(d['@_key']);
    const type = (domain: string, name: string) => keys.find((k) => k['@_for'] === domain && k['@_attr.name'] === name)?.['@_attr.type'];
    expect(type('node', 'latitude')).toBe('double');
    expect(type('edge', 'symmetric')).toBe('boolean');
    expect(type('edge', 'troopCount')).toBe('long');

    const alaudinov = attrs(nodes.find((n) => n['@_id'] === 'person:apti-alaudinov')!);
    expect(alaudinov['kind']).toBe('PERSON');
    expect(alaudinov['aliases']!.split(' | ')).toContain(CYRILLIC);

    const place = seed.entities.find((e) => e.location !== null)!;
    expect(Number(attrs(nodes.find((n) => n['@_id'] === place.id)!)['latitude'])).toBe(place.location!.latitude);
    const event = seed.entities.find((e) => e.event?.time)!;
    const eventAttrs = attrs(nodes.find((n) => n['@_id'] === event.id)!);
    expect(eventAttrs).toMatchObject({ kind: 'EVENT', eventType: event.event!.type, status: event.event!.status, timeStart: event.event!.time!.start });

    const worded = typographic();
    const edge = edges.find((e) => e['@_id'] === worded.id)!;
    expect([edge['@_source'], edge['@_target']]).toEqual([worded.from, worded.to]);
    const edgeAttrs = attrs(edge);
    expect(edgeAttrs['wording']).toBe(worded.qualifiers.wording);
    expect(edgeAttrs).toMatchObject({ relationType: worded.type, status: worded.status, sourceId: worded.sourceId });
    for (const [i, r] of seed.relations.entries()) expect(attrs(edges[i]!)['symmetric']).toBe(String(RELATION_TYPES[r.type].symmetric));
    const disputed = seed.relations.find((r) => r.attributions.some((a) => a.stance === 'DISPUTES'));
    if (disputed) expect(attrs(edges.find((e) => e['@_id'] === disputed.id)!)['disputedBy']).toBeTruthy();
  });

  it('escapes quotes, ampersands, angle brackets and line breaks', () => {
    const { name, dataset } = awkward();
    const { nodes, attrs } = readGraphml(toGraphml(dataset));
    expect(attrs(nodes[0]!)['label']).toBe(name);
  });
});

describe('CSV', () => {
  it('writes nodes.csv and edges.csv with provenance columns that csv-parse reads back', () => {
    const { nodes, edges } = toCsv(seed);
    const nodeRows = parse(nodes, { columns: true }) as Record<string, string>[];
    const edgeRows = parse(edges, { columns: true }) as Record<string, string>[];
    expect(nodeRows).toHaveLength(seed.entities.length);
    expect(edgeRows).toHaveLength(seed.relations.length);
    expect(Object.keys(nodeRows[0]!)).toEqual(NODE_HEADER);
    expect(Object.keys(edgeRows[0]!)).toEqual(EDGE_HEADER);
    expect(EDGE_HEADER).toEqual(expect.arrayContaining(['status', 'claimants', 'assertedBy', 'disputedBy', 'attributions', 'sourceId', 'sourceTitle', 'timeStart', 'timeEnd', 'timePrecision', 'statementIds']));
    expect(nodes).toContain('\r\n');
    expect(nodeRows.find((r) => r['id'] === 'person:apti-alaudinov')!['aliases']!.split(' | ')).toContain(CYRILLIC);
    for (const [i, r] of seed.relations.entries()) {
      const row = edgeRows[i]!;
      expect(row).toMatchObject({ id: r.id, source: r.from, target: r.to, relationType: r.type, status: r.status, sourceId: r.sourceId });
      expect(row['sourceTitle']).toBe(seed.sources.find((s) => s.id === r.sourceId)!.title);
      expect(row['statementIds']).toBe(r.statementIds.join(' | '));
      expect(row['attributions']!.split(' | ')).toHaveLength(r.attributions.length);
    }
    const worded = typographic();
    expect(edgeRows.find((r) => r['id'] === worded.id)!['wording']).toBe(worded.qualifiers.wording);
  });

  it('says what was retracted, by whom, when and why', () => {
    const retraction = { by: 'token:abc#1', at: '2025-01-07T09:30:00.000Z', reason: 'Withdrawn.' };
    const [first, second] = seed.relations.filter((r) => r.attributions.length >= 2);
    const dataset: Dataset = {
      ...seed,
      relations: seed.relations.map((r) =>
        r === first ? { ...r, status: 'RETRACTED', retraction } : r === second ? { ...r, attributions: [{ ...r.attributions[0]!, retraction }, ...r.attributions.slice(1)] } : r,
      ),
    };
    const edgeRows = parse(toCsv(dataset).edges, { columns: true }) as Record<string, string>[];
    expect(edgeRows.find((r) => r['id'] === first!.id)).toMatchObject({ status: 'RETRACTED', retraction: 'by token:abc#1 at 2025-01-07T09:30:00.000Z: "Withdrawn."' });
    expect(edgeRows.find((r) => r['id'] === second!.id)!['attributions']!.split(' | ')[0]).toMatch(/ retracted by token:abc#1 at 2025-01-07T09:30:00\.000Z: "Withdrawn\."$/);
    expect(edgeRows.find((r) => r['id'] === second!.id)!['retraction']).toBe('');
  });

  it('quotes as RFC 4180 says', () => {
    const { name, dataset } = awkward();
    const { nodes } = toCsv(dataset);
    expect(nodes).toContain(`"${name.replaceAll('"', '""')}"`);
    expect((parse(nodes, { columns: true }) as Record<string, string>[])[0]!['label']).toBe(name);
  });
});

describe('JSON lines', () => {
  it('has a record a line, with its section, in the file format', () => {
    const lines = toJsonl(seed).trimEnd().split('\n').map((line) => JSON.parse(line) as { section: string; [k: string]: unknown });
    const counts = { source: seed.sources.length, entity: seed.entities.length, relation: seed.relations.length, statement: seed.statements.length };
    expect(lines).toHaveLength(Object.values(counts).reduce((a, b) => a + b));
    for (const [section, n] of Object.entries(counts)) expect(lines.filter((l) => l.section === section)).toHaveLength(n);
    // Without `section`, the records are a dataset file again.
    const file = { sources: [] as unknown[], entities: [] as unknown[], relations: [] as unknown[], statements: [] as unknown[] };
    const plural = { source: 'sources', entity: 'entities', relation: 'relations', statement: 'statements' } as const;
    for (const { section, ...record } of lines) file[plural[section as keyof typeof plural]].push(record);
    expect(parseDataset(file)).toEqual(seed);
  });
});

describe('npm run export --format', () => {
  it('infers the format from FILE and takes --format over it', async () => {
    expect(await formatFor('/x/g.graphml', undefined)).toBe('graphml');
    expect(await formatFor('/x/g.jsonl', undefined)).toBe('jsonl');
    expect(await formatFor('/x/out/', undefined)).toBe('csv');
    expect(await formatFor(dir, undefined)).toBe('csv');
    expect(await formatFor('/x/g.json', undefined)).toBe('dataset');
    expect(await formatFor('/x/g.json', 'graphml')).toBe('graphml');
    await expect(formatFor('/x/g.json', 'xml')).rejects.toThrow(/Unknown format "xml"/);
  });

  it('writes each format from the configured store', async () => {
    const ROOT = fileURLToPath(new URL('../../', import.meta.url));
    const env = userEnv({ DATA_DIR: path.join(dir, 'data') });
    const run = (script: string, args: string[]) => promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env });
    await run('import', [SEED_FILE]);
    const graphml = path.join(dir, 'graph.graphml');
    expect((await run('export', [graphml])).stdout).toContain('(graphml)');
    expect(readGraphml(await readFile(graphml, 'utf8')).nodes).toHaveLength(seed.entities.length);
    const csvDir = path.join(dir, 'csv');
    expect((await run('export', [csvDir, '--format', 'csv'])).stdout).toContain('(csv)');
    expect(parse(await readFile(path.join(csvDir, 'edges.csv'), 'utf8'), { columns: true })).toHaveLength(seed.relations.length);
    expect(parse(await readFile(path.join(csvDir, 'nodes.csv'), 'utf8'), { columns: true })).toHaveLength(seed.entities.length);
    const jsonl = path.join(dir, 'graph.jsonl');
    expect((await run('export', [jsonl])).stdout).toContain('(jsonl)');
    expect((await readFile(jsonl, 'utf8')).trimEnd().split('\n')).toHaveLength(
      seed.sources.length + seed.entities.length + seed.relations.length + seed.statements.length,
    );
    const help = await run('export', ['--help']);
    expect(help.stdout).toContain('--format dataset|graphml|csv|jsonl');
  }, 120_000);
});
