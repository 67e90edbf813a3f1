/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  /** The source says it cannot verify it. */
  | 'UNVERIFIED';

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

/** Whether a statement quotes the speaker's words or reports what they said. */
export type StatementKind =
  /** The speaker's words, exactly as the source prints them (which may be a translation). */
  | 'QUOTE'
  /** What the speaker said, in a faithful paraphrase of the source's indirect speech. */
  | 'REPORTED';

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

export type ExplorerStatementFragment = { id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
   | null, about: Array<
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
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
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
        >, reportedVia:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null } | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, relations: Array<{ id: string, type: string, direction: Direction, status: ClaimStatus, date: string | null, node:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
        , claimedBy:
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
         | null, source: { id: string, title: string, publisher: string | null, published: string | null }, qualifiers: { distanceKm: number | null, distanceMiles: number | null, troopCount: number | null, casualtyCount: number | null, approximation: Approximation | null, extent: string | null, role: string | null, wording: string | null, note: string | null } }>, statements: Array<{ id: string, kind: StatementKind, text: string, date: string | null, status: ClaimStatus, speaker:
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
          | { id: string, kind: EntityKind, name: string }
         | null, about: Array<
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
          | { id: string, name: string }
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

export type ExplorerPathQueryVariables = Exact<{
  fromId: string | number;
  toId: string | number;
}>;


export type ExplorerPathQuery = { shortestPath: { length: number, nodes: Array<
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    >, edges: Array<{ id: string, type: string, from: string, to: string, status: ClaimStatus }> } | null };

export type ExplorerRelationTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerRelationTypesQuery = { relationTypes: Array<{ name: string, description: string, symmetric: boolean }> };

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
      date
      node {
        id
        kind
        name
      }
      claimedBy {
        id
        name
      }
      source {
        id
        title
        publisher
        published
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
      }
    }
    statements {
      ...ExplorerStatement
    }
    mentionedIn {
      ...ExplorerStatement
    }
  }
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
export const ExplorerPathDocument = new TypedDocumentString(`
    query ExplorerPath($fromId: ID!, $toId: ID!) {
  shortestPath(fromId: $fromId, toId: $toId) {
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
    `) as unknown as TypedDocumentString<ExplorerPathQuery, ExplorerPathQueryVariables>;
export const ExplorerRelationTypesDocument = new TypedDocumentString(`
    query ExplorerRelationTypes {
  relationTypes {
    name
    description
    symmetric
  }
}
    `) as unknown as TypedDocumentString<ExplorerRelationTypesQuery, ExplorerRelationTypesQueryVariables>;