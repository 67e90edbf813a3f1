/**
 * Entity resolution, the acting half: merging one entity into another and undoing it.
 *
 * A merge keeps one id (the survivor) and removes the other (the absorbed): the absorbed name and
 * aliases become aliases of the survivor; every record that names the absorbed entity (a relation's
 * end, a statement's speaker, subjects or medium, an attribution's claimant or intermediary) names
 * the survivor instead; a relation between the two is removed; a re-pointed relation that now
 * says what a relation of the survivor says (same type, ends and time, and same qualifiers or attributions)
 * collapses into it (attributions and statements united; the kept one's qualifiers stay). Two
 * relations that differ in when, or in both how and who says so, are two facts, and both stay.
 *
 * Everything a merge does is recorded as moves (this field of this record went from the absorbed
 * id to the survivor's), and the undo applies their inverse to the records as they are then: what
 * changed after the merge keeps its change. Where a move's field no longer holds the survivor, or
 * a record it needs is gone or its id is taken, the undo is refused with every such problem.
 *
 * Pure: the write service reads the records, and commits what these functions give.
 */
import {
  attributionToFile,
  entityToFile,
  relationToFile,
  statementToFile,
  type AttributionFile,
  type EntityFile,
  type RelationFile,
  type StatementFile,
} from './dataset-validator.js';
import { badInput } from './errors.js';
import type { EntityRecord, EventDetails, RelationRecord, StatementRecord } from './model.js';
import { isSymmetric } from './vocabulary.js';

/** One field of one record that a merge moved from the absorbed id to the survivor's. */
export type MergeMove =
  | { readonly record: 'relation'; readonly id: string; readonly field: 'from' | 'to' }
  | { readonly record: 'statement'; readonly id: string; readonly field: 'speakerId' | 'reportedViaId' }
  /** `dropped`: the survivor was already a subject, so the absorbed id was taken out at `index`. */
  | { readonly record: 'statement'; readonly id: string; readonly field: 'aboutIds'; readonly index: number; readonly dropped: boolean }
  | {
      readonly record: 'relation' | 'event';
      readonly id: string;
      readonly field: 'claimantId' | 'viaId';
      readonly attributionIndex: number;
    };

/** A relation a merge removed because it said what another says; the other took its attributions. */
export interface CollapsedRelation {
  /** The removed relation as it was before the merge. */
  readonly relation: RelationFile;
  /** The relation that stayed. */
  readonly into: string;
  /** Attributions the one that stayed gained (as they read after the merge). */
  readonly addedAttributions: readonly AttributionFile[];
  /** Statement ids it gained. */
  readonly addedStatementIds: readonly string[];
}

/** What a merge document (StoredDocument kind 'merge', id = the absorbed id) holds. */
export interface MergeRecord {
  readonly survivorId: string;
  readonly absorbedId: string;
  readonly reason: string;
  readonly mergedAt: string;
  readonly mergedBy: string;
  /** The absorbed entity as it was. */
  readonly absorbed: EntityFile;
  /** Aliases the survivor gained. */
  readonly addedAliases: readonly string[];
  readonly moves: readonly MergeMove[];
  /** Relations between the two, removed, as they were. */
  readonly removedRelations: readonly RelationFile[];
  readonly collapsed: readonly CollapsedRelation[];
}

/** Records to write and to remove, in the file form the write service checks. */
export interface GraphEdit {
  readonly entities: EntityFile[];
  readonly relations: RelationFile[];
  readonly statements: StatementFile[];
  readonly removeEntities: string[];
  readonly removeRelations: string[];
}

