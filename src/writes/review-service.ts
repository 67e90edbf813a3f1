/**
 * Review: an article read into a changeset (a 'changeset' document), edited and accepted item by
 * item or rejected. Accepting writes the chosen records, the changeset's new state and every
 * accepted record's provenance (an 'evidence' document per record) in one commit through the write
 * service, so an acceptance is all-or-nothing and recorded in the history like any write.
 */
import {
  PLACE_KINDS,
  badInput,
  notFound,
  requireRole,
  type Dataset,
  type RelationRecord,
  type SourceFile,
  type Viewer,
} from '../domain/index.js';
import {
  MAX_ARTICLE_LENGTH,
  changesetStatus,
  fileSectionOf,
  isOpen,
  itemsOf,
  itemsToAccept,
  newChangesetId,
  parseEditedRecord,
  idsReferredToBy,
  type ChangesetDocument,
  type FileRecord,
  type ProposedItem,
  type ProvenanceEntry,
} from '../domain/review.js';
import { RELATION_TYPES_READ } from '../extract/relation-types-read.js';
import { readArticleOffThread } from '../extract/reader-thread.js';
import type { ChangeRecord, GraphStore, ReadOptions, StoredDocument } from '../store/graph-store.js';
import type { FileRecords, WriteOptions, WriteService } from './write-service.js';

/** What `proposeFromText` is given: the article and the document it is. */
export interface ArticleInput {
  readonly text: string;
  readonly source: Omit<SourceFile, 'id' | 'kind'>;
}

export class ReviewService {
  constructor(
    private readonly store: GraphStore,
    private readonly writes: WriteService,
    private readonly read: ReadOptions = {},
  ) {}

  /** Schema: `Query.changeset`. Editors only: a changeset holds unreviewed text. */
  async changeset(viewer: Viewer, id: string): Promise<ChangesetDocument | null> {
    requireRole(viewer, 'editor', 'read a changeset');
    const [document] = await this.store.documents('changeset', [id], this.read);
    return document ? (document.body as ChangesetDocument) : null;
  }

  /** Schema: `Query.changesets`: every changeset, newest first (ids are time-ordered). */
  async changesets(viewer: Viewer): Promise<ChangesetDocument[]> {
    requireRole(viewer, 'editor', 'read changesets');
    const documents = await this.store.documents('changeset', null, this.read);
    return documents.flatMap((d) => (d ? [d.body as ChangesetDocument] : [])).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * Schema: `Mutation.proposeFromText`: reads the article against the graph's names, statements,
   * events and sources and stores what it proposes as a PENDING changeset. The reading runs before
   * the write lock is taken, so other writes do not wait for it.
   */
  async proposeFromText(viewer: Viewer, input: ArticleInput, options: WriteOptions = {}): Promise<ChangesetDocument> {
    requireRole(viewer, 'editor', 'propose from a text');
    const text = input.text;
    if (text.trim().length === 0) throw badInput('The text is empty; give the article to read.', { argument: 'input.text' });
    if (text.length > MAX_ARTICLE_LENGTH) {
      throw badInput(
        `The text is ${text.length} characters long; at most ${MAX_ARTICLE_LENGTH} are read at once. Split the article, or propose its parts one by one.`,
        { argument: 'input.text', length: text.length, limit: MAX_ARTICLE_LENGTH },
      );
    }
    const graph = await this.graphForReading();
    const reading = await readArticleOffThread(text, graph, {
      title: input.source.title,
      ...(input.source.publisher ? { publisher: input.source.publisher } : {}),
      ...(input.source.published ? { published: input.source.published } : {}),
      ...(input.source.url ? { url: input.source.url } : {}),
    }, this.read.signal);
    const now = new Date();
    const document: ChangesetDocument = {
      id: newChangesetId(now),
      sourceId: reading.sourceId,
      text,
      createdAt: now.toISOString(),
      createdBy: viewer.subject,
      items: itemsOf(reading),
      rejected: null,
    };
    return this.writes.commit(viewer, {
      operation: 'proposeFromText',
      args: input,
      role: 'editor',
      what: 'propose from a text',
      idempotencyKey: options.idempotencyKey,
      plan: async () => ({ documents: { put: [changesetDocument(document)] }, recordIds: [document.id], answer: () => document }),
      replay: (change) => this.changesetAgain(change),
    });
  }

  /**
   * Schema: `Mutation.editProposedItem`: the item's record replaced by the editor's, checked with
   * the dataset's rules beside the records it refers to, the changeset's other proposals among them.
   */
  async editProposedItem(viewer: Viewer, changesetId: string, itemId: string, json: string, options: WriteOptions = {}): Promise<ProposedItem> {
    requireRole(viewer, 'editor', 'edit a proposed item');
    return this.writes.commit(viewer, {
      operation: 'editProposedItem',
      args: { changesetId, itemId, record: json },
      role: 'editor',
      what: 'edit a proposed item',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const changeset = await this.mustFind(changesetId, 'changesetId');
        const item = changeset.items.find((i) => i.id === itemId);
        if (!item) throw notFound(`The changeset "${changesetId}" has no item "${itemId}".`, { argument: 'itemId' });
        if (changeset.rejected) throw badInput(`The changeset "${changesetId}" was rejected; its items can no longer be edited.`, { argument: 'changesetId' });
        if (!isOpen(item)) throw badInput(`Item "${itemId}" is ${item.decision.toLowerCase()} already; only open items can be edited.`, { argument: 'itemId' });
        const record = parseEditedRecord(item, json);
        // The proposals it refers to are checked beside it, as they would be written with it.
        const proposals = this.newRecordsReferredTo(changeset, record, item);
        const { problems } = await this.writes.check(withRecord(proposals, item, record), new Set([item.recordId]));
        if (problems.length > 0) {
          throw badInput(`The edit was refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${problems.join(' ')}`, {
            argument: 'record',
            problems,
          });
        }
        const edited: ProposedItem = { ...item, record, decision: 'EDITED' };
        const next: ChangesetDocument = { ...changeset, items: changeset.items.map((i) => (i.id === itemId ? edited : i)) };
        return { documents: { put: [changesetDocument(next)] }, recordIds: [changeset.id], answer: () => edited };
      },
      replay: async (change) => {
        const changeset = await this.changesetAgain(change);
        return changeset.items.find((i) => i.id === itemId)!;
      },
    });
  }

