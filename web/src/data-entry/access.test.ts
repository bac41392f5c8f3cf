import { describe, expect, it } from 'vitest'
import { datasetsOfAnswer } from './access'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('datasetsOfAnswer', () => {
  it('takes the datasets the department lists, and its no', async () => {
    expect(await datasetsOfAnswer(json(200, { datasets: [{ id: 'asy.occupancy' }] }))).toEqual([{ id: 'asy.occupancy' }])
    expect(await datasetsOfAnswer(json(200, { datasets: [] }))).toBeNull()
    expect(await datasetsOfAnswer(json(403, { errors: [{ extensions: { code: 'FORBIDDEN' } }] }))).toBeNull()
  })

  it('decides nothing when the gateway or the department failed or the caller was rate limited (asked again later)', async () => {
    expect(await datasetsOfAnswer(json(503, { errors: [{ extensions: { code: 'DEPARTMENT_UNAVAILABLE' } }] }))).toBeUndefined()
    expect(await datasetsOfAnswer(json(429, { errors: [{ extensions: { code: 'RATE_LIMITED' } }] }))).toBeUndefined()
    expect(await datasetsOfAnswer(new Response('not json', { status: 200 }))).toBeUndefined()
  })
})
