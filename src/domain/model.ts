/**
 * The records the graph is made of. Stores take and return these; the GraphQL layer turns them
 * into the schema's types. Dates are ISO calendar dates (`YYYY-MM-DD`).
 */
import type {
  Approximation,
  ClaimStatus,
  EntityKind,
  RelationType,
  StatementKind,
} from './vocabulary.js';

export interface EntityRecord {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
}

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
] as const satisfies readonly (keyof Qualifiers)[];

export interface RelationRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly status: ClaimStatus;
  /** The entity that asserts the relation; null when the source narrates it as its own. */
  readonly claimedBy: string | null;
  /** The day the relation is said to hold or to have happened. */
  readonly date: string | null;
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
}

/** A whole graph: what the seed file holds and what a store loads. */
export interface Dataset {
  readonly sources: readonly SourceRecord[];
  readonly entities: readonly EntityRecord[];
  readonly relations: readonly RelationRecord[];
  readonly statements: readonly StatementRecord[];
}
