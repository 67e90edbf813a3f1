/**
 * Writes: a change to the graph, checked with the dataset validator's rules against the records
 * it touches and refers to, then persisted through the port's `load` (an upsert by id that is
 * all-or-nothing and durable on both stores). Only editors write (`requireRole`). A rejected write
 * changes nothing and reports every problem the validator finds with the written records, each
 * naming the record and field.
 */
import {
  EVENT_LINK_TYPES,
  attributionToFile,
  ID_PREFIX_BY_KIND,
  badInput,
  entityToFile,
  isWellFormedId,
  normalizeForSearch,
  notFound,
  parseRecordsInContext,
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
  type RelationFile,
  type RelationRecord,
  type SourceFile,
  type SourceRecord,
  type StatementFile,
  type StatementRecord,
  type Viewer,
} from '../domain/index.js';
import type { EventRecord, FactRecord } from '../domain/claims.js';
import type { GraphStore, ReadOptions } from '../store/graph-store.js';

/** What a write changed, as stored (derived fields computed). */
export interface WriteResult {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
}

/** The fields of an entity an update may set; a field given as null clears it (description, location). */
export type EntityPatch = Partial<Pick<EntityFile, 'name' | 'aliases' | 'description' | 'location'>>;

/**
 * Writes to one store run one at a time in this process: a write reads what it checks against and
 * then loads, and two at once could both find an id free, or each add an attribution the other's
 * load would drop.
 */
const writeQueues = new WeakMap<GraphStore, Promise<unknown>>();

export class WriteService {
  constructor(
    private readonly store: GraphStore,
    private readonly read: ReadOptions = {},
  ) {}

