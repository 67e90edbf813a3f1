/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A new source. */
export type AddSourceInput = {
  /** The id to give it (`source:` and a slug); made from the title when absent. */
  id?: string | number | null | undefined;
  /** DOCUMENT (the default) or GENERAL_KNOWLEDGE. */
  kind?: SourceKind | null | undefined;
  /** The day it was published. */
  published?: string | null | undefined;
  /** Who publishes it. */
  publisher?: string | null | undefined;
  /** The document's headline or title. */
  title: string;
  /** Where it can be read. */
  url?: string | null | undefined;
};

/** How a number in the text is bounded: '32 km' is EXACT, 'approximately 11,000' APPROXIMATE, 'over 1,000' MORE_THAN. */
export type Approximation =
  /** About the number, e.g. 'approximately 11,000'. */
  | 'APPROXIMATE'
  /** The number or more, e.g. 'at least 50'. */
  | 'AT_LEAST'
  /** The number or less, e.g. 'within five miles'. */
  | 'AT_MOST'
  /** The number as stated, e.g. '32 km'. */
  | 'EXACT'
  /** More than the number, e.g. 'over 1,000'. */
  | 'MORE_THAN';

/** The status of a changeset. */
export type ChangesetStatus =
  /** Every item accepted. */
  | 'ACCEPTED'
  /** Some items accepted; others open or rejected. */
  | 'PARTLY_ACCEPTED'
  /** Nothing decided yet (items may have been edited). */
  | 'PENDING'
  /** Rejected with nothing accepted. */
  | 'REJECTED';

/** How much a relation or statement is to be believed, as its source presents it. */
export type ClaimStatus =
  /** A party to the events (a government, a military) says so; nobody in the source confirms it. */
  | 'CLAIMED'
  /** The source states it as fact in its own voice (or it is uncontroversial background knowledge, said so in a note). */
  | 'CONFIRMED'
  /** The party concerned denies it. */
  | 'DENIED'
  /** Another party in the source says otherwise. */
  | 'DISPUTED'
  /** An observer without a stake (a monitor, an analyst) reports it, or it is an opinion or pledge reported as said. */
  | 'REPORTED'
  /** The graph's editors took it back (the fact itself, or every attribution of it); it stays readable, with `retraction` saying who, when and why. */
  | 'RETRACTED'
  /** The source says it cannot verify it. */
  | 'UNVERIFIED';

/** The question a fact answers. */
export type ClaimTopic =
  /** Losses. */
  | 'CASUALTIES'
  /** Who is fighting whom, where. */
  | 'COMBAT'
  /** Who commands or belongs to what. */
  | 'COMMAND'
  /** Who holds or is taking a place. */
  | 'CONTROL'
  /** Whose forces are where. */
  | 'DEPLOYMENT'
  /** Where places lie. */
  | 'GEOGRAPHY'
  /** Offices, wars and their ends. */
  | 'POLITICS'
  /** Who backs whom: alliances, pledges, aid. */
  | 'SUPPORT';

/** Which way a relation runs, seen from the entity asked; as the `direction` argument of `relations`, which relations to keep. */
export type Direction =
  /** Either end; symmetric relations (NEAR, ALLIED_WITH) always answer BOTH. As a filter: every relation. */
  | 'BOTH'
  /** The entity asked is the relation's end. As a filter: relations that end at the entity, and symmetric ones. */
  | 'IN'
  /** The entity asked is the relation's start. As a filter: relations that start at the entity, and symmetric ones. */
  | 'OUT';

