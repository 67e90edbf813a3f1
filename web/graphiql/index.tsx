/**
 * GraphiQL for this server, bundled by tools/build-graphiql.ts and served at /graphiql by the
 * server itself: everything it loads (scripts, styles, fonts, Monaco's workers) comes from the
 * same origin.
 */
import './monaco-workers.js';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import './page.css';

/** The README's "Example queries" (each titled and named), read from README.md at build time. */
declare const __README_EXAMPLES__: readonly string[];

const endpoint = new URL('/graphql', window.location.href).toString();

const fetcher: ComponentProps<typeof GraphiQL>['fetcher'] = async (params, options) => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const defaultQuery = `# Run a query with Ctrl-Enter (Cmd-Enter on a Mac)
# or the ▶ button; Ctrl-Space completes a field.
# The book icon on the left opens the schema's
# documentation. The README's example queries
# are in the other tabs.

query Welcome {
  entity(id: "person:apti-alaudinov") {
    name
    description
  }
}
`;

const tabs = [
  { query: defaultQuery },
  ...__README_EXAMPLES__.map((query) => ({ query })),
];

const root = document.getElementById('graphiql');
if (!root) throw new Error('The page has no element with id "graphiql".');
createRoot(root).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultTabs={tabs} defaultEditorToolsVisibility={false} />,
);