  /** Schema: `Mutation.createEntity`. A new id is made from the kind and name when none is given. */
  async createEntity(viewer: Viewer, entity: Omit<EntityFile, 'id'> & { id?: string | null }): Promise<EntityRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'create an entity');
      const id = entity.id ?? (await this.freeEntityId(`${ID_PREFIX_BY_KIND[entity.kind]}:${slugOf(entity.name, normalizeForSearch)}`));
      await this.mustBeNew('entity', id, (ids) => this.store.entitiesByIds(ids, this.read));
      const written = await this.write({ entities: [{ ...entity, id }] });
      return written.entities.find((e) => e.id === id)!;
    });
  }

  /** Schema: `Mutation.updateEntity`: the fields given replace the entity's; the rest stay. */
  async updateEntity(viewer: Viewer, id: string, patch: EntityPatch): Promise<EntityRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'update an entity');
      const [current] = await this.store.entitiesByIds([this.checkId(id, 'id')], this.read);
      if (!current) throw notFound(`No entity has the id "${id}".`, { argument: 'id' });
      const updated: EntityFile = { ...entityToFile(current), ...definedFields(patch) };
      const links = current.event === null ? [] : await this.eventLinks(current);
      const written = await this.write({ entities: [updated], relations: links });
      return written.entities.find((e) => e.id === id)!;
    });
  }

  /** Schema: `Mutation.addRelation`. A new id is made from its ends and type when none is given. */
  async addRelation(viewer: Viewer, relation: Omit<RelationFile, 'id'> & { id?: string | null }): Promise<RelationRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'add a relation');
      const id =
        relation.id ??
        (await this.freeRelationId(`rel:${slugOfId(relation.from)}-${relation.type.toLowerCase().replace(/_/g, '-')}-${slugOfId(relation.to)}`));
      await this.mustBeNew('relation', id, (ids) => this.store.relationsByIds(ids, this.read));
      const written = await this.write({ relations: [{ ...relation, id }] });
      return written.relations.find((r) => r.id === id)!;
    });
  }

  /**
   * Schema: `Mutation.addAttribution`: one more party's word on a relation or an event, the
   * others untouched. On an event, its PARTICIPATED_IN and TOOK_PLACE_IN relations that take the
   * event's attributions take the new one too.
   */
  async addAttribution(viewer: Viewer, factId: string, attribution: AttributionFile): Promise<FactRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'add an attribution');
      this.checkId(factId, 'factId');
      const [relation] = await this.store.relationsByIds([factId], this.read);
      if (relation) {
        const [eventEnd] = await this.eventsOf([relation.from, relation.to]);
        const file = relationToFile(relation, (id) => (id === eventEnd?.id ? eventEnd.event : null));
        const written = await this.write({
          relations: [{ ...file, attributions: [...relation.attributions.map(attributionToFile), attribution] }],
        });
        return written.relations.find((r) => r.id === factId)!;
      }
      const [event] = await this.store.entitiesByIds([factId], this.read);
      if (!event || event.event === null) throw notFound(`No relation or event has the id "${factId}".`, { argument: 'factId' });
      const file = entityToFile(event);
      const links = await this.eventLinks(event);
      const written = await this.write({
        entities: [{ ...file, event: { ...file.event!, attributions: [...file.event!.attributions, attribution] } }],
        relations: links,
      });
      return written.entities.find((e): e is EventRecord => e.id === factId && e.event !== null)!;
    });
  }

  /** Schema: `Mutation.addStatement`. A new id is made from the speaker and the words when none is given. */
  async addStatement(viewer: Viewer, statement: Omit<StatementFile, 'id'> & { id?: string | null }): Promise<StatementRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'add a statement');
      const speaker = statement.speakerId ? `${slugOfId(statement.speakerId)}-` : '';
      const id = statement.id ?? (await this.freeStatementId(`stmt:${speaker}${slugOf(statement.text, normalizeForSearch, 6)}`));
      await this.mustBeNew('statement', id, (ids) => this.store.statementsByIds(ids, this.read));
      const written = await this.write({ statements: [{ ...statement, id }] });
      return written.statements.find((s) => s.id === id)!;
    });
  }

  /** Schema: `Mutation.addSource`. A new id is made from the title when none is given. */
  async addSource(viewer: Viewer, source: Omit<SourceFile, 'id'> & { id?: string | null }): Promise<SourceRecord> {
    return this.exclusive(async () => {
      requireRole(viewer, 'editor', 'add a source');
      const id = source.id ?? (await this.freeSourceId(`source:${slugOf(source.title, normalizeForSearch)}`));
      await this.mustBeNew('source', id, (ids) => this.store.sourcesByIds(ids, this.read));
      const written = await this.write({ sources: [{ ...source, id }] });
      return written.sources.find((s) => s.id === id)!;
    });
  }

  /** Runs `write` after every write to this store begun before it (one at a time per store). */
  exclusive<T>(write: () => Promise<T>): Promise<T> {
    const previous = writeQueues.get(this.store) ?? Promise.resolve();
    const next = previous.then(write, write);
    writeQueues.set(this.store, next.catch(() => undefined));
    return next;
  }

  /**
   * Checks the written records with the dataset validator, beside the records they refer to (and
   * those records' own references), and loads the written ones. Problems of records not written
   * are the graph's, not this write's: left out.
   */
  private async write(written: Partial<Omit<FileRecords, never>>): Promise<WriteResult> {
    const { problems, dataset } = await this.check(written);
    if (dataset === null) {
      throw badInput(`The write was refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${problems.join(' ')}`, {
        problems,
      });
    }
    const result: WriteResult = dataset;
    await this.store.load(result);
    return result;
  }

  /**
   * The written records checked with the dataset validator beside the stored records they refer
   * to: every problem of the records in `checked` (all written ones by default), and the written
   * records as they would be stored when there is none.
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
    const { problems, dataset } = parseRecordsInContext(
      {
        sources: [...context.sources.filter((r) => !writtenIds.has(r.id)).map(sourceToFile), ...changed.sources],
        entities: [...context.entities.filter((r) => !writtenIds.has(r.id)).map(entityToFile), ...changed.entities],
        relations: changed.relations,
        statements: [...context.statements.filter((r) => !writtenIds.has(r.id)).map(statementToFile), ...changed.statements],
      },
      checked ?? writtenIds,
    );
    return { problems, dataset };
  }

  /** The records the written ones refer to, and what those refer to in turn (two levels). */
  private async referencedRecords(changed: FileRecords) {
    const entities = new Map<string, EntityRecord>();
    const statements = new Map<string, StatementRecord>();
    const sources = new Map<string, SourceRecord>();
    let wanted = references(changed);
    for (let level = 0; level < 2; level++) {
      const [es, ss, srcs] = await Promise.all([
        this.store.entitiesByIds([...wanted.entities].filter((id) => !entities.has(id)), this.read),
        this.store.statementsByIds([...wanted.statements].filter((id) => !statements.has(id)), this.read),
        this.store.sourcesByIds([...wanted.sources].filter((id) => !sources.has(id)), this.read),
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

  private async mustBeNew(what: string, id: string, lookup: (ids: string[]) => Promise<readonly (unknown | null)[]>): Promise<void> {
    this.checkId(id, 'id');
    const [existing] = await lookup([id]);
    if (existing) throw badInput(`A ${what} with the id "${id}" exists already; choose another id, or update it.`, { argument: 'id' });
  }

  private freeEntityId = (base: string) => this.freeId(base, (ids) => this.store.entitiesByIds(ids, this.read));
  private freeRelationId = (base: string) => this.freeId(base, (ids) => this.store.relationsByIds(ids, this.read));
  private freeStatementId = (base: string) => this.freeId(base, (ids) => this.store.statementsByIds(ids, this.read));
  private freeSourceId = (base: string) => this.freeId(base, (ids) => this.store.sourcesByIds(ids, this.read));

  /** `base`, or `base-2`, `base-3`, … : the first that nothing has, tried ten at a time. */
  private async freeId(base: string, lookup: (ids: string[]) => Promise<readonly (unknown | null)[]>): Promise<string> {
    for (let from = 1; ; from += 10) {
      const candidates = Array.from({ length: 10 }, (_, i) => (from + i === 1 ? base : `${base}-${from + i}`));
      const found = await lookup(candidates);
      const free = candidates.find((_, i) => !found[i]);
      if (free) return free;
    }
  }
}

/** Records in the dataset file form, by section. */
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

/** The patch's fields that were given (undefined means "leave as it is"). */
function definedFields(patch: EntityPatch): Partial<EntityFile> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<EntityFile>;
}
