/**
 * Entity resolution over a store: proposing duplicates, judging pairs, merging and undoing merges.
 * The domain decides (src/domain/duplicates.ts, merge.ts); this reads what it needs through the
 * port and commits what it decides through the write service's one commit path, so a merge (its
 * records, removals, the merge document and the judgement) is one all-or-nothing write.
 *
 * Who may: judging two entities DIFFERENT or UNSURE needs an editor; judging them SAME merges them,
 * and merging and un-merging need an admin.
 */
import {
  badInput,
  blockedPairs,
  checkMergeable,
  compareText,
  notFound,
  orderedPair,
  pairKey,
  planMerge,
  planUnmerge,
  namedPairs,
  pairsThatMayRank,
  rankNamedPairs,
  recordsToUndo,
  RESOLVABLE_KINDS,
  type DuplicateCandidate,
  type EntityKind,
  type EntityRecord,
  type EventDetails,
  type GraphEdit,
  type MergeRecord,
  type RelationRecord,
  type Viewer,
} from '../domain/index.js';
import { ANY_RELATION, type GraphStore, type ReadOptions, type StoredDocument } from '../store/graph-store.js';
import { Pacer } from '../store/pacer.js';
import { WriteService } from './write-service.js';

export type Verdict = 'SAME' | 'DIFFERENT' | 'UNSURE';

/** A judgement document's body (kind 'judgement', id = `pairKey` of the two ids). */
export interface Judgement {
  /** The pair in code-point order. */
  readonly aId: string;
  readonly bId: string;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly judgedBy: string;
  readonly judgedAt: string;
  /** SAME: the id that survived the merge it made. */
  readonly survivorId: string | null;
  /** SAME: when the merge it made was undone, and by whom; null while it stands. */
  readonly undone: { readonly at: string; readonly by: string } | null;
}

export interface CandidateWithJudgement extends DuplicateCandidate {
  /** An UNSURE judgement, or a SAME whose merge was undone: the pair is proposed again with it. */
  readonly judgement: Judgement | null;
}

const LINK_TYPES = { types: ['PARTICIPATED_IN', 'TOOK_PLACE_IN'] } as const;

export class ResolutionService {
  private readonly writes: WriteService;

  constructor(
    private readonly store: GraphStore,
    private readonly read: ReadOptions = {},
  ) {
    this.writes = new WriteService(store, read);
  }


  /**
   * Schema: `Query.duplicateCandidates`. The names of every entity of the kinds are read and
   * blocked; over a large graph that is seconds of work, done in slices (the Pacer) so other
   * requests keep being answered and the request stops at its deadline. Whole records are read
   * only for the pairs answered.
   */
  async duplicateCandidates(first: number, kinds: readonly EntityKind[] | null): Promise<CandidateWithJudgement[]> {
    const wanted = (kinds ?? RESOLVABLE_KINDS).filter((k) => RESOLVABLE_KINDS.includes(k));
    if (wanted.length === 0) return [];
    const pace = new Pacer(this.read);
    const pairs = await blockedPairs(await this.store.entityNames(wanted, this.read), pace);
    // All judgements at once: a few hundred at most, where the pairs may be millions.
    const judgements = new Map<string, Judgement>();
    for (const doc of await this.store.documents('judgement', null, this.read)) {
      if (doc) judgements.set(doc.id, doc.body as Judgement);
    }
    const excluded = new Set([...judgements].filter(([, j]) => j.verdict === 'DIFFERENT' || (j.verdict === 'SAME' && j.undone === null)).map(([k]) => k));
    const contenders = pairsThatMayRank(await namedPairs(pairs, excluded, pace), first);
    const ids = [...new Set(contenders.flatMap((p) => [p.a.id, p.b.id]))];
    const views = await this.store.relationsOf(ids, { filter: ANY_RELATION, direction: 'BOTH' }, this.read);
    const neighbours = new Map(ids.map((id, i) => [id, new Set(views[i]!.map((v) => v.otherId))]));
    const ranked = rankNamedPairs(contenders, neighbours, first);
    const answeredIds = [...new Set(ranked.flatMap((c) => [c.a.id, c.b.id]))];
    const records = new Map<string, EntityRecord>();
    for (const entity of await this.store.entitiesByIds(answeredIds, this.read)) if (entity) records.set(entity.id, entity);
    // A pair one of whose entities was removed since its name was read is no longer a candidate.
    return ranked.flatMap((c) => {
      const [a, b] = [records.get(c.a.id), records.get(c.b.id)];
      return a && b ? [{ ...c, a, b, judgement: judgements.get(pairKey(a.id, b.id)) ?? null }] : [];
    });
  }

