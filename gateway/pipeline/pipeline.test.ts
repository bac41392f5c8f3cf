import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { ApolloServerPlugin } from '@apollo/server'
import { testGatewayConfig } from '../../test/helpers/start-city.js'
import { NO_GATEWAY_METRICS } from '../../lib/observability/gateway-metrics.js'
import type { GatewayRequest } from '../../lib/observability/gateway-observability.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import type { GatewayContext } from '../gateway-context.js'
import { createPipeline, pluginsOf } from './pipeline.js'
import { createStages } from './stages.js'
import { createCallerRateLimit } from './rate-limit.js'
import type { Stage } from './stage.js'

const fakeRequest = () =>
  [{ headers: {}, rawHeaders: [] } as unknown as IncomingMessage, {} as ServerResponse, {} as GatewayRequest] as const

describe('the request stages', () => {
  it("are listed in the order of the request's path", () => {
    const stages = createStages({
      config: testGatewayConfig(),
      policy: { accessLog: null } as unknown as PolicyRuntime,
      supergraph: () => {
        throw new Error('not read while the stages are built')
      },
      authenticate: async () => null,
      signHeaders: () => ({}),
      metrics: NO_GATEWAY_METRICS,
      rateLimit: createCallerRateLimit(testGatewayConfig().limits, NO_GATEWAY_METRICS),
    })
    expect(stages.map(s => s.name)).toEqual([
      'guard',
      'authenticate',
      'rate limit',
      'purpose',
      'access',
      'limits',
      'personal data',
      'dedupe',
      'plan',
      'execute',
      'respond',
    ])
    // The limits plugin decides first: the personal-data plugin asks it before writing the access log.
    const plugins = pluginsOf(stages)
    expect(plugins[0]).toBe(stages.find(s => s.name === 'limits')!.plugins![0])
    expect(plugins[1]).toBe(stages.find(s => s.name === 'personal data')!.plugins![0])
  })
})

describe('createPipeline', () => {
  it('runs the HTTP hooks in stage order and stops at the stage that answered', async () => {
    const seen: string[] = []
    const stage = (name: string, outcome: 'next' | 'answered' = 'next'): Stage => ({
      name,
      onRequest: () => {
        seen.push(name)
        return outcome
      },
    })
    const pipeline = createPipeline([stage('a'), stage('b', 'answered'), stage('c')])
    await pipeline.serve(...fakeRequest())
    expect(seen).toEqual(['a', 'b'])
  })

  it('refuses to reach GraphQL without a principal and a projection', async () => {
    const pipeline = createPipeline([{ name: 'nothing', onRequest: () => 'next' }])
    await expect(pipeline.serve(...fakeRequest())).rejects.toThrow(/authenticate and choose a projection/)
  })

  it('combines the subgraph-call hooks, the executor and the resets of its stages', async () => {
    const settled: string[] = []
    let resets = 0
    const pipeline = createPipeline([
      {
        name: 'one',
        onReset: () => {
          resets++
        },
        subgraphCalls: { subgraphHeaders: () => ({ a: '1' }), onSubgraphFetch: name => void settled.push(`one:${name}`) },
      },
      {
        name: 'two',
        onReset: () => {
          resets++
        },
        subgraphCalls: { subgraphHeaders: () => ({ b: '2' }), onSubgraphFetch: name => void settled.push(`two:${name}`) },
      },
    ])
    expect(pipeline.subgraphCalls.subgraphHeaders('asylum', {})).toEqual({ a: '1', b: '2' })
    pipeline.subgraphCalls.onSubgraphFetch('asylum', 0.1, true)
    expect(settled).toEqual(['one:asylum', 'two:asylum'])
    expect(await pipeline.createExecutor({ supergraphSdl: '' })).toBeNull()
    pipeline.reset()
    expect(resets).toBe(2)
  })

  it('gives Apollo Server the plugins of its stages in stage order', () => {
    const p = (): ApolloServerPlugin<GatewayContext> => ({})
    const [x, y, z] = [p(), p(), p()]
    expect(pluginsOf([{ name: 'a', plugins: [x, y] }, { name: 'b' }, { name: 'c', plugins: [z] }])).toEqual([x, y, z])
  })
})
