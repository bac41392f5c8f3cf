import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { SubgraphHeaders } from '../transport/subgraph-call.js'
import type { Stage } from './stage.js'

/**
 * The plan's fetches go to the departments over keep-alive pools (gateway/transport), each call
 * carrying an internal token signed for that subgraph, its duration and outcome counted.
 */
export function executeStage(signHeaders: SubgraphHeaders, metrics: GatewayMetrics): Stage {
  return { name: 'execute', subgraphCalls: { subgraphHeaders: signHeaders, onSubgraphFetch: metrics.subgraphFetch } }
}
