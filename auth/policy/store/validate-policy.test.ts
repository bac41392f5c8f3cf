import { describe, expect, it } from 'vitest'
import { PolicyError } from '../types.js'
import { DEFAULT_ROLES } from './default-roles.js'
import { validateGrant, validatePolicy, validateRole, validateRowRule } from './validate-policy.js'

const role = (over: Record<string, unknown>) => ({
  name: 'r',
  description: '',
  scopes: ['open'],
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
  ...over,
})

function refusal(fn: () => unknown): { code: string; pointer?: string } | null {
  try {
    fn()
    return null
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e
    return { code: e.code, pointer: e.pointer }
  }
}

describe('validateRole', () => {
  it.each([
    ['open', true],
    ['internal', true],
    ['asylum:internal', true],
    ['{department}:special', true],
    ['population:personal', true],
    ['Open', false],
    ['asylum:Internal', false],
    ['a:b:c', false],
    ['*:personal', false],
    ['{dept}:internal', false],
    ['{department}', false],
    ['', false],
    ['open ', false],
    ['asylum-cases', false],
  ])('scope %j for a non-public role → valid %s', (scope, ok) => {
    const r = refusal(() => validateRole(role({ scopes: [scope] }), '/role'))
    expect(r).toEqual(ok ? null : { code: 'INVALID_POLICY', pointer: '/role/scopes/0' })
  })

  it.each([
    ['personal', false],
    ['special', false],
    ['asylum:personal', false],
    ['population:special', false],
    ['{department}:personal', false],
    ['{department}:special', false],
    ['open', true],
    ['internal', true],
    ['finance:internal', true],
    ['{department}:internal', true],
  ])('scope %j for the public role → valid %s', (scope, ok) => {
    const r = refusal(() => validateRole(role({ name: 'public', aggregateOnly: true, scopes: [scope] }), '/role'))
    expect(r).toEqual(ok ? null : { code: 'INVALID_POLICY', pointer: '/role/scopes/0' })
  })

  it.each([
    [{ name: 'Bad Name' }, '/role/name'],
    [{ scopes: 'open' }, '/role/scopes'],
    [{ scopes: ['open', 'open'] }, '/role/scopes/1'],
    [{ aggregateOnly: 'yes' }, '/role/aggregateOnly'],
    [{ admin: undefined }, '/role/admin'],
    [{ validFrom: '2025-02-30' }, '/role/validFrom'],
    [{ validUntil: '31.12.2025' }, '/role/validUntil'],
    [{ validFrom: '2025-06-01', validUntil: '2025-05-31' }, '/role/validUntil'],
    [{ description: 'a\u0000b' }, '/role/description'],
  ])('refuses %j at %s', (over, at) => {
    expect(refusal(() => validateRole(role(over), '/role'))).toEqual({ code: 'INVALID_POLICY', pointer: at })
  })

  it('accepts every default role and a role valid for a single day', () => {
    for (const r of DEFAULT_ROLES) expect(validateRole(r, '/role')).toEqual(r)
    expect(validateRole(role({ validFrom: '2024-02-29', validUntil: '2024-02-29' }), '/role').validUntil).toBe('2024-02-29')
  })
})

