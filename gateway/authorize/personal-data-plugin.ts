import type { ApolloServerPlugin } from '@apollo/server'
import { personalCoordinates } from '../../auth/audit/personal-coordinates.js'
import { operationHash, type AccessLog } from '../../auth/audit/access-log.js'
import type { Requirements } from '../../auth/policy/types.js'
import type { GatewayContext } from '../gateway-context.js'
import { refusedByLimits } from '../limits/operation-limits.js'
import { graphqlError } from '../../platform/errors.js'

/**
 * Before an operation that selects personal or special data runs: it must name a purpose
 * (403 PURPOSE_REQUIRED), and the access must be written to the access log first; if the log
 * cannot be written the data is not served (503 AUDIT_UNAVAILABLE). Fails closed.
 */
export function createPersonalDataPlugin(requirements: () => Requirements, log: AccessLog | null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          // An operation over the limits is not served: no purpose check, no access-log entry for a read that never happens.
          if (refusedByLimits(requestContext)) return
          const { document, schema, contextValue, source } = requestContext
          const coordinates = personalCoordinates(schema, document, requirements())
          if (!coordinates.length) return
          const { principal, access } = contextValue
          if (!principal.purpose) {
            throw graphqlError(
              'PURPOSE_REQUIRED',
              "Reading personal data needs a purpose (header x-stadtgraph-purpose or the token's purpose claim)",
              { http: { status: 403 } },
            )
          }
          try {
            if (!log) throw new Error('no access log configured')
            await log.write({
              subject: principal.subject,
              roles: principal.roles,
              department: principal.department,
              purpose: principal.purpose,
              operationHash: operationHash(source),
              coordinates,
              policyVersion: access.policyVersion,
            })
          } catch (err) {
            console.error(`[gateway] access log unavailable: ${err instanceof Error ? err.message : err}`)
            throw graphqlError('AUDIT_UNAVAILABLE', 'Personal data cannot be served while the access log is unavailable', {
              http: { status: 503 },
            })
          }
        },
      }
    },
  }
}
