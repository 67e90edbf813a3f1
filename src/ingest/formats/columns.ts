/**
 * The columns the analysts' formats share (GraphML keys, CSV headers): one per attribute of a
 * node (an entity) or an edge (a relation), with its type, and provenance spelled out: status,
 * claimants by stance, a retraction in words, every attribution in one compact cell (a retracted
 * one saying so), the sources cited (id and title),
 * time with its precision, statement ids. Lists are joined with " | ".
 */
import { claimantsOf, firstClaimant, precisionOf, QUALIFIER_KEYS, RELATION_TYPES } from '../../domain/index.js';
import type { Attribution, Dataset, EntityRecord, Quantity, RelationRecord, Retraction, TimeSpan } from '../../domain/model.js';
import type { Stance } from '../../domain/vocabulary.js';

export type ColumnType = 'string' | 'boolean' | 'long' | 'double';
export type Cell = string | number | boolean | null;

export interface Column<T> {
  /** The attribute's name: GraphML `attr.name`, CSV header. */
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (record: T, lookup: Lookup) => Cell;
}

/** What a row needs from the rest of the dataset. */
export interface Lookup {
  readonly sourceTitle: (id: string) => string | null;
}

export const LIST_SEPARATOR = ' | ';

export function lookupOf(dataset: Dataset): Lookup {
  const titles = new Map(dataset.sources.map((s) => [s.id, s.title]));
  return { sourceTitle: (id) => titles.get(id) ?? null };
}

const list = (values: readonly string[]): string | null => (values.length === 0 ? null : values.join(LIST_SEPARATOR));

const byStance = (attributions: readonly Attribution[], stance: Stance) =>
  list([...new Set(attributions.flatMap((a) => (a.stance === stance && a.claimantId !== null ? [a.claimantId] : [])))]);

