import { describe, expect, it } from 'vitest'
import { KITA_PLANS_KEPT, kitaFamilyPlan } from './families.js'

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

  it('plans a kita family once per set of figures: equal figures share the plan, changed figures get their own', () => {
    const family = (childrenU3: number) => [
      { districtCode: '01', childrenU3: 12, children3to6: 40, placesU3: 20, placesTotal: 80 },
      { districtCode: '02', childrenU3, children3to6: 40, placesU3: 20, placesTotal: 80 },
    ]
    const small = kitaFamilyPlan(family(2))
    expect(kitaFamilyPlan(family(2))).toBe(small)
    const large = kitaFamilyPlan(family(15))
    expect(large).not.toBe(small)
    expect(small.hiddenOf('02').childrenU3).toBe(true)
    expect(large.hiddenOf('02').childrenU3).toBe(false)
    // Bounded: after KITA_PLANS_KEPT other families the first is planned afresh (an equal, new plan).
    for (let n = 100; n < 100 + KITA_PLANS_KEPT; n++) kitaFamilyPlan(family(n))
    const again = kitaFamilyPlan(family(2))
    expect(again).not.toBe(small)
    expect([...again.hidden]).toEqual([...small.hidden])
  })
})
