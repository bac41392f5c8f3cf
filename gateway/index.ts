import { ConfigError, readGatewayConfig } from './config.js'
import { createGateway } from './gateway.js'
import { createGatewayDeps } from './create-gateway-deps.js'
import { stopOnSignal } from '../lib/service/stop-on-signal.js'

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
const gateway = await createGateway(config, deps)
console.log(`[gateway] serving ${config.supergraphPath} at ${gateway.url} (health ${config.healthPath}, ready ${config.readyPath}, authorization ${config.authorization}, policy v${gateway.policyVersion()})`)
// SIGTERM: requests in flight finish (≤ 10 s), then the policy store's pool and LISTEN connection close; exit 0.
stopOnSignal(async () => { await gateway.close(); await deps.close() }, { label: '[gateway]' })
