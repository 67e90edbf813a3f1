/**
 * Monaco runs its language services in web workers. The build bundles each worker into a file
 * of its own next to this bundle (see tools/build-graphiql.ts), so they load from this server:
 * no CDN, no blob: URLs. This module must run before GraphiQL loads Monaco.
 */
const workerFiles: Readonly<Record<string, string>> = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

// Typed by monaco-editor (its Environment), which GraphiQL brings.
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = workerFiles[label] ?? 'editor.worker.js';
    return new Worker(new URL(file, import.meta.url), { name: label });
  },
};
