import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  DIRECTIONS,
  DomainError,
  ENTITY_KINDS,
  ErrorCode,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  STATEMENT_KINDS,
  checkDepth,
  checkFirst,
  checkId,
  checkMaxHops,
  checkRelationTypes,
  checkSearchText,
  compareText,
  isIsoDate,
  kindOfEntityId,
  matchEntity,
  MatchTier,
  normalizeForSearch,
  parseDataset,
  precisionOf,
  rankSearchResults,
  timeBounds,
  upgradeLegacyDataset,
  validateDataset,
  deriveStatus,
  factStatus,
  firstClaimant,
  type Attribution,
  type EntityRecord,
} from '../../src/domain/index.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

const schema = buildSchema(loadTypeDefs());
const enumValues = (name: string) =>
  (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

function expectDomainError(fn: () => unknown, code: ErrorCode, pattern: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).message).toMatch(pattern);
    return;
  }
  throw new Error('expected a DomainError');
}

describe('the domain vocabulary', () => {
  it('is the same as the schema enums', () => {
    expect(enumValues('EntityKind')).toEqual([...ENTITY_KINDS]);
    expect(enumValues('ClaimStatus')).toEqual([...CLAIM_STATUSES]);
    expect(enumValues('Approximation')).toEqual([...APPROXIMATIONS]);
    expect(enumValues('StatementKind')).toEqual([...STATEMENT_KINDS]);
    expect(enumValues('Direction')).toEqual([...DIRECTIONS]);
  });

  it('names relation types in UPPER_SNAKE_CASE and marks NEAR and ALLIED_WITH symmetric', () => {
    for (const name of RELATION_TYPE_NAMES) expect(name).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    const symmetric = RELATION_TYPE_NAMES.filter((t) => RELATION_TYPES[t].symmetric);
    expect(symmetric).toEqual(['ALLIED_WITH', 'NEAR']);
  });

  it('tells an entity kind from its id prefix', () => {
    expect(kindOfEntityId('person:apti-alaudinov')).toBe('PERSON');
    expect(kindOfEntityId('org:deepstate')).toBe('ORGANIZATION');
    expect(kindOfEntityId('stmt:x')).toBeNull();
  });
});

describe('argument checks', () => {
  it('reject a malformed id with BAD_USER_INPUT naming the argument', () => {
    expectDomainError(() => checkId('fromId', 'Robert; DROP'), ErrorCode.BAD_USER_INPUT, /"fromId"/);
    expect(checkId('id', 'settlement:kurakhove')).toBe('settlement:kurakhove');
  });

  it('keep depth within 0 to 3, maxHops within 1 to 10 and first within 1 to 100', () => {
    expect(checkDepth(0)).toBe(0);
    expect(checkDepth(3)).toBe(3);
    expectDomainError(() => checkDepth(4), ErrorCode.BAD_USER_INPUT, /"depth" must be an integer from 0 to 3; got 4/);
    expectDomainError(() => checkDepth(-1), ErrorCode.BAD_USER_INPUT, /depth/);
    expectDomainError(() => checkMaxHops(0), ErrorCode.BAD_USER_INPUT, /maxHops/);
    expectDomainError(() => checkFirst(101), ErrorCode.BAD_USER_INPUT, /first/);
  });

  it('reject unknown relation types and list the known ones', () => {
    expectDomainError(() => checkRelationTypes(['COMMANDS', 'LOVES']), ErrorCode.BAD_USER_INPUT, /"LOVES".*known types are ALLIED_WITH/);
    expect(checkRelationTypes([])).toBeNull();
    expect(checkRelationTypes(['NEAR', 'COMMANDS', 'NEAR'])).toEqual(['COMMANDS', 'NEAR']);
  });

  it('reject search text with no letter or digit, and text over 200 characters', () => {
    expectDomainError(() => checkSearchText('  ...  '), ErrorCode.BAD_USER_INPUT, /at least one letter or digit/);
    expectDomainError(() => checkSearchText('a'.repeat(201)), ErrorCode.BAD_USER_INPUT, /limit is 200/);
  });
});

