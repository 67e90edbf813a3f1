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
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type QueryLimits, type Timeouts } from '../config.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import { createErrorFormatter, logUnexpectedErrors } from '../graphql/errors.js';
import { knownOperationTypes } from '../graphql/known-operation-types.js';
import { buildGraphSchema } from '../graphql/schema.js';
import type { GraphStore } from '../store/graph-store.js';
import { healthRoutes } from './health.js';
import { httpErrorHandler } from './http-errors.js';
import { queryLimits } from './plugins/limits/index.js';
import { requestDeadline } from './request-deadline.js';
import { requestLoggingPlugin } from './request-logging.js';
import { responseSizeCap } from './response-size.js';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly log: Logger;
  /** Apollo's local landing page (the playground) when true; a production page otherwise. */
  readonly playground: boolean;
  /** The largest request body accepted, e.g. '100kb'. */
  readonly bodyLimit?: string;
  /** Browser origins allowed to call /graphql: '*' (the default) or a list. */
  readonly corsOrigins?: '*' | readonly string[];
  /** Query limits (DEFAULT_LIMITS when absent). */
  readonly limits?: QueryLimits;
  /** The request deadline and the HTTP server's timeouts (DEFAULT_TIMEOUTS when absent). */
  readonly timeouts?: Timeouts;
  /** Hide "Did you mean ...?" suggestions from error messages. */
  readonly maskSuggestions?: boolean;
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
  const limits = options.limits ?? DEFAULT_LIMITS;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(
    {
      // A public server must not let slow or trickling clients hold sockets for minutes.
      headersTimeout: timeouts.httpHeadersMs,
      requestTimeout: timeouts.httpRequestMs,
      keepAliveTimeout: timeouts.httpKeepAliveMs,
      // How often Node checks the two timeouts above (30 s by default, which would stretch them).
      connectionsCheckingInterval: 1_000,
    },
    app,
  );

  const limitsSetup = queryLimits({ limits });
  const apollo = new ApolloServer<GraphContext>({
    schema: buildGraphSchema({ maxListLength: limits.maxListLength }),
    validationRules: [knownOperationTypes, ...limitsSetup.validationRules],
    parseOptions: limitsSetup.parseOptions,
    formatError: createErrorFormatter({ recognisers: [limitsSetup.formatError], maskSuggestions: options.maskSuggestions ?? false }),
    hideSchemaDetailsFromClientErrors: options.maskSuggestions ?? false,
    stringifyResult: responseSizeCap(limits.maxResponseBytes),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: drain, close the store, exit 0. Apollo's own handlers would
    // re-raise the signal after stopping and end the process before the store is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      limitsSetup.plugin,
      logUnexpectedErrors(),
      requestLoggingPlugin(),
      options.playground
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();

  app.use(healthRoutes(store));
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
        return createContext({
          store,
          requestId,
          log: log.child({ requestId }),
          signal: requestDeadline(timeouts.requestMs, res),
        });
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
