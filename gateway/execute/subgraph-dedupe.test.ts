import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSchema, graphql, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql'
import { Registry } from 'prom-client'
import { composeSupergraph } from '../../schema/compose.js'
import { buildSubgraphSchema } from '../../lib/subgraph/build-subgraph-schema.js'
import { createGatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { GatewayContext } from '../gateway-context.js'
import { ConfigError, readGatewayConfig } from '../config.js'
import { planStage } from '../pipeline/plan.js'
import { createPlanExecutor, type PlanExecutorOptions } from './plan-executor.js'
import type { OperationExecutor } from './operation-executor.js'

// Two small real subgraphs over HTTP on ephemeral ports; each holds every request until the test
// releases it, so that which fetches are in flight together is decided by the test, not by timing.

const GEO = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requiresScopes"])
type Query {
  district(code: ID!): District @requiresScopes(scopes: [["open"]])
  resident(id: ID!): Resident @requiresScopes(scopes: [["personal"]])
}
type Mutation { renameDistrict(code: ID!, name: String!): District @requiresScopes(scopes: [["internal"]]) }
type District @key(fields: "code") { code: ID! @requiresScopes(scopes: [["open"]]) name: String! @requiresScopes(scopes: [["open"]]) }
type Resident @key(fields: "id") @requiresScopes(scopes: [["personal"]]) { id: ID! name: String! }
`
const STATS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requiresScopes"])
type District @key(fields: "code") {
  code: ID!
  population(year: Int!): Int @requiresScopes(scopes: [["open"]])
  households: Int @requiresScopes(scopes: [["personal"]])
  neighbour: District @requiresScopes(scopes: [["open"]])
}
type Resident @key(fields: "id") @requiresScopes(scopes: [["personal"]]) { id: ID! age: Int }
`

const populationOf = (code: string, year: number) => Number(code) * 10_000 + year

interface TestSubgraph {
  name: string
  url: string
  server: Server
  /** Bodies received since the last reset. */
  calls: Array<{ query: string; variables?: Record<string, unknown> }>
  hold(): void
  /** Answers the requests held so far and keeps holding new ones. */
  answerHeld(): void
  release(): void
  /** Closes the connection of every held request instead of answering. */
  failHeld(): void
}

async function startSubgraph(name: string, schema: GraphQLSchema): Promise<TestSubgraph> {
  let held: Array<{ answer(): void; fail(): void }> | null = null
  const calls: TestSubgraph['calls'] = []
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string
      variables?: Record<string, unknown>
      operationName?: string
    }
  }
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    calls.push(body)
    const answer = async () => {
      const result = await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName })
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
    }
    if (held) held.push({ answer: () => void answer(), fail: () => req.socket.destroy() })
    else await answer()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const release = (how: 'answer' | 'fail', keepHolding = false) => {
    const waiting = held ?? []
    held = keepHolding ? [] : null
    for (const w of waiting) w[how]()
  }
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    server,
    calls,
    hold: () => {
      held = []
    },
    answerHeld: () => release('answer', true),
    release: () => release('answer'),
    failHeld: () => release('fail'),
  }
}

let geo: TestSubgraph
let stats: TestSubgraph
let supergraphSdl: string
let apiSchema: GraphQLSchema

beforeAll(async () => {
  const districts = new Map([
    ['01', 'Altstadt'],
    ['02', 'Nordend'],
    ['03', 'Südstadt'],
  ])
  geo = await startSubgraph(
    'geo',
    buildSubgraphSchema(GEO, {
      Query: {
        district: (_: unknown, { code }: { code: string }) => (districts.has(code) ? { code, name: districts.get(code) } : null),
        resident: (_: unknown, { id }: { id: string }) => ({ id, name: `Resident ${id}` }),
      },
      District: { __resolveReference: ({ code }: { code: string }) => ({ code, name: districts.get(code) }) },
      Mutation: {
        renameDistrict: (_: unknown, { code, name }: { code: string; name: string }) => ({ code, name }),
      },
    }).schema,
  )
  stats = await startSubgraph(
    'stats',
    buildSubgraphSchema(STATS, {
      District: {
        population: ({ code }: { code: string }, { year }: { year: number }) => populationOf(code, year),
        households: ({ code }: { code: string }) => Number(code) * 100,
        neighbour: ({ code }: { code: string }) => ({ code: code === '03' ? '01' : `0${Number(code) + 1}` }),
      },
      Resident: { age: () => 40 },
    }).schema,
  )
  supergraphSdl = composeSupergraph([
    { name: 'geo', url: geo.url, typeDefs: GEO },
    { name: 'stats', url: stats.url, typeDefs: STATS },
  ])
  apiSchema = buildSchema(supergraphSdl, { assumeValid: true, assumeValidSDL: true })
})

