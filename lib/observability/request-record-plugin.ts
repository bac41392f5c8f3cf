import type { ApolloServerPlugin, BaseContext } from '@apollo/server'
import type { GatewayMetrics } from './gateway-metrics.js'

/** What the gateway learns about one request while serving it, for its metrics, span and log line. */
export interface RequestRecord {
  readonly id: string
  /** Resolved operation name (null: an anonymous operation; undefined: none was resolved). */
  operationName: string | null | undefined
  /** SHA-256 of the document (Apollo's queryHash), once parsed. */
  operationHash: string | undefined
}

/**
 * An Apollo Server plugin that fills the request's record (found in the context as `request`) with
 * the resolved operation name and document hash, and counts the error codes of each response.
 */
export function createRequestRecordPlugin<C extends BaseContext & { request?: RequestRecord }>(
  metrics: GatewayMetrics,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const record = rc.contextValue.request
          if (!record) return
          record.operationName = rc.operationName ?? null
          record.operationHash = rc.queryHash
        },
        async willSendResponse(rc) {
          const body = rc.response.body
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined
          if (errors) for (const e of errors) metrics.graphqlError(e.extensions?.code)
        },
      }
    },
  }
}
