import { seededRecordKey } from '../../../lib/disclosure/cell-key.js'
import { createRng, type Rng } from '../../../lib/seed/prng.js'
import { MAX_AGE } from '../age-groups.js'
import { NATIONALITY_GROUPS } from './nationality-groups.js'
import type { StockRow } from './stock-generator.js'

/**
 * Pseudonymised register microdata (`pop_micro.person_year`, `large` profile; docs/data-model.md#demo-data):
 * one row per person and Stichtag. Columnar, because the city has ≈ 1.2 M of them and row objects
 * would cost several times the memory.
 */
export interface PersonYearColumns {
  person_pid: number[]
  stichtag: string[]
  district_code: string[]
  birth_year: number[]
  sex: string[]
  nationality: string[]
  second_nationality: Array<string | null>
  born_abroad: boolean[]
  naturalised_year: Array<number | null>
  main_residence: boolean[]
  /** Record key (Cell Key Method): deterministic per person and Stichtag, so a reseed gives every record its key back. */
  rkey: number[]
}

export interface MicrodataOptions {
  /** Share of a year's persons who leave the register before the next Stichtag (death, moving away). */
  exitRate?: number
  /** Share of a DEU cell's shortfall that may be filled by naturalising foreigners of the same age and sex. */
  naturalisationShare?: number
}

/** Nationalities behind the aggregate group OTHER: real ISO 3166-1 alpha-3 codes of the geo country table. */
export const OTHER_NATIONALITIES = [
  'IRQ',
  'ERI',
  'ALB',
  'XKX',
  'IRN',
  'PAK',
  'NGA',
  'RUS',
  'GRC',
  'HRV',
  'SRB',
  'BIH',
  'ESP',
  'FRA',
  'GBR',
  'CHN',
  'VNM',
  'SOM',
  'ETH',
  'GEO',
  'MKD',
  'MAR',
  'TUN',
  'EGY',
  'HUN',
  'PRT',
  'NLD',
  'AUT',
] as const

const NAMED_GROUPS = new Set<string>(NATIONALITY_GROUPS.filter(g => g !== 'OTHER'))

/** The aggregate nationality group of a person's (first) nationality. */
export const nationalityGroup = (nationality: string) => (NAMED_GROUPS.has(nationality) ? nationality : 'OTHER')

/** Age at 31.12. of `year`, 100 standing for 100 and older (as in `pop.stock`). */
export const ageAt = (year: number, birthYear: number) => Math.min(MAX_AGE, year - birthYear)

interface Person {
  pid: number
  birthYear: number
  sex: string
  nationality: string
  second: string | null
  bornAbroad: boolean
  naturalised: number | null
  district: string
}

const yearOf = (stichtag: string) => Number(stichtag.slice(0, 4))

/**
 * Persons whose Stichtag counts reproduce `cells` exactly. A person stays from one Stichtag to the next
 * (one year older, same sex and nationality) unless they leave (`exitRate`); a cell is filled first
 * with stayers of its district, then with stayers from other districts (moves within the city), DEU
 * cells also with naturalised foreigners, and the rest with new pseudonyms (births, moves into the city).
 * Persons left over leave the register.
 */
function trackPersons(
  cells: readonly StockRow[],
  rng: Rng,
  nextPid: () => number,
  opts: Required<MicrodataOptions>,
  emit: (year: number, persons: readonly Person[]) => void,
): void {
  const byYear = new Map<number, StockRow[]>()
  for (const c of cells) {
    const y = yearOf(c.stichtag)
    const list = byYear.get(y)
    if (list) list.push(c)
    else byYear.set(y, [c])
  }
  const years = [...byYear.keys()].sort((a, b) => a - b)
  let previous: Person[] = []
  for (const year of years) {
    // Stayers by (age, sex, nationality group) and district, in a stable order.
    const pool = new Map<string, Map<string, Person[]>>()
    for (const p of previous) {
      if (rng.chance(opts.exitRate)) continue
      const key = `${ageAt(year, p.birthYear)}|${p.sex}|${nationalityGroup(p.nationality)}`
      let byDistrict = pool.get(key)
      if (!byDistrict) pool.set(key, (byDistrict = new Map()))
      const list = byDistrict.get(p.district)
      if (list) list.push(p)
      else byDistrict.set(p.district, [p])
    }
    const take = (key: string, district: string | null, n: number): Person[] => {
      const byDistrict = pool.get(key)
      if (!byDistrict || n <= 0) return []
      const out: Person[] = []
      const sources = district === null ? [...byDistrict.keys()].sort() : [district]
      for (const d of sources) {
        const list = byDistrict.get(d)
        while (list?.length && out.length < n) out.push(list.pop()!)
        if (out.length >= n) break
      }
      return out
    }
    const current: Person[] = []
    const shortfall: Array<[StockRow, number]> = []
    for (const c of byYear.get(year)!) {
      const got = take(`${c.age}|${c.sex}|${c.nationality_group}`, c.district_code, c.n)
      current.push(...got)
      if (got.length < c.n) shortfall.push([c, c.n - got.length])
    }
    for (const [c, missing] of shortfall) {
      let n = missing
      for (const p of take(`${c.age}|${c.sex}|${c.nationality_group}`, null, n)) {
        p.district = c.district_code
        current.push(p)
        n--
      }
      if (c.nationality_group === 'DEU' && n > 0) {
        const quota = Math.floor(n * opts.naturalisationShare)
        let done = 0
        for (const group of NATIONALITY_GROUPS) {
          if (group === 'DEU' || done >= quota) continue
          for (const p of take(`${c.age}|${c.sex}|${group}`, c.district_code, quota - done)) {
            p.second = p.nationality
            p.nationality = 'DEU'
            p.naturalised = year
            current.push(p)
            done++
          }
        }
        n -= done
      }
      for (let k = 0; k < n; k++) current.push(newPerson(rng, nextPid(), c, year))
    }
    // Written before the next year moves or naturalises anyone: Person objects change over the years.
    emit(year, current)
    previous = current
  }
}

