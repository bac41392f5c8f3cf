import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { DISTRICTS } from '../../platform/city.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['geo'])
  url = subgraphs.byName.get('geo')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

describe('geo subgraph', () => {
  it('lists the 18 districts of Kaiserslautern in order', async () => {
    const res = await graphql(url, '{ districts { code name kind hasOrtsbeirat } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.districts.map((d: { code: string }) => d.code)).toEqual(DISTRICTS.map(d => d.code))
    expect(res.data.districts.filter((d: { hasOrtsbeirat: boolean }) => d.hasOrtsbeirat)).toHaveLength(9)
  })

  it('answers unknown districts with null and malformed arguments with BAD_USER_INPUT', async () => {
    const unknown = await graphql(url, '{ district(code: "99") { name } }')
    expect(unknown.errors).toBeUndefined()
    expect(unknown.data.district).toBeNull()
    const malformed = await graphql(url, '{ district(ags: "7312", code: "05") { name } }')
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(malformed.errors?.[0].message).toMatch(/8-digit/)
    expect(JSON.stringify(malformed)).not.toMatch(/stacktrace|at .*\.ts:/)
    const year = await graphql(url, '{ year(year: 1700) { year } }')
    expect(year.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('resolves entity representations in one statement per type', async () => {
    const { rows } = await db.query('select ags, code, name from geo.district order by code')
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on District {
              code
              name
            }
            ... on Country {
              nameDe
            }
          }
        }
      `,
      {
        r: [
          ...rows.map(r => ({ __typename: 'District', ags: r.ags.trim(), code: r.code })),
          { __typename: 'Country', code: 'SYR' },
          { __typename: 'District', ags: '07312000', code: '77' },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    expect(res.data._entities.slice(0, 18).map((d: { name: string }) => d.name)).toEqual(rows.map(r => r.name))
    expect(res.data._entities[18]).toEqual({ nameDe: 'Syrien' })
    expect(res.data._entities[19]).toBeNull()
    expect(subgraphs.statements().geo).toBe(2)
  })

  it('serves its SDL with the shared value types', async () => {
    const res = await graphql(url, '{ _service { sdl } }')
    expect(res.data._service.sdl).toContain('type District @key(fields: "ags code")')
    expect(res.data._service.sdl).toContain('type StatCount @shareable')
  })
})
