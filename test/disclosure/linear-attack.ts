import { feasibleIntervals, integersIn, type AtomBounds, type Constraint, type Interval } from '../helpers/lp-interval.js'

/**
 * What an attacker can conclude from published cells by linear combination.
 *
 * Atoms are the finest cells of a family (a single-year age in one district and year, one route in one month,
 * one nationality group in one district, …): non-negative integers the attacker does not know. Every published
 * cell is a linear combination of atoms (almost always a sum) with the value and status the attacker was shown:
 * - EXACT / ZERO: the sum equals the value;
 * - PERTURBED (Cell Key Method, maximum deviation D): the sum lies within value ± D, and is at least 1 (a true
 *   zero is always published as ZERO, so a perturbed cell is never empty);
 * - anything else (SECRET, null, a refused field such as AGGREGATE_NOT_PUBLISHED, unknown statuses): nothing.
 * Two attacks per target atom:
 * - certainty: the LP feasible interval over all observations of the family (HiGHS); one admissible integer
 *   is an exact disclosure;
 * - estimation: a weighted least-squares estimate over all observations (which combines every difference the
 *   attacker can form), and the plain average of the direct differences (cell − cell = atom), rounded, against
 *   two baselines: the atom's own published cell, and guessing the most common small value.
 */

/** The maximum deviation of the perturbation table (KL_CKM_2). */
export const MAX_DEVIATION = 2

export interface Observation {
  /** Where the figure came from (query, alias, row), for reports. */
  label: string
  /** atom → coefficient */
  terms: Readonly<Record<string, number>>
  value: number | null
  status: string
}

/** The constraint one observation puts on its atoms; null when it says nothing. */
export function constraintOf(o: Observation, maxDeviation = MAX_DEVIATION): Constraint | null {
  if (o.value === null || o.value === undefined || !Number.isFinite(o.value)) return null
  if (Object.keys(o.terms).length === 0) return null
  if (o.status === 'EXACT' || o.status === 'ZERO') return { terms: o.terms, lower: o.value, upper: o.value }
  if (o.status === 'PERTURBED') return { terms: o.terms, lower: Math.max(1, o.value - maxDeviation), upper: o.value + maxDeviation }
  return null
}

/** A canonical key of a linear combination (same terms → same key). */
export function termsKey(terms: Readonly<Record<string, number>>): string {
  return Object.entries(terms)
    .filter(([, c]) => c !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([a, c]) => `${a}*${c}`)
    .join('+')
}

/**
 * The constraints of all observations, one per distinct combination (bands of the same cell intersected).
 * Throws when the same cell was published with values that cannot both hold (the same records gave
 * different answers): that alone is a finding.
 */
export function constraintsOf(observations: readonly Observation[], maxDeviation = MAX_DEVIATION): Constraint[] {
  const byKey = new Map<string, Constraint>()
  for (const o of observations) {
    const c = constraintOf(o, maxDeviation)
    if (!c) continue
    const key = termsKey(c.terms)
    const prev = byKey.get(key)
    if (!prev) {
      byKey.set(key, { ...c })
      continue
    }
    prev.lower = Math.max(prev.lower, c.lower)
    prev.upper = Math.min(prev.upper, c.upper)
    if (prev.lower > prev.upper + 1e-9) throw new Error(`Inconsistent publications of the same cell ${key} (${o.label})`)
  }
  return [...byKey.values()]
}

/**
 * Cells published more than once (by different queries or arguments over the same atoms) with different perturbed
 * values. Under the Cell Key Method the same records always get the same noise; a cell that comes back with fresh
 * noise each time can be averaged.
 */
export function inconsistentCells(observations: readonly Observation[]): string[] {
  const seen = new Map<string, { value: number; label: string }>()
  const out: string[] = []
  for (const o of observations) {
    if (o.status !== 'PERTURBED' || o.value === null) continue
    const key = termsKey(o.terms)
    const prev = seen.get(key)
    if (!prev) seen.set(key, { value: o.value, label: o.label })
    else if (prev.value !== o.value) out.push(`${prev.label} = ${prev.value} but ${o.label} = ${o.value}`)
  }
  return out
}

