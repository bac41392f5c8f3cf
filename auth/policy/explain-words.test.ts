import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { explain } from './explain.js'
import { fieldOwners, readRequirements } from './requirements.js'
import type { CoordinateGrant, PolicySnapshot } from './types.js'
import { TEST_ROLES as ROLES, TEST_SUPERGRAPH as SUPERGRAPH, principal } from '../../test/helpers/policy-fixtures.js'
import { reasonText } from '../../web/src/admin/warum/words.js'

// The console says explain's reasons in German (web/src/admin/warum/words.ts, one pattern per reason explain.ts
// writes). Every reason explain can give — random roles, departments, grants, expiries, coordinates — must match a
// pattern, so a new or reworded reason fails here instead of reaching the screen in English.

const requirements = readRequirements(SUPERGRAPH)
const owners = fieldOwners(SUPERGRAPH)
const apiSchema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: SUPERGRAPH })
const COORDINATES = [...owners.keys(), 'Nope.nothing']
const ROLE_NAMES = ROLES.map(r => r.name)

describe('explain reasons in German', () => {
  it('every reason explain gives has a German wording', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        fc.subarray([...ROLE_NAMES, 'ghost']),
        fc.constantFrom(null, 'asylum', 'population'),
        fc.array(
          fc.record({
            role: fc.constantFrom(...ROLE_NAMES),
            coordinate: fc.constantFrom(...COORDINATES, ...new Set(COORDINATES.map(c => `${c.split('.')[0]}.*`))),
            effect: fc.constantFrom<'ALLOW' | 'DENY'>('ALLOW', 'DENY'),
            validUntil: fc.constantFrom(null, '2000-01-01', '2999-01-01'),
          }),
          { maxLength: 6 },
        ),
        fc.constantFrom(...COORDINATES),
        fc.boolean(),
        (roles, department, grants, coordinate, expiredRole) => {
          const roleList = ROLES.map(r => (expiredRole && r.name === roles[0] ? { ...r, validUntil: '2000-01-01' } : r))
          const snapshot: PolicySnapshot = {
            version: 7,
            roles: new Map(roleList.map(r => [r.name, r])),
            grants: grants as CoordinateGrant[],
            rowRules: [],
            loadedAt: new Date(),
          }
          const e = explain({ snapshot, requirements, owners, apiSchema, principal: principal(roles, department), coordinate })
          for (const reason of e.reasons) {
            const german = reasonText(reason, 'de')
            expect(german, reason).not.toBe(reason)
            seen.add(reason.split(' ')[0])
          }
        },
      ),
      { numRuns: 400 },
    )
    // The run reached the different kinds of reason, not one kind 400 times.
    expect(seen.size).toBeGreaterThanOrEqual(5)
  })

  it('says requirement and class in German', () => {
    expect(reasonText('class internal (declared): requires (internal) OR (asylum:internal)', 'de')).toBe(
      'Klasse intern (von der Abteilung eingestuft): erfordert (internal) oder (asylum:internal).',
    )
    expect(reasonText('held scopes satisfy the requirement', 'en')).toBe('held scopes satisfy the requirement')
  })
})
