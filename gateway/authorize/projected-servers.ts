import { GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql'
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { createFormatError } from '../../platform/http/format-error.js'
import { errorEntry } from '../../platform/errors.js'
import { isTokenLimitError, tokenLimitError } from '../limits/operation-limits.js'
import type { GatewayContext } from '../gateway-context.js'
import { asApolloGateway, type OperationExecutor } from '../execute/operation-executor.js'

/**
 * One Apollo Server per projected schema, built on first use and cached by key (supergraph hash +
 * effective access). Operations are parsed and validated against the caller's projection, so a
 * field the caller may not see fails exactly like one that does not exist, and introspection shows
 * only the projection. Bounded: the least recently used entries are dropped.
 */
export interface ProjectedServers {
  get(
    key: string,
    build: () => GraphQLSchema,
    opts?: { introspection?: boolean; executor?: OperationExecutor },
  ): Promise<ApolloServer<GatewayContext>>
  clear(): void
  size(): number
}

/**
 * An operation type the schema does not define (our graph has no subscriptions; a role without
 * data-entry rights sees no mutations) fails validation like an unknown field would, instead of
 * failing at execution with a masked internal error.
 */
export const KnownOperationTypes: ValidationRule = context => ({
  OperationDefinition(node) {
    const schema = context.getSchema()
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType()
    if (!root) context.reportError(new GraphQLError(`This API has no ${node.operation} operations`, { nodes: node }))
  },
})

/** `plugins`: the Apollo Server plugins of every projection, or a function read when a server is built. */
export function createProjectedServers(
  plugins: readonly ApolloServerPlugin<GatewayContext>[] | (() => readonly ApolloServerPlugin<GatewayContext>[]) = [],
  maxTokens = 5_000,
  max = 64,
): ProjectedServers {
  const cache = new Map<string, Promise<ApolloServer<GatewayContext>>>()
  const formatError = createFormatError('gateway')
  return {
    get(baseKey, build, opts = {}) {
      const introspection = opts.introspection ?? true
      const key = `${baseKey}|introspection=${introspection}`
      const hit = cache.get(key)
      if (hit) {
        cache.delete(key)
        cache.set(key, hit)
        return hit
      }
      const created = (async () => {
        // Without an executor the schema's own resolvers run; with one, Apollo Server still parses,
        // validates (against this projection) and runs the plugins, and the executor runs the operation.
        const server = new ApolloServer<GatewayContext>({
          ...(opts.executor ? { gateway: asApolloGateway(build(), opts.executor) } : { schema: build() }),
          introspection,
          // Documents are never registered at run time; trusted documents are resolved before Apollo.
          persistedQueries: false,
          validationRules: [KnownOperationTypes],
          includeStacktraceInErrorResponses: false,
          // No "Did you mean …?": a suggestion could name a field the caller may not see.
          hideSchemaDetailsFromClientErrors: true,
          // The parser stops at the token limit; its syntax error is reported under our code.
          parseOptions: { maxTokens },
          formatError: (formatted, error) =>
            formatError(
              formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(formatted.message)
                ? errorEntry('MAX_TOKENS_EXCEEDED', tokenLimitError(maxTokens).message)
                : /introspection is not allowed/i.test(formatted.message)
                  ? errorEntry('INTROSPECTION_DISABLED', 'Introspection is not available to this caller')
                  : formatted,
              error,
            ),
          stopOnTerminationSignals: false,
          plugins: [ApolloServerPluginLandingPageDisabled(), ...(typeof plugins === 'function' ? plugins() : plugins)],
        })
        await server.start()
        return server
      })()
      created.catch(() => cache.delete(key))
      cache.set(key, created)
      while (cache.size > max) cache.delete(cache.keys().next().value!)
      return created
    },
    clear: () => cache.clear(),
    size: () => cache.size,
  }
}
