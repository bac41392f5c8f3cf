import { describe, expect, it } from 'vitest'
import { createMetricsRegistry } from './create-metrics-registry.js'
import { createGatewayMetrics } from './gateway-metrics.js'

describe('gateway metrics: GraphQL errors by code', () => {
  it('counts catalogue codes by name, any other code as OTHER, an error without a code as NONE', async () => {
    const registry = createMetricsRegistry()
    const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
    for (const code of ['RATE_LIMITED', 'RATE_LIMITED', 'SUBREQUEST_HTTP_ERROR', 'ECONNREFUSED', undefined]) metrics.graphqlError(code)
    const text = await registry.metrics()
    const count = (code: string) => new RegExp(`^stadtgraph_gateway_graphql_errors_total\\{code="${code}"\\} (\\d+)$`, 'm').exec(text)?.[1]
    expect([count('RATE_LIMITED'), count('OTHER'), count('NONE')]).toEqual(['2', '2', '1'])
    expect(count('SUBREQUEST_HTTP_ERROR')).toBeUndefined()
  })
})

describe('gateway metrics: bounded caches', () => {
  it('report entries and bytes as they are, and hits, misses and evictions as counters that never go back', async () => {
    const registry = createMetricsRegistry()
    const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
    const stats = { entries: 3, bytes: 1_200, hits: 5, misses: 2, evictions: 0 }
    metrics.cache('documents', () => stats)
    const read = async () => {
      const text = await registry.metrics()
      const value = (name: string) =>
        Number(new RegExp(`^stadtgraph_gateway_cache_${name}\\{cache="documents"\\} (\\S+)$`, 'm').exec(text)?.[1])
      return ['entries', 'bytes', 'hits_total', 'misses_total', 'evictions_total'].map(value)
    }
    expect(await read()).toEqual([3, 1_200, 5, 2, 0])
    Object.assign(stats, { entries: 2, bytes: 800, hits: 9, evictions: 4 })
    expect(await read()).toEqual([2, 800, 9, 2, 4])
    expect(await read()).toEqual([2, 800, 9, 2, 4])
  })
})

describe('gateway metrics: a cache registered again under its name', () => {
  const hitsOf = async (registry: ReturnType<typeof createMetricsRegistry>) =>
    Number(/^stadtgraph_gateway_cache_hits_total\{cache="documents"\} (\S+)$/m.exec(await registry.metrics())?.[1])

  it('does not count the same cache twice: its totals go on from where they were', async () => {
    const registry = createMetricsRegistry()
    const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
    const first = { entries: 3, bytes: 100, hits: 5, misses: 0, evictions: 0 }
    metrics.cache('documents', () => first)
    expect(await hitsOf(registry)).toBe(5)
    // Registered again (a reload building its stage anew) with the cache it already reported.
    metrics.cache('documents', () => first)
    expect(await hitsOf(registry)).toBe(5)
    first.hits = 7
    expect(await hitsOf(registry)).toBe(7)
  })

  it('replaced by a new cache: what the old one counted since the last scrape is kept, the new one counts on from there', async () => {
    const registry = createMetricsRegistry()
    const metrics = createGatewayMetrics(registry, { policyVersion: () => 1, replica: 'test' })
    const old = { entries: 3, bytes: 100, hits: 5, misses: 0, evictions: 0 }
    metrics.cache('documents', () => old)
    expect(await hitsOf(registry)).toBe(5)
    old.hits = 8 // not scraped before it is replaced
    const fresh = { entries: 0, bytes: 0, hits: 0, misses: 0, evictions: 0 }
    metrics.cache('documents', () => fresh)
    expect(await hitsOf(registry)).toBe(8)
    fresh.hits = 2
    expect(await hitsOf(registry)).toBe(10)
    expect(/^stadtgraph_gateway_cache_entries\{cache="documents"\} (\S+)$/m.exec(await registry.metrics())?.[1]).toBe('0')
  })
})
