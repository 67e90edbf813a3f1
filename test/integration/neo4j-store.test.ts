/**
 * The Neo4j store against a real Neo4j 5.26 of its own (not the run's shared one, which must hold
 * the seed only; skipped where no local Neo4j can be started, which the run's setup reports): a small fixture with a symmetric NEAR stored "backwards", parallel relations,
 * accented and Cyrillic aliases, undated statements, and an entity linked to the rest only through
 * a statement (which no walk may use).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import neo4jDriver from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DatasetValidationError,
  CLAIM_STATUSES,
  DomainError,
  ErrorCode,
  MatchTier,
  RELATION_TYPE_NAMES,
  compareText,
  normalizeForSearch,
  parseDataset,
  rankSearchResults,
  type Dataset,
  type EntityKind,
  type RelationRecord,
} from '../../src/domain/index.js';
import type { GraphStore, RelationFilter, RelationView, SubgraphResult } from '../../src/store/graph-store.js';
import { ENTITY_TIMELINE_PAGE, FACTS_SUPPORTED_BY, TIMELINE_PAGE, timelineRanges } from '../../src/store/neo4j/cypher/facts.js';
import { neighborhoodLevelByIdWalkCypher, neighborhoodLevelCypher, relationsAmongCypher } from '../../src/store/neo4j/cypher/explore.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { neighborhoodIn } from '../../src/store/neo4j/traversal.js';
import { luceneQuery, SEARCH_ENTITY_SUBSTRING_PAGE, SEARCH_STATEMENT_PAGE, statementPageParams } from '../../src/store/neo4j/cypher/search.js';
import { createNeo4jStore } from '../../src/store/neo4j/neo4j-store.js';
import { checkPrerequisites, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/launcher.js';

const fixture: Dataset = parseDataset({
  sources: [
    { id: 'source:alpha', title: 'Alpha report', publisher: 'Alpha', published: '2024-12-03', url: 'https://example.org/alpha' },
    { id: 'source:beta', title: 'Beta wire' },
  ],
  entities: [
    { id: 'person:apti-alaudinov', kind: 'PERSON', name: 'Apti Alaudinov', aliases: ['Алаудинов'], description: 'Commander of Akhmat.' },
    { id: 'unit:akhmat', kind: 'UNIT', name: 'Akhmat', aliases: ['Akhmat special forces'] },
    { id: 'country:russia', kind: 'COUNTRY', name: 'Russia', aliases: ['Russian Federation'] },
    { id: 'country:ukraine', kind: 'COUNTRY', name: 'Ukraine', aliases: [] },
    { id: 'region:donetsk', kind: 'REGION', name: 'Donetsk Oblast', aliases: ['Donetsk region'] },
    { id: 'settlement:kurakhove', kind: 'SETTLEMENT', name: 'Kurákhove', aliases: ['Kurakhovo', 'Курахове'] },
    { id: 'settlement:pokrovsk', kind: 'SETTLEMENT', name: 'Pokrovsk', aliases: ["Pokrovs'k"] },
    { id: 'settlement:selydove', kind: 'SETTLEMENT', name: 'Selydove', aliases: [] },
    { id: 'org:zeta-group', kind: 'ORGANIZATION', name: 'Zeta Group', aliases: ['ZG'] },
  ],
  relations: [
    rel('rel:alaudinov-commands-akhmat', 'COMMANDS', 'person:apti-alaudinov', 'unit:akhmat'),
    rel('rel:alaudinov-member-of-russia', 'MEMBER_OF', 'person:apti-alaudinov', 'country:russia', { qualifiers: { role: 'deputy commander' } }),
    rel('rel:akhmat-part-of-russia', 'PART_OF', 'unit:akhmat', 'country:russia', { status: 'CLAIMED', claimedBy: 'country:russia' }),
    // Two relations of different types between the same ends…
    rel('rel:akhmat-fighting-in-kurakhove', 'FIGHTING_IN', 'unit:akhmat', 'settlement:kurakhove', { date: '2024-11-20' }),
    rel('rel:akhmat-attacked-kurakhove', 'ATTACKED', 'unit:akhmat', 'settlement:kurakhove', { date: '2024-11-21' }),
    // …and two of the same type.
    rel('rel:russia-claimed-capture-of-kurakhove-a', 'CLAIMED_CAPTURE_OF', 'country:russia', 'settlement:kurakhove', {
      status: 'CLAIMED', claimedBy: 'country:russia', date: '2024-12-01', statementIds: ['stmt:alaudinov-claims-kurakhove'],
    }),
    rel('rel:russia-claimed-capture-of-kurakhove-b', 'CLAIMED_CAPTURE_OF', 'country:russia', 'settlement:kurakhove', {
      status: 'DISPUTED', claimedBy: 'country:russia', date: '2025-01-06',
    }),
    // Symmetric, stored from Pokrovsk to Kurakhove: a directed walk must still go Kurakhove → Pokrovsk.
    rel('rel:pokrovsk-near-kurakhove', 'NEAR', 'settlement:pokrovsk', 'settlement:kurakhove', {
      qualifiers: { distanceKm: 32, distanceMiles: 20, approximation: 'APPROXIMATE', wording: 'about 32 km' },
    }),
    rel('rel:selydove-near-kurakhove', 'NEAR', 'settlement:selydove', 'settlement:kurakhove', { qualifiers: { distanceKm: 20.5 } }),
    rel('rel:kurakhove-located-in-donetsk', 'LOCATED_IN', 'settlement:kurakhove', 'region:donetsk'),
    rel('rel:pokrovsk-located-in-donetsk', 'LOCATED_IN', 'settlement:pokrovsk', 'region:donetsk'),
    rel('rel:donetsk-located-in-ukraine', 'LOCATED_IN', 'region:donetsk', 'country:ukraine'),
    rel('rel:russia-deployed-to-donetsk', 'DEPLOYED_TO', 'country:russia', 'region:donetsk', {
      qualifiers: { troopCount: 11000, approximation: 'AT_LEAST' },
    }),
  ],
  statements: [
    {
      id: 'stmt:alaudinov-claims-kurakhove', kind: 'QUOTE', text: 'Fixture quote 1 (invented for this test, not a real statement).', date: '2024-12-02',
      speakerId: 'person:apti-alaudinov', aboutIds: ['settlement:kurakhove', 'unit:akhmat'], sourceId: 'source:alpha', status: 'CLAIMED',
    },
    {
      id: 'stmt:ukraine-denies', kind: 'REPORTED', text: 'Fixture report 2 (invented for this test).',
      speakerId: 'country:ukraine', aboutIds: ['settlement:kurakhove'], sourceId: 'source:beta', status: 'DENIED',
    },
    {
      id: 'stmt:monitor-reports-fighting', kind: 'REPORTED', text: 'Fixture report 3 (invented for this test).', date: '2024-11-15',
      aboutIds: ['region:donetsk', 'settlement:kurakhove'], sourceId: 'source:alpha', status: 'REPORTED', reportedViaId: 'org:zeta-group',
    },
    {
      id: 'stmt:alaudinov-on-pokrovsk', kind: 'QUOTE', text: 'Fixture quote 4 (invented for this test, not a real statement).',
      speakerId: 'person:apti-alaudinov', aboutIds: ['settlement:pokrovsk'], sourceId: 'source:alpha', status: 'CLAIMED',
    },
    // The only link of Zeta Group to the rest: SAID / ABOUT, never walked.
    {
      id: 'stmt:zeta-on-selydove', kind: 'REPORTED', text: 'Fixture report 5 (invented for this test).', date: '2024-10-01',
      speakerId: 'org:zeta-group', aboutIds: ['settlement:selydove'], sourceId: 'source:beta', status: 'UNVERIFIED',
    },
  ],
});

function rel(id: string, type: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  return { id, type, from, to, status: 'REPORTED', sourceId: 'source:alpha', ...extra };
}

const counts = (d: Dataset) => ({
  entities: d.entities.length,
  relations: d.relations.length,
  statements: d.statements.length,
  sources: d.sources.length,
});
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const views = (list: readonly RelationView[] | undefined) => (list ?? []).map((v) => `${v.relation.type} ${v.direction} ${v.otherId} ${v.relation.id}`);
const relation = (id: string): RelationRecord => fixture.relations.find((r) => r.id === id)!;

// Starting a Neo4j of its own needs Java and Maven; the run's setup says when they are missing
// (and fails the run under CI), so this file skips quietly.
const canStartNeo4j = (await checkPrerequisites()).ok;

/** A page read from `index` with a top-k sort: no scan of every node, no sort of every row. */
function expectIndexedTopK(plan: unknown, index: string): void {
  const operators = JSON.stringify(plan);
  expect(operators).toContain(index);
  expect(operators).toMatch(/"operatorType":"Top@/);
  expect(operators).not.toMatch(/NodeByLabelScan|AllNodesScan|"operatorType":"Sort@/);
}

describe.skipIf(!canStartNeo4j)('the Neo4j store on a database of its own', () => {
  let neo4j: LocalNeo4j;
  let dataDir: string;
  let store: GraphStore;
  const started = Date.now();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-neo4j-store-test-'));
    neo4j = await startLocalNeo4j({ port: await getPort({ host: '127.0.0.1' }), dataDir, startTimeoutMs: 200_000 });
    store = await createNeo4jStore({ uri: neo4j.uri, connectTimeoutMs: 30_000 });
    await store.load(fixture);
  }, 240_000);

  afterAll(async () => {
    await store?.close();
    await neo4j?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    console.log(`[neo4j-store.test] wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 60_000);

  describe('start-up', () => {
    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(store.kind).toBe('neo4j');
    });

    it('runs its migrations idempotently: a second store on the same database works alike', async () => {
      const second = await createNeo4jStore({ uri: neo4j.uri });
      try {
        expect(await second.counts()).toEqual(counts(fixture));
        expect(await second.entitiesByIds(['settlement:kurakhove'])).toEqual(await store.entitiesByIds(['settlement:kurakhove']));
      } finally {
        await second.close();
      }
    });

    it('drops the unused entity_names index an earlier version made, and keeps the ones its queries use', async () => {
      const driver = neo4jDriver.driver(neo4j.uri);
      const indexNames = async () => {
        const result = await driver.executeQuery('SHOW INDEXES YIELD name RETURN name');
        return result.records.map((r) => r.get('name') as string);
      };
      try {
        await driver.executeQuery('CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]');
        expect(await indexNames()).toContain('entity_names');
        const second = await createNeo4jStore({ uri: neo4j.uri });
        await second.close();
        const names = await indexNames();
        expect(names).not.toContain('entity_names');
        expect(names).toEqual(expect.arrayContaining(['entity_search_words', 'entity_search_text', 'statement_search_words']));
        // Search still answers, over the indexes it uses.
        expect((await store.search({ text: 'kurakhove', kinds: null, first: 5 })).map((m) => m.entity.id)).toContain('settlement:kurakhove');
        // The page of substring hits comes from the TEXT index and a top-k sort, not every entity sorted.
        const page = await driver.executeQuery(`EXPLAIN ${SEARCH_ENTITY_SUBSTRING_PAGE}`, {
          text: 'kura',
          wordStart: ' kura',
          kinds: ['SETTLEMENT'],
          first: neo4jDriver.int(10),
        });
        expectIndexedTopK(page.summary.plan, 'NodeIndexContainsScan');
      } finally {
        await driver.close();
      }
    });

    it('brings the search keys of a database an earlier version wrote up to date once, so that search ranks as before', async () => {
      const driver = neo4jDriver.driver(neo4j.uri);
      const keys = async () => {
        const result = await driver.executeQuery(
          'MATCH (x) WHERE x:Entity OR x:Statement RETURN x.id AS id, x.searchText AS searchText, x.searchWords AS searchWords ORDER BY id',
        );
        return result.records.map((r) => [r.get('id'), r.get('searchText'), r.get('searchWords')]);
      };
      const restart = async () => (await createNeo4jStore({ uri: neo4j.uri })).close();
      const search = { text: normalizeForSearch('Fixture quote'), first: 1, speakerId: null, window: null };
      try {
        const expected = await keys();
        expect(expected.length).toBe(fixture.entities.length + fixture.statements.length);
        const answer = await store.searchStatements(search);
        expect(answer.map((m) => [m.statement.id, MatchTier[m.tier]])).toEqual([['stmt:alaudinov-claims-kurakhove', 'PHRASE']]);
        const entityHits = await store.search({ text: 'kurakh', kinds: null, first: 3 });

        // As an earlier version left them: statements without a folded text, an entity's keys
        // folded another way, and no record of the keys' version.
        const stale = async () => {
          await driver.executeQuery('MATCH (s:Statement) REMOVE s.searchText');
          await driver.executeQuery("MATCH (n:Entity {id: 'settlement:kurakhove'}) SET n.searchText = 'stale', n.searchWords = 'stale'");
        };
        await stale();
        await driver.executeQuery('MATCH (k:SearchKeys) DELETE k');
        await restart();
        expect(await keys()).toEqual(expected);
        expect(await store.searchStatements(search)).toStrictEqual(answer);
        expect(await store.search({ text: 'kurakh', kinds: null, first: 3 })).toStrictEqual(entityHits);

        // Once the database says its keys are up to date, a start reads none of them.
        await stale();
        await restart();
        expect(await keys()).not.toEqual(expected);
        await driver.executeQuery('MATCH (k:SearchKeys) DELETE k');
        await restart();
        expect(await keys()).toEqual(expected);

        // The page of phrase and word hits comes from the full-text index and a top-k sort.
        const page = await driver.executeQuery(`EXPLAIN ${SEARCH_STATEMENT_PAGE}`, {
          words: luceneQuery(search.text),
          speakerId: null,
          from: null,
          to: null,
          ...statementPageParams(search.text),
          first: neo4jDriver.int(10),
        });
        expectIndexedTopK(page.summary.plan, 'db.index.fulltext.queryNodes');
      } finally {
        await driver.close();
      }
    });

    it('finds the facts a statement supports, and those an entity claimed, by indexes over every relation type of the vocabulary', async () => {
      const driver = neo4jDriver.driver(neo4j.uri);
      try {
        const result = await driver.executeQuery(
          'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties WHERE name IN $names RETURN * ORDER BY name',
          { names: ['relation_support', 'event_support', 'relation_claimants', 'event_claimants'] },
        );
        const ofEvents = (name: string, property: string) => ({ name, type: 'FULLTEXT', entityType: 'NODE', labelsOrTypes: ['Event'], properties: [property] });
        const ofRelations = (name: string, property: string) => ({
          name,
          type: 'FULLTEXT',
          entityType: 'RELATIONSHIP',
          labelsOrTypes: expect.arrayContaining([...RELATION_TYPE_NAMES]),
          properties: [property],
        });
        expect(result.records.map((r) => r.toObject())).toEqual([
          ofEvents('event_claimants', 'attributionClaimantIds'),
          ofEvents('event_support', 'supportStatementIds'),
          ofRelations('relation_claimants', 'attributionClaimantIds'),
          ofRelations('relation_support', 'supportStatementIds'),
        ]);
        for (const r of result.records.slice(2)) expect((r.get('labelsOrTypes') as string[]).length).toBe(RELATION_TYPE_NAMES.length);
        // Neither reads every relationship: a statement's facts, an entity's timeline.
        const plans = [
          await driver.executeQuery(`EXPLAIN ${FACTS_SUPPORTED_BY.text}`, { ids: ['stmt:x'], ...FACTS_SUPPORTED_BY.params }),
          await driver.executeQuery(`EXPLAIN ${ENTITY_TIMELINE_PAGE.page}`, {
            ...ENTITY_TIMELINE_PAGE.params,
            entityId: 'country:russia',
            kinds: ['EVENT', 'RELATION', 'CLAIM', 'STATEMENT'],
            from: null,
            to: null,
            after: null,
            rowLimit: neo4jDriver.int(10),
          }),
        ];
        for (const plan of plans) {
          const operators = JSON.stringify(plan.summary.plan);
          expect(operators).toContain('ProcedureCall');
          expect(operators).not.toMatch(/RelationshipsScan|RelationshipTypeScan/);
        }
        expect(JSON.stringify(plans[0]!.summary.plan)).not.toMatch(/NodeByLabelScan/);
      } finally {
        await driver.close();
      }
    });

    it("finds a timeline window's relations and statements by index, never reading every relationship", async () => {
      const driver = neo4jDriver.driver(neo4j.uri);
      try {
        const result = await driver.executeQuery(
          'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties WHERE name IN $names RETURN * ORDER BY name',
          { names: ['relation_timeline', 'statement_date'] },
        );
        expect(result.records.map((r) => r.toObject())).toEqual([
          {
            name: 'relation_timeline',
            type: 'FULLTEXT',
            entityType: 'RELATIONSHIP',
            labelsOrTypes: expect.arrayContaining([...RELATION_TYPE_NAMES]),
            properties: ['timeEarliest', 'timeLatest', 'attributionSaidOn'],
          },
          { name: 'statement_date', type: 'RANGE', entityType: 'NODE', labelsOrTypes: ['Statement'], properties: ['date'] },
        ]);
        expect((result.records[0]!.get('labelsOrTypes') as string[]).length).toBe(RELATION_TYPE_NAMES.length);
        const window = { from: '2025-01-06', to: '2025-01-06' };
        for (const text of [TIMELINE_PAGE.page, TIMELINE_PAGE.count]) {
          const plan = await driver.executeQuery(`EXPLAIN ${text}`, {
            ...TIMELINE_PAGE.params,
            ...timelineRanges(window, null),
            ...window,
            kinds: ['EVENT', 'RELATION', 'CLAIM', 'STATEMENT'],
            after: null,
            rowLimit: neo4jDriver.int(10),
          });
          const operators = JSON.stringify(plan.summary.plan);
          expect(operators).toContain('db.index.fulltext.queryRelationships');
          expect(operators).toMatch(/RANGE INDEX s:Statement\(date\)/);
          expect(operators).not.toMatch(/RelationshipsScan|RelationshipTypeScan|Expand/);
        }
      } finally {
        await driver.close();
      }
    });

    it('gives up on an unreachable server with STORE_UNAVAILABLE naming the URI', async () => {
      const uri = `bolt://127.0.0.1:${await getPort({ host: '127.0.0.1' })}`;
      const error = await createNeo4jStore({ uri, connectTimeoutMs: 1_500 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.STORE_UNAVAILABLE);
      expect((error as DomainError).message).toContain(uri);
      expect((error as DomainError).message).toMatch(/did not answer within 1500 ms.*last error/);
    });
  });

  describe('lookups', () => {
    it('returns records exactly as loaded, one per id, null for unknown ids', async () => {
      expect(await store.entitiesByIds([...ids(fixture.entities), 'person:nobody', 'unit:akhmat'])).toStrictEqual([
        ...fixture.entities,
        null,
        fixture.entities[1],
      ]);
      expect(await store.statementsByIds([...ids(fixture.statements), 'stmt:none'])).toStrictEqual([...fixture.statements, null]);
      expect(await store.sourcesByIds(['source:beta', 'source:none', 'source:alpha'])).toStrictEqual([
        fixture.sources[1],
        null,
        fixture.sources[0],
      ]);
      expect(await store.entitiesByIds([])).toEqual([]);
    });

    it('lists entities by name, then id, optionally of some kinds', async () => {
      const byName = [...fixture.entities].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
      expect(await store.listEntities(null)).toStrictEqual(byName);
      const kinds: EntityKind[] = ['SETTLEMENT', 'COUNTRY'];
      expect(ids(await store.listEntities(kinds))).toEqual(ids(byName.filter((e) => kinds.includes(e.kind))));
      expect(ids(await store.listEntities(['SETTLEMENT']))).toEqual(['settlement:kurakhove', 'settlement:pokrovsk', 'settlement:selydove']);
    });

    it('lists sources by id', async () => {
      expect(await store.listSources()).toStrictEqual(fixture.sources);
    });
  });

  describe('relationsOf', () => {
    it('sees every relation from an entity, by type, other end, id, with its direction', async () => {
      const [kurakhove, unknown] = await store.relationsOf(['settlement:kurakhove', 'settlement:nowhere'], { filter: { types: null }, direction: 'BOTH' });
      expect(views(kurakhove)).toEqual([
        'ATTACKED IN unit:akhmat rel:akhmat-attacked-kurakhove',
        'CLAIMED_CAPTURE_OF IN country:russia rel:russia-claimed-capture-of-kurakhove-a',
        'CLAIMED_CAPTURE_OF IN country:russia rel:russia-claimed-capture-of-kurakhove-b',
        'FIGHTING_IN IN unit:akhmat rel:akhmat-fighting-in-kurakhove',
        'LOCATED_IN OUT region:donetsk rel:kurakhove-located-in-donetsk',
        'NEAR BOTH settlement:pokrovsk rel:pokrovsk-near-kurakhove',
        'NEAR BOTH settlement:selydove rel:selydove-near-kurakhove',
      ]);
      expect(unknown).toEqual([]);
      // The relation itself comes back exactly, qualifiers included (and absent ones absent).
      const near = kurakhove!.find((v) => v.relation.id === 'rel:pokrovsk-near-kurakhove')!.relation;
      expect(near).toStrictEqual(relation('rel:pokrovsk-near-kurakhove'));
      const located = kurakhove!.find((v) => v.relation.type === 'LOCATED_IN')!.relation;
      expect(located.qualifiers).toStrictEqual({});
    });

    it('keeps OUT+BOTH for OUT and IN+BOTH for IN, from either end of a symmetric relation', async () => {
      const [out] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: null }, direction: 'OUT' });
      expect(views(out)).toEqual([
        'LOCATED_IN OUT region:donetsk rel:kurakhove-located-in-donetsk',
        'NEAR BOTH settlement:pokrovsk rel:pokrovsk-near-kurakhove',
        'NEAR BOTH settlement:selydove rel:selydove-near-kurakhove',
      ]);
      const [inward] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: ['NEAR', 'ATTACKED'] }, direction: 'IN' });
      expect(views(inward)).toEqual([
        'ATTACKED IN unit:akhmat rel:akhmat-attacked-kurakhove',
        'NEAR BOTH settlement:pokrovsk rel:pokrovsk-near-kurakhove',
        'NEAR BOTH settlement:selydove rel:selydove-near-kurakhove',
      ]);
      expect(await store.relationsOf(['settlement:kurakhove'], { filter: { types: [] }, direction: 'BOTH' })).toEqual([[]]);
      for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
        const [pokrovsk] = await store.relationsOf(['settlement:pokrovsk'], { filter: { types: ['NEAR'] }, direction });
        expect(views(pokrovsk)).toEqual(['NEAR BOTH settlement:kurakhove rel:pokrovsk-near-kurakhove']);
      }
    });

    it('answers a batch in the order asked, repeated ids included, and never shows statement links', async () => {
      const result = await store.relationsOf(['unit:akhmat', 'org:zeta-group', 'unit:akhmat'], { filter: { types: null }, direction: 'OUT' });
      expect(result.map(views)).toEqual([
        [
          'ATTACKED OUT settlement:kurakhove rel:akhmat-attacked-kurakhove',
          'FIGHTING_IN OUT settlement:kurakhove rel:akhmat-fighting-in-kurakhove',
          'PART_OF OUT country:russia rel:akhmat-part-of-russia',
        ],
        [],
        [
          'ATTACKED OUT settlement:kurakhove rel:akhmat-attacked-kurakhove',
          'FIGHTING_IN OUT settlement:kurakhove rel:akhmat-fighting-in-kurakhove',
          'PART_OF OUT country:russia rel:akhmat-part-of-russia',
        ],
      ]);
    });
  });

  describe('statements', () => {
    it('orders by date, undated last, then id, per speaker, subject and source', async () => {
      expect((await store.statementsBySpeakers(['person:apti-alaudinov', 'unit:akhmat', 'country:ukraine'])).map(ids)).toEqual([
        ['stmt:alaudinov-claims-kurakhove', 'stmt:alaudinov-on-pokrovsk'],
        [],
        ['stmt:ukraine-denies'],
      ]);
      expect((await store.statementsAbout(['settlement:kurakhove', 'settlement:selydove'])).map(ids)).toEqual([
        ['stmt:monitor-reports-fighting', 'stmt:alaudinov-claims-kurakhove', 'stmt:ukraine-denies'],
        ['stmt:zeta-on-selydove'],
      ]);
      expect((await store.statementsFromSources(['source:alpha', 'source:beta', 'source:none'])).map(ids)).toEqual([
        ['stmt:monitor-reports-fighting', 'stmt:alaudinov-claims-kurakhove', 'stmt:alaudinov-on-pokrovsk'],
        ['stmt:zeta-on-selydove', 'stmt:ukraine-denies'],
        [],
      ]);
    });

    it('finds statements by speaker and/or subject', async () => {
      expect(ids(await store.findStatements({ speakerId: null, aboutId: null }))).toEqual([
        'stmt:zeta-on-selydove',
        'stmt:monitor-reports-fighting',
        'stmt:alaudinov-claims-kurakhove',
        'stmt:alaudinov-on-pokrovsk',
        'stmt:ukraine-denies',
      ]);
      expect(ids(await store.findStatements({ speakerId: 'person:apti-alaudinov', aboutId: null }))).toEqual([
        'stmt:alaudinov-claims-kurakhove',
        'stmt:alaudinov-on-pokrovsk',
      ]);
      expect(ids(await store.findStatements({ speakerId: 'person:apti-alaudinov', aboutId: 'settlement:kurakhove' }))).toEqual([
        'stmt:alaudinov-claims-kurakhove',
      ]);
      expect(await store.findStatements({ speakerId: null, aboutId: 'settlement:kurakhove' })).toStrictEqual(
        (await store.statementsAbout(['settlement:kurakhove']))[0],
      );
    });
  });

  describe('search', () => {
    it('finds by substring of names and aliases, accents and case aside, ranked by the domain', async () => {
      const cases: { text: string; kinds: EntityKind[] | null; first: number }[] = [
        { text: 'kurakh', kinds: null, first: 10 },
        { text: 'КУРАХОВЕ', kinds: null, first: 10 },
        { text: 'Kurákhove', kinds: null, first: 10 },
        { text: 'donetsk', kinds: null, first: 10 },
        { text: 'rov', kinds: null, first: 10 },
        { text: 'a', kinds: null, first: 3 },
        { text: 'a', kinds: ['PERSON', 'UNIT'], first: 10 },
        { text: "pokrovs'k", kinds: null, first: 10 },
        { text: 'nothing like it', kinds: null, first: 10 },
      ];
      for (const { text, kinds, first } of cases) {
        const normalized = normalizeForSearch(text);
        const candidates = fixture.entities.filter((e) => kinds === null || kinds.includes(e.kind));
        expect(await store.search({ text: normalized, kinds, first }), text).toStrictEqual(
          rankSearchResults(candidates, normalized, first),
        );
      }
      const [best] = await store.search({ text: normalizeForSearch('Курахове'), kinds: null, first: 1 });
      expect(best?.entity.id).toBe('settlement:kurakhove');
      // The name folds to the same text as the Cyrillic alias, and a name is preferred.
      expect([best?.field, best?.matched]).toEqual(['NAME', 'Kurákhove']);
    });
  });

  describe('neighborhood', () => {
    it('returns the centre, then nodes by hops and id, and the relations among them by id', async () => {
      const result = await store.neighborhood('settlement:selydove', { depth: 2, filter: { types: null } });
      expect(ids(result!.nodes)).toEqual([
        'settlement:selydove',
        'settlement:kurakhove',
        'country:russia',
        'region:donetsk',
        'settlement:pokrovsk',
        'unit:akhmat',
      ]);
      expect(ids(result!.edges)).toEqual([
        'rel:akhmat-attacked-kurakhove',
        'rel:akhmat-fighting-in-kurakhove',
        'rel:akhmat-part-of-russia',
        'rel:kurakhove-located-in-donetsk',
        'rel:pokrovsk-located-in-donetsk',
        'rel:pokrovsk-near-kurakhove',
        'rel:russia-claimed-capture-of-kurakhove-a',
        'rel:russia-claimed-capture-of-kurakhove-b',
        'rel:russia-deployed-to-donetsk',
        'rel:selydove-near-kurakhove',
      ]);
      expect(result!.edges[5]).toStrictEqual(relation('rel:pokrovsk-near-kurakhove'));
    });

    it('walks only the given relation types, and never statement links', async () => {
      const near = await store.neighborhood('settlement:pokrovsk', { depth: 3, filter: { types: ['NEAR'] } });
      expect(ids(near!.nodes)).toEqual(['settlement:pokrovsk', 'settlement:kurakhove', 'settlement:selydove']);
      expect(ids(near!.edges)).toEqual(['rel:pokrovsk-near-kurakhove', 'rel:selydove-near-kurakhove']);
      // Zeta Group only speaks about Selydove: no walk reaches it, and it reaches nothing.
      const all = await store.neighborhood('settlement:selydove', { depth: 3, filter: { types: null } });
      expect(ids(all!.nodes)).not.toContain('org:zeta-group');
      expect(all!.nodes.every((n) => fixture.entities.includes(n) || fixture.entities.some((e) => e.id === n.id))).toBe(true);
      const zeta = await store.neighborhood('org:zeta-group', { depth: 3, filter: { types: null } });
      expect(zeta).toStrictEqual({ nodes: [fixture.entities[8]], edges: [] });
    });

    it('finds the relations among the nodes from their less busy ends: a hub among them is not expanded for all its relations', async () => {
      const driver = neo4jDriver.driver(neo4j.uri);
      try {
        // A hub with 300 relations, and a quiet node related to it and to one of its leaves (written
        // here and removed after, apart from the fixture).
        await driver.executeQuery(`
CREATE (hub:Entity {id: 'test:hub', kind: 'UNIT', name: 'Hub'}), (quiet:Entity {id: 'test:quiet', kind: 'UNIT', name: 'Quiet'})
WITH hub, quiet
UNWIND range(0, 299) AS i
CREATE (leaf:Entity {id: 'test:leaf-' + i, kind: 'UNIT', name: 'Leaf ' + i})-[:PART_OF {id: 'test:rel-leaf-' + i}]->(hub)
WITH hub, quiet, leaf WHERE leaf.id = 'test:leaf-7'
CREATE (hub)-[:NEAR {id: 'test:rel-near'}]->(quiet), (quiet)-[:PART_OF {id: 'test:rel-quiet'}]->(leaf)`);
        const among = relationsAmongCypher({ types: null }, true);
        const result = await driver.executeQuery(`PROFILE ${among.text}`, {
          ...among.params,
          centreId: 'test:quiet',
          ids: ['test:quiet', 'test:hub', 'test:leaf-7', 'test:leaf-8'],
          rowLimit: neo4jDriver.int(1001),
        });
        expect(result.records.map((r) => `${(r.get('r') as { properties: { id: string } }).properties.id} ${r.get('fromId')} ${r.get('toId')}`)).toEqual([
          'test:rel-leaf-7 test:leaf-7 test:hub',
          'test:rel-leaf-8 test:leaf-8 test:hub',
          'test:rel-near test:hub test:quiet',
          'test:rel-quiet test:quiet test:leaf-7',
        ]);
        const expanded = (plan: { operatorType: string; rows: number; children: unknown[] }): number =>
          (plan.operatorType.startsWith('Expand') ? plan.rows : 0) +
          plan.children.reduce<number>((sum, child) => sum + expanded(child as typeof plan), 0);
        // The quiet node's and the leaves' relationships: a handful, not the hub's 302.
        expect(expanded(result.summary.profile as never)).toBeLessThan(20);
      } finally {
        await driver.executeQuery(`MATCH (n:Entity) WHERE n.id STARTS WITH 'test:' DETACH DELETE n`);
        await driver.close();
      }
    });

    it('is the centre alone at depth 0, and null for an unknown centre', async () => {
      expect(await store.neighborhood('unit:akhmat', { depth: 0, filter: { types: null } })).toStrictEqual({ nodes: [fixture.entities[1]], edges: [] });
      expect(await store.neighborhood('unit:nobody', { depth: 2, filter: { types: null } })).toBeNull();
      expect(await store.neighborhood('unit:nobody', { depth: 0, filter: { types: null } })).toBeNull();
    });
  });

  describe('shortestPath', () => {
    const path = async (from: string, to: string, maxHops: number, directed: boolean, types: RelationRecord['type'][] | null = null) => {
      const result = await store.shortestPath(from, to, { maxHops, filter: { types }, directed });
      return result && { nodes: ids(result.nodes), edges: ids(result.edges) };
    };

    it('picks, of all shortest paths, the first by node ids then relation ids', async () => {
      expect(await path('person:apti-alaudinov', 'settlement:pokrovsk', 5, false)).toEqual({
        nodes: ['person:apti-alaudinov', 'country:russia', 'region:donetsk', 'settlement:pokrovsk'],
        edges: ['rel:alaudinov-member-of-russia', 'rel:russia-deployed-to-donetsk', 'rel:pokrovsk-located-in-donetsk'],
      });
      // Parallel relations: the smaller id is taken.
      expect(await path('country:russia', 'settlement:kurakhove', 3, false, ['CLAIMED_CAPTURE_OF'])).toEqual({
        nodes: ['country:russia', 'settlement:kurakhove'],
        edges: ['rel:russia-claimed-capture-of-kurakhove-a'],
      });
      expect(await path('unit:akhmat', 'settlement:kurakhove', 1, false)).toEqual({
        nodes: ['unit:akhmat', 'settlement:kurakhove'],
        edges: ['rel:akhmat-attacked-kurakhove'],
      });
      const full = await store.shortestPath('unit:akhmat', 'settlement:kurakhove', { maxHops: 1, filter: { types: null }, directed: false });
      expect(full).toStrictEqual({
        nodes: [fixture.entities[1], fixture.entities[5]],
        edges: [relation('rel:akhmat-attacked-kurakhove')],
      });
    });

    it('follows relations only forwards when directed, symmetric ones either way', async () => {
      // LOCATED_IN Pokrovsk → Donetsk may not be walked backwards, so the path goes through Kurakhove
      // and takes NEAR against its stored direction.
      expect(await path('person:apti-alaudinov', 'settlement:pokrovsk', 5, true)).toEqual({
        nodes: ['person:apti-alaudinov', 'country:russia', 'settlement:kurakhove', 'settlement:pokrovsk'],
        edges: ['rel:alaudinov-member-of-russia', 'rel:russia-claimed-capture-of-kurakhove-a', 'rel:pokrovsk-near-kurakhove'],
      });
      expect(await path('settlement:selydove', 'settlement:pokrovsk', 2, true, ['NEAR'])).toEqual({
        nodes: ['settlement:selydove', 'settlement:kurakhove', 'settlement:pokrovsk'],
        edges: ['rel:selydove-near-kurakhove', 'rel:pokrovsk-near-kurakhove'],
      });
      expect(await path('settlement:pokrovsk', 'person:apti-alaudinov', 10, true)).toBeNull();
      expect(await path('region:donetsk', 'settlement:kurakhove', 3, true, ['LOCATED_IN'])).toBeNull();
      expect(await path('region:donetsk', 'settlement:kurakhove', 3, false, ['LOCATED_IN'])).toEqual({
        nodes: ['region:donetsk', 'settlement:kurakhove'],
        edges: ['rel:kurakhove-located-in-donetsk'],
      });
    });

    it('is null beyond maxHops, for unknown ids, and through statement links only', async () => {
      expect(await path('person:apti-alaudinov', 'settlement:pokrovsk', 2, false)).toBeNull();
      expect(await path('person:nobody', 'settlement:pokrovsk', 5, false)).toBeNull();
      expect(await path('settlement:pokrovsk', 'person:nobody', 5, false)).toBeNull();
      expect(await path('org:zeta-group', 'settlement:selydove', 10, false)).toBeNull();
    });

    it('is a path of length 0 from an entity to itself', async () => {
      expect(await store.shortestPath('unit:akhmat', 'unit:akhmat', { maxHops: 1, filter: { types: null }, directed: true })).toStrictEqual({
        nodes: [fixture.entities[1]],
        edges: [],
      });
      expect(await path('unit:nobody', 'unit:nobody', 1, false)).toBeNull();
    });
  });

  describe('load', () => {
    it('counts what was loaded, and loading it again changes nothing', async () => {
      expect(await store.counts()).toEqual(counts(fixture));
      await store.load(fixture);
      expect(await store.counts()).toEqual(counts(fixture));
      expect(await store.entitiesByIds(ids(fixture.entities))).toStrictEqual(fixture.entities);
      expect(await store.statementsByIds(ids(fixture.statements))).toStrictEqual(fixture.statements);
    });

    it('updates changed records in place (properties, type, ends, statement links), then restores them', async () => {
      const changed: Dataset = {
        sources: [{ ...fixture.sources[0]!, publisher: null, url: null }],
        entities: [{ ...fixture.entities[5]!, aliases: ['Kurakhovo'], description: 'Now described.' }],
        relations: [
          { ...relation('rel:pokrovsk-near-kurakhove'), qualifiers: { distanceKm: 30 }, date: '2024-12-24' },
          // Same id, new type and new start.
          { ...relation('rel:akhmat-fighting-in-kurakhove'), type: 'CONTROLS', from: 'country:russia' },
        ],
        statements: [
          { ...fixture.statements[0]!, speakerId: 'unit:akhmat', aboutIds: ['settlement:pokrovsk'], sourceId: 'source:beta', date: null },
        ],
      };
      await store.load(changed);
      expect(await store.counts()).toEqual(counts(fixture));
      expect(await store.sourcesByIds(['source:alpha'])).toStrictEqual(changed.sources);
      expect(await store.entitiesByIds(['settlement:kurakhove'])).toStrictEqual(changed.entities);
      expect((await store.search({ text: 'курахове', kinds: null, first: 5 })).map((m) => m.entity.id)).toEqual([]);
      const [kurakhove] = await store.relationsOf(['settlement:kurakhove'], { filter: { types: ['NEAR', 'CONTROLS', 'FIGHTING_IN'] }, direction: 'BOTH' });
      expect(views(kurakhove)).toEqual([
        'CONTROLS IN country:russia rel:akhmat-fighting-in-kurakhove',
        'NEAR BOTH settlement:pokrovsk rel:pokrovsk-near-kurakhove',
        'NEAR BOTH settlement:selydove rel:selydove-near-kurakhove',
      ]);
      expect(kurakhove![0]!.relation).toStrictEqual(changed.relations[1]);
      expect(kurakhove![1]!.relation).toStrictEqual(changed.relations[0]);
      expect((await store.statementsBySpeakers(['person:apti-alaudinov', 'unit:akhmat'])).map(ids)).toEqual([
        ['stmt:alaudinov-on-pokrovsk'],
        ['stmt:alaudinov-claims-kurakhove'],
      ]);
      expect(ids((await store.statementsAbout(['settlement:kurakhove']))[0]!)).not.toContain('stmt:alaudinov-claims-kurakhove');
      expect(ids((await store.statementsFromSources(['source:beta']))[0]!)).toContain('stmt:alaudinov-claims-kurakhove');

      await store.load(fixture);
      expect(await store.counts()).toEqual(counts(fixture));
      expect(await store.entitiesByIds(ids(fixture.entities))).toStrictEqual(fixture.entities);
      expect(await store.statementsByIds(ids(fixture.statements))).toStrictEqual(fixture.statements);
      const all = await store.relationsOf(ids(fixture.entities), { filter: { types: null }, direction: 'OUT' });
      const relations = new Map(all.flat().map((v) => [v.relation.id, v.relation]));
      expect([...relations.values()].sort((a, b) => compareText(a.id, b.id))).toStrictEqual(
        [...fixture.relations].sort((a, b) => compareText(a.id, b.id)),
      );
      expect((await store.statementsAbout(['settlement:kurakhove'])).map(ids)[0]).toContain('stmt:alaudinov-claims-kurakhove');
    });

    it('loads all or nothing: a dangling reference fails the load and writes none of it', async () => {
      const broken: Dataset = {
        sources: [{ id: 'source:gamma', title: 'Gamma', publisher: null, published: null, url: null, kind: 'DOCUMENT' }],
        entities: [{ id: 'settlement:new-town', kind: 'SETTLEMENT', name: 'New Town', aliases: [], description: null, location: null, event: null }],
        relations: [{ ...relation('rel:selydove-near-kurakhove'), id: 'rel:new-town-near-nowhere', from: 'settlement:new-town', to: 'settlement:nowhere' }],
        statements: [],
      };
      const error = await store.load(broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatasetValidationError);
      expect((error as DatasetValidationError).problems).toEqual([
        'Relation "rel:new-town-near-nowhere" refers in "to" to "settlement:nowhere", which is not a known entity.',
      ]);
      expect(await store.counts()).toEqual(counts(fixture));
      expect(await store.entitiesByIds(['settlement:new-town'])).toEqual([null]);
      expect(await store.sourcesByIds(['source:gamma'])).toEqual([null]);
    });

    it('accepts references to what an earlier load stored', async () => {
      const more: Dataset = {
        sources: [],
        entities: [{ id: 'settlement:new-town', kind: 'SETTLEMENT', name: 'New Town', aliases: [], description: null, location: null, event: null }],
        relations: [{ ...relation('rel:selydove-near-kurakhove'), id: 'rel:new-town-near-selydove', from: 'settlement:new-town', to: 'settlement:selydove' }],
        statements: [],
      };
      await store.load(more);
      expect(await store.counts()).toEqual({ ...counts(fixture), entities: 10, relations: counts(fixture).relations + 1 });
      const [selydove] = await store.relationsOf(['settlement:selydove'], { filter: { types: ['NEAR'] }, direction: 'BOTH' });
      expect(views(selydove)).toEqual([
        'NEAR BOTH settlement:kurakhove rel:selydove-near-kurakhove',
        'NEAR BOTH settlement:new-town rel:new-town-near-selydove',
      ]);
    });
  });

  // Last: it adds to the graph the tests above read.
  describe('a limited neighbourhood around a hub', () => {
    // Two hubs of 600 members each: the early hub's members come first in id order, the late
    // hub's after 80 entities that touch nothing.
    const members = (prefix: string, hub: string) =>
      Array.from({ length: 600 }, (_, i) => ({ id: `person:${prefix}-${String(i).padStart(3, '0')}`, kind: 'PERSON', name: `${prefix} ${i}`, aliases: [], hub }));
    const people = [...members('test-b-member', 'unit:test-hub-early'), ...members('test-z-member', 'unit:test-hub-late')];
    const hubs = parseDataset({
      sources: [{ id: 'source:alpha', title: 'Alpha report' }],
      entities: [
        { id: 'unit:test-hub-early', kind: 'UNIT', name: 'Early hub', aliases: [] },
        { id: 'unit:test-hub-late', kind: 'UNIT', name: 'Late hub', aliases: [] },
        ...people.map(({ hub: _, ...person }) => person),
        ...Array.from({ length: 80 }, (_, i) => ({ id: `person:test-m-idle-${i}`, kind: 'PERSON', name: `Idle ${i}`, aliases: [] })),
      ],
      relations: people.map((p) => rel(`rel:${p.id.slice("person:".length)}-member-of`, 'MEMBER_OF', p.id, p.hub)),
      statements: [],
    });

    it('walks the ids in order from a busy frontier, expands when the walk stops short, and answers as the embedded store', async () => {
      await store.load(hubs);
      const reference = createMemoryStore();
      await reference.load(fixture);
      await reference.load(hubs);
      const during2024 = { types: null, window: { from: '2024-01-01', to: '2024-12-31' } };
      const everyStatus = { types: null, statuses: [...CLAIM_STATUSES] };
      const persons = { types: null, kinds: ['PERSON'] };
      const filters = [{ types: null }, { types: ['MEMBER_OF'] }, during2024, everyStatus, persons] as RelationFilter[];
      const walks = filters.map((f) => neighborhoodLevelByIdWalkCypher(f).text);
      const expansions = filters.map((f) => neighborhoodLevelCypher(f).text);
      const driver = neo4jDriver.driver(neo4j.uri);
      const session = driver.session({ defaultAccessMode: neo4jDriver.session.READ });
      try {
        const every = { types: null };
        for (const [centre, filter, levels] of [
          // The early hub's first members by id are the first ids after the fixture's few.
          ['unit:test-hub-early', every, ['walk']],
          // The walk meets the early hub's members and the idle ones first, and stops short.
          ['unit:test-hub-late', every, ['walk', 'expand']],
          // A quiet centre: its one relation is expanded; the hub a hop away is walked from.
          ['person:test-b-member-007', every, ['expand', 'walk']],
          // Relation types: expanding reads only those of the hub's relationships, so it is expanded.
          ['unit:test-hub-early', { types: ['MEMBER_OF'] }, ['expand']],
          // Another filter every member relation passes: walked as without one.
          ['unit:test-hub-early', everyStatus, ['walk']],
          ['unit:test-hub-early', persons, ['walk']],
          // A filter none passes (they are undated): the walk finds nothing and the level is expanded.
          ['unit:test-hub-early', during2024, ['walk', 'expand']],
        ] as const) {
          const query = { depth: 2, filter: filter as RelationFilter, limit: 10, maxItems: 1000 };
          const ran: string[] = [];
          const answer = await session.executeRead((tx) =>
            neighborhoodIn(
              {
                run: async (cypher, params) => {
                  if (walks.includes(cypher)) ran.push('walk');
                  if (expansions.includes(cypher)) ran.push('expand');
                  return (await tx.run(cypher, params)).records.map((r) => r.toObject());
                },
              },
              centre,
              query,
            ),
          );
          expect({ centre, ran }).toEqual({ centre, ran: levels });
          const expected = await reference.neighborhood(centre, query);
          expect(await store.neighborhood(centre, query)).toEqual(expected);
          expect(ids((answer as SubgraphResult).nodes)).toEqual(ids((expected as SubgraphResult).nodes));
        }
      } finally {
        await session.close();
        await driver.close();
        await reference.close();
      }
    });
  });
});
