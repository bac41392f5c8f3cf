import { describe, expect, it } from 'vitest'
import { departmentOfClaims, rolesOfClaims, tokenClaims } from './token-claims'

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
const jwt = (claims: unknown) => `${b64url({ alg: 'HS256' })}.${b64url(claims)}.sig`

describe('token claims as the app reads them', () => {
  it('reads a JWT payload, UTF-8 included', () => {
    expect(tokenClaims(jwt({ sub: 'jürgen', department: 'asylum' }))).toEqual({ sub: 'jürgen', department: 'asylum' })
  })

  it('refuses what is not a JWT with a JSON object payload', () => {
    for (const bad of ['', 'abc', 'a.b', 'a.!!!.c', `h.${b64url([1, 2])}.s`, `h.${b64url('x')}.s`, `h.${b64url({})}.s.extra`])
      expect(tokenClaims(bad), bad).toBeNull()
    expect(tokenClaims(`h.${'A'.repeat(20_000)}.s`)).toBeNull()
    expect(tokenClaims(`h.${Buffer.from([0xff, 0xfe]).toString('base64url')}.s`)).toBeNull()
  })

  it('reads the roles where the gateway reads them, each once, and the department', () => {
    const claims = {
      roles: ['staff', 7, ''],
      realm_access: { roles: ['admin', 'staff'] },
      resource_access: { web: { roles: ['committee'] }, other: null },
      department: 'asylum',
    }
    expect(rolesOfClaims(claims).sort()).toEqual(['admin', 'committee', 'staff'])
    expect(departmentOfClaims(claims)).toBe('asylum')
    expect(departmentOfClaims({ department: '' })).toBeNull()
    expect(rolesOfClaims({ roles: 'admin' })).toEqual([])
  })
})
