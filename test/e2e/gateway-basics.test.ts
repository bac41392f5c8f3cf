import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startCity, type RunningCity } from '../helpers/start-city.js'

let city: RunningCity
beforeAll(async () => { city = await startCity(inject('cityDatabaseUrl')) })
afterAll(async () => { await city?.stop() })

describe('gateway basics', () => {
  it('serves the federated graph', async () => {
    const res = await city.query('{ districts { code name } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.districts).toHaveLength(18)
  })
  it('passes BAD_USER_INPUT from subgraphs without stack traces', async () => {
    const res = await city.query('{ district(code: "5") { name } }')
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(JSON.stringify(res)).not.toMatch(/stacktrace/)
  })
  it('hides federation internals', async () => {
    const res = await city.query('{ _service { sdl } }')
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})
