import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { graphql as execute } from 'graphql'
import { buildSubgraphSchema } from '../../lib/subgraph/build-subgraph-schema.js'
import { composeSupergraph } from '../../schema/compose.js'
import { graphql } from '../../test/helpers/start-subgraphs.js'
import { bearer, TEST_IDENTITY_CONFIG, testGatewayConfig } from '../../test/helpers/start-city.js'
import { DEFAULT_LIMITS } from '../limits/operation-limits.js'
import { createGatewayDeps } from '../create-gateway-deps.js'
import { createGateway, type Gateway } from '../gateway.js'
import type { CacheLimits } from '../config.js'
import { FETCH_NODE_BOUNDS } from '../execute/plan-thread.js'

// The caches keyed by what clients send, through the real gateway over HTTP: a new document on every
// request leaves each cache at its bound with every answer right, and a document validated for one
// caller is never taken for another caller's projection.
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requiresScopes"])'
const typeDefs = `${LINK}
  type Product @key(fields: "upc") {
    upc: ID! @requiresScopes(scopes: [["open"]])
    name: String! @requiresScopes(scopes: [["open"]])
    price: Int @requiresScopes(scopes: [["internal"]])
  }
  type Query { topProducts: [Product!]! @requiresScopes(scopes: [["open"]]) }`
const catalog = [
  { upc: '1', name: 'Table', price: 120 },
  { upc: '2', name: 'Chair', price: 40 },
]

const CACHES: CacheLimits = {
  documentEntries: 50,
  documentBytes: 4 * 1024 * 1024,
  shapeEntries: 40,
  shapeBytes: 1024 * 1024,
  projectionEntries: 8,
}

let subgraph: Server
let gateway: Gateway
let deps: Awaited<ReturnType<typeof createGatewayDeps>>
let supergraphSdl: string

