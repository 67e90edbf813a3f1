/**
 * data/dataset.schema.json, the JSON Schema of the dataset format: the seed and an export validate
 * against it, it refuses what the format refuses, and its vocabularies are the domain's.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  EVENT_TYPE_NAMES,
  LOCATION_PRECISIONS,
  PARTICIPANT_ROLE_NAMES,
  QUALIFIER_KEYS,
  QUANTITY_MEASURE_NAMES,
  RELATION_TYPE_NAMES,
  SOURCE_KINDS,
  STANCE_NAMES,
  STATEMENT_KINDS,
  parseDataset,
  toDatasetFile,
  validateDataset,
} from '../../src/domain/index.js';
import { SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';

const schema = JSON.parse(readFileSync(new URL('../../data/dataset.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const rawSeed = () => JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const errorsOf = () => JSON.stringify(validate.errors, null, 2);
const index = (list: { id: string }[], id: string) => list.findIndex((r) => r.id === id);

describe('data/dataset.schema.json', () => {
  it('accepts the seed', () => {
    expect(validate(rawSeed()), errorsOf()).toBe(true);
  });

  it('accepts what the store exports, written as a file', async () => {
    const store = createMemoryStore();
    await store.load(parseDataset(rawSeed()));
    const exported = JSON.parse(JSON.stringify(toDatasetFile(await store.exportDataset())));
    expect(validate(exported), errorsOf()).toBe(true);
  });

  it('accepts optional fields written out as null, as the validator does', () => {
    const seed = rawSeed();
    seed.sources[0].url = null;
    seed.entities[0].description = null;
    seed.entities[0].location = null;
    seed.entities[0].event = null;
    seed.statements[0].speakerId = null;
    const offensive = seed.entities[index(seed.entities, 'event:kursk-offensive-2025-01')];
    offensive.event.time.end = null;
    offensive.event.quantities[0].value = null;
    offensive.event.attributions[0].claimantId = null;
    expect(validate(seed), errorsOf()).toBe(true);
    expect(() => parseDataset(seed)).not.toThrow();
  });

  it('carries retractions of facts and attributions, which the validator reads and writes back alike, and refuses malformed ones', () => {
    const seed = rawSeed();
    const retraction = { by: 'editor-token', at: '2025-01-07T09:30:00.000Z', reason: 'The agency withdrew the report.' };
    const capture = index(seed.relations, 'rel:russian-forces-control-most-of-kurakhove');
    seed.relations[capture].retraction = retraction;
    const allied = index(seed.relations, 'rel:north-korea-allied-with-russia');
    seed.relations[allied].attributions[0].retraction = retraction;
    const war = index(seed.entities, 'event:russia-ukraine-war');
    seed.entities[war].event.retraction = retraction;
    expect(validate(seed), errorsOf()).toBe(true);
    const parsed = parseDataset(seed);
    const relation = (id: string) => parsed.relations.find((r) => r.id === id)!;
    expect(relation('rel:russian-forces-control-most-of-kurakhove')).toMatchObject({ status: 'RETRACTED', retraction });
    expect(relation('rel:north-korea-allied-with-russia').attributions[0]!.retraction).toEqual(retraction);
    expect(parsed.entities.find((e) => e.id === 'event:russia-ukraine-war')!.event).toMatchObject({ status: 'RETRACTED', retraction });
    expect(parseDataset(JSON.parse(JSON.stringify(toDatasetFile(parsed))))).toEqual(parsed);

    seed.relations[capture].retraction = { by: 'editor-token', at: 'yesterday', reason: '' };
    seed.relations[allied].attributions[0].retraction = { by: 'editor-token', at: retraction.at };
    expect(validate(seed)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([`/relations/${capture}/retraction/at`, `/relations/${capture}/retraction/reason`, `/relations/${allied}/attributions/0/retraction`]),
    );
    const problems = validateDataset(seed);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"rel:russian-forces-control-most-of-kurakhove".* retraction has "at" "yesterday", which is not an ISO 8601 UTC time/),
        expect.stringMatching(/"rel:russian-forces-control-most-of-kurakhove".* retraction has a "reason" that is not a non-empty string/),
        expect.stringMatching(/"rel:north-korea-allied-with-russia".* attributions\[0\] retraction has a "reason" that is not a non-empty string/),
      ]),
    );
  });

  it('refuses an unknown kind, a missing field, an unknown field and a malformed id, saying where', () => {
    const seed = rawSeed();
    seed.entities[3].kind = 'ANALYST';
    delete seed.relations[2].from;
    seed.statements[0].mood = 'grim';
    seed.sources[0].id = 'Source 1';
    expect(validate(seed)).toBe(false);
    const where = validate.errors!.map((e) => e.instancePath);
    expect(where).toEqual(expect.arrayContaining(['/entities/3/kind', '/relations/2', '/statements/0', '/sources/0/id']));
  });

  it('refuses a derived status, an event without details, a relation without attributions and a participant without a role', () => {
    const seed = rawSeed();
    const capture = index(seed.relations, 'rel:russian-forces-control-most-of-kurakhove');
    seed.relations[capture].status = 'CLAIMED';
    const war = index(seed.entities, 'event:russia-ukraine-war');
    delete seed.entities[war].event;
    const allied = index(seed.relations, 'rel:north-korea-allied-with-russia');
    delete seed.relations[allied].attributions;
    const participant = seed.relations.findIndex((r: { type: string }) => r.type === 'PARTICIPATED_IN');
    delete seed.relations[participant].qualifiers;
    expect(validate(seed)).toBe(false);
    const where = validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(where).toEqual(
      expect.arrayContaining([
        `/relations/${capture} additionalProperties`,
        `/entities/${war} required`,
        `/relations/${allied} required`,
        `/relations/${participant} required`,
      ]),
    );
  });

  it('refuses coordinates off the globe and a partial date that is not one', () => {
    const seed = rawSeed();
    const kurakhove = index(seed.entities, 'settlement:kurakhove');
    seed.entities[kurakhove].location.latitude = 97.98;
    const offensive = index(seed.entities, 'event:kursk-offensive-2025-01');
    seed.entities[offensive].event.time.start = '5 January 2025';
    expect(validate(seed)).toBe(false);
    const where = validate.errors!.map((e) => e.instancePath);
    expect(where).toEqual(
      expect.arrayContaining([`/entities/${kurakhove}/location/latitude`, `/entities/${offensive}/event/time/start`]),
    );
  });

  it('names the same vocabularies as the domain', () => {
    const defs = schema.$defs;
    expect(defs.entity.properties.kind.enum).toEqual([...ENTITY_KINDS]);
    expect(defs.relation.properties.type.enum).toEqual([...RELATION_TYPE_NAMES]);
    expect(defs.statement.properties.kind.enum).toEqual([...STATEMENT_KINDS]);
    expect(defs.claimStatus.enum).toEqual([...CLAIM_STATUSES]);
    expect(defs.relation.properties.qualifiers.properties.approximation.enum).toEqual([...APPROXIMATIONS]);
    expect(defs.relation.properties.qualifiers.properties.participantRole.enum).toEqual([...PARTICIPANT_ROLE_NAMES]);
    expect(Object.keys(defs.relation.properties.qualifiers.properties)).toEqual([...QUALIFIER_KEYS]);
    expect(defs.event.properties.type.enum).toEqual([...EVENT_TYPE_NAMES]);
    expect(defs.attribution.properties.stance.enum).toEqual([...STANCE_NAMES]);
    expect(defs.quantity.properties.measure.enum).toEqual([...QUANTITY_MEASURE_NAMES]);
    expect(defs.quantity.properties.approximation.oneOf[0].enum).toEqual([...APPROXIMATIONS]);
    expect(defs.location.properties.precision.enum).toEqual([...LOCATION_PRECISIONS]);
    expect(defs.source.properties.kind.oneOf[0].enum).toEqual([...SOURCE_KINDS]);
  });
});
