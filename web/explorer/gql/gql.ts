/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExplorerSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      name\n      aliases\n    }\n  }\n": typeof types.ExplorerSearchDocument,
    "\n  fragment ExplorerStatement on Statement {\n    id\n    kind\n    text\n    date\n    status\n    speaker {\n      id\n      kind\n      name\n    }\n    about {\n      id\n      name\n    }\n    reportedVia {\n      id\n      name\n    }\n    source {\n      id\n      title\n      publisher\n      published\n    }\n  }\n": typeof types.ExplorerStatementFragmentDoc,
    "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      kind\n      name\n      aliases\n      description\n      relations {\n        id\n        type\n        direction\n        status\n        date\n        node {\n          id\n          kind\n          name\n        }\n        claimedBy {\n          id\n          name\n        }\n        source {\n          id\n          title\n          publisher\n          published\n        }\n        qualifiers {\n          distanceKm\n          distanceMiles\n          troopCount\n          casualtyCount\n          approximation\n          extent\n          role\n          wording\n          note\n        }\n      }\n      statements {\n        ...ExplorerStatement\n      }\n      mentionedIn {\n        ...ExplorerStatement\n      }\n    }\n  }\n": typeof types.ExplorerEntityDocument,
    "\n  query ExplorerPath($fromId: ID!, $toId: ID!) {\n    shortestPath(fromId: $fromId, toId: $toId) {\n      length\n      nodes {\n        id\n        kind\n        name\n      }\n      edges {\n        id\n        type\n        from\n        to\n        status\n      }\n    }\n  }\n": typeof types.ExplorerPathDocument,
    "\n  query ExplorerRelationTypes {\n    relationTypes {\n      name\n      description\n      symmetric\n    }\n  }\n": typeof types.ExplorerRelationTypesDocument,
};
const documents: Documents = {
    "\n  query ExplorerSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      name\n      aliases\n    }\n  }\n": types.ExplorerSearchDocument,
    "\n  fragment ExplorerStatement on Statement {\n    id\n    kind\n    text\n    date\n    status\n    speaker {\n      id\n      kind\n      name\n    }\n    about {\n      id\n      name\n    }\n    reportedVia {\n      id\n      name\n    }\n    source {\n      id\n      title\n      publisher\n      published\n    }\n  }\n": types.ExplorerStatementFragmentDoc,
    "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      kind\n      name\n      aliases\n      description\n      relations {\n        id\n        type\n        direction\n        status\n        date\n        node {\n          id\n          kind\n          name\n        }\n        claimedBy {\n          id\n          name\n        }\n        source {\n          id\n          title\n          publisher\n          published\n        }\n        qualifiers {\n          distanceKm\n          distanceMiles\n          troopCount\n          casualtyCount\n          approximation\n          extent\n          role\n          wording\n          note\n        }\n      }\n      statements {\n        ...ExplorerStatement\n      }\n      mentionedIn {\n        ...ExplorerStatement\n      }\n    }\n  }\n": types.ExplorerEntityDocument,
    "\n  query ExplorerPath($fromId: ID!, $toId: ID!) {\n    shortestPath(fromId: $fromId, toId: $toId) {\n      length\n      nodes {\n        id\n        kind\n        name\n      }\n      edges {\n        id\n        type\n        from\n        to\n        status\n      }\n    }\n  }\n": types.ExplorerPathDocument,
    "\n  query ExplorerRelationTypes {\n    relationTypes {\n      name\n      description\n      symmetric\n    }\n  }\n": types.ExplorerRelationTypesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerSearch($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      name\n      aliases\n    }\n  }\n"): typeof import('./graphql').ExplorerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExplorerStatement on Statement {\n    id\n    kind\n    text\n    date\n    status\n    speaker {\n      id\n      kind\n      name\n    }\n    about {\n      id\n      name\n    }\n    reportedVia {\n      id\n      name\n    }\n    source {\n      id\n      title\n      publisher\n      published\n    }\n  }\n"): typeof import('./graphql').ExplorerStatementFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      kind\n      name\n      aliases\n      description\n      relations {\n        id\n        type\n        direction\n        status\n        date\n        node {\n          id\n          kind\n          name\n        }\n        claimedBy {\n          id\n          name\n        }\n        source {\n          id\n          title\n          publisher\n          published\n        }\n        qualifiers {\n          distanceKm\n          distanceMiles\n          troopCount\n          casualtyCount\n          approximation\n          extent\n          role\n          wording\n          note\n        }\n      }\n      statements {\n        ...ExplorerStatement\n      }\n      mentionedIn {\n        ...ExplorerStatement\n      }\n    }\n  }\n"): typeof import('./graphql').ExplorerEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerPath($fromId: ID!, $toId: ID!) {\n    shortestPath(fromId: $fromId, toId: $toId) {\n      length\n      nodes {\n        id\n        kind\n        name\n      }\n      edges {\n        id\n        type\n        from\n        to\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').ExplorerPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExplorerRelationTypes {\n    relationTypes {\n      name\n      description\n      symmetric\n    }\n  }\n"): typeof import('./graphql').ExplorerRelationTypesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
