import { readFileSync } from 'node:fs'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import { ApolloServer } from '@apollo/server'
import { startStandaloneServer } from '@apollo/server/standalone'
import { createBaselineSigner, INTERNAL_TOKEN_HEADER } from '../baseline-identity.js'
import { withoutRequiresScopes } from './supergraph-for-baselines.js'

// Baseline: @apollo/gateway (Elastic-2.0, a devDependency for benchmarking only) served by @apollo/server,
// with its defaults. Each subgraph call carries a freshly signed internal token.
//   SUPERGRAPH_PATH=… INTERNAL_TOKEN_SECRET=… PORT=… tsx bench/baselines/apollo-gateway.ts
const sign = createBaselineSigner(process.env.INTERNAL_TOKEN_SECRET ?? '')
const gateway = new ApolloGateway({
  supergraphSdl: withoutRequiresScopes(readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8')),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request }) {
        request.http?.headers.set(INTERNAL_TOKEN_HEADER, sign(name))
      },
    }),
})
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false })
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } })
console.error(`[apollo-gateway] ${url}`)
