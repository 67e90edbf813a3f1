/**
 * The embedded store's journal: the change records and side documents, and the port's reads of
 * them (a record's changes, a change by idempotency key, documents). A store with a data file
 * reads them from it (FileJournal: index lookups, nothing held in memory, nothing read at start);
 * a store in memory only keeps them here (Journal). Either is told a write only after it is
 * durable.
 */
import { compareText, idempotencyKeyTaken } from '../../domain/index.js';
import type { ChangeRecord, GraphWrite, Page, PageQuery, StoredDocument } from '../graph-store.js';
import type { GraphDataFile } from './data-file.js';
import { pageOf, type SortKey } from './pages.js';

type DocumentKind = StoredDocument['kind'];

export interface ChangeJournal {
  /** Throws when the write's change could not be recorded (its id or idempotency key is taken), before anything is written. */
  checkNew(change: ChangeRecord): void;
  /** Takes in a committed write's change and documents. */
  apply(write: GraphWrite): void;
  changesOf(recordId: string, page: PageQuery): Page<ChangeRecord>;
  changeByIdempotencyKey(key: string): ChangeRecord | null;
  documentsOf(kind: DocumentKind, ids: readonly string[] | null): (StoredDocument | null)[];
}

/** The journal of a store with a data file, read from the file; the write's own transaction wrote it there. */
export class FileJournal implements ChangeJournal {
  constructor(private readonly file: GraphDataFile) {}

  checkNew(change: ChangeRecord): void {
    if (this.file.hasChange(change.id)) throw new Error(`A change with the id "${change.id}" is recorded already.`);
    if (change.idempotencyKey !== null && this.file.hasIdempotencyKey(change.idempotencyKey)) {
      throw idempotencyKeyTaken(change.idempotencyKey);
    }
  }

  apply(): void {}

  changesOf(recordId: string, page: PageQuery): Page<ChangeRecord> {
    return pageOf('changes', this.file.changesOfRecord(recordId), changeKey, newestKeyFirst, ['string'], page);
  }

  changeByIdempotencyKey(key: string): ChangeRecord | null {
    return this.file.changeByIdempotencyKey(key);
  }

  documentsOf(kind: DocumentKind, ids: readonly string[] | null): (StoredDocument | null)[] {
    return this.file.documentsOf(kind, ids);
  }
}

/** The journal of a store in memory only. */
export class Journal implements ChangeJournal {
  private readonly changes = new Map<string, ChangeRecord>();
  /** Record id → the ids of its changes, oldest first. */
  private readonly byRecord = new Map<string, string[]>();
  private readonly byKey = new Map<string, ChangeRecord>();
  private readonly documents = new Map<DocumentKind, Map<string, StoredDocument>>();

  checkNew(change: ChangeRecord): void {
    if (this.changes.has(change.id)) throw new Error(`A change with the id "${change.id}" is recorded already.`);
    if (change.idempotencyKey !== null && this.byKey.has(change.idempotencyKey)) {
      throw idempotencyKeyTaken(change.idempotencyKey);
    }
  }

  apply(write: GraphWrite): void {
    this.addChange(write.change);
    this.putDocuments(write.documents?.put ?? []);
    for (const { kind, id } of write.documents?.remove ?? []) this.documents.get(kind)?.delete(id);
  }

  changesOf(recordId: string, page: PageQuery): Page<ChangeRecord> {
    const ids = this.byRecord.get(recordId) ?? [];
    const newestFirst = [...ids].reverse().map((id) => this.changes.get(id)!);
    return pageOf('changes', newestFirst, changeKey, newestKeyFirst, ['string'], page);
  }

  changeByIdempotencyKey(key: string): ChangeRecord | null {
    return this.byKey.get(key) ?? null;
  }

  documentsOf(kind: DocumentKind, ids: readonly string[] | null): (StoredDocument | null)[] {
    const ofKind = this.documents.get(kind) ?? new Map<string, StoredDocument>();
    if (ids === null) return [...ofKind.values()].sort((a, b) => compareText(a.id, b.id));
    return ids.map((id) => ofKind.get(id) ?? null);
  }

  private addChange(stored: ChangeRecord): void {
    // A copy as JSON would read it back, so the memory store answers as a store with a file does.
    const change = JSON.parse(JSON.stringify(stored)) as ChangeRecord;
    this.changes.set(change.id, change);
    if (change.idempotencyKey !== null) this.byKey.set(change.idempotencyKey, change);
    for (const recordId of new Set(change.recordIds)) {
      const list = this.byRecord.get(recordId);
      if (!list) this.byRecord.set(recordId, [change.id]);
      else {
        list.push(change.id);
        // Ids are made in time order, so this is rare: a change from a process whose clock ran behind.
        if (list.length > 1 && compareText(list[list.length - 2]!, change.id) > 0) list.sort(compareText);
      }
    }
  }

  private putDocuments(documents: readonly StoredDocument[]): void {
    for (const d of documents) {
      let ofKind = this.documents.get(d.kind);
      if (!ofKind) this.documents.set(d.kind, (ofKind = new Map()));
      ofKind.set(d.id, { kind: d.kind, id: d.id, body: JSON.parse(JSON.stringify(d.body ?? null)) as unknown });
    }
  }
}

const changeKey = (c: ChangeRecord): SortKey => [c.id];
const newestKeyFirst = (a: SortKey, b: SortKey) => compareText(b[0] as string, a[0] as string);
