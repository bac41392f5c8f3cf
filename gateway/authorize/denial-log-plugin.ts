import type { ApolloServerPlugin } from '@apollo/server'
import { operationHash } from '../../auth/audit/access-log.js'
import type { GatewayContext } from '../gateway-context.js'

const HIDDEN_FIELD = /^Cannot query field "([^"]+)" on type "([^"]+)"/

/**
 * Every authorization denial is observable (docs/operations.md#metrics-traces-logs): a field the caller's projection
 * hides (it exists in the graph, so it was not a typo) and every instance-level denial become one
 * log line with the operation hash, roles, coordinate and policy version. The client sees nothing
 * of this.
 */
export function createDenialLogPlugin(
  knownCoordinates: () => ReadonlyMap<string, unknown>,
  log: (line: string) => void = line => console.warn(line),
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, source }) {
          const coordinates: string[] = []
          for (const error of errors) {
            const hidden = HIDDEN_FIELD.exec(error.message)
            if (hidden && knownCoordinates().has(`${hidden[2]}.${hidden[1]}`)) coordinates.push(`${hidden[2]}.${hidden[1]}`)
            else if (error.extensions?.code === 'FORBIDDEN_FIELD') coordinates.push(`instance:${(error.path ?? []).join('.')}`)
          }
          if (!coordinates.length || !contextValue?.principal) return
          log(
            `[gateway] authz.denied op=${operationHash(source ?? '').slice(0, 16)} roles=${contextValue.principal.roles.join(',')} ` +
              `department=${contextValue.principal.department ?? '-'} policy=${contextValue.access.policyVersion} coordinates=${coordinates.join(',')}`,
          )
        },
      }
    },
  }
}
