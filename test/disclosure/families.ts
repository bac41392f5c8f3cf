import { rngFromSeed, type Rng } from '../../lib/seed/prng.js'
import type { Observation } from './linear-attack.js'

/**
 * Families of published cells, as an attacker reaches them through the gateway. Each family knows its atoms
 * (asked as `leadership`, an exact role: the ground truth) and turns the answers of one role into observations
 * (linear combinations of atoms with value and status). Only the public GraphQL API is used.
 */

export type Role = 'public' | 'committee' | 'leadership'
export interface Answer {
  status?: number
  data?: any
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>
}
export type Ask = (role: Role, query: string) => Promise<Answer>

export interface RoleRun {
  observations: Observation[]
  /** Argument combinations (aliased fields with their own arguments) asked. */
  combinations: number
  requests: number
  /** Errors with code AGGREGATE_NOT_PUBLISHED. */
  refused: number
  /** Cells whose status changed with an unrelated parameter (N of a top-N list). */
  statusFlips: string[]
  /** A query asked twice that did not give the same answer. */
  repeatMismatches: string[]
}

export interface Family {
  name: string
  /** The issue's class the family probes. */
  classes: string
  truth(ask: Ask): Promise<Map<string, number>>
  observe(ask: Ask, role: Role, truth: ReadonlyMap<string, number>): Promise<RoleRun>
}

export const SEED = 0x5d12a77c

interface Cell {
  value: number | null
  status: string
}
const CELL = '{ value status }'
const cellOf = (c: any): Cell =>
  c && typeof c === 'object' ? { value: c.value ?? null, status: c.status ?? 'NULL' } : { value: null, status: 'NULL' }
const refusedIn = (a: Answer) => (a.errors ?? []).filter(e => e.extensions?.code === 'AGGREGATE_NOT_PUBLISHED').length
const sumTerms = (atoms: Iterable<string>): Record<string, number> => Object.fromEntries([...atoms].map(a => [a, 1]))

function pickDistricts(rng: Rng, k: number): string[] {
  const all = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'))
  const out: string[] = []
  while (out.length < k) {
    const d = rng.pick(all)
    if (!out.includes(d)) out.push(d)
  }
  return out.sort()
}

function newRun(): RoleRun {
  return { observations: [], combinations: 0, requests: 0, refused: 0, statusFlips: [], repeatMismatches: [] }
}

/** Asks a query, counts it, and (once per family) asks it again to compare. */
async function askCounted(ask: Ask, role: Role, run: RoleRun, query: string, repeat = false): Promise<Answer> {
  const a = await ask(role, query)
  run.requests++
  run.refused += refusedIn(a)
  if (!a.data) throw new Error(`no data for ${role}: ${JSON.stringify(a.errors ?? a).slice(0, 500)}`)
  if (repeat) {
    const b = await ask(role, query)
    run.requests++
    if (JSON.stringify(a.data) !== JSON.stringify(b.data)) run.repeatMismatches.push(query.slice(0, 120))
  }
  return a
}

