import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isObjectType } from 'graphql'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { classOfCoordinate, fieldOwners, readRequirements } from '../../auth/policy/requirements.js'
import { effectiveAccess } from '../../auth/policy/effective-access.js'
import { isVisible, projectSchema } from '../../auth/policy/project-schema.js'
import { DEFAULT_ROLES } from '../../auth/policy/store/default-roles.js'
import type { PolicySnapshot } from '../../auth/policy/types.js'
import type { Principal } from '../../auth/principal.js'
import { loadServices, SERVICES_DIR } from '../../lib/service/discover-services.js'
import { SUPERGRAPH_PATH } from '../../schema/supergraph-file.js'

// The whole city graph × every default role: what each role can reach follows from the departments'
// classification and the role's scopes alone, and nothing personal or special is ever open to
// public or committee (deny by default, E1).

const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8')
const requirements = readRequirements(sdl)
const owners = fieldOwners(sdl)
const coordinates = [...owners.keys()]
const apiSchema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: sdl })
const snapshot: PolicySnapshot = {
  version: 1,
  roles: new Map(DEFAULT_ROLES.map(r => [r.name, r])),
  grants: [],
  rowRules: [],
  loadedAt: new Date(),
}
/** The caller's department claim: none, or each department of the supergraph (every folder in services/). */
const DEPARTMENTS = [null, ...(await loadServices(SERVICES_DIR, null)).map(s => s.name)]
const principal = (roles: string[], department: string | null): Principal => ({
  subject: 'p',
  roles,
  department,
  purpose: null,
  authenticated: true,
})
const sensitive = coordinates.filter(c => ['personal', 'special'].includes(classOfCoordinate(c, requirements, owners)))

describe('deny by default over the whole city graph', () => {
  it('has personal and special data to protect', () => {
    expect(sensitive).toContain('Query.allocationRecords')
    expect(sensitive).toContain('AllocationRecord.religion')
  })

  it('asks as every department that owns personal or special data, and as every department of the graph', () => {
    const sensitiveOwners = new Set(sensitive.flatMap(c => owners.get(c) ?? []))
    expect(sensitiveOwners.size).toBeGreaterThan(1)
    for (const owner of sensitiveOwners) expect(DEPARTMENTS).toContain(owner)
    expect(new Set(DEPARTMENTS.filter(d => d !== null))).toEqual(new Set([...owners.values()].flat()))
  })

  it('never shows a personal or special coordinate to any mix of public and committee, whatever the department claim', () => {
    fc.assert(
      fc.property(fc.subarray(['public', 'committee'], { minLength: 1 }), fc.constantFrom(...DEPARTMENTS), (roles, department) => {
        const access = effectiveAccess(snapshot, principal(roles, department))
        return sensitive.every(c => !isVisible(c, requirements, owners, access))
      }),
      { numRuns: 200 },
    )
  })

  it.each(DEFAULT_ROLES.map(r => r.name))("%s: personal and special data only for the owning department's staff", role => {
    for (const department of DEPARTMENTS) {
      const access = effectiveAccess(snapshot, principal([role], department))
      for (const c of sensitive) {
        const ownerIsCaller = department !== null && (owners.get(c) ?? []).includes(department)
        const mayRead = role === 'staff' && ownerIsCaller
        expect(isVisible(c, requirements, owners, access), `${role}/${department} ${c}`).toBe(mayRead)
      }
    }
  })

  it.each(DEFAULT_ROLES.map(r => r.name))('%s: the projected schema holds exactly the visible coordinates', role => {
    const access = effectiveAccess(snapshot, principal([role], 'asylum'))
    const projected = projectSchema(apiSchema, requirements, owners, access)
    for (const type of Object.values(projected.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue
      for (const field of Object.keys(type.getFields())) {
        if (field === 'stadtgraph') continue
        expect(
          isVisible(`${type.name}.${field}`, requirements, owners, access),
          `${role}: ${type.name}.${field} in schema but not visible`,
        ).toBe(true)
      }
    }
  })
})
