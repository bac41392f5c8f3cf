import { describe, expect, it } from 'vitest'
import { addDays, bandLevel, computeWarnGauge, isoWeekday, readingLevel, ruleSetOn, windowOf, type DayValues } from './warn-gauge.js'
import { RLP_AKTIONSPLAN_2020 as PLAN, RLP_WARNSTUFEN_2021 as STUFEN, RULE_SETS } from './rule-sets.js'

/** Consecutive days from `first`, one incidence value each. */
const incidences = (first: string, values: number[]): DayValues[] => values.map((incidence7, i) => ({ day: addDays(first, i), incidence7 }))
/** Consecutive days from `first`, [incidence, hospitalisation, ICU share] each. */
const triples = (first: string, values: Array<[number | null, number | null, number | null]>): DayValues[] =>
  values.map(([incidence7, hospitalization7, icuShare], i) => ({ day: addDays(first, i), incidence7, hospitalization7, icuShare }))
const last = (s: DayValues[]) => s[s.length - 1].day
const gauge = (rule = PLAN, s: DayValues[], day = last(s)) => computeWarnGauge(rule, day, s)!

describe('warning gauge, RLP Aktionsplan 2020 (7-day incidence)', () => {
  const bands = PLAN.indicators[0].bands
  it.each([
    [0, 0],
    [19, 0],
    [19.9, 0],
    [20, 1],
    [34, 1],
    [34.9, 1],
    [35, 2],
    [49.9, 2],
    [50, 2],
    [50.1, 3],
    [51, 3],
    [412, 3],
  ])('puts %d in level %d', (value, level) => {
    expect(bandLevel(bands, value)).toBe(level)
  })

  it('follows the day at once below red: 22 → yellow, 36 → orange, 19 → green', () => {
    const s = incidences('2020-10-01', [10, 22, 36, 19])
    expect(s.map(d => gauge(PLAN, s, d.day).level)).toEqual([0, 1, 2, 0])
    expect(gauge(PLAN, s, '2020-10-02')).toMatchObject({ value: 22, label: 'Warnstufe (gelb)', color: '#fee08b' })
  })

  it('turns red only on the third consecutive day above 50, orange before', () => {
    const s = incidences('2020-10-20', [30, 40, 51, 52, 65])
    expect(s.map(d => gauge(PLAN, s, d.day).level)).toEqual([1, 2, 2, 2, 3])
    expect(s.map(d => gauge(PLAN, s, d.day).daysAboveThreshold)).toEqual([0, 0, 1, 2, 3])
    expect(gauge(PLAN, s).readingLevel).toBe(3)
  })

  it('restarts the count when a day is at 50 (not above)', () => {
    const s = incidences('2020-10-20', [40, 51, 52, 50, 60, 61])
    expect(s.map(d => gauge(PLAN, s, d.day).level)).toEqual([2, 2, 2, 2, 2, 2])
    const t = [...s, { day: addDays(last(s), 1), incidence7: 62 }]
    expect(gauge(PLAN, t).level).toBe(3)
  })

  it('leaves red only after three consecutive days at 50 or below, to the highest of those days', () => {
    const s = incidences('2020-11-01', [60, 60, 60, 49, 48, 60, 50, 40, 30, 25])
    //                                  start red → 49,48 (2 days) → 60 breaks → 50,40,30: orange on day 9
    expect(s.map(d => gauge(PLAN, s, d.day).level)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 2, 1])
  })

  it('jumps from green straight to orange on a value above 50 (red still needs three days)', () => {
    const s = incidences('2020-10-01', [10, 10, 80])
    expect(gauge(PLAN, s).level).toBe(2)
  })

  it('reports the bands with their boundaries and the 7-day trend', () => {
    const s = incidences('2020-10-01', [10, 12, 14, 16, 18, 20, 22, 31])
    const g = gauge(PLAN, s)
    expect(g.trend7d).toBe(21) // 31 on 10-08 minus 10 on 10-01
    expect(g.bands).toEqual([
      { level: 0, from: null, to: 20, fromInclusive: true, label: 'Grün', color: '#1a9850' },
      { level: 1, from: 20, to: 35, fromInclusive: true, label: 'Warnstufe (gelb)', color: '#fee08b' },
      { level: 2, from: 35, to: 50, fromInclusive: true, label: 'Gefahrenstufe (orange)', color: '#fc8d59' },
      { level: 3, from: 50, to: null, fromInclusive: false, label: 'Alarmstufe (rot)', color: '#d73027' },
    ])
  })

  it('has no gauge without any value', () => {
    expect(computeWarnGauge(PLAN, '2020-10-01', [{ day: '2020-10-01', incidence7: null }])).toBeNull()
  })
})

