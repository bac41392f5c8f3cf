import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startCity, type RunningCity } from '../helpers/start-city.js'
import { RULE_SETS } from '../../services/catalog/rule-sets.js'
import { computeWarnGauge, windowOf } from '../../services/catalog/warn-gauge.js'

/**
 * The catalog through the gateway. The warning-gauge part needs the department that serves
 * HealthDay (social); it runs whenever that department is present.
 */

let city: RunningCity
beforeAll(async () => {
  city = await startCity(inject('cityDatabaseUrl'))
})
afterAll(async () => {
  await city?.stop()
})

describe('catalog through the gateway', () => {
  it('shows the public the open datasets with freshness, and controlling all of them', async () => {
    const q = '{ datasets { id openData freshness stale license politicalGeocodingURI } }'
    const pub = await city.query(q)
    expect(pub.errors).toBeUndefined()
    const all = await city.queryAs('controlling', q)
    expect(all.errors).toBeUndefined()
    expect(pub.data.datasets.every((d: any) => d.openData)).toBe(true)
    expect(all.data.datasets.filter((d: any) => d.openData)).toEqual(pub.data.datasets)
    expect(all.data.datasets.some((d: any) => !d.openData)).toBe(true)
    expect(pub.data.datasets.every((d: any) => d.politicalGeocodingURI.endsWith('/municipalityKey/07312000'))).toBe(true)
  })

  it("lets an asylum department head see the asylum department's closed datasets only", async () => {
    const res = await city.queryAs('department_head', '{ datasets(openData: false) { id department } }', undefined, {
      department: 'asylum',
    })
    expect(res.errors).toBeUndefined()
    expect(res.data.datasets.length).toBeGreaterThan(0)
    expect(res.data.datasets.every((d: any) => d.department === 'asylum')).toBe(true)
  })
})

// Runs once services/social exists (the department serving HealthDay); the guard goes when it has landed.
describe("warning gauge through the gateway, on the social department's series", () => {
  const GAUGE = `query ($day: Date!) { municipality(ags: "07312000") { healthDay(day: $day) {
    day incidence7 hospitalization7 icuShare recent { day incidence7 hospitalization7 icuShare }
    warnGauge { day value level readingLevel ruleSet daysAboveThreshold bands { level from to } provenance { stichtag } } } } }`

  // Oct 2020 (Aktionsplan: the city went from yellow to red), Nov 2021 (Warnstufen, a Monday).
  it.each(['2020-10-25', '2020-11-02', '2021-11-15'])(
    "computes the gauge for %s from the department's own series, for the public too",
    async day => {
      const res = await city.query(GAUGE, { day })
      expect(res.errors).toBeUndefined()
      const h = res.data.municipality.healthDay
      expect(h).not.toBeNull()
      expect(h.recent).toHaveLength(14)
      const rule = RULE_SETS.find(r => r.validFrom <= day && (r.validTo === null || day <= r.validTo))!
      expect(h.warnGauge).toMatchObject({ day, value: h.incidence7, ruleSet: rule.id, provenance: { stichtag: day } })
      // The day's reading from the published thresholds, written out here.
      const inc = h.incidence7
      if (rule.id === 'RLP_AKTIONSPLAN_2020') {
        expect(h.warnGauge.readingLevel).toBe(inc > 50 ? 3 : inc >= 35 ? 2 : inc >= 20 ? 1 : 0)
      } else {
        const reached = (level: 2 | 3) =>
          [inc > (level === 3 ? 200 : 100), h.hospitalization7 >= (level === 3 ? 10 : 5), h.icuShare >= (level === 3 ? 12 : 6)].filter(
            Boolean,
          ).length
        expect(h.warnGauge.readingLevel).toBe(reached(3) >= 2 ? 3 : reached(2) >= 2 ? 2 : 1)
      }
      // The level after the consecutive-day rule, from the series the department served.
      const own = { day, incidence7: h.incidence7, hospitalization7: h.hospitalization7, icuShare: h.icuShare }
      expect(h.warnGauge.level).toBe(computeWarnGauge(rule, day, windowOf(day, h.recent, own))!.level)
    },
  )
})
