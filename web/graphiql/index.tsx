/**
 * GraphiQL for this server, bundled by tools/build-graphiql.ts and served at /graphiql by the
 * server itself: everything it loads (scripts, styles, fonts, Monaco's workers) comes from the
 * same origin.
 */
import './monaco-workers.js';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { Kind, parse } from 'graphql';
import type { ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import './page.css';

/** The README's "Example queries" (each titled and named), read from README.md at build time. */
declare const __README_EXAMPLES__: readonly string[];

const endpoint = new URL('/graphql', window.location.href).toString();

/**
 * The operation to run: the one named when the document has it, else the document's only one.
 * Right after a switch of tabs GraphiQL may still send the operation name of the tab before (the
 * server would answer "Unknown operation named …"), until the editor has parsed the new document.
 */
function operationToRun(query: string, named: string | null | undefined): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : []));
  } catch {
    return named ?? undefined; // the server says what is wrong with it
  }
  if (named && names.includes(named)) return named;
  return names.length === 1 ? names[0] : (named ?? undefined);
}

const fetcher: ComponentProps<typeof GraphiQL>['fetcher'] = async (params, options) => {
  params = { ...params, operationName: operationToRun(params.query, params.operationName) };
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
