import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INTERNAL_TOKEN_HEADER, type InternalIdentity, type InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import { createInternalTokenSigner, createInternalTokenVerifier } from '../../auth/internal/internal-token.js'
import { internalCaller } from './internal-caller.js'

// The one check every department route makes: the gateway's internal token, or 401 UNAUTHENTICATED.

const SECRET = 'a-test-secret-of-at-least-32-characters!'
const signer = createInternalTokenSigner(SECRET)
const identity: InternalIdentity = {
  subject: 'anna',
  roles: ['staff'],
  department: 'asylum',
  purpose: null,
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 3,
  scopes: ['asylum:internal'],
}

let verifier: InternalIdentityVerifier = createInternalTokenVerifier(SECRET, 'asylum')
let server: Server
let url: string
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const caller = internalCaller(verifier, req, res)
    if (caller) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(caller))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

const ask = async (headers: Array<[string, string]>) => {
  const res = await fetch(url, { headers })
  return { status: res.status, body: await res.json() }
}

describe('internalCaller', () => {
  it('answers with the identity the gateway vouches for, once per token', async () => {
    const token = signer.sign(identity, 'asylum')
    const ok = await ask([[INTERNAL_TOKEN_HEADER, token]])
    expect(ok).toMatchObject({ status: 200, body: { subject: 'anna', roles: ['staff'], department: 'asylum', policyVersion: 3 } })
    const replayed = await ask([[INTERNAL_TOKEN_HEADER, token]])
    expect(replayed.status).toBe(401)
    expect(replayed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
  })

  it('refuses no token, two tokens and one for another department with 401 and the reason', async () => {
    for (const headers of [
      [],
      [
        [INTERNAL_TOKEN_HEADER, signer.sign(identity, 'asylum')],
        [INTERNAL_TOKEN_HEADER, signer.sign(identity, 'asylum')],
      ],
      [[INTERNAL_TOKEN_HEADER, signer.sign(identity, 'social')]],
    ] as Array<Array<[string, string]>>) {
      const res = await ask(headers)
      expect(res.status).toBe(401)
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
      expect(res.body.errors[0].message).not.toBe('Unauthenticated')
    }
  })

  it('a verifier failing otherwise is a 401 with a generic message, not a 500', async () => {
    const before = verifier
    verifier = {
      verify: () => {
        throw new Error('key store unreachable at 10.0.0.7')
      },
    }
    try {
      const res = await ask([[INTERNAL_TOKEN_HEADER, 'x']])
      expect(res.status).toBe(401)
      expect(res.body.errors[0].message).toBe('Unauthenticated')
    } finally {
      verifier = before
    }
  })
})
