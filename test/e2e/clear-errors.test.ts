import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSubgraphSchema } from '../../lib/subgraph/build-subgraph-schema.js'
import { composeSupergraph } from '../../schema/compose.js'
import { createSubgraphGraphQLHandler } from '../../lib/service/subgraph-graphql-handler.js'
import { createFormatError } from '../../platform/http/format-error.js'
import { bearer, TEST_IDENTITY_CONFIG, testGatewayConfig } from '../helpers/start-city.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { createGateway, type Gateway } from '../../gateway/gateway.js'

// Issue 11 item 3: what answered 500 (or echoed a whole argument) answers a clear 400 with its code.
// Two small departments on the departments' own GraphQL handler, behind a gateway on a supergraph
// with a gap: `Product.reviews` lives in a subgraph that cannot resolve products by key.

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])'
const productsSdl = `${LINK}\n type Product @key(fields: "upc") { upc: ID! name: String! }
  type Query { topProducts: [Product!]! productByRank(rank: Int!): Product }`
const reviewsSdl = `${LINK}\n type Product @key(fields: "upc") { upc: ID! reviews: [String!]! }\n type Query { reviewCount: Int }`
const catalog = [
  { upc: '1', name: 'Table' },
  { upc: '2', name: 'Chair' },
]

async function serveDepartment(typeDefs: string, resolvers: Record<string, any>): Promise<{ url: string; server: Server }> {
  const { schema } = buildSubgraphSchema(typeDefs, resolvers, { sharedTypes: false })
  const handle = createSubgraphGraphQLHandler(schema, { formatError: createFormatError('test-department') })
  const server = createServer((req, res) => void handle(req, res, async () => ({})))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server }
}

let products: { url: string; server: Server }
let reviews: { url: string; server: Server }
let gateway: Gateway
let deps: Awaited<ReturnType<typeof createGatewayDeps>>

beforeAll(async () => {
  products = await serveDepartment(productsSdl, {
    Query: { topProducts: () => catalog, productByRank: (_: unknown, { rank }: { rank: number }) => catalog[rank - 1] ?? null },
    Product: { __resolveReference: (ref: { upc: string }) => catalog.find(p => p.upc === ref.upc) ?? null },
  })
  reviews = await serveDepartment(reviewsSdl, { Query: { reviewCount: () => 3 }, Product: { reviews: () => ['sturdy'] } })
  const composed = composeSupergraph([
    { name: 'products', url: products.url, typeDefs: productsSdl },
    { name: 'reviews', url: reviews.url, typeDefs: reviewsSdl },
  ])
  // A supergraph file edited by hand (or composed by another tool) whose reviews subgraph cannot
  // resolve a Product it did not itself return: `Product.reviews` is valid but cannot be planned.
  const withGap = composed.replace('@join__type(graph: REVIEWS, key: "upc")', '@join__type(graph: REVIEWS, key: "upc", resolvable: false)')
  expect(withGap).not.toBe(composed)
  // Trusted documents in `log` mode: document ids are looked up (and an unknown one refused) for everyone.
  const config = testGatewayConfig({
    supergraphSdl: withGap,
    authorization: 'off',
    internalTokenSecret: null,
    trustedDocuments: { path: null, mode: 'log' },
  })
  deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  gateway = await createGateway(config, deps)
})
afterAll(async () => {
  await gateway?.close()
  await deps?.close()
  products?.server.close()
  reviews?.server.close()
})

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  const text = await res.text()
  return {
    status: res.status,
    length: text.length,
    body: JSON.parse(text) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
  }
}

describe('an operation the planner cannot plan', () => {
  it("answers 400 QUERY_PLAN_FAILED with the planner's reason; plannable operations still answer", async () => {
    const res = await post(gateway.url, JSON.stringify({ query: '{ topProducts { name reviews } }' }))
    expect(res.status).toBe(400)
    expect(res.body.errors?.map(e => e.extensions?.code)).toEqual(['QUERY_PLAN_FAILED'])
    expect(res.body.errors?.[0].message).toMatch(/cannot be planned.*reviews/)
    expect(res.body.data).toBeUndefined()
    const again = await post(gateway.url, JSON.stringify({ query: '{ topProducts { name reviews } }' }))
    expect([again.status, again.body.errors?.[0].extensions?.code]).toEqual([400, 'QUERY_PLAN_FAILED'])
    const ok = await post(gateway.url, JSON.stringify({ query: '{ topProducts { name } reviewCount }' }))
    expect(ok).toMatchObject({ status: 200, body: { data: { topProducts: [{ name: 'Table' }, { name: 'Chair' }], reviewCount: 3 } } })
  })
})

