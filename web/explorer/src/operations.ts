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
 * provenance and the other end's id, kind and name), what it said and what was said about it.
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
`);

/** The shortest path between the two entities picked as "from" and "to". */
export const PathQuery = graphql(`
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
