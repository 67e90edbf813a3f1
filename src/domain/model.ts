/**
 * The records the graph is made of. Stores take and return these; the GraphQL layer turns them
 * into the schema's types. Dates are ISO calendar dates (`YYYY-MM-DD`).
 */
import type {
  Approximation,
  ClaimStatus,
  EntityKind,
  EventType,
  LocationPrecision,
  ParticipantRole,
  QuantityMeasure,
  RelationType,
  SourceKind,
  Stance,
  StatementKind,
} from './vocabulary.js';

/**
 * A date as precisely as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real day).
 * Its precision is its length: YEAR, MONTH or DAY.
 */
export type PartialDate = string;

/**
 * When something happened or held, as precisely as the source says: one partial date ("on
 * Sunday": 2025-01-05; "in January": 2025-01), or a range from `start` to `end` ("over the past
 * five months": 2024-08 to 2025-01-06). Facts use it for "happened on / holds over"; what a
 * statement was said on is the statement's own `date` and an attribution's `saidOn`.
 */
export interface TimeSpan {
  readonly start: PartialDate;
  /** Null for a single time (precision that of `start`); otherwise the range's last partial date. */
  readonly end: PartialDate | null;
  /** The source's words for the time, e.g. "over the past five months". */
  readonly text: string | null;
}

/**
 * A fact or an attribution taken back: who took it back, when and why. Nothing is deleted: the
 * record stays readable, marked, and no longer counts towards a status (see deriveStatus).
 */
export interface Retraction {
  /** Who retracted it: the writer's token name or JWT subject. */
  readonly by: string;
  /** When: ISO 8601 UTC with milliseconds. */
  readonly at: string;
  readonly reason: string;
}

/**
 * Who says a fact is so (or not), through whom, on which statement, and when. A fact has one or
 * more; its status is derived from them (`deriveStatus`).
 */
export interface Attribution {
  /** The party that says it; null when the source says it in its own voice. */
  readonly claimantId: string | null;
  /** Through whom the words reached the source: a news agency, a spokesperson. */
  readonly viaId: string | null;
  /** The statement the attribution rests on, when one is recorded. */
  readonly statementId: string | null;
  readonly stance: Stance;
  /** The day it was said (ISO `YYYY-MM-DD`), when known. */
  readonly saidOn: string | null;
  /** The document (or general knowledge) that carries it. */
  readonly sourceId: string;
  readonly note: string | null;
  /** Absent unless the attribution was retracted. */
  readonly retraction?: Retraction;
}

/** A number the source gives for an event, with its bounds. */
export interface Quantity {
  readonly measure: QuantityMeasure;
  /** The number as stated ("approximately 11,000": 11000); null when only words are given. */
  readonly value: number | null;
  /** Bounds the wording implies ("several hundred": 200 to 999); null when none. */
  readonly min: number | null;
  readonly max: number | null;
  readonly approximation: Approximation | null;
  /** For DURATION and DISTANCE: days, weeks, months, km, miles. */
  readonly unit: string | null;
  /** The source's words, e.g. "several hundred Ukrainian troops". */
  readonly wording: string | null;
}

/** A place's position, WGS84 degrees. */
export interface GeoLocation {
  readonly latitude: number;
  readonly longitude: number;
  readonly precision: LocationPrecision;
}

/** What only an EVENT has. */
export interface EventDetails {
  readonly type: EventType;
  readonly time: TimeSpan | null;
  readonly quantities: readonly Quantity[];
  readonly attributions: readonly Attribution[];
  /** Derived from `attributions` and `retraction` (factStatus); never set by hand. */
  readonly status: ClaimStatus;
  /** Absent unless the event (the fact that it happened) was retracted. */
  readonly retraction?: Retraction;
}

export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Places only (COUNTRY, REGION, SETTLEMENT), when known; null otherwise. */
  readonly location: GeoLocation | null;
  /** EVENTs only; null for every other kind. */
  readonly event: EventDetails | null;
}

/** What an entity is called: what duplicate detection compares, without the rest of the record. */
export type EntityName = Pick<EntityRecord, 'id' | 'kind' | 'name' | 'aliases'>;

/** Facts stated in the text about a relation; every field is optional. */
export interface Qualifiers {
  readonly distanceKm?: number;
  readonly distanceMiles?: number;
  readonly troopCount?: number;
  readonly casualtyCount?: number;
  /** How the number above is bounded in the text. */
  readonly approximation?: Approximation;
  /** How much of a place, e.g. "most of". */
  readonly extent?: string;
  /** An office or role, e.g. "foreign policy chief". */
  readonly role?: string;
  /** The source's own words for the fact, e.g. "within five miles". */
  readonly wording?: string;
  readonly note?: string;
  /** PARTICIPATED_IN only (and required there): the part the actor plays in the event. */
  readonly participantRole?: ParticipantRole;
}

export const QUALIFIER_KEYS = [
  'distanceKm',
  'distanceMiles',
  'troopCount',
  'casualtyCount',
  'approximation',
  'extent',
  'role',
  'wording',
  'note',
  'participantRole',
] as const satisfies readonly (keyof Qualifiers)[];

export interface RelationRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  /** When the relation held or happened, as precisely as the source says; null when it does not. */
  readonly time: TimeSpan | null;
  /** Who says so; at least one. */
  readonly attributions: readonly Attribution[];
  /** Derived from `attributions` and `retraction` (factStatus). */
  readonly status: ClaimStatus;
  /** Absent unless the relation was retracted. */
  readonly retraction?: Retraction;
  /** Derived: the first asserting claimant, by attribution order; null when the source's own voice asserts it. */
  readonly claimedBy: string | null;
  /** Derived: `time.start` when it is a single day, else null (the landed field; `time` replaces it). */
  readonly date: string | null;
  /** Derived: the first attribution's source. */
  readonly sourceId: string;
  /** Statements the relation rests on. */
  readonly statementIds: readonly string[];
  readonly qualifiers: Qualifiers;
}

export interface StatementRecord {
  readonly id: string;
  readonly kind: StatementKind;
  readonly text: string;
  readonly date: string | null;
  readonly speakerId: string | null;
  readonly aboutIds: readonly string[];
  readonly sourceId: string;
  readonly status: ClaimStatus;
  /** The medium the words were given to (e.g. a news agency), when the source says so. */
  readonly reportedViaId: string | null;
}

export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** DOCUMENT for reporting; GENERAL_KNOWLEDGE for what the editors add from public knowledge. */
  readonly kind: SourceKind;
}

/** A whole graph: what the seed file holds and what a store loads. */
export interface Dataset {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
}
