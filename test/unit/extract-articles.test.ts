import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergeChangeset, validateChangeset, type Changeset } from '../../src/domain/changeset.js';
import { parseDataset } from '../../src/domain/dataset-validator.js';
import type { Dataset } from '../../src/domain/model.js';
import { evaluate, namesOnly } from '../../src/extract/evaluate.js';
import { readArticle } from '../../src/extract/extract.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const seed = parseDataset(JSON.parse(readFileSync(here('../../data/seed.json'), 'utf8')));
const article = (name: string) => readFileSync(here(`../fixtures/articles/${name}.txt`), 'utf8');
const seedArticle = readFileSync(here('../../data/seed-article.txt'), 'utf8');

function read(text: string, graph: Dataset, published = '2025-02-04') {
  const result = readArticle(text, graph, { title: 'A test article', publisher: 'Test Wire', published });
  expect(validateChangeset(result.changeset, graph, text)).toEqual([]);
  return result;
}
const proposedEntity = (c: Changeset, name: string) => c.proposed.entities.find((e) => e.name === name);
const linked = (c: Changeset) => c.existing.filter((e) => e.section === 'entities').map((e) => e.id);

describe('reading an article the graph has not seen', () => {
  const text = article('kharkiv-other-wordings');
  const { changeset, reading } = read(text, seed);

  it('links the names the graph knows and proposes the others with a kind and a reason', () => {
    expect(linked(changeset)).toEqual(expect.arrayContaining(['country:ukraine', 'country:russia', 'unit:russian-armed-forces', 'org:reuters']));
    const colonel = proposedEntity(changeset, 'Oleh Marchenko');
    expect(colonel).toMatchObject({ kind: 'PERSON', id: 'person:oleh-marchenko' });
    expect(changeset.evidence['person:oleh-marchenko']!.reason).toMatch(/title/);
    expect(proposedEntity(changeset, 'Vovchansk')).toMatchObject({ kind: 'SETTLEMENT' });
    expect(proposedEntity(changeset, 'Kharkiv')).toMatchObject({ kind: 'REGION' });
  });

  it('attributes "…," said X, a … and the quote that follows it to the colonel', () => {
    const quotes = reading.speeches.filter((s) => s.kind === 'QUOTE');
    expect(quotes.map((q) => [q.text, q.speaker?.id])).toEqual([
      ['The enemy keeps sending small groups forward, and we keep stopping them', 'person:oleh-marchenko'],
      ['We need more shells.', 'person:oleh-marchenko'],
    ]);
    const statements = changeset.proposed.statements.filter((s) => s.kind === 'QUOTE');
    expect(statements.every((s) => s.speakerId === 'person:oleh-marchenko')).toBe(true);
  });

  it('reads numbers with their bounds and dates against the publication day', () => {
    const numbers = reading.document.numbers.map((n) => [n.value, n.min, n.max, n.approximation, n.unit, n.measure]);
    expect(numbers).toContainEqual([5, null, null, 'APPROXIMATE', 'km', 'DISTANCE']);
    expect(numbers).toContainEqual([3, null, null, 'EXACT', 'miles', 'DISTANCE']);
    expect(numbers).toContainEqual([300, null, null, 'MORE_THAN', null, 'CASUALTIES']);
    expect(numbers).toContainEqual([null, 2000, 9999, null, null, 'TROOPS']);
    const dates = Object.fromEntries(reading.document.dates.map((d) => [d.text, d.time]));
    // 2025-02-04 is a Tuesday: "on Tuesday" is that day; "in March" the March before it.
    expect(dates['on Tuesday']).toMatchObject({ start: '2025-02-04', end: null });
    expect(dates['in March']).toMatchObject({ start: '2024-03', end: null });
    expect(dates['Over the past three months']).toMatchObject({ start: '2024-11', end: '2025-02-04' });
  });

  it('proposes events with roles, places and who says so, "could not verify" included', () => {
    const events = changeset.proposed.entities.filter((e) => e.kind === 'EVENT') as unknown as Dataset['entities'];
    const repulse = events.find((e) => e.event!.type === 'REPULSE')!;
    expect(repulse).toBeDefined();
    expect(changeset.proposed.relations).toContainEqual(
      expect.objectContaining({ type: 'TOOK_PLACE_IN', from: repulse.id, to: 'settlement:vovchansk', qualifiers: { wording: 'near the town of Vovchansk' } }),
    );
    expect(repulse.event!.attributions[0]).toMatchObject({ claimantId: 'country:ukraine', saidOn: '2025-02-04', stance: 'ASSERTS' });
    const capture = events.find((e) => e.event!.type === 'CAPTURE')!;
    expect(capture.event!.attributions.map((a) => a.stance)).toEqual(['ASSERTS', 'CANNOT_VERIFY']);
    expect(capture.event!.attributions[1]!.claimantId).toBe('org:reuters');
    const casualties = events.find((e) => e.event!.type === 'CASUALTIES')!;
    expect(casualties.event!.quantities[0]).toMatchObject({ measure: 'CASUALTIES', value: 300, approximation: 'MORE_THAN' });
  });

  it('gives every proposal its words, their offsets and a confidence', () => {
    for (const [id, evidence] of Object.entries(changeset.evidence)) {
      expect(evidence.spans.length, id).toBeGreaterThan(0);
      for (const span of evidence.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
      expect(evidence.confidence).toBeGreaterThan(0);
      expect(evidence.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('articles of other shapes', () => {
  it('proposes no statement for an article without quotes, and still its numbers and dates', () => {
    const { changeset, reading } = read(article('no-quotes'), seed);
    expect(reading.speeches.filter((s) => s.kind === 'QUOTE')).toEqual([]);
    expect(changeset.proposed.statements.filter((s) => s.kind === 'QUOTE')).toEqual([]);
    expect(linked(changeset)).toEqual(expect.arrayContaining(['settlement:kurakhove', 'org:deepstate']));
    expect(reading.document.numbers.map((n) => [n.value, n.approximation])).toContainEqual([2500, 'APPROXIMATE']);
    expect(reading.document.dates.map((d) => [d.text, d.time.start])).toContainEqual(['on Friday', '2025-01-31']);
  });

  it('links a Cyrillic name and gives a quote without a named speaker to an unnamed official', () => {
    const { changeset, reading } = read(article('unnamed-speaker-cyrillic'), seed);
    expect(linked(changeset)).toContain('person:apti-alaudinov');
    const quotes = reading.speeches.filter((s) => s.kind === 'QUOTE');
    expect(quotes).toHaveLength(2);
    expect(new Set(quotes.map((q) => q.speaker?.id))).toEqual(new Set(['person:senior-military-official']));
    expect(proposedEntity(changeset, 'Unnamed senior military official')).toMatchObject({ kind: 'PERSON' });
  });

  it('links a spelling in the other alphabet through the graph’s transliterations', () => {
    const graph = parseDataset({
      sources: [],
      entities: [{ id: 'settlement:vuhledar', kind: 'SETTLEMENT', name: 'Вугледар', aliases: [] }],
      relations: [],
      statements: [],
    });
    const { changeset } = read('Russian forces entered Vuhledar on Wednesday, officials said.', graph);
    expect(linked(changeset)).toContain('settlement:vuhledar');
    expect(changeset.proposed.entities.find((e) => e.name === 'Vuhledar')).toBeUndefined();
  });
});

describe('reading again', () => {
  it('proposes nothing new once the graph holds what an article said', () => {
    for (const [text, graph] of [
      [article('kharkiv-other-wordings'), seed],
      [seedArticle, namesOnly(seed)],
    ] as const) {
      const first = read(text, graph).changeset;
      expect(first.proposed.statements.length).toBeGreaterThan(0);
      const grown = mergeChangeset(graph, first);
      const again = read(text, grown).changeset;
      expect(again.proposed).toEqual({ sources: [], entities: [], relations: [], statements: [] });
      expect(again.existing.map((e) => e.id)).toEqual(expect.arrayContaining(first.proposed.statements.map((s) => String(s.id))));
    }
  });
});

describe('the evaluation on the seed article', () => {
  const result = evaluate(seedArticle, seed, { title: 'Seed article', published: '2025-01-06' });

  it('finds every quote with its speaker, the entities, and every number and date', () => {
    expect(result.quotes.recall).toBe(1);
    expect(result.quotes.correct).toBe(9);
    expect(result.entities.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.entities.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.numbers.recall).toBe(1);
    expect(result.dates.recall).toBe(1);
  });
});