  /** Schema: `Query.judgements`: the latest first. */
  async judgements(first: number): Promise<Judgement[]> {
    const docs = await this.store.documents('judgement', null, this.read);
    return docs
      .flatMap((d) => (d ? [d.body as Judgement] : []))
      .sort((x, y) => compareText(y.judgedAt, x.judgedAt) || compareText(pairKey(x.aId, x.bId), pairKey(y.aId, y.bId)))
      .slice(0, first);
  }

  /** The judgement of a pair, or null. */
  async judgementOf(aId: string, bId: string): Promise<Judgement | null> {
    const [doc] = await this.store.documents('judgement', [pairKey(aId, bId)], this.read);
    return doc ? (doc.body as Judgement) : null;
  }

  /** The merge that absorbed an id, or null (one that was undone is gone). */
  async mergeOf(absorbedId: string): Promise<MergeRecord | null> {
    const [doc] = await this.store.documents('merge', [absorbedId], this.read);
    return doc ? (doc.body as MergeRecord) : null;
  }

  /** The entity an id names now: itself, or the entity it was merged into (and so on). */
  async resolve(id: string): Promise<EntityRecord | null> {
    const seen = new Set<string>();
    for (let current = id; !seen.has(current); ) {
      seen.add(current);
      const [entity] = await this.store.entitiesByIds([current], this.read);
      if (entity) return entity;
      const merge = await this.mergeOf(current);
      if (!merge) return null;
      current = merge.survivorId;
    }
    return null;
  }

  /**
   * Schema: `Mutation.judge`. SAME merges `bId` into `aId` (admin only); DIFFERENT and UNSURE are
   * recorded (editor), and a pair judged DIFFERENT is not proposed again.
   */
  async judge(
    viewer: Viewer,
    input: { aId: string; bId: string; verdict: Verdict; reason: string },
    idempotencyKey: string | null = null,
  ): Promise<Judgement> {
    const [aId, bId] = orderedPair(input.aId, input.bId);
    const same = input.verdict === 'SAME';
    return this.writes.commit(viewer, {
      operation: 'judge',
      args: input,
      role: same ? 'admin' : 'editor',
      what: same ? 'judge two entities the same (which merges them)' : 'judge two entities',
      idempotencyKey,
      plan: async () => {
        const reason = checkReason(input.reason);
        if (aId === bId) throw badInput(`An entity is not judged against itself ("${aId}").`, { argument: 'bId' });
        const judgement: Judgement = {
          aId,
          bId,
          verdict: input.verdict,
          reason,
          judgedBy: viewer.subject,
          judgedAt: new Date().toISOString(),
          survivorId: same ? input.aId : null,
          undone: null,
        };
        const document: StoredDocument = { kind: 'judgement', id: pairKey(aId, bId), body: judgement };
        if (same) {
          const merge = await this.planMergeOf(viewer, { survivorId: input.aId, absorbedId: input.bId, reason });
          return { ...merge, documents: { put: [...merge.documents.put, document] }, answer: () => judgement };
        }
        const [a, b] = await this.store.entitiesByIds([aId, bId], this.read);
        const missing = [a ? null : `No entity has the id "${aId}".`, b ? null : `No entity has the id "${bId}".`].filter((p) => p !== null);
        if (missing.length > 0) throw notFound(missing.join(' '), { problems: missing });
        if (a!.kind !== b!.kind) {
          throw badInput(`"${aId}" is a ${a!.kind} and "${bId}" a ${b!.kind}: only entities of one kind are judged.`, { argument: 'bId' });
        }
        return { documents: { put: [document] }, recordIds: [aId, bId], answer: () => judgement };
      },
      replay: async () => {
        const judgement = await this.judgementOf(aId, bId);
        if (!judgement) throw notFound(`The judgement of "${aId}" and "${bId}" this request made is gone.`, { argument: 'idempotencyKey' });
        return judgement;
      },
    });
  }

