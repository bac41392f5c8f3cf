import { createHash } from 'node:crypto'
import { readFileSync, watchFile, unwatchFile } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { execute, type GraphQLSchema } from 'graphql'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface'
import { handleGraphQL, sendJson } from '../lib/http/apollo-handler.js'
import { createFormatError } from '../lib/http/format-error.js'
import { subgraphsOf, withSubgraphUrls } from '../schema/compose.js'
import type { GatewayConfig } from './config.js'
import { createStitchedSchema } from './execute/stitched-schema.js'
import { graphiqlHtml, serveGraphiqlAsset } from './graphiql/graphiql-page.js'
import { checkSubgraphs } from './health/check-subgraphs.js'

export interface Gateway {
  url: string
  port: number
  /** Hash of the supergraph being served. */
  supergraphHash(): string
  /** Re-reads the supergraph file (or takes `sdl`) and swaps the schema without dropping requests. */
  reload(sdl?: string): Promise<void>
  close(): Promise<void>
}

interface LoadedSupergraph { sdl: string; schema: GraphQLSchema; hash: string; loadedAt: Date }

/**
 * The gateway's HTTP server. Request pipeline:
 *
 *   HTTP ─► route (/graphql, health, GraphiQL) ─► Apollo Server (parse, validate against the
 *   federated API schema) ─► execute: plan + fetch from subgraphs (@graphql-tools/federation)
 *
 * The schema sits behind Apollo's gateway interface, so a new supergraph replaces it in flight.
 */
export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  const readSdl = () => config.supergraphSdl ?? readFileSync(config.supergraphPath!, 'utf8')
  const load = (sdl: string): LoadedSupergraph => ({
    sdl,
    schema: createStitchedSchema({ supergraphSdl: sdl, subgraphUrls: config.subgraphUrls, timeoutMs: config.subgraphTimeoutMs }),
    hash: createHash('sha256').update(sdl).digest('hex').slice(0, 16),
    loadedAt: new Date(),
  })
  let current = load(readSdl())
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>()

  const gatewayInterface: GatewayInterface = {
    async load() {
      // Apollo learns the schema through the update callback, also for the first load.
      for (const listener of listeners) listener({ apiSchema: current.schema, coreSupergraphSdl: current.sdl })
      return {
        schema: current.schema,
        executor: async requestContext => execute({
          schema: requestContext.schema,
          document: requestContext.document,
          operationName: requestContext.operationName ?? undefined,
          variableValues: requestContext.request.variables,
          contextValue: requestContext.context,
        }) as never,
      }
    },
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback)
      return () => listeners.delete(callback)
    },
    async stop() { listeners.clear() },
  }

  const apollo = new ApolloServer({
    gateway: gatewayInterface,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError('gateway'),
    // The process owner (entry script) stops servers in order; Apollo must not race it on SIGINT.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  })
  await apollo.start()

  const reload = async (sdl?: string) => {
    const next = sdl ?? readSdl()
    if (createHash('sha256').update(next).digest('hex').slice(0, 16) === current.hash) return
    const loaded = load(next)
    current = loaded
    for (const listener of listeners) listener({ apiSchema: loaded.schema, coreSupergraphSdl: loaded.sdl })
    console.log(`[gateway] supergraph reloaded (${loaded.hash})`)
  }

  const subgraphs = () => subgraphsOf(withSubgraphUrls(current.sdl, config.subgraphUrls))

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const route = async () => {
      if (path === config.graphqlPath) {
        const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')
        if (wantsHtml) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          return void res.end(graphiqlHtml(config.graphqlPath))
        }
        return handleGraphQL(apollo, req, res, async () => ({}))
      }
      if (path === '/' || path === '/graphiql') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return void res.end(graphiqlHtml(config.graphqlPath))
      }
      if (path === config.healthPath) {
        return sendJson(res, 200, { status: 'ok', supergraph: { hash: current.hash, loadedAt: current.loadedAt.toISOString() }, subgraphs: subgraphs().length })
      }
      if (path === config.readyPath) {
        const checks = await checkSubgraphs(subgraphs())
        const ready = checks.every(c => c.ok)
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: checks })
      }
      if (req.method === 'GET' && serveGraphiqlAsset(path, res)) return
      return sendJson(res, 404, { error: 'not found' })
    }
    route().catch(err => {
      console.error('[gateway] request failed:', err)
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
      else res.end()
    })
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo

  const watching = config.watch && config.supergraphPath && !config.supergraphSdl
  if (watching) {
    watchFile(config.supergraphPath!, { interval: 500 }, () => {
      reload().catch(err => console.error(`[gateway] supergraph reload failed, keeping ${current.hash}: ${err instanceof Error ? err.message : err}`))
    })
  }

  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}${config.graphqlPath}`,
    port,
    supergraphHash: () => current.hash,
    reload,
    close: async () => {
      if (watching) unwatchFile(config.supergraphPath!)
      await new Promise<void>(resolve => { server.close(() => resolve()); server.closeAllConnections() })
      await apollo.stop()
    },
  }
}
