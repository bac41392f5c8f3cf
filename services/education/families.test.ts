import { describe, expect, it } from 'vitest'
import { kitaFamilyPlan } from './families.js'

describe('education suppression families', () => {
  it('a family whose hidden cell cannot be protected is withheld whole from aggregate-only roles (fail closed)', () => {
    const district = (districtCode: string, childrenU3: number, placesU3: number) => ({
      districtCode,
      childrenU3,
      children3to6: 40,
      placesU3,
      placesTotal: 80,
    })
    const sound = kitaFamilyPlan([district('01', 12, 20), district('02', 2, 20)])
    expect(sound.unprotected).toEqual([])
    expect(sound.hiddenOf('02').childrenU3).toBe(true)
    expect(sound.hiddenOf('01').children3to6).toBe(false)
    // Two children on two approved places: the open places pin the hidden count to 1…2, and no other cell
    // of the family can widen that.
    const pinned = kitaFamilyPlan([district('01', 12, 20), district('02', 2, 2)])
    expect(pinned.unprotected).toEqual(['02|childrenU3'])
    for (const code of ['01', '02']) expect(pinned.hiddenOf(code)).toEqual({ childrenU3: true, children3to6: true })
  })
})
