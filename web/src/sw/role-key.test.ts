import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import { callerKey, callerOfAuthorization, PUBLIC_CALLER } from './role-key'

const SECRET = 'role-key-test-secret-0123456789abcdef'
const sign = (claims: Record<string, unknown>, expiresIn = 3600) =>
  jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn, issuer: 'https://idp.test/realms/kl' })

describe('the caller a token names (the service worker keeps answers per caller)', () => {
  it('is the same for a renewed token of the same caller, and differs with subject, roles, department and issuer', () => {
    const first = sign({ sub: 'dev-staff', roles: ['staff'], department: 'asylum' }, 600)
    const renewed = sign({ sub: 'dev-staff', roles: ['staff'], department: 'asylum', jti: 'renewed' }, 3600)
    expect(first).not.toBe(renewed)
    expect(callerKey(renewed)).toBe(callerKey(first))

    const others = [
      sign({ sub: 'dev-staff', roles: ['staff'], department: 'social' }),
      sign({ sub: 'dev-staff', roles: ['leadership'], department: 'asylum' }),
      sign({ sub: 'someone-else', roles: ['staff'], department: 'asylum' }),
      jwt.sign({ sub: 'dev-staff', roles: ['staff'], department: 'asylum' }, SECRET, { issuer: 'https://other.test/' }),
    ].map(callerKey)
    expect(new Set([callerKey(first), ...others]).size).toBe(5)
  })

  it('reads roles in any order and Keycloak realm roles', () => {
    expect(callerKey(sign({ sub: 'a', roles: ['committee', 'public'] }))).toBe(
      callerKey(sign({ sub: 'a', roles: ['public', 'committee'] })),
    )
    expect(callerKey(sign({ sub: 'a', realm_access: { roles: ['leadership'] } }))).not.toBe(
      callerKey(sign({ sub: 'a', realm_access: { roles: ['committee'] } })),
    )
  })

  it('is public without a token, and never public for a token it cannot read', () => {
    expect(callerKey(null)).toBe(PUBLIC_CALLER)
    expect(callerOfAuthorization(null)).toBe(PUBLIC_CALLER)
    expect(callerOfAuthorization('Basic abc')).toBe(PUBLIC_CALLER)
    const token = sign({ sub: 'dev-committee', roles: ['committee'] })
    expect(callerOfAuthorization(`Bearer ${token}`)).toBe(callerKey(token))
    expect(callerOfAuthorization(`bearer  ${token} `)).toBe(callerKey(token))
    expect(callerKey('not-a-jwt')).not.toBe(PUBLIC_CALLER)
    expect(callerKey('a.%%%.c')).toBe('token:a.%%%.c')
  })
})
