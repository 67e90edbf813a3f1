/**
 * The HTTP server: Apollo Server 5 at /graphql (JSON POSTs straight from node:http, everything
 * else through express 5: see graphql-http.ts), the explorer at / when it is on, GraphiQL at
 * /graphiql when the playground is on, health routes, and a graceful stop that drains in-flight
 * requests before the store is closed.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, type AuthConfig, type Playground, type QueryLimits, type Timeouts } from '../config.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import type { GraphStore } from '../store/graph-store.js';
import { EXPLORER_DIR, explorerBuilt, explorerRoutes } from './explorer.js';
import { GRAPHIQL_DIR, graphiqlBuilt, graphiqlRoutes, redirectBrowsersToGraphiQL } from './graphiql.js';
import { fastGraphQLPost, graphqlHandler, type GraphQLHttpOptions } from './graphql-http.js';
import { ArrivalOrder } from './arrival-order.js';
import { createGraphQLServer } from './graphql-server.js';
import { healthRoutes } from './health.js';
import { httpErrorHandler } from './http-errors.js';
import { requestDeadline } from './request-deadline.js';
import { metricsHandler, metricsPlugin, registerWaitingRequests } from './plugins/metrics/index.js';
import { createAuthenticator } from './auth/authenticator.js';
import { authenticateRequest } from './auth/request-auth.js';

export interface ServerOptions {
  readonly store: GraphStore;
  readonly log: Logger;
  /**
   * 'graphiql': GraphiQL at /graphiql, and browsers that open /graphql are sent there; 'apollo':
   * GraphiQL too, but Apollo's local landing page at /graphql; false: neither (a plain page).
   */
  readonly playground: Playground;
  /** Where the built GraphiQL is (GRAPHIQL_DIR, i.e. dist/web/graphiql/, when absent). */
  readonly graphiqlDir?: string;
  /** Serve the explorer at / (default true): it uses only the public API at /graphql. */
  readonly explorer?: boolean;
  /** Where the built explorer is (EXPLORER_DIR, i.e. dist/web/explorer/, when absent). */
  readonly explorerDir?: string;
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
  /** Prometheus metrics at GET /metrics on this registry (see plugins/metrics); none when unset. */
  readonly metrics?: Registry;
  /** Credentials and read access (none configured, reads open, when absent: nobody can write). */
  readonly auth?: AuthConfig;
  /** Where GraphQL requests wait for their turn to start (a new ArrivalOrder when absent). */
  readonly arrivalOrder?: ArrivalOrder;
}

const NO_AUTH: AuthConfig = { tokens: new Map(), jwt: undefined, readAccess: 'open' };

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
  const auth = options.auth ?? NO_AUTH;
  const authenticate = createAuthenticator(auth);
  const app = express();
  app.disable('x-powered-by');
  // POST /graphql with a JSON body is answered without express (./graphql-http.ts); the rest
  // goes through the app. Set once the GraphQL server has started.
  let fastGraphQL: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean) | null = null;
  const httpServer = http.createServer(
    {
      // A public server must not let slow or trickling clients hold sockets for minutes.
      headersTimeout: timeouts.httpHeadersMs,
      requestTimeout: timeouts.httpRequestMs,
      keepAliveTimeout: timeouts.httpKeepAliveMs,
      // How often Node checks the two timeouts above (30 s by default, which would stretch them).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      if (!fastGraphQL?.(req, res)) app(req, res);
    },
  );

  const apollo = createGraphQLServer({
    limits,
    maskSuggestions: options.maskSuggestions ?? false,
    playground: options.playground,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(options.metrics ? [metricsPlugin<GraphContext>({ registry: options.metrics })] : []),
    ],
  });
  await apollo.start();

  app.use(healthRoutes(store));
  if (options.metrics) app.get('/metrics', metricsHandler(options.metrics));
  if (options.explorer ?? true) {
    const explorerDir = options.explorerDir ?? EXPLORER_DIR;
    if (!explorerBuilt(explorerDir)) {
      log.warn({ dir: explorerDir }, 'The explorer is not built: / answers 503 until `npm run build:web` has run');
    }
    app.use(explorerRoutes(explorerDir));
  }
  if (options.playground) {
    const graphiqlDir = options.graphiqlDir ?? GRAPHIQL_DIR;
    if (!graphiqlBuilt(graphiqlDir)) {
      log.warn({ dir: graphiqlDir }, 'GraphiQL is not built: /graphiql answers 503 until `npm run build:web` has run');
    }
    app.use(graphiqlRoutes(graphiqlDir));
    if (options.playground === 'graphiql') app.use('/graphql', redirectBrowsersToGraphiQL());
  }
  const arrivalOrder = options.arrivalOrder ?? new ArrivalOrder();
  if (options.metrics) registerWaitingRequests(options.metrics, arrivalOrder);
  const bodyLimit = options.bodyLimit ?? '100kb';
  const corsOrigins = options.corsOrigins ?? '*';
  const graphqlHttp: GraphQLHttpOptions<GraphContext> = {
    apollo,
    corsOrigins,
    bodyLimit,
    logError: (error) => log.error({ err: error }, 'unexpected error before GraphQL'),
    arrivalOrder,
    context: async (req, res, readAt) => {
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', requestId);
      const viewer = await authenticateRequest(authenticate, auth.readAccess, req.headers.authorization);
      return createContext({
        viewer,
        store,
        requestId,
        log: log.child({ requestId }),
        // From when its body was read: a wait for its turn counts toward REQUEST_TIMEOUT_MS.
        bounds: requestDeadline(timeouts.requestMs, res, readAt),
        maxListLength: limits.maxListLength,
      });
    },
  };
  app.use(
    '/graphql',
    // No credentials are involved, so any origin may read by default; CORS_ORIGINS narrows it.
    cors({ origin: corsOrigins === '*' ? '*' : [...corsOrigins], maxAge: 600 }),
    express.json({ limit: bodyLimit }),
    graphqlHandler(graphqlHttp),
  );
  app.use(httpErrorHandler(log, bodyLimit));
  fastGraphQL = fastGraphQLPost(graphqlHttp);

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
