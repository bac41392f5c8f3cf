import { createGateway, type Gateway } from '../../gateway/gateway.js'
import type { GatewayConfig } from '../../gateway/config.js'
import { composeSupergraph } from '../../schema/compose.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from './start-subgraphs.js'

export interface RunningCity {
  gateway: Gateway
  subgraphs: RunningSubgraphs
  supergraphSdl: string
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof graphql>
  stop(): Promise<void>
}

export function testGatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0, host: '127.0.0.1', graphqlPath: '/graphql', healthPath: '/healthz', readyPath: '/readyz',
    supergraphPath: null, supergraphSdl: null, subgraphUrls: {}, watch: false, subgraphTimeoutMs: 5_000,
    ...overrides,
  }
}

/** All departments in-process on ephemeral ports, composed at their real URLs, behind a gateway. */
export async function startCity(databaseUrl: string, only?: readonly string[]): Promise<RunningCity> {
  const subgraphs = await startSubgraphs(databaseUrl, only)
  const supergraphSdl = composeSupergraph(subgraphs.list.map(s => ({ name: s.def.name, url: s.server.url, typeDefs: s.def.typeDefs })))
  const gateway = await createGateway(testGatewayConfig({ supergraphSdl }))
  return {
    gateway,
    subgraphs,
    supergraphSdl,
    query: (q, v, h) => graphql(gateway.url, q, v, h),
    stop: async () => { await gateway.close(); await subgraphs.stop() },
  }
}
