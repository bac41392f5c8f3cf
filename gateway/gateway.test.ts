import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { brotliDecompressSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { graphql as execute, type DocumentNode } from 'graphql'
import { buildSubgraphSchema } from '../lib/subgraph/build-subgraph-schema.js'
import { composeSupergraph } from '../schema/compose.js'
import { graphql } from '../test/helpers/start-subgraphs.js'
import { TEST_IDENTITY_CONFIG, testGatewayConfig } from '../test/helpers/start-city.js'
import { createGatewayDeps } from './create-gateway-deps.js'
import { ConfigError, readGatewayConfig } from './config.js'
import { createGateway, type Gateway } from './gateway.js'

const { Parser } = createRequire(import.meta.url)('graphql/language/parser.js') as {
  Parser: { prototype: { parseDocument(): DocumentNode } }
}

/** A minimal federation subgraph on plain node:http, standing in for one written elsewhere. */
async function serveSubgraph(typeDefs: string, resolvers: Record<string, any>): Promise<{ url: string; server: Server }> {
  const { schema } = buildSubgraphSchema(typeDefs, resolvers, { sharedTypes: false })
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const { query, variables } = JSON.parse(body || '{}')
    const result = await execute({ schema, source: query, variableValues: variables })
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(result))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gql`, server }
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])'
const productsV1 = `${LINK}\n type Product @key(fields: "upc") { upc: ID! name: String! }\n type Query { topProducts: [Product!]! }`
const productsV2 = `${LINK}\n type Product @key(fields: "upc") { upc: ID! name: String! price: Int }\n type Query { topProducts: [Product!]! }`
const reviews = `${LINK}\n type Product @key(fields: "upc") { upc: ID! reviews: [String!]! }\n type Query { reviewCount: Int }`

const catalog = [
  { upc: '1', name: 'Table', price: 120 },
  { upc: '2', name: 'Chair', price: 40 },
]
const productResolvers = {
  Query: { topProducts: () => catalog },
  Product: { __resolveReference: (ref: { upc: string }) => catalog.find(p => p.upc === ref.upc) ?? null },
}
const reviewResolvers = {
  Query: { reviewCount: () => 3 },
  Product: { reviews: (p: { upc: string }) => (p.upc === '1' ? ['sturdy', 'heavy'] : ['light']) },
}

let products: { url: string; server: Server }
let reviewService: { url: string; server: Server }
let gateway: Gateway
let deps: Awaited<ReturnType<typeof createGatewayDeps>>
let supergraphPath: string

beforeAll(async () => {
  products = await serveSubgraph(productsV2, productResolvers)
  reviewService = await serveSubgraph(reviews, reviewResolvers)
  // The supergraph names URLs that do not exist; the gateway is told the real ones, as an operator would.
  const sdl = composeSupergraph([
    { name: 'products', url: 'http://products.invalid/graphql', typeDefs: productsV1 },
    { name: 'reviews', url: 'http://reviews.invalid/graphql', typeDefs: reviews },
  ])
  supergraphPath = join(mkdtempSync(join(tmpdir(), 'stadtgraph-gw-')), 'supergraph.graphql')
  writeFileSync(supergraphPath, sdl)
  // A third-party graph: no classification, no identity for its subgraphs.
  const config = testGatewayConfig({
    supergraphPath,
    watch: true,
    healthPath: '/health',
    subgraphUrls: { products: products.url, reviews: reviewService.url },
    authorization: 'off',
    internalTokenSecret: null,
  })
  deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  gateway = await createGateway(config, deps)
})
afterAll(async () => {
  await gateway?.close()
  await deps?.close()
  products?.server.close()
  reviewService?.server.close()
  if (supergraphPath) rmSync(dirname(supergraphPath), { recursive: true, force: true })
})

afterEach(() => void vi.restoreAllMocks())

describe('gateway on any supergraph', () => {
  it('parses a new document once: the shape guard hands it to the projected server', async () => {
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')
    /** Parses of exactly this text (the subgraphs parse their own operations). */
    const parsesOf = (text: string) =>
      parses.mock.contexts.filter(parser => (parser as unknown as { _lexer: { source: { body: string } } })._lexer.source.body === text)
        .length
    const query = '{ once: reviewCount topProducts { name } }'
    const res = await graphql(gateway.url, query)
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({ once: 3, topProducts: [{ name: 'Table' }, { name: 'Chair' }] })
    expect(parsesOf(query)).toBe(1)
    // Asked again: the guard remembers its verdict, the prevalidation parses (the store kept only its key), then it is kept.
    await graphql(gateway.url, query)
    await graphql(gateway.url, query)
    expect(parsesOf(query)).toBe(2)
  })

  it('plans across subgraphs given on the command line', async () => {
    const res = await graphql(gateway.url, '{ topProducts { name reviews } reviewCount }')
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({
      topProducts: [
        { name: 'Table', reviews: ['sturdy', 'heavy'] },
        { name: 'Chair', reviews: ['light'] },
      ],
      reviewCount: 3,
    })
  })

  it('answers health on the configured path and readiness only when every subgraph answers', async () => {
    const base = gateway.url.replace(/\/graphql$/, '')
    expect((await fetch(`${base}/health`)).status).toBe(200)
    const ready = await fetch(`${base}/readyz`)
    expect(ready.status).toBe(200)
  })

  it('reloads when the supergraph file changes, without a restart', async () => {
    const before = await graphql(gateway.url, '{ topProducts { price } }')
    expect(before.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const hash = gateway.supergraphHash()
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { name: 'products', url: 'http://products.invalid/graphql', typeDefs: productsV2 },
        { name: 'reviews', url: 'http://reviews.invalid/graphql', typeDefs: reviews },
      ]),
    )
    const deadline = Date.now() + 10_000
    while (gateway.supergraphHash() === hash && Date.now() < deadline) await new Promise(r => setTimeout(r, 100))
    const after = await graphql(gateway.url, '{ topProducts { price } }')
    expect(after.errors).toBeUndefined()
    expect(after.data.topProducts).toEqual([{ price: 120 }, { price: 40 }])
  })

  it('keeps serving the last good supergraph when the file becomes invalid', async () => {
    const hash = gateway.supergraphHash()
    await expect(gateway.reload('this is not a supergraph')).rejects.toThrow()
    expect(gateway.supergraphHash()).toBe(hash)
    expect((await graphql(gateway.url, '{ reviewCount }')).data).toEqual({ reviewCount: 3 })
  })

  it('serves GraphiQL and its assets itself (no CDN)', async () => {
    const html = await fetch(gateway.url, { headers: { accept: 'text/html' } }).then(r => r.text())
    expect(html).toContain('/graphiql/assets/yoga-graphiql.umd.js')
    expect(html).not.toMatch(/https?:\/\/(unpkg|cdn|esm\.sh)/)
    const asset = await fetch(gateway.url.replace(/\/graphql$/, '/graphiql/assets/yoga-graphiql.umd.js'))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    await asset.arrayBuffer()
    const escape = await fetch(gateway.url.replace(/\/graphql$/, '/graphiql/assets/..%2F..%2Fpackage.json'))
    expect(escape.status).toBe(404)
  })

  it('rejects malformed requests with a clear status', async () => {
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })
    expect(res.status).toBe(400)
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST')
  })

  it('compresses GraphQL answers from 1 KB on as the client accepts, with Vary: Accept-Encoding', async () => {
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `p${i}: topProducts { upc name reviews }`).join(' ')} }`
    const post = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const req = request(
          gateway.url,
          { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding } },
          res => {
            const chunks: Buffer[] = []
            res.on('data', c => chunks.push(c))
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          },
        )
        req.on('error', reject)
        req.end(JSON.stringify({ query }))
      })
    const plain = await post('identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.length, plain.body.toString()).toBeGreaterThan(1024)
    const br = await post('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.body.length).toBeLessThan(plain.body.length / 4)
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()))
    // A small answer goes as it is.
    const small = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ reviewCount }"}',
    })
    expect(small.headers.get('content-encoding')).toBeNull()
  })
})

describe('gateway configuration', () => {
  it('reads flags over environment and freezes the result', () => {
    const config = readGatewayConfig(
      ['--port', '4300', '--subgraph', 'a=http://a:1/graphql', '--health-path', '/live', '--supergraph', supergraphPath],
      { GATEWAY_PORT: '4100', SUBGRAPH_URLS: 'b=http://b:2/graphql' },
    )
    expect(config.port).toBe(4300)
    expect(config.healthPath).toBe('/live')
    expect(config.subgraphUrls).toEqual({ a: 'http://a:1/graphql', b: 'http://b:2/graphql' })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it.each([
    [['--port', '99999'], /GATEWAY_PORT must be a port/],
    [['--subgraph', 'nourl'], /name=http/],
    [['--bogus'], /unknown option --bogus/],
    [['--supergraph', '/nonexistent/supergraph.graphql'], /supergraph file not found/],
    [['--health-path', 'health'], /must start with "\/"/],
  ])('fails at start on %j', (argv, message) => {
    expect(() => readGatewayConfig(argv as string[], {})).toThrow(ConfigError)
    expect(() => readGatewayConfig(argv as string[], {})).toThrow(message as RegExp)
  })
})
