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
  rankSearchResults,
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
  });

  it('ignores case, accents and punctuation', () => {
    expect(normalizeForSearch('Kurákhove')).toBe('kurakhove');
    expect(normalizeForSearch('U.S.')).toBe('u s');
    expect(normalizeForSearch('  Franz-Stefan   GADY ')).toBe('franz stefan gady');
    expect(normalizeForSearch('Курахове')).toBe('курахове');
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

describe('the schema files', () => {
  it('parse together into one schema with the contract queries', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    expect(fields).toEqual(expect.arrayContaining(['entity', 'search', 'neighborhood', 'shortestPath', 'statements']));
    expect(readFileSync(new URL('../../schema/exploration.graphql', import.meta.url), 'utf8')).toContain('type Query');
  });
});
