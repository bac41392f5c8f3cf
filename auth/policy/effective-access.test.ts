import { describe, expect, it } from 'vitest'
import type { Principal } from '../principal.js'
import { effectiveAccess, isWithin, resolveScope } from './effective-access.js'
import type { CoordinateGrant, PolicySnapshot, RoleDefinition } from './types.js'
import { TEST_ROLES as ROLES } from '../../test/helpers/policy-fixtures.js'

const snap = (opts: { grants?: CoordinateGrant[]; roles?: RoleDefinition[]; version?: number } = {}): PolicySnapshot => ({
  version: opts.version ?? 7,
  roles: new Map((opts.roles ?? ROLES).map(r => [r.name, r])),
  grants: opts.grants ?? [],
  rowRules: [],
  loadedAt: new Date(),
})
const who = (roles: string[], department: string | null = null): Principal => ({
  subject: 's',
  roles,
  department,
  purpose: null,
  authenticated: true,
})
const NOW = new Date('2026-06-15T12:00:00Z')

describe('effectiveAccess', () => {
  it.each<[string, string[], string | null, string[], boolean, boolean]>([
    // label, roles, department, scopes, aggregateOnly, admin
    ['public', ['public'], null, ['open'], true, false],
    ['committee', ['committee'], null, ['finance:internal', 'open'], true, false],
    ['leadership', ['leadership'], null, ['internal', 'open'], false, false],
    ['department_head of asylum', ['department_head'], 'asylum', ['asylum:internal', 'open'], false, false],
    ['department_head without department drops {department} scopes', ['department_head'], null, ['open'], false, false],
    [
      'staff of population',
      ['staff'],
      'population',
      ['open', 'population:internal', 'population:personal', 'population:special'],
      false,
      false,
    ],
    ['statistics_office', ['statistics_office'], 'asylum', ['open', 'population:internal', 'population:personal'], false, false],
    ['admin', ['admin'], null, [], false, true],
    ['public + committee stays aggregate-only', ['public', 'committee'], null, ['finance:internal', 'open'], true, false],
    [
      'committee + leadership is not aggregate-only',
      ['committee', 'leadership'],
      null,
      ['finance:internal', 'internal', 'open'],
      false,
      false,
    ],
    [
      'admin + staff: admin, with staff data',
      ['admin', 'staff'],
      'asylum',
      ['asylum:internal', 'asylum:personal', 'asylum:special', 'open'],
      false,
      true,
    ],
    ['unknown roles grant nothing', ['root', 'superuser'], 'asylum', [], true, false],
    ['unknown next to a known role', ['root', 'leadership'], null, ['internal', 'open'], false, false],
  ])('%s', (_label, roles, department, scopes, aggregateOnly, admin) => {
    const a = effectiveAccess(snap(), who(roles, department), NOW)
    expect([...a.scopes].sort()).toEqual(scopes)
    expect(a.aggregateOnly).toBe(aggregateOnly)
    expect(a.admin).toBe(admin)
    expect(a.policyVersion).toBe(7)
  })

  it('a public-only principal is aggregate-only even if the public role was edited not to be', () => {
    const roles = ROLES.map(r => (r.name === 'public' ? { ...r, aggregateOnly: false } : r))
    expect(effectiveAccess(snap({ roles }), who(['public']), NOW).aggregateOnly).toBe(true)
  })

  it.each<[string, Partial<RoleDefinition>, boolean]>([
    ['no dates', {}, true],
    ['validUntil yesterday', { validUntil: '2026-06-14' }, false],
    ['validUntil today (a date is inclusive)', { validUntil: '2026-06-15' }, true],
    ['validUntil an instant that has passed', { validUntil: '2026-06-15T11:59:59Z' }, false],
    ['validFrom tomorrow', { validFrom: '2026-06-16' }, false],
    ['validFrom today', { validFrom: '2026-06-15' }, true],
    ['unreadable date fails closed', { validUntil: 'soon' }, false],
  ])('role validity: %s', (_label, dates, active) => {
    const roles = ROLES.map(r => (r.name === 'leadership' ? { ...r, ...dates } : r))
    expect(effectiveAccess(snap({ roles }), who(['leadership']), NOW).scopes.has('internal')).toBe(active)
  })

  it('collects valid grants of active roles; DENY beats ALLOW; expired grants and other roles count for nothing', () => {
    const grants: CoordinateGrant[] = [
      { role: 'leadership', coordinate: 'A.x', effect: 'ALLOW', validUntil: null },
      { role: 'leadership', coordinate: 'A.y', effect: 'ALLOW', validUntil: null },
      { role: 'controlling', coordinate: 'A.y', effect: 'DENY', validUntil: null },
      { role: 'leadership', coordinate: 'B.*', effect: 'DENY', validUntil: '2026-06-14' },
      { role: 'leadership', coordinate: 'C.*', effect: 'ALLOW', validUntil: '2026-06-15' },
      { role: 'public', coordinate: 'D.z', effect: 'ALLOW', validUntil: null },
    ]
    const a = effectiveAccess(snap({ grants }), who(['leadership', 'controlling']), NOW)
    expect([...a.allow].sort()).toEqual(['A.x', 'C.*'])
    expect([...a.deny].sort()).toEqual(['A.y'])
  })

  it('grants of an expired role are ignored', () => {
    const roles = ROLES.map(r => (r.name === 'leadership' ? { ...r, validUntil: '2020-01-01' } : r))
    const grants: CoordinateGrant[] = [{ role: 'leadership', coordinate: 'A.x', effect: 'ALLOW', validUntil: null }]
    expect(effectiveAccess(snap({ roles, grants }), who(['leadership']), NOW).allow.size).toBe(0)
  })

  describe('key', () => {
    const key = (roles: string[], department: string | null = null, s = snap()) => effectiveAccess(s, who(roles, department), NOW).key

    it('is shared by principals with the same effective access', () => {
      expect(key(['leadership'])).toBe(key(['controlling']))
      expect(key(['controlling', 'leadership'])).toBe(key(['leadership']))
      expect(key(['department_head'], 'asylum')).toBe(
        effectiveAccess(snap(), { ...who(['department_head'], 'asylum'), subject: 'other' }, NOW).key,
      )
      expect(key(['department_head'])).not.toBe(key(['public'])) // same scopes, but public is aggregate-only
    })

    it.each<[string, string, string]>([
      ['department', key(['department_head'], 'asylum'), key(['department_head'], 'finance')],
      ['policy version', key(['public']), key(['public'], null, snap({ version: 8 }))],
      [
        'grants',
        key(['public']),
        key(['public'], null, snap({ grants: [{ role: 'public', coordinate: 'A.x', effect: 'ALLOW', validUntil: null }] })),
      ],
      [
        'denies',
        key(['public']),
        key(['public'], null, snap({ grants: [{ role: 'public', coordinate: 'A.x', effect: 'DENY', validUntil: null }] })),
      ],
      ['admin flag', key(['admin']), key(['root'])],
    ])('differs with %s', (_label, a, b) => {
      expect(a).not.toBe(b)
    })
  })
})

describe('helpers', () => {
  it.each<[string, string | null, string | null]>([
    ['open', null, 'open'],
    ['{department}:internal', 'asylum', 'asylum:internal'],
    ['{department}:internal', null, null],
  ])('resolveScope(%s, %s) = %s', (scope, department, expected) => {
    expect(resolveScope(scope, department)).toBe(expected)
  })

  it('isWithin treats validUntil instants as exclusive', () => {
    expect(isWithin(null, '2026-06-15T12:00:00Z', NOW)).toBe(false)
    expect(isWithin('2026-06-15T12:00:00Z', null, NOW)).toBe(true)
  })
})
