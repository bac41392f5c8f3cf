import { CITY_AGS } from '../../platform/city.js'
import { createRng } from '../../lib/seed/prng.js'
import type { DailyMetric } from './db.js'

/** The Landesuntersuchungsamt published daily figures from March 2020 until 7 April 2023. */
export const DAILY_FIRST_DAY = '2020-03-01'
export const DAILY_LAST_DAY = '2023-04-07'
export const DAILY_METRICS: readonly DailyMetric[] = ['COVID_CASES', 'COVID_INC7', 'COVID_INC7_USAF', 'HOSP_INC7', 'ICU_SHARE']

/**
 * Declared denominator of the 7-day incidence: the official population (OFFICIAL_UPDATE) at 31.12. of
 * the year before, as the population department publishes it (≈ register − 0.5 %; 2022 [V]).
 */
export const INCIDENCE_DENOMINATOR: Readonly<Record<number, number>> = { 2020: 100_396, 2021: 99_799, 2022: 100_097, 2023: 101_228 }
/** Members of the US forces and their families counted in the "+USAF" incidence [S]. */
export const USAF_POPULATION = 4_800

/**
 * The city's 7-day incidence the cases are drawn around: the autumn 2020 climb through the Aktionsplan
 * bands (22 → 36 → 65 → 87 [V]), 51.6 in April 2021 [V], the Delta wave, Omicron in 2022 [S].
 */
const INCIDENCE_KNOTS: ReadonlyArray<[string, number]> = [
  ['2020-03-01', 0.5],
  ['2020-03-28', 32],
  ['2020-04-25', 7],
  ['2020-05-20', 1.5],
  ['2020-07-10', 2],
  ['2020-08-20', 11],
  ['2020-09-20', 9],
  ['2020-10-05', 22],
  ['2020-10-12', 36],
  ['2020-10-21', 65],
  ['2020-10-29', 87],
  ['2020-11-15', 135],
  ['2020-12-18', 205],
  ['2021-01-12', 150],
  ['2021-02-15', 58],
  ['2021-03-01', 55],
  ['2021-03-27', 112],
  ['2021-04-12', 72],
  ['2021-04-22', 51.6],
  ['2021-05-15', 34],
  ['2021-06-10', 7],
  ['2021-07-10', 5],
  ['2021-08-15', 42],
  ['2021-09-15', 88],
  ['2021-10-10', 70],
  ['2021-11-22', 360],
  ['2021-12-10', 410],
  ['2021-12-28', 240],
  ['2022-01-25', 1_150],
  ['2022-02-20', 1_550],
  ['2022-03-20', 1_980],
  ['2022-04-20', 880],
  ['2022-05-20', 390],
  ['2022-06-10', 300],
  ['2022-07-10', 790],
  ['2022-08-10', 340],
  ['2022-09-15', 290],
  ['2022-10-15', 890],
  ['2022-11-10', 340],
  ['2022-12-15', 290],
  ['2023-01-15', 95],
  ['2023-02-15', 115],
  ['2023-03-15', 98],
  ['2023-04-07', 40],
]
/** Reports arrive unevenly over the week (fewer on weekends, catch-up on Mondays); mean 1. */
const WEEKDAY = [0.8, 1.15, 1.1, 1.05, 1.05, 1.0, 0.85] // Sun … Sat

const DAY = 86_400_000
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const round1 = (v: number) => Math.round(v * 10) / 10
const KNOTS = INCIDENCE_KNOTS.map(([d, v]) => [dayMs(d), Math.log(v)] as const)

/** Log-linear between knots. */
function targetIncidence(ms: number): number {
  for (let i = 1; i < KNOTS.length; i++) {
    const [t1, v1] = KNOTS[i]
    const [t0, v0] = KNOTS[i - 1]
    if (ms <= t1) return Math.exp(v0 + ((v1 - v0) * (ms - t0)) / (t1 - t0))
  }
  return Math.exp(KNOTS[KNOTS.length - 1][1])
}

