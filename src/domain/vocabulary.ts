/**
 * The domain vocabulary: the kinds of entity the graph holds, the relation types that may join
 * them, and the words used for provenance. Both stores and the GraphQL layer take their words
 * from here and nowhere else; the schema's enums mirror these lists (a unit test checks it).
 */

export const ENTITY_KINDS = [
  'PERSON',
  'UNIT',
  'ORGANIZATION',
  'COUNTRY',
  'REGION',
  'SETTLEMENT',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The prefix of an entity id, e.g. `person` in `person:apti-alaudinov`. */
export const ID_PREFIX_BY_KIND: Readonly<Record<EntityKind, string>> = {
  PERSON: 'person',
  UNIT: 'unit',
  ORGANIZATION: 'org',
  COUNTRY: 'country',
  REGION: 'region',
  SETTLEMENT: 'settlement',
};

/** Kinds that are places: they can be fought in, deployed to, captured, located in. */
export const PLACE_KINDS: readonly EntityKind[] = ['COUNTRY', 'REGION', 'SETTLEMENT'];
/** Kinds that act: they command, fight, claim, support. */
export const ACTOR_KINDS: readonly EntityKind[] = ['PERSON', 'UNIT', 'ORGANIZATION', 'COUNTRY'];

export interface RelationTypeSpec {
  /** What the relation says, in a sentence with "from" and "to". */
  readonly description: string;
  readonly from: readonly EntityKind[];
  readonly to: readonly EntityKind[];
  /** Symmetric relations are stored once and read the same from either end. */
  readonly symmetric: boolean;
}

const UNIT_OR_ORG: readonly EntityKind[] = ['UNIT', 'ORGANIZATION'];
const FORCE: readonly EntityKind[] = ['UNIT', 'ORGANIZATION', 'COUNTRY'];

export const RELATION_TYPES = {
  COMMANDS: {
    description: 'from (a person) commands to (a unit or organization).',
    from: ['PERSON'],
    to: UNIT_OR_ORG,
    symmetric: false,
  },
  MEMBER_OF: {
    description: 'from belongs to, serves in or holds an office in to (role in qualifiers).',
    from: ['PERSON'],
    to: ['UNIT', 'ORGANIZATION', 'COUNTRY'],
    symmetric: false,
  },
  PART_OF: {
    description: 'from (a unit or organization) is a part of to.',
    from: UNIT_OR_ORG,
    to: ['UNIT', 'ORGANIZATION', 'COUNTRY'],
    symmetric: false,
  },
  DEPLOYED_TO: {
    description: 'from (a force) is deployed to to (a place); troop count in qualifiers.',
    from: FORCE,
    to: PLACE_KINDS,
    symmetric: false,
  },
  FIGHTING_IN: {
    description: 'from (a force or a commander) is fighting in to (a place).',
    from: ['PERSON', 'UNIT', 'ORGANIZATION', 'COUNTRY'],
    to: PLACE_KINDS,
    symmetric: false,
  },
  LOCATED_IN: {
    description: 'from (a place) lies in to (a larger place).',
    from: ['SETTLEMENT', 'REGION'],
    to: ['REGION', 'COUNTRY'],
    symmetric: false,
  },
  NEAR: {
    description: 'from and to (places) lie near each other; distance in qualifiers.',
    from: ['SETTLEMENT', 'REGION'],
    to: ['SETTLEMENT', 'REGION'],
    symmetric: true,
  },
  ALLIED_WITH: {
    description: 'from and to are allies.',
    from: ['COUNTRY', 'ORGANIZATION'],
    to: ['COUNTRY', 'ORGANIZATION'],
    symmetric: true,
  },
  SUPPORTS: {
    description: 'from pledges or gives support to to.',
    from: ACTOR_KINDS,
    to: ACTOR_KINDS,
    symmetric: false,
  },
  CONTROLS: {
    description: 'from (a force) holds or controls to (a place), wholly or in part (extent).',
    from: FORCE,
    to: PLACE_KINDS,
    symmetric: false,
  },
  CLAIMED_CAPTURE_OF: {
    description: 'from (a force) is said to have captured to (a place).',
    from: FORCE,
    to: PLACE_KINDS,
    symmetric: false,
  },
  ATTACKED: {
    description: 'from (a force) attacked or is attacking to (a place or a force).',
    from: FORCE,
    to: ['UNIT', 'ORGANIZATION', 'COUNTRY', 'REGION', 'SETTLEMENT'],
    symmetric: false,
  },
  REPELLED: {
    description: 'from (a force) repelled an attack by to (a force).',
    from: FORCE,
    to: FORCE,
    symmetric: false,
  },
  SUFFERED_LOSSES_IN: {
    description: 'from (a force) suffered casualties in to (a place); count in qualifiers.',
    from: FORCE,
    to: PLACE_KINDS,
    symmetric: false,
  },
} as const satisfies Record<string, RelationTypeSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES).sort() as RelationType[];

export function isRelationType(name: string): name is RelationType {
  return Object.prototype.hasOwnProperty.call(RELATION_TYPES, name);
}

export function isSymmetric(type: RelationType): boolean {
  return RELATION_TYPES[type].symmetric;
}

/**
 * How much a relation or statement is to be believed, as the source presents it.
 * - CONFIRMED: the source states it as fact in its own voice (or it is uncontroversial background
 *   knowledge, said so in a note).
 * - REPORTED: an observer without a stake (a monitor, an analyst) reports it, or it is an opinion
 *   or pledge reported as said.
 * - CLAIMED: a party to the events (a government, a military) says so; nobody in the source
 *   confirms it.
 * - DISPUTED: another party in the source says otherwise.
 * - UNVERIFIED: the source says it cannot verify it.
 * - DENIED: the party concerned denies it.
 */
export const CLAIM_STATUSES = [
  'CONFIRMED',
  'REPORTED',
  'CLAIMED',
  'DISPUTED',
  'UNVERIFIED',
  'DENIED',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether a statement quotes the speaker's words or reports what they said. */
export const STATEMENT_KINDS = ['QUOTE', 'REPORTED'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** How a number in the text is bounded: "32 km" is EXACT, "approximately 11,000" APPROXIMATE. */
export const APPROXIMATIONS = ['EXACT', 'APPROXIMATE', 'AT_LEAST', 'AT_MOST', 'MORE_THAN'] as const;
export type Approximation = (typeof APPROXIMATIONS)[number];

export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Limits on exploration arguments; the GraphQL layer rejects values outside them. */
export const LIMITS = {
  maxNeighborhoodDepth: 3,
  maxPathHops: 10,
  maxSearchResults: 100,
  maxSearchTextLength: 200,
} as const;

/** A relation type described for clients (schema: `Query.relationTypes`). */
export interface RelationTypeInfo {
  readonly name: RelationType;
  readonly description: string;
  readonly fromKinds: readonly EntityKind[];
  readonly toKinds: readonly EntityKind[];
  readonly symmetric: boolean;
}

export const RELATION_TYPE_INFOS: readonly RelationTypeInfo[] = RELATION_TYPE_NAMES.map((name) => {
  const spec: RelationTypeSpec = RELATION_TYPES[name];
  return {
    name,
    description: spec.description,
    fromKinds: spec.from,
    toKinds: spec.to,
    symmetric: spec.symmetric,
  };
});