  /** Schema: `Mutation.mergeEntities` (admin). */
  async mergeEntities(
    viewer: Viewer,
    input: { survivorId: string; absorbedId: string; reason: string },
    idempotencyKey: string | null = null,
  ): Promise<MergeRecord> {
    return this.writes.commit(viewer, {
      operation: 'mergeEntities',
      args: input,
      role: 'admin',
      what: 'merge entities',
      idempotencyKey,
      plan: async () => {
        const merge = await this.planMergeOf(viewer, { ...input, reason: checkReason(input.reason) });
        return { ...merge, answer: () => merge.record };
      },
      replay: async () => {
        const merge = await this.mergeOf(input.absorbedId);
        if (!merge) throw notFound(`The merge of "${input.absorbedId}" this request made has been undone since.`, { argument: 'idempotencyKey' });
        return merge;
      },
    });
  }

  /** Schema: `Mutation.unmergeEntity` (admin): the absorbed entity back, every moved value back where it came from. */
  async unmergeEntity(viewer: Viewer, id: string, idempotencyKey: string | null = null): Promise<EntityRecord> {
    return this.writes.commit(viewer, {
      operation: 'unmergeEntity',
      args: { id },
      role: 'admin',
      what: 'undo a merge',
      idempotencyKey,
      plan: () => this.planUnmergeOf(viewer, id),
      replay: async () => {
        const entity = await this.resolve(id);
        if (!entity) throw notFound(`The entity "${id}" this request brought back is gone.`, { argument: 'idempotencyKey' });
        return entity;
      },
    });
  }

  /** Reads what a merge moves and plans it: the records, removals and documents of one write. */
  private async planMergeOf(viewer: Viewer, input: { survivorId: string; absorbedId: string; reason: string }) {
    const [survivor, absorbed] = await this.store.entitiesByIds([input.survivorId, input.absorbedId], this.read);
    const missing = [
      survivor ? null : `No entity has the id "${input.survivorId}".`,
      absorbed ? null : `No entity has the id "${input.absorbedId}".`,
    ].filter((p) => p !== null);
    if (missing.length > 0) throw notFound(missing.join(' '), { problems: missing });
    checkMergeable(survivor!, absorbed!);
    const [referring, [survivorViews]] = await Promise.all([
      this.store.recordsReferringTo([absorbed!.id], this.read),
      this.store.relationsOf([survivor!.id], { filter: ANY_RELATION, direction: 'BOTH' }, this.read),
    ]);
    const relations = new Map<string, RelationRecord>();
    for (const r of [...referring.relations, ...(survivorViews ?? []).map((v) => v.relation)]) relations.set(r.id, r);
    const context = await this.eventContext([...relations.values()], referring.events);
    const { edit, record } = planMerge(
      survivor!,
      absorbed!,
      { relations: [...relations.values()], statements: referring.statements, events: referring.events, ...context },
      { reason: input.reason, at: new Date().toISOString(), by: viewer.subject },
    );
    return {
      record,
      records: records(edit),
      remove: { entities: edit.removeEntities, relations: edit.removeRelations },
      documents: { put: [{ kind: 'merge', id: record.absorbedId, body: record } as StoredDocument] },
      recordIds: [record.survivorId, record.absorbedId],
    };
  }

