/**
 * Checks a dataset (the seed file, or anything loaded later) before any store sees it: shapes,
 * ids, kinds, relation types and the kinds they may join, references, and duplicates. Every
 * problem is reported with the record that has it; nothing is loaded unless there are none.
 */
import { isIsoDate } from './dates.js';
import { idPrefix, isWellFormedId, kindOfEntityId, RELATION_ID_PREFIX, SOURCE_ID_PREFIX, STATEMENT_ID_PREFIX } from './ids.js';
import { deriveStatus, earliestDay, firstClaimant, isPartialDate, latestDay, legacyDate } from './facts.js';
import {
  QUALIFIER_KEYS,
  type Attribution,
  type Dataset,
  type EntityRecord,
  type EventDetails,
  type GeoLocation,
  type Qualifiers,
  type Quantity,
  type RelationRecord,
  type SourceRecord,
  type StatementRecord,
  type TimeSpan,
} from './model.js';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  STATEMENT_KINDS,
  EVENT_TYPE_NAMES,
  SOURCE_KINDS,
  STANCE_NAMES,
  isRelationType,
  type EntityKind,
} from './vocabulary.js';

export class DatasetValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'DatasetValidationError';
  }
}

type Obj = Record<string, unknown>;

/**
 * How a problem names its record: the kind, the id when it has a usable one, and always its place
 * in the file (`entities[3]`), so that a problem can be found in the file even without an id.
 */
function recordLabel(kind: string, section: string, index: number, id: string | null): string {
  return id === null ? `${kind} ${section}[${index}]` : `${kind} "${id}" (${section}[${index}])`;
}
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the dataset typed, or throws a DatasetValidationError listing every problem. */
export function parseDataset(raw: unknown): Dataset {
  const upgraded = upgradeLegacyDataset(raw);
  const problems = validateDataset(upgraded);
  if (problems.length > 0) throw new DatasetValidationError(problems);
  return withDefaults(upgraded as FileDataset);
}

/**
 * Files written before facts had attributions gave a relation one `status`, `claimedBy` and
 * `date`. They still load: each such relation gets the attributions that give the same status
 * where the rule allows (a single claimant asserting reads CLAIMED; the source's voice CONFIRMED;
 * UNVERIFIED adds the source's CANNOT_VERIFY; DISPUTED the source's DISPUTES; DENIED the
 * claimant's DENIES) and its date becomes a day-precision time.
 */
export function upgradeLegacyDataset(raw: unknown): unknown {
  if (!isObj(raw) || !Array.isArray(raw.relations)) return raw;
  const relations = raw.relations.map((r: unknown) => {
    if (!isObj(r) || r.attributions !== undefined || typeof r.status !== 'string') return r;
    const { status, claimedBy, date, ...rest } = r;
    const claimantId = typeof claimedBy === 'string' ? claimedBy : null;
    const sourceId = r.sourceId;
    const said = (stance: string, who: string | null) => ({ claimantId: who, stance, sourceId });
    const attributions =
      status === 'DENIED'
        ? [said('DENIES', claimantId)]
        : status === 'UNVERIFIED'
          ? [said('ASSERTS', claimantId), said('CANNOT_VERIFY', null)]
          : status === 'DISPUTED'
            ? [said('ASSERTS', claimantId), said('DISPUTES', null)]
            : [said('ASSERTS', claimantId)];
    return { ...rest, ...(typeof date === 'string' ? { time: { start: date } } : {}), attributions };
  });
  return { ...raw, relations };
}

/** A dataset as a file gives it: optional fields absent, derived fields not yet computed. */
type FileDataset = {
  sources: (Omit<SourceRecord, 'kind'> & Partial<Pick<SourceRecord, 'kind'>>)[];
  entities: (Omit<EntityRecord, 'location' | 'event'> & {
    location?: GeoLocation | null;
    event?: (Omit<EventDetails, 'status' | 'attributions' | 'quantities' | 'time'> & {
      time?: Partial<TimeSpan> | null;
      quantities?: Partial<Quantity>[];
      attributions: Partial<Attribution>[];
    }) | null;
  })[];
  relations: (Pick<RelationRecord, 'id' | 'type' | 'from' | 'to'> & {
    time?: Partial<TimeSpan> | null;
    attributions?: Partial<Attribution>[];
    statementIds?: string[];
    qualifiers?: Qualifiers;
  })[];
  statements: StatementRecord[];
};

