import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { effectiveAccess } from './effective-access.js'
import { explain } from './explain.js'
import { isVisible } from './project-schema.js'
import { fieldOwners, readRequirements } from './requirements.js'
import type { CoordinateGrant, PolicySnapshot } from './types.js'
import { TEST_ROLES as ROLES, TEST_SUPERGRAPH as SUPERGRAPH, grant, principal } from '../../test/helpers/policy-fixtures.js'

const requirements = readRequirements(SUPERGRAPH)
const owners = fieldOwners(SUPERGRAPH)

const snapshot = (grants: CoordinateGrant[] = [], roles = ROLES): PolicySnapshot => ({
  version: 3,
  roles: new Map(roles.map(r => [r.name, r])),
  grants,
  rowRules: [],
  loadedAt: new Date(),
})

const COORDINATES = [...owners.keys()]
const ROLE_NAMES = ROLES.map(r => r.name)
const DEPARTMENTS = [null, 'asylum', 'population', 'finance']

describe('explain ≡ isVisible', () => {
  it('for every coordinate × every default role × department', () => {
    const s = snapshot()
    let compared = 0
    for (const name of ROLE_NAMES) {
      for (const department of DEPARTMENTS) {
        const p = principal([name], department)
        const access = effectiveAccess(s, p)
        for (const coordinate of COORDINATES) {
          const e = explain({ snapshot: s, requirements, owners, principal: p, coordinate })
          expect(e.decision === 'ALLOW', `${name}/${department} ${coordinate}`).toBe(isVisible(coordinate, requirements, owners, access))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('for random role sets, departments and grants (property)', () => {
    const wildcards = [...new Set(COORDINATES.map(c => `${c.split('.')[0]}.*`))]
    fc.assert(
      fc.property(
        fc.subarray([...ROLE_NAMES, 'ghost']),
        fc.constantFrom(...DEPARTMENTS),
        fc.array(
          fc.record({
            role: fc.constantFrom(...ROLE_NAMES),
            coordinate: fc.constantFrom(...COORDINATES, ...wildcards),
            effect: fc.constantFrom<'ALLOW' | 'DENY'>('ALLOW', 'DENY'),
            validUntil: fc.constantFrom(null, '2000-01-01', '2999-01-01'),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom(...COORDINATES),
        (roles, department, grants, coordinate) => {
          const s = snapshot(grants)
          const p = principal(roles, department)
          const e = explain({ snapshot: s, requirements, owners, principal: p, coordinate })
          expect(e.decision === 'ALLOW').toBe(isVisible(coordinate, requirements, owners, effectiveAccess(s, p)))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('explain traces', () => {
  it('public on an internal field (T45): DENY, class internal not granted to role public', () => {
    const e = explain({
      snapshot: snapshot(),
      requirements,
      owners,
      principal: principal(['public']),
      coordinate: 'Accommodation.operator',
    })
    expect(e).toMatchObject({
      decision: 'DENY',
      coordinate: 'Accommodation.operator',
      class: 'internal',
      policyVersion: 3,
      requirement: [['internal'], ['asylum:internal']],
      heldScopes: ['open'],
      matchedGrants: [],
    })
    expect(e.reasons).toContain('class internal not granted to role public: held scopes [open] do not satisfy the requirement')
  })

  it('staff of asylum on a special field: ALLOW by scopes, the type-level requirement included', () => {
    const e = explain({
      snapshot: snapshot(),
      requirements,
      owners,
      principal: principal(['staff'], 'asylum'),
      coordinate: 'AllocationRecord.religion',
    })
    expect(e.decision).toBe('ALLOW')
    expect(e.class).toBe('special')
    expect(e.requirement).toEqual([
      ['special', 'personal'],
      ['special', 'asylum:personal'],
      ['asylum:special', 'personal'],
      ['asylum:special', 'asylum:personal'],
    ])
    expect(e.reasons.join('\n')).toMatch(/type-level requirement/)
  })

  it('an unclassified field names its department', () => {
    const e = explain({
      snapshot: snapshot(),
      requirements,
      owners,
      principal: principal(['department_head'], 'finance'),
      coordinate: 'District.residents',
    })
    expect(e.decision).toBe('DENY')
    expect(e.reasons.join('\n')).toContain('unclassified, so internal of population')
  })

  it('lists matching grants, a DENY winning, and an expired grant', () => {
    const grants = [
      grant('leadership', 'Budget.*', 'ALLOW'),
      grant('controlling', 'Budget.prognose', 'DENY'),
      grant('leadership', 'Budget.prognose', 'ALLOW', '2000-01-01'),
      grant('public', 'Budget.prognose', 'ALLOW'),
    ]
    const e = explain({
      snapshot: snapshot(grants),
      requirements,
      owners,
      principal: principal(['leadership', 'controlling']),
      coordinate: 'Budget.prognose',
    })
    expect(e.decision).toBe('DENY')
    expect(e.matchedGrants).toEqual([grants[0], grants[1]])
    expect(e.reasons).toContain('denied by DENY Budget.prognose (a DENY beats every ALLOW and scope)')
    expect(e.reasons).toContain('ALLOW Budget.prognose of role leadership expired 2000-01-01')
  })

  it('a grant that may not widen personal data for an aggregate-only principal says so', () => {
    const e = explain({
      snapshot: snapshot([grant('public', 'PersonRecord.*')]),
      requirements,
      owners,
      principal: principal(['public']),
      coordinate: 'PersonRecord.birthYear',
    })
    expect(e.decision).toBe('DENY')
    expect(e.reasons).toContain('ALLOW PersonRecord.* ignored: a grant never widens class personal for an aggregate-only principal')
  })

  it('names unknown and expired roles', () => {
    const roles = ROLES.map(r => (r.name === 'leadership' ? { ...r, validUntil: '2001-01-01' } : r))
    const e = explain({
      snapshot: snapshot([], roles),
      requirements,
      owners,
      principal: principal(['ghost', 'leadership']),
      coordinate: 'Budget.ansatz',
    })
    expect(e.decision).toBe('DENY')
    expect(e.reasons).toEqual(
      expect.arrayContaining([
        'role ghost does not exist in policy version 3',
        'role leadership is outside its validity (… – 2001-01-01)',
        'no active role',
      ]),
    )
  })

  it('with the API schema, an ALLOW that cannot appear in the projection says why (decision unchanged)', () => {
    const apiSchema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: SUPERGRAPH })
    const s = snapshot([grant('leadership', 'Query.personRecords')])
    const absent = explain({
      snapshot: s,
      requirements,
      owners,
      apiSchema,
      principal: principal(['leadership']),
      coordinate: 'Query.personRecords',
    })
    expect(absent.decision).toBe('ALLOW')
    expect(absent.reasons).toContain(
      'allowed, but absent from the projected schema: nothing of Query or of PersonRecord is left visible to this principal',
    )
    const present = explain({
      snapshot: s,
      requirements,
      owners,
      apiSchema,
      principal: principal(['leadership']),
      coordinate: 'Budget.prognose',
    })
    expect(present.decision).toBe('ALLOW')
    expect(present.reasons.join('\n')).not.toContain('absent')
  })

  it.each(['Nope.field', 'Budget.nope', 'Budget', 'Budget.*', '', 'AllocationRecord'])('unknown coordinate %j → DENY', coordinate => {
    const e = explain({ snapshot: snapshot(), requirements, owners, principal: principal(['leadership']), coordinate })
    expect(e).toMatchObject({ decision: 'DENY', reasons: ['unknown coordinate'], matchedGrants: [], policyVersion: 3 })
  })
})
