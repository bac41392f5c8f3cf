import { readFileSync } from 'node:fs'
import { ApolloServer } from '@apollo/server'
import { startStandaloneServer } from '@apollo/server/standalone'
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway'
import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER, type InternalIdentity } from '../../auth/internal/internal-token.js'

// Baseline for bench/dev/loop.ts only: @apollo/gateway (Elastic-2.0, a devDependency, never shipped)
// over the same subgraphs. It refuses supergraphs that use @requiresScopes, so the loop hands it the
// supergraph without them; every subgraph call carries a freshly signed internal token, like ours.
const sdl = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8')
const signer = createInternalTokenSigner(process.env.INTERNAL_TOKEN_SECRET!)
const identity: InternalIdentity = {
  subject: 'bench',
  roles: ['controlling'],
  department: null,
  purpose: null,
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 0,
  scopes: ['open', 'internal'],
}
const gateway = new ApolloGateway({
  supergraphSdl: sdl,
  buildService: ({ name, url }) =>
    new (class extends RemoteGraphQLDataSource {
      override willSendRequest({ request }: Parameters<RemoteGraphQLDataSource['willSendRequest'] & {}>[0]) {
        request.http?.headers.set(INTERNAL_TOKEN_HEADER, signer.sign(identity, name))
      }
    })({ url }),
})
const server = new ApolloServer({ gateway })
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: '127.0.0.1' } })
console.log(`[apollo-gateway] ${url}`)
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0))
})
