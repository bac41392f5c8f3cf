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
