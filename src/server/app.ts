/**
 * The HTTP server: express 5 with Apollo Server 5 at /graphql, health routes, and a graceful
 * stop that drains in-flight requests before the store is closed.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createContext, type GraphContext } from '../graphql/context.js';
import { createErrorFormatter } from '../graphql/errors.js';
import { resolvers } from '../graphql/resolvers/index.js';
import { loadTypeDefs } from '../graphql/schema.js';
import type { GraphStore } from '../store/graph-store.js';
import { healthRoutes } from './health.js';
import { httpErrorHandler } from './http-errors.js';
import { metricsHandler, metricsPlugin } from './plugins/metrics/index.js';
import { requestLoggingPlugin } from './request-logging.js';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly log: Logger;
  /** Apollo's local landing page (the playground) when true; a production page otherwise. */
  readonly playground: boolean;
  /** The largest request body accepted, e.g. '100kb'. */
  readonly bodyLimit?: string;
  /** Browser origins allowed to call /graphql: '*' (the default) or a list. */
  readonly corsOrigins?: '*' | readonly string[];
  /** Prometheus metrics at GET /metrics on this registry (see plugins/metrics); none when unset. */
  readonly metrics?: Registry;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

export async function startServer(
  options: ServerOptions,
  listen: { port: number; host?: string },
): Promise<RunningServer> {
  const { store, log } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: drain, close the store, exit 0. Apollo's own handlers would
    // re-raise the signal after stopping and end the process before the store is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLoggingPlugin(),
      ...(options.metrics ? [metricsPlugin<GraphContext>({ registry: options.metrics })] : []),
      options.playground
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  app.use(healthRoutes(store));
  if (options.metrics) app.get('/metrics', metricsHandler(options.metrics));
  const bodyLimit = options.bodyLimit ?? '100kb';
  const corsOrigins = options.corsOrigins ?? '*';
  app.use(
    '/graphql',
    // No credentials are involved, so any origin may read by default; CORS_ORIGINS narrows it.
    cors({ origin: corsOrigins === '*' ? '*' : [...corsOrigins], maxAge: 600 }),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const given = req.header('x-request-id');
        const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', requestId);
        return createContext(store, requestId, log);
      },
    }),
  );
  app.use(httpErrorHandler(log, bodyLimit));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = !listen.host || listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    // Apollo's drain plugin stops accepting connections and waits for in-flight requests.
    stop: () => apollo.stop(),
  };
}
