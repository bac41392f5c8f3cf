import { ConfigError, readGatewayConfig } from './config.js'
import { createGateway } from './gateway.js'

// Entry: serves a supergraph file (ours by default, or any Federation v2 supergraph) on a port.
//   npm run gateway -- --supergraph path/to/supergraph.graphql --subgraph products=http://localhost:4101/graphql --port 4000
let config
try {
  config = readGatewayConfig()
} catch (err) {
  console.error(`[gateway] ${err instanceof ConfigError ? err.message : String(err)}`)
  process.exit(2)
}
const gateway = await createGateway(config)
console.log(`[gateway] serving ${config.supergraphPath} at ${gateway.url} (health ${config.healthPath}, ready ${config.readyPath})`)
const stop = async () => { await gateway.close(); process.exit(0) }
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
