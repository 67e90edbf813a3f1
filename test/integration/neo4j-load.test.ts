/**
 * The Neo4j store's load on a generated graph with hubs (tools/bench/generate.ts), against a real
 * Neo4j 5.26 of its own (skipped where none can be started, as in neo4j-store.test.ts): counts,
 * idempotency, relations that move (new ends) under every relation type, concurrent loads, the
 * same answers as the embedded store, and plans that find relations by index, not by expanding hubs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELATION_TYPE_NAMES, type Dataset, type RelationRecord } from '../../src/domain/index.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import {
  CREATE_RELATIONS,
  DELETE_RELATIONS,
  STORED_RELATIONS,
  UPDATE_RELATIONS,
} from '../../src/store/neo4j/cypher/load.js';
import { RELATIONS_BY_IDS } from '../../src/store/neo4j/cypher/lookups.js';
import {
  CHANGE_BY_IDEMPOTENCY_KEY,
  CHANGES_OF,
  COUNT_CHANGES_OF,
  DOCUMENTS_BY_IDS,
  DOCUMENTS_OF_KIND,
} from '../../src/store/neo4j/cypher/journal.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';
import { generateDataset } from '../../tools/bench/generate.js';

const dataset: Dataset = generateDataset({ entities: 300, relations: 3_000, seed: 11 });
const counts = (d: Dataset) => ({
  entities: d.entities.length,
  relations: d.relations.length,
  statements: d.statements.length,
  sources: d.sources.length,
});

/** For every relation type, one relation given the `to` of another relation of its type (a move). */
function withMovedRelations(d: Dataset): { moved: Dataset; changed: RelationRecord[] } {
  const changed: RelationRecord[] = [];
  for (const type of RELATION_TYPE_NAMES) {
    const ofType = d.relations.filter((r) => r.type === type);
    const r = ofType[0]!;
    const other = ofType.find((o) => o.to !== r.to && o.to !== r.from)!;
    changed.push({ ...r, to: other.to, date: '2020-02-02' });
  }
  const byId = new Map(changed.map((r) => [r.id, r]));
  return { moved: { ...d, relations: d.relations.map((r) => byId.get(r.id) ?? r) }, changed };
}

const canStartNeo4j = (await checkPrerequisites()).ok;