describe('search semantics', () => {
  const entity = (id: string, name: string, aliases: string[] = []): EntityRecord => ({
    id,
    kind: 'SETTLEMENT',
    name,
    aliases,
    description: null,
    location: null,
    event: null,
  });

  it('ignores case, accents and punctuation', () => {
    expect(normalizeForSearch('Kurákhove')).toBe('kurakhove');
    expect(normalizeForSearch('U.S.')).toBe('u s');
    expect(normalizeForSearch('  Franz-Stefan   GADY ')).toBe('franz stefan gady');
    expect(normalizeForSearch('Курахове')).toBe('kurakhove');
    expect(normalizeForSearch('Київ')).toBe('kyiv');
  });

  it('ranks exact, then prefix, then word prefix, then substring, ties by name', () => {
    const ranked = rankSearchResults(
      [
        entity('settlement:d', 'Old Kur'),
        entity('settlement:c', 'Bakur'),
        entity('settlement:b', 'Kurakhove'),
        entity('settlement:a', 'Kur'),
        entity('settlement:e', 'Kursk'),
        entity('settlement:f', 'Pokrovsk'),
      ],
      'kur',
      10,
    );
    expect(ranked.map((m) => [m.entity.name, m.tier])).toEqual([
      ['Kur', MatchTier.EXACT],
      ['Kurakhove', MatchTier.PREFIX],
      ['Kursk', MatchTier.PREFIX],
      ['Old Kur', MatchTier.WORD_PREFIX],
      ['Bakur', MatchTier.SUBSTRING],
    ]);
  });

  it('matches aliases and reports which label matched', () => {
    const match = matchEntity(entity('settlement:k', 'Kurakhove', ['Курахово']), normalizeForSearch('курахово'));
    expect(match).toMatchObject({ tier: MatchTier.EXACT, matched: 'Курахово' });
  });
});

describe('text order', () => {
  it('is code-point order, as in Cypher, also beyond U+FFFF', () => {
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('ab', 'a')).toBe(1);
    expect(compareText('\uFFFF', '😀')).toBe(-1);
    expect(compareText('Kur', 'Kur')).toBe(0);
  });
});

describe('dates', () => {
  it('accept real calendar days only', () => {
    expect(isIsoDate('2025-01-06')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('06/01/2025')).toBe(false);
  });
});

describe('the status rule (deriveStatus)', () => {
  const said = (stance: Attribution['stance'], claimantId: string | null): Attribution => ({
    claimantId,
    viaId: null,
    statementId: null,
    stance,
    saidOn: null,
    sourceId: 'source:a',
    note: null,
  });

  it('reads one party asserting as CLAIMED, two as REPORTED, the source\'s own voice as CONFIRMED', () => {
    expect(deriveStatus([said('ASSERTS', 'org:a')])).toBe('CLAIMED');
    expect(deriveStatus([said('ASSERTS', 'org:a'), said('ASSERTS', 'org:a')])).toBe('CLAIMED');
    expect(deriveStatus([said('ASSERTS', 'org:a'), said('ASSERTS', 'country:b')])).toBe('REPORTED');
    expect(deriveStatus([said('ASSERTS', 'org:a'), said('ASSERTS', null)])).toBe('CONFIRMED');
  });

  it('puts a denial or a dispute before anything asserted, and an inability to verify before a lone claim', () => {
    expect(deriveStatus([said('ASSERTS', null), said('DISPUTES', 'org:b')])).toBe('DISPUTED');
    expect(deriveStatus([said('ASSERTS', 'org:a'), said('DENIES', 'org:b')])).toBe('DISPUTED');
    expect(deriveStatus([said('DENIES', 'org:b')])).toBe('DENIED');
    expect(deriveStatus([said('ASSERTS', 'person:a'), said('CANNOT_VERIFY', 'org:r')])).toBe('UNVERIFIED');
  });
  it('leaves retracted attributions out, and reads a fact with none left, or retracted itself, as RETRACTED', () => {
    const retraction = { by: 'editor', at: '2025-01-07T00:00:00.000Z', reason: 'Withdrawn.' };
    const retracted = (a: Attribution): Attribution => ({ ...a, retraction });
    expect(deriveStatus([said('ASSERTS', 'org:a'), retracted(said('DENIES', 'org:b'))])).toBe('CLAIMED');
    expect(deriveStatus([retracted(said('ASSERTS', null)), said('ASSERTS', 'org:a'), said('ASSERTS', 'org:b')])).toBe('REPORTED');
    expect(deriveStatus([retracted(said('ASSERTS', 'org:a'))])).toBe('RETRACTED');
    expect(firstClaimant([retracted(said('ASSERTS', 'org:a')), said('ASSERTS', 'org:b')])).toBe('org:b');
    expect(factStatus([said('ASSERTS', null)], retraction)).toBe('RETRACTED');
    expect(factStatus([said('ASSERTS', null)], undefined)).toBe('CONFIRMED');
  });
});

