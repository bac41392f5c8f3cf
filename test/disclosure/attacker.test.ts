/**
 * The attacker in the test suite (issue 12, item 6).
 *
 * What the attacker knows: only what an aggregate-only role (`public`, no token; `committee`) is shown through
 * the gateway — values and statuses of published cells, the structure of the schema (which cells are sums of
 * which finer cells: ages in a range, months in a quarter, routes in a filter, districts in the city, grades in a
 * school), and the published rules of the Cell Key Method (a perturbed value lies within ±2 of the truth, a true
 * zero is always ZERO). What it tries: for every family of fields it asks many argument combinations in few
 * batched requests — overlapping ranges (a..b and a..b+1, unions of bands), top N and N+1 with their OTHER
 * remainder, every subset of a list filter, districts vs the city, MONTH vs QUARTER vs YEAR, REGISTER_ALL vs
 * REGISTER_MAIN, the same query twice — and combines every answer linearly: an LP interval per hidden atom
 * (pinned to one integer = exact disclosure; every small atom, and a seeded sample of 50 other hidden atoms per
 * family) and a least-squares / differencing estimate whose exact-hit share on
 * small atoms (true 1–2) is compared with the atom's own published cell and with guessing. The truth comes from
 * `leadership`, an exact role, and is used only to score the attack, never by it.
 *
 * It asserts: no small atom, and no atom not published exactly, is pinned; the estimate's exact-hit share on small
 * atoms is at most the better baseline plus the margin of `estimationMargin` (two binomial standard errors, at
 * least 0.10); a cell's status does not depend on N; the same query gives the same answer twice, and the same cell
 * reached by different queries (a band as cohort and as byAgeGroup, a month with and without a grain) the same value. One summary line
 * per family and role is printed (`[disclosure] …`) with the numbers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../gateway/limits/operation-limits.js'
import { startCity, type RunningCity } from '../helpers/start-city.js'
import {
  certaintyAttack,
  constraintsOf,
  estimationAttack,
  inconsistentCells,
  estimationMargin,
  lpTargets,
  targetAtoms,
} from './linear-attack.js'
import {
  asylumOrigins,
  asylumRoutes,
  eingliederungshilfe,
  kitasAndTransitions,
  modelMismatches,
  populationAges,
  populationNationality,
  populationSexBasis,
  schoolPupils,
  type Ask,
  type Family,
  type Role,
} from './families.js'

let city: RunningCity

beforeAll(async () => {
  // Many aliased fields per request (a few hundred ranges in one query): the shape limits are raised for this
  // gateway only; the attack is about what the answers reveal, not about how many requests it takes.
  city = await startCity(inject('cityDatabaseUrl'), {
    gateway: {
      limits: {
        ...DEFAULT_LIMITS,
        maxTokens: 200_000,
        maxAliases: 5_000,
        maxFields: 20_000,
        maxCost: 1_000_000,
        ratePerMinute: 100_000,
        anonymousRatePerMinute: 100_000,
      },
    },
  })
})
afterAll(async () => {
  for (const [role, t] of Object.entries(totals)) {
    console.log(
      `[disclosure] ALL role=${role} families=${t.families} requests=${t.requests} combinations=${t.combinations} observations=${t.observations}` +
        ` targets=${t.targets} pinned=${t.pinned} smallAtoms=${t.small} exactHits: leastSquares=${t.lsHits}/${t.small} differencing=${t.diffHits}/${t.small}` +
        ` singleCell=${t.singleHits}/${t.small} guess=${t.guessHits}/${t.small} statusFlips=${t.flips}`,
    )
  }
  await city?.stop()
})

type Totals = {
  families: number
  requests: number
  combinations: number
  observations: number
  targets: number
  pinned: number
  small: number
  lsHits: number
  diffHits: number
  singleHits: number
  guessHits: number
  flips: number
}
const totals: Record<string, Totals> = {}

const ask: Ask = async (role: Role, query: string) => (role === 'public' ? city.query(query) : city.queryAs(role, query))

const FAMILIES: Family[] = [
  populationAges(),
  populationNationality(),
  populationSexBasis(),
  asylumRoutes(),
  asylumOrigins(),
  eingliederungshilfe(),
  schoolPupils(),
  kitasAndTransitions(),
]

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

describe.each(FAMILIES)('attacker: $name', family => {
  let truth: Map<string, number>

  beforeAll(async () => {
    truth = await family.truth(ask)
  })

  it('models the published figures correctly (leadership sees every figure as the sum of its atoms)', async () => {
    const run = await family.observe(ask, 'leadership', truth)
    expect(modelMismatches(run.observations, truth)).toEqual([])
    expect(run.observations.length).toBeGreaterThan(0)
  }, 60_000)

  it.each(['public', 'committee'] as const)(
    'as %s: no hidden value is recovered',
    async role => {
      const t0 = performance.now()
      const run = await family.observe(ask, role, truth)
      const targets = targetAtoms(run.observations, truth)
      const lp = lpTargets(targets, truth)
      const certainty = await certaintyAttack(run.observations, truth, lp)
      const pinned = certainty.filter(c => c.pinned)
      const est = estimationAttack(run.observations, truth)
      const margin = estimationMargin(est.smallAtoms, est.shares.baseline)
      const inconsistent = inconsistentCells(run.observations)
      const constraints = constraintsOf(run.observations).length
      const smallPinned = pinned.filter(p => p.truth <= 2).length
      // the narrowest feasible interval of a hidden atom (the protection an interval audit reports)
      const narrowest = certainty.reduce((w, c) => Math.min(w, c.interval.max - c.interval.min), Infinity)
      console.log(
        `[disclosure] ${family.name} role=${role} requests=${run.requests} combinations=${run.combinations} observations=${run.observations.length}` +
          ` constraints=${constraints} refused=${run.refused} atoms=${truth.size} targets=${targets.length} lpTargets=${lp.length} pinned=${pinned.length} (small ${smallPinned}) narrowestInterval=${Number.isFinite(narrowest) ? narrowest.toFixed(2) : '-'}` +
          ` smallAtoms=${est.smallAtoms} differences=${est.differences} exactHits: leastSquares=${pct(est.shares.leastSquares)} differencing=${pct(est.shares.differences)}` +
          ` singleCell=${pct(est.shares.singleCell)} guess(${est.mode})=${pct(est.shares.modeGuess)} margin=${pct(margin)}` +
          ` statusFlips=${run.statusFlips.length} repeatMismatches=${run.repeatMismatches.length} sameCellDifferentNoise=${inconsistent.length} ms=${Math.round(performance.now() - t0)}`,
      )

      const t = (totals[role] ??= {
        families: 0,
        requests: 0,
        combinations: 0,
        observations: 0,
        targets: 0,
        pinned: 0,
        small: 0,
        lsHits: 0,
        diffHits: 0,
        singleHits: 0,
        guessHits: 0,
        flips: 0,
      })
      t.families++
      t.requests += run.requests
      t.combinations += run.combinations
      t.observations += run.observations.length
      t.targets += targets.length
      t.pinned += pinned.length
      t.small += est.smallAtoms
      t.lsHits += est.leastSquaresHits
      t.diffHits += est.differenceHits
      t.singleHits += est.singleCellHits
      t.guessHits += est.modeGuessHits
      t.flips += run.statusFlips.length

      expect
        .soft(
          pinned.map(p => `${p.atom} = ${p.truth} pinned to [${p.interval.min}, ${p.interval.max}]`),
          'atoms pinned to one integer',
        )
        .toEqual([])
      expect.soft(est.shares.leastSquares, 'least-squares exact-hit share on small atoms').toBeLessThanOrEqual(est.shares.baseline + margin)
      expect.soft(est.shares.differences, 'differencing exact-hit share on small atoms').toBeLessThanOrEqual(est.shares.baseline + margin)
      expect.soft(run.statusFlips, 'cell statuses that depend on N').toEqual([])
      expect.soft(run.repeatMismatches, 'the same query answered differently').toEqual([])
      expect.soft(inconsistent, 'the same cell (same records) reached by different queries with different noise').toEqual([])
    },
    60_000,
  )
})