  /** Reads the records a merge moved, as they are now, and plans their way back. */
  private async planUnmergeOf(viewer: Viewer, id: string) {
    const record = await this.mergeOf(id);
    if (!record) {
      const [entity] = await this.store.entitiesByIds([id], this.read);
      throw badInput(
        entity ? `"${id}" was not merged into another entity (it is an entity of its own).` : `No merge absorbed an entity with the id "${id}".`,
        { argument: 'id' },
      );
    }
    const wanted = recordsToUndo(record);
    const present = <T>(list: readonly (T | null)[]) => list.filter((r): r is T => r !== null);
    const [[survivor], relations, statements, events, takenEntities, takenRelations, [judgementDoc]] = await Promise.all([
      this.store.entitiesByIds([record.survivorId], this.read),
      this.store.relationsByIds(wanted.relations, this.read),
      this.store.statementsByIds(wanted.statements, this.read),
      this.store.entitiesByIds(wanted.events, this.read),
      this.store.entitiesByIds([record.absorbedId], this.read),
      this.store.relationsByIds(wanted.restored.slice(1), this.read),
      this.store.documents('judgement', [pairKey(record.survivorId, record.absorbedId)], this.read),
    ]);
    const context = await this.eventContext(present(relations), present(events));
    const edit = planUnmerge(record, {
      survivor: survivor ?? null,
      takenIds: new Set([...present(takenEntities), ...present(takenRelations)].map((r) => r.id)),
      relations: present(relations),
      statements: present(statements),
      events: present(events),
      ...context,
    });
    // A SAME judgement stays, marked undone: the pair may be proposed again, and judged again.
    const judgement = judgementDoc?.body as Judgement | undefined;
    const undone: StoredDocument[] =
      judgement?.verdict === 'SAME' && judgement.undone === null
        ? [{ kind: 'judgement', id: judgementDoc!.id, body: { ...judgement, undone: { at: new Date().toISOString(), by: viewer.subject } } }]
        : [];
    return {
      records: records(edit),
      documents: { remove: [{ kind: 'merge' as const, id: record.absorbedId }], put: undone },
      recordIds: [record.absorbedId, record.survivorId],
      answer: (written: { entities: readonly EntityRecord[] }) => written.entities.find((e) => e.id === record.absorbedId)!,
    };
  }

  /**
   * The details of the events at the relations' ends, and the links of the events given (with
   * their own events' details), as stored now.
   */
  private async eventContext(relations: readonly RelationRecord[], events: readonly EntityRecord[]) {
    const eventIds = events.map((e) => e.id);
    const linkViews = eventIds.length === 0 ? [] : await this.store.relationsOf(eventIds, { filter: LINK_TYPES, direction: 'BOTH' }, this.read);
    const links = new Map(eventIds.map((id, i) => [id, (linkViews[i] ?? []).map((v) => v.relation)]));
    const details = new Map<string, EventDetails>();
    for (const e of events) if (e.event) details.set(e.id, e.event);
    const ends = [...new Set([...relations, ...[...links.values()].flat()].flatMap((r) => [r.from, r.to]))].filter((id) => !details.has(id));
    for (const e of await this.store.entitiesByIds(ends, this.read)) if (e?.event) details.set(e.id, e.event);
    return {
      eventOf: (id: string) => details.get(id) ?? null,
      linksOf: (id: string) => links.get(id) ?? [],
    };
  }
}

function records(edit: GraphEdit) {
  return { entities: edit.entities, relations: edit.relations, statements: edit.statements };
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw badInput('Give a reason: a judgement or merge says why.', { argument: 'reason' });
  if (trimmed.length > 2000) throw badInput('A reason is at most 2,000 characters.', { argument: 'reason' });
  return trimmed;
}

