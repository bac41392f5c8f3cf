import { describe, expect, it } from 'vitest'
import { rowFilters } from './row-filters.js'
import { TEST_ROLES, principal } from '../../test/helpers/policy-fixtures.js'
import type { PolicySnapshot, RowRule } from './types.js'

const snapshot = (rowRules: RowRule[]): PolicySnapshot => ({
  version: 1,
  roles: new Map(TEST_ROLES.map(r => [r.name, r])),
  grants: [],
  rowRules,
  loadedAt: new Date(),
})
const rule = (role: string, condition: Record<string, string>, coordinate = 'AllocationRecord'): RowRule => ({
  role,
  coordinate,
  condition,
})

describe('rowFilters', () => {
  it('resolves fixed values and verified claims; a missing claim matches nothing', () => {
    const s = snapshot([
      rule('staff', { column: 'route', equals: 'UKRAINE_24' }),
      rule('staff', { column: 'district', claim: 'department' }),
    ])
    expect(rowFilters(s, principal(['staff'], 'asylum'))).toEqual([
      {
        coordinate: 'AllocationRecord',
        anyOf: [
          [
            { field: 'route', value: 'UKRAINE_24' },
            { field: 'district', value: 'asylum' },
          ],
        ],
      },
    ])
    expect(rowFilters(s, principal(['staff'], null))[0].anyOf[0][1]).toEqual({ field: 'district', value: null })
  })

  it('combines roles as a union: a role without a rule on the type lifts the restriction', () => {
    const s = snapshot([rule('staff', { column: 'route', equals: 'A' }), rule('department_head', { column: 'route', equals: 'B' })])
    expect(rowFilters(s, principal(['staff', 'department_head'], 'asylum'))[0].anyOf).toEqual([
      [{ field: 'route', value: 'A' }],
      [{ field: 'route', value: 'B' }],
    ])
    expect(rowFilters(s, principal(['staff', 'controlling'], 'asylum'))).toEqual([])
  })

  it('ignores rules of roles the principal does not hold', () => {
    expect(rowFilters(snapshot([rule('committee', { column: 'route', equals: 'A' })]), principal(['staff'], 'asylum'))).toEqual([])
  })
})
