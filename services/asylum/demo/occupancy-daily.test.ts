import { describe, expect, it } from 'vitest'
import { profileYears } from '../../../platform/city.js'
import { ACCOMMODATIONS, capacityOn, isOpenOn } from './accommodations.js'
import { dailyOccupancyRows, occupancyRows } from '../seed.js'

// The `large` profile's daily Belegung, checked without seeding it (the generator is pure).
const years = profileYears('large')
const daily = dailyOccupancyRows(years)
const monthEnds = occupancyRows(years)

describe('daily occupancy (large profile)', () => {
  // docs/data-model.md#demo-data estimates ≈ 55k rows; the 13 facilities of accommodations.ts are open on ≈ 36k facility-days.
  it('has a figure for every day a facility is open (≈ 30 per month-end figure)', () => {
    expect(daily.length).toBeGreaterThan(monthEnds.length * 29)
    expect(daily.length).toBeLessThan(monthEnds.length * 32)
    const keys = new Set(daily.map(r => `${r.accommodation_id}|${r.day}`))
    expect(keys.size).toBe(daily.length)
    for (const acc of ACCOMMODATIONS) {
      const days = daily.filter(r => r.accommodation_id === acc.id).map(r => r.day)
      for (let i = 1; i < days.length; i++) {
        expect(new Date(days[i]).getTime() - new Date(days[i - 1]).getTime()).toBe(86_400_000)
      }
    }
    expect(
      daily.every(r =>
        isOpenOn(
          ACCOMMODATIONS.find(a => a.id === r.accommodation_id)!,
          r.day,
        ),
      ),
    ).toBe(true)
  })

  it('keeps the month-end figures of small and never exceeds the day’s capacity', () => {
    const byKey = new Map(daily.map(r => [`${r.accommodation_id}|${r.day}`, r]))
    for (const m of monthEnds) expect(byKey.get(`${m.accommodation_id}|${m.day}`)).toEqual(m)
    const over = daily.filter(r => r.occupied > r.capacity || r.of_which_recognised > r.occupied || r.occupied < 0)
    expect(over).toEqual([])
    const wrongCapacity = daily.filter(
      r =>
        r.capacity !==
        capacityOn(
          ACCOMMODATIONS.find(a => a.id === r.accommodation_id)!,
          r.day,
        ),
    )
    expect(wrongCapacity).toEqual([])
  })
})
