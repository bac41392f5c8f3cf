import { describe, expect, it } from 'vitest'
import { adminOfAnswer } from './admin-access'

// What the app reads from GET /admin/access as gateway/admin/admin-route.ts answers it: the gateway's decision (the
// admin flag of a role in the policy), never a role's name in the token.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('adminOfAnswer', () => {
  it("takes the gateway's decision", async () => {
    expect(await adminOfAnswer(json(200, { admin: true }))).toBe(true)
    expect(await adminOfAnswer(json(200, { admin: false }))).toBe(false)
  })

  it('decides nothing on a failure or an answer it does not understand', async () => {
    expect(await adminOfAnswer(json(401, { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] }))).toBeNull()
    expect(await adminOfAnswer(json(503, { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }))).toBeNull()
    expect(await adminOfAnswer(new Response('<html>index</html>', { status: 200 }))).toBeNull()
    expect(await adminOfAnswer(json(200, { admin: 'yes' }))).toBeNull()
  })
})
