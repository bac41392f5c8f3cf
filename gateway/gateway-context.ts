import type { Principal } from '../auth/principal.js'
import type { EffectiveAccess } from '../auth/policy/types.js'
import type { RowFilter } from '../auth/policy/row-filters.js'
import type { RequestRecord } from '../lib/observability/request-record-plugin.js'

/** The GraphQL context of one operation at the gateway. */
export interface GatewayContext {
  principal: Principal
  access: EffectiveAccess
  /** Row rules resolved for the principal, passed to the departments in the internal token. */
  rowFilters?: RowFilter[]
  /** What metrics and the request's log line learn while it is served (operation name and hash). */
  request?: RequestRecord
}

/** With authorization off every caller gets the whole API schema. */
export const UNRESTRICTED: EffectiveAccess = Object.freeze({
  key: 'unrestricted',
  policyVersion: 0,
  scopes: new Set<string>(),
  allow: new Set<string>(),
  deny: new Set<string>(),
  aggregateOnly: false,
  admin: false,
})
