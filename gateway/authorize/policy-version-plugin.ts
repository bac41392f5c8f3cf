import type { ApolloServerPlugin } from '@apollo/server'
import type { GatewayContext } from '../gateway-context.js'

/**
 * Puts the policy version an operation was authorized under into the response's `extensions`
 * (`policyVersion`), so a client (and a test of revocation, authorization case T44) can tell which
 * policy answered it; `/healthz` shows the version a replica enforces now.
 */
export function createPolicyVersionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const version = contextValue?.access?.policyVersion
          if (response.body.kind !== 'single' || typeof version !== 'number') return
          const result = response.body.singleResult
          result.extensions = { ...result.extensions, policyVersion: version }
        },
      }
    },
  }
}
