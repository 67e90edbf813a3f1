/**
 * Apollo Server with everything a GraphQL request meets, without HTTP: the schema with its list
 * cap, the query limits, error formatting and logging, the response size cap. The HTTP server
 * (app.ts) and the in-process test harness both build it here, so tests meet what clients meet.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import type { QueryLimits } from '../config.js';
import type { GraphContext } from '../graphql/context.js';
import { createErrorFormatter, logUnexpectedErrors } from '../graphql/errors.js';
import { buildGraphSchema } from '../graphql/schema.js';
import { queryLimits } from './plugins/limits/index.js';
import { requestLoggingPlugin } from './request-logging.js';
import { responseSizeCap } from './response-size.js';

export interface GraphQLServerOptions {
  readonly limits: QueryLimits;
  /** Hide "Did you mean ...?" suggestions, which reveal the schema, from error messages. */
  readonly maskSuggestions: boolean;
  /** Apollo's local landing page (the playground) when true; a production page otherwise. */
  readonly playground: boolean;
  /** Plugins of the host, e.g. the HTTP server's drain. */
  readonly plugins?: readonly ApolloServerPlugin<GraphContext>[];
}

export function createGraphQLServer(options: GraphQLServerOptions): ApolloServer<GraphContext> {
  const { limits } = options;
  const limitsSetup = queryLimits({ limits });
  return new ApolloServer<GraphContext>({
    schema: buildGraphSchema({ maxListLength: limits.maxListLength }),
    validationRules: limitsSetup.validationRules,
    parseOptions: limitsSetup.parseOptions,
    formatError: createErrorFormatter({ recognisers: [limitsSetup.formatError] }),
    hideSchemaDetailsFromClientErrors: options.maskSuggestions,
    stringifyResult: responseSizeCap(limits.maxResponseBytes),
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: drain, close the store, exit 0. Apollo's own handlers would
    // re-raise the signal after stopping and end the process before the store is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ...(options.plugins ?? []),
      limitsSetup.plugin,
      logUnexpectedErrors(),
      requestLoggingPlugin(),
      options.playground
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}