describe('time spans', () => {
  it('have the precision of their partial date, or RANGE, and bounds to the day', () => {
    expect(precisionOf({ start: '2025', end: null, text: null })).toBe('YEAR');
    expect(precisionOf({ start: '2025-01', end: null, text: null })).toBe('MONTH');
    expect(precisionOf({ start: '2025-01-05', end: null, text: null })).toBe('DAY');
    expect(precisionOf({ start: '2024-08', end: '2025-01-06', text: null })).toBe('RANGE');
    expect(timeBounds({ start: '2024-02', end: null, text: null })).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(timeBounds({ start: '2024', end: '2025-01-06', text: null })).toEqual({ earliest: '2024-01-01', latest: '2025-01-06' });
  });
});

describe('legacy datasets (a status, claimedBy and date per relation)', () => {
  const SOURCE = 'source:report';
  const legacy = (relations: Record<string, unknown>[]) => ({
    sources: [{ id: SOURCE, title: 'A report', published: '2025-01-06' }],
    entities: [
      { id: 'unit:a', kind: 'UNIT', name: 'A', aliases: [] },
      { id: 'settlement:t', kind: 'SETTLEMENT', name: 'T', aliases: [] },
      { id: 'org:m', kind: 'ORGANIZATION', name: 'M', aliases: [] },
    ],
    relations,
    statements: [],
  });
  const relation = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'ATTACKED',
    from: 'unit:a',
    to: 'settlement:t',
    status,
    sourceId: SOURCE,
    ...extra,
  });

  it('still import, each relation keeping its status, claimant and day', () => {
    const file = legacy([
      relation('rel:confirmed', 'CONFIRMED', { date: '2025-01-05' }),
      relation('rel:claimed', 'CLAIMED', { claimedBy: 'org:m', date: '2025-01-06' }),
      relation('rel:unverified', 'UNVERIFIED', { claimedBy: 'org:m' }),
      relation('rel:disputed', 'DISPUTED', { claimedBy: 'org:m' }),
      relation('rel:denied', 'DENIED', { claimedBy: 'org:m' }),
    ]);
    expect(validateDataset(file)).toEqual([]);
    const read = parseDataset(file).relations.map((r) => [r.id, r.status, r.claimedBy, r.date, r.sourceId]);
    expect(read).toEqual([
      ['rel:confirmed', 'CONFIRMED', null, '2025-01-05', SOURCE],
      ['rel:claimed', 'CLAIMED', 'org:m', '2025-01-06', SOURCE],
      ['rel:unverified', 'UNVERIFIED', 'org:m', null, SOURCE],
      ['rel:disputed', 'DISPUTED', 'org:m', null, SOURCE],
      ['rel:denied', 'DENIED', null, null, SOURCE],
    ]);
    expect(parseDataset(file).relations[1]!.time).toEqual({ start: '2025-01-06', end: null, text: null });
  });

  it('are upgraded to attributions, leaving new-format relations alone', () => {
    const current = { id: 'rel:new', type: 'ATTACKED', from: 'unit:a', to: 'settlement:t', attributions: [{ stance: 'ASSERTS', sourceId: SOURCE }] };
    const upgraded = upgradeLegacyDataset(legacy([relation('rel:claimed', 'CLAIMED', { claimedBy: 'org:m', date: '2025-01-06' }), current])) as {
      relations: Record<string, unknown>[];
    };
    expect(upgraded.relations[0]).toEqual({
      id: 'rel:claimed',
      type: 'ATTACKED',
      from: 'unit:a',
      to: 'settlement:t',
      time: { start: '2025-01-06' },
      attributions: [{ claimantId: 'org:m', stance: 'ASSERTS', sourceId: SOURCE }],
    });
    expect(upgraded.relations[1]).toBe(current);
  });

  it('report a bad legacy day or status against the relation', () => {
    const problems = validateDataset(legacy([relation('rel:bad-day', 'CONFIRMED', { date: '2025-02-30' }), relation('rel:bad-status', 'MAYBE')]));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Relation "rel:bad-day" \(relations\[0\]\) time has "start" "2025-02-30"/),
        expect.stringMatching(/^Relation "rel:bad-status" \(relations\[1\]\) has status "MAYBE", which is not a legacy status/),
      ]),
    );
  });
});

describe('the schema files', () => {
  it('parse together into one schema with the contract queries', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    expect(fields).toEqual(expect.arrayContaining(['entity', 'search', 'neighborhood', 'shortestPath', 'statements']));
    expect(readFileSync(new URL('../../schema/exploration.graphql', import.meta.url), 'utf8')).toContain('type Query');
  });
});
