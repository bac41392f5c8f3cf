import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime'
import { createBaselineSigner, INTERNAL_TOKEN_HEADER } from '../baseline-identity.js'
import { subgraphUrls, withoutRequiresScopes } from './supergraph-for-baselines.js'

// Baseline: @graphql-hive/gateway-runtime (MIT) on node:http, with its defaults (upstream in-flight
// deduplication on). Each subgraph call carries a freshly signed internal token (onFetch hook).
//   SUPERGRAPH_PATH=… INTERNAL_TOKEN_SECRET=… PORT=… tsx bench/baselines/hive-gateway.ts
const sign = createBaselineSigner(process.env.INTERNAL_TOKEN_SECRET ?? '')
const sdl = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8')
const nameByUrl = new Map([...subgraphUrls(sdl)].map(([name, url]) => [url, name]))
const gw = createGatewayRuntime({
  supergraph: withoutRequiresScopes(sdl),
  logging: 'error',
  graphqlEndpoint: '/graphql',
  plugins: () => [
    {
      onFetch({ url, options, setOptions }) {
        const name = nameByUrl.get(url)
        if (name) setOptions({ ...options, headers: { ...options.headers, [INTERNAL_TOKEN_HEADER]: sign(name) } })
      },
    },
  ],
})
const server = createServer(gw)
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.error(`[hive-gateway] http://127.0.0.1:${process.env.PORT}/graphql`))
// The runtime registers its own terminate handler and keeps the process alive; stop explicitly.
const stop = async () => {
  server.closeAllConnections()
  server.close()
  await gw.dispose()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