/** Groups of atoms linked by some constraint (an LP per group is much smaller than one over the family). */
function components(atoms: readonly string[], constraints: readonly Constraint[]): Map<string, string> {
  const parent = new Map<string, string>(atoms.map(a => [a, a]))
  const find = (a: string): string => {
    if (!parent.has(a)) parent.set(a, a)
    let r = a
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(a, r)
    return r
  }
  for (const c of constraints) {
    const [first, ...rest] = Object.keys(c.terms)
    if (first === undefined) continue
    for (const a of rest) parent.set(find(a), find(first))
  }
  const out = new Map<string, string>()
  for (const a of parent.keys()) out.set(a, find(a))
  return out
}

export interface CertaintyResult {
  atom: string
  truth: number
  interval: Interval
  /** Integers the LP interval admits. */
  integers: number
  pinned: boolean
}

/**
 * LP feasible interval of every target atom given all observations (atoms ≥ 0). An interval admitting exactly
 * one integer pins the atom.
 */
export async function certaintyAttack(
  observations: readonly Observation[],
  truth: ReadonlyMap<string, number>,
  targets: readonly string[],
  maxDeviation = MAX_DEVIATION,
): Promise<CertaintyResult[]> {
  const constraints = constraintsOf(observations, maxDeviation)
  const atoms = [...truth.keys()]
  const comp = components(atoms, constraints)
  const byComp = new Map<string, { constraints: Constraint[]; targets: string[]; atoms: Set<string> }>()
  const group = (root: string) => {
    let g = byComp.get(root)
    if (!g) byComp.set(root, (g = { constraints: [], targets: [], atoms: new Set() }))
    return g
  }
  for (const c of constraints) {
    const first = Object.keys(c.terms)[0]
    if (first !== undefined) group(comp.get(first)!).constraints.push(c)
  }
  for (const a of atoms) group(comp.get(a)!).atoms.add(a)
  for (const t of targets) group(comp.get(t) ?? t).targets.push(t)
  const out: CertaintyResult[] = []
  for (const g of byComp.values()) {
    if (g.targets.length === 0) continue
    const bounds = new Map<string, AtomBounds>([...g.atoms].map(a => [a, { lower: 0, upper: Infinity }]))
    for (const t of g.targets) bounds.set(t, { lower: 0, upper: Infinity })
    const intervals = await feasibleIntervals(bounds, g.constraints, g.targets).catch((e: Error) => {
      // No atom values satisfy every published figure: some figure is off by more than the stated deviation, or
      // the same records were published with different noise.
      throw new Error(
        `The published figures contradict each other within ±${maxDeviation} (${e.message}); cells: ${g.constraints.length}, e.g. ${g.targets.slice(0, 3).join(', ')}`,
      )
    })
    for (const t of g.targets) {
      const interval = intervals.get(t)!
      const integers = integersIn(interval)
      out.push({ atom: t, truth: truth.get(t)!, interval, integers, pinned: integers === 1 })
    }
  }
  return out
}

/** Solves the symmetric positive definite system M x = b (Gaussian elimination with partial pivoting). */
function solve(m: number[][], b: number[]): number[] {
  const n = b.length
  const a = m.map((row, i) => [...row, b[i]!])
  for (let col = 0; col < n; col++) {
    let piv = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r
    ;[a[col], a[piv]] = [a[piv]!, a[col]!]
    const p = a[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = a[r]![col]! / p
      if (f === 0) continue
      for (let k = col; k <= n; k++) a[r]![k]! -= f * a[col]![k]!
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!))
}

