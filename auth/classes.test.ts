import { describe, expect, it } from 'vitest'
import { classOf, readsPersonal, type ScopeRequirement } from './classes.js'

describe('readsPersonal', () => {
  const requirements = new Map<string, ScopeRequirement>([
    ['District.code', [['open']]],
    ['District.households', [['special'], ['population:special']]],
    ['Resident', [['population:personal']]],
    ['Budget.total', [['finance:internal']]],
  ])

  it('is true when any named key is of class personal or special', () => {
    expect(readsPersonal(requirements, 'District.households')).toBe(true)
    expect(readsPersonal(requirements, 'District.mayor', 'Resident')).toBe(true)
    expect(readsPersonal(requirements, 'Resident.name', 'String', 'Resident')).toBe(true)
  })

  it('is false for open and internal keys, keys without a requirement and keys not given', () => {
    expect(readsPersonal(requirements, 'District.code', 'ID', undefined)).toBe(false)
    expect(readsPersonal(requirements, 'Budget.total', 'Float')).toBe(false)
    expect(readsPersonal(requirements)).toBe(false)
    expect(classOf(requirements.get('Unknown.field'))).toBe('internal')
  })

  it('answers per requirements map: another supergraph classifies the same key anew', () => {
    expect(readsPersonal(requirements, 'District.code')).toBe(false)
    expect(readsPersonal(new Map([['District.code', [['personal']]]]), 'District.code')).toBe(true)
  })
})
