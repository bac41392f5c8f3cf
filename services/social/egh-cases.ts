import { DISTRICTS, FIRST_DATA_YEAR } from '../../platform/city.js'
import { createRng, type Rng } from '../../lib/seed/prng.js'
import { seededRecordKey } from '../../lib/disclosure/cell-key.js'
import type { EghBenefitGroup, EghCaseTable } from './db.js'

/** A case of the demo register as the seed writes it: with its deterministic record key. */
export type EghCaseSeed = Omit<EghCaseTable, 'rkey'> & { rkey: number }

/** The case register is evaluated once a year; the last complete year is 2025. */
export const EGH_STICHTAG = '2025-12-31'
export const EGH_LAST_YEAR = 2025

interface GroupSpec {
  /** Share of the recipients (demo data, docs/data-model.md#demo-data). */
  share: number
  /** Mean duration of a case in years (exponential). */
  meanYears: number
  /** Yearly gross cost per case, EUR (WfbM ≈ 19–21 k€ [V national 2022/2023]). */
  cost: [number, number]
  ages: Array<[string, number]>
}

const ADULT = (young: number, mid: number, older: number, old: number): Array<[string, number]> => [
  ['18-29', young],
  ['30-49', mid],
  ['50-64', older],
  ['65+', old],
]

/** MED_REHA is a valid benefit group of the register but has no cases in the demo (§11.7 mix). */
export const BENEFIT_GROUPS: Readonly<Record<EghBenefitGroup, GroupSpec | null>> = {
  SOZIALE_TEILHABE_WOHNEN: { share: 0.35, meanYears: 9, cost: [28_000, 52_000], ages: ADULT(20, 35, 30, 15) },
  SOZIALE_TEILHABE_ASSISTENZ: { share: 0.15, meanYears: 4, cost: [9_000, 26_000], ages: ADULT(30, 35, 25, 10) },
  ARBEITSLEBEN_WFBM: { share: 0.3, meanYears: 12, cost: [18_500, 21_500], ages: ADULT(30, 40, 30, 0) },
  BILDUNG_SCHULBEGLEITUNG: { share: 0.12, meanYears: 3, cost: [14_000, 32_000], ages: [['7-17', 1]] },
  MED_REHA: null,
  FRUEHFOERDERUNG: { share: 0.08, meanYears: 1.5, cost: [4_000, 9_000], ages: [['0-6', 1]] },
}
export const BENEFIT_GROUP_ORDER = Object.keys(BENEFIT_GROUPS) as EghBenefitGroup[]

/**
 * Open cases at 31.12. of a year, city-wide: ≈ 860 in 2015 growing by 20 a year. Counting every case
 * open at some time of the year (the recipients of the year) adds the year's new cases: ≈ 1,000 → 1,300
 * (≈ 1 % of the population, docs/data-model.md#demo-data).
 */
const openCases = (year: number) => 860 + 20 * (year - FIRST_DATA_YEAR)

const DAY = 86_400_000
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[items.length - 1][0]
}

const DISTRICT_WEIGHTS = DISTRICTS.map(d => [d.code, d.population2025] as const)
/** At least three months of support; exponential otherwise. */
const duration = (rng: Rng, meanYears: number) => Math.max(90, Math.round(-Math.log(1 - rng.next()) * meanYears * 365.25))

/**
 * The pseudonymised case register: cases open on 1.1.2015 plus the new cases of each year up to the
 * Stichtag, per benefit group with its duration, age and cost profile; districts in proportion to their
 * residents, ≈ 58 % men. Cases ending after the Stichtag are open (end null). Each case carries the record
 * key `seededRecordKey('soc.egh_case', id)`: a reseed gives every case its key back (a real register import
 * gets random keys from the column default instead).
 */
export function eghCases(): EghCaseSeed[] {
  const cases: Array<Omit<EghCaseSeed, 'id' | 'rkey'>> = []
  const stichtag = dayMs(EGH_STICHTAG)
  for (const group of BENEFIT_GROUP_ORDER) {
    const spec = BENEFIT_GROUPS[group]
    if (!spec) continue
    const rng = createRng('soc', 'egh_case', group)
    const add = (start: number, end: number) => {
      const cost = Math.round(spec.cost[0] + rng.next() * (spec.cost[1] - spec.cost[0]))
      cases.push({
        benefit_group: group,
        district_code: weighted(rng, DISTRICT_WEIGHTS),
        age_group: weighted(rng, spec.ages),
        sex: rng.chance(0.005) ? 'D' : rng.chance(0.58) ? 'M' : 'W',
        start_date: toDay(start),
        end_date: end > stichtag ? null : toDay(end),
        yearly_cost: cost.toFixed(2),
      })
    }
    // Open on 1.1.2015: started up to a few mean durations earlier, remaining time again exponential.
    const first = dayMs(`${FIRST_DATA_YEAR}-01-01`)
    for (let k = Math.round(openCases(FIRST_DATA_YEAR - 1) * spec.share); k > 0; k--) {
      add(first - Math.round(rng.next() * spec.meanYears * 365.25) * DAY - DAY, first + duration(rng, spec.meanYears) * DAY)
    }
    for (let year = FIRST_DATA_YEAR; year <= EGH_LAST_YEAR; year++) {
      const target = openCases(year) * spec.share
      const arrivals = Math.round(target / spec.meanYears + (openCases(year) - openCases(year - 1)) * spec.share)
      const yearStart = dayMs(`${year}-01-01`)
      const days = (dayMs(`${year + 1}-01-01`) - yearStart) / DAY
      for (let k = 0; k < arrivals; k++) {
        const start = yearStart + Math.floor(rng.next() * days) * DAY
        add(start, start + duration(rng, spec.meanYears) * DAY)
      }
    }
  }
  // Cases that ended before the first data year never reach the register extract.
  const from = `${FIRST_DATA_YEAR}-01-01`
  const kept = cases.filter(c => c.end_date === null || c.end_date >= from)
  // Pseudonyms carry no order: ids follow a shuffle, rows are stored by start date.
  const rng = createRng('soc', 'egh_case', 'pseudonyms')
  const ids = kept.map((_, i) => i + 1)
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  return kept
    .map((c, i) => {
      const id = `EGH-${String(ids[i]).padStart(6, '0')}`
      return { id, ...c, rkey: seededRecordKey('soc.egh_case', id) }
    })
    .sort((a, b) => (a.start_date < b.start_date ? -1 : a.start_date > b.start_date ? 1 : a.id < b.id ? -1 : 1))
}