beforeAll(async () => {
  const { schema } = buildSubgraphSchema(
    typeDefs,
    {
      Query: { topProducts: () => catalog },
      Product: { __resolveReference: (ref: { upc: string }) => catalog.find(p => p.upc === ref.upc) ?? null },
    },
    { sharedTypes: false },
  )
  subgraph = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const { query, variables } = JSON.parse(body || '{}')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(await execute({ schema, source: query, variableValues: variables })))
  })
  await new Promise<void>(resolve => subgraph.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`
  supergraphSdl = composeSupergraph([{ name: 'products', url, typeDefs }])
  const config = testGatewayConfig({
    supergraphSdl,
    internalTokenSecret: null,
    introspection: 'authenticated',
    limits: { ...DEFAULT_LIMITS, ratePerMinute: 0, anonymousRatePerMinute: 0 },
    caches: CACHES,
  })
  deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  gateway = await createGateway(config, deps)
})
afterAll(async () => {
  await gateway?.close()
  await deps?.close()
  subgraph?.close()
})

/** The gateway's cache metrics: `{ documents: { entries, bytes, hits, … }, shapes: … }`. */
async function cacheMetrics(): Promise<Record<string, Record<string, number>>> {
  const text = await fetch(gateway.url.replace(/\/graphql$/, '/metrics')).then(r => r.text())
  const caches: Record<string, Record<string, number>> = {}
  for (const m of text.matchAll(/^stadtgraph_gateway_cache_(\w+?)(?:_total)?\{cache="(\w+)"\} (\S+)$/gm))
    (caches[m[2]] ??= {})[m[1]] = Number(m[3])
  return caches
}

describe('caches keyed by client input', () => {
  it('stay at their bounds under a new document on every request, and every answer stays right', async () => {
    const before = await cacheMetrics()
    // Each document twice (a document is kept from its second request on), then never again.
    const documents = 1_000
    let next = 0
    const wrong: string[] = []
    const ask = async (i: number) => {
      const res = await graphql(gateway.url, `{ p${i}: topProducts { n${i}: name upc } }`, undefined, bearer('controlling'))
      const expected = catalog.map(p => ({ [`n${i}`]: p.name, upc: p.upc }))
      if (res.errors || JSON.stringify(res.data) !== JSON.stringify({ [`p${i}`]: expected })) wrong.push(JSON.stringify(res))
    }
    const worker = async () => {
      while (next < documents) {
        const i = next++
        await ask(i)
        await ask(i)
      }
    }
    await Promise.all(Array.from({ length: 10 }, worker))
    expect(wrong.slice(0, 3)).toEqual([])

    const after = await cacheMetrics()
    const grew = (cache: string, measure: string) => after[cache][measure] - (before[cache]?.[measure] ?? 0)
    expect(after.documents.entries).toBe(CACHES.documentEntries)
    expect(after.documents.bytes).toBeGreaterThan(0)
    expect(after.documents.bytes).toBeLessThanOrEqual(CACHES.documentBytes)
    expect(grew('documents', 'evictions')).toBeGreaterThanOrEqual(documents - CACHES.documentEntries)
    expect(grew('documents', 'misses')).toBeGreaterThanOrEqual(2 * documents)
    expect(after.document_keys.entries).toBeLessThanOrEqual(4 * CACHES.documentEntries)
    expect(after.shapes.entries).toBe(CACHES.shapeEntries)
    expect(after.shapes.bytes).toBeLessThanOrEqual(CACHES.shapeBytes)
    expect(grew('shapes', 'evictions')).toBeGreaterThanOrEqual(documents - CACHES.shapeEntries)
    expect(after.projections.entries).toBeLessThanOrEqual(CACHES.projectionEntries)
    // Every document was planned twice (a plan lives with its parsed document): its fetch node was seen twice and kept.
    expect(grew('fetch_nodes', 'misses')).toBeGreaterThanOrEqual(2 * documents)
    expect(after.fetch_nodes.entries).toBeGreaterThan(0)
    expect(after.fetch_nodes.entries).toBeLessThanOrEqual(FETCH_NODE_BOUNDS.maxEntries)
    expect(after.fetch_nodes.bytes).toBeLessThanOrEqual(FETCH_NODE_BOUNDS.maxBytes)

    // The most recent document was kept on its second request: a third one is a hit in both caches.
    await ask(documents - 1)
    expect(wrong).toEqual([])
    const hit = await cacheMetrics()
    expect(hit.documents.hits).toBe(after.documents.hits + 1)
    expect(hit.shapes.hits).toBe(after.shapes.hits + 1)
  }, 300_000)

  it('validates a kept document again for another projection: the same text, another role, refused', async () => {
    const query = '{ topProducts { name price } }'
    await graphql(gateway.url, query, undefined, bearer('controlling'))
    const allowed = await graphql(gateway.url, query, undefined, bearer('controlling'))
    expect(allowed.errors).toBeUndefined()
    expect(allowed.data).toEqual({ topProducts: catalog.map(p => ({ name: p.name, price: p.price })) })
    // Kept for the controlling projection now; an anonymous caller's projection has no `price`.
    const refused = await graphql(gateway.url, query)
    expect(refused.data).toBeUndefined()
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    // And the first caller still gets its kept document.
    expect((await graphql(gateway.url, query, undefined, bearer('controlling'))).data).toEqual(allowed.data)
  })

  it('validates a kept document again where the rules differ: introspection refused to anonymous callers of the same projection', async () => {
    const query = '{ __schema { queryType { name } } }'
    // A token holding only the public role sees the anonymous projection, and may introspect it.
    await graphql(gateway.url, query, undefined, bearer('public'))
    const introspected = await graphql(gateway.url, query, undefined, bearer('public'))
    expect(introspected.errors).toBeUndefined()
    expect(introspected.data).toEqual({ __schema: { queryType: { name: 'Query' } } })
    const anonymous = await graphql(gateway.url, query)
    expect(anonymous.data).toBeUndefined()
    expect(anonymous.errors?.[0].extensions?.code).toBe('INTROSPECTION_DISABLED')
  })

  it('reports the verified tokens as cache "tokens", and a supergraph reload leaves every total where it was', async () => {
    const before = await cacheMetrics()
    const caller = bearer('committee', { sub: 'tokens-metric' })
    for (let i = 0; i < 3; i++) expect((await graphql(gateway.url, '{ topProducts { upc } }', undefined, caller)).errors).toBeUndefined()
    const asked = await cacheMetrics()
    // Verified once (a miss), then remembered (two hits).
    expect(asked.tokens.misses - (before.tokens?.misses ?? 0)).toBe(1)
    expect(asked.tokens.hits - (before.tokens?.hits ?? 0)).toBe(2)
    expect(asked.tokens.entries).toBeGreaterThanOrEqual(1)
    expect(asked.tokens.bytes).toBeGreaterThan(caller.authorization.length)

    const hash = gateway.supergraphHash()
    await gateway.reload(`${supergraphSdl}\n# reloaded\n`)
    expect(gateway.supergraphHash()).not.toBe(hash)
    const reloaded = await cacheMetrics()
    for (const [cache, measures] of Object.entries(asked)) {
      for (const total of ['hits', 'misses', 'evictions'])
        expect(reloaded[cache][total], `${cache} ${total}`).toBeGreaterThanOrEqual(measures[total])
    }
    expect((await graphql(gateway.url, '{ topProducts { upc } }', undefined, caller)).errors).toBeUndefined()
    expect((await cacheMetrics()).tokens.hits).toBe(asked.tokens.hits + 1)
  })
})
