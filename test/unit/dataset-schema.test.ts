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
  QUALIFIER_KEYS,
  RELATION_TYPE_NAMES,
  STATEMENT_KINDS,
} from '../../src/domain/index.js';
import { SEED_FILE } from '../../src/ingest/dataset-file.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { parseDataset } from '../../src/domain/index.js';

const schema = JSON.parse(readFileSync(new URL('../../data/dataset.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const rawSeed = () => JSON.parse(readFileSync(SEED_FILE, 'utf8'));

describe('data/dataset.schema.json', () => {
  it('accepts the seed', () => {
    expect(validate(rawSeed()), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('accepts what the store exports (nulls and empty lists written out)', async () => {
    const store = createMemoryStore();
    await store.load(parseDataset(rawSeed()));
    const exported = JSON.parse(JSON.stringify(await store.exportDataset()));
    expect(validate(exported), JSON.stringify(validate.errors, null, 2)).toBe(true);
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

  it('names the same vocabularies as the domain', () => {
    const defs = schema.$defs;
    expect(defs.entity.properties.kind.enum).toEqual([...ENTITY_KINDS]);
    expect(defs.relation.properties.type.enum).toEqual([...RELATION_TYPE_NAMES]);
    expect(defs.statement.properties.kind.enum).toEqual([...STATEMENT_KINDS]);
    expect(defs.claimStatus.enum).toEqual([...CLAIM_STATUSES]);
    expect(defs.relation.properties.qualifiers.properties.approximation.enum).toEqual([...APPROXIMATIONS]);
    expect(Object.keys(defs.relation.properties.qualifiers.properties)).toEqual([...QUALIFIER_KEYS]);
  });
});
