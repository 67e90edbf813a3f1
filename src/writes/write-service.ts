/**
 * Writes: a change to the graph, checked with the dataset validator's rules against the records
 * it touches and refers to, then committed through the port's `commit` (upserts, removals, side
 * documents and the record of the change, all-or-nothing and durable on both stores). Every write
 * goes through `commit`: it checks the viewer's role, answers a request retried with its
 * idempotency key from what the first one wrote, records who changed what and when (the records
 * before and after, in the file form) and runs one write at a time per store. A rejected write
 * changes nothing and reports every problem the validator finds with the written records, each
 * naming the record and field.
 */
import { createHash } from 'node:crypto';
import {
  DatasetValidationError,
  DomainError,
  EVENT_LINK_TYPES,
  MAX_RETRACTION_REASON_LENGTH,
  IDEMPOTENCY_KEY_REUSED,
  attributionToFile,
  ID_PREFIX_BY_KIND,
  badInput,
  entityToFile,
  isWellFormedId,
  normalizeForSearch,
  notFound,
  parseRecordsInContext,
  newChangeId,
  relationToFile,
  requireRole,
  slugOf,
  slugOfId,
  sourceToFile,
  statementToFile,
  type AttributionFile,
  type EntityFile,
  type EntityRecord,
  type EventDetails,
  type ParticipantRole,
  type Qualifiers,
  type RelationFile,
  type RelationRecord,
  type Retraction,
  type Role,
  type SourceFile,
  type SourceRecord,
  type StatementFile,
  type StatementRecord,
  type TimeSpanFile,
  type Viewer,
} from '../domain/index.js';
import { isEventRecord, type EventRecord, type FactRecord } from '../domain/claims.js';
import type { ChangeRecord, FactRef, GraphRemovals, GraphStore, GraphWrite, ReadOptions } from '../store/graph-store.js';

/** What a write changed, as stored (derived fields computed). */
export interface WriteResult {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
}

/** What every mutation may be given besides its input. */
export interface WriteOptions {
  /**
   * A client's key for the request: a request sent again with the same key (and the same input)
   * is answered from what the first one wrote, without writing again; the same key with another
   * input is refused (BAD_USER_INPUT, reason IDEMPOTENCY_KEY_REUSED).
   */
  readonly idempotencyKey?: string | null;
}

/** The longest idempotency key taken. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** What a write will write, worked out under the write lock from what the store holds. */
export interface WritePlan<T> {
  /** Records to upsert, in the file form; checked with the dataset's rules beside what they refer to. */
  readonly records?: Partial<FileRecords>;
  /** Records to remove (the store refuses a removal something that stays still refers to). */
  readonly remove?: GraphRemovals;
  /** Side documents to put or remove with the records. */
  readonly documents?: GraphWrite['documents'];
  /** Record ids the change is about besides those written and removed (listed first in its history). */
  readonly recordIds?: readonly string[];
  /** The mutation's answer, from the records as written (derived fields computed). */
  answer(written: WriteResult): T | Promise<T>;
}

/** One mutation, as `commit` runs it. */
export interface WriteRequest<T> {
  /** The mutation's name, e.g. 'addRelation'; recorded, and part of the request hash. */
  readonly operation: string;
  /** The mutation's input as the service was given it (its idempotency key left out): the request hash is made of it. */
  readonly args: unknown;
  /** The role it needs, and the words for it in a refusal: "To <what> you need the editor role". */
  readonly role: Role;
  readonly what: string;
  readonly idempotencyKey?: string | null;
  /** Reads what the write needs and says what to write; runs under the write lock. `at`: the change's time. */
  plan(context: { readonly at: string }): Promise<WritePlan<T>>;
  /** The answer to a request sent again with its key: the current state of what `change` wrote. */
  replay(change: ChangeRecord): Promise<T>;
}

/** Schema: `RetractInput`. */
export interface RetractInput {
  readonly factId: string;
  /** Absent or null: the whole fact. */
  readonly attributionIndex?: number | null;
  readonly reason: string;
}

/** Schema: `AddEventInput`: an event with the entities that take part in it and the places it happens in. */
export interface NewEvent {
  readonly id?: string | null;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description?: string | null;
  readonly event: NonNullable<EntityFile['event']>;
  readonly participants: readonly { readonly entityId: string; readonly role: ParticipantRole }[];
  readonly placeIds: readonly string[];
}

/** The fields of a relation an update may set; null clears one. Its type, ends and attributions are not among them. */
export interface RelationPatch {
  readonly time?: TimeSpanFile | null;
  readonly qualifiers?: Qualifiers | null;
  readonly statementIds?: readonly string[] | null;
}

/** The fields of a statement an update may set; null clears an optional one (date, speaker, medium). */
export type StatementPatch = Partial<Pick<StatementFile, 'kind' | 'text' | 'aboutIds' | 'sourceId' | 'status'>> & {
  readonly date?: string | null;
  readonly speakerId?: string | null;
  readonly reportedViaId?: string | null;
};

