import { describe, expect, it } from 'vitest'
import { ApolloServer } from '@apollo/server'
import { makeExecutableSchema } from '@graphql-tools/schema'
import type { GatewayContext } from '../gateway-context.js'
import type { Requirements } from '../../auth/policy/types.js'
import { createDedupePlugin, dedupeKey } from './dedupe-plugin.js'

// The plugin on a real Apollo Server whose resolvers wait at a gate the test opens, so that
// concurrency is decided by the test and not by timing.

const typeDefs = `
  type Query { count(n: Int): Int, records: [String], flaky: Int }
  type Mutation { bump: Int }
`
const requirements: Requirements = new Map([
  ['Query.count', [['open']]],
  ['Query.flaky', [['open']]],
  ['Query.records', [['personal']]],
  ['Mutation.bump', [['internal']]],
])

function setup() {
  let open!: () => void
  const gate = new Promise<void>(r => {
    open = r
  })
  const calls = { count: 0, records: 0, bump: 0, flaky: 0 }
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: {
        count: async (_: unknown, { n }: { n?: number }) => {
          calls.count++
          await gate
          return (n ?? 0) + 1
        },
        records: async () => {
          calls.records++
          await gate
          return ['a']
        },
        flaky: async () => {
          calls.flaky++
          await gate
          if (calls.flaky === 1) throw new Error('subgraph timed out')
          return 7
        },
      },
      Mutation: {
        bump: async () => {
          const mine = ++calls.bump
          await gate
          return mine
        },
      },
    },
  })
  const hits = { count: 0 }
  const plugin = createDedupePlugin(() => requirements, {
    onHit: () => {
      hits.count++
    },
  })
  const server = new ApolloServer<GatewayContext>({ schema, plugins: [plugin] })
  return { server, plugin, calls, open, hits }
}

const context = (
  over: Partial<GatewayContext['principal']> = {},
  access: Partial<GatewayContext['access']> = {},
  rowFilters: GatewayContext['rowFilters'] = [],
): GatewayContext => ({
  principal: { subject: 'u1', roles: ['staff'], department: 'asylum', purpose: null, authenticated: true, ...over },
  access: {
    key: 'k1',
    policyVersion: 1,
    scopes: new Set(['open']),
    allow: new Set(),
    deny: new Set(),
    aggregateOnly: false,
    admin: false,
    ...access,
  },
  rowFilters,
})

/** Lets pending promise jobs and I/O callbacks run until `done()` holds (bounded: fails instead of hanging). */
async function until(done: () => boolean) {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise(r => setImmediate(r))
  expect(done()).toBe(true)
}

const run = (s: ReturnType<typeof setup>, query: string, ctx: GatewayContext, variables?: Record<string, unknown>) =>
  s.server.executeOperation({ query, variables }, { contextValue: ctx }).then(r => (r.body.kind === 'single' ? r.body.singleResult : null))

describe('in-flight deduplication at the gateway', () => {
  it('executes identical concurrent queries of one access once; the others get its answer', async () => {
    const s = setup()
    await s.server.start()
    const all = [0, 1, 2, 3, 4].map(i => run(s, 'query Q($n: Int) { count(n: $n) }', context({ subject: `u${i}` }), { n: 41 }))
    await until(() => s.calls.count === 1 && s.plugin.stats().waiting === 4)
    s.open()
    const results = await Promise.all(all)
    expect(results.map(r => r?.data)).toEqual(Array(5).fill({ count: 42 }))
    expect(s.calls.count).toBe(1)
    expect(s.plugin.stats()).toEqual({ leaders: 1, followers: 4, waiting: 0 })
    expect(s.hits.count).toBe(4) // the gateway's dedupe-hits metric
    // Nothing is kept once answered (TTL 0): the next one executes again.
    await run(s, 'query Q($n: Int) { count(n: $n) }', context(), { n: 41 })
    expect(s.calls.count).toBe(2)
    await s.server.stop()
  })

  it('never shares across anything that can change the answer', async () => {
    const s = setup()
    await s.server.start()
    const q = '{ count }'
    const variants: Array<[GatewayContext, string, Record<string, unknown>?]> = [
      [context(), q],
      [context(), '{ count(n: 1) }'],
      [context(), 'query V($n: Int) { count(n: $n) }', { n: 2 }],
      [context(), 'query V($n: Int) { count(n: $n) }', { n: 3 }],
      [context({}, { key: 'k2' }), q], // another role set / projection
      [context({}, { policyVersion: 2 }), q],
      [context({}, { aggregateOnly: true }), q],
      [context({ roles: ['committee'] }), q],
      [context({ department: 'finance' }), q],
      [context({ purpose: 'Unterbringungsplanung' }), q],
      [context({ authenticated: false }), q],
      [context({}, {}, [{ coordinate: 'AllocationRecord', anyOf: [[{ field: 'route', value: 'UKRAINE_24' }]] }]), q],
    ]
    const keys = new Set(variants.map(([ctx, query, variables]) => dedupeKey({ queryHash: query, operationName: null, variables }, ctx)))
    expect(keys.size).toBe(variants.length)
    const all = variants.map(([ctx, query, variables]) => run(s, query, ctx, variables))
    await until(() => s.calls.count === variants.length)
    s.open()
    await Promise.all(all)
    expect(s.plugin.stats()).toMatchObject({ leaders: variants.length, followers: 0 })
    await s.server.stop()
  })

  it('never deduplicates personal data or mutations', async () => {
    const s = setup()
    await s.server.start()
    const all = [...[0, 1, 2].map(() => run(s, '{ records }', context())), ...[0, 1, 2].map(() => run(s, 'mutation { bump }', context()))]
    await until(() => s.calls.records === 3 && s.calls.bump === 3)
    s.open()
    const results = await Promise.all(all)
    expect(
      results
        .slice(3)
        .map(r => r?.data?.bump)
        .sort(),
    ).toEqual([1, 2, 3])
    expect(s.plugin.stats()).toMatchObject({ leaders: 0, followers: 0 })
    await s.server.stop()
  })

  it('does not hand an error to the waiting operations: they execute themselves', async () => {
    const s = setup()
    await s.server.start()
    const all = [0, 1, 2].map(() => run(s, '{ flaky }', context()))
    await until(() => s.calls.flaky === 1 && s.plugin.stats().waiting === 2)
    s.open()
    const results = await Promise.all(all)
    expect(results[0]?.errors?.[0].message).toMatch(/timed out/)
    expect(results.slice(1).map(r => r?.data)).toEqual([{ flaky: 7 }, { flaky: 7 }])
    expect(s.calls.flaky).toBeGreaterThanOrEqual(2)
    await s.server.stop()
  })
})