describe.skipIf(!canStartNeo4j)('loading a generated graph with hubs into Neo4j', () => {
  let neo4j: LocalNeo4j;
  let dataDir: string;
  let store: GraphStore;
  let driver: Driver;
  const started = Date.now();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-neo4j-load-test-'));
    neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, startTimeoutMs: 200_000 });
    store = await createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
    driver = neo4jDriver.driver(neo4j.uri);
  }, 240_000);

  afterAll(async () => {
    await driver?.close();
    await store?.close();
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    console.log(`[neo4j-load.test] wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 60_000);

  it('loads every record, reporting progress per phase', async () => {
    const seen: { done: number; total: number; phase: string }[] = [];
    await store.load(dataset, (done, total, phase) => seen.push({ done, total, phase }));
    expect(await store.counts()).toEqual(counts(dataset));
    const last = (phase: string) => seen.filter((p) => p.phase === phase).at(-1);
    expect(last('entities')).toEqual({ done: 300, total: 300, phase: 'entities' });
    expect(last('relations')).toEqual({ done: 3_000, total: 3_000, phase: 'relations' });
    expect(last('statements')?.done).toBe(dataset.statements.length);
    expect(last('statement links')?.done).toBe(last('statement links')?.total);
  }, 120_000);

  it('changes nothing when the same dataset is loaded again', async () => {
    const hub = dataset.relations[0]!.to;
    const before = await store.relationsOf([hub], { filter: { types: null }, direction: 'BOTH' });
    await store.load(dataset);
    expect(await store.counts()).toEqual(counts(dataset));
    expect(await store.relationsOf([hub], { filter: { types: null }, direction: 'BOTH' })).toEqual(before);
  }, 120_000);

  it('answers as the embedded store does, hubs included', async () => {
    const memory = createMemoryStore();
    await memory.load(dataset);
    // The ten entities with the most relations, and a few of the rest.
    const degree = new Map<string, number>();
    for (const r of dataset.relations) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const hubs = [...degree.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => id);
    expect(degree.get(hubs[0]!)!).toBeGreaterThan(200);
    const ids = [...hubs, ...dataset.entities.slice(0, 20).map((e) => e.id)];
    for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
      expect(await store.relationsOf(ids, { filter: { types: null }, direction })).toEqual(await memory.relationsOf(ids, { filter: { types: null }, direction }));
    }
    expect(await store.statementsAbout(hubs)).toEqual(await memory.statementsAbout(hubs));
    expect(await store.statementsBySpeakers(hubs)).toEqual(await memory.statementsBySpeakers(hubs));
  }, 120_000);

  it('moves relations whose ends changed, under every relation type, and moves them back', async () => {
    const { moved, changed } = withMovedRelations(dataset);
    await store.load(moved);
    expect(await store.counts()).toEqual(counts(dataset));
    for (const r of changed) {
      const [views] = await store.relationsOf([r.to], { filter: { types: [r.type] }, direction: 'BOTH' });
      expect(views!.find((v) => v.relation.id === r.id)?.relation).toEqual(r);
    }
    await store.load(dataset);
    expect(await store.counts()).toEqual(counts(dataset));
    for (const r of changed) {
      const original = dataset.relations.find((o) => o.id === r.id)!;
      const [views] = await store.relationsOf([original.from], { filter: { types: [r.type] }, direction: 'BOTH' });
      expect(views!.filter((v) => v.relation.id === r.id).map((v) => v.relation)).toEqual([original]);
    }
  }, 180_000);

  it('runs concurrent loads of one dataset one after another: no relation twice', async () => {
    const second = await createNeo4jStore({ uri: neo4j.uri });
    try {
      const extra = generateDataset({ entities: 300, relations: 3_300, seed: 11 });
      // The first 3 000 relations are the dataset's own; 300 more are new to the database.
      const more: Dataset = { ...extra, relations: extra.relations.slice(3_000) };
      await Promise.all([store.load(more), second.load(more)]);
      // Its statements and sources are a superset of the dataset's (same ids, more of them).
      const expected = { ...counts(extra), relations: 3_300 };
      expect(await store.counts()).toEqual(expected);
      await Promise.all([store.load(more), second.load(dataset)]);
      expect(await store.counts()).toEqual(expected);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('looks relations of every type up by id (relationsByIds), as loaded', async () => {
    const wanted = [...dataset.relations].reverse();
    expect(await store.relationsByIds([...wanted.map((r) => r.id), 'rel:nothing'])).toEqual([...wanted, null]);
  }, 60_000);

  it('finds relations by their index, never by expanding or scanning relationships', async () => {
    const session = driver.session();
    try {
      const operators = async (cypher: string) => {
        const result = await session.run(`EXPLAIN ${cypher}`, { ids: ['rel:x'], rows: [] });
        const names: string[] = [];
        const walk = (plan: { operatorType: string; children: unknown[] }) => {
          names.push(plan.operatorType.replace(/@.*/, ''));
          for (const child of plan.children) walk(child as typeof plan);
        };
        walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
        return names;
      };
      for (const type of RELATION_TYPE_NAMES) {
        for (const cypher of [STORED_RELATIONS[type], DELETE_RELATIONS[type], UPDATE_RELATIONS[type]]) {
          const ops = await operators(cypher);
          expect(ops, cypher).toContain('DirectedRelationshipIndexSeek');
          expect(ops.filter((op) => /Expand|Scan/.test(op)), cypher).toEqual([]);
        }
        const create = await operators(CREATE_RELATIONS[type]);
        expect(create.filter((op) => /Expand|Scan/.test(op)), CREATE_RELATIONS[type]).toEqual([]);
      }
      // relationsByIds: one index seek per relation type, no relationship scanned.
      const lookup = await operators(RELATIONS_BY_IDS);
      expect(lookup.filter((op) => op === 'DirectedRelationshipIndexSeek')).toHaveLength(RELATION_TYPE_NAMES.length);
      expect(lookup.filter((op) => /Expand|Scan/.test(op)), RELATIONS_BY_IDS).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);

  it('finds a record’s changes, a change by key and documents by index, never by scanning a label', async () => {
    const session = driver.session();
    try {
      const params = { recordId: 'unit:x', after: null, limit: 10, key: 'k', kind: 'merge', ids: ['merge:x'] };
      for (const cypher of [CHANGES_OF, COUNT_CHANGES_OF, CHANGE_BY_IDEMPOTENCY_KEY, DOCUMENTS_BY_IDS, DOCUMENTS_OF_KIND]) {
        const result = await session.run(`EXPLAIN ${cypher}`, params);
        const names: string[] = [];
        const walk = (plan: { operatorType: string; children: unknown[] }) => {
          names.push(plan.operatorType.replace(/@.*/, ''));
          for (const child of plan.children) walk(child as typeof plan);
        };
        walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
        expect(names.some((op) => /IndexSeek|IndexScan/.test(op)), `${cypher}\n${names.join(' ')}`).toBe(true);
        expect(names.filter((op) => /LabelScan|AllNodesScan|RelationshipTypeScan/.test(op)), cypher).toEqual([]);
      }
    } finally {
      await session.close();
    }
  }, 60_000);
});
