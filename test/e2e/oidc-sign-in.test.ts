import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DISTRICTS, REFERENCE_DATE } from '../../platform/city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { startOidcProvider, type RunningOidcProvider } from '../helpers/oidc-provider.js'
import { FIXTURE_WEB_DIST, startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Production sign-in: a real OpenID provider on loopback (authorization code + PKCE, RS256 keys of
// this run, Keycloak-shaped claims), a gateway verifying its tokens through its JWKS.
let idp: RunningOidcProvider
let city: RunningWebCity
beforeAll(async () => {
  idp = await startOidcProvider({
    'b.mueller': { roles: ['leadership'], name: 'Bürgermeisterin Müller' },
    'k.schmidt': { roles: ['staff'], department: 'asylum' },
  })
  city = await startWebCity(inject('cityDatabaseUrl'), {
    dist: FIXTURE_WEB_DIST,
    only: ['population', 'geo'],
    identity: idp.identityConfig(),
    oidcClientId: idp.clientId,
  })
  idp.registerApp([city.origin])
})
afterAll(async () => {
  await city?.stop()
  await idp?.stop()
})

const year = Number(REFERENCE_DATE.slice(0, 4)) - 1
const QUERY = `{ ${DISTRICTS.map(d => `d${d.code}: district(ags: "07312000", code: "${d.code}") { population(year: ${year}) { total { value status } foreigners { value status } } }`).join('\n')} }`
const statuses = (data: any) => Object.values(data).flatMap((d: any) => [d.population.total.status, d.population.foreigners.status])

describe('signing in at an OpenID provider', () => {
  it('the app is told to sign in there, and the gateway has no development tokens', async () => {
    expect(await fetch(`${city.origin}/auth/config`).then(r => r.json())).toEqual({
      mode: 'oidc',
      issuer: idp.issuer,
      clientId: idp.clientId,
      scope: 'openid profile',
    })
    const dev = await fetch(`${city.origin}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"role":"leadership"}',
    })
    expect(dev.status).toBe(404)
    expect((await fetch(`${city.origin}/`)).headers.get('content-security-policy')).toContain(`connect-src 'self' ${idp.issuer};`)
  })

  it('the gateway accepts the access token of a signed-in person with the roles of realm_access.roles', async () => {
    const tokens = await idp.signIn('b.mueller', city.origin)
    expect(tokens.token_type).toBe('Bearer')
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString())
    expect(claims).toMatchObject({ iss: idp.issuer, aud: 'stadtgraph', sub: 'b.mueller', realm_access: { roles: ['leadership'] } })
    expect(JSON.parse(Buffer.from(tokens.access_token.split('.')[0], 'base64url').toString()).alg).toBe('RS256')

    const [anonymous, leadership] = await Promise.all([
      graphql(city.gateway.url, QUERY),
      graphql(city.gateway.url, QUERY, undefined, { authorization: `Bearer ${tokens.access_token}` }),
    ])
    expect(anonymous.errors).toBeUndefined()
    expect(leadership.errors).toBeUndefined()
    // The public sees the figures under disclosure control; leadership sees them exact.
    expect(statuses(anonymous.data).some(s => s === 'PERTURBED' || s === 'SECRET')).toBe(true)
    expect(new Set(statuses(leadership.data))).toEqual(new Set(['EXACT']))
  })

  it('refuses a token the provider did not sign, and one for another audience', async () => {
    const tokens = await idp.signIn('k.schmidt', city.origin)
    const [header, payload, signature] = tokens.access_token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    expect(claims).toMatchObject({ department: 'asylum', realm_access: { roles: ['staff'] } })
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['leadership'] } })).toString('base64url'),
      signature,
    ].join('.')
    const refused = await fetch(city.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tampered}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(refused.status).toBe(401)
    // The ID token is for the app (aud = client id), not for the API.
    const idToken = await fetch(city.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.id_token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(idToken.status).toBe(401)
  })
})
