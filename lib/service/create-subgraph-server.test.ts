import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { AuthError } from '../../auth/principal.js'
import { INTERNAL_TOKEN_HEADER, type InternalIdentity, type InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import { createSubgraphServer, type SubgraphServer } from './create-subgraph-server.js'
import { loadServices } from './discover-services.js'
import { internalHeaders, TEST_IDENTITY, TEST_INTERNAL_SECRET } from '../../test/helpers/start-subgraphs.js'

// A department verifies the gateway's identity through the InternalIdentityVerifier it is given: the
// HS256 token by default, or whatever a city plugs in. Real department (geo), real database, real HTTP.

const QUERY = '{ districts { code } }'

/** Another city's verifier: opaque tokens it issued itself, each naming one identity, `revoked` refused with a reason, anything else thrown as is. */
function opaqueTokens(tokens: Record<string, InternalIdentity>): InternalIdentityVerifier {
  return {
    verify(token) {
      if (token === 'revoked') throw new AuthError(401, 'UNAUTHENTICATED', 'This token was revoked', 'revoked token')
      if (token === 'broken') throw new Error('the token service did not answer')
      const identity = token === undefined ? undefined : tokens[token]
      if (!identity) throw new AuthError(401, 'UNAUTHENTICATED', 'Unknown internal token', `unknown token ${token}`)
      return identity
    },
  }
}

let handle: DbHandle<any>
let hs256: SubgraphServer
let plugged: SubgraphServer

async function post(server: SubgraphServer, headers: Record<string, string>) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  })
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: { districts: Array<{ code: string }> }
      errors?: Array<{ message: string; extensions: { code: string } }>
    },
  }
}

beforeAll(async () => {
  const geo = (await loadServices()).find(d => d.name === 'geo')!
  handle = createDb(inject('cityDatabaseUrl'), { max: 2 })
  hs256 = await createSubgraphServer(geo, handle, { port: 0, internalTokenSecret: TEST_INTERNAL_SECRET })
  plugged = await createSubgraphServer(geo, handle, { port: 0, internalIdentity: opaqueTokens({ 'city-token-1': TEST_IDENTITY }) })
})

afterAll(async () => {
  await hs256?.close()
  await plugged?.close()
  await handle?.close()
})

describe('createSubgraphServer: the internal identity verifier', () => {
  it('by default verifies the HS256 token the gateway signs for the department', async () => {
    const ok = await post(hs256, internalHeaders('geo'))
    expect(ok.status).toBe(200)
    expect(ok.body.data!.districts.length).toBeGreaterThan(0)
    const other = await post(hs256, { [INTERNAL_TOKEN_HEADER]: 'city-token-1' })
    expect(other.status).toBe(401)
    expect(other.body.errors).toEqual([{ message: 'Missing or invalid internal identity token', extensions: { code: 'UNAUTHENTICATED' } }])
  })

  it('serves what a plugged-in verifier accepts, and only that: the HS256 token is then unknown', async () => {
    const ok = await post(plugged, { [INTERNAL_TOKEN_HEADER]: 'city-token-1' })
    expect(ok.status).toBe(200)
    expect(ok.body.data).toEqual((await post(hs256, internalHeaders('geo'))).body.data)
    const signed = await post(plugged, internalHeaders('geo'))
    expect(signed.status).toBe(401)
    expect(signed.body.errors).toEqual([{ message: 'Unknown internal token', extensions: { code: 'UNAUTHENTICATED' } }])
  })

  it('answers 401 UNAUTHENTICATED for every refusal of the verifier: its AuthError message, or a generic one for anything else it throws', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'Unknown internal token'],
      [{ [INTERNAL_TOKEN_HEADER]: 'revoked' }, 'This token was revoked'],
      [{ [INTERNAL_TOKEN_HEADER]: 'broken' }, 'Unauthenticated'],
    ]
    for (const [headers, message] of cases) {
      const res = await post(plugged, headers)
      expect(res.status, message).toBe(401)
      expect(res.body, message).toEqual({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] })
    }
  })
})