/**
 * Weighted least-squares estimate of every atom from every observation with a value: exact cells weigh 10⁴
 * (equalities), perturbed cells 1 (noise variance 1). Directions the observations leave open are pulled gently
 * (ridge 10⁻³) towards a prior that spreads each cell's value evenly over its atoms, so an atom seen only
 * inside sums still gets the attacker's best even split.
 */
export function leastSquaresEstimate(observations: readonly Observation[], atoms: readonly string[]): Map<string, number> {
  const usable = observations.filter(
    o => o.value !== null && Number.isFinite(o.value) && (o.status === 'EXACT' || o.status === 'ZERO' || o.status === 'PERTURBED'),
  )
  const index = new Map(atoms.map((a, i) => [a, i]))
  for (const o of usable) for (const a of Object.keys(o.terms)) if (!index.has(a)) index.set(a, index.size)
  const n = index.size
  const prior = new Array<number>(n).fill(0)
  const priorN = new Array<number>(n).fill(0)
  for (const o of usable) {
    const k = Object.keys(o.terms).length
    for (const a of Object.keys(o.terms)) {
      const i = index.get(a)!
      prior[i]! += o.value! / k
      priorN[i]! += 1
    }
  }
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  const rhs = new Array<number>(n).fill(0)
  const ridge = 1e-3
  for (let i = 0; i < n; i++) {
    m[i]![i]! += ridge
    rhs[i]! += ridge * (priorN[i]! ? prior[i]! / priorN[i]! : 0)
  }
  for (const o of usable) {
    const w = o.status === 'PERTURBED' ? 1 : 1e4
    const terms = Object.entries(o.terms).map(([a, c]) => [index.get(a)!, c] as const)
    for (const [i, ci] of terms) {
      rhs[i]! += w * ci * o.value!
      for (const [j, cj] of terms) m[i]![j]! += w * ci * cj
    }
  }
  const x = solve(m, rhs)
  return new Map([...index].map(([a, i]) => [a, x[i]!]))
}

/**
 * The direct differences: for each pair of published cells whose combinations differ by exactly one atom
 * (cell₁ − cell₂ = atom), the difference of their values. Returns per atom the list of differences.
 */
export function directDifferences(observations: readonly Observation[]): Map<string, number[]> {
  const usable = observations.filter(o => constraintOf(o) !== null)
  const byKey = new Map<string, Observation[]>()
  for (const o of usable) {
    const key = termsKey(o.terms)
    const list = byKey.get(key) ?? []
    list.push(o)
    byKey.set(key, list)
  }
  const out = new Map<string, number[]>()
  for (const big of usable) {
    for (const [atom, coef] of Object.entries(big.terms)) {
      if (coef !== 1) continue
      const rest = { ...big.terms }
      delete rest[atom]
      if (Object.keys(rest).length === 0) continue
      for (const small of byKey.get(termsKey(rest)) ?? []) {
        const list = out.get(atom) ?? []
        list.push(big.value! - small.value!)
        out.set(atom, list)
      }
    }
  }
  return out
}

export interface EstimationReport {
  /** Target atoms with a small true value (1–2) the shares are computed over. */
  smallAtoms: number
  /** Pairs of cells whose difference is one atom (over all atoms). */
  differences: number
  leastSquaresHits: number
  differenceHits: number
  singleCellHits: number
  modeGuessHits: number
  /** The most common small value, which the guessing baseline always answers. */
  mode: number
  shares: { leastSquares: number; differences: number; singleCell: number; modeGuess: number; baseline: number }
}

const round = (v: number) => Math.max(0, Math.round(v))

/**
 * Exact-hit shares on the small atoms (true value 1 or 2) of: the least-squares estimate; the average of the
 * direct differences (falling back to the guess where there is none); the atom's own published cell (falling back
 * to the guess where it is not published with a value); and always guessing the most common small value.
 */
