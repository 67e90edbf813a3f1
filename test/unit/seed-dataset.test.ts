import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatasetValidationError, parseDataset, validateDataset } from '../../src/domain/dataset-validator.js';
import type { Dataset, EntityRecord, RelationRecord, StatementRecord } from '../../src/domain/model.js';

const SEED_FILE = fileURLToPath(new URL('../../data/seed.json', import.meta.url));
/** The article the seed was derived from: ../shared/seed/article.txt relative to the repo root. */
const ARTICLE_FILE = fileURLToPath(new URL('../../../shared/seed/article.txt', import.meta.url));
const SOURCE_ID = 'source:reuters-kursk-kurakhove-2025-01-06';

type RawRecord = Record<string, unknown>;
interface RawDataset {
  sources: RawRecord[];
  entities: RawRecord[];
  relations: RawRecord[];
  statements: RawRecord[];
}

const rawSeed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as RawDataset;

/** A deep copy of the seed file as parsed JSON, for changing one thing at a time. */
const copyOfSeed = (): RawDataset => structuredClone(rawSeed);

let parsed: Dataset | undefined;
const seed = (): Dataset => (parsed ??= parseDataset(copyOfSeed()));

function record<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`The seed has no record "${id}".`);
  return found;
}
const rawRecord = (list: RawRecord[], id: string): RawRecord => record(list as (RawRecord & { id: string })[], id);

const relation = (id: string): RelationRecord => record(seed().relations, id);
const statement = (id: string): StatementRecord => record(seed().statements, id);
const entity = (id: string): EntityRecord => record(seed().entities, id);

/** Applies `change` to a copy of the seed and expects a problem that mentions every fragment. */
function expectRejection(change: (d: RawDataset) => void, ...fragments: string[]): void {
  const broken = copyOfSeed();
  change(broken);
  const problems = validateDataset(broken);
  expect(
    problems.some((p) => fragments.every((f) => p.includes(f))),
    `expected a problem mentioning ${fragments.map((f) => JSON.stringify(f)).join(' and ')}; got:\n${problems.join('\n')}`,
  ).toBe(true);
  expect(() => parseDataset(broken)).toThrow(DatasetValidationError);
}

/** Typographic quotes and apostrophes made plain, runs of white space made one space. */
const normalizeText = (text: string): string =>
  text
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

