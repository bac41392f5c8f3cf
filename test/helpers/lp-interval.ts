import highsModule, { type LegacyHighs } from 'highs'

// A CommonJS module whose types declare an ESM default export: under NodeNext the default import is the loader itself.
const highsLoader = highsModule as unknown as () => Promise<LegacyHighs>

/**
 * Interval audit by linear programming (HiGHS): what an attacker can conclude about each unknown cell from
 * every published figure at once.
 *
 * Unknowns are named cells (atoms) with bounds. Every published figure is a linear constraint over them:
 * an exact figure is an equality (Σ coef·x = value); a perturbed figure with maximum deviation D is a band
 * (value − D ≤ Σ coef·x ≤ value + D). For each target atom the LP minimum and maximum give its feasible
 * interval; an interval narrower than one integer step means the attacker knows the value exactly.
 */
export interface Constraint {
  /** atom name → coefficient */
  terms: Readonly<Record<string, number>>
  lower: number
  upper: number
}

export interface AtomBounds {
  lower: number
  upper: number
}

export interface Interval {
  min: number
  max: number
}

let highs: Promise<LegacyHighs> | null = null
const solver = () => (highs ??= highsLoader())

const name = (i: number) => `x${i}`
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(9))

/** Writes the problem in CPLEX LP format (the format HiGHS reads from a string). */
function lpText(
  objective: string,
  sense: 'Minimize' | 'Maximize',
  index: Map<string, number>,
  bounds: ReadonlyMap<string, AtomBounds>,
  constraints: readonly Constraint[],
): string {
  const lines = [sense, ` obj: ${objective}`, 'Subject To']
  constraints.forEach((c, k) => {
    const expr = Object.entries(c.terms)
      .filter(([, coef]) => coef !== 0)
      .map(([atom, coef], j) => `${coef < 0 ? '-' : j === 0 ? '' : '+'} ${num(Math.abs(coef))} ${name(index.get(atom)!)}`)
      .join(' ')
    if (!expr) return
    if (c.lower === c.upper) lines.push(` c${k}: ${expr} = ${num(c.lower)}`)
    else {
      if (Number.isFinite(c.lower)) lines.push(` l${k}: ${expr} >= ${num(c.lower)}`)
      if (Number.isFinite(c.upper)) lines.push(` u${k}: ${expr} <= ${num(c.upper)}`)
    }
  })
  lines.push('Bounds')
  for (const [atom, i] of index) {
    const b = bounds.get(atom) ?? { lower: 0, upper: Infinity }
    lines.push(` ${num(b.lower)} <= ${name(i)}${Number.isFinite(b.upper) ? ` <= ${num(b.upper)}` : ''}`)
  }
  lines.push('End')
  return lines.join('\n')
}

/**
 * The feasible interval of every target atom given the constraints (LP relaxation: the integer interval is
 * [ceil(min), floor(max)] and can only be narrower). Throws when the constraints are infeasible, which means
 * the audit's model of the published figures is wrong.
 */
export async function feasibleIntervals(
  bounds: ReadonlyMap<string, AtomBounds>,
  constraints: readonly Constraint[],
  targets: readonly string[],
): Promise<Map<string, Interval>> {
  const h = await solver()
  const index = new Map<string, number>()
  for (const atom of bounds.keys()) index.set(atom, index.size)
  for (const c of constraints) for (const atom of Object.keys(c.terms)) if (!index.has(atom)) index.set(atom, index.size)
  const out = new Map<string, Interval>()
  for (const target of targets) {
    if (!index.has(target)) throw new Error(`Unknown atom ${target}`)
    const objective = `1 ${name(index.get(target)!)}`
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const r = h.solve(lpText(objective, sense, index, bounds, constraints))
      if (r.Status === 'Unbounded') return sense === 'Minimize' ? -Infinity : Infinity
      if (r.Status !== 'Optimal') throw new Error(`LP ${sense} ${target}: ${r.Status}`)
      return r.ObjectiveValue
    }
    out.set(target, { min: solve('Minimize'), max: solve('Maximize') })
  }
  return out
}

/** Integers an interval admits (with a tolerance for the solver's rounding). */
export function integersIn(i: Interval): number {
  const lo = Math.ceil(i.min - 1e-6)
  const hi = Math.floor(i.max + 1e-6)
  return Number.isFinite(hi - lo) ? Math.max(0, hi - lo + 1) : Infinity
}
