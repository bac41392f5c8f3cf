import type { GatewayPlugin, UnifiedGraphHandler } from '@graphql-hive/gateway-runtime'
import { unifiedGraphHandler, useQueryPlan } from '@graphql-hive/router-runtime'
import { QUERY_PLAN_HEADER, startHiveBaseline } from './hive-runtime.js'

// Baseline: @graphql-hive/gateway-runtime with the Rust query planner (@graphql-hive/router-runtime's
// `unifiedGraphHandler`, the planner our gateway uses too), otherwise its defaults: upstream in-flight
// deduplication on (bench/baselines/hive-runtime.ts).
//   SUPERGRAPH_PATH=… INTERNAL_TOKEN_SECRET=… PORT=… [UPSTREAM_DEDUPE=off] tsx bench/baselines/hive-router-runtime.ts

let handlerCalls = 0
const rustPlanner: UnifiedGraphHandler = opts => {
  handlerCalls++
  console.error(`[hive-router-runtime] supergraph handled by @graphql-hive/router-runtime (call ${handlerCalls})`)
  return unifiedGraphHandler(opts)
}

// router-runtime bundles its own copy of the runtime's plugin types, which TypeScript does not unify.
const queryPlan = useQueryPlan({ expose: request => request.headers.has(QUERY_PLAN_HEADER) }) as unknown as GatewayPlugin

startHiveBaseline({ name: 'hive-router-runtime', config: { unifiedGraphHandler: rustPlanner }, plugins: [queryPlan] })