/** One attribution in words, e.g. `country:russia ASSERTS via org:reuters said 2025-01-06 statement stmt:x source source:y`. */
export function attributionText(a: Attribution): string {
  return [
    a.claimantId ?? '(source)',
    a.stance,
    a.viaId === null ? null : `via ${a.viaId}`,
    a.saidOn === null ? null : `said ${a.saidOn}`,
    a.statementId === null ? null : `statement ${a.statementId}`,
    `source ${a.sourceId}`,
    a.note === null ? null : `note "${a.note}"`,
    a.retraction ? `retracted ${retractionText(a.retraction)}` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
}

/** A retraction in words: `by token:x at 2025-01-07T09:30:00.000Z: "reason"`. */
export function retractionText(r: Retraction): string {
  return `by ${r.by} at ${r.at}: "${r.reason}"`;
}

function quantityText(q: Quantity): string {
  const bounds = q.min === null && q.max === null ? null : `${q.min ?? ''}..${q.max ?? ''}`;
  return [q.measure, q.approximation, q.value, bounds, q.unit, q.wording === null ? null : `"${q.wording}"`]
    .filter((part) => part !== null)
    .join(' ');
}

const citedSources = (attributions: readonly Attribution[]) => [...new Set(attributions.map((a) => a.sourceId))];

/** Provenance columns of a fact (an event or a relation), from its attributions and time. */
function provenanceColumns<T>(
  attributionsOf: (record: T) => readonly Attribution[] | null,
  timeOf: (record: T) => TimeSpan | null,
  statementIdsOf: (record: T) => readonly string[],
): Column<T>[] {
  const on = (f: (a: readonly Attribution[]) => Cell) => (record: T) => {
    const attributions = attributionsOf(record);
    return attributions === null ? null : f(attributions);
  };
  const time = (f: (t: TimeSpan) => Cell) => (record: T) => {
    const t = timeOf(record);
    return t === null ? null : f(t);
  };
  return [
    { name: 'claimedBy', type: 'string', value: on(firstClaimant) },
    { name: 'claimants', type: 'string', value: on((a) => list(claimantsOf(a))) },
    { name: 'assertedBy', type: 'string', value: on((a) => byStance(a, 'ASSERTS')) },
    { name: 'disputedBy', type: 'string', value: on((a) => byStance(a, 'DISPUTES')) },
    { name: 'deniedBy', type: 'string', value: on((a) => byStance(a, 'DENIES')) },
    { name: 'cannotVerifyBy', type: 'string', value: on((a) => byStance(a, 'CANNOT_VERIFY')) },
    { name: 'attributions', type: 'string', value: on((a) => list(a.map(attributionText))) },
    { name: 'sourceId', type: 'string', value: on((a) => a[0]?.sourceId ?? null) },
    {
      name: 'sourceTitle',
      type: 'string',
      value: (record, lookup) => {
        const first = attributionsOf(record)?.[0];
        return first === undefined ? null : lookup.sourceTitle(first.sourceId);
      },
    },
    { name: 'citedSourceIds', type: 'string', value: on((a) => list(citedSources(a))) },
    { name: 'timeStart', type: 'string', value: time((t) => t.start) },
    { name: 'timeEnd', type: 'string', value: time((t) => t.end) },
    { name: 'timePrecision', type: 'string', value: time(precisionOf) },
    { name: 'timeText', type: 'string', value: time((t) => t.text) },
    { name: 'statementIds', type: 'string', value: (record) => list(statementIdsOf(record)) },
  ];
}

/** Node columns, after the node's id. */
export const NODE_COLUMNS: readonly Column<EntityRecord>[] = [
  { name: 'label', type: 'string', value: (e) => e.name },
  { name: 'kind', type: 'string', value: (e) => e.kind },
  { name: 'aliases', type: 'string', value: (e) => list(e.aliases) },
  { name: 'description', type: 'string', value: (e) => e.description },
  { name: 'latitude', type: 'double', value: (e) => e.location?.latitude ?? null },
  { name: 'longitude', type: 'double', value: (e) => e.location?.longitude ?? null },
  { name: 'locationPrecision', type: 'string', value: (e) => e.location?.precision ?? null },
  { name: 'eventType', type: 'string', value: (e) => e.event?.type ?? null },
  { name: 'status', type: 'string', value: (e) => e.event?.status ?? null },
  { name: 'retraction', type: 'string', value: (e) => (e.event?.retraction ? retractionText(e.event.retraction) : null) },
  { name: 'quantities', type: 'string', value: (e) => list(e.event?.quantities.map(quantityText) ?? []) },
  ...provenanceColumns<EntityRecord>(
    (e) => e.event?.attributions ?? null,
    (e) => e.event?.time ?? null,
    (e) => [...new Set(e.event?.attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId])) ?? [])],
  ),
];

const QUALIFIER_TYPES: Record<(typeof QUALIFIER_KEYS)[number], ColumnType> = {
  distanceKm: 'double',
  distanceMiles: 'double',
  troopCount: 'long',
  casualtyCount: 'long',
  approximation: 'string',
  extent: 'string',
  role: 'string',
  wording: 'string',
  note: 'string',
  participantRole: 'string',
};

/** Edge columns, after the edge's id and ends. */
export const EDGE_COLUMNS: readonly Column<RelationRecord>[] = [
  { name: 'relationType', type: 'string', value: (r) => r.type },
  { name: 'symmetric', type: 'boolean', value: (r) => RELATION_TYPES[r.type].symmetric },
  { name: 'status', type: 'string', value: (r) => r.status },
  { name: 'retraction', type: 'string', value: (r) => (r.retraction ? retractionText(r.retraction) : null) },
  ...provenanceColumns<RelationRecord>(
    (r) => r.attributions,
    (r) => r.time,
    (r) => r.statementIds,
  ),
  ...QUALIFIER_KEYS.map((key): Column<RelationRecord> => ({ name: key, type: QUALIFIER_TYPES[key], value: (r) => r.qualifiers[key] ?? null })),
];
