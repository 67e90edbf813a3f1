/**
 * The review rules on their own: the items of a reading, the status from the decisions, which
 * items an acceptance may take, and the shape an edited record must keep.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../src/domain/dataset-validator.js';
import { DomainError } from '../../src/domain/errors.js';
import {
  changesetStatus,
  itemsOf,
  itemsToAccept,
  newChangesetId,
  parseEditedRecord,
  type ChangesetDocument,
  type ProposedItem,
} from '../../src/domain/review.js';
import { readArticle } from '../../src/extract/extract.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const seed = parseDataset(JSON.parse(readFileSync(here('../../data/seed.json'), 'utf8')));
const text = readFileSync(here('../fixtures/articles/kharkiv-other-wordings.txt'), 'utf8');
const { changeset: reading } = readArticle(text, seed, { title: 'A test article', published: '2025-02-04' });
const items = itemsOf(reading);
const changeset: ChangesetDocument = {
  id: 'changeset:test',
  sourceId: reading.sourceId,
  text,
  createdAt: '2025-02-04T00:00:00.000Z',
  createdBy: 'test',
  items,
  rejected: null,
};
const byRecord = (id: string) => items.find((i) => i.recordId === id)!;
const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a refusal.');
};

describe('the items of a reading', () => {
  it('gives every proposed record one new item and every record the graph holds one matched item, ids unique', () => {
    const proposed = [...reading.proposed.sources, ...reading.proposed.entities, ...reading.proposed.relations, ...reading.proposed.statements];
    expect(items.filter((i) => i.existingId === null).map((i) => i.recordId).sort()).toEqual(proposed.map((r) => String(r.id)).sort());
    expect(items.filter((i) => i.existingId !== null).map((i) => i.recordId).sort()).toEqual(reading.existing.map((e) => e.id).sort());
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(byRecord('event:capture-lyptsi').section).toBe('EVENT');
    expect(byRecord('person:oleh-marchenko').section).toBe('ENTITY');
    for (const item of items) for (const e of item.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('the status of a changeset', () => {
  const decide = (decision: ProposedItem['decision'], count: number) =>
    items.map((i, n) => (n < count ? { ...i, decision } : i));
  it('is PENDING, PARTLY_ACCEPTED, ACCEPTED or REJECTED from the decisions', () => {
    expect(changesetStatus(changeset)).toBe('PENDING');
    expect(changesetStatus({ items: decide('EDITED', 2), rejected: null })).toBe('PENDING');
    expect(changesetStatus({ items: decide('ACCEPTED', 2), rejected: null })).toBe('PARTLY_ACCEPTED');
    expect(changesetStatus({ items: decide('ACCEPTED', items.length), rejected: null })).toBe('ACCEPTED');
    const rejected = { at: 'x', by: 'y', reason: null };
    expect(changesetStatus({ items: decide('REJECTED', items.length), rejected })).toBe('REJECTED');
    expect(changesetStatus({ items: decide('ACCEPTED', 1), rejected })).toBe('PARTLY_ACCEPTED');
  });
});

describe('what an acceptance may take', () => {
  it('takes every open item when none are named', () => {
    expect(itemsToAccept(changeset, null)).toHaveLength(items.length);
  });

  it('refuses an item whose new record needs another that is not accepted, naming both', () => {
    const quote = items.find((i) => i.section === 'STATEMENT' && i.record?.speakerId === 'person:oleh-marchenko')!;
    const colonel = byRecord('person:oleh-marchenko');
    const source = byRecord(reading.sourceId);
    const error = refusal(() => itemsToAccept(changeset, [quote.id, source.id]));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details.problems).toEqual([
      `Item "${quote.id}" (${quote.recordId}) needs item "${colonel.id}" (person:oleh-marchenko), which is not accepted; accept both or edit "${quote.id}".`,
    ]);
    expect(itemsToAccept(changeset, [quote.id, source.id, colonel.id]).map((i) => i.id)).toEqual([quote.id, source.id, colonel.id]);
    // Once the speaker and the source are accepted, the quote may follow alone.
    const later = { ...changeset, items: items.map((i) => (i === colonel || i === source ? { ...i, decision: 'ACCEPTED' as const } : i)) };
    expect(itemsToAccept(later, [quote.id])).toEqual([quote]);
  });

  it('refuses unknown items, decided items and a rejected changeset', () => {
    expect(refusal(() => itemsToAccept(changeset, ['item-999'])).message).toContain('no item "item-999"');
    const decided = { ...changeset, items: items.map((i, n) => (n === 0 ? { ...i, decision: 'REJECTED' as const } : i)) };
    expect(refusal(() => itemsToAccept(decided, [items[0]!.id])).message).toContain('rejected already');
    const rejected = { ...changeset, rejected: { at: 'x', by: 'y', reason: null } };
    expect(refusal(() => itemsToAccept(rejected, null)).message).toContain('was rejected');
  });
});

describe('an edited record', () => {
  const colonel = byRecord('person:oleh-marchenko');
  it('keeps its id and its section, and must be a JSON object', () => {
    expect(parseEditedRecord(colonel, JSON.stringify({ ...colonel.record, name: 'Col. Oleh Marchenko' }))).toMatchObject({ name: 'Col. Oleh Marchenko' });
    expect(refusal(() => parseEditedRecord(colonel, '[1]')).details.problems).toEqual(['The record must be a JSON object in the dataset file form.']);
    expect(refusal(() => parseEditedRecord(colonel, '{')).details.argument).toBe('record');
    expect(refusal(() => parseEditedRecord(colonel, JSON.stringify({ ...colonel.record, kind: 'EVENT' }))).message).toContain('cannot become EVENT');
    expect(refusal(() => parseEditedRecord(colonel, JSON.stringify({ ...colonel.record, id: 'person:other' }))).message).toContain('must stay');
  });
});

describe('changeset ids', () => {
  it('sort as they were made, within one millisecond too', () => {
    const now = new Date();
    const ids = Array.from({ length: 5 }, () => newChangesetId(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
  });
});
