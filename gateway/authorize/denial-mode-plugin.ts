import type { ApolloServerPlugin } from '@apollo/server'
import type { GatewayContext } from '../gateway-context.js'
import { errorEntry } from '../../platform/errors.js'

/**
 * What happens to instance-level denials (FORBIDDEN_FIELD): `partial` (default) keeps the answer
 * with `null` at each denied path and an error naming it; `reject` refuses the whole operation with
 * 403 FORBIDDEN and lists the denied paths, for clients that must never act on partial data.
 */
export type DenialMode = 'partial' | 'reject'

export function createDenialModePlugin(mode: DenialMode): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      if (mode === 'partial') return {}
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return
          const result = response.body.singleResult
          const denied = (result.errors ?? []).filter(e => e.extensions?.code === 'FORBIDDEN_FIELD')
          if (!denied.length) return
          response.http.status = 403
          response.body.singleResult = {
            errors: [
              errorEntry('FORBIDDEN', 'The operation asks for data this caller may not see', {
                deniedPaths: denied.map(e => e.path ?? []),
              }),
            ],
          }
        },
      }
    },
  }
}