/** What an entity is. Every entity id starts with its kind's prefix (`person:`, `unit:`, `org:`, `country:`, `region:`, `settlement:`, `event:`). */
export type EntityKind =
  /** A state; ids start with `country:`. */
  | 'COUNTRY'
  /** Something that happened: an offensive, a capture, a deployment, an inauguration; ids start with `event:`. Its participants, places and attributions are in `Event`. */
  | 'EVENT'
  /** A body that is not a military formation: a ministry, a legislature, the EU, a monitor, a news agency; ids start with `org:`. */
  | 'ORGANIZATION'
  /** A person, named or not (an unnamed official the source quotes is a person of its own); ids start with `person:`. */
  | 'PERSON'
  /** A region or province of a country, e.g. Russia's Kursk region; ids start with `region:`. */
  | 'REGION'
  /** A city, town or village; ids start with `settlement:`. */
  | 'SETTLEMENT'
  /** A military formation: armed forces, a unit, a group, troops of a country; ids start with `unit:`. */
  | 'UNIT';

/** What happened. */
export type EventType =
  /** A force moving forward through a region. */
  | 'ADVANCE'
  /** Attacks on a place or a force, ongoing or at one time. */
  | 'ASSAULT'
  /** A force taking a place. */
  | 'CAPTURE'
  /** People killed or injured, counted over some period. */
  | 'CASUALTIES'
  /** Fighting in a place, by whomever. */
  | 'COMBAT'
  /** A force holding ground or countering attacks. */
  | 'DEFENCE'
  /** A force sent to a place. */
  | 'DEPLOYMENT'
  /** Someone taking office. */
  | 'INAUGURATION'
  /** A planned push by a force into ground the other side holds. */
  | 'OFFENSIVE'
  /** A promise of support or action. */
  | 'PLEDGE'
  /** A force beating back an attack. */
  | 'REPULSE'
  /** A war between states. */
  | 'WAR';

/** What the editors decided about an item. */
export type ItemDecision =
  /** Written to the graph. */
  | 'ACCEPTED'
  /** Edited, not yet decided. */
  | 'EDITED'
  /** Not decided. */
  | 'PENDING'
  /** Left out of the graph. */
  | 'REJECTED';

/** What kind of record an item proposes. */
export type ItemSection =
  /** A person, unit, organization or place. */
  | 'ENTITY'
  /** An event (an entity of kind EVENT). */
  | 'EVENT'
  /** A relation between two entities. */
  | 'RELATION'
  /** A document (the article itself). */
  | 'SOURCE'
  /** A quote or a reported statement. */
  | 'STATEMENT';

/** How precise a place's coordinates are. */
export type LocationPrecision =
  /** Public knowledge, good to a few kilometres (a town's centre). */
  | 'APPROXIMATE'
  /** Surveyed coordinates. */
  | 'EXACT';

/** The part an actor plays in an event. */
export type ParticipantRole =
  /** Attacks, advances or launches the offensive. */
  | 'ATTACKER'
  /** Is a party to a war or to fighting, on no side the source singles out. */
  | 'BELLIGERENT'
  /** Is helped or bolstered by it (e.g. the side troops are deployed for). */
  | 'BENEFICIARY'
  /** Suffers the casualties counted. */
  | 'CASUALTY'
  /** Commands a force taking part. */
  | 'COMMANDER'
  /** Is attacked, or holds and defends. */
  | 'DEFENDER'
  /** Is the force deployed. */
  | 'DEPLOYED_FORCE'
  /** Makes the pledge. */
  | 'PLEDGER'
  /** Receives what is pledged or given. */
  | 'RECIPIENT'
  /** Is the one it happens to (e.g. the person inaugurated). */
  | 'SUBJECT';

/** The article to read and the document it is. */
export type ProposeFromTextInput = {
  /** The document: title, publisher, published day, address. Its `published` day resolves words like 'on Monday'. Its `id` and `kind` are not used: the source is the graph's own with the same title or address, or else a new DOCUMENT with an id made from the publisher, the title and the day. */
  source: AddSourceInput;
  /** The article's text (English), at most 20,000 characters. */
  text: string;
};

/** What an event's quantity counts. */
export type QuantityMeasure =
  /** People killed or injured. */
  | 'CASUALTIES'
  /** A distance, in `unit`. */
  | 'DISTANCE'
  /** How long it lasted, in `unit`. */
  | 'DURATION'
  /** The size of the formations involved, in words. */
  | 'FORCE_SIZE'
  /** People under arms taking part. */
  | 'TROOPS';

