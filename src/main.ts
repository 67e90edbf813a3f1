/**
 * Wires the server: configuration → store (embedded, durable in DATA_DIR, or Neo4j when NEO4J_URI
 * is set) → seed (only into an empty store) →
 * HTTP server, and a graceful stop on SIGTERM/SIGINT.
 */
import { pino } from 'pino';
import { readConfig } from './config.js';
import { readDatasetFile, seedIfEmpty } from './ingest/dataset-file.js';
import { startServer } from './server/app.js';
import { createMetricsRegistry, instrumentStore } from './server/plugins/metrics/index.js';
import { openConfiguredStore } from './store/open.js';

async function main(): Promise<void> {
  const config = readConfig();
  const log = pino({ level: config.logLevel });

  const dataset = config.seed ? await readDatasetFile(config.seedFile) : null;
  // One registry for this server; the store is counted from its first call (seeding included).
  const metrics = config.metrics ? createMetricsRegistry() : undefined;
  // A data file that cannot be used stops the server here, with one line naming it.
  const { store: opened } = await openConfiguredStore(config, (msg, fields) => log.info(fields ?? {}, msg));
  const store = metrics ? instrumentStore(opened, metrics) : opened;
  if (dataset && (await seedIfEmpty(store, dataset))) {
    log.info({ file: config.seedFile, ...(await store.counts()) }, 'loaded the seed graph');
  }

  const server = await startServer(
    {
      store,
      log,
      playground: config.playground,
      explorer: config.explorer,
      corsOrigins: config.corsOrigins,
      limits: config.limits,
      timeouts: config.timeouts,
      maskSuggestions: config.maskSuggestions,
      metrics,
      auth: config.auth,
    },
    { port: config.port, host: config.host },
  );
  log.info({ store: store.kind, url: server.url }, `GraphQL server ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining in-flight requests');
    try {
      await server.stop();
      await store.close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures are the operator's to fix: one clear line, no stack trace.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Cannot start the server: ${message}\n`);
  process.exit(1);
});
