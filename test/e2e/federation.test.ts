import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startCity, type RunningCity } from '../helpers/start-city.js'

let city: RunningCity
beforeAll(async () => {
  city = await startCity(inject('cityDatabaseUrl'))
})
afterAll(async () => {
  await city?.stop()
})

const DISTRICT_FIELDS = `code name
  population(year: 2025) { total { value } }
  schools { name }
  accommodations(activeOn: "2025-12-31") { name capacity }`

describe('batching across the federated graph (no N+1)', () => {
  it('costs one SQL statement per department per plan step, whether 1 or 18 districts are listed', async () => {
    city.subgraphs.resetStatements()
    const one = await city.queryAs('controlling', `{ district(code: "05") { ${DISTRICT_FIELDS} } }`)
    expect(one.errors).toBeUndefined()
    const forOne = city.subgraphs.statements()

    city.subgraphs.resetStatements()
    const all = await city.queryAs('controlling', `{ districts { ${DISTRICT_FIELDS} } }`)
    expect(all.errors).toBeUndefined()
    expect(all.data.districts).toHaveLength(18)
    const forAll = city.subgraphs.statements()

    // geo lists the districts, each other department answers one batched _entities call with one statement.
    expect(forAll).toMatchObject({ geo: 1, population: 1, education: 1, asylum: 1 })
    expect(forAll).toEqual(forOne)
  })

  it('sends one request per subgraph per plan step', async () => {
    const res = await city.queryAs(
      'controlling',
      `{ districts { code population(year: 2024) { total { value } } p2: population(year: 2025) { total { value } } } }`,
    )
    expect(res.errors).toBeUndefined()
    city.subgraphs.resetStatements()
    await city.queryAs(
      'controlling',
      `{ districts { code population(year: 2024) { total { value } } p2: population(year: 2025) { total { value } } } }`,
    )
    // Two aliased fields of the same family for 18 districts are still one statement.
    expect(city.subgraphs.statements().population).toBe(1)
  })
})

describe('a plan that calls one department in two steps', () => {
  it('signs a fresh internal token for each call (departments accept each token once)', async () => {
    // geo lists the districts, asylum their accommodations, geo again the accommodations' districts.
    const res = await city.queryAs(
      'controlling',
      `{ districts { code accommodations(activeOn: "2025-12-31") { name district { code name } } } }`,
    )
    expect(res.errors).toBeUndefined()
    const withAccommodations = res.data.districts.filter((d: any) => d.accommodations?.length)
    expect(withAccommodations.length).toBeGreaterThan(0)
    for (const d of withAccommodations)
      for (const a of d.accommodations) expect(a.district).toMatchObject({ code: d.code, name: expect.any(String) })
  })
})

describe('a department that is down', () => {
  it('does not take the others with it, and the error names it', async () => {
    const asylum = city.subgraphs.byName.get('asylum')!
    await asylum.server.close()
    try {
      const res = await city.queryAs(
        'controlling',
        `{
        district(code: "09") { name population(year: 2025) { total { value } } accommodations(activeOn: "2025-12-31") { name } }
        asylumCapacity(day: "2025-12-31") { free }
      }`,
      )
      expect(res.data.district.name).toBe('Kaiserslautern-West')
      expect(res.data.district.population.total.value).toBeGreaterThan(0)
      expect(res.data.asylumCapacity).toBeNull()
      const codes = res.errors?.map(e => [e.extensions?.code, e.extensions?.serviceName])
      expect(codes).toContainEqual(['SUBGRAPH_UNAVAILABLE', 'asylum'])
      expect(res.errors?.every(e => /asylum/.test(e.message))).toBe(true)
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|ECONNREFUSED|at .*\.[jt]s:\d+/)

      const ready = await fetch(city.gateway.url.replace(/\/graphql$/, '/readyz'))
      expect(ready.status).toBe(503)
      const body = await ready.json()
      expect(body.subgraphs.find((s: { name: string }) => s.name === 'asylum').ok).toBe(false)
    } finally {
      // the subgraph set is stopped with the city; nothing else uses asylum in this file
    }
  })
})
