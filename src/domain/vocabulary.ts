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
  'EVENT',
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
  EVENT: 'event',
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
const EVENT: readonly EntityKind[] = ['EVENT'];
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
  PARTICIPATED_IN: {
    description: 'from (an actor) took part in to (an event), in the role `qualifiers.participantRole` names.',
    from: ACTOR_KINDS,
    to: EVENT,
    symmetric: false,
  },
  TOOK_PLACE_IN: {
    description: 'from (an event) took place in or near to (a place); "near" and the like in `qualifiers.wording`.',
    from: EVENT,
    to: PLACE_KINDS,
    symmetric: false,
  },
  PHASE_OF: {
    description: 'from (an event) is a part or phase of to (a larger event), e.g. an offensive of a war.',
    from: EVENT,
    to: EVENT,
    symmetric: false,
  },
} as const satisfies Record<string, RelationTypeSpec>;

export type RelationType = keyof typeof RELATION_TYPES;

/**
 * The relations that tie an event to its participants, places and larger events. They carry the
 * event's attributions and time, so a timeline lists the event, not each of its links.
 */
export const EVENT_LINK_TYPES: readonly RelationType[] = ['PARTICIPATED_IN', 'TOOK_PLACE_IN', 'PHASE_OF'];
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
 * - RETRACTED: the graph's editors took it back (the fact itself, or every attribution of it); it
 *   stays readable with who retracted it, when and why.
 */
