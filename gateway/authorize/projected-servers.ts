import { GraphQLError, parse, specifiedRules, type GraphQLSchema, type ValidationRule } from 'graphql'
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { collectSelectedCoordinates } from '../../auth/audit/personal-coordinates.js'
import { createFormatError } from '../../platform/http/format-error.js'
import { errorEntry } from '../../platform/errors.js'
import { isTokenLimitError, tokenLimitError } from '../limits/operation-limits.js'
import type { GatewayContext } from '../gateway-context.js'
import { asApolloGateway, type OperationExecutor } from '../execute/operation-executor.js'
import { createLru, type LruStats } from '../../platform/lru.js'
import { createSharedDocumentStore, type ServerDocumentStore } from '../cache/lru-document-store.js'
import type { ParsedHandoff } from '../cache/parsed-handoff.js'
import { isValidDocument } from '../../platform/validate-document.js'
import { DEFAULT_CACHE_LIMITS, type CacheLimits } from '../config.js'

/**
 * One Apollo Server per projected schema, built on first use and cached by key (supergraph hash +
 * effective access). Operations are parsed and validated against the caller's projection, so a
 * field the caller may not see fails exactly like one that does not exist, and introspection shows
 * only the projection. Bounded: the least recently used entries are dropped.
 *
 * A new document is parsed and validated once, by `prevalidationPlugin` (cheaper than Apollo does),
 * or by Apollo when it does not parse or validate; with a `handoff`, the document the shape guard
 * parsed for the same text is taken instead of parsing it again.
 *
 * Parsed and validated documents are kept in one store shared by all servers and bounded in entries
 * and bytes (gateway/cache/lru-document-store.ts; kept from their second request on), each server
 * under its own prefix: the query plans are cached per document, so this one bound holds them too.
 */
export interface ProjectedServers {
  get(
    key: string,
    build: () => GraphQLSchema,
    opts?: { introspection?: boolean; executor?: OperationExecutor },
  ): Promise<ApolloServer<GatewayContext>>
  clear(): void
  size(): number
  /** The projections cache and the shared document store, for the metrics. */
  stats(): { projections: LruStats; documents: LruStats; documentKeys: LruStats }
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

/**
 * Apollo Server's NoIntrospection rule (not exported by the package), which it runs first among the
 * configured rules of a server without introspection: the same fields are refused.
 */
export const IntrospectionRefused: ValidationRule = context => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type')
      context.reportError(new GraphQLError('Introspection is not allowed', { nodes: [node] }))
  },
})

/**
 * Parses and validates a new document for Apollo Server, cheaper than Apollo does
 * (platform/validate-document.ts): the request's source is offered to the document store
 * (`didResolveSource`, before Apollo asks the store), which, when it has no document for the query,
 * parses it with the server's parse options and validates it against the request's schema with the
 * rules Apollo would run (`rules`: graphql-js's, then the server's). A valid document is handed to
 * Apollo, which then neither parses nor validates it; a document that does not parse or validate
 * is left to Apollo, which parses and validates it as without this plugin and reports its errors.
 *
 * `handoff`: a document already parsed from exactly this source with the same parse options (by the
 * shape guard, gateway/limits/shape-guard.ts) is taken from there (when the source resolves, so it
 * is not kept longer than the request needs it) and validated instead of parsing the source again.
 */
export function prevalidationPlugin(
  documentStore: ServerDocumentStore,
  parseOptions: { maxTokens: number },
  rules: readonly ValidationRule[],
  handoff?: ParsedHandoff,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ source, queryHash, schema }) {
          const parsed = handoff?.take(source, parseOptions.maxTokens)
          documentStore.offer(queryHash, () => {
            let document
            try {
              document = parsed ?? parse(source, parseOptions)
            } catch {
              return undefined
            }
            return isValidDocument(schema, document, rules) ? document : undefined
          })
        },
      }
    },
  }
}

/** `plugins`: the Apollo Server plugins of every projection, or a function read when a server is built. */
export function createProjectedServers(
  plugins: readonly ApolloServerPlugin<GatewayContext>[] | (() => readonly ApolloServerPlugin<GatewayContext>[]) = [],
  maxTokens = 5_000,
  limits: Pick<CacheLimits, 'projectionEntries' | 'documentEntries' | 'documentBytes'> = DEFAULT_CACHE_LIMITS,
  /** false: Apollo Server parses and validates every new document itself (no `prevalidationPlugin`). */
  prevalidate = true,
  /** Documents the shape guard parsed, for `prevalidationPlugin` (gateway/cache/parsed-handoff.ts). */
  handoff?: ParsedHandoff,
): ProjectedServers {
  // A projection's size is its schema's: bounded by their number only.
  const cache = createLru<Promise<ApolloServer<GatewayContext>>>({
    maxEntries: limits.projectionEntries,
    maxBytes: Infinity,
    sizeOf: () => 0,
  })
  const documents = createSharedDocumentStore({ maxEntries: limits.documentEntries, maxBytes: limits.documentBytes })
  let built = 0
  const formatError = createFormatError('gateway')
  return {
    get(baseKey, build, opts = {}) {
      const introspection = opts.introspection ?? true
      const key = `${baseKey}|introspection=${introspection}`
      const hit = cache.get(key)
      if (hit) return hit
      const documentStore = documents.forServer(`${++built}:`)
      const validationRules = [KnownOperationTypes, collectSelectedCoordinates]
      // The rules Apollo Server runs: graphql-js's, its own NoIntrospection without introspection, then ours. (Apollo's
      // maxRecursiveSelections is not set below; set, its rule would have to be here too, or the plugin would pass what it refuses.)
      const rules = [...specifiedRules, ...(introspection ? [] : [IntrospectionRefused]), ...validationRules]
      const created = (async () => {
        // Without an executor the schema's own resolvers run; with one, Apollo Server still parses,
        // validates (against this projection) and runs the plugins, and the executor runs the operation.
        const server = new ApolloServer<GatewayContext>({
          ...(opts.executor ? { gateway: asApolloGateway(build(), opts.executor) } : { schema: build() }),
          introspection,
          // Documents are never registered at run time; trusted documents are resolved before Apollo.
          persistedQueries: false,
          documentStore,
          // The selected coordinates are collected on validation's own walk (the personal-data and dedupe stages ask for them).
          validationRules,
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
          plugins: [
            ...(prevalidate ? [prevalidationPlugin(documentStore, { maxTokens }, rules, handoff)] : []),
            ApolloServerPluginLandingPageDisabled(),
            ...(typeof plugins === 'function' ? plugins() : plugins),
          ],
        })
        await server.start()
        return server
      })()
      created.catch(() => cache.delete(key))
      cache.set(key, created)
      return created
    },
    // A new supergraph or policy: documents validated before it are not reused either.
    clear() {
      cache.clear()
      documents.clear()
    },
    size: () => cache.stats().entries,
    stats: () => ({ projections: cache.stats(), documents: documents.lru.stats(), documentKeys: documents.seen.stats() }),
  }
}