/** The fields of a source an update may set; null clears an optional one. Its kind is not among them. */
export interface SourcePatch {
  readonly title?: string;
  readonly publisher?: string | null;
  readonly published?: string | null;
  readonly url?: string | null;
}

/** The fields of an entity an update may set; a field given as null clears it (description, location). */
export type EntityPatch = Partial<Pick<EntityFile, 'name' | 'aliases' | 'description' | 'location'>>;

/**
 * Writes to one store run one at a time in this process: a write reads what it checks against and
 * then commits, and two at once could both find an id free, each add an attribution the other's
 * commit would drop, or both take one idempotency key.
 */
const writeQueues = new WeakMap<GraphStore, Promise<unknown>>();

export class WriteService {
  constructor(
    private readonly store: GraphStore,
    private readonly read: ReadOptions = {},
  ) {}

  /** Schema: `Mutation.createEntity`. A new id is made from the kind and name when none is given. */
  async createEntity(
    viewer: Viewer,
    entity: Omit<EntityFile, 'id'> & { id?: string | null },
    options: WriteOptions = {},
  ): Promise<EntityRecord> {
    return this.commit(viewer, {
      operation: 'createEntity',
      args: entity,
      role: 'editor',
      what: 'create an entity',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const id = await this.newId('entity', entity.id, this.entitiesOf, () => `${ID_PREFIX_BY_KIND[entity.kind]}:${slugOf(entity.name, normalizeForSearch)}`);
        return { records: { entities: [{ ...entity, id }] }, answer: (w) => w.entities.find((e) => e.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.entitiesByIds([change.recordIds[0]!], this.read)),
    });
  }

  /** Schema: `Mutation.updateEntity`: the fields given replace the entity's; the rest stay. */
  async updateEntity(viewer: Viewer, id: string, patch: EntityPatch, options: WriteOptions = {}): Promise<EntityRecord> {
    return this.commit(viewer, {
      operation: 'updateEntity',
      args: { id, patch },
      role: 'editor',
      what: 'update an entity',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const current = await this.existing('entity', id, (ids) => this.store.entitiesByIds(ids, this.read));
        const updated: EntityFile = { ...entityToFile(current), ...definedFields(patch) };
        const links = current.event === null ? [] : await this.eventLinks(current);
        return { records: { entities: [updated], relations: links }, answer: (w) => w.entities.find((e) => e.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.entitiesByIds([id], this.read)),
    });
  }

  /** Schema: `Mutation.addRelation`. A new id is made from its ends and type when none is given. */
  async addRelation(
    viewer: Viewer,
    relation: Omit<RelationFile, 'id'> & { id?: string | null },
    options: WriteOptions = {},
  ): Promise<RelationRecord> {
    return this.commit(viewer, {
      operation: 'addRelation',
      args: relation,
      role: 'editor',
      what: 'add a relation',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const id = await this.newId(
          'relation',
          relation.id,
          this.relationsOf,
          () => `rel:${slugOfId(relation.from)}-${relation.type.toLowerCase().replace(/_/g, '-')}-${slugOfId(relation.to)}`,
        );
        return { records: { relations: [{ ...relation, id }] }, answer: (w) => w.relations.find((r) => r.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.relationsByIds([change.recordIds[0]!], this.read)),
    });
  }

  /**
   * Schema: `Mutation.addAttribution`: one more party's word on a relation or an event, the
   * others untouched. On an event, its PARTICIPATED_IN and TOOK_PLACE_IN relations that take the
   * event's attributions take the new one too.
   */
  async addAttribution(viewer: Viewer, factId: string, attribution: AttributionFile, options: WriteOptions = {}): Promise<FactRecord> {
    return this.commit(viewer, {
      operation: 'addAttribution',
      args: { factId, attribution },
      role: 'editor',
      what: 'add an attribution',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const fact = await this.factFile(factId);
        return {
          records: fact.withAttributions([...fact.attributions, attribution]),
          recordIds: [factId],
          answer: (w) => fact.from(w),
        };
      },
      replay: () => this.currentFact(factId),
    });
  }

  /**
   * Schema: `Mutation.retract`: takes back a whole fact (a relation or an event) or one of its
   * attributions, marking it with who, when and why; nothing is removed. An event's
   * PARTICIPATED_IN and TOOK_PLACE_IN relations that take its attributions follow it.
   */
  async retract(viewer: Viewer, input: RetractInput, options: WriteOptions = {}): Promise<FactRecord> {
    const { factId, attributionIndex = null, reason } = input;
    return this.commit(viewer, {
      operation: 'retract',
      args: { factId, attributionIndex, reason },
      role: 'editor',
      what: 'retract a fact or an attribution',
      idempotencyKey: options.idempotencyKey,
      plan: async ({ at }) => {
        const why = reason.trim();
        if (why === '' || why.length > MAX_RETRACTION_REASON_LENGTH) {
          throw badInput(`Argument "input.reason" must say why, in 1 to ${MAX_RETRACTION_REASON_LENGTH} characters.`, { argument: 'input.reason' });
        }
        const fact = await this.factFile(factId);
        const retraction: Retraction = { by: viewer.subject, at, reason: why };
        const done = (r: Retraction) => `by ${r.by} at ${r.at} ("${r.reason}")`;
        if (attributionIndex === null) {
          if (fact.retraction) {
            throw badInput(`"${factId}" was retracted already, ${done(fact.retraction)}.`, { argument: 'input.factId' });
          }
          return { records: fact.withAttributions(fact.attributions, { retraction }), recordIds: [factId], answer: (w) => fact.from(w) };
        }
        const target = fact.attributions[attributionIndex];
        if (!Number.isInteger(attributionIndex) || target === undefined) {
          throw badInput(
            `Argument "input.attributionIndex" is ${attributionIndex}, but "${factId}" has ${fact.attributions.length} attribution${fact.attributions.length === 1 ? '' : 's'} (0 to ${fact.attributions.length - 1}).`,
            { argument: 'input.attributionIndex' },
          );
        }
        if (target.retraction) {
          throw badInput(`Attribution ${attributionIndex} of "${factId}" was retracted already, ${done(target.retraction)}.`, {
            argument: 'input.attributionIndex',
          });
        }
        const attributions = fact.attributions.map((a, i) => (i === attributionIndex ? { ...a, retraction } : a));
        return { records: fact.withAttributions(attributions), recordIds: [factId], answer: (w) => fact.from(w) };
      },
      replay: () => this.currentFact(factId),
    });
  }

  /** Schema: `Mutation.addStatement`. A new id is made from the speaker and the words when none is given. */
  async addStatement(
    viewer: Viewer,
    statement: Omit<StatementFile, 'id'> & { id?: string | null },
    options: WriteOptions = {},
  ): Promise<StatementRecord> {
    return this.commit(viewer, {
      operation: 'addStatement',
      args: statement,
      role: 'editor',
      what: 'add a statement',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const speaker = statement.speakerId ? `${slugOfId(statement.speakerId)}-` : '';
        const id = await this.newId('statement', statement.id, this.statementsOf, () => `stmt:${speaker}${slugOf(statement.text, normalizeForSearch, 6)}`);
        return { records: { statements: [{ ...statement, id }] }, answer: (w) => w.statements.find((s) => s.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.statementsByIds([change.recordIds[0]!], this.read)),
    });
  }

  /** Schema: `Mutation.addSource`. A new id is made from the title when none is given. */
  async addSource(viewer: Viewer, source: Omit<SourceFile, 'id'> & { id?: string | null }, options: WriteOptions = {}): Promise<SourceRecord> {
    return this.commit(viewer, {
      operation: 'addSource',
      args: source,
      role: 'editor',
      what: 'add a source',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const id = await this.newId('source', source.id, this.sourcesOf, () => `source:${slugOf(source.title, normalizeForSearch)}`);
        return { records: { sources: [{ ...source, id }] }, answer: (w) => w.sources.find((r) => r.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.sourcesByIds([change.recordIds[0]!], this.read)),
    });
  }

  /**
   * Schema: `Mutation.addEvent`: an event with its participants (PARTICIPATED_IN, actor → event)
   * and places (TOOK_PLACE_IN, event → place) in one write. The relations leave out attributions
   * and time, so they take the event's, and keep following it.
   */
  async addEvent(viewer: Viewer, input: NewEvent, options: WriteOptions = {}): Promise<EventRecord> {
    return this.commit(viewer, {
      operation: 'addEvent',
      args: input,
      role: 'editor',
      what: 'add an event',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const id = await this.newId('entity', input.id, this.entitiesOf, () => `${ID_PREFIX_BY_KIND.EVENT}:${slugOf(input.name, normalizeForSearch)}`);
        const event: EntityFile = {
          id,
          kind: 'EVENT',
          name: input.name,
          aliases: [...input.aliases],
          ...(input.description != null ? { description: input.description } : {}),
          event: input.event,
        };
        // Ids made here must differ from each other as well as from those stored.
        const taken = new Set<string>();
        const relationId = async (from: string, type: string, to: string) => {
          const relId = await this.freeRelationId(`rel:${slugOfId(from)}-${type.toLowerCase().replace(/_/g, '-')}-${slugOfId(to)}`, taken);
          taken.add(relId);
          return relId;
        };
        const relations: RelationFile[] = [];
        for (const p of input.participants) {
          relations.push({ id: await relationId(p.entityId, 'PARTICIPATED_IN', id), type: 'PARTICIPATED_IN', from: p.entityId, to: id, qualifiers: { participantRole: p.role } });
        }
        for (const placeId of input.placeIds) {
          relations.push({ id: await relationId(id, 'TOOK_PLACE_IN', placeId), type: 'TOOK_PLACE_IN', from: id, to: placeId });
        }
        return {
          records: { entities: [event], relations },
          recordIds: [id],
          answer: (w) => w.entities.find((e): e is EventRecord => e.id === id && e.event !== null)!,
        };
      },
      replay: async (change) => (await this.stillThere(change, this.store.entitiesByIds([change.recordIds[0]!], this.read))) as EventRecord,
    });
  }

  /**
   * Schema: `Mutation.updateRelation`: the fields given replace the relation's; the rest stay.
   * An event's PARTICIPATED_IN or TOOK_PLACE_IN relation keeps taking from its event what it took
   * (its attributions, and its time unless a time is given).
   */
  async updateRelation(viewer: Viewer, id: string, patch: RelationPatch, options: WriteOptions = {}): Promise<RelationRecord> {
    return this.commit(viewer, {
      operation: 'updateRelation',
      args: { id, patch },
      role: 'editor',
      what: 'update a relation',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const current = await this.existing('relation', id, (ids) => this.store.relationsByIds(ids, this.read));
        const [eventEnd] = await this.eventsOf([current.from, current.to]);
        const updated: RelationFile = { ...relationToFile(current, (e) => (e === eventEnd?.id ? eventEnd.event : null)) };
        if (patch.time !== undefined) updated.time = patch.time;
        if (patch.qualifiers !== undefined) {
          if (patch.qualifiers === null || Object.keys(patch.qualifiers).length === 0) delete updated.qualifiers;
          else updated.qualifiers = patch.qualifiers;
        }
        if (patch.statementIds !== undefined) {
          if (patch.statementIds === null || patch.statementIds.length === 0) delete updated.statementIds;
          else updated.statementIds = [...patch.statementIds];
        }
        // A relation of no event has no time to take: no time is written as none.
        if (updated.time === null && !eventEnd) delete updated.time;
        return { records: { relations: [updated] }, answer: (w) => w.relations.find((r) => r.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.relationsByIds([id], this.read)),
    });
  }

  /**
   * Schema: `Mutation.updateStatement`: the fields given replace the statement's; the rest stay.
   * The facts resting on it are checked beside it as it will be (their claimant must still be its
   * speaker, their source its source), and the write refused when one would no longer hold.
   */
  async updateStatement(viewer: Viewer, id: string, patch: StatementPatch, options: WriteOptions = {}): Promise<StatementRecord> {
    return this.commit(viewer, {
      operation: 'updateStatement',
      args: { id, patch },
      role: 'editor',
      what: 'update a statement',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const current = await this.existing('statement', id, (ids) => this.store.statementsByIds(ids, this.read));
        const updated = withoutNullFields({ ...statementToFile(current), ...definedFields(patch) }) as StatementFile;
        const [supported] = await this.store.factsSupportedBy([id], this.read);
        await this.mustStillHold({ statements: [updated] }, supported ?? []);
        return { records: { statements: [updated] }, answer: (w) => w.statements.find((s) => s.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.statementsByIds([id], this.read)),
    });
  }

  /**
   * Schema: `Mutation.updateSource`: the fields given replace the source's; the rest stay. The
   * statements it carries, the facts resting on them and, when its publication day is given, the
   * facts with an attribution from it, are checked beside it as it will be (none said after it
   * was published).
   */
  async updateSource(viewer: Viewer, id: string, patch: SourcePatch, options: WriteOptions = {}): Promise<SourceRecord> {
    return this.commit(viewer, {
      operation: 'updateSource',
      args: { id, patch },
      role: 'editor',
      what: 'update a source',
      idempotencyKey: options.idempotencyKey,
      plan: async () => {
        const current = await this.existing('source', id, (ids) => this.store.sourcesByIds(ids, this.read));
        const updated = withoutNullFields({ ...sourceToFile(current), ...definedFields(patch) }) as SourceFile;
        const [carried] = await this.store.statementsFromSources([id], this.read);
        const statements = (carried ?? []).map(statementToFile);
        const supported = (await this.store.factsSupportedBy(statements.map((s) => s.id), this.read)).flat();
        const citing = patch.published === undefined ? [] : (await this.store.factsCitingSources([id], this.read)).flat();
        await this.mustStillHold({ sources: [updated], statements }, [...supported, ...citing]);
        return { records: { sources: [updated] }, answer: (w) => w.sources.find((s) => s.id === id)! };
      },
      replay: (change) => this.stillThere(change, this.store.sourcesByIds([id], this.read)),
    });
  }

  /**
   * Refuses a change to records others rest on when the dataset's rules no longer hold for the
   * changed records or for the facts (relations and events) that rest on them.
   */
  private async mustStillHold(changed: Partial<FileRecords>, facts: readonly FactRef[]): Promise<void> {
    const byId = new Map<string, FactRef>();
    for (const f of facts) byId.set((f.relation ?? f.event)!.id, f);
    const relations = [...byId.values()].flatMap((f) => (f.relation ? [f.relation] : []));
    const events = [...byId.values()].flatMap((f) => (f.event ? [f.event] : []));
    const ends = await this.eventsOf(relations.flatMap((r) => [r.from, r.to]));
    const eventById = new Map([...ends, ...events].map((e) => [e.id, e.event!] as const));
    const records: Partial<FileRecords> = {
      ...changed,
      entities: [...(changed.entities ?? []), ...events.map(entityToFile)],
      relations: [...(changed.relations ?? []), ...relations.map((r) => relationToFile(r, (e) => eventById.get(e)))],
    };
    const { problems } = await this.check(records);
    if (problems.length > 0) throw refused(problems);
  }

  /**
   * The one path of every write: under the write lock, checks the role, answers a request sent
   * again with its idempotency key from what the first one wrote (or refuses a key used for another
   * request), plans the write, checks the records with the dataset's rules, records the change
   * (who, when, the records before and after in the file form) and commits it all at once.
   */
  commit<T>(viewer: Viewer, request: WriteRequest<T>): Promise<T>;
  /**
   * The short form: `operation` with its `args`, and what to write (or a function that works it out
   * under the write lock); answers the records as written. Needs `options.role` (editor by
   * default); a request sent again with its key is answered with the records the first one wrote,
   * as they are now.
   */
  commit(
    viewer: Viewer,
    operation: string,
    args: unknown,
    change: Omit<WritePlan<WriteResult>, 'answer'> | ((context: { readonly at: string }) => Promise<Omit<WritePlan<WriteResult>, 'answer'>>),
    options?: WriteOptions & { readonly role?: Role; readonly what?: string },
  ): Promise<WriteResult>;
  commit<T>(
    viewer: Viewer,
    requestOrOperation: WriteRequest<T> | string,
    args?: unknown,
    change?: Omit<WritePlan<WriteResult>, 'answer'> | ((context: { readonly at: string }) => Promise<Omit<WritePlan<WriteResult>, 'answer'>>),
    options: WriteOptions & { readonly role?: Role; readonly what?: string } = {},
  ): Promise<T | WriteResult> {
    if (typeof requestOrOperation !== 'string') return this.commitRequest(viewer, requestOrOperation);
    return this.commitRequest<WriteResult>(viewer, {
      operation: requestOrOperation,
      args,
      role: options.role ?? 'editor',
      what: options.what ?? `run ${requestOrOperation}`,
      idempotencyKey: options.idempotencyKey,
      plan: async (context) => ({ ...(typeof change === 'function' ? await change(context) : (change ?? {})), answer: (written) => written }),
      replay: (earlier) => this.recordsNow(earlier),
    });
  }

  private async commitRequest<T>(viewer: Viewer, request: WriteRequest<T>): Promise<T> {
    return this.exclusive(async () => {
      requireRole(viewer, request.role, request.what);
      const key = request.idempotencyKey ?? null;
      const requestHash = requestHashOf(request.operation, request.args);
      if (key !== null) {
        checkIdempotencyKey(key);
        const earlier = await this.store.changeByIdempotencyKey(key, this.read);
        if (earlier) return this.answerAgain(request, earlier, requestHash);
      }
      const { id, at } = newChangeId();
      const plan = await request.plan({ at });
      const written = await this.validate(plan.records ?? {});
      const remove = plan.remove ?? {};
      const writtenIds = idsOf(written);
      const removedIds = [...(remove.entities ?? []), ...(remove.relations ?? []), ...(remove.statements ?? []), ...(remove.sources ?? [])];
      const change: ChangeRecord = {
        id,
        at,
        actor: viewer.subject,
        role: viewer.role,
        operation: request.operation,
        idempotencyKey: key,
        requestHash,
        recordIds: [...new Set([...(plan.recordIds ?? []), ...writtenIds, ...removedIds])],
        before: await this.storedFileForm(written, remove),
        after: fileForm(written),
      };
      // A write that would leave every record as it is (an update with nothing new) is answered
      // without recording a change that changed nothing; a key then reserves nothing either.
      if (removedIds.length === 0 && plan.documents === undefined && JSON.stringify(change.before) === JSON.stringify(change.after)) {
        return plan.answer(written);
      }
      try {
        await this.store.commit({ upsert: written, remove: plan.remove, documents: plan.documents, change });
      } catch (error) {
        if (error instanceof DatasetValidationError) throw refused(error.problems);
        // Another process recorded the key first (Neo4j shared by servers): answer as a retry would be.
        if (key !== null && error instanceof DomainError && error.details['reason'] === IDEMPOTENCY_KEY_REUSED) {
          const earlier = await this.store.changeByIdempotencyKey(key, this.read);
          if (earlier) return this.answerAgain(request, earlier, requestHash);
        }
        throw error;
      }
      return plan.answer(written);
    });
  }

  private async answerAgain<T>(request: WriteRequest<T>, earlier: ChangeRecord, requestHash: string): Promise<T> {
    if (earlier.requestHash !== requestHash) {
      throw badInput(
        `Argument "idempotencyKey" has the value ${JSON.stringify(earlier.idempotencyKey)}, which was sent before with another request ` +
          `(${earlier.operation} at ${earlier.at}); send a new key for a new request.`,
        { argument: 'idempotencyKey', reason: IDEMPOTENCY_KEY_REUSED },
      );
    }
    return request.replay(earlier);
  }

  /** The records a change wrote (its `after`), as they are now; those since removed left out. */
  private async recordsNow(change: ChangeRecord): Promise<WriteResult> {
    const ids = (section: keyof ChangeRecord['after']) => (change.after[section] ?? []).map((r) => (r as { id: string }).id);
    const present = <R>(list: readonly (R | null)[]) => list.filter((r): r is R => r !== null);
    const [sources, entities, relations, statements] = await Promise.all([
      this.store.sourcesByIds(ids('sources'), this.read),
      this.store.entitiesByIds(ids('entities'), this.read),
      this.store.relationsByIds(ids('relations'), this.read),
      this.store.statementsByIds(ids('statements'), this.read),
    ]);
    return { sources: present(sources), entities: present(entities), relations: present(relations), statements: present(statements) };
  }

  /** The record a replayed change wrote, as it is now; NOT_FOUND when it has been removed since (merged away). */
  private async stillThere<T>(change: ChangeRecord, lookup: Promise<readonly (T | null)[]>): Promise<T> {
    const [record] = await lookup;
    if (!record) {
      throw notFound(`The record "${change.recordIds[0]}" that this request wrote (${change.id}) is no longer in the graph.`, {
        argument: 'idempotencyKey',
      });
    }
    return record;
  }

  /** The relation or event `factId` names, as it is now; NOT_FOUND when neither. */
  private async currentFact(factId: string): Promise<FactRecord> {
    const [relation] = await this.store.relationsByIds([factId], this.read);
    if (relation) return relation;
    const [event] = await this.store.entitiesByIds([factId], this.read);
    if (!event || event.event === null) throw notFound(`No relation or event has the id "${factId}".`, { argument: 'factId' });
    return event as EventRecord;
  }

  /**
   * A relation or an event in the file form, to write again with other attributions or a
   * retraction: the records to write (an event with its PARTICIPATED_IN and TOOK_PLACE_IN relations,
   * which follow it) and the written fact among the results.
   */
  private async factFile(factId: string): Promise<FactFile> {
    this.checkId(factId, 'factId');
    const fact = await this.currentFact(factId);
    if (!isEventRecord(fact)) {
      const relation = fact;
      const [eventEnd] = await this.eventsOf([relation.from, relation.to]);
      const file = relationToFile(relation, (id) => (id === eventEnd?.id ? eventEnd.event : null));
      return {
        retraction: relation.retraction ?? null,
        attributions: relation.attributions.map(attributionToFile),
        withAttributions: (attributions, extra = {}) => ({ relations: [{ ...file, ...extra, attributions: [...attributions] }] }),
        from: (w) => w.relations.find((r) => r.id === factId)!,
      };
    }
    const event = fact;
    const file = entityToFile(event);
    const links = await this.eventLinks(event);
    return {
      retraction: event.event.retraction ?? null,
      attributions: file.event!.attributions,
      withAttributions: (attributions, extra = {}) => ({
        entities: [{ ...file, event: { ...file.event!, ...extra, attributions: [...attributions] } }],
        relations: links,
      }),
      from: (w) => w.entities.find((e): e is EventRecord => e.id === factId && e.event !== null)!,
    };
  }

  /** The stored records a write replaces or removes, in the file form (sections absent when none). */
  private async storedFileForm(written: WriteResult, remove: GraphRemovals): Promise<ChangeRecord['before']> {
    const ids = (records: readonly { id: string }[], removed: readonly string[] | undefined) => [...records.map((r) => r.id), ...(removed ?? [])];
    const present = <T>(list: readonly (T | null)[]) => list.filter((r): r is T => r !== null);
    const [sources, entities, relations, statements] = await Promise.all([
      this.sourcesOf(ids(written.sources, remove.sources)),
      this.entitiesOf(ids(written.entities, remove.entities)),
      this.relationsOf(ids(written.relations, remove.relations)),
      this.statementsOf(ids(written.statements, remove.statements)),
    ]);
    return fileForm({ sources: present(sources), entities: present(entities), relations: present(relations), statements: present(statements) });
  }

  private exclusive<T>(write: () => Promise<T>): Promise<T> {
    const previous = writeQueues.get(this.store) ?? Promise.resolve();
    const next = previous.then(write, write);
    writeQueues.set(this.store, next.catch(() => undefined));
    return next;
  }

  /**
   * Checks the written records with the dataset validator, beside the records they refer to (and
   * those records' own references), and gives them complete (derived fields computed). Problems of
   * records not written are the graph's, not this write's: left out.
   */
  private async validate(written: Partial<FileRecords>): Promise<WriteResult> {
    const { problems, dataset } = await this.check(written);
    if (dataset === null) throw refused(problems);
    return dataset;
  }

  /**
   * The problems the dataset's rules find with the records in `checked` (every written one by
   * default) when written beside the stored records they refer to, and, when there is none, the
   * checked records complete. For a check without a write, e.g. of an edited proposal beside the
   * proposals it refers to.
   */
  async check(written: Partial<FileRecords>, checked?: ReadonlySet<string>): Promise<{ problems: string[]; dataset: WriteResult | null }> {
    const changed: FileRecords = {
      sources: written.sources ?? [],
      entities: written.entities ?? [],
      relations: written.relations ?? [],
      statements: written.statements ?? [],
    };
    const context = await this.referencedRecords(changed);
    const writtenIds = new Set([...changed.sources, ...changed.entities, ...changed.relations, ...changed.statements].map((r) => r.id));
    // The written records first, so that a problem's place (`entities[0]`) is the place in the write.
    const { problems, dataset } = parseRecordsInContext(
      {
        sources: [...changed.sources, ...context.sources.filter((r) => !writtenIds.has(r.id)).map(sourceToFile)],
        entities: [...changed.entities, ...context.entities.filter((r) => !writtenIds.has(r.id)).map(entityToFile)],
        relations: changed.relations,
        statements: [...changed.statements, ...context.statements.filter((r) => !writtenIds.has(r.id)).map(statementToFile)],
      },
      checked ?? writtenIds,
    );
    return { problems, dataset };
  }

  /**
   * The stored records that records in the file form refer to, and what those refer to in turn,
   * in the file form, left out those among `written`: the context to check them in (e.g. an
   * import file holding one article's facts about entities the graph has).
   */
  async contextOf(written: Partial<FileRecords>): Promise<FileRecords> {
    const changed: FileRecords = {
      sources: written.sources ?? [],
      entities: written.entities ?? [],
      relations: written.relations ?? [],
      statements: written.statements ?? [],
    };
    const context = await this.referencedRecords(changed);
    const ids = new Set([...changed.sources, ...changed.entities, ...changed.statements].map((r) => r.id));
    return {
      sources: context.sources.filter((r) => !ids.has(r.id)).map(sourceToFile),
      entities: context.entities.filter((r) => !ids.has(r.id)).map(entityToFile),
      relations: [],
      statements: context.statements.filter((r) => !ids.has(r.id)).map(statementToFile),
    };
  }

  /** The records the written ones refer to, and what those refer to in turn (two levels). */
  private async referencedRecords(changed: FileRecords) {
    const entities = new Map<string, EntityRecord>();
    const statements = new Map<string, StatementRecord>();
    const sources = new Map<string, SourceRecord>();
    let wanted = references(changed);
    for (let level = 0; level < 2; level++) {
      const [es, ss, srcs] = await Promise.all([
        this.entitiesOf([...wanted.entities].filter((id) => !entities.has(id))),
        this.statementsOf([...wanted.statements].filter((id) => !statements.has(id))),
        this.sourcesOf([...wanted.sources].filter((id) => !sources.has(id))),
      ]);
      for (const e of es) if (e) entities.set(e.id, e);
      for (const s of ss) if (s) statements.set(s.id, s);
      for (const s of srcs) if (s) sources.set(s.id, s);
      wanted = references({
        sources: [],
        entities: es.flatMap((e) => (e ? [entityToFile(e)] : [])),
        relations: [],
        statements: ss.flatMap((s) => (s ? [statementToFile(s)] : [])),
      });
    }
    return { entities: [...entities.values()], statements: [...statements.values()], sources: [...sources.values()] };
  }

  /**
   * An event's PARTICIPATED_IN and TOOK_PLACE_IN relations in the file form, with what they take
   * from the event left out, so that parsing them beside the changed event gives them its new
   * attributions and time.
   */
  private async eventLinks(event: EntityRecord): Promise<RelationFile[]> {
    const [views] = await this.store.relationsOf(
      [event.id],
      { filter: { types: EVENT_LINK_TYPES.filter((t) => t !== 'PHASE_OF') }, direction: 'BOTH' },
      this.read,
    );
    const details: EventDetails = event.event!;
    return (views ?? []).map((v) => relationToFile(v.relation, (id) => (id === event.id ? details : null)));
  }

  private async eventsOf(ids: readonly string[]): Promise<EntityRecord[]> {
    return (await this.store.entitiesByIds(ids, this.read)).filter((e): e is EntityRecord => e !== null && e.event !== null);
  }

  private checkId(id: string, argument: string): string {
    if (!isWellFormedId(id)) throw badInput(`"${id}" is not a well-formed id (e.g. "person:apti-alaudinov").`, { argument });
    return id;
  }

  /** The stored record `id` names (argument `id`); NOT_FOUND when there is none. */
  private async existing<T>(what: string, id: string, lookup: (ids: string[]) => Promise<readonly (T | null)[]>): Promise<T> {
    const [found] = await lookup([this.checkId(id, 'id')]);
    if (!found) throw notFound(`No ${what} has the id "${id}".`, { argument: 'id' });
    return found;
  }

  /**
   * The id of a record to add: the one given, when it is well formed and not taken; else one made
   * from `base` that is free (found free by the lookup, so not looked up again).
   */
  private async newId(what: string, given: string | null | undefined, lookup: Lookup<unknown>, base: () => string): Promise<string> {
    if (given == null) {
      const made = await this.freeId(base(), lookup);
      this.checkId(made, 'id');
      return made;
    }
    this.checkId(given, 'id');
    const [existing] = await lookup([given]);
    if (existing) throw badInput(`${/^[aeiou]/.test(what) ? 'An' : 'A'} ${what} with the id "${given}" exists already; choose another id, or update it.`, { argument: 'id' });
    return given;
  }

  // The store's lookups by id, each without a store call for no ids.
  private readonly entitiesOf = withoutEmptyCalls((ids) => this.store.entitiesByIds(ids, this.read));
  private readonly relationsOf = withoutEmptyCalls((ids) => this.store.relationsByIds(ids, this.read));
  private readonly statementsOf = withoutEmptyCalls((ids) => this.store.statementsByIds(ids, this.read));
  private readonly sourcesOf = withoutEmptyCalls((ids) => this.store.sourcesByIds(ids, this.read));
  private freeRelationId = (base: string, taken?: ReadonlySet<string>) => this.freeId(base, this.relationsOf, taken);

  /** `base`, or `base-2`, `base-3`, … : the first that nothing has, tried ten at a time. */
  private async freeId(base: string, lookup: Lookup<unknown>, taken?: ReadonlySet<string>): Promise<string> {
    for (let from = 1; ; from += 10) {
      const candidates = Array.from({ length: 10 }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
      const found = await lookup(candidates);
      const free = candidates.find((id, i) => !found[i] && !taken?.has(id));
      if (free) return free;
    }
  }
}

/** A fact in the file form, ready to be written again with other attributions (see factFile). */
interface FactFile {
  /** The fact's own retraction, if it was retracted. */
  readonly retraction: Retraction | null;
  readonly attributions: readonly AttributionFile[];
  withAttributions(attributions: readonly AttributionFile[], extra?: Record<string, unknown>): Partial<FileRecords>;
  from(written: WriteResult): FactRecord;
}

export interface FileRecords {
  sources: SourceFile[];
  entities: EntityFile[];
  relations: RelationFile[];
  statements: StatementFile[];
}

/** Every id the records refer to, by what it must be. */
function references(records: FileRecords) {
  const entities = new Set<string>();
  const statements = new Set<string>();
  const sources = new Set<string>();
  const attribution = (a: AttributionFile) => {
    if (a.claimantId) entities.add(a.claimantId);
    if (a.viaId) entities.add(a.viaId);
    if (a.statementId) statements.add(a.statementId);
    sources.add(a.sourceId);
  };
  for (const e of records.entities) e.event?.attributions.forEach(attribution);
  for (const r of records.relations) {
    entities.add(r.from);
    entities.add(r.to);
    r.attributions?.forEach(attribution);
    r.statementIds?.forEach((id) => statements.add(id));
  }
  for (const s of records.statements) {
    if (s.speakerId) entities.add(s.speakerId);
    if (s.reportedViaId) entities.add(s.reportedViaId);
    s.aboutIds.forEach((id) => entities.add(id));
    sources.add(s.sourceId);
  }
  for (const id of [...entities, ...statements, ...sources]) if (!isWellFormedId(id)) {
    entities.delete(id);
    statements.delete(id);
    sources.delete(id);
  }
  return { entities, statements, sources };
}

function refused(problems: readonly string[]): DomainError {
  return badInput(`The write was refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${problems.join(' ')}`, {
    problems: [...problems],
  });
}

function checkIdempotencyKey(key: string): void {
  if (key.trim() === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badInput(`Argument "idempotencyKey" must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, not only spaces.`, {
      argument: 'idempotencyKey',
    });
  }
}

/** sha256 of the operation and its arguments as canonical JSON (keys sorted, undefined left out). */
export function requestHashOf(operation: string, args: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, args })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function idsOf(d: WriteResult): string[] {
  return [...d.entities, ...d.relations, ...d.statements, ...d.sources].map((r) => r.id);
}

/**
 * Records in the file form, as a change keeps them: each complete in itself (a relation of an
 * event writes its attributions and time out rather than leaving them to be inherited), sections
 * with no record left out.
 */
function fileForm(d: WriteResult): ChangeRecord['before'] {
  const sections: Record<string, unknown[]> = {
    sources: d.sources.map(sourceToFile),
    entities: d.entities.map(entityToFile),
    relations: d.relations.map((r) => relationToFile(r, () => null)),
    statements: d.statements.map(statementToFile),
  };
  return Object.fromEntries(Object.entries(sections).filter(([, list]) => list.length > 0));
}

/** The patch's fields that were given (undefined means "leave as it is"). */
function definedFields<P extends object>(patch: P): Partial<P> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<P>;
}

/** The record without the fields a patch cleared (null), as the file form leaves them out. */
function withoutNullFields<R extends object>(record: R): R {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as R;
}

/** Looks records up by id: a record or null per id, in order. */
type Lookup<T> = (ids: readonly string[]) => Promise<readonly (T | null)[]>;

/** The lookup, answering no ids without calling it: a write's lookups are often of none. */
function withoutEmptyCalls<T>(lookUp: Lookup<T>): Lookup<T> {
  return (ids) => (ids.length === 0 ? Promise.resolve([]) : lookUp(ids));
}