describe('the seed dataset', () => {
  it('passes the dataset validator without a single problem', () => {
    expect(validateDataset(copyOfSeed())).toEqual([]);
    expect(seed().sources).toHaveLength(1);
  });

  describe('the validator, given a copy of the seed with one thing broken,', () => {
    it('rejects a relation that points at an entity that does not exist, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:alaudinov-commands-chechen-unit').to = 'unit:no-such-unit'),
        'Relation "rel:alaudinov-commands-chechen-unit"',
        '"unit:no-such-unit"',
      );
    });

    it('rejects a statement whose speaker does not exist, naming the statement', () => {
      expectRejection(
        (d) => (rawRecord(d.statements, 'stmt:blinken-north-korean-casualties').speakerId = 'person:nobody'),
        'Statement "stmt:blinken-north-korean-casualties"',
        '"person:nobody"',
      );
    });

    it('rejects a relation that rests on a statement that does not exist, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:russian-forces-claimed-capture-of-kurakhove').statementIds = ['stmt:missing']),
        'Relation "rel:russian-forces-claimed-capture-of-kurakhove"',
        '"stmt:missing"',
      );
    });

    it('rejects an entity of an unknown kind, naming the entity', () => {
      expectRejection(
        (d) => (rawRecord(d.entities, 'person:franz-stefan-gady').kind = 'ANALYST'),
        'Entity "person:franz-stefan-gady"',
        '"ANALYST"',
      );
    });

    it('rejects a relation of an unknown type, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:north-korea-allied-with-russia').type = 'FRIENDS_WITH'),
        'Relation "rel:north-korea-allied-with-russia"',
        '"FRIENDS_WITH"',
      );
    });

    it('rejects a relation that starts at a kind its type does not allow, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:alaudinov-commands-chechen-unit').from = 'settlement:kurakhove'),
        'Relation "rel:alaudinov-commands-chechen-unit"',
        'cannot start at a SETTLEMENT',
      );
    });

    it('rejects a relation that ends at a kind its type does not allow, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:kurakhove-located-in-donetsk-region').to = 'person:apti-alaudinov'),
        'Relation "rel:kurakhove-located-in-donetsk-region"',
        'cannot end at a PERSON',
      );
    });

    it('rejects two records with the same id, naming the id', () => {
      expectRejection((d) => {
        d.entities.push({ ...rawRecord(d.entities, 'settlement:kurakhove'), name: 'Kurakhove (again)' });
      }, '"settlement:kurakhove" duplicates the id');
    });

    it('rejects a date that is not YYYY-MM-DD, naming the statement', () => {
      expectRejection(
        (d) => (rawRecord(d.statements, 'stmt:blinken-north-korean-casualties').date = '06/01/2025'),
        'Statement "stmt:blinken-north-korean-casualties"',
        '"06/01/2025"',
      );
    });

    it('rejects a calendar day that does not exist, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:ukrainian-forces-attacked-kursk-region').date = '2025-02-30'),
        'Relation "rel:ukrainian-forces-attacked-kursk-region"',
        '"2025-02-30"',
      );
    });
  });

  describe('as an analyst reads it', () => {
    it('says Alaudinov commands the Chechen unit, which fights in the Kursk region and is findable as Akhmat', () => {
      const commands = relation('rel:alaudinov-commands-chechen-unit');
      expect([commands.type, commands.from, commands.to]).toEqual(['COMMANDS', 'person:apti-alaudinov', 'unit:chechen-unit']);
      const fighting = relation('rel:chechen-unit-fighting-in-kursk-region');
      expect([fighting.type, fighting.from, fighting.to]).toEqual(['FIGHTING_IN', 'unit:chechen-unit', 'region:kursk']);
      const unit = entity('unit:chechen-unit');
      expect(unit.aliases).toContain('Akhmat');
      expect(unit.description).toMatch(/not from the article/);
    });

    it('keeps the Kurakhove capture a defense-ministry claim, beside DeepState\'s "most of" and Khortytsia\'s ongoing assaults', () => {
      const capture = relation('rel:russian-forces-claimed-capture-of-kurakhove');
      expect(capture).toMatchObject({
        type: 'CLAIMED_CAPTURE_OF',
        to: 'settlement:kurakhove',
        status: 'CLAIMED',
        claimedBy: 'org:russian-defense-ministry',
        date: '2025-01-06',
      });
      const control = relation('rel:russian-forces-control-most-of-kurakhove');
      expect(control).toMatchObject({ type: 'CONTROLS', to: 'settlement:kurakhove', status: 'REPORTED', claimedBy: 'org:deepstate' });
      expect(control.qualifiers.extent).toBe('most of');
      const assaults = relation('rel:russian-forces-attacking-kurakhove');
      expect(assaults).toMatchObject({ type: 'ATTACKED', to: 'settlement:kurakhove', claimedBy: 'unit:khortytsia-group' });
      const onKurakhove = seed().relations.filter((r) => r.to === 'settlement:kurakhove' && r.type !== 'LOCATED_IN');
      expect(onKurakhove.some((r) => r.status === 'CONFIRMED')).toBe(false);
    });

    it("marks Blinken's North Korean casualty figure as unverified and attaches Reuters' caveat", () => {
      const losses = relation('rel:north-korean-troops-losses-in-kursk-region');
      expect(losses).toMatchObject({
        type: 'SUFFERED_LOSSES_IN',
        from: 'unit:north-korean-troops',
        to: 'region:kursk',
        status: 'UNVERIFIED',
        claimedBy: 'person:antony-blinken',
      });
      expect(losses.qualifiers).toMatchObject({ casualtyCount: 1000, approximation: 'MORE_THAN' });
      expect(losses.statementIds).toContain('stmt:reuters-cannot-verify-casualties');
      expect(statement('stmt:blinken-north-korean-casualties').status).toBe('UNVERIFIED');
    });

    it("gives the North Korean deployment as an approximate, claimed 11,000 and shows Russia's silence on it", () => {
      const deployed = relation('rel:north-korean-troops-deployed-to-kursk-region');
      expect(deployed).toMatchObject({ type: 'DEPLOYED_TO', status: 'CLAIMED', claimedBy: 'country:ukraine' });
      expect(deployed.qualifiers).toMatchObject({ troopCount: 11000, approximation: 'APPROXIMATE' });
      expect(deployed.qualifiers.note).toMatch(/Western/);
      expect(deployed.qualifiers.note).toMatch(/neither confirmed nor denied/);
      expect(deployed.statementIds).toContain('stmt:russia-silent-on-north-korean-troops');
    });

    it('never marks a relation CONFIRMED when it is attributed to a claimant', () => {
      const flattened = seed().relations.filter((r) => r.claimedBy !== null && r.status === 'CONFIRMED');
      expect(flattened.map((r) => r.id)).toEqual([]);
    });

    it('names the article as the source of every relation and every statement', () => {
      const elsewhere = [...seed().relations, ...seed().statements].filter((r) => r.sourceId !== SOURCE_ID);
      expect(elsewhere.map((r) => r.id)).toEqual([]);
    });

    it('leaves no entity unconnected to a relation or a statement', () => {
      const used = new Set<string>();
      for (const r of seed().relations) [r.from, r.to, r.claimedBy].forEach((id) => id && used.add(id));
      for (const s of seed().statements) [s.speakerId, s.reportedViaId, ...s.aboutIds].forEach((id) => id && used.add(id));
      expect(seed().entities.map((e) => e.id).filter((id) => !used.has(id))).toEqual([]);
    });

    it('gives every entity a description', () => {
      expect(seed().entities.filter((e) => !e.description).map((e) => e.id)).toEqual([]);
    });

    it("dates everything on the article's Sunday (2025-01-05) or Monday (2025-01-06)", () => {
      const dates = [...seed().relations, ...seed().statements].map((r) => r.date).filter((d) => d !== null);
      expect(dates.length).toBeGreaterThan(0);
      expect(new Set(dates)).toEqual(new Set(['2025-01-05', '2025-01-06']));
    });

    it('stores quotes without the quotation marks around them', () => {
      const wrapped = seed().statements.filter((s) => s.kind === 'QUOTE' && /^["'\u201C\u2018]|["'\u201D\u2019]$/.test(s.text));
      expect(wrapped.map((s) => s.id)).toEqual([]);
    });

    const articleMissing = !existsSync(ARTICLE_FILE);
    const skipped = articleMissing ? ` (skipped: the article is not at ${ARTICLE_FILE})` : '';

    it.skipIf(articleMissing)(`finds every quote word for word in the article${skipped}`, () => {
      const article = normalizeText(readFileSync(ARTICLE_FILE, 'utf8'));
      const quotes = seed().statements.filter((s) => s.kind === 'QUOTE');
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.filter((q) => !article.includes(normalizeText(q.text))).map((q) => q.id)).toEqual([]);
    });

    it.skipIf(articleMissing)(`finds every relation's "wording" word for word in the article${skipped}`, () => {
      const article = normalizeText(readFileSync(ARTICLE_FILE, 'utf8'));
      const worded = seed().relations.filter((r) => r.qualifiers.wording !== undefined);
      expect(worded.length).toBeGreaterThan(0);
      expect(worded.filter((r) => !article.includes(normalizeText(r.qualifiers.wording ?? ''))).map((r) => r.id)).toEqual([]);
    });
  });
});