/** What a merge or its undo reads. */
export interface ResolutionRecords {
  /** Every relation with the absorbed entity (merge: or the survivor) at an end or in an attribution. */
  readonly relations: readonly RelationRecord[];
  /** Every statement naming the absorbed entity (merge) or moved by the merge (undo). */
  readonly statements: readonly StatementRecord[];
  /** Every event whose attributions name the absorbed entity (merge) or were moved (undo). */
  readonly events: readonly EntityRecord[];
  /** The details of an event at a relation's end, as stored now. */
  readonly eventOf: (id: string) => EventDetails | null;
  /** An event's PARTICIPATED_IN and TOOK_PLACE_IN relations, which take its attributions. */
  readonly linksOf: (eventId: string) => readonly RelationRecord[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A file record being edited in place before it is written. */
type Editable<T> = { -readonly [K in keyof T]: T[K] };

/** Checks a merge may go ahead; throws BAD_USER_INPUT naming every reason it may not. */
export function checkMergeable(survivor: EntityRecord, absorbed: EntityRecord): void {
  const problems: string[] = [];
  if (survivor.id === absorbed.id) problems.push(`An entity cannot be merged into itself ("${survivor.id}").`);
  if (survivor.kind !== absorbed.kind) {
    problems.push(`"${absorbed.id}" is a ${absorbed.kind} and "${survivor.id}" a ${survivor.kind}: only entities of one kind merge.`);
  }
  if (survivor.kind === 'EVENT' || absorbed.kind === 'EVENT') {
    problems.push('Events are facts with attributions of their own and are not merged; retract the duplicate event instead.');
  }
  if (problems.length > 0) throw badInput(`The merge was refused: ${problems.join(' ')}`, { problems });
}

/** The merge of `absorbed` into `survivor`: the edit to commit, and the record that undoes it. */
export function planMerge(
  survivor: EntityRecord,
  absorbed: EntityRecord,
  records: ResolutionRecords,
  meta: { reason: string; at: string; by: string },
): { edit: GraphEdit; record: MergeRecord } {
  checkMergeable(survivor, absorbed);
  const S = survivor.id;
  const A = absorbed.id;
  const moves: MergeMove[] = [];

  const known = new Set([survivor.name, ...survivor.aliases]);
  const addedAliases = [absorbed.name, ...absorbed.aliases].filter((alias) => !known.has(alias) && (known.add(alias), true));
  const survivorFile: EntityFile = { ...entityToFile(survivor), aliases: [...survivor.aliases, ...addedAliases] };

  // Events first: their links take their attributions, so a link is written in the form that inherits.
  const events = new Map<string, EntityFile>();
  for (const event of records.events) {
    const file = entityToFile(event);
    const attributions = movedAttributions(file.event!.attributions, A, S, (i, field) =>
      moves.push({ record: 'event', id: event.id, field, attributionIndex: i }),
    );
    events.set(event.id, { ...file, event: { ...file.event!, attributions } });
  }

  const relations = new Map<string, RelationFile>();
  const originals = new Map<string, RelationFile>();
  const relationMoves = new Map<string, MergeMove[]>();
  const allRelations = new Map<string, RelationRecord>();
  for (const r of records.relations) allRelations.set(r.id, r);
  for (const id of events.keys()) for (const r of records.linksOf(id)) allRelations.set(r.id, r);
  for (const r of allRelations.values()) {
    const original = relationToFile(r, records.eventOf);
    originals.set(r.id, original);
    const own: MergeMove[] = [];
    const file: Editable<RelationFile> = { ...original };
    if (file.from === A) {
      file.from = S;
      own.push({ record: 'relation', id: r.id, field: 'from' });
    }
    if (file.to === A) {
      file.to = S;
      own.push({ record: 'relation', id: r.id, field: 'to' });
    }
    if (file.attributions) {
      file.attributions = movedAttributions(file.attributions, A, S, (i, field) =>
        own.push({ record: 'relation', id: r.id, field, attributionIndex: i }),
      );
    }
    relations.set(r.id, file);
    relationMoves.set(r.id, own);
  }

  const removedRelations: RelationFile[] = [];
  const removeRelations: string[] = [];
  for (const [id, file] of relations) {
    if (file.from === S && file.to === S && (originals.get(id)!.from === A || originals.get(id)!.to === A)) {
      removedRelations.push(originals.get(id)!);
      removeRelations.push(id);
      relations.delete(id);
      relationMoves.delete(id);
    }
  }

  // Collapse: a re-pointed relation saying what another relation of the survivor says.
  const collapsed: CollapsedRelation[] = [];
  const repointed = [...relations.keys()].filter((id) => relationMoves.get(id)!.some((m) => m.field === 'from' || m.field === 'to'));
  for (const id of repointed) {
    const file = relations.get(id)!;
    const into = [...relations.values()].find(
      (other) => other.id !== id && !removeRelations.includes(other.id) && saysTheSame(other, file),
    );
    if (!into) continue;
    const intoRecord = allRelations.get(into.id)!;
    const movedRecord = allRelations.get(id)!;
    const intoAttributions = into.attributions ?? intoRecord.attributions.map(attributionToFile);
    const movedAttributions_ = file.attributions ?? movedRecord.attributions.map(attributionToFile);
    const addedAttributions = movedAttributions_.filter((a) => !intoAttributions.some((b) => sameJson(a, b)));
    const addedStatementIds = [...new Set(movedRecord.statementIds)].filter((s) => !intoRecord.statementIds.includes(s));
    const merged: RelationFile = { ...into };
    if (addedAttributions.length > 0) merged.attributions = [...intoAttributions, ...addedAttributions];
    if (addedStatementIds.length > 0) merged.statementIds = [...intoRecord.statementIds, ...addedStatementIds];
    relations.set(into.id, merged);
    collapsed.push({ relation: originals.get(id)!, into: into.id, addedAttributions, addedStatementIds });
    removeRelations.push(id);
    relations.delete(id);
    relationMoves.delete(id);
  }
  for (const own of relationMoves.values()) moves.push(...own);

  const statements: StatementFile[] = records.statements.map((s) => {
    const file: Editable<StatementFile> = statementToFile(s);
    if (s.speakerId === A) {
      file.speakerId = S;
      moves.push({ record: 'statement', id: s.id, field: 'speakerId' });
    }
    if (s.reportedViaId === A) {
      file.reportedViaId = S;
      moves.push({ record: 'statement', id: s.id, field: 'reportedViaId' });
    }
    const index = s.aboutIds.indexOf(A);
    if (index >= 0) {
      const dropped = s.aboutIds.includes(S);
      file.aboutIds = dropped ? s.aboutIds.filter((id) => id !== A) : s.aboutIds.map((id) => (id === A ? S : id));
      moves.push({ record: 'statement', id: s.id, field: 'aboutIds', index, dropped });
    }
    return file;
  });

  return {
    edit: {
      entities: [survivorFile, ...events.values()],
      relations: [...relations.values()],
      statements,
      removeEntities: [A],
      removeRelations,
    },
    record: {
      survivorId: S,
      absorbedId: A,
      reason: meta.reason,
      mergedAt: meta.at,
      mergedBy: meta.by,
      absorbed: entityToFile(absorbed),
      addedAliases,
      moves,
      removedRelations,
      collapsed,
    },
  };
}

function movedAttributions(
  attributions: readonly AttributionFile[],
  from: string,
  to: string,
  moved: (index: number, field: 'claimantId' | 'viaId') => void,
): AttributionFile[] {
  return attributions.map((a, i) => {
    let next = a;
    if (a.claimantId === from) {
      next = { ...next, claimantId: to };
      moved(i, 'claimantId');
    }
    if (a.viaId === from) {
      next = { ...next, viaId: to };
      moved(i, 'viaId');
    }
    return next;
  });
}

/**
 * Same type, same ends (either way round for a symmetric type), same time, and the same
 * attributions (what the dataset validator calls the same fact twice) or the same qualifiers and
 * retraction.
 */
function saysTheSame(a: RelationFile, b: RelationFile): boolean {
  if (a.type !== b.type) return false;
  const sameEnds = (a.from === b.from && a.to === b.to) || (isSymmetric(a.type) && a.from === b.to && a.to === b.from);
  const sameAttributions = sameJson(a.attributions ?? null, b.attributions ?? null);
  // Attributions of a retracted relation must not come alive in a standing one (nor the reverse).
  const sameHow = sameJson(a.qualifiers ?? {}, b.qualifiers ?? {}) && sameJson(a.retraction ?? null, b.retraction ?? null);
  return sameEnds && sameJson(a.time ?? null, b.time ?? null) && (sameAttributions || sameHow);
}

/** What undoing a merge reads besides the records of `ResolutionRecords`. */
export interface UndoContext extends ResolutionRecords {
  /** The survivor as it is now; null when it is gone (merged in turn). */
  readonly survivor: EntityRecord | null;
  /** Which of the ids the undo brings back (the absorbed entity, removed relations) are taken now. */
  readonly takenIds: ReadonlySet<string>;
}

/**
 * The ids of the records an undo needs to read: moved statements, relations and events, and the
 * relations collapsed into.
 */
export function recordsToUndo(record: MergeRecord): { relations: string[]; statements: string[]; events: string[]; restored: string[] } {
  const relations = new Set<string>();
  const statements = new Set<string>();
  const events = new Set<string>();
  for (const m of record.moves) (m.record === 'relation' ? relations : m.record === 'statement' ? statements : events).add(m.id);
  for (const c of record.collapsed) relations.add(c.into);
  return {
    relations: [...relations],
    statements: [...statements],
    events: [...events],
    restored: [record.absorbedId, ...record.removedRelations.map((r) => r.id), ...record.collapsed.map((c) => c.relation.id)],
  };
}

/**
 * The inverse of a merge applied to the records as they are now: throws BAD_USER_INPUT listing
 * every reason it cannot be undone safely.
 */
export function planUnmerge(record: MergeRecord, now: UndoContext): GraphEdit {
  const S = record.survivorId;
  const A = record.absorbedId;
  const problems: string[] = [];
  if (now.survivor === null) problems.push(`The survivor "${S}" is gone (merged into another entity?): undo that first.`);
  for (const id of recordsToUndo(record).restored) {
    if (now.takenIds.has(id)) problems.push(`The id "${id}" the undo would bring back is taken by a record written since.`);
  }
  const relationsById = new Map(now.relations.map((r) => [r.id, r]));
  const statementsById = new Map(now.statements.map((s) => [s.id, s]));
  const eventsById = new Map(now.events.map((e) => [e.id, e]));

  const relations = new Map<string, Editable<RelationFile>>();
  const relationFile = (id: string): Editable<RelationFile> | null => {
    const existing = relations.get(id);
    if (existing) return existing;
    const r = relationsById.get(id);
    if (!r) return null;
    const file = relationToFile(r, now.eventOf);
    relations.set(id, file);
    return file;
  };
  const events = new Map<string, EntityFile>();
  const statements = new Map<string, Editable<StatementFile>>();

  for (const c of record.collapsed) {
    const file = relationFile(c.into);
    const current = relationsById.get(c.into);
    if (!file || !current) {
      problems.push(`The relation "${c.into}" that "${c.relation.id}" was collapsed into is gone.`);
      continue;
    }
    if (c.addedAttributions.length > 0) {
      const attributions = [...(file.attributions ?? current.attributions.map(attributionToFile))];
      for (const added of c.addedAttributions) {
        const at = attributions.findLastIndex((a) => sameJson(a, added));
        if (at >= 0) attributions.splice(at, 1);
      }
      file.attributions = attributions;
    }
    if (c.addedStatementIds.length > 0) file.statementIds = current.statementIds.filter((s) => !c.addedStatementIds.includes(s));
  }

  for (const move of record.moves) {
    const where = `${move.record} "${move.id}" (${move.field})`;
    if (move.record === 'relation' && (move.field === 'from' || move.field === 'to')) {
      const file = relationFile(move.id);
      if (!file) problems.push(`The ${where} moved by the merge is gone.`);
      else if (file[move.field] !== S) problems.push(`The ${where} no longer names "${S}".`);
      else file[move.field] = A;
    } else if (move.field === 'claimantId' || move.field === 'viaId') {
      let attributions: AttributionFile[] | null = null;
      if (move.record === 'relation') {
        const file = relationFile(move.id);
        if (file) attributions = file.attributions = [...(file.attributions ?? relationsById.get(move.id)!.attributions.map(attributionToFile))];
      } else {
        const event = eventsById.get(move.id);
        if (event) {
          const file = events.get(move.id) ?? entityToFile(event);
          events.set(move.id, file);
          attributions = file.event!.attributions = [...file.event!.attributions];
        }
      }
      const a = attributions?.[move.attributionIndex];
      if (!attributions) problems.push(`The ${where} moved by the merge is gone.`);
      else if (!a || a[move.field] !== S) problems.push(`The ${where} attribution ${move.attributionIndex} no longer names "${S}".`);
      else attributions[move.attributionIndex] = { ...a, [move.field]: A };
    } else if (move.record === 'statement') {
      const current = statementsById.get(move.id);
      if (!current) {
        problems.push(`The ${where} moved by the merge is gone.`);
        continue;
      }
      const file: Editable<StatementFile> = statements.get(move.id) ?? statementToFile(current);
      statements.set(move.id, file);
      if (move.field === 'aboutIds') {
        const about = [...file.aboutIds];
        if (move.dropped) {
          if (about.includes(A)) problems.push(`The ${where} names "${A}" already.`);
          else about.splice(Math.min(move.index, about.length), 0, A);
        } else {
          const at = about.indexOf(S);
          if (at < 0) problems.push(`The ${where} no longer names "${S}".`);
          else about[at] = A;
        }
        file.aboutIds = about;
      } else if (file[move.field] !== S) {
        problems.push(`The ${where} no longer names "${S}".`);
      } else {
        file[move.field] = A;
      }
    }
  }

  // The links of an event whose attributions moved back take them again.
  for (const id of events.keys()) {
    for (const link of now.linksOf(id)) {
      if (!relationsById.has(link.id)) relationsById.set(link.id, link);
      relationFile(link.id);
    }
  }

  if (problems.length > 0) {
    throw badInput(`The merge of "${A}" into "${S}" cannot be undone safely: ${problems.join(' ')}`, { problems, argument: 'id' });
  }
  const survivor = now.survivor!;
  const added = new Set(record.addedAliases);
  const survivorFile: EntityFile = { ...entityToFile(survivor), aliases: survivor.aliases.filter((alias) => !added.has(alias)) };
  return {
    entities: [survivorFile, record.absorbed, ...events.values()],
    relations: [...relations.values(), ...record.removedRelations, ...record.collapsed.map((c) => c.relation)],
    statements: [...statements.values()],
    removeEntities: [],
    removeRelations: [],
  };
}