function completeTime(t: Partial<TimeSpan> | null | undefined): TimeSpan | null {
  return t ? { start: t.start!, end: t.end ?? null, text: t.text ?? null } : null;
}

function completeAttribution(a: Partial<Attribution>): Attribution {
  return {
    claimantId: a.claimantId ?? null,
    viaId: a.viaId ?? null,
    statementId: a.statementId ?? null,
    stance: a.stance!,
    saidOn: a.saidOn ?? null,
    sourceId: a.sourceId!,
    note: a.note ?? null,
  };
}

function completeQuantity(q: Partial<Quantity>): Quantity {
  return {
    measure: q.measure!,
    value: q.value ?? null,
    min: q.min ?? null,
    max: q.max ?? null,
    approximation: q.approximation ?? null,
    unit: q.unit ?? null,
    wording: q.wording ?? null,
  };
}

/**
 * Optional fields of a dataset file take their empty values and derived fields are computed
 * (facts.ts), so stores see complete records. The relations of an event (PARTICIPATED_IN,
 * TOOK_PLACE_IN) without attributions or time of their own take the event's.
 */
function withDefaults(d: FileDataset): Dataset {
  const entities: EntityRecord[] = d.entities.map((e) => {
    const event: EventDetails | null = e.event
      ? (() => {
          const attributions = e.event.attributions.map(completeAttribution);
          return {
            type: e.event.type,
            time: completeTime(e.event.time),
            quantities: (e.event.quantities ?? []).map(completeQuantity),
            attributions,
            status: deriveStatus(attributions),
          };
        })()
      : null;
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      description: e.description ?? null,
      location: e.location ?? null,
      event,
    };
  });
  const eventById = new Map(entities.filter((e) => e.event !== null).map((e) => [e.id, e.event!]));
  const eventOf = (r: { from: string; to: string }) => eventById.get(r.to) ?? eventById.get(r.from) ?? null;
  return {
    sources: d.sources.map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher ?? null,
      published: s.published ?? null,
      url: s.url ?? null,
      kind: s.kind ?? 'DOCUMENT',
    })),
    entities,
    relations: d.relations.map((r) => {
      const inherited = r.attributions === undefined || r.time === undefined ? eventOf(r) : null;
      const attributions = r.attributions?.map(completeAttribution) ?? inherited?.attributions ?? [];
      const time = r.time === undefined ? (inherited?.time ?? null) : completeTime(r.time);
      const statementIds = [
        ...new Set([
          ...attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId])),
          ...(r.statementIds ?? []),
        ]),
      ];
      return {
        id: r.id,
        type: r.type,
        from: r.from,
        to: r.to,
        time,
        attributions,
        status: deriveStatus(attributions),
        claimedBy: firstClaimant(attributions),
        date: legacyDate(time),
        sourceId: attributions[0]?.sourceId ?? '',
        statementIds,
        qualifiers: r.qualifiers ?? {},
      };
    }),
    statements: d.statements.map((s) => ({
      id: s.id,
      kind: s.kind,
      text: s.text,
      date: s.date ?? null,
      speakerId: s.speakerId ?? null,
      aboutIds: s.aboutIds,
      sourceId: s.sourceId,
      status: s.status,
      reportedViaId: s.reportedViaId ?? null,
    })),
  };
}

