import type { GatewayConfig } from '../config.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import { createPlanExecutor } from '../execute/plan-executor.js'
import { fetchNodeCacheStats } from '../execute/plan-thread.js'
import type { Stage } from './stage.js'

/**
 * How a loaded supergraph runs operations: by query plan (Hive Router's planner, plans cached per
 * document and projection; gateway/execute/plan-executor.ts), or, with `executor: 'stitched'`, by
 * the stitched schema's resolvers (also the fallback for what the planner does not take).
 */
export function planStage(config: Pick<GatewayConfig, 'executor' | 'subgraphDedupe'>, metrics: GatewayMetrics): Stage {
  // Fetch nodes reused across plans (gateway/execute/plan-thread.ts): one cache for the process.
  if (config.executor !== 'stitched') metrics.cache('fetch_nodes', fetchNodeCacheStats)
  return {
    name: 'plan',
    createExecutor: async execution =>
      config.executor === 'stitched'
        ? null
        : createPlanExecutor({ ...execution, subgraphDedupe: config.subgraphDedupe, onSubgraphDedupe: metrics.subgraphDedupe }),
  }
}