/** What a source is. */
export type SourceKind =
  /** A document: an article, a report, a statement. */
  | 'DOCUMENT'
  /** The graph's editors' general knowledge: background a document does not state. */
  | 'GENERAL_KNOWLEDGE';

/** What a party says about a fact. */
export type Stance =
  /** Says it is so. */
  | 'ASSERTS'
  /** Says it cannot check it, e.g. a news agency without access to the war zone. */
  | 'CANNOT_VERIFY'
  /** The party concerned says it is not so. */
  | 'DENIES'
  /** Says otherwise, or contradicts it in part. */
  | 'DISPUTES';

/** Whether a statement quotes the speaker's words or reports what they said. */
export type StatementKind =
  /** The speaker's words, exactly as the source prints them (which may be a translation). */
  | 'QUOTE'
  /** What the speaker said, in a faithful paraphrase of the source's indirect speech. */
  | 'REPORTED';

/** How precisely a time is known. */
export type TimePrecision =
  /** A day, e.g. 2025-01-05 ('on Sunday'). */
  | 'DAY'
  /** A month, e.g. 2025-01 ('in January'). */
  | 'MONTH'
  /** A range between two partial dates, e.g. 2024-08 to 2025-01-06 ('over the past five months'). */
  | 'RANGE'
  /** A year, e.g. 2022. */
  | 'YEAR';

/** What a timeline entry is. */
export type TimelineEntryKind =
  /** One party's word on a fact, on the day it was said. */
  | 'CLAIM'
  /** An event with a time. */
  | 'EVENT'
  /** A relation with a time; an event's PARTICIPATED_IN, TOOK_PLACE_IN and PHASE_OF links are not listed (the event stands for them). */
  | 'RELATION'
  /** A statement, on the day it was said. */
  | 'STATEMENT';

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type ExplorerSearchQuery = { search: Array<
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
  > };

export type ExplorerTimeFragment = { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null };

export type ExplorerAttributionFragment = { stance: Stance, saidOn: string | null, note: string | null, claimant:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
   | null, via:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
   | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } };

export type ExplorerStatementFragment = { id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
   | null, about: Array<
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
  >, reportedVia:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null };

export type ExplorerEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerEntityQuery = { entity:
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, within: Array<
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      >, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { eventType: EventType, status: ClaimStatus, topic: ClaimTopic, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, quantities: Array<{ measure: QuantityMeasure, value: number | null, min: number | null, max: number | null, approximation: Approximation | null, unit: string | null, wording: string | null }>, attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, via:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, within: Array<
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      >, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, within: Array<
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      >, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , attributions: Array<{ stance: Stance, saidOn: string | null, note: string | null, claimant:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, via:
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
            | { id: string, kind: EntityKind, name: string }
           | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } }>, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null, participantRole: ParticipantRole | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }>, mentionedIn: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
   | null };

type ExplorerFact_Edge_Fragment = { __typename: 'Edge', type: string, id: string, status: ClaimStatus, topic: ClaimTopic, start:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
  , end:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
  , qualifiers: { extent: string | null, wording: string | null }, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null };

type ExplorerFact_Event_Fragment = { __typename: 'Event', name: string, eventType: EventType, id: string, status: ClaimStatus, topic: ClaimTopic, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null };

export type ExplorerFactFragment =
  | ExplorerFact_Edge_Fragment
  | ExplorerFact_Event_Fragment
;

export type ExplorerClaimsQueryVariables = Exact<{
  aboutId: string | number;
}>;