function newPerson(rng: Rng, pid: number, c: StockRow, year: number): Person {
  const birthYear = year - c.age - (c.age === MAX_AGE ? rng.int(0, 4) : 0)
  const german = c.nationality_group === 'DEU'
  const nationality = c.nationality_group === 'OTHER' ? rng.pick(OTHER_NATIONALITIES) : c.nationality_group
  // Germans born abroad are mostly naturalised or Spätaussiedler; children of foreigners are often born here.
  const bornAbroad = german ? rng.chance(0.09) : rng.chance(c.age < 10 ? 0.35 : 0.85)
  const naturalised = german && bornAbroad && c.age >= 8 && rng.chance(0.55) ? birthYear + rng.int(8, Math.min(40, year - birthYear)) : null
  const second = german ? (rng.chance(naturalised ? 0.4 : 0.03) ? rng.pick(OTHER_NATIONALITIES) : null) : rng.chance(0.02) ? 'DEU' : null
  return {
    pid,
    birthYear,
    sex: c.sex,
    nationality,
    second: second === nationality ? null : second,
    bornAbroad,
    naturalised,
    district: c.district_code,
  }
}

/**
 * Microdata whose aggregate reproduces the given stock cells exactly: main residents by Stichtag ×
 * district × age × sex × nationality group = `main` (REGISTER_MAIN), and together with the persons
 * of `secondary` (main_residence false) the REGISTER_ALL cells (docs/data-model.md#invariants, invariant 9).
 * Any subset of cells (fewer districts or years) gives a proportionally smaller set, which is how
 * the tests exercise it.
 */
export function generateMicrodata(
  main: readonly StockRow[],
  secondary: readonly StockRow[],
  options: MicrodataOptions = {},
): PersonYearColumns {
  const opts: Required<MicrodataOptions> = { exitRate: 0.09, naturalisationShare: 0.3, ...options }
  let pid = 0
  // Pseudonyms: a bijective scramble of a counter, so a pseudonym reveals neither order nor register ID.
  const nextPid = () => Number((BigInt(++pid) * 2654435761n) % 4294967311n) + 1_000_000_000
  const out: PersonYearColumns = {
    person_pid: [],
    stichtag: [],
    district_code: [],
    birth_year: [],
    sex: [],
    nationality: [],
    second_nationality: [],
    born_abroad: [],
    naturalised_year: [],
    main_residence: [],
    rkey: [],
  }
  const emit = (mainResidence: boolean) => (year: number, persons: readonly Person[]) => {
    const stichtag = `${year}-12-31`
    {
      for (const p of persons) {
        out.person_pid.push(p.pid)
        out.stichtag.push(stichtag)
        out.district_code.push(p.district)
        out.birth_year.push(p.birthYear)
        out.sex.push(p.sex)
        out.nationality.push(p.nationality)
        out.second_nationality.push(p.second)
        out.born_abroad.push(p.bornAbroad)
        out.naturalised_year.push(p.naturalised)
        out.main_residence.push(mainResidence)
        out.rkey.push(seededRecordKey('pop_micro.person_year', p.pid, stichtag))
      }
    }
  }
  trackPersons(main, createRng('pop_micro', 'person_year', 'main'), nextPid, opts, emit(true))
  trackPersons(secondary, createRng('pop_micro', 'person_year', 'secondary'), nextPid, opts, emit(false))
  return out
}
