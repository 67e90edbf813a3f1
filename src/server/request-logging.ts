/** Apollo plugin: one log line per operation, with its request id (from the child logger), viewer, name and duration. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../graphql/context.js';

export function requestLoggingPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx }) {
          ctx.log.info(
            {
              viewer: contextValue.viewer.subject,
              operationName: operationName ?? null,
              errors: errors?.length ?? 0,
              ms: Math.round(performance.now() - started),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
