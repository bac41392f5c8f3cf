import { ConfigError, readGatewayConfig } from './config.js'
import { createGateway } from './gateway.js'
import { createGatewayDeps } from './create-gateway-deps.js'
import { startTracing } from '../lib/observability/start-tracing.js'

// Entry: serves a supergraph file (ours by default, or any Federation v2 supergraph) on a port.
//   npm run gateway -- --supergraph path/to/supergraph.graphql --subgraph products=http://localhost:4101/graphql --port 4000
let config
let deps
try {
  config = readGatewayConfig()
  deps = await createGatewayDeps(config)
} catch (err) {
  console.error(`[gateway] ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`)
  process.exit(2)
}
if (!config.internalTokenSecret) console.warn('[gateway] INTERNAL_TOKEN_SECRET is not set: subgraph calls carry no identity (only for third-party subgraphs)')
// Before the gateway serves: spans need the provider registered (the SDK loads only with OTEL_EXPORTER_OTLP_ENDPOINT).
await startTracing({ serviceName: 'stadtgraph-gateway', endpoint: config.observability?.otlpEndpoint })
const gateway = await createGateway(config, deps)
console.log(`[gateway] serving ${config.supergraphPath} at ${gateway.url} (health ${config.healthPath}, ready ${config.readyPath}, authorization ${config.authorization}, policy v${gateway.policyVersion()})`)
const stop = async () => { await gateway.close(); await deps.close(); process.exit(0) }
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
