import type { Principal } from '../auth/principal.js'
import type { EffectiveAccess } from '../auth/policy/types.js'

/** The GraphQL context of one operation at the gateway. */
export interface GatewayContext {
  principal: Principal
  access: EffectiveAccess
}
