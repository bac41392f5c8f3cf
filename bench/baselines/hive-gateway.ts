import { startHiveBaseline } from './hive-runtime.js'

// Baseline: @graphql-hive/gateway-runtime with its defaults — its JavaScript query planner, upstream
// in-flight deduplication on (bench/baselines/hive-runtime.ts).
//   SUPERGRAPH_PATH=… INTERNAL_TOKEN_SECRET=… PORT=… [UPSTREAM_DEDUPE=off] tsx bench/baselines/hive-gateway.ts
startHiveBaseline({ name: 'hive-gateway' })
