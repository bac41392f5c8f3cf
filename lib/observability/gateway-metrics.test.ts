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