const deepArray = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`

describe('deeply nested JSON', () => {
  it.each([
    ['5 000 nested arrays in variables', `{"query":"{ topProducts { name } }","variables":{"v":${deepArray(5000)}}}`],
    ['5 000 nested objects in variables', `{"query":"{ topProducts { name } }","variables":{"v":${deepObject(5000)}}}`],
    ['5 000 nested arrays in extensions', `{"query":"{ topProducts { name } }","extensions":{"e":${deepArray(5000)}}}`],
    [
      'a declared variable of 5 000 levels',
      `{"query":"query ($v: Int!) { productByRank(rank: $v) { name } }","variables":{"v":${deepArray(5000)}}}`,
    ],
  ])('%s: 400 MAX_JSON_DEPTH_EXCEEDED at the gateway and at a department', async (_, body) => {
    for (const url of [gateway.url, products.url]) {
      const res = await post(url, body)
      expect([res.status, res.body.errors?.[0].extensions?.code], url).toEqual([400, 'MAX_JSON_DEPTH_EXCEEDED'])
    }
  })

  // 1 000 levels: the most a request line within Node's 16 KB header limit can carry.
  it('GET variables and extensions of 1 000 levels: 400 MAX_JSON_DEPTH_EXCEEDED', async () => {
    for (const param of ['variables', 'extensions']) {
      const url = `${gateway.url}?query=${encodeURIComponent('{ topProducts { name } }')}&${param}=${encodeURIComponent(`{"v":${deepArray(1000)}}`)}`
      const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } })
      expect([res.status, (await res.json()).errors?.[0].extensions?.code], param).toEqual([400, 'MAX_JSON_DEPTH_EXCEEDED'])
    }
  })

  it('ordinary nesting passes, brackets inside strings do not count', async () => {
    const res = await post(
      gateway.url,
      JSON.stringify({
        query: 'query ($v: Int!) { productByRank(rank: $v) { name } }',
        variables: { v: 1, text: '['.repeat(10_000), n: JSON.parse(deepArray(50)) },
      }),
    )
    expect(res).toMatchObject({ status: 200, body: { data: { productByRank: { name: 'Table' } } } })
  })
})

describe('error messages that echo input', () => {
  const huge = 'x'.repeat(900_000)
  it('a 900 KB argument is not echoed whole, at the gateway or at a department', async () => {
    for (const url of [gateway.url, products.url]) {
      const res = await post(url, JSON.stringify({ query: `{ productByRank(rank: "${huge}") { name } }` }))
      expect(res.status, url).toBe(400)
      expect(res.body.errors?.[0].extensions?.code, url).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(res.body.errors?.[0].message, url).toMatch(/^Int cannot represent non-integer value: "xxx.*characters omitted/)
      expect(res.body.errors?.[0].message.length, url).toBeLessThanOrEqual(1100)
      expect(res.length, url).toBeLessThan(5_000)
    }
  })

  it('a refusal before GraphQL that names client input (a 900 KB document id) is cut too', async () => {
    const res = await post(gateway.url, JSON.stringify({ documentId: huge }), bearer('controlling'))
    expect([res.status, res.body.errors?.[0].extensions?.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND'])
    expect(res.body.errors?.[0].message).toMatch(/^No trusted document with id xxx.*characters omitted/)
    expect(res.length).toBeLessThan(5_000)
  })

  it('a 900 KB variable value is not echoed whole', async () => {
    const res = await post(
      gateway.url,
      JSON.stringify({ query: 'query ($v: Int!) { productByRank(rank: $v) { name } }', variables: { v: huge } }),
    )
    expect([res.status, res.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_USER_INPUT'])
    expect(res.length).toBeLessThan(5_000)
  })
})