export const CLAIM_STATUSES = [
  'CONFIRMED',
  'REPORTED',
  'CLAIMED',
  'DISPUTED',
  'UNVERIFIED',
  'DENIED',
  'RETRACTED',
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
  /** `paths(first)`: the most paths one question returns. */
  maxPaths: 10,
  /** `near(km)`: half the Earth's circumference, beyond which every place is "near". */
  maxNearKm: 20_000,
  /** `first` on every cursor connection (entities, statements, events, timeline). */
  maxPageSize: 100,
  /** `subgraph(ids)`: the most entities one question may connect. */
  maxSubgraphIds: 10,
  /** `neighborhood(limit)`: the most nodes a neighbourhood lists. */
  maxNeighborhoodLimit: 1000,
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

/** What happened, for an entity of kind EVENT (schema: `EventType`). */
export const EVENT_TYPES = {
  WAR: 'A war between states, e.g. Russia against Ukraine.',
  OFFENSIVE: 'A planned push by a force into ground the other side holds.',
  ASSAULT: 'Attacks on a place or a force, ongoing or at one time.',
  ADVANCE: 'A force moving forward through a region.',
  DEFENCE: 'A force holding ground or countering attacks.',
  CAPTURE: 'A force taking a place.',
  REPULSE: 'A force beating back an attack.',
  COMBAT: 'Fighting in a place, by whomever.',
  DEPLOYMENT: 'A force sent to a place.',
  CASUALTIES: 'People killed or injured, counted over some period.',
  INAUGURATION: 'Someone taking office.',
  PLEDGE: 'A promise of support or action.',
} as const;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

/** The part an actor plays in an event (a PARTICIPATED_IN relation's `qualifiers.participantRole`). */
export const PARTICIPANT_ROLES = {
  ATTACKER: 'Attacks, advances or launches the offensive.',
  DEFENDER: 'Is attacked, or holds and defends.',
  COMMANDER: 'Commands a force taking part.',
  DEPLOYED_FORCE: 'Is the force deployed.',
  BENEFICIARY: 'Is helped or bolstered by it (e.g. the side troops are deployed for).',
  BELLIGERENT: 'Is a party to a war or to fighting, on no side the source singles out.',
  CASUALTY: 'Suffers the casualties counted.',
  SUBJECT: 'Is the one it happens to (e.g. the person inaugurated).',
  PLEDGER: 'Makes the pledge.',
  RECIPIENT: 'Receives what is pledged or given.',
} as const;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLES;
export const PARTICIPANT_ROLE_NAMES = Object.keys(PARTICIPANT_ROLES) as ParticipantRole[];

/**
 * What a party says about a fact (an attribution's stance). The status a client sees is derived
 * from the stances of all a fact's attributions (`deriveStatus` in facts.ts).
 */
export const STANCES = {
  ASSERTS: 'Says it is so.',
  DISPUTES: 'Says otherwise, or contradicts it in part.',
  DENIES: 'The party concerned says it is not so.',
  CANNOT_VERIFY: 'Says it cannot check it (e.g. a news agency without access).',
} as const;
export type Stance = keyof typeof STANCES;
export const STANCE_NAMES = Object.keys(STANCES) as Stance[];

/** How precisely a time is known: a day, a month, a year, or a range between two of those. */
export const TIME_PRECISIONS = ['DAY', 'MONTH', 'YEAR', 'RANGE'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** What a source is: a document (an article, a report), or the editors' general knowledge. */
export const SOURCE_KINDS = ['DOCUMENT', 'GENERAL_KNOWLEDGE'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How precise a place's coordinates are: surveyed (EXACT) or public knowledge (APPROXIMATE). */
export const LOCATION_PRECISIONS = ['EXACT', 'APPROXIMATE'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** What an event's quantity counts. */
export const QUANTITY_MEASURES = {
  TROOPS: 'People under arms taking part, e.g. "several hundred Ukrainian troops".',
  CASUALTIES: 'People killed or injured, e.g. "over 1,000".',
  DURATION: 'How long it lasted, in `unit` (days, weeks, months), e.g. "for several weeks".',
  FORCE_SIZE: 'The size of the formations involved, in words, e.g. "platoon-sized and company-sized".',
  DISTANCE: 'A distance in `unit` (km, miles).',
} as const;
export type QuantityMeasure = keyof typeof QUANTITY_MEASURES;
export const QUANTITY_MEASURE_NAMES = Object.keys(QUANTITY_MEASURES) as QuantityMeasure[];

/**
 * The question a fact answers, so that `claims` can put competing answers side by side: a capture
 * claim, a monitor's "most of" and a report of ongoing assaults all answer CONTROL.
 */
export const CLAIM_TOPICS = {
  CONTROL: 'Who holds or is taking a place.',
  COMBAT: 'Who is fighting whom, where.',
  DEPLOYMENT: 'Whose forces are where.',
  CASUALTIES: 'Losses.',
  SUPPORT: 'Who backs whom: alliances, pledges, aid.',
  COMMAND: 'Who commands or belongs to what.',
  GEOGRAPHY: 'Where places lie.',
  POLITICS: 'Offices, wars and their ends.',
} as const;
export type ClaimTopic = keyof typeof CLAIM_TOPICS;
export const CLAIM_TOPIC_NAMES = Object.keys(CLAIM_TOPICS) as ClaimTopic[];

export const TOPIC_OF_RELATION_TYPE: Readonly<Record<RelationType, ClaimTopic>> = {
  COMMANDS: 'COMMAND',
  MEMBER_OF: 'COMMAND',
  PART_OF: 'COMMAND',
  DEPLOYED_TO: 'DEPLOYMENT',
  FIGHTING_IN: 'COMBAT',
  LOCATED_IN: 'GEOGRAPHY',
  NEAR: 'GEOGRAPHY',
  ALLIED_WITH: 'SUPPORT',
  SUPPORTS: 'SUPPORT',
  CONTROLS: 'CONTROL',
  CLAIMED_CAPTURE_OF: 'CONTROL',
  ATTACKED: 'COMBAT',
  REPELLED: 'COMBAT',
  SUFFERED_LOSSES_IN: 'CASUALTIES',
  PARTICIPATED_IN: 'COMBAT',
  TOOK_PLACE_IN: 'GEOGRAPHY',
  PHASE_OF: 'COMBAT',
};

export const TOPIC_OF_EVENT_TYPE: Readonly<Record<EventType, ClaimTopic>> = {
  WAR: 'POLITICS',
  OFFENSIVE: 'COMBAT',
  ASSAULT: 'CONTROL',
  ADVANCE: 'CONTROL',
  DEFENCE: 'CONTROL',
  CAPTURE: 'CONTROL',
  REPULSE: 'COMBAT',
  COMBAT: 'COMBAT',
  DEPLOYMENT: 'DEPLOYMENT',
  CASUALTIES: 'CASUALTIES',
  INAUGURATION: 'POLITICS',
  PLEDGE: 'SUPPORT',
};
