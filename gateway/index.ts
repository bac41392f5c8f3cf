import { readFileSync } from 'node:fs'
import { GATEWAY_USAGE, readGatewayConfig, wantsHelp, type GatewayConfig } from './config.js'
import { checkSupergraph } from './supergraph/check-supergraph.js'
import { createGateway, type Gateway } from './gateway.js'
import { createGatewayDeps } from './create-gateway-deps.js'
import { stopOnSignal } from '../lib/service/stop-on-signal.js'
import { startTracing } from '../lib/observability/start-tracing.js'

// Entry: serves a supergraph file (ours by default, or any Federation v2 supergraph) on a port.
//   npm run gateway -- --supergraph path/to/supergraph.graphql --subgraph products=http://localhost:4101/graphql --port 4000
if (wantsHelp()) {
  process.stdout.write(GATEWAY_USAGE)
  process.exit(0)
}
/** A failed start is one line for the operator (the first of the message), never a stack trace. */
function fail(err: unknown): never {
  console.error(`[gateway] cannot start: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`)
  process.exit(2)
}
let config: GatewayConfig
let deps: Awaited<ReturnType<typeof createGatewayDeps>>
let gateway: Gateway
try {
  config = readGatewayConfig()
  checkSupergraph(readFileSync(config.supergraphPath!, 'utf8'), config.supergraphPath!)
  deps = await createGatewayDeps(config)
} catch (err) {
  fail(err)
}
if (!config.internalTokenSecret)
  console.warn('[gateway] INTERNAL_TOKEN_SECRET is not set: subgraph calls carry no identity (only for third-party subgraphs)')
let tracing: Awaited<ReturnType<typeof startTracing>>
try {
  // Before the gateway serves: spans need the provider registered (the SDK loads only with OTEL_EXPORTER_OTLP_ENDPOINT).
  tracing = await startTracing({ serviceName: 'stadtgraph-gateway', endpoint: config.observability?.otlpEndpoint })
  gateway = await createGateway(config, deps)
} catch (err) {
  await deps.close().catch(() => {})
  fail(err)
}
console.log(
  `[gateway] serving ${config.supergraphPath} at ${gateway.url} (health ${config.healthPath}, ready ${config.readyPath}, authorization ${config.authorization}, policy v${gateway.policyVersion()})`,
)
// SIGTERM: requests in flight finish (≤ 10 s), then the policy store's pool and LISTEN connection close and the
// spans still buffered are sent; exit 0.
stopOnSignal(
  async () => {
    await gateway.close()
    await deps.close()
    await tracing?.shutdown()
  },
  { label: '[gateway]' },
)