describe('warning gauge, RLP Warnstufen 2021 (2 of 3 lead indicators, working days)', () => {
  // 2021-10-04 is a Monday.
  const MON = '2021-10-04'
  it('knows its calendar', () => {
    expect(isoWeekday(MON)).toBe(1)
    expect(isoWeekday('2021-10-09')).toBe(6)
    expect(isoWeekday('2021-10-10')).toBe(7)
  })

  it.each([
    [[100, 4.9, 5.9], 1], // every indicator just below its Warnstufe-2 boundary
    [[100.1, 5, 0], 2], // incidence > 100 and hospitalisation ≥ 5: two of three
    [[101, 0, 6], 2], // incidence and ICU ≥ 6 %
    [[0, 5, 6], 2], // hospitalisation and ICU
    [[250, 4, 5], 1], // only one indicator in any higher range
    [[250, 7, 2], 2], // one in Warnstufe 3, one in 2: both reach 2, only one reaches 3
    [[200, 10, 12], 3], // incidence 200 is not > 200, but hospitalisation and ICU reach 3
    [[201, 10, 0], 3],
    [[120, null, null], null], // one known indicator cannot make a 2-of-3 quorum
    [[120, 6, null], 2],
  ] as Array<[[number | null, number | null, number | null], number | null]>)('reads %j as level %s', ([i, h, c], level) => {
    expect(readingLevel(STUFEN, { day: MON, incidence7: i, hospitalization7: h, icuShare: c })).toBe(level)
  })

  it('escalates after 3 consecutive working days in range, effective the day after next', () => {
    // Mon, Tue below; Wed, Thu, Fri two of three in Warnstufe 2; weekend; Mon …
    const s = triples(MON, [
      [50, 2, 3],
      [60, 3, 3],
      [120, 5, 3],
      [130, 6, 3],
      [140, 6, 3],
      [150, 6, 3],
      [150, 6, 3],
      [160, 6, 3],
    ])
    const levels = s.map(d => gauge(STUFEN, s, d.day).level)
    // Confirmed on Fri 10-08 → in force from Sun 10-10.
    expect(levels).toEqual([1, 1, 1, 1, 1, 1, 2, 2])
    expect(gauge(STUFEN, s, '2021-10-08').daysAboveThreshold).toBe(3)
    expect(gauge(STUFEN, s, '2021-10-08').readingLevel).toBe(2)
  })

  it('counts working days across a weekend and ignores weekend readings', () => {
    // Wed below; Thu, Fri in range; Sat, Sun below (not counted); Mon in range → confirmed Mon 10-11, in force Wed 10-13.
    const s = triples('2021-10-06', [
      [20, 1, 1],
      [120, 6, 3],
      [120, 6, 3],
      [20, 1, 1],
      [20, 1, 1],
      [120, 6, 3],
      [120, 6, 3],
      [120, 6, 3],
    ])
    expect(s.map(d => gauge(STUFEN, s, d.day).level)).toEqual([1, 1, 1, 1, 1, 1, 1, 2])
    expect(gauge(STUFEN, s, '2021-10-11').daysAboveThreshold).toBe(3)
  })

  it('does not escalate when the 2-of-3 quorum fails on one of the days', () => {
    // Mon below; Tue in range; Wed only incidence (1 of 3) breaks the run; Thu, Fri in range.
    const s = triples(MON, [
      [20, 1, 1],
      [120, 6, 3],
      [120, 4, 3],
      [120, 6, 3],
      [120, 6, 3],
    ])
    expect(s.map(d => gauge(STUFEN, s, d.day).level)).toEqual([1, 1, 1, 1, 1])
    // The weekend does not count; Mon 10-11 completes the run → in force Wed 10-13.
    const t = [
      ...s,
      ...triples('2021-10-09', [
        [0, 0, 0],
        [0, 0, 0],
        [120, 6, 3],
        [120, 6, 3],
        [120, 6, 3],
      ]),
    ]
    expect(t.slice(5).map(d => gauge(STUFEN, t, d.day).level)).toEqual([1, 1, 1, 1, 2])
  })

  it('de-escalates after 3 consecutive working days below, to the highest range those days reached', () => {
    // Starts in Warnstufe 3 (Mon), drops to Warnstufe 2 readings Tue–Thu → confirmed Thu, in force Sat.
    const s = triples(MON, [
      [250, 12, 13],
      [150, 6, 3],
      [150, 6, 3],
      [150, 6, 3],
      [150, 6, 3],
      [150, 6, 3],
    ])
    expect(s.map(d => gauge(STUFEN, s, d.day).level)).toEqual([3, 3, 3, 3, 3, 2])
  })

  it('escalates from 2 to 3 only on three days in the Warnstufe-3 range', () => {
    const s = triples(MON, [
      [150, 6, 3],
      [250, 11, 3],
      [250, 11, 3],
      [250, 4, 3],
      [250, 11, 3],
    ])
    // Thu (only the incidence above Warnstufe 1 → reading 1) breaks the Warnstufe-3 run.
    expect(s.map(d => gauge(STUFEN, s, d.day).level)).toEqual([2, 2, 2, 2, 2])
  })
})

describe('rule set choice and the window', () => {
  it('picks the rule set valid on the day', () => {
    expect(ruleSetOn(RULE_SETS, '2020-10-26')?.id).toBe('RLP_AKTIONSPLAN_2020')
    expect(ruleSetOn(RULE_SETS, '2021-09-11')?.id).toBe('RLP_AKTIONSPLAN_2020')
    expect(ruleSetOn(RULE_SETS, '2021-09-12')?.id).toBe('RLP_WARNSTUFEN_2021')
    expect(ruleSetOn(RULE_SETS, '2019-12-31')).toBeNull()
  })

  it("keeps the 14 days up to the day, the day's own values winning", () => {
    const recent = incidences(
      '2020-10-01',
      Array.from({ length: 20 }, (_, i) => i),
    )
    const w = windowOf('2020-10-16', recent, { day: '2020-10-16', incidence7: 99 })
    expect(w.map(d => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => addDays('2020-10-03', i)))
    expect(w.at(-1)).toEqual({ day: '2020-10-16', incidence7: 99 })
  })
})
