import type { ApolloServerPlugin } from '@apollo/server'
import { withSpan } from '../../lib/observability/tracing.js'
import { effectiveAccess } from '../../auth/policy/effective-access.js'
import { rowFilters } from '../../auth/policy/row-filters.js'
import { projectSchema } from '../../auth/policy/project-schema.js'
import type { GatewayConfig } from '../config.js'
import { UNRESTRICTED, type GatewayContext } from '../gateway-context.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import { createProjectedServers } from '../authorize/projected-servers.js'
import type { LoadedSupergraph } from '../supergraph/supergraph-manager.js'
import type { Stage, StageOutcome } from './stage.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { ParsedHandoff } from '../cache/parsed-handoff.js'

export interface AccessStageOptions {
  config: Pick<GatewayConfig, 'authorization' | 'introspection' | 'limits' | 'caches'>
  policy: PolicyRuntime
  supergraph: () => LoadedSupergraph
  /** The GraphQL stages' plugins, in stage order: each projected Apollo Server runs them. */
  plugins: () => readonly ApolloServerPlugin<GatewayContext>[]
  /** Reports the projections and the shared document store (`cache` label `projections`, `documents`, `document_keys`). */
  metrics?: GatewayMetrics
  /** Documents the limits stage's shape guard parsed, taken instead of parsing them again. */
  handoff?: ParsedHandoff
}

/**
 * Effective access (roles, scopes, grants of the current policy) → the caller's projected schema,
 * served by one Apollo Server per (supergraph, access), cached; and the row rules the departments
 * apply. From here on the caller can only name what the projection shows. `onReset` (a new
 * supergraph or policy) drops the cached servers.
 */
export function accessStage({ config, policy, supergraph, plugins, metrics, handoff }: AccessStageOptions): Stage {
  const servers = createProjectedServers(plugins, config.limits.maxTokens, config.caches, true, handoff)
  metrics?.cache('projections', () => servers.stats().projections)
  metrics?.cache('documents', () => servers.stats().documents)
  metrics?.cache('document_keys', () => servers.stats().documentKeys)
  return {
    name: 'access',
    async onRequest(request): Promise<StageOutcome> {
      const principal = request.principal!
      const found = await withSpan('gateway.authorize', undefined, async () => {
        const access = config.authorization === 'off' ? UNRESTRICTED : effectiveAccess(policy.snapshot(), principal)
        const loaded = supergraph()
        const introspection = config.introspection === 'all' || (config.introspection === 'authenticated' && principal.authenticated)
        const server = await servers.get(
          `${loaded.hash}|${access.key}`,
          () => (access === UNRESTRICTED ? loaded.schema : projectSchema(loaded.schema, loaded.requirements, loaded.owners, access)),
          { introspection, executor: loaded.executor ?? undefined },
        )
        const rows = config.authorization === 'off' ? [] : rowFilters(policy.snapshot(), principal)
        return { access, server, rows }
      })
      request.access = found.access
      request.server = found.server
      request.rowFilters = found.rows
      request.observed.admin = found.access.admin
      return 'next'
    },
    onReset: () => servers.clear(),
  }
}
