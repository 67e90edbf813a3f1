/**
 * Every GraphQL operation the explorer sends, all against the public API at /graphql. `npm run
 * codegen` reads the `graphql(...)` calls below and writes their result and variables types to
 * web/explorer/gql/ (graphql-codegen's client preset, documents as plain strings).
 */
import { graphql } from '../gql/index.js';

/** Search as you type: names and aliases, with the kinds shown beside each hit. */
export const SearchQuery = graphql(`
  query ExplorerSearch($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      id
      kind
      name
      aliases
    }
  }
`);

/** A time as precisely as the source gives it. */
export const TimeFields = graphql(`
  fragment ExplorerTime on TimeSpan {
    start
    end
    precision
    earliest
    latest
    text
  }
`);

/** One party's word on a fact: who, through whom, on which statement, with what stance, when, where. */
export const AttributionFields = graphql(`
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
`);

/** A statement as the side panel quotes it. */
export const StatementFields = graphql(`
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
`);

/**
 * One entity for the side panel and for expanding it on the canvas: its relations (with their
 * attributions and the other end's id, kind and name), what it said and what was said about it;
 * for an event, its type, time, participants, places and numbers; for a place, its position.
 */
export const EntityQuery = graphql(`
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
`);

/** A relation or an event as the claims view names it. */
export const FactFields = graphql(`
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
`);

/** The competing claims about a place or an event, grouped by the question they answer. */
export const ClaimsQuery = graphql(`
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
`);

/** Events, dated relations, statements and claims in time order, a page at a time. */
export const TimelineQuery = graphql(`
  query ExplorerTimeline($from: Date, $to: Date, $entityId: ID, $kinds: [TimelineEntryKind!], $first: Int!, $after: String) {
    timeline(from: $from, to: $to, entityId: $entityId, kinds: $kinds, first: $first, after: $after) {
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
`);

/** What of an entity's neighbourhood falls in a period: the canvas follows the timeline with it. */
export const PeriodNeighbourhoodQuery = graphql(`
  query ExplorerPeriodNeighbourhood($id: ID!, $from: Date, $to: Date) {
    neighborhood(id: $id, depth: 1, filter: { from: $from, to: $to }, limit: 100) {
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
`);

/**
 * How many entries the timeline holds for a question, asked apart from its pages: on a large graph
 * the count reads the whole window, which costs more than a page, and the page need not wait for it.
 */
export const TimelineCountQuery = graphql(`
  query ExplorerTimelineCount($from: Date, $to: Date, $entityId: ID, $kinds: [TimelineEntryKind!]) {
    timeline(from: $from, to: $to, entityId: $entityId, kinds: $kinds, first: 1) {
      totalCount
    }
  }
`);

/** The events whose time overlaps a period (participations hold while their event does). */
export const PeriodEventsQuery = graphql(`
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
`);

/** The k shortest paths between the two entities picked as "from" and "to". */
export const PathsQuery = graphql(`
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
`);

/** Every place with its position and the LOCATED_IN and NEAR relations among places, for the map. */
export const PlacesQuery = graphql(`
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
`);

/** Places within some kilometres of a place, nearest first. */
export const NearQuery = graphql(`
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
`);

/** The relation vocabulary: which types are symmetric (drawn without arrows) and what each means. */
export const RelationTypesQuery = graphql(`
  query ExplorerRelationTypes {
    relationTypes {
      name
      description
      symmetric
    }
  }
`);

/** A changeset as the review view shows it: the article, and every item with its evidence. */
export const ChangesetFields = graphql(`
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
`);

/** The changesets to review, newest first. */
export const ChangesetsQuery = graphql(`
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
`);

export const ChangesetQuery = graphql(`
  query ExplorerChangeset($id: ID!) {
    changeset(id: $id) {
      ...ExplorerChangeset
    }
  }
`);

/** Reads an article and proposes what it says as a changeset. */
export const ProposeMutation = graphql(`
  mutation ExplorerPropose($input: ProposeFromTextInput!) {
    proposeFromText(input: $input) {
      ...ExplorerChangeset
    }
  }
`);

/** Accepts the chosen items (all open ones when `itemIds` is null). */
export const AcceptMutation = graphql(`
  mutation ExplorerAccept($id: ID!, $itemIds: [ID!]) {
    acceptChangeset(id: $id, itemIds: $itemIds) {
      ...ExplorerChangeset
    }
  }
`);

export const RejectMutation = graphql(`
  mutation ExplorerReject($id: ID!, $reason: String) {
    rejectChangeset(id: $id, reason: $reason) {
      ...ExplorerChangeset
    }
  }
`);

export const EditItemMutation = graphql(`
  mutation ExplorerEditItem($changesetId: ID!, $itemId: ID!, $record: String!) {
    editProposedItem(changesetId: $changesetId, itemId: $itemId, record: $record) {
      id
    }
  }
`);