/** Hospitalisations per 100 cases a week later: high in the first waves, ≈ 4 % with Delta, < 1 % with Omicron [S]. */
const hospitalRatio = (day: string) => (day < '2021-07-01' ? 0.055 : day < '2022-01-01' ? 0.04 : 0.009)
/**
 * ICU share (statewide) the hospital load points to: ≈ 12–15 % in the second wave, hospitalisation 2–5 ↔ ICU 4.7–6 %
 * in Sep 2021 [V] (more non-COVID patients back in the ICUs), Omicron filled fewer ICU beds [S].
 */
const icuTarget = (day: string, hosp: number) =>
  day < '2021-07-01' ? 1 + 1.1 * hosp : day < '2022-01-01' ? 3.5 + 0.55 * hosp : 3.5 + 0.3 * hosp

export interface DailyMetricRow {
  day: string
  ags: string
  metric: DailyMetric
  value: number
  source: string
}

/**
 * Daily cases drawn around the target incidence; the incidences are then computed from those cases
 * (Σ 7 days × 100,000 ÷ declared denominator), so COVID_INC7 is reproducible from COVID_CASES.
 * Hospitalisation incidence (Versorgungsgebiet Westpfalz) lags the incidence by a week; the ICU share
 * follows the 7-day mean of the hospitalisation incidence with a few days' inertia.
 */
export function dailyMetricRows(): DailyMetricRow[] {
  const rng = createRng('soc', 'daily_metric', CITY_AGS)
  const days: string[] = []
  for (let t = dayMs(DAILY_FIRST_DAY); t <= dayMs(DAILY_LAST_DAY); t += DAY) days.push(new Date(t).toISOString().slice(0, 10))
  const cases: number[] = []
  const usaf: number[] = []
  const inc7: number[] = []
  const hosp: number[] = []
  let icu = 1
  const rows: DailyMetricRow[] = []
  const add = (day: string, metric: DailyMetric, value: number, source: string) => rows.push({ day, ags: CITY_AGS, metric, value, source })
  const sum7 = (xs: number[], i: number) => xs.slice(Math.max(0, i - 6), i + 1).reduce((a, b) => a + b, 0)
  days.forEach((day, i) => {
    const year = Number(day.slice(0, 4))
    const pop = INCIDENCE_DENOMINATOR[year]
    const expected = ((targetIncidence(dayMs(day)) * pop) / 100_000 / 7) * WEEKDAY[new Date(dayMs(day)).getUTCDay()]
    cases.push(rng.poisson(expected))
    usaf.push(rng.poisson(cases[i] * 0.1))
    inc7.push(round1((sum7(cases, i) * 100_000) / pop))
    const lagged = inc7[Math.max(0, i - 7)]
    hosp.push(Math.max(0, round1(lagged * hospitalRatio(day) + rng.normal(0, 0.25))))
    const hospMean = hosp.slice(Math.max(0, i - 6), i + 1).reduce((a, b) => a + b, 0) / Math.min(7, i + 1)
    // Beds fill and empty over days: the share moves a seventh of the way towards its target each day.
    icu += (icuTarget(day, hospMean) - icu) / 7
    add(day, 'COVID_CASES', cases[i], 'Gesundheitsamt Kaiserslautern')
    add(day, 'COVID_INC7', inc7[i], 'LUA Rheinland-Pfalz')
    add(
      day,
      'COVID_INC7_USAF',
      round1(((sum7(cases, i) + sum7(usaf, i)) * 100_000) / (pop + USAF_POPULATION)),
      'LUA Rheinland-Pfalz (+USAF)',
    )
    add(day, 'HOSP_INC7', hosp[i], 'LUA Rheinland-Pfalz (Versorgungsgebiet Westpfalz)')
    add(day, 'ICU_SHARE', Math.min(35, Math.max(0, round1(icu + rng.normal(0, 0.15)))), 'DIVI-Intensivregister (Rheinland-Pfalz)')
  })
  return rows
}
