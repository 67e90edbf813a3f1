/**
 * Review: what reading an article proposes, kept as a changeset an editor reviews item by item
 * (schema: `Changeset`, `ProposedItem`), and the provenance accepted records keep (schema:
 * `Provenance`). Pure: the review service (src/writes/review-service.ts) reads and writes these as
 * the port's documents.
 */
import type { Changeset as Reading, ProposalEvidence, RecordSection } from './changeset.js';
import { newChangeId } from './changes.js';
import { badInput } from './errors.js';

export const CHANGESET_STATUSES = ['PENDING', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED'] as const;
export type ChangesetStatus = (typeof CHANGESET_STATUSES)[number];

/** Which kind of record an item proposes; an entity of kind EVENT is an EVENT item. */
export const ITEM_SECTIONS = ['SOURCE', 'ENTITY', 'RELATION', 'STATEMENT', 'EVENT'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];

export const ITEM_DECISIONS = ['PENDING', 'ACCEPTED', 'REJECTED', 'EDITED'] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];

/**
 * The longest article `proposeFromText` reads, in characters. Reading runs on a thread of its own,
 * one article at a time: the seed article (5,045 characters) takes about 45 ms warm, 20,000
 * characters about 360 ms on a busy two-core machine, so a longer text would hold the articles
 * queued behind it for too long.
 */
export const MAX_ARTICLE_LENGTH = 20_000;

/** One place in the article an item comes from. */
export interface ItemEvidence {
  /** The words, `text.slice(start, end)` of the changeset's article. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The sentence that holds them. */
  readonly sentence: string;
  /** 0..1: how sure the reader is. */
  readonly confidence: number;
  /** Why the reader proposes it, in words. */
  readonly reason: string | null;
}

/** A record in the dataset file form (`data/dataset.schema.json`). */
export type FileRecord = Record<string, unknown>;

export interface ProposedItem {
  /** Unique within its changeset: `item-1`, `item-2`, … */
  readonly id: string;
  readonly section: ItemSection;
  /** The id the record has, or will have once accepted. */
  readonly recordId: string;
  /**
   * The proposed record in the file form; for an item matched to a stored record, null until an
   * editor edits it (accepting it then adds provenance only, the stored record staying as it is).
   */
  readonly record: FileRecord | null;
  /** The stored record the article names again; null for a new record. */
  readonly existingId: string | null;
  readonly evidence: readonly ItemEvidence[];
  readonly decision: ItemDecision;
}

/** The body of a StoredDocument of kind 'changeset'. */
export interface ChangesetDocument {
  /** `changeset:` and a time-ordered id. */
  readonly id: string;
  /** The source the article is (proposed as an item, or one the graph holds). */
  readonly sourceId: string;
  /** The article as read: the evidence offsets are into it. */
  readonly text: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly items: readonly ProposedItem[];
  /** Set when the changeset was rejected. */
  readonly rejected: { readonly at: string; readonly by: string; readonly reason: string | null } | null;
}

