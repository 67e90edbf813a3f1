/**
 * Apollo Server with everything a GraphQL request meets, without HTTP: the schema with its list
 * cap, the query limits, error formatting and logging, the response size cap. The HTTP server
 * (app.ts) and the in-process test harness both build it here, so tests meet what clients meet.
 */
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { Playground, QueryLimits } from '../config.js';
import type { GraphContext } from '../graphql/context.js';
import { createErrorFormatter, logUnexpectedErrors } from '../graphql/errors.js';
import { knownOperationTypes } from '../graphql/known-operation-types.js';
import { buildGraphSchema } from '../graphql/schema.js';
import { compiledExecution, type CompiledExecutionOptions, type RequestState } from './compiled-execution.js';
import { queryLimits } from './plugins/limits/index.js';
import { requestLoggingPlugin } from './request-logging.js';
import { responseSizeCap } from './response-size.js';

export interface GraphQLServerOptions {
  readonly limits: QueryLimits;
  /** Hide "Did you mean ...?" suggestions, which reveal the schema, from error messages. */
  readonly maskSuggestions: boolean;
  /**
   * 'apollo': Apollo's local landing page at /graphql; 'graphiql': none (the HTTP server sends
   * browsers to /graphiql before Apollo sees them); false: Apollo's plain production page.
   */
  readonly playground: Playground;
  /** Plugins of the host, e.g. the HTTP server's drain. */
  readonly plugins?: readonly ApolloServerPlugin<GraphContext>[];
  /**
   * Queries are answered compiled where that gives graphql-js's answer (compiled-execution.ts;
   * its options are for tests); false: graphql-js alone, as the tests comparing the two ask.
   */
  readonly compiled?: CompiledExecutionOptions | false;
}

export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<GraphContext> {
  const { limits } = options;
  const limitsSetup = queryLimits({ limits });
  const schema = buildGraphSchema({ maxListLength: limits.maxListLength });
  return new ApolloServer<GraphContext>({
    schema,
    validationRules: [knownOperationTypes, ...limitsSetup.validationRules],
    parseOptions: limitsSetup.parseOptions,
    formatError: createErrorFormatter({ recognisers: [limitsSetup.formatError], maskSuggestions: options.maskSuggestions }),
    hideSchemaDetailsFromClientErrors: options.maskSuggestions,
    stringifyResult: responseSizeCap(limits.maxResponseBytes),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: drain, close the store, exit 0. Apollo's own handlers would
    // re-raise the signal after stopping and end the process before the store is closed.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo installs these unless told not to. The cache-control plugin wraps every resolver
      // of every request (and only ever said `no-store`, which uncacheable() says without that);
      // the others report to Apollo's cloud or trace federated subgraphs: none is used here.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      uncacheable(),
      ...(options.plugins ?? []),
      limitsSetup.plugin,
      logUnexpectedErrors(),
      requestLoggingPlugin(),
      // Last: it answers only after every other plugin has seen the operation resolved.
      ...(options.compiled === false ? [] : [compiledExecution<GraphContext>(schema, REQUEST_STATE, options.compiled)]),
      landingPage(options.playground),
    ],
  });
}

/** What compiled execution asks of a request (see there). */
const REQUEST_STATE: RequestState<GraphContext> = {
  clientGone: (context) => context.clientGone(),
  cancelled: (context) => context.cancelled(),
};

/**
 * `cache-control: no-store` on every response of the GraphQL pipeline, as Apollo's cache-control
 * plugin sent when no type or field carries a cache hint (none does here): the answers are live
 * data, not for shared caches.
 */
function uncacheable(): ApolloServerPlugin<GraphContext> {
  const listener: GraphQLRequestListener<GraphContext> = {
    async willSendResponse({ response }) {
      // Apollo's own answers that carry one (a persisted query not found) keep theirs.
      if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

function landingPage(playground: Playground): ApolloServerPlugin<GraphContext> {
  switch (playground) {
    case 'apollo':
      return ApolloServerPluginLandingPageLocalDefault({ embed: true });
    case 'graphiql':
      return ApolloServerPluginLandingPageDisabled();
    case false:
      return ApolloServerPluginLandingPageProductionDefault({ footer: false });
  }
}
