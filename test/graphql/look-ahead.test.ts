/**
 * `entity(id)` reads ahead: the relations its selection asks for come with the entity in one
 * store call. Reading ahead must change no answer and no error, only the calls: every answer here
 * is compared with the same question put inside an inline fragment, which is not read ahead and
 * so takes the usual way (the entity, then its relations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { startHarness, type Harness, type HarnessResult } from '../support/harness.js';
import { storesUnderTest } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);

const RELATION_FIELDS = 'id type direction status node { id name } attributions { stance claimant { id } } time { start end }';

/** The relations arguments tried on every entity: none, each clause alone, and several at once. */
const ARGUMENTS = [
  '',
  '(direction: OUT)',
  '(direction: IN)',
  '(types: ["LOCATED_IN", "NEAR", "COMMANDS"])',
  '(types: ["FIGHTING_IN"], filter: { types: ["FIGHTING_IN", "DEPLOYED_TO"] })',
  '(filter: { statuses: [CONFIRMED, REPORTED] })',
  '(filter: { from: "2024-08-01" })',
  '(filter: { from: "2024-01-01", to: "2024-12-31", kinds: [SETTLEMENT, REGION, COUNTRY] })',
  '(direction: BOTH, filter: { kinds: [PERSON, UNIT] })',
  '(filter: { claimantIds: ["org:deepstate"] })',
];

function withoutLocations(result: HarnessResult): HarnessResult {
  type Located = NonNullable<HarnessResult['errors']>[number] & { locations?: unknown };
  return result.errors ? { ...result, errors: result.errors.map(({ locations: _, ...error }: Located) => error) } : result;
}

describe.each(storesUnderTest())('reading relations ahead on the $name store', ({ enabled, open }) => {
  let store: GraphStore;
  let harness: Harness;
  let small: Harness;
  beforeAll(async () => {
    if (!enabled) return;
    store = await open();
    await store.load(seed);
    harness = await startHarness({ store });
    small = await startHarness({ store, limits: { maxListLength: 5 } });
  });
  afterAll(async () => {
    await harness?.stop();
    await small?.stop();
    await store?.close();
  });
  const test = it.skipIf(!enabled);

  /** The same question read ahead and not: the answers must be equal. */
  const both = async (h: Harness, id: string, args: string, variables?: Record<string, unknown>, head = '') => {
    const ahead = await h.run(`${head} { entity(id: ${JSON.stringify(id)}) { id name relations${args} { ${RELATION_FIELDS} } } }`, variables);
    const usual = await h.run(
      `${head} { entity(id: ${JSON.stringify(id)}) { id name ... on Entity { relations${args} { ${RELATION_FIELDS} } } } }`,
      variables,
    );
    // The same error at a different place in the query text: compared without `locations`.
    expect(withoutLocations(ahead), `${id} relations${args}`).toEqual(withoutLocations(usual));
    expect(ahead.errors?.length).toBe(usual.errors?.length);
    return ahead;
  };

  test('every entity, with every kind of argument, answers as it does without reading ahead', async () => {
    let nonEmpty = 0;
    for (const { id } of seed.entities) {
      for (const args of ARGUMENTS) {
        const result = await both(harness, id, args);
        expect(result.errors, `${id} relations${args}`).toBeUndefined();
        if ((result.data!['entity'] as { relations: unknown[] }).relations.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(seed.entities.length);
  });

  test('arguments given as variables are read ahead as the field reads them', async () => {
    const head = 'query ($types: [String!], $direction: Direction, $filter: RelationFilterInput)';
    const args = '(types: $types, direction: $direction, filter: $filter)';
    harness.resetCalls();
    const result = await both(harness, 'settlement:kurakhove', args, { types: ['CONTROLS', 'NEAR'], direction: 'IN', filter: { kinds: ['ORGANIZATION', 'COUNTRY', 'SETTLEMENT'] } }, head);
    expect(result.errors).toBeUndefined();
    expect((result.data!['entity'] as { relations: unknown[] }).relations.length).toBeGreaterThan(0);
    // One call read ahead, then two the usual way.
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesWithRelations: 1, entitiesByIds: 1, relationsOf: 1 });
  });

  test('bad arguments give the same error, on the relations field, whichever way they are read', async () => {
    for (const args of ['(types: ["NOT_A_TYPE"])', '(filter: { from: "2024-05-01", to: "2024-01-01" })', '(filter: { claimantIds: ["person:nobody"] })']) {
      const result = await both(harness, 'settlement:kurakhove', args);
      expect(result.errors?.map((e) => e.path), args).toEqual([['entity', 'relations']]);
    }
  });

  test('a list past MAX_LIST_LENGTH is refused, as without reading ahead', async () => {
    const result = await both(small, 'unit:russian-armed-forces', '');
    expect(result.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['RESULT_TOO_LARGE', ['entity', 'relations']]]);
  });

  test('an unknown id answers null, a skipped relations field is not read, and two aliases of one entity agree', async () => {
    expect((await both(harness, 'person:nobody-of-that-name', '')).data).toEqual({ entity: null });
    harness.resetCalls();
    const skipped = await harness.run('{ entity(id: "settlement:kurakhove") { id relations @include(if: false) { id } } }');
    expect(skipped).toEqual({ data: { entity: { id: 'settlement:kurakhove' } } });
    expect(Object.fromEntries(harness.calls)).toEqual({ entitiesByIds: 1 });
    const twice = await harness.run(
      `{ a: entity(id: "settlement:kurakhove") { relations { id } } b: entity(id: "settlement:kurakhove") { relations { id } } }`,
    );
    expect(twice.errors).toBeUndefined();
    expect(twice.data!['b']).toEqual(twice.data!['a']);
  });
});