  /**
   * Schema: `Mutation.acceptChangeset`: the chosen items written in one commit. A new record whose
   * id the graph has taken meanwhile, and every item matched to a stored record, extend the stored
   * record (provenance; an edited one replaces it) rather than adding a copy.
   */
  async acceptChangeset(viewer: Viewer, id: string, itemIds: readonly string[] | null, options: WriteOptions = {}): Promise<ChangesetDocument> {
    requireRole(viewer, 'editor', 'accept a changeset');
    return this.writes.commit(viewer, {
      operation: 'acceptChangeset',
      args: { id, itemIds },
      role: 'editor',
      what: 'accept a changeset',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const changeset = await this.mustFind(id, 'id');
        const chosen = itemsToAccept(changeset, itemIds);
        const stored = await this.storedIds(chosen.filter((i) => i.existingId === null).map((i) => i.recordId));
        const records: FileRecords = { sources: [], entities: [], relations: [], statements: [] };
        for (const item of chosen) {
          if (item.record === null) continue;
          if (item.decision !== 'EDITED' && (item.existingId !== null || stored.has(item.recordId))) continue;
          (records[fileSectionOf(item.section)] as FileRecord[]).push(item.record);
        }
        const chosenIds = new Set(chosen.map((i) => i.id));
        const accepted: ChangesetDocument = {
          ...changeset,
          items: changeset.items.map((i) => (chosenIds.has(i.id) ? { ...i, decision: 'ACCEPTED' as const } : i)),
        };
        const provenance = await this.provenanceWith(changeset, chosen);
        return {
          records,
          documents: { put: [changesetDocument(accepted), ...provenance] },
          recordIds: [changeset.id, ...chosen.map((i) => i.recordId)],
          answer: () => accepted,
        };
      },
      replay: (change) => this.changesetAgain(change),
    });
  }

  /** Schema: `Mutation.rejectChangeset`: the open items rejected; nothing more can be accepted. */
  async rejectChangeset(viewer: Viewer, id: string, reason: string | null, options: WriteOptions = {}): Promise<ChangesetDocument> {
    requireRole(viewer, 'editor', 'reject a changeset');
    return this.writes.commit(viewer, {
      operation: 'rejectChangeset',
      args: { id, reason },
      role: 'editor',
      what: 'reject a changeset',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const changeset = await this.mustFind(id, 'id');
        if (changeset.rejected) throw badInput(`The changeset "${id}" was rejected already.`, { argument: 'id' });
        if (!changeset.items.some(isOpen)) {
          throw badInput(`The changeset "${id}" has no open item left to reject (it is ${changesetStatus(changeset)}).`, { argument: 'id' });
        }
        const rejected: ChangesetDocument = {
          ...changeset,
          items: changeset.items.map((i) => (isOpen(i) ? { ...i, decision: 'REJECTED' as const } : i)),
          rejected: { at: new Date().toISOString(), by: viewer.subject, reason },
        };
        return { documents: { put: [changesetDocument(rejected)] }, recordIds: [changeset.id], answer: () => rejected };
      },
      replay: (change) => this.changesetAgain(change),
    });
  }

  /** A request sent again with its idempotency key: the changeset it wrote, as it is now. */
  private changesetAgain(change: ChangeRecord): Promise<ChangesetDocument> {
    return this.mustFind(change.recordIds[0]!, 'idempotencyKey');
  }

  /** The stored records with these ids, whatever their section. */
  private async stored(ids: readonly string[]): Promise<Dataset> {
    const [entities, relations, statements, sources] = await Promise.all([
      this.store.entitiesByIds(ids, this.read),
      this.store.relationsByIds(ids, this.read),
      this.store.statementsByIds(ids, this.read),
      this.store.sourcesByIds(ids, this.read),
    ]);
    const some = <T>(list: (T | null)[]) => list.filter((r): r is T => r !== null);
    return { entities: some(entities), relations: some(relations), statements: some(statements), sources: some(sources) };
  }

  private async mustFind(id: string, argument: string): Promise<ChangesetDocument> {
    const [document] = await this.store.documents('changeset', [id], this.read);
    if (!document) throw notFound(`No changeset has the id "${id}".`, { argument });
    return document.body as ChangesetDocument;
  }

  /**
   * What the reader needs of the graph, without exporting it: every entity (the gazetteer and the
   * events), source and statement, and the relations of the types the reader proposes and matches
   * (those of events and places).
   */
  private async graphForReading(): Promise<Dataset> {
    const [entities, sources, statements] = await Promise.all([
      this.store.listEntities(null, this.read),
      this.store.listSources(this.read),
      this.store.findStatements({ speakerId: null, aboutId: null }, this.read),
    ]);
    const ends = entities.filter((e) => e.event !== null || (PLACE_KINDS as readonly string[]).includes(e.kind)).map((e) => e.id);
    const views = await this.store.relationsOf(ends, { filter: { types: [...RELATION_TYPES_READ] }, direction: 'BOTH' }, this.read);
    const relations = new Map<string, RelationRecord>();
    for (const view of views.flat()) relations.set(view.relation.id, view.relation);
    return { entities, sources, statements, relations: [...relations.values()] };
  }

  /** The ids among these that the graph holds. */
  private async storedIds(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.stored(ids);
    return new Set([...found.entities, ...found.relations, ...found.statements, ...found.sources].map((r) => r.id));
  }

  /** The open or accepted new records of the changeset that `record` refers to, by section. */
  private newRecordsReferredTo(changeset: ChangesetDocument, record: FileRecord, item: ProposedItem): FileRecords {
    const records: FileRecords = { sources: [], entities: [], relations: [], statements: [] };
    const wanted = new Set(idsReferredToBy(record));
    for (const other of changeset.items) {
      if (other === item || other.existingId !== null || other.record === null || other.decision === 'REJECTED') continue;
      if (wanted.has(other.recordId)) (records[fileSectionOf(other.section)] as FileRecord[]).push(other.record);
    }
    return records;
  }

  /** Each accepted record's 'evidence' document: what it held, and this changeset's spans. */
  private async provenanceWith(changeset: ChangesetDocument, chosen: readonly ProposedItem[]): Promise<StoredDocument[]> {
    const ids = [...new Set(chosen.map((i) => i.recordId))];
    const stored = await this.store.documents('evidence', ids, this.read);
    const entries = new Map<string, ProvenanceEntry[]>(ids.map((id, n) => [id, [...((stored[n]?.body as ProvenanceEntry[] | undefined) ?? [])]]));
    for (const item of chosen) {
      const list = entries.get(item.recordId)!;
      for (const e of item.evidence) {
        const entry: ProvenanceEntry = { changesetId: changeset.id, sourceId: changeset.sourceId, sentence: e.sentence, start: e.start, end: e.end, confidence: e.confidence };
        if (!list.some((x) => x.changesetId === entry.changesetId && x.start === entry.start && x.end === entry.end)) list.push(entry);
      }
    }
    return ids.map((id) => ({ kind: 'evidence' as const, id, body: entries.get(id)! }));
  }
}

const changesetDocument = (body: ChangesetDocument): StoredDocument => ({ kind: 'changeset', id: body.id, body });

function withRecord(records: FileRecords, item: ProposedItem, record: FileRecord): FileRecords {
  const section = fileSectionOf(item.section);
  return { ...records, [section]: [...(records[section] as FileRecord[]), record] };
}
