import type { ServerResponse } from 'node:http'
import { sendJson } from '../../platform/http/apollo-handler.js'
import { UNRESTRICTED, type GatewayContext } from '../gateway-context.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import type { SupergraphManager } from '../supergraph/supergraph-manager.js'
import type { SubgraphHeaders } from '../transport/subgraph-call.js'
import { checkSubgraphs } from './check-subgraphs.js'
import { checkPolicyStore } from './check-policy-store.js'

/** The gateway itself, asking subgraphs whether they answer; it holds no roles. */
const HEALTH_CONTEXT: GatewayContext = Object.freeze({
  principal: Object.freeze({
    subject: 'stadtgraph-gateway',
    roles: ['stadtgraph-gateway'],
    department: null,
    purpose: null,
    authenticated: true,
  }),
  access: UNRESTRICTED,
})

export interface HealthRoutesOptions {
  replicaId: string
  policy: PolicyRuntime
  supergraph: SupergraphManager
  /** The signing hook of subgraph calls: `/readyz` asks each subgraph as the gateway itself. */
  signHeaders: SubgraphHeaders
}

/**
 * `/healthz`: the replica, the policy version it enforces and the supergraph it serves (always 200).
 * `/readyz`: whether every subgraph answers `{ __typename }` and the policy store answers in time (200 or 503).
 */
export function createHealthRoutes({ replicaId, policy, supergraph, signHeaders }: HealthRoutesOptions) {
  return {
    health(res: ServerResponse): void {
      const current = supergraph.current()
      sendJson(res, 200, {
        status: 'ok',
        replica: replicaId,
        policyVersion: policy.snapshot().version,
        supergraph: { hash: current.hash, loadedAt: current.loadedAt.toISOString() },
        subgraphs: supergraph.subgraphs().length,
      })
    },
    async ready(res: ServerResponse): Promise<void> {
      const [checks, policyStore] = await Promise.all([
        checkSubgraphs(supergraph.subgraphs(), 2_000, name => signHeaders(name, HEALTH_CONTEXT)),
        checkPolicyStore(policy),
      ])
      const ready = checks.every(c => c.ok) && policyStore.ok
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', policyStore, subgraphs: checks })
    },
  }
}
