/**
 * The claims-model questions in process, over each store with the seed graph: every bad argument
 * gets an error with a code that names the argument, `claims` puts the competing answers to one
 * question side by side, and relation filters asked together answer as asked alone.
 */
import { describe, expect } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { LIMITS } from '../../src/domain/index.js';
import type { HarnessResult } from '../support/harness.js';
import { storesUnderTest, useGraphQLOverStore } from '../support/stores.js';

const ALAUDINOV = 'person:apti-alaudinov';
const KURAKHOVE = 'settlement:kurakhove';
const NOBODY = 'person:nobody-at-all';

const seed = await readDatasetFile(SEED_FILE);

function onlyError(result: HarnessResult) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors![0]!;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(`person:p${i}`)).join(', ');

/** [what is wrong, the operation, the code, the argument the error names] */
const badArguments: [string, string, 'BAD_USER_INPUT' | 'NOT_FOUND', string][] = [
  ['claims about nobody', `{ claims(aboutId: "${NOBODY}") { topic } }`, 'NOT_FOUND', 'aboutId'],
  ['claims about a malformed id', `{ claims(aboutId: "kurakhove") { topic } }`, 'BAD_USER_INPUT', 'aboutId'],
  ['claims by nobody', `{ claims(aboutId: "${KURAKHOVE}", claimantIds: ["${NOBODY}"]) { topic } }`, 'NOT_FOUND', 'claimantIds'],
  ['relations claimed by nobody', `{ entity(id: "${KURAKHOVE}") { relations(filter: { claimantIds: ["${NOBODY}"] }) { id } } }`, 'NOT_FOUND', 'filter.claimantIds'],
  ['relations in a reversed window', `{ entity(id: "${KURAKHOVE}") { relations(filter: { from: "2025-01-06", to: "2025-01-05" }) { id } } }`, 'BAD_USER_INPUT', 'filter.to'],
  ['relations of an unknown type in the filter', `{ entity(id: "${KURAKHOVE}") { relations(filter: { types: ["LOVES"] }) { id } } }`, 'BAD_USER_INPUT', 'filter.types'],
  ['a neighbourhood in a reversed window', `{ neighborhood(id: "${ALAUDINOV}", filter: { from: "2025-02-01", to: "2025-01-01" }) { truncated } }`, 'BAD_USER_INPUT', 'filter.to'],
  ['a neighbourhood limit of 0', `{ neighborhood(id: "${ALAUDINOV}", limit: 0) { truncated } }`, 'BAD_USER_INPUT', 'limit'],
  [`a neighbourhood limit over ${LIMITS.maxNeighborhoodLimit}`, `{ neighborhood(id: "${ALAUDINOV}", limit: ${LIMITS.maxNeighborhoodLimit + 1}) { truncated } }`, 'BAD_USER_INPUT', 'limit'],
  ['a shortest path by nobody\'s claims', `{ shortestPath(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", filter: { claimantIds: ["${NOBODY}"] }) { length } }`, 'NOT_FOUND', 'filter.claimantIds'],
  ['paths from nobody', `{ paths(fromId: "${NOBODY}", toId: "${KURAKHOVE}") { length } }`, 'NOT_FOUND', 'fromId'],
  ['paths to nobody', `{ paths(fromId: "${ALAUDINOV}", toId: "${NOBODY}") { length } }`, 'NOT_FOUND', 'toId'],
  ['paths of 0 hops', `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", maxHops: 0) { length } }`, 'BAD_USER_INPUT', 'maxHops'],
  [`paths of ${LIMITS.maxPathHops + 1} hops`, `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", maxHops: ${LIMITS.maxPathHops + 1}) { length } }`, 'BAD_USER_INPUT', 'maxHops'],
  ['no paths at all', `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", first: 0) { length } }`, 'BAD_USER_INPUT', 'first'],
  [`more than ${LIMITS.maxPaths} paths`, `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", first: ${LIMITS.maxPaths + 1}) { length } }`, 'BAD_USER_INPUT', 'first'],
  ['a subgraph of no ids', `{ subgraph(ids: []) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph of one id', `{ subgraph(ids: ["${ALAUDINOV}"]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  [`a subgraph of ${LIMITS.maxSubgraphIds + 1} ids`, `{ subgraph(ids: [${ids(LIMITS.maxSubgraphIds + 1)}]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph with an id twice', `{ subgraph(ids: ["${ALAUDINOV}", "${KURAKHOVE}", "${ALAUDINOV}"]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph with nobody in it', `{ subgraph(ids: ["${ALAUDINOV}", "${NOBODY}"]) { truncated } }`, 'NOT_FOUND', 'ids'],
  [`a subgraph of ${LIMITS.maxPathHops + 1} hops`, `{ subgraph(ids: ["${ALAUDINOV}", "${KURAKHOVE}"], maxHops: ${LIMITS.maxPathHops + 1}) { truncated } }`, 'BAD_USER_INPUT', 'maxHops'],
  ['a timeline in a reversed window', `{ timeline(from: "2025-01-07", to: "2025-01-06") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['a timeline about nobody', `{ timeline(entityId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'entityId'],
  ['a timeline page of 0', `{ timeline(first: 0) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  [`a timeline page over ${LIMITS.maxPageSize}`, `{ timeline(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['events in a reversed window', `{ events(from: "2025-01-20", to: "2025-01-01") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['events with nobody taking part', `{ events(participantId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'participantId'],
  ['events in no place', `{ events(placeId: "settlement:atlantis") { totalCount } }`, 'NOT_FOUND', 'placeId'],
  [`an events page over ${LIMITS.maxPageSize}`, `{ events(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['places near nowhere', `{ near(placeId: "settlement:atlantis", km: 10) { distanceKm } }`, 'NOT_FOUND', 'placeId'],
  ['places within 0 km', `{ near(placeId: "${KURAKHOVE}", km: 0) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  ['places within a negative radius', `{ near(placeId: "${KURAKHOVE}", km: -5) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  [`places within more than ${LIMITS.maxNearKm} km`, `{ near(placeId: "${KURAKHOVE}", km: ${LIMITS.maxNearKm + 1}) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  ['an entities page of 0', `{ entitiesConnection(first: 0) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['statements in a reversed window', `{ statementsConnection(from: "2025-01-06", to: "2025-01-01") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['statements by nobody', `{ statementsConnection(speakerId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'speakerId'],
  ['statements about nobody', `{ statementsConnection(aboutId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'aboutId'],
];

describe.each(storesUnderTest())('on the $name store', (under) => {
  const { harness, test } = useGraphQLOverStore(under, seed);

  describe('bad arguments', () => {
    test.each(badArguments)('%s: an error with its code that names the argument, and no data', async (_what, query, code, argument) => {
      harness.resetCalls();
      const result = await harness.run(query);
      const error = onlyError(result);
      expect(error.extensions).toMatchObject({ code, argument });
      expect(error.message).toContain(`"${argument}"`);
    });

    test('asks the store nothing before every argument that needs no store has been checked', async () => {
      harness.resetCalls();
      const result = await harness.run(`{ paths(fromId: "${NOBODY}", toId: "${KURAKHOVE}", maxHops: 99) { length } }`);
      expect(onlyError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
      expect(harness.calls.size).toBe(0);
    });
  });

  interface ClaimsAnswer {
    claims: {
      topic: string;
      facts: { id: string; status: string; attributions: { claimant: { id: string } | null; stance: string }[] }[];
      claims: { fact: { id: string }; attribution: { claimant: { id: string } | null; stance: string; saidOn: string | null } }[];
    }[];
  }

  async function claimsAbout(aboutId: string, args = ''): Promise<ClaimsAnswer['claims']> {
    const result = await harness.run(`{
      claims(aboutId: "${aboutId}"${args}) {
        topic
        facts { id status attributions { claimant { id } stance } }
        claims { fact { id } attribution { claimant { id } stance saidOn } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    return (result.data as unknown as ClaimsAnswer).claims;
  }

  describe('claims', () => {
    test('answers "who holds Kurakhove?" with the capture, the monitor\'s "most of" and the reports of fighting, side by side', async () => {
      const [control, ...others] = await claimsAbout(KURAKHOVE, ', topics: [CONTROL]');
      expect(others).toEqual([]);
      expect(control!.topic).toBe('CONTROL');
      const byFact = (id: string) => control!.claims.filter((c) => c.fact.id === id).map((c) => [c.attribution.claimant?.id, c.attribution.stance]);
      expect(byFact('event:kurakhove-capture')).toEqual(
        expect.arrayContaining([
          ['org:russian-defense-ministry', 'ASSERTS'],
          ['org:deepstate', 'DISPUTES'],
        ]),
      );
      expect(byFact('rel:russian-forces-control-most-of-kurakhove')).toEqual([['org:deepstate', 'ASSERTS']]);
      expect(byFact('event:kurakhove-assaults')).toContainEqual(['unit:khortytsia-group', 'ASSERTS']);
      expect(byFact('event:kurakhove-defence')).toContainEqual(['unit:khortytsia-group', 'ASSERTS']);
      expect(control!.facts.find((f) => f.id === 'event:kurakhove-capture')?.status).toBe('DISPUTED');
    });

    test('lists each fact once, in the group of its topic, with one claim per attribution, groups in ClaimTopic order', async () => {
      const groups = await claimsAbout(KURAKHOVE);
      const order = ['CONTROL', 'COMBAT', 'DEPLOYMENT', 'CASUALTIES', 'SUPPORT', 'COMMAND', 'GEOGRAPHY', 'POLITICS'];
      const topics = groups.map((g) => g.topic);
      expect(topics).toEqual(order.filter((t) => topics.includes(t)));
      expect(topics).toContain('GEOGRAPHY');
      const factIds = groups.flatMap((g) => g.facts.map((f) => f.id));
      expect(new Set(factIds).size).toBe(factIds.length);
      for (const group of groups) {
        expect(group.facts.length).toBeGreaterThan(0);
        expect(group.claims).toHaveLength(group.facts.reduce((n, f) => n + f.attributions.length, 0));
        // Claims by the day said, unknown last.
        const days = group.claims.map((c) => c.attribution.saidOn ?? '\uffff');
        expect(days).toEqual([...days].sort());
      }
    });

    test('lets the events stand for the ties to them: Kurakhove\'s TOOK_PLACE_IN relations are not listed, the events are', async () => {
      const factIds = (await claimsAbout(KURAKHOVE)).flatMap((g) => g.facts.map((f) => f.id));
      expect(factIds).toContain('event:kurakhove-capture');
      expect(factIds.filter((id) => id.includes('took-place-in'))).toEqual([]);
    });

    test('counts an event among the facts about itself', async () => {
      const factIds = (await claimsAbout('event:kurakhove-capture')).flatMap((g) => g.facts.map((f) => f.id));
      expect(factIds).toContain('event:kurakhove-capture');
    });

    test('keeps only the claims of the parties asked for, and the facts they speak to', async () => {
      const groups = await claimsAbout(KURAKHOVE, ', claimantIds: ["org:deepstate"]');
      const claims = groups.flatMap((g) => g.claims);
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.every((c) => c.attribution.claimant?.id === 'org:deepstate')).toBe(true);
      for (const group of groups) {
        expect(group.facts.map((f) => f.id).sort()).toEqual([...new Set(group.claims.map((c) => c.fact.id))].sort());
      }
    });
  });

  describe('relation filters in one request', () => {
    const filters = [
      'types: ["CONTROLS"]',
      'statuses: [CONFIRMED]',
      'statuses: [CLAIMED, DISPUTED]',
      'claimantIds: ["org:deepstate"]',
      'from: "2025-01-06", to: "2025-01-06"',
      'from: "2024-01-01", to: "2024-12-31"',
      'kinds: [REGION, SETTLEMENT]',
    ];

    test('answer, asked together, each as it answers alone (batching and caching keep every clause apart)', async () => {
      const field = (filter: string) => `relations(filter: { ${filter} }) { id }`;
      const together = await harness.run(`{ entity(id: "${KURAKHOVE}") { ${filters.map((f, i) => `f${i}: ${field(f)}`).join(' ')} } }`);
      expect(together.errors).toBeUndefined();
      const answers = new Set<string>();
      for (const [i, filter] of filters.entries()) {
        const alone = await harness.run(`{ entity(id: "${KURAKHOVE}") { ${field(filter)} } }`);
        const ids = (alone.data!['entity'] as { relations: unknown[] }).relations;
        expect((together.data!['entity'] as Record<string, unknown>)[`f${i}`], filter).toEqual(ids);
        answers.add(JSON.stringify(ids));
      }
      // The filters do ask different questions of the seed.
      expect(answers.size).toBeGreaterThanOrEqual(5);
    });

    test('apply the field\'s own types and filter.types both', async () => {
      const result = await harness.run(`{ entity(id: "${KURAKHOVE}") {
        both: relations(types: ["CONTROLS", "NEAR"], filter: { types: ["NEAR", "LOCATED_IN"] }) { type }
        none: relations(types: ["CONTROLS"], filter: { types: ["NEAR"] }) { type }
      } }`);
      expect(result.errors).toBeUndefined();
      const entity = result.data!['entity'] as { both: { type: string }[]; none: unknown[] };
      expect(entity.both.map((r) => r.type)).toEqual(['NEAR']);
      expect(entity.none).toEqual([]);
    });
  });

  describe('statements and facts', () => {
    test('a statement supports exactly the facts that give it as evidence', async () => {
      // Two questions, each within the cost limit; the seed has fewer than 40 statements.
      const statements = await harness.run('{ statementsConnection(first: 40) { totalCount nodes { id supports { id evidence { id } } } } }');
      const events = await harness.run('{ events(first: 100) { nodes { id evidence { id } } } }');
      expect(statements.errors).toBeUndefined();
      expect(events.errors).toBeUndefined();
      const data = { ...statements.data, ...events.data } as {
        statementsConnection: { totalCount: number; nodes: { id: string; supports: { id: string; evidence: { id: string }[] }[] }[] };
        events: { nodes: { id: string; evidence: { id: string }[] }[] };
      };
      expect(data.statementsConnection.nodes).toHaveLength(data.statementsConnection.totalCount);
      let supported = 0;
      for (const statement of data.statementsConnection.nodes) {
        for (const fact of statement.supports) {
          expect(fact.evidence.map((e) => e.id), `${fact.id} rests on ${statement.id}`).toContain(statement.id);
          supported++;
        }
      }
      expect(supported).toBeGreaterThan(0);
      // And the other way: every statement an event rests on lists the event among what it supports.
      const supportsOf = new Map(data.statementsConnection.nodes.map((s) => [s.id, s.supports.map((f) => f.id)]));
      for (const event of data.events.nodes) {
        for (const { id } of event.evidence) expect(supportsOf.get(id), `${id} supports ${event.id}`).toContain(event.id);
      }
    });
  });

  describe('places', () => {
    test('list as their events what events(placeId) lists, in the same order', async () => {
      for (const place of ['country:ukraine', 'region:kursk', 'region:donetsk', KURAKHOVE, 'settlement:berdin']) {
        const result = await harness.run(`{
          entity(id: "${place}") { ... on Country { events { id } } ... on Region { events { id } } ... on Settlement { events { id } } }
          events(placeId: "${place}", first: 100) { nodes { id } }
        }`);
        expect(result.errors, place).toBeUndefined();
        const data = result.data as { entity: { events: unknown[] }; events: { nodes: unknown[] } };
        expect(data.entity.events, place).toEqual(data.events.nodes);
      }
    });

    test('lie within the places of their LOCATED_IN chain, largest first', async () => {
      const result = await harness.run(`{ entity(id: "settlement:berdin") { ... on Settlement { within { id kind } } } }`);
      expect(result.errors).toBeUndefined();
      expect((result.data as { entity: { within: unknown[] } }).entity.within).toEqual([
        { id: 'country:russia', kind: 'COUNTRY' },
        { id: 'region:kursk', kind: 'REGION' },
      ]);
    });
  });

  describe('bad arguments the store recognises', () => {
    test('a cursor of another list is not a cursor of this one', async () => {
      const first = await harness.run('{ entitiesConnection(first: 1) { pageInfo { endCursor } } }');
      const cursor = (first.data!['entitiesConnection'] as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
      const error = onlyError(await harness.run(`{ statementsConnection(after: ${JSON.stringify(cursor)}) { totalCount } }`));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });

    test('a cursor the server did not make is BAD_USER_INPUT naming "after"', async () => {
      for (const field of ['entitiesConnection', 'events', 'timeline', 'statementsConnection']) {
        const error = onlyError(await harness.run(`{ ${field}(after: "not-a-cursor") { totalCount } }`));
        expect(error.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
        expect(error.message, field).toContain('"after"');
      }
    });

    test('near a place without coordinates (or a person) is BAD_USER_INPUT naming "placeId"', async () => {
      const error = onlyError(await harness.run(`{ near(placeId: "${ALAUDINOV}", km: 10) { distanceKm } }`));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'placeId' });
    });
  });
});