export type ExplorerClaimsQuery = { claims: Array<{ topic: ClaimTopic, facts: Array<
      | { __typename: 'Edge', type: string, id: string, status: ClaimStatus, topic: ClaimTopic, start:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , end:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , qualifiers: { extent: string | null, wording: string | null }, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null }
      | { __typename: 'Event', name: string, eventType: EventType, id: string, status: ClaimStatus, topic: ClaimTopic, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null } | null }
    >, claims: Array<{ fact:
        | { id: string }
        | { id: string }
      , attribution: { stance: Stance, saidOn: string | null, note: string | null, claimant:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, via:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, statement: { id: string, kind: StatementKind, text: string, date: string | null } | null, source: { id: string, title: string, publisher: string | null, published: string | null, kind: SourceKind } } }> }> };

export type ExplorerTimelineQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  entityId?: string | number | null | undefined;
  kinds?: Array<TimelineEntryKind> | TimelineEntryKind | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ExplorerTimelineQuery = { timeline: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ kind: TimelineEntryKind, time: { start: string, end: string | null, precision: TimePrecision, earliest: string, latest: string, text: string | null }, event: { id: string, kind: EntityKind, name: string, eventType: EventType, status: ClaimStatus } | null, relation: { id: string, type: string, status: ClaimStatus, start:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , end:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         } | null, statement: { id: string, kind: StatementKind, text: string, date: string | null, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, source: { id: string, title: string } | null } | null, attribution: { stance: Stance, saidOn: string | null, claimant:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, source: { id: string, title: string } } | null }> } };

export type ExplorerPeriodNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ExplorerPeriodNeighbourhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    >, edges: Array<{ id: string, type: string, from: string, to: string, status: ClaimStatus }> } };

export type ExplorerTimelineCountQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  entityId?: string | number | null | undefined;
  kinds?: Array<TimelineEntryKind> | TimelineEntryKind | null | undefined;
}>;


export type ExplorerTimelineCountQuery = { timeline: { totalCount: number } };

export type ExplorerPeriodEventsQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type ExplorerPeriodEventsQuery = { events: { totalCount: number, nodes: Array<{ id: string, kind: EntityKind, name: string }> } };

export type ExplorerPathsQueryVariables = Exact<{
  fromId: string | number;
  toId: string | number;
  first: number;
}>;


export type ExplorerPathsQuery = { paths: Array<{ length: number, nodes: Array<
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    >, edges: Array<{ id: string, type: string, from: string, to: string, status: ClaimStatus }> }> };