export function estimationAttack(observations: readonly Observation[], truth: ReadonlyMap<string, number>): EstimationReport {
  const atoms = [...truth.keys()]
  const small = atoms.filter(a => truth.get(a)! >= 1 && truth.get(a)! <= 2)
  const ones = small.filter(a => truth.get(a) === 1).length
  const mode = ones * 2 >= small.length ? 1 : 2
  const ls = leastSquaresEstimate(observations, atoms)
  const diffs = directDifferences(observations)
  const own = new Map<string, number>()
  for (const o of observations) {
    const keys = Object.keys(o.terms)
    if (keys.length === 1 && o.terms[keys[0]!] === 1 && constraintOf(o) !== null && !own.has(keys[0]!)) own.set(keys[0]!, o.value!)
  }
  let leastSquaresHits = 0,
    differenceHits = 0,
    singleCellHits = 0,
    modeGuessHits = 0
  for (const a of small) {
    const t = truth.get(a)!
    if (round(ls.get(a) ?? mode) === t) leastSquaresHits++
    const d = diffs.get(a)
    if ((d && d.length ? round(d.reduce((s, v) => s + v, 0) / d.length) : mode) === t) differenceHits++
    if ((own.has(a) ? round(own.get(a)!) : mode) === t) singleCellHits++
    if (mode === t) modeGuessHits++
  }
  const share = (k: number) => (small.length ? k / small.length : 0)
  let differences = 0
  for (const d of diffs.values()) differences += d.length
  return {
    smallAtoms: small.length,
    differences,
    leastSquaresHits,
    differenceHits,
    singleCellHits,
    modeGuessHits,
    mode,
    shares: {
      leastSquares: share(leastSquaresHits),
      differences: share(differenceHits),
      singleCell: share(singleCellHits),
      modeGuess: share(modeGuessHits),
      baseline: Math.max(share(singleCellHits), share(modeGuessHits)),
    },
  }
}

/**
 * The margin an estimate may beat the baseline by without counting as an attack: two binomial standard errors
 * of a share over n atoms at the baseline's share (the run-to-run spread of a fair comparison on so few atoms),
 * and at least 0.10 (combining a cell's own noisy value with a few independent noisy neighbours legitimately
 * narrows it a little; what must not happen is the averaging-out that drives the hit share towards 1). It never
 * reaches past half the distance to 1: recovering every small value is an attack whatever the baseline.
 */
export function estimationMargin(n: number, baseline: number): number {
  if (n === 0) return 1
  return Math.min(Math.max(0.1, 2 * Math.sqrt(Math.max(baseline * (1 - baseline), 0.05) / n)), (1 - baseline) / 2)
}

/**
 * The atoms the LP is run for: every small one (true 1–2) and a seeded sample of at most `others` of the rest
 * (two LPs per atom; a family of a few hundred hidden atoms would otherwise cost tens of seconds).
 */
export function lpTargets(targets: readonly string[], truth: ReadonlyMap<string, number>, others = 50, seed = 12): string[] {
  const small = targets.filter(a => truth.get(a)! <= 2)
  const rest = targets.filter(a => truth.get(a)! > 2)
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[rest[i], rest[j]] = [rest[j]!, rest[i]!]
  }
  return [...small, ...rest.slice(0, others)]
}

/**
 * Target atoms of a family: a true value ≥ 1 that is small (1–2), or that the attacker's role is not shown
 * exactly as its own cell. True zeros are not targets: a zero is always published as ZERO by policy.
 */
export function targetAtoms(observations: readonly Observation[], truth: ReadonlyMap<string, number>): string[] {
  const exactOwn = new Set<string>()
  for (const o of observations) {
    const keys = Object.keys(o.terms)
    if (keys.length === 1 && o.terms[keys[0]!] === 1 && o.status === 'EXACT' && o.value !== null) exactOwn.add(keys[0]!)
  }
  return [...truth].filter(([a, v]) => v >= 1 && (v <= 2 || !exactOwn.has(a))).map(([a]) => a)
}