describe('validateGrant', () => {
  const classes: Record<string, 'open' | 'internal' | 'personal' | 'special'> = {
    'District.name': 'open',
    'Accommodation.operator': 'internal',
    'AllocationRecord.id': 'personal',
    'AllocationRecord.religion': 'special',
    'AllocationRecord.*': 'special',
  }
  const classify = (c: string) => classes[c]
  const exists = (n: string) => ['public', 'staff'].includes(n)
  const grant = (over: Record<string, unknown>) => ({
    role: 'staff',
    coordinate: 'District.name',
    effect: 'ALLOW',
    validUntil: null,
    ...over,
  })

  it.each([
    [{ role: 'nobody' }, '/g/role'],
    [{ coordinate: 'district.name' }, '/g/coordinate'],
    [{ coordinate: 'District' }, '/g/coordinate'],
    [{ coordinate: 'District.name.x' }, '/g/coordinate'],
    [{ coordinate: 'District.missing' }, '/g/coordinate'],
    [{ effect: 'allow' }, '/g/effect'],
    [{ validUntil: '2025-13-01' }, '/g/validUntil'],
    [{ role: 'public', coordinate: 'AllocationRecord.id' }, '/g/coordinate'],
    [{ role: 'public', coordinate: 'AllocationRecord.religion' }, '/g/coordinate'],
    [{ role: 'public', coordinate: 'AllocationRecord.*' }, '/g/coordinate'],
  ])('refuses %j at %s', (over, at) => {
    expect(refusal(() => validateGrant(grant(over), '/g', exists, classify))).toEqual({ code: 'INVALID_POLICY', pointer: at })
  })

  it.each([
    [{ role: 'public', coordinate: 'District.name' }],
    [{ role: 'public', coordinate: 'Accommodation.operator' }],
    [{ role: 'public', coordinate: 'AllocationRecord.id', effect: 'DENY' }],
    [{ role: 'staff', coordinate: 'AllocationRecord.religion' }],
  ])('accepts %j', over => {
    expect(refusal(() => validateGrant(grant(over), '/g', exists, classify))).toBeNull()
  })

  it('without classify accepts unknown coordinates (nothing to check them against)', () => {
    expect(validateGrant(grant({ coordinate: 'Anything.goes' }), '/g', exists).coordinate).toBe('Anything.goes')
  })
})

describe('validatePolicy', () => {
  it.each([
    [{ roles: [role({ name: 'a' }), role({ name: 'a' })], grants: [], rowRules: [] }, '/roles/1/name'],
    [
      { roles: [role({ name: 'a' })], grants: [{ role: 'b', coordinate: 'X.y', effect: 'ALLOW', validUntil: null }], rowRules: [] },
      '/grants/0/role',
    ],
    [
      {
        roles: [role({ name: 'a' })],
        grants: [
          { role: 'a', coordinate: 'X.y', effect: 'ALLOW', validUntil: null },
          { role: 'a', coordinate: 'X.y', effect: 'DENY', validUntil: null },
        ],
        rowRules: [],
      },
      '/grants/1',
    ],
    [{ roles: [role({ name: 'a' })], grants: [], rowRules: [{ role: 'a', coordinate: 'X', condition: {} }] }, '/rowRules/0/condition'],
    [
      { roles: [role({ name: 'a' })], grants: [], rowRules: [{ role: 'a', coordinate: 'X', condition: { 'a/b': 'x' } }] },
      '/rowRules/0/condition/a~1b',
    ],
    [
      { roles: [role({ name: 'a' })], grants: [], rowRules: [{ role: 'a', coordinate: 'X', condition: { column: 1 } }] },
      '/rowRules/0/condition/column',
    ],
    [{ roles: [], grants: [] }, '/rowRules'],
    [[], ''],
  ])('refuses %j at %s', (policy, at) => {
    expect(refusal(() => validatePolicy(policy))).toEqual({ code: 'INVALID_POLICY', pointer: at })
  })
})

describe('validateRowRule claims', () => {
  it('accepts the claims a verified identity carries and refuses any other', () => {
    for (const claim of ['department', 'sub', 'purpose']) {
      expect(
        validateRowRule({ role: 'staff', coordinate: 'EghCase', condition: { column: 'district', claim } }, '', () => true).condition.claim,
      ).toBe(claim)
    }
    expect(() =>
      validateRowRule({ role: 'staff', coordinate: 'EghCase', condition: { column: 'district', claim: 'district' } }, '', () => true),
    ).toThrow(expect.objectContaining({ code: 'INVALID_POLICY', pointer: '/condition/claim' }))
  })
})