export function validateDataset(raw: unknown): string[] {
  const problems: string[] = [];
  if (!isObj(raw)) return ['The dataset must be a JSON object with sources, entities, relations and statements.'];
  const sections = ['sources', 'entities', 'relations', 'statements'] as const;
  for (const key of Object.keys(raw)) {
    if (!(sections as readonly string[]).includes(key) && key !== '$comment') {
      problems.push(`Unknown top-level field "${key}"; expected ${sections.join(', ')}.`);
    }
  }
  const list = (key: (typeof sections)[number]): Obj[] => {
    const value = raw[key];
    if (!Array.isArray(value)) {
      problems.push(`"${key}" must be an array.`);
      return [];
    }
    return value.filter((item, i) => {
      if (isObj(item)) return true;
      problems.push(`${key}[${i}] must be an object.`);
      return false;
    });
  };
  const sources = list('sources');
  const entities = list('entities');
  const relations = list('relations');
  const statements = list('statements');

  const seen = new Map<string, string>();
  const entityKinds = new Map<string, EntityKind>();
  const sourceIds = new Set<string>();
  const statementIds = new Set<string>();

  const checkId = (record: Obj, where: string, prefix?: string): string | null => {
    const id = record.id;
    if (typeof id !== 'string' || !isWellFormedId(id)) {
      problems.push(`${where} has a missing or malformed id ${JSON.stringify(id)} (expected e.g. "person:apti-alaudinov").`);
      return null;
    }
    if (prefix !== undefined && idPrefix(id) !== prefix) {
      problems.push(`${where} "${id}": the id must start with "${prefix}:".`);
    }
    const earlier = seen.get(id);
    if (earlier) problems.push(`${where} "${id}" duplicates the id of ${earlier}.`);
    else seen.set(id, where);
    return id;
  };
  const str = (record: Obj, field: string, label: string, opts: { optional?: boolean } = {}) => {
    const value = record[field];
    if (value === undefined || value === null) {
      if (!opts.optional) problems.push(`${label} is missing "${field}".`);
      return;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${label} has a "${field}" that is not a non-empty string.`);
    }
  };
  const date = (record: Obj, field: string, label: string) => {
    const value = record[field];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !isIsoDate(value)) {
      problems.push(`${label} has "${field}" ${JSON.stringify(value)}, which is not a YYYY-MM-DD date.`);
    }
  };
  const oneOf = (record: Obj, field: string, allowed: readonly string[], label: string) => {
    const value = record[field];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push(`${label} has ${field} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}.`);
    }
  };
  const known = (record: Obj, field: string, label: string, ok: (id: string) => boolean, what: string, optional = false) => {
    const value = record[field];
    if (value === undefined || value === null) {
      if (!optional) problems.push(`${label} is missing "${field}".`);
      return;
    }
    if (typeof value !== 'string' || !ok(value)) {
      problems.push(`${label} refers in "${field}" to ${JSON.stringify(value)}, which is not a known ${what}.`);
    }
  };
  const knownList = (record: Obj, field: string, label: string, ok: (id: string) => boolean, what: string, nonEmpty: boolean) => {
    const value = record[field];
    if (!Array.isArray(value)) {
      problems.push(`${label} must have "${field}" as an array.`);
      return;
    }
    if (nonEmpty && value.length === 0) problems.push(`${label} has an empty "${field}".`);
    for (const item of value) {
      if (typeof item !== 'string' || !ok(item)) {
        problems.push(`${label} refers in "${field}" to ${JSON.stringify(item)}, which is not a known ${what}.`);
      }
    }
    if (new Set(value).size !== value.length) problems.push(`${label} lists the same id twice in "${field}".`);
  };
  const fields = (record: Obj, label: string, allowed: readonly string[]) => {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) problems.push(`${label} has an unknown field "${key}".`);
    }
  };

  sources.forEach((s, i) => {
    const id = checkId(s, `sources[${i}]`, SOURCE_ID_PREFIX);
    const label = recordLabel('Source', 'sources', i, id);
    fields(s, label, ['id', 'title', 'publisher', 'published', 'url', 'kind']);
    if (s.kind !== undefined) oneOf(s, 'kind', SOURCE_KINDS, label);
    str(s, 'title', label);
    str(s, 'publisher', label, { optional: true });
    str(s, 'url', label, { optional: true });
    date(s, 'published', label);
    if (id) sourceIds.add(id);
  });

  entities.forEach((e, i) => {
    const id = checkId(e, `entities[${i}]`);
    const label = recordLabel('Entity', 'entities', i, id);
    fields(e, label, ['id', 'kind', 'name', 'aliases', 'description', 'location', 'event']);
    oneOf(e, 'kind', ENTITY_KINDS, label);
    str(e, 'name', label);
    str(e, 'description', label, { optional: true });
    if (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
      problems.push(`${label} must have "aliases" as an array of non-empty strings.`);
    } else if (new Set(e.aliases).size !== e.aliases.length || e.aliases.includes(e.name)) {
      problems.push(`${label} repeats an alias or its name among its aliases.`);
    }
    if (id && typeof e.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(e.kind)) {
      if (kindOfEntityId(id) !== e.kind) {
        problems.push(`${label} is a ${e.kind} but its id prefix "${idPrefix(id)}" belongs to another kind.`);
      }
      entityKinds.set(id, e.kind as EntityKind);
    }
  });

  statements.forEach((s) => {
    if (typeof s.id === 'string') statementIds.add(s.id);
  });

  const isEntity = (id: string) => entityKinds.has(id);
  const isSource = (id: string) => sourceIds.has(id);
  const isStatement = (id: string) => statementIds.has(id);

  /** A fact's attributions: at least one, each with a stance and a known source. */
  const checkAttributions = (value: unknown, label: string) => {
    if (!Array.isArray(value) || value.length === 0) {
      problems.push(`${label} must have "attributions": a non-empty array (who says so).`);
      return;
    }
    value.forEach((a, j) => {
      const where = `${label} attributions[${j}]`;
      if (!isObj(a)) {
        problems.push(`${where} must be an object.`);
        return;
      }
      fields(a, where, ['claimantId', 'viaId', 'statementId', 'stance', 'saidOn', 'sourceId', 'note']);
      oneOf(a, 'stance', STANCE_NAMES, where);
      known(a, 'claimantId', where, isEntity, 'entity', true);
      known(a, 'viaId', where, isEntity, 'entity', true);
      known(a, 'statementId', where, isStatement, 'statement', true);
      known(a, 'sourceId', where, isSource, 'source');
      date(a, 'saidOn', where);
      str(a, 'note', where, { optional: true });
    });
  };
  /** A time: a partial date, or a range of two in order. */
  const checkTime = (value: unknown, label: string) => {
    if (value === undefined || value === null) return;
    if (!isObj(value)) {
      problems.push(`${label} has "time" that is not an object with "start".`);
      return;
    }
    const where = `${label} time`;
    fields(value, where, ['start', 'end', 'text']);
    for (const key of ['start', 'end'] as const) {
      const v = value[key];
      if (v === undefined || v === null) {
        if (key === 'start') problems.push(`${where} is missing "start".`);
      } else if (typeof v !== 'string' || !isPartialDate(v)) {
        problems.push(`${where} has "${key}" ${JSON.stringify(v)}, which is not YYYY, YYYY-MM or YYYY-MM-DD.`);
      }
    }
    if (typeof value.start === 'string' && typeof value.end === 'string' && isPartialDate(value.start) && isPartialDate(value.end)) {
      if (latestDay(value.end) < earliestDay(value.start)) problems.push(`${where} ends before it starts.`);
    }
    str(value, 'text', where, { optional: true });
  };

  entities.forEach((e, i) => {
    if (e.event === undefined || e.event === null) return;
    const label = recordLabel('Entity', 'entities', i, typeof e.id === 'string' ? e.id : null);
    if (!isObj(e.event)) {
      problems.push(`${label} has "event" that is not an object.`);
      return;
    }
    const where = `${label} event`;
    fields(e.event, where, ['type', 'time', 'quantities', 'attributions']);
    oneOf(e.event, 'type', EVENT_TYPE_NAMES, where);
    checkTime(e.event.time, where);
    checkAttributions(e.event.attributions, where);
  });

  statements.forEach((s, i) => {
    const id = checkId(s, `statements[${i}]`, STATEMENT_ID_PREFIX);
    const label = recordLabel('Statement', 'statements', i, id);
    fields(s, label, ['id', 'kind', 'text', 'date', 'speakerId', 'aboutIds', 'sourceId', 'status', 'reportedViaId']);
    oneOf(s, 'kind', STATEMENT_KINDS, label);
    oneOf(s, 'status', CLAIM_STATUSES, label);
    str(s, 'text', label);
    date(s, 'date', label);
    known(s, 'speakerId', label, isEntity, 'entity', true);
    known(s, 'reportedViaId', label, isEntity, 'entity', true);
    known(s, 'sourceId', label, isSource, 'source');
    knownList(s, 'aboutIds', label, isEntity, 'entity', true);
  });

  const relationKeys = new Map<string, string>();
  relations.forEach((r, i) => {
    const id = checkId(r, `relations[${i}]`, RELATION_ID_PREFIX);
    const label = recordLabel('Relation', 'relations', i, id);
    fields(r, label, ['id', 'type', 'from', 'to', 'time', 'attributions', 'sourceId', 'statementIds', 'qualifiers']);
    const type = r.type;
    if (typeof type !== 'string' || !isRelationType(type)) {
      problems.push(`${label} has type ${JSON.stringify(type)}; known types are ${RELATION_TYPE_NAMES.join(', ')}.`);
    }
    known(r, 'from', label, isEntity, 'entity');
    known(r, 'to', label, isEntity, 'entity');
    const ofEvent = type === 'PARTICIPATED_IN' || type === 'TOOK_PLACE_IN';
    if (r.attributions !== undefined || !ofEvent) checkAttributions(r.attributions, label);
    checkTime(r.time, label);
    if (r.statementIds !== undefined) knownList(r, 'statementIds', label, isStatement, 'statement', false);
    date(r, 'date', label);
    checkQualifiers(r.qualifiers, label, problems);
    if (typeof type === 'string' && isRelationType(type) && typeof r.from === 'string' && typeof r.to === 'string') {
      const spec = RELATION_TYPES[type];
      const fromKind = entityKinds.get(r.from);
      const toKind = entityKinds.get(r.to);
      if (r.from === r.to) problems.push(`${label} joins "${r.from}" to itself.`);
      if (fromKind && !(spec.from as readonly string[]).includes(fromKind)) {
        problems.push(`${label}: a ${type} relation cannot start at a ${fromKind} ("${r.from}"); it starts at ${spec.from.join(' or ')}.`);
      }
      if (toKind && !(spec.to as readonly string[]).includes(toKind)) {
        problems.push(`${label}: a ${type} relation cannot end at a ${toKind} ("${r.to}"); it ends at ${spec.to.join(' or ')}.`);
      }
      // The same fact twice (for symmetric types, in either direction) from the same claimant.
      const ends = spec.symmetric ? [r.from, r.to].sort() : [r.from, r.to];
      const key = [type, ...ends, JSON.stringify(r.attributions ?? null), JSON.stringify(r.time ?? null)].join(' ');
      const earlier = relationKeys.get(key);
      if (earlier) problems.push(`${label} states the same ${type} relation as "${earlier}".`);
      else relationKeys.set(key, String(id));
    }
  });

  return problems;
}

function checkQualifiers(value: unknown, label: string, problems: string[]): void {
  if (value === undefined) return;
  if (!isObj(value)) {
    problems.push(`${label} has "qualifiers" that is not an object.`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!(QUALIFIER_KEYS as readonly string[]).includes(key)) {
      problems.push(`${label} has an unknown qualifier "${key}"; known qualifiers are ${QUALIFIER_KEYS.join(', ')}.`);
      continue;
    }
    const numeric = key === 'distanceKm' || key === 'distanceMiles' || key === 'troopCount' || key === 'casualtyCount';
    if (numeric && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      problems.push(`${label} has qualifier "${key}" ${JSON.stringify(v)}, which is not a non-negative number.`);
    } else if (key === 'approximation' && !(APPROXIMATIONS as readonly unknown[]).includes(v)) {
      problems.push(`${label} has approximation ${JSON.stringify(v)}; expected one of ${APPROXIMATIONS.join(', ')}.`);
    } else if (!numeric && key !== 'approximation' && (typeof v !== 'string' || v.trim() === '')) {
      problems.push(`${label} has qualifier "${key}" that is not a non-empty string.`);
    }
  }
}
