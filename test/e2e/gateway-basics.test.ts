import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serviceFolders } from '../../lib/service/discover-services.js'
import { startCity, type RunningCity } from '../helpers/start-city.js'

let city: RunningCity
beforeAll(async () => {
  city = await startCity(inject('cityDatabaseUrl'))
})
afterAll(async () => {
  await city?.stop()
})

describe('gateway basics', () => {
  it('serves the federated graph', async () => {
    const res = await city.queryAs('controlling', '{ districts { code name } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.districts).toHaveLength(18)
  })
  it('passes BAD_USER_INPUT from subgraphs without stack traces', async () => {
    const res = await city.queryAs('controlling', '{ district(code: "5") { name } }')
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(JSON.stringify(res)).not.toMatch(/stacktrace/)
  })
  it('is ready when every department answers the gateway', async () => {
    const res = await fetch(city.gateway.url.replace(/\/graphql$/, '/readyz'))
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    // Every department folder (a department's subgraph is named after its folder).
    expect(body.subgraphs.map((s: { name: string }) => s.name).sort()).toEqual(serviceFolders())
  })

  it('hides federation internals', async () => {
    const res = await city.queryAs('controlling', '{ _service { sdl } }')
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})
