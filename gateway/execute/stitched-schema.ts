import type { ExecutionResult, GraphQLSchema } from 'graphql'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { graphNamesOf, withSubgraphUrls } from '../../platform/supergraph-readers.js'
import { isTransportError, unavailable } from '../transport/subgraph-errors.js'
import type { SubgraphCallHooks } from '../transport/subgraph-call.js'
import { injectTraceHeaders, runInSpan, SpanKind, startSpan } from '../../lib/observability/tracing.js'

/**
 * `subgraphHeaders`: headers for each subgraph request, from the GraphQL context of the operation
 * (the gateway signs the caller's identity here). Client headers are never forwarded.
 */
export interface StitchedSchemaOptions extends SubgraphCallHooks {
  supergraphSdl: string
  /** Subgraph URL overrides by name (wins over `@join__graph(url:)`). */
  subgraphUrls?: Readonly<Record<string, string>>
  /** Per subgraph request timeout. */
  timeoutMs?: number
}

/**
 * Executable gateway schema for a supergraph, planned and executed by @graphql-tools/federation.
 * A subgraph that cannot be reached yields an error naming it (SUBGRAPH_UNAVAILABLE) while the
 * other subgraphs' data still comes back.
 */
export function createStitchedSchema(opts: StitchedSchemaOptions): GraphQLSchema {
  const supergraphSdl = opts.subgraphUrls ? withSubgraphUrls(opts.supergraphSdl, opts.subgraphUrls) : opts.supergraphSdl
  const graphNames = graphNamesOf(supergraphSdl)
  return getStitchedSchemaFromSupergraphSdl({
    supergraphSdl,
    batch: true,
    httpExecutorOpts: ({ name }) => ({
      timeout: opts.timeoutMs ?? 15_000,
      ...(opts.subgraphHeaders
        ? {
            headers: (request?: { context?: unknown }) =>
              injectTraceHeaders(opts.subgraphHeaders!(graphNames.get(name) ?? name, request?.context)),
          }
        : {}),
    }),
    onSubschemaConfig(config) {
      const execute = config.executor
      // Subschemas are named after the join__Graph enum value (ASYLUM); errors use the subgraph's own name.
      const name = graphNames.get(config.name) ?? config.name
      config.executor = (async (request: Parameters<typeof execute>[0]) => {
        const span = startSpan('subgraph.fetch', { 'stadtgraph.subgraph': name }, SpanKind.CLIENT)
        const started = performance.now()
        let ok = false
        try {
          const result = (await runInSpan(span, () => execute(request))) as ExecutionResult
          if (result && 'errors' in result && result.errors?.length && !result.data && result.errors.every(e => isTransportError(e))) {
            return { errors: [unavailable(name, 'no answer')] }
          }
          ok = true
          return result
        } catch (err) {
          return { errors: [unavailable(name, err instanceof Error && /timed? ?out|abort/i.test(err.message) ? 'timed out' : 'no answer')] }
        } finally {
          opts.onSubgraphFetch?.(name, (performance.now() - started) / 1000, ok)
          span?.end()
        }
      }) as typeof execute
    },
  })
}
