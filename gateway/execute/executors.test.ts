import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { composeSupergraph } from '../../schema/compose.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { bearer, TEST_IDENTITY_CONFIG, testGatewayConfig } from '../../test/helpers/start-city.js'
import { createGatewayDeps } from '../create-gateway-deps.js'
import { ConfigError, readGatewayConfig } from '../config.js'
import { createGateway, type Gateway } from '../gateway.js'
import { planThreadStats } from './plan-thread.js'

// Both executors behind one set of departments: the query-plan executor (default) must answer
// exactly like the stitched fallback — data, errors and their paths, and what each role may see.
const EXECUTORS = ['plan', 'stitched'] as const
let subgraphs: RunningSubgraphs
const gateways = new Map<string, { gateway: Gateway; close(): Promise<void> }>()

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'))
  const supergraphSdl = composeSupergraph(subgraphs.list.map(s => ({ name: s.def.name, url: s.server.url, typeDefs: s.def.typeDefs })))
  for (const executor of EXECUTORS) {
    const config = testGatewayConfig({ supergraphSdl, executor, databaseUrl: null, replicaId: executor })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gateway = await createGateway(config, deps)
    gateways.set(executor, {
      gateway,
      close: async () => {
        await gateway.close()
        await deps.close()
      },
    })
  }
})
afterAll(async () => {
  for (const g of gateways.values()) await g.close()
  await subgraphs?.stop()
})

const ask = (executor: string, query: string, variables?: Record<string, unknown>, roles?: string) =>
  graphql(gateways.get(executor)!.gateway.url, query, variables, roles ? bearer(roles) : {})

const DISTRICT_PROFILE = `query DistrictProfile($code: ID!, $year: Int!) { district(code: $code) { name
  population(year: $year) { total { value } byAgeGroup { group { label } count { value } } }
  schools { name type } kitaPlaces(year: $year) { placesTotal placesU3 }
  accommodations(activeOn: "2025-12-31") { name capacity } investments(from: 2024, to: 2026) { name totalCost { amount } } } }`

describe('query-plan executor and stitched fallback', () => {
  it.each([
    ['district profile across five departments', DISTRICT_PROFILE, { code: '05', year: 2024 }, 'controlling'],
    [
      'aliases, fragments and __typename',
      '{ a: district(code: "01") { ...D } b: district(code: "02") { ...D } } fragment D on District { __typename code n: name schools { __typename name } }',
      undefined,
      'controlling',
    ],
    [
      'an instance-level denial: null + FORBIDDEN_FIELD at its path',
      '{ product(code: "313") { name result(year: 2026, version: PROGNOSE) { ordinaryExpense { amount } } } }',
      undefined,
      undefined,
    ],
    ['bad input from a subgraph', '{ district(code: "5") { name } }', undefined, 'controlling'],
    [
      'the query text as sent, comments and blank lines included (the planner plans that text)',
      '# a district profile\n\nquery Commented($code: ID!) { # the root\n  district(code: $code) { name # its name\n\n    schools { name } } }\n',
      { code: '03' },
      'controlling',
    ],
    ['a variable of the wrong type', 'query ($code: ID!) { district(code: $code) { name } }', { code: { no: 1 } }, 'controlling'],
  ])('answers alike: %s', async (_, query, variables, roles) => {
    const [plan, stitched] = await Promise.all(EXECUTORS.map(e => ask(e, query, variables, roles)))
    expect(plan.status).toBe(stitched.status)
    expect(plan.data).toEqual(stitched.data)
    expect(plan.errors?.map(e => [e.extensions?.code, e.path])).toEqual(stitched.errors?.map(e => [e.extensions?.code, e.path]))
  })

  it('plans new documents on the query planner thread', async () => {
    const query = `query OnTheThread($code: ID!) { d${Date.now()}: district(code: $code) { name schools { name } } }`
    const before = planThreadStats().planned
    const first = await ask('plan', query, { code: '02' }, 'controlling')
    expect(first.data).toEqual((await ask('stitched', query, { code: '02' }, 'controlling')).data)
    expect(planThreadStats().planned).toBe(before + 1)
    // Plans are kept with their parsed document, which is kept from its second request on.
    await ask('plan', query, { code: '03' }, 'controlling')
    expect(planThreadStats().planned).toBe(before + 2)
    await ask('plan', query, { code: '04' }, 'controlling')
    expect(planThreadStats().planned).toBe(before + 2)
  })

  it("introspects only the caller's projection", async () => {
    const query = '{ __type(name: "PlanActual") { fields { name } } }'
    for (const executor of EXECUTORS) {
      const pub = await ask(executor, query)
      const internal = await ask(executor, query, undefined, 'controlling')
      const names = (res: typeof pub) => res.data.__type.fields.map((f: { name: string }) => f.name)
      expect(names(pub)).not.toContain('fortgeschrieben')
      expect(names(internal)).toContain('fortgeschrieben')
    }
  })

  it('is chosen by GATEWAY_EXECUTOR, plan by default', () => {
    expect(readGatewayConfig([], {}).executor).toBe('plan')
    expect(readGatewayConfig([], { GATEWAY_EXECUTOR: 'stitched' }).executor).toBe('stitched')
    expect(() => readGatewayConfig([], { GATEWAY_EXECUTOR: 'fast' })).toThrow(ConfigError)
    expect(() => readGatewayConfig([], { GATEWAY_EXECUTOR: 'fast' })).toThrow(/GATEWAY_EXECUTOR/)
  })

  it("names a department that does not answer, and keeps the others' data", async () => {
    const education = subgraphs.byName.get('education')!
    await education.server.close() // the last test here that needs education; afterAll stops the rest
    for (const executor of EXECUTORS) {
      const res = await ask(executor, '{ district(code: "01") { name schools { name } } }', undefined, 'controlling')
      expect(res.data.district.name).toBeTruthy()
      expect(res.data.district.schools).toBeNull()
      expect(res.errors?.map(e => [e.extensions?.code, e.extensions?.serviceName])).toContainEqual(['SUBGRAPH_UNAVAILABLE', 'education'])
    }
  })
})