afterAll(async () => {
  for (const s of [geo, stats]) await new Promise(resolve => s?.server.close(resolve))
})

const context = (roles: string[], subject = 'u1'): GatewayContext => ({
  principal: { subject, roles, department: null, purpose: null, authenticated: true },
  access: {
    key: roles.join(','),
    policyVersion: 1,
    scopes: new Set(roles.includes('controlling') ? ['open', 'internal', 'personal'] : ['open']),
    allow: new Set(),
    deny: new Set(),
    aggregateOnly: false,
    admin: false,
  },
  rowFilters: [],
})

interface Harness {
  execute: OperationExecutor
  followers: Map<string, number>
  registry: Registry
}

async function harness(opts: Partial<PlanExecutorOptions> = {}): Promise<Harness> {
  const followers = new Map<string, number>()
  const registry = new Registry()
  const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
  const execute = await createPlanExecutor({
    supergraphSdl,
    timeoutMs: 5_000,
    onSubgraphDedupe(subgraph, outcome) {
      metrics.subgraphDedupe(subgraph, outcome)
      if (outcome === 'follower') followers.set(subgraph, (followers.get(subgraph) ?? 0) + 1)
    },
    ...opts,
  })
  return { execute, followers, registry }
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/**
 * Runs the operations at once with both subgraphs holding their requests. Each step (in plan order)
 * waits until `n` fetches reached its subgraph — as HTTP calls or as followers of one — and then
 * answers them together, so that every one of those fetches was in flight at the same time.
 */
async function concurrently(
  h: Harness,
  operations: Array<{ document: DocumentNode; variables?: Record<string, unknown>; context: GatewayContext }>,
  steps: Array<[TestSubgraph, number]>,
): Promise<ExecutionResult[]> {
  for (const s of [geo, stats]) {
    s.calls.length = 0
    s.hold()
  }
  h.followers.clear()
  const results = Promise.all(operations.map(op => h.execute({ schema: apiSchema, ...op })))
  const seen = new Map<TestSubgraph, number>()
  for (const [subgraph, n] of steps) {
    const before = seen.get(subgraph) ?? 0
    const arrived = () => subgraph.calls.length + (h.followers.get(subgraph.name) ?? 0) - before
    await until(() => arrived() >= n, `${n} fetches to ${subgraph.name}`)
    seen.set(subgraph, before + arrived())
    subgraph.answerHeld()
  }
  geo.release()
  stats.release()
  return results
}

const PROFILE = parse('query Profile($code: ID!, $year: Int!) { district(code: $code) { name population(year: $year) } }')
const YEARS = [2020, 2021, 2022, 2023, 2024]

describe('subgraph fetch deduplication', () => {
  it('sends a fetch that concurrent operations share once, and each operation still gets its own answer', async () => {
    const h = await harness()
    const results = await concurrently(
      h,
      YEARS.map(year => ({ document: PROFILE, variables: { code: '02', year }, context: context(['controlling']) })),
      [
        [geo, YEARS.length],
        [stats, YEARS.length],
      ],
    )
    // The district fetch is the same for every year: one call. The population fetch differs per year.
    expect(geo.calls).toHaveLength(1)
    expect(stats.calls).toHaveLength(YEARS.length)
    // The runtime merges each operation's population into the district object of the shared answer:
    // with one parsed object for all, every operation would see the last year's population.
    expect(results.map(r => r.errors)).toEqual(YEARS.map(() => undefined))
    expect(results.map(r => r.data)).toEqual(YEARS.map(year => ({ district: { name: 'Nordend', population: populationOf('02', year) } })))
    // The answers are separate objects: changing one operation's answer leaves the others alone.
    ;(results[0].data!.district as { name: string }).name = 'changed'
    expect(results.slice(1).map(r => (r.data!.district as { name: string }).name)).toEqual(YEARS.slice(1).map(() => 'Nordend'))
  })

  it("keeps each operation's answer its own when later steps merge into a shared answer", async () => {
    // Three steps: the district (shared), its population per year and its neighbour (not shared), then
    // the neighbour's name (shared again). The runtime merges each year's population into the district
    // object of the first answer and waits for the third step before answering: with one parsed object
    // for all, every operation would answer the population merged last.
    const h = await harness()
    const document = parse(
      'query Neighbour($code: ID!, $year: Int!) { district(code: $code) { name population(year: $year) neighbour { name } } }',
    )
    const results = await concurrently(
      h,
      YEARS.map(year => ({ document, variables: { code: '01', year }, context: context(['controlling']) })),
      [
        [geo, YEARS.length],
        [stats, YEARS.length],
        [geo, YEARS.length],
      ],
    )
    expect(geo.calls).toHaveLength(2)
    expect(geo.calls[1].query).toContain('_entities')
    expect(stats.calls).toHaveLength(YEARS.length)
    expect(results.map(r => r.data)).toEqual(
      YEARS.map(year => ({ district: { name: 'Altstadt', population: populationOf('01', year), neighbour: { name: 'Nordend' } } })),
    )
  })

  it('counts leaders and followers per subgraph in the metrics', async () => {
    const h = await harness()
    await concurrently(
      h,
      YEARS.map(year => ({ document: PROFILE, variables: { code: '01', year }, context: context(['controlling']) })),
      [
        [geo, YEARS.length],
        [stats, YEARS.length],
      ],
    )
    const text = await h.registry.metrics()
    expect(text).toContain('stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="geo",outcome="leader"} 1')
    expect(text).toContain(`stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="geo",outcome="follower"} ${YEARS.length - 1}`)
    expect(text).toContain(`stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="stats",outcome="leader"} ${YEARS.length}`)
    expect(text).not.toContain('stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="stats",outcome="follower"}')
  })

  it('never shares between different accesses or different callers', async () => {
    const h = await harness()
    const op = (ctx: GatewayContext) => ({ document: PROFILE, variables: { code: '03', year: 2024 }, context: ctx })
    await concurrently(
      h,
      [op(context(['controlling'])), op(context(['staff'])), op(context(['controlling'], 'u2')), op(context(['controlling']))],
      [
        [geo, 4],
        [stats, 4],
      ],
    )
    // controlling u1 twice shares; staff and controlling u2 each have their own call.
    expect(geo.calls).toHaveLength(3)
    expect(stats.calls).toHaveLength(3)
  })

  it('never shares a mutation', async () => {
    const h = await harness()
    const rename = parse('mutation Rename { renameDistrict(code: "01", name: "Mitte") { name } }')
    const results = await concurrently(
      h,
      [1, 2, 3].map(() => ({ document: rename, context: context(['controlling']) })),
      [[geo, 3]],
    )
    expect(geo.calls).toHaveLength(3)
    expect(results.map(r => r.data)).toEqual([1, 2, 3].map(() => ({ renameDistrict: { name: 'Mitte' } })))
  })

  it('never shares a fetch that selects personal data, by field or by its type', async () => {
    const h = await harness()
    const households = parse('query Households { district(code: "01") { name households } }')
    await concurrently(
      h,
      [1, 2, 3].map(() => ({ document: households, context: context(['controlling']) })),
      [
        [geo, 3],
        [stats, 3],
      ],
    )
    // The district's name is not personal: shared. Its households are: one call each.
    expect(geo.calls).toHaveLength(1)
    expect(stats.calls).toHaveLength(3)

    // A personal type, at the root and in an `_entities` fetch (reached through `... on Resident`).
    const resident = parse('query Resident { resident(id: "r1") { name age } }')
    await concurrently(
      h,
      [1, 2, 3].map(() => ({ document: resident, context: context(['controlling']) })),
      [
        [geo, 3],
        [stats, 3],
      ],
    )
    expect(geo.calls).toHaveLength(3)
    expect(stats.calls).toHaveLength(3)
    expect(stats.calls[0].query).toContain('_entities')
  })

  it('sends every fetch when switched off (SUBGRAPH_DEDUPE=off)', async () => {
    const h = await harness({ subgraphDedupe: false })
    const results = await concurrently(
      h,
      YEARS.map(year => ({ document: PROFILE, variables: { code: '02', year }, context: context(['controlling']) })),
      [
        [geo, YEARS.length],
        [stats, YEARS.length],
      ],
    )
    expect(geo.calls).toHaveLength(YEARS.length)
    expect(results.map(r => r.data)).toEqual(YEARS.map(year => ({ district: { name: 'Nordend', population: populationOf('02', year) } })))
  })

  it("gives followers the leader's failure as their own SUBGRAPH_UNAVAILABLE", async () => {
    const h = await harness()
    for (const s of [geo, stats]) {
      s.calls.length = 0
      s.hold()
    }
    const results = Promise.all(
      YEARS.map(year =>
        h.execute({ schema: apiSchema, document: PROFILE, variables: { code: '02', year }, context: context(['controlling']) }),
      ),
    )
    await until(() => geo.calls.length + (h.followers.get('geo') ?? 0) >= YEARS.length, 'every district fetch')
    geo.failHeld()
    stats.release()
    const answers = await results
    expect(geo.calls).toHaveLength(1)
    for (const answer of answers) {
      expect(answer.data?.district ?? null).toBeNull()
      expect(answer.errors?.map(e => [e.extensions?.code, e.extensions?.serviceName])).toEqual([['SUBGRAPH_UNAVAILABLE', 'geo']])
    }
    // Each operation has its own error object.
    expect(new Set(answers.map(a => a.errors![0])).size).toBe(YEARS.length)
  })

  it("holds a follower to its own timeout while the leader's call goes on", async () => {
    // A subgraph that keeps the connection busy (a space every 20 ms, valid before JSON) and answers
    // after 1.5 s: the leader's call, timed out only when idle, gets the answer; a follower that
    // joined it gives up after its own 300 ms, as SUBGRAPH_UNAVAILABLE.
    let received = 0
    const slow = createServer((req, res) => {
      received++
      req.resume()
      res.writeHead(200, { 'content-type': 'application/json' })
      const drip = setInterval(() => res.write(' '), 20)
      setTimeout(() => {
        clearInterval(drip)
        res.end(JSON.stringify({ data: { district: { __typename: 'District', code: '01', name: 'Altstadt' } } }))
      }, 1_500)
    })
    await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve))
    try {
      const h = await harness({ timeoutMs: 300, subgraphUrls: { geo: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql` } })
      const district = parse('query District { district(code: "01") { name } }')
      const ask = () => h.execute({ schema: apiSchema, document: district, context: context(['controlling']) })
      const leader = ask()
      await until(() => received === 1, "the leader's call")
      const follower = await ask()
      expect(h.followers.get('geo')).toBe(1)
      expect(received).toBe(1)
      expect(follower.errors?.map(e => [e.extensions?.code, e.message])).toEqual([
        ['SUBGRAPH_UNAVAILABLE', 'Service "geo" is unavailable: timed out'],
      ])
      expect((await leader).data).toEqual({ district: { name: 'Altstadt' } })
    } finally {
      slow.closeAllConnections()
      await new Promise(resolve => slow.close(resolve))
    }
  })

  it("is wired by the plan stage: the gateway's setting and its metrics", async () => {
    for (const subgraphDedupe of [true, false]) {
      const registry = new Registry()
      const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
      const followers = new Map<string, number>()
      // The gateway's metrics, watched so that each step waits until every fetch reached its subgraph or joined a call.
      const watched = {
        ...metrics,
        subgraphDedupe(subgraph: string, outcome: 'leader' | 'follower') {
          metrics.subgraphDedupe(subgraph, outcome)
          if (outcome === 'follower') followers.set(subgraph, (followers.get(subgraph) ?? 0) + 1)
        },
      }
      const execute = await planStage({ executor: 'plan', subgraphDedupe }, watched).createExecutor!({ supergraphSdl, timeoutMs: 5_000 })
      await concurrently(
        { execute: execute!, followers, registry },
        YEARS.map(year => ({ document: PROFILE, variables: { code: '03', year }, context: context(['controlling']) })),
        [
          [geo, YEARS.length],
          [stats, YEARS.length],
        ],
      )
      const text = await registry.metrics()
      if (subgraphDedupe) {
        expect(geo.calls).toHaveLength(1)
        expect(text).toContain('stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="geo",outcome="leader"} 1')
        expect(text).toContain(`stadtgraph_gateway_subgraph_fetch_dedupe_total{subgraph="geo",outcome="follower"} ${YEARS.length - 1}`)
      } else {
        expect(geo.calls).toHaveLength(YEARS.length)
        expect(text).not.toContain('stadtgraph_gateway_subgraph_fetch_dedupe_total{')
      }
    }
  })

  it('is read from SUBGRAPH_DEDUPE, on by default', () => {
    expect(readGatewayConfig([], {}).subgraphDedupe).toBe(true)
    expect(readGatewayConfig([], { SUBGRAPH_DEDUPE: 'off' }).subgraphDedupe).toBe(false)
    expect(readGatewayConfig([], { SUBGRAPH_DEDUPE: 'on' }).subgraphDedupe).toBe(true)
    expect(() => readGatewayConfig([], { SUBGRAPH_DEDUPE: 'maybe' })).toThrow(ConfigError)
    expect(() => readGatewayConfig([], { SUBGRAPH_DEDUPE: 'maybe' })).toThrow(/SUBGRAPH_DEDUPE/)
  })
})