/** One entry of an 'evidence' document: where an accepted record's words are. */
export interface ProvenanceEntry {
  readonly changesetId: string;
  readonly sourceId: string;
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

const SECTION_OF: Readonly<Record<RecordSection, ItemSection>> = {
  sources: 'SOURCE',
  entities: 'ENTITY',
  relations: 'RELATION',
  statements: 'STATEMENT',
};

/** The items of a reading: each proposed record (new), then each record the graph holds already. */
export function itemsOf(reading: Reading): ProposedItem[] {
  const items: ProposedItem[] = [];
  const add = (section: ItemSection, recordId: string, record: FileRecord | null, evidence: ProposalEvidence) =>
    items.push({
      id: `item-${items.length + 1}`,
      section,
      recordId,
      record,
      existingId: record === null ? recordId : null,
      evidence: evidence.spans.map((s) => ({
        text: s.text,
        start: s.start,
        end: s.end,
        sentence: s.sentence,
        confidence: evidence.confidence,
        reason: evidence.reason,
      })),
      decision: 'PENDING',
    });
  const sectionOf = (section: RecordSection, record: FileRecord | null, id: string): ItemSection =>
    section === 'entities' && (record?.kind === 'EVENT' || (record === null && id.startsWith('event:'))) ? 'EVENT' : SECTION_OF[section];
  for (const section of ['sources', 'entities', 'statements', 'relations'] as const) {
    for (const record of reading.proposed[section]) {
      const id = String(record.id);
      add(sectionOf(section, record, id), id, record, reading.evidence[id]!);
    }
  }
  for (const e of reading.existing) add(sectionOf(e.section, null, e.id), e.id, null, e.evidence);
  return items;
}

/**
 * The status, from the items' decisions: REJECTED when rejected with nothing accepted, ACCEPTED
 * when every item is, PARTLY_ACCEPTED when some are, PENDING otherwise.
 */
export function changesetStatus(changeset: Pick<ChangesetDocument, 'items' | 'rejected'>): ChangesetStatus {
  const accepted = changeset.items.filter((i) => i.decision === 'ACCEPTED').length;
  if (accepted === 0) return changeset.rejected ? 'REJECTED' : 'PENDING';
  return accepted === changeset.items.length ? 'ACCEPTED' : 'PARTLY_ACCEPTED';
}

/** Whether an item is still to be decided (an edited item is). */
export const isOpen = (item: ProposedItem): boolean => item.decision === 'PENDING' || item.decision === 'EDITED';

/** Every id a file-form record refers to: ends, speaker, subjects, sources, claimants, statements. */
export function idsReferredToBy(record: FileRecord): string[] {
  const ids: unknown[] = [record.from, record.to, record.speakerId, record.reportedViaId, record.sourceId];
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  ids.push(...list(record.aboutIds), ...list(record.statementIds));
  const event = record.event as FileRecord | null | undefined;
  for (const a of [...list(record.attributions), ...list(event?.attributions)] as FileRecord[]) {
    ids.push(a?.claimantId, a?.viaId, a?.statementId, a?.sourceId);
  }
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/**
 * The items to accept: `itemIds`, or every open item when null. Refuses (BAD_USER_INPUT, every
 * problem listed) unknown items, items decided already, a rejected changeset, and an item that
 * needs a new record of the changeset which is neither accepted already nor accepted with it.
 */
export function itemsToAccept(changeset: ChangesetDocument, itemIds: readonly string[] | null): ProposedItem[] {
  if (changeset.rejected) throw badInput(`The changeset "${changeset.id}" was rejected; it can no longer be accepted.`, { argument: 'id' });
  const byId = new Map(changeset.items.map((i) => [i.id, i]));
  const problems: string[] = [];
  const chosen: ProposedItem[] = [];
  for (const id of itemIds ?? changeset.items.filter(isOpen).map((i) => i.id)) {
    const item = byId.get(id);
    if (!item) problems.push(`The changeset has no item "${id}".`);
    else if (!isOpen(item)) problems.push(`Item "${id}" (${item.recordId}) is ${item.decision.toLowerCase()} already.`);
    else if (!chosen.includes(item)) chosen.push(item);
  }
  if (chosen.length === 0 && problems.length === 0) problems.push(`The changeset "${changeset.id}" has no item left to accept.`);
  // A new record may be referred to only once it is accepted, or accepted together with what refers to it.
  const newItemByRecord = new Map(changeset.items.filter((i) => i.existingId === null).map((i) => [i.recordId, i]));
  const accepting = new Set(chosen.map((i) => i.recordId));
  for (const item of chosen) {
    if (item.record === null) continue;
    for (const id of idsReferredToBy(item.record)) {
      const needed = newItemByRecord.get(id);
      if (needed && needed !== item && needed.decision !== 'ACCEPTED' && !accepting.has(id)) {
        problems.push(
          `Item "${item.id}" (${item.recordId}) needs item "${needed.id}" (${needed.recordId}), which is not accepted; accept both or edit "${item.id}".`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw badInput(`Nothing was accepted: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${problems.join(' ')}`, {
      argument: 'itemIds',
      problems,
    });
  }
  return chosen;
}

/** The section of the file form an item's record belongs in. */
export function fileSectionOf(section: ItemSection): RecordSection {
  switch (section) {
    case 'SOURCE':
      return 'sources';
    case 'ENTITY':
    case 'EVENT':
      return 'entities';
    case 'RELATION':
      return 'relations';
    case 'STATEMENT':
      return 'statements';
  }
}

/**
 * An edited record as JSON text, checked for shape: an object of the item's section with the
 * item's record id (other records of the changeset refer to it by that id). The dataset's rules are
 * checked by the caller, beside the records it refers to.
 */
export function parseEditedRecord(item: ProposedItem, json: string): FileRecord {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (error) {
    throw badInput(`The record is not JSON: ${(error as Error).message}`, { argument: 'record', problems: [`The record is not JSON.`] });
  }
  const problems: string[] = [];
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    problems.push('The record must be a JSON object in the dataset file form.');
  } else {
    const r = record as FileRecord;
    if (r.id !== item.recordId) problems.push(`The record's "id" must stay "${item.recordId}" (was ${JSON.stringify(r.id)}).`);
    if (item.section === 'EVENT' && r.kind !== 'EVENT') problems.push(`Item "${item.id}" is an EVENT: its record's "kind" must be EVENT.`);
    if (item.section === 'ENTITY' && r.kind === 'EVENT') problems.push(`Item "${item.id}" is an ENTITY: its record's "kind" cannot become EVENT.`);
  }
  if (problems.length > 0) throw badInput(`The edit was refused: ${problems.join(' ')}`, { argument: 'record', problems });
  return record as FileRecord;
}

/**
 * A new changeset id, `changeset:` and the suffix of a new change id (time to the ms, a counter,
 * a random part): ids sort as the changesets were made, within one millisecond too.
 */
export function newChangesetId(now: Date): string {
  return `changeset:${newChangeId(now).id.slice('change:'.length)}`;
}
