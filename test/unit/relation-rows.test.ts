/**
 * The data file keeps a relation in its file form (derived fields and empty ones left out, and its
 * id, type and ends, which are columns of the row) when
 * that reads back as the whole record's JSON would, and whole otherwise: either way a row read
 * back is the record that was written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relationFromFile, type Attribution, type RelationRecord } from '../../src/domain/index.js';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { relationFactsOfRow, relationOfRow, relationRow } from '../../src/store/memory/relation-rows.js';

const seed = await readDatasetFile(SEED_FILE);
const readBack = (relation: RelationRecord) => relationOfRow(JSON.parse(relationRow(relation)) as object, relation);

const attribution: fc.Arbitrary<Attribution> = fc
  .record({
    claimantId: fc.option(fc.constantFrom('org:a', 'person:b'), { nil: null }),
    viaId: fc.option(fc.constant('org:via'), { nil: null }),
    statementId: fc.option(fc.constantFrom('stmt:1', 'stmt:2'), { nil: null }),
    stance: fc.constantFrom('ASSERTS', 'DENIES', 'DISPUTES', 'CANNOT_VERIFY'),
    saidOn: fc.option(fc.constantFrom('2025-01-06', '2024-12'), { nil: null }),
    sourceId: fc.constantFrom('source:x', 'source:y'),
    note: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
    retraction: fc.option(fc.record({ by: fc.constant('org:a'), at: fc.constant('2025-02-01'), reason: fc.constant('wrong') }), { nil: undefined }),
  })
  .map(({ retraction, ...rest }) => (retraction === undefined ? rest : { ...rest, retraction }) as Attribution);

/** A relation as the domain completes it from a file (so every derived field agrees)... */
const completeRelation = fc
  .record({
    time: fc.option(fc.record({ start: fc.constantFrom('2025-01-06', '2024'), end: fc.option(fc.constant('2025-03'), { nil: null }), text: fc.option(fc.constant('early'), { nil: null }) }), { nil: undefined }),
    attributions: fc.array(attribution, { minLength: 1, maxLength: 3 }),
    statementIds: fc.option(fc.uniqueArray(fc.constantFrom('stmt:1', 'stmt:3', 'stmt:4'), { maxLength: 3 }), { nil: undefined }),
    qualifiers: fc.option(fc.constantFrom({}, { role: 'COMMANDER' }, { note: 'n', share: 'most of' }), { nil: undefined }),
    retraction: fc.option(fc.record({ by: fc.constant('person:b'), at: fc.constant('2025-03-01'), reason: fc.constant('r') }), { nil: undefined }),
  })
  .map((file) => relationFromFile({ id: 'rel:x', type: 'CONTROLS', from: 'unit:a', to: 'settlement:b', ...definedOnly(file) }, null));

/** ...and the same relation with its statement ids shuffled, as a record need not keep them in the file form's order. */
const anyRelation = fc.tuple(completeRelation, fc.boolean()).map(([r, reverse]) => (reverse ? { ...r, statementIds: [...r.statementIds].reverse() } : r));

function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

describe('relation rows of the data file', () => {
  it("give the fact indexes the record's type, time, attributions' claimants, days and statements, and statement ids, of either form, without making the record", () => {
    const factsOf = (r: RelationRecord) => ({
      type: r.type,
      time: r.time,
      attributions: r.attributions.map((a) => ({ claimantId: a.claimantId, saidOn: a.saidOn, statementId: a.statementId })),
      statementIds: r.statementIds,
    });
    let whole = 0;
    fc.assert(
      fc.property(anyRelation, (relation) => {
        const parsed = JSON.parse(relationRow(relation)) as object;
        if ('status' in parsed) whole++;
        const facts = relationFactsOfRow(parsed, relation);
        expect({ ...facts, attributions: facts.attributions.map(({ claimantId, saidOn, statementId }) => ({ claimantId, saidOn, statementId })) }).toEqual(factsOf(relation));
      }),
      { numRuns: 500 },
    );
    // Both forms were met: file forms, and whole records (statement ids in another order).
    expect(whole).toBeGreaterThan(0);
    expect(whole).toBeLessThan(500);
  });

  it('read back as the record written, key order included, for any relation', () => {
    fc.assert(
      fc.property(anyRelation, (relation) => {
        expect(JSON.stringify(readBack(relation))).toBe(JSON.stringify(relation));
      }),
      { numRuns: 500 },
    );
  });

  it('keep a relation in its file form, without derived or empty fields, when that reads back the same', () => {
    for (const relation of seed.relations) {
      const row = JSON.parse(relationRow(relation)) as Record<string, unknown>;
      expect(row).not.toHaveProperty('status');
      expect(row).not.toHaveProperty('claimedBy');
      expect(readBack(relation)).toEqual(relation);
    }
    const plain = seed.relations.find((r) => r.time === null && r.statementIds.length === 0 && Object.keys(r.qualifiers).length === 0)!;
    // The id, type and ends are columns of the row.
    expect(Object.keys(JSON.parse(relationRow(plain)))).toEqual(['attributions']);
  });

  it('keep a relation whole when its file form would not read back the same', () => {
    const withStatements = seed.relations.find((r) => r.statementIds.length > 0)!;
    // Statement ids no attribution names, before those that one does: the file form would put them after.
    const reordered: RelationRecord = {
      ...withStatements,
      attributions: [{ ...withStatements.attributions[0]!, statementId: 'stmt:named' }],
      statementIds: ['stmt:other', 'stmt:named'],
    };
    expect(JSON.parse(relationRow(reordered))).toHaveProperty('status');
    expect(readBack(reordered)).toEqual(reordered);
  });
});