export type ExplorerPlacesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerPlacesQuery = { entities: Array<
    | { id: string, kind: EntityKind, name: string, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, location: { latitude: number, longitude: number, precision: LocationPrecision } | null, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
    | { id: string, kind: EntityKind, name: string, relations: Array<{ id: string, type: string, status: ClaimStatus, node:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , qualifiers: { distanceKm: number | null, wording: string | null } }> }
  > };

export type ExplorerNearQueryVariables = Exact<{
  placeId: string | number;
  km: number;
}>;


export type ExplorerNearQuery = { near: Array<{ distanceKm: number, place:
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
     }> };

export type ExplorerRelationTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerRelationTypesQuery = { relationTypes: Array<{ name: string, description: string, symmetric: boolean }> };

export type ExplorerChangesetFragment = { id: string, status: ChangesetStatus, createdAt: string, createdBy: string, rejectionReason: string | null, text: string, source: { id: string, title: string, publisher: string | null, published: string | null }, items: Array<{ id: string, section: ItemSection, recordId: string, record: string | null, summary: string, existingId: string | null, decision: ItemDecision, evidence: Array<{ text: string, sentence: string, start: number, end: number, confidence: number, reason: string | null }> }> };

export type ExplorerChangesetsQueryVariables = Exact<{
  status?: ChangesetStatus | null | undefined;
  first: number;
}>;


export type ExplorerChangesetsQuery = { changesets: { totalCount: number, nodes: Array<{ id: string, status: ChangesetStatus, createdAt: string, createdBy: string, source: { id: string, title: string }, items: Array<{ id: string, decision: ItemDecision }> }> } };

export type ExplorerChangesetQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerChangesetQuery = { changeset: { id: string, status: ChangesetStatus, createdAt: string, createdBy: string, rejectionReason: string | null, text: string, source: { id: string, title: string, publisher: string | null, published: string | null }, items: Array<{ id: string, section: ItemSection, recordId: string, record: string | null, summary: string, existingId: string | null, decision: ItemDecision, evidence: Array<{ text: string, sentence: string, start: number, end: number, confidence: number, reason: string | null }> }> } | null };

export type ExplorerProposeMutationVariables = Exact<{
  input: ProposeFromTextInput;
}>;


export type ExplorerProposeMutation = { proposeFromText: { id: string, status: ChangesetStatus, createdAt: string, createdBy: string, rejectionReason: string | null, text: string, source: { id: string, title: string, publisher: string | null, published: string | null }, items: Array<{ id: string, section: ItemSection, recordId: string, record: string | null, summary: string, existingId: string | null, decision: ItemDecision, evidence: Array<{ text: string, sentence: string, start: number, end: number, confidence: number, reason: string | null }> }> } };

export type ExplorerAcceptMutationVariables = Exact<{
  id: string | number;
  itemIds?: Array<string | number> | string | number | null | undefined;
}>;


export type ExplorerAcceptMutation = { acceptChangeset: { id: string, status: ChangesetStatus, createdAt: string, createdBy: string, rejectionReason: string | null, text: string, source: { id: string, title: string, publisher: string | null, published: string | null }, items: Array<{ id: string, section: ItemSection, recordId: string, record: string | null, summary: string, existingId: string | null, decision: ItemDecision, evidence: Array<{ text: string, sentence: string, start: number, end: number, confidence: number, reason: string | null }> }> } };

export type ExplorerRejectMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ExplorerRejectMutation = { rejectChangeset: { id: string, status: ChangesetStatus, createdAt: string, createdBy: string, rejectionReason: string | null, text: string, source: { id: string, title: string, publisher: string | null, published: string | null }, items: Array<{ id: string, section: ItemSection, recordId: string, record: string | null, summary: string, existingId: string | null, decision: ItemDecision, evidence: Array<{ text: string, sentence: string, start: number, end: number, confidence: number, reason: string | null }> }> } };

export type ExplorerEditItemMutationVariables = Exact<{
  changesetId: string | number;
  itemId: string | number;
  record: string;
}>;


export type ExplorerEditItemMutation = { editProposedItem: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerAttributionFragmentDoc = new TypedDocumentString(`
    fragment ExplorerAttribution on Attribution {
  claimant {
    id
    kind
    name
  }
  via {
    id
    kind
    name
  }
  statement {
    id
    kind
    text
    date
  }
  stance
  saidOn
  source {
    id
    title
    publisher
    published
    kind
  }
  note
}
    `, {"fragmentName":"ExplorerAttribution"}) as unknown as TypedDocumentString<ExplorerAttributionFragment, unknown>;
export const ExplorerStatementFragmentDoc = new TypedDocumentString(`
    fragment ExplorerStatement on Statement {
  id
  kind
  text
  date
  status
  speaker {
    id
    kind
    name
  }
  about {
    id
    kind
    name
  }
  reportedVia {
    id
    name
  }
  source {
    id
    title
    publisher
    published
  }
}
    `, {"fragmentName":"ExplorerStatement"}) as unknown as TypedDocumentString<ExplorerStatementFragment, unknown>;
export const ExplorerTimeFragmentDoc = new TypedDocumentString(`
    fragment ExplorerTime on TimeSpan {
  start
  end
  precision
  earliest
  latest
  text
}
    `, {"fragmentName":"ExplorerTime"}) as unknown as TypedDocumentString<ExplorerTimeFragment, unknown>;
export const ExplorerFactFragmentDoc = new TypedDocumentString(`
    fragment ExplorerFact on Fact {
  __typename
  id
  status
  topic
  time {
    ...ExplorerTime
  }
  ... on Edge {
    type
    start {
      id
      kind
      name
    }
    end {
      id
      kind
      name
    }
    qualifiers {
      extent
      wording
    }
  }
  ... on Event {
    name
    eventType
  }
}
    fragment ExplorerTime on TimeSpan {
  start
  end
  precision
  earliest
  latest
  text
}`, {"fragmentName":"ExplorerFact"}) as unknown as TypedDocumentString<ExplorerFactFragment, unknown>;
export const ExplorerChangesetFragmentDoc = new TypedDocumentString(`
    fragment ExplorerChangeset on Changeset {
  id
  status
  createdAt
  createdBy
  rejectionReason
  text
  source {
    id
    title
    publisher
    published
  }
  items {
    id
    section
    recordId
    record
    summary
    existingId
    decision
    evidence {
      text
      sentence
      start
      end
      confidence
      reason
    }
  }
}
    `, {"fragmentName":"ExplorerChangeset"}) as unknown as TypedDocumentString<ExplorerChangesetFragment, unknown>;
export const ExplorerSearchDocument = new TypedDocumentString(`
    query ExplorerSearch($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    id
    kind
    name
    aliases
  }
}
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerEntityDocument = new TypedDocumentString(`
    query ExplorerEntity($id: ID!) {
  entity(id: $id) {
    id
    kind
    name
    aliases
    description
    relations {
      id
      type
      direction
      status
      time {
        ...ExplorerTime
      }
      node {
        id
        kind
        name
      }
      attributions {
        ...ExplorerAttribution
      }
      qualifiers {
        distanceKm
        distanceMiles
        troopCount
        casualtyCount
        approximation
        extent
        role
        wording
        note
        participantRole
      }
    }
    statements {
      ...ExplorerStatement
    }
    mentionedIn {
      ...ExplorerStatement
    }
    ... on Event {
      eventType
      status
      topic
      time {
        ...ExplorerTime
      }
      quantities {
        measure
        value
        min
        max
        approximation
        unit
        wording
      }
      attributions {
        ...ExplorerAttribution
      }
    }
    ... on Country {
      location {
        latitude
        longitude
        precision
      }
      within {
        id
        kind
        name
      }
    }
    ... on Region {
      location {
        latitude
        longitude
        precision
      }
      within {
        id
        kind
        name
      }
    }
    ... on Settlement {
      location {
        latitude
        longitude
        precision
      }
      within {
        id
        kind
        name
      }
    }
  }
}
    fragment ExplorerTime on TimeSpan {
  start
  end
  precision
  earliest
  latest
  text
}
fragment ExplorerAttribution on Attribution {
  claimant {
    id
    kind
    name
  }
  via {
    id
    kind
    name
  }
  statement {
    id
    kind
    text
    date
  }
  stance
  saidOn
  source {
    id
    title
    publisher
    published
    kind
  }
  note
}
fragment ExplorerStatement on Statement {
  id
  kind
  text
  date
  status
  speaker {
    id
    kind
    name
  }
  about {
    id
    kind
    name
  }
  reportedVia {
    id
    name
  }
  source {
    id
    title
    publisher
    published
  }
}`) as unknown as TypedDocumentString<ExplorerEntityQuery, ExplorerEntityQueryVariables>;
export const ExplorerClaimsDocument = new TypedDocumentString(`
    query ExplorerClaims($aboutId: ID!) {
  claims(aboutId: $aboutId) {
    topic
    facts {
      ...ExplorerFact
    }
    claims {
      fact {
        id
      }
      attribution {
        ...ExplorerAttribution
      }
    }
  }
}
    fragment ExplorerTime on TimeSpan {
  start
  end
  precision
  earliest
  latest
  text
}
fragment ExplorerAttribution on Attribution {
  claimant {
    id
    kind
    name
  }
  via {
    id
    kind
    name
  }
  statement {
    id
    kind
    text
    date
  }
  stance
  saidOn
  source {
    id
    title
    publisher
    published
    kind
  }
  note
}
fragment ExplorerFact on Fact {
  __typename
  id
  status
  topic
  time {
    ...ExplorerTime
  }
  ... on Edge {
    type
    start {
      id
      kind
      name
    }
    end {
      id
      kind
      name
    }
    qualifiers {
      extent
      wording
    }
  }
  ... on Event {
    name
    eventType
  }
}`) as unknown as TypedDocumentString<ExplorerClaimsQuery, ExplorerClaimsQueryVariables>;
export const ExplorerTimelineDocument = new TypedDocumentString(`
    query ExplorerTimeline($from: Date, $to: Date, $entityId: ID, $kinds: [TimelineEntryKind!], $first: Int!, $after: String) {
  timeline(
    from: $from
    to: $to
    entityId: $entityId
    kinds: $kinds
    first: $first
    after: $after
  ) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      kind
      time {
        ...ExplorerTime
      }
      event {
        id
        kind
        name
        eventType
        status
      }
      relation {
        id
        type
        status
        start {
          id
          kind
          name
        }
        end {
          id
          kind
          name
        }
      }
      statement {
        id
        kind
        text
        date
        speaker {
          id
          kind
          name
        }
        source {
          id
          title
        }
      }
      attribution {
        claimant {
          id
          kind
          name
        }
        stance
        saidOn
        source {
          id
          title
        }
      }
    }
  }
}
    fragment ExplorerTime on TimeSpan {
  start
  end
  precision
  earliest
  latest
  text
}`) as unknown as TypedDocumentString<ExplorerTimelineQuery, ExplorerTimelineQueryVariables>;
export const ExplorerPeriodNeighbourhoodDocument = new TypedDocumentString(`
    query ExplorerPeriodNeighbourhood($id: ID!, $from: Date, $to: Date) {
  neighborhood(id: $id, depth: 1, filter: {from: $from, to: $to}, limit: 100) {
    nodes {
      id
      kind
      name
    }
    edges {
      id
      type
      from
      to
      status
    }
    truncated
  }
}
    `) as unknown as TypedDocumentString<ExplorerPeriodNeighbourhoodQuery, ExplorerPeriodNeighbourhoodQueryVariables>;
export const ExplorerTimelineCountDocument = new TypedDocumentString(`
    query ExplorerTimelineCount($from: Date, $to: Date, $entityId: ID, $kinds: [TimelineEntryKind!]) {
  timeline(from: $from, to: $to, entityId: $entityId, kinds: $kinds, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ExplorerTimelineCountQuery, ExplorerTimelineCountQueryVariables>;
export const ExplorerPeriodEventsDocument = new TypedDocumentString(`
    query ExplorerPeriodEvents($from: Date, $to: Date) {
  events(from: $from, to: $to, first: 100) {
    totalCount
    nodes {
      id
      kind
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPeriodEventsQuery, ExplorerPeriodEventsQueryVariables>;
export const ExplorerPathsDocument = new TypedDocumentString(`
    query ExplorerPaths($fromId: ID!, $toId: ID!, $first: Int!) {
  paths(fromId: $fromId, toId: $toId, first: $first) {
    length
    nodes {
      id
      kind
      name
    }
    edges {
      id
      type
      from
      to
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPathsQuery, ExplorerPathsQueryVariables>;
export const ExplorerPlacesDocument = new TypedDocumentString(`
    query ExplorerPlaces {
  entities(kinds: [COUNTRY, REGION, SETTLEMENT]) {
    id
    kind
    name
    relations(types: ["LOCATED_IN", "NEAR"]) {
      id
      type
      status
      node {
        id
      }
      qualifiers {
        distanceKm
        wording
      }
    }
    ... on Country {
      location {
        latitude
        longitude
        precision
      }
    }
    ... on Region {
      location {
        latitude
        longitude
        precision
      }
    }
    ... on Settlement {
      location {
        latitude
        longitude
        precision
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPlacesQuery, ExplorerPlacesQueryVariables>;
export const ExplorerNearDocument = new TypedDocumentString(`
    query ExplorerNear($placeId: ID!, $km: Float!) {
  near(placeId: $placeId, km: $km) {
    distanceKm
    place {
      id
      kind
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerNearQuery, ExplorerNearQueryVariables>;
export const ExplorerRelationTypesDocument = new TypedDocumentString(`
    query ExplorerRelationTypes {
  relationTypes {
    name
    description
    symmetric
  }
}
    `) as unknown as TypedDocumentString<ExplorerRelationTypesQuery, ExplorerRelationTypesQueryVariables>;
export const ExplorerChangesetsDocument = new TypedDocumentString(`
    query ExplorerChangesets($status: ChangesetStatus, $first: Int!) {
  changesets(status: $status, first: $first) {
    totalCount
    nodes {
      id
      status
      createdAt
      createdBy
      source {
        id
        title
      }
      items {
        id
        decision
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerChangesetsQuery, ExplorerChangesetsQueryVariables>;
export const ExplorerChangesetDocument = new TypedDocumentString(`
    query ExplorerChangeset($id: ID!) {
  changeset(id: $id) {
    ...ExplorerChangeset
  }
}
    fragment ExplorerChangeset on Changeset {
  id
  status
  createdAt
  createdBy
  rejectionReason
  text
  source {
    id
    title
    publisher
    published
  }
  items {
    id
    section
    recordId
    record
    summary
    existingId
    decision
    evidence {
      text
      sentence
      start
      end
      confidence
      reason
    }
  }
}`) as unknown as TypedDocumentString<ExplorerChangesetQuery, ExplorerChangesetQueryVariables>;
export const ExplorerProposeDocument = new TypedDocumentString(`
    mutation ExplorerPropose($input: ProposeFromTextInput!) {
  proposeFromText(input: $input) {
    ...ExplorerChangeset
  }
}
    fragment ExplorerChangeset on Changeset {
  id
  status
  createdAt
  createdBy
  rejectionReason
  text
  source {
    id
    title
    publisher
    published
  }
  items {
    id
    section
    recordId
    record
    summary
    existingId
    decision
    evidence {
      text
      sentence
      start
      end
      confidence
      reason
    }
  }
}`) as unknown as TypedDocumentString<ExplorerProposeMutation, ExplorerProposeMutationVariables>;
export const ExplorerAcceptDocument = new TypedDocumentString(`
    mutation ExplorerAccept($id: ID!, $itemIds: [ID!]) {
  acceptChangeset(id: $id, itemIds: $itemIds) {
    ...ExplorerChangeset
  }
}
    fragment ExplorerChangeset on Changeset {
  id
  status
  createdAt
  createdBy
  rejectionReason
  text
  source {
    id
    title
    publisher
    published
  }
  items {
    id
    section
    recordId
    record
    summary
    existingId
    decision
    evidence {
      text
      sentence
      start
      end
      confidence
      reason
    }
  }
}`) as unknown as TypedDocumentString<ExplorerAcceptMutation, ExplorerAcceptMutationVariables>;
export const ExplorerRejectDocument = new TypedDocumentString(`
    mutation ExplorerReject($id: ID!, $reason: String) {
  rejectChangeset(id: $id, reason: $reason) {
    ...ExplorerChangeset
  }
}
    fragment ExplorerChangeset on Changeset {
  id
  status
  createdAt
  createdBy
  rejectionReason
  text
  source {
    id
    title
    publisher
    published
  }
  items {
    id
    section
    recordId
    record
    summary
    existingId
    decision
    evidence {
      text
      sentence
      start
      end
      confidence
      reason
    }
  }
}`) as unknown as TypedDocumentString<ExplorerRejectMutation, ExplorerRejectMutationVariables>;
export const ExplorerEditItemDocument = new TypedDocumentString(`
    mutation ExplorerEditItem($changesetId: ID!, $itemId: ID!, $record: String!) {
  editProposedItem(changesetId: $changesetId, itemId: $itemId, record: $record) {
    id
  }
}
    `) as unknown as TypedDocumentString<ExplorerEditItemMutation, ExplorerEditItemMutationVariables>;