function statusFlips(seen: Map<string, Set<string>>): string[] {
  return [...seen].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s].join('/')}`)
}

// ---------------------------------------------------------------------------------------------------------
// Population: single-year ages (overlapping ranges, band unions, age-group schemes, the exact total)

const POP_YEAR = 2025
const SCHEMES = ['FUNCTIONAL', 'FIVE_YEAR', 'TEN_YEAR'] as const
const SCHEME_BANDS: Record<(typeof SCHEMES)[number], Array<[number, number]>> = {
  FUNCTIONAL: [
    [0, 2],
    [3, 5],
    [6, 9],
    [10, 15],
    [16, 18],
    [19, 24],
    [25, 44],
    [45, 64],
    [65, 79],
    [80, 100],
  ],
  FIVE_YEAR: [...Array.from({ length: 19 }, (_, i) => [i * 5, i * 5 + 4] as [number, number]), [95, 100]],
  TEN_YEAR: [...Array.from({ length: 9 }, (_, i) => [i * 10, i * 10 + 9] as [number, number]), [90, 100]],
}

export function cohortRanges(rng: Rng): Array<[number, number]> {
  const out = new Map<string, [number, number]>()
  const add = (a: number, b: number) => {
    if (a <= b && a >= 0 && b <= 100) out.set(`${a}-${b}`, [a, b])
  }
  // every single-year difference: a..b and a..b+1 (a random start a little below b), and the cell itself
  for (let b = 0; b < 100; b++) {
    const a = rng.int(Math.max(0, b - 12), b)
    add(a, b)
    add(a, b + 1)
  }
  for (let a = 0; a <= 100; a++) add(a, a)
  // the bands of every scheme, and unions of two and three adjacent bands
  for (const scheme of SCHEMES) {
    const bands = SCHEME_BANDS[scheme]
    bands.forEach(([a, b], i) => {
      add(a, b)
      if (bands[i + 1]) add(a, bands[i + 1]![1])
      if (bands[i + 2]) add(a, bands[i + 2]![1])
      // one year more or less than a band edge
      add(a, b + 1)
      add(a + 1, b)
    })
  }
  // random ranges
  for (let k = 0; k < 40; k++) {
    const a = rng.int(0, 100)
    add(a, Math.min(100, a + rng.int(0, 30)))
  }
  return [...out.values()]
}

const ageAtoms = (d: string, a: number, b: number) => sumTerms(Array.from({ length: b - a + 1 }, (_, i) => `${d}:${a + i}`))

export const populationAges = (districtCount = 3): Family => {
  const districts = pickDistricts(rngFromSeed(SEED), districtCount)
  return {
    name: 'population-ages',
    classes: 'overlapping ranges (District.cohort a..b vs a..b+1, band unions) vs byAgeGroup and the REGISTER_MAIN total',
    async truth(ask) {
      const truth = new Map<string, number>()
      for (const d of districts) {
        const fields = Array.from({ length: 101 }, (_, a) => `c${a}: cohort(ageFrom: ${a}, ageTo: ${a}, year: ${POP_YEAR}) ${CELL}`).join(
          '\n',
        )
        const r = await ask('leadership', `{ district(code: "${d}") { ${fields} } }`)
        for (let a = 0; a <= 100; a++) truth.set(`${d}:${a}`, cellOf(r.data.district[`c${a}`]).value!)
      }
      return truth
    },
    async observe(ask, role) {
      const run = newRun()
      const rng = rngFromSeed(SEED + 1)
      for (const [di, d] of districts.entries()) {
        const ranges = cohortRanges(rng)
        const schemes = SCHEMES.map(s => `${s}: byAgeGroup(scheme: ${s}) { group { from to } count ${CELL} }`).join(' ')
        const query = `{ district(code: "${d}") {
          population(year: ${POP_YEAR}) { total ${CELL} ${schemes} }
          ${ranges.map(([a, b], i) => `r${i}: cohort(ageFrom: ${a}, ageTo: ${b}, year: ${POP_YEAR}) ${CELL}`).join('\n')}
        } }`
        const r = await askCounted(ask, role, run, query, di === 0)
        const dist = r.data.district
        run.combinations += ranges.length + SCHEMES.length + 1
        ranges.forEach(([a, b], i) =>
          run.observations.push({ label: `${d} cohort ${a}..${b}`, terms: ageAtoms(d, a, b), ...cellOf(dist?.[`r${i}`]) }),
        )
        const pop = dist?.population
        if (pop) {
          run.observations.push({ label: `${d} total`, terms: ageAtoms(d, 0, 100), ...cellOf(pop.total) })
          for (const s of SCHEMES)
            for (const g of pop[s] ?? []) {
              run.observations.push({
                label: `${d} ${s} ${g.group.from}-${g.group.to ?? '+'}`,
                terms: ageAtoms(d, g.group.from, g.group.to ?? 100),
                ...cellOf(g.count),
              })
            }
        }
      }
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Population: nationality groups (top N + OTHER for N = 1..K) vs foreigners and the total

export const populationNationality = (districtCount = 6): Family => {
  const districts = pickDistricts(rngFromSeed(SEED + 2), districtCount)
  const groups = new Map<string, string[]>()
  return {
    name: 'population-nationality',
    classes: 'remainders that move with a parameter (PopulationStock.byNationality(top: N), N = 1..K) vs foreigners and the total',
    async truth(ask) {
      const truth = new Map<string, number>()
      const r = await ask(
        'leadership',
        `{ ${districts.map(d => `d${d}: district(code: "${d}") { population(year: ${POP_YEAR}) { byNationality(top: 100) { group count ${CELL} } } }`).join('\n')} }`,
      )
      for (const d of districts) {
        const rows: any[] = r.data[`d${d}`].population.byNationality
        groups.set(
          d,
          rows.map(x => x.group),
        )
        for (const x of rows) truth.set(`${d}:${x.group === 'OTHER' ? 'REST' : x.group}`, cellOf(x.count).value!)
        if (!rows.some(x => x.group === 'OTHER')) truth.set(`${d}:REST`, 0)
      }
      return truth
    },
    async observe(ask, role, truth) {
      const run = newRun()
      const seen = new Map<string, Set<string>>()
      for (const [di, d] of districts.entries()) {
        const named = (groups.get(d) ?? []).filter(g => g !== 'OTHER')
        const atomsOf = (g: string) => `${d}:${g}`
        const all = [...truth.keys()].filter(a => a.startsWith(`${d}:`))
        const K = named.length + 1
        const query = `{ district(code: "${d}") { population(year: ${POP_YEAR}) { total ${CELL} foreigners ${CELL}
          ${Array.from({ length: K }, (_, i) => `n${i + 1}: byNationality(top: ${i + 1}) { group count ${CELL} }`).join('\n')} } } }`
        const r = await askCounted(ask, role, run, query, di === 0)
        run.combinations += K + 2
        const pop = r.data.district?.population
        if (!pop) continue
        run.observations.push({ label: `${d} total`, terms: sumTerms(all), ...cellOf(pop.total) })
        run.observations.push({ label: `${d} foreigners`, terms: sumTerms(all.filter(a => a !== `${d}:DEU`)), ...cellOf(pop.foreigners) })
        for (let n = 1; n <= K; n++) {
          const rows: any[] = pop[`n${n}`] ?? []
          const listed = new Set(rows.filter(x => x.group !== 'OTHER').map(x => atomsOf(x.group)))
          for (const x of rows) {
            const c = cellOf(x.count)
            const terms = x.group === 'OTHER' ? sumTerms(all.filter(a => !listed.has(a))) : { [atomsOf(x.group)]: 1 }
            run.observations.push({ label: `${d} top ${n} ${x.group}`, terms, ...c })
            if (x.group !== 'OTHER') {
              const key = `${d} ${x.group}`
              if (!seen.has(key)) seen.set(key, new Set())
              seen.get(key)!.add(c.status)
            }
          }
        }
      }
      run.statusFlips = statusFlips(seen)
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Population: sex per district, main and secondary residence, vs the city totals

const SEXES = ['M', 'W', 'D', 'X']

export const populationSexBasis = (): Family => {
  const q = `{ districts { code
      main: population(year: ${POP_YEAR}, basis: REGISTER_MAIN) { total ${CELL} bySex { sex count ${CELL} } }
      all: population(year: ${POP_YEAR}, basis: REGISTER_ALL) { total ${CELL} bySex { sex count ${CELL} } } }
    year(year: ${POP_YEAR}) { main: population(basis: REGISTER_MAIN) ${CELL} all: population(basis: REGISTER_ALL) ${CELL} }
    municipality(ags: "07312000") { main: officialPopulation(year: ${POP_YEAR}, basis: REGISTER_MAIN) ${CELL} all: officialPopulation(year: ${POP_YEAR}, basis: REGISTER_ALL) ${CELL} } }`
  return {
    name: 'population-sex-basis',
    classes:
      'sums over districts vs the city (bySex per district vs Year.population and Municipality.officialPopulation), REGISTER_ALL vs REGISTER_MAIN',
    async truth(ask) {
      const truth = new Map<string, number>()
      const r = await ask('leadership', q)
      for (const d of r.data.districts) {
        const main = new Map<string, number>(d.main.bySex.map((x: any) => [x.sex, x.count.value]))
        const all = new Map<string, number>(d.all.bySex.map((x: any) => [x.sex, x.count.value]))
        for (const s of SEXES) {
          truth.set(`${d.code}:${s}:MAIN`, main.get(s) ?? 0)
          truth.set(`${d.code}:${s}:SEC`, (all.get(s) ?? 0) - (main.get(s) ?? 0))
        }
      }
      return truth
    },
    async observe(ask, role, truth) {
      const run = newRun()
      const r = await askCounted(ask, role, run, q, true)
      const atoms = [...truth.keys()]
      for (const d of r.data.districts ?? []) {
        const mine = atoms.filter(a => a.startsWith(`${d.code}:`))
        for (const [basis, kinds] of [
          ['main', ['MAIN']],
          ['all', ['MAIN', 'SEC']],
        ] as const) {
          const stock = d[basis]
          run.combinations += 2
          if (!stock) continue
          run.observations.push({
            label: `${d.code} ${basis} total`,
            terms: sumTerms(mine.filter(a => kinds.some(k => a.endsWith(`:${k}`)))),
            ...cellOf(stock.total),
          })
          for (const x of stock.bySex ?? []) {
            run.observations.push({
              label: `${d.code} ${basis} ${x.sex}`,
              terms: sumTerms(kinds.map(k => `${d.code}:${x.sex}:${k}`)),
              ...cellOf(x.count),
            })
          }
        }
      }
      for (const [name, city] of [
        ['Year', r.data.year],
        ['Municipality', r.data.municipality],
      ] as const) {
        run.combinations += 2
        if (!city) continue
        run.observations.push({
          label: `${name} REGISTER_MAIN`,
          terms: sumTerms(atoms.filter(a => a.endsWith(':MAIN'))),
          ...cellOf(city.main),
        })
        run.observations.push({ label: `${name} REGISTER_ALL`, terms: sumTerms(atoms), ...cellOf(city.all) })
      }
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Asylum: allocations per month × route (every subset of the route filter, every grain)

const ASYLUM_YEAR = 2024
const ROUTES = ['ZUWEISUNG', 'UKRAINE_24', 'FAMILIENNACHZUG', 'SONSTIGE']
const GRAINS = ['MONTH', 'QUARTER', 'YEAR'] as const

/** The months (1–12) a period string covers: '2024-03', '2024-Q1', '2024'. */
export function monthsOf(period: string): number[] {
  const m = /^\d{4}-(\d{2})$/.exec(period)
  if (m) return [Number(m[1])]
  const q = /^\d{4}-Q(\d)$/.exec(period)
  if (q) return [1, 2, 3].map(i => (Number(q[1]) - 1) * 3 + i)
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, i) => i + 1)
  throw new Error(`period ${period}`)
}

/** The atom prefix of a month of the asylum year: '2024-07'. */
const ym = (m: number) => `${ASYLUM_YEAR}-${String(m).padStart(2, '0')}`

const routeSubsets = (): Array<string[] | null> => {
  const out: Array<string[] | null> = [null]
  for (let mask = 1; mask < 1 << ROUTES.length; mask++) out.push(ROUTES.filter((_, i) => mask & (1 << i)))
  return out
}

export const asylumRoutes = (): Family => ({
  name: 'asylum-routes',
  classes: 'subsets of a list filter (Year.allocations(route: S) for every subset S) and grains MONTH vs QUARTER vs YEAR',
  async truth(ask) {
    const r = await ask(
      'leadership',
      `{ year(year: ${ASYLUM_YEAR}) { ${ROUTES.map(x => `${x}: allocations(grain: MONTH, route: [${x}]) { period count ${CELL} }`).join('\n')} } }`,
    )
    const truth = new Map<string, number>()
    for (let m = 1; m <= 12; m++) for (const x of ROUTES) truth.set(`${ym(m)}:${x}`, 0)
    for (const x of ROUTES) for (const b of r.data.year[x]) truth.set(`${ym(monthsOf(b.period)[0]!)}:${x}`, cellOf(b.count).value!)
    return truth
  },
  async observe(ask, role) {
    const run = newRun()
    const subsets = routeSubsets()
    const fields: string[] = []
    const meta: Array<{ alias: string; routes: string[] }> = []
    for (const g of GRAINS)
      subsets.forEach((s, i) => {
        const alias = `${g}_${i}`
        fields.push(`${alias}: allocations(grain: ${g}${s ? `, route: [${s.join(', ')}]` : ''}) { period count ${CELL} }`)
        meta.push({ alias, routes: s ?? ROUTES })
      })
    const r = await askCounted(ask, role, run, `{ year(year: ${ASYLUM_YEAR}) { ${fields.join('\n')} } }`, true)
    run.combinations += fields.length
    for (const { alias, routes } of meta) {
      for (const b of r.data.year?.[alias] ?? []) {
        const terms = sumTerms(monthsOf(b.period).flatMap(m => routes.map(x => `${ym(m)}:${x}`)))
        run.observations.push({ label: `${alias} ${b.period}`, terms, ...cellOf(b.count) })
      }
    }
    return run
  },
})

// ---------------------------------------------------------------------------------------------------------
// Asylum: countries of origin per month (byOrigin(top: N), N = 1..K) vs the bucket count, every grain

export const asylumOrigins = (): Family => {
  const countries: string[] = []
  let K = 0
  return {
    name: 'asylum-origins',
    classes: 'remainders that move with a parameter (AsylumAllocationBucket.byOrigin(top: N), N = 1..K) vs the bucket count, per grain',
    async truth(ask) {
      const r = await ask(
        'leadership',
        `{ year(year: ${ASYLUM_YEAR}) { allocations(grain: MONTH) { period count ${CELL} byOrigin(top: 50) { country { code } count ${CELL} } } } }`,
      )
      const truth = new Map<string, number>()
      const buckets: any[] = r.data.year.allocations
      for (const b of buckets) for (const o of b.byOrigin) if (!countries.includes(o.country.code)) countries.push(o.country.code)
      K = Math.max(...buckets.map(b => b.byOrigin.length)) + 1
      for (const b of buckets) {
        const m = monthsOf(b.period)[0]!
        for (const c of countries) truth.set(`${ym(m)}:${c}`, 0)
        let listed = 0
        for (const o of b.byOrigin) {
          truth.set(`${ym(m)}:${o.country.code}`, o.count.value)
          listed += o.count.value
        }
        truth.set(`${ym(m)}:REST`, cellOf(b.count).value! - listed)
      }
      return truth
    },
    async observe(ask, role) {
      const run = newRun()
      const seen = new Map<string, Set<string>>()
      const fields: string[] = []
      for (const g of GRAINS)
        for (let n = 1; n <= K; n++)
          fields.push(`${g}_${n}: allocations(grain: ${g}) { period count ${CELL} byOrigin(top: ${n}) { country { code } count ${CELL} } }`)
      const r = await askCounted(ask, role, run, `{ year(year: ${ASYLUM_YEAR}) { ${fields.join('\n')} } }`, true)
      run.combinations += fields.length
      for (const g of GRAINS)
        for (let n = 1; n <= K; n++) {
          for (const b of r.data.year?.[`${g}_${n}`] ?? []) {
            const months = monthsOf(b.period)
            if (n === 1)
              run.observations.push({
                label: `${g} ${b.period} count`,
                terms: sumTerms(months.flatMap(m => [...countries, 'REST'].map(c => `${ym(m)}:${c}`))),
                ...cellOf(b.count),
              })
            for (const o of b.byOrigin ?? []) {
              const c = cellOf(o.count)
              run.observations.push({
                label: `${g} ${b.period} top ${n} ${o.country.code}`,
                terms: sumTerms(months.map(m => `${ym(m)}:${o.country.code}`)),
                ...c,
              })
              const key = `${b.period} ${o.country.code}`
              if (!seen.has(key)) seen.set(key, new Set())
              seen.get(key)!.add(c.status)
            }
          }
        }
      run.statusFlips = statusFlips(seen)
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Social: Eingliederungshilfe recipients per district × benefit group vs the city and the district's total

const EGH_YEAR = 2024

export const eingliederungshilfe = (): Family => {
  const q = `{ districts { code eingliederungshilfe(year: ${EGH_YEAR}) { benefitGroup recipients ${CELL} } eingliederungshilfeRecipients(year: ${EGH_YEAR}) ${CELL} }
    year(year: ${EGH_YEAR}) { eingliederungshilfe { benefitGroup recipients ${CELL} } } }`
  let additiveTotals = true
  return {
    name: 'eingliederungshilfe',
    classes: 'sums over districts vs the city (District.eingliederungshilfe vs Year.eingliederungshilfe) and vs the district total',
    async truth(ask) {
      const r = await ask('leadership', q)
      const truth = new Map<string, number>()
      const byGroup = new Map<string, number>()
      for (const d of r.data.districts) {
        let sum = 0
        for (const x of d.eingliederungshilfe ?? []) {
          truth.set(`${d.code}:${x.benefitGroup}`, x.recipients.value)
          byGroup.set(x.benefitGroup, (byGroup.get(x.benefitGroup) ?? 0) + x.recipients.value)
          sum += x.recipients.value
        }
        // a person with cases in two groups counts once in the district total: only additive totals are a sum
        if (d.eingliederungshilfeRecipients?.value !== sum) additiveTotals = false
      }
      for (const x of r.data.year.eingliederungshilfe)
        truth.set(`NODISTRICT:${x.benefitGroup}`, x.recipients.value - (byGroup.get(x.benefitGroup) ?? 0))
      return truth
    },
    async observe(ask, role, truth) {
      const run = newRun()
      const r = await askCounted(ask, role, run, q, true)
      const atoms = [...truth.keys()]
      for (const d of r.data.districts ?? []) {
        run.combinations += 2
        for (const x of d.eingliederungshilfe ?? [])
          run.observations.push({
            label: `${d.code} ${x.benefitGroup}`,
            terms: { [`${d.code}:${x.benefitGroup}`]: 1 },
            ...cellOf(x.recipients),
          })
        if (additiveTotals)
          run.observations.push({
            label: `${d.code} all groups`,
            terms: sumTerms(atoms.filter(a => a.startsWith(`${d.code}:`))),
            ...cellOf(d.eingliederungshilfeRecipients),
          })
      }
      run.combinations += 1
      for (const x of r.data.year?.eingliederungshilfe ?? []) {
        run.observations.push({
          label: `city ${x.benefitGroup}`,
          terms: sumTerms(atoms.filter(a => a.endsWith(`:${x.benefitGroup}`))),
          ...cellOf(x.recipients),
        })
      }
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Education: pupils per school × grade (byGrade vs total vs firstGraders vs the city's first graders)

const SCHOOL_YEAR = '2024/25'
const SCHOOL_YEAR_START = 2024

export const schoolPupils = (): Family => {
  const q = `{ schools { id type pupils(schoolYear: "${SCHOOL_YEAR}") { total ${CELL} byGrade { grade count ${CELL} } } firstGraders(schoolYear: "${SCHOOL_YEAR}") ${CELL} }
    year(year: ${SCHOOL_YEAR_START}) { firstGraders ${CELL} } }`
  const grundschulen: string[] = []
  return {
    name: 'school-pupils',
    classes: 'sums of parts vs totals (School.pupils.byGrade vs total vs firstGraders vs Year.firstGraders)',
    async truth(ask) {
      const r = await ask('leadership', q)
      const truth = new Map<string, number>()
      for (const s of r.data.schools) {
        if (s.type === 'GS') grundschulen.push(s.id)
        for (const g of s.pupils?.byGrade ?? []) truth.set(`${s.id}:${g.grade}`, g.count.value)
      }
      return truth
    },
    async observe(ask, role, truth) {
      const run = newRun()
      const r = await askCounted(ask, role, run, q, true)
      const atoms = [...truth.keys()]
      for (const s of r.data.schools ?? []) {
        run.combinations += 2
        const mine = atoms.filter(a => a.startsWith(`${s.id}:`))
        if (s.pupils) {
          run.observations.push({ label: `${s.id} total`, terms: sumTerms(mine), ...cellOf(s.pupils.total) })
          for (const g of s.pupils.byGrade ?? [])
            run.observations.push({ label: `${s.id} grade ${g.grade}`, terms: { [`${s.id}:${g.grade}`]: 1 }, ...cellOf(g.count) })
        }
        if (s.firstGraders && truth.has(`${s.id}:1`))
          run.observations.push({ label: `${s.id} firstGraders`, terms: { [`${s.id}:1`]: 1 }, ...cellOf(s.firstGraders) })
      }
      run.combinations += 1
      if (r.data.year?.firstGraders) {
        run.observations.push({
          label: 'city firstGraders',
          terms: sumTerms(grundschulen.map(s => `${s}:1`).filter(a => truth.has(a))),
          ...cellOf(r.data.year.firstGraders),
        })
      }
      return run
    },
  }
}

// ---------------------------------------------------------------------------------------------------------
// Education: children per Kita (internal) vs the district sums; transitions into grade 5

const KITA_YEAR = 2025

export const kitasAndTransitions = (): Family => {
  const kitaDistrict = new Map<string, string>()
  const q = `{ districts { code kitaPlaces(year: ${KITA_YEAR}) { childrenU3 ${CELL} children3to6 ${CELL} } }
    year(year: ${SCHOOL_YEAR_START}) { transitions { toSchoolType residence applications ${CELL} admissions ${CELL} } } }`
  return {
    name: 'kitas-transitions',
    classes: 'sums over a district (District.kitaPlaces vs the single Kitas) and the transitions table',
    async truth(ask) {
      const r = await ask(
        'leadership',
        `{ kitas { id district { code } stats(year: ${KITA_YEAR}) { childrenU3 ${CELL} children3to6 ${CELL} } }
        year(year: ${SCHOOL_YEAR_START}) { transitions { toSchoolType residence applications ${CELL} admissions ${CELL} } } }`,
      )
      const truth = new Map<string, number>()
      for (const k of r.data.kitas) {
        if (!k.stats || !k.district) continue
        kitaDistrict.set(k.id, k.district.code)
        truth.set(`${k.id}:U3`, k.stats.childrenU3.value)
        truth.set(`${k.id}:3to6`, k.stats.children3to6.value)
      }
      for (const t of r.data.year.transitions ?? []) {
        truth.set(`T:${t.toSchoolType}:${t.residence}:applications`, t.applications.value)
        truth.set(`T:${t.toSchoolType}:${t.residence}:admissions`, t.admissions.value)
      }
      return truth
    },
    async observe(ask, role) {
      const run = newRun()
      const r = await askCounted(ask, role, run, q, true)
      for (const d of r.data.districts ?? []) {
        run.combinations += 1
        if (!d.kitaPlaces) continue
        const mine = [...kitaDistrict].filter(([, c]) => c === d.code).map(([k]) => k)
        run.observations.push({
          label: `${d.code} kitas U3`,
          terms: sumTerms(mine.map(k => `${k}:U3`)),
          ...cellOf(d.kitaPlaces.childrenU3),
        })
        run.observations.push({
          label: `${d.code} kitas 3-6`,
          terms: sumTerms(mine.map(k => `${k}:3to6`)),
          ...cellOf(d.kitaPlaces.children3to6),
        })
      }
      run.combinations += 1
      for (const t of r.data.year?.transitions ?? [])
        for (const f of ['applications', 'admissions']) {
          run.observations.push({
            label: `transitions ${t.toSchoolType} ${t.residence} ${f}`,
            terms: { [`T:${t.toSchoolType}:${t.residence}:${f}`]: 1 },
            ...cellOf(t[f]),
          })
        }
      return run
    },
  }
}

/**
 * Observations of an exact role that do not equal the sum of their atoms' true values: the family's model of
 * the published figures is wrong there (the attack would then prove nothing).
 */
export function modelMismatches(observations: readonly Observation[], truth: ReadonlyMap<string, number>): string[] {
  const out: string[] = []
  for (const o of observations) {
    if (o.status !== 'EXACT' && o.status !== 'ZERO') continue
    let sum = 0
    for (const [a, c] of Object.entries(o.terms)) {
      if (!truth.has(a)) {
        out.push(`${o.label}: unknown atom ${a}`)
        sum = NaN
        break
      }
      sum += c * truth.get(a)!
    }
    if (!Number.isNaN(sum) && sum !== o.value) out.push(`${o.label}: published ${o.value}, atoms sum to ${sum}`)
  }
  return out
}
