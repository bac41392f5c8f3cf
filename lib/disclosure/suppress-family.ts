import { isSmallCount, KL_STAT_2, type DisclosureRule } from './disclosure-rules.js'

/**
 * Primary and secondary suppression decided over a whole FAMILY of cells: every cell a field can publish
 * for any of its argument values (e.g. every district's sum for a year, every school type × residence of
 * a school year), together with what else is known about them. Deciding over the family, never over one
 * response, makes a cell's status independent of the arguments a request happened to ask for.
 *
 * What an attacker is assumed to know (the model the LP audit in the tests checks):
 * - every published cell of the family exactly;
 * - `relations`: linear equations Σ coef·cell = constant with a known constant, e.g. a published total
 *   (`sumRelation(parts, 'total-cell')`) or a figure reachable elsewhere (`sumRelation(parts, 1017)`);
 * - `orders`: a ≤ b between two cells (e.g. admissions ≤ applications);
 * - a hidden cell is at least 1 (true zeros are published as ZERO) and never negative.
 * It is not assumed to know the rule's threshold for a hidden cell (a lone star is "1 or 2" by the rule's
 * own definition; that is what primary suppression accepts).
 *
 * A hidden cell is protected when the interval the attacker can derive for it reaches at least
 * `protection` (default minCount − 1 = 2 for KL-STAT-2) below or above its true value; so the interval
 * holds at least three integers. Intervals are derived by bound propagation over the relations and
 * orders (exact for families whose relations share no hidden cell, the shapes used here; the LP audit
 * checks the real families). An unprotected cell gets a secondary partner: the smallest non-zero
 * published cell of a relation or order it takes part in (ties by id), until every hidden cell is
 * protected. Cells that cannot be protected (nothing left to hide) are reported in `unprotected`.
 *
 * Pure and deterministic: depends only on the cells' values, ids, relations and orders.
 */
/**
 * A cell of the family. `fixed` marks a figure published elsewhere that this plan cannot hide (e.g. an open
 * `Int` such as approved places): known to the attacker, never primary, never a secondary partner.
 */
export interface FamilyCell {
  id: string
  value: number
  fixed?: boolean
}

export interface FamilyRelation {
  /** cell id → coefficient */
  terms: Readonly<Record<string, number>>
  /** The known value of Σ coef·cell. */
  constant: number
}

/** `below` ≤ `above`. */
export interface FamilyOrder {
  below: string
  above: string
}

export interface FamilySuppressionOptions {
  relations?: readonly FamilyRelation[]
  orders?: readonly FamilyOrder[]
  rule?: DisclosureRule
  /** How far the attacker's interval must reach beyond the true value on at least one side. */
  protection?: number
}

export interface FamilyPlan {
  ruleId: string
  /** Every hidden cell id. */
  hidden: ReadonlySet<string>
  primary: readonly string[]
  secondary: readonly string[]
  /** Hidden cells whose interval stays too narrow (no cell left to hide); empty for a sound plan. */
  unprotected: readonly string[]
}

/** A published sum: Σ parts = total, where total is a cell id of the family or a value known outside it. */
export function sumRelation(parts: readonly string[], total: string | number): FamilyRelation {
  const terms: Record<string, number> = {}
  for (const p of parts) terms[p] = (terms[p] ?? 0) + 1
  if (typeof total === 'string') {
    terms[total] = (terms[total] ?? 0) - 1
    return { terms, constant: 0 }
  }
  return { terms, constant: total }
}

interface Bounds {
  lo: number
  hi: number
}

/** Interval the attacker can derive for every hidden cell (bound propagation to a fixpoint). */
export function derivedIntervals(
  values: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
  relations: readonly FamilyRelation[],
  orders: readonly FamilyOrder[],
): Map<string, Bounds> {
  const b = new Map<string, Bounds>()
  for (const [id, v] of values) b.set(id, hidden.has(id) ? { lo: v === 0 ? 0 : 1, hi: Infinity } : { lo: v, hi: v })
  const tighten = (id: string, lo: number, hi: number): boolean => {
    const cur = b.get(id)!
    const nlo = Math.max(cur.lo, Math.ceil(lo - 1e-9))
    const nhi = Math.min(cur.hi, Math.floor(hi + 1e-9))
    if (nlo === cur.lo && nhi === cur.hi) return false
    b.set(id, { lo: nlo, hi: nhi })
    return true
  }
  for (let round = 0; round < 100; round++) {
    let changed = false
    for (const o of orders) {
      if (!b.has(o.below) || !b.has(o.above)) continue
      changed = tighten(o.below, -Infinity, b.get(o.above)!.hi) || changed
      changed = tighten(o.above, b.get(o.below)!.lo, Infinity) || changed
    }
    for (const r of relations) {
      const terms = Object.entries(r.terms).filter(([id, c]) => c !== 0 && b.has(id))
      for (const [id, c] of terms) {
        if (!hidden.has(id)) continue
        // c·x = constant − Σ_{others} c_j·x_j
        let min = 0
        let max = 0
        for (const [j, cj] of terms) {
          if (j === id) continue
          const { lo, hi } = b.get(j)!
          const a = cj * lo
          const z = cj * hi
          min += Math.min(a, z)
          max += Math.max(a, z)
        }
        const from = (r.constant - max) / c
        const to = (r.constant - min) / c
        const lo = Math.min(from, to)
        const hi = Math.max(from, to)
        changed = tighten(id, Number.isNaN(lo) ? -Infinity : lo, Number.isNaN(hi) ? Infinity : hi) || changed
      }
    }
    if (!changed) break
  }
  return b
}

export function planFamilySuppression(cells: readonly FamilyCell[], options: FamilySuppressionOptions = {}): FamilyPlan {
  const rule = options.rule ?? KL_STAT_2
  const relations = options.relations ?? []
  const orders = options.orders ?? []
  const protection = options.protection ?? rule.minCount - 1
  const values = new Map<string, number>()
  const fixed = new Set(cells.filter(c => c.fixed).map(c => c.id))
  for (const c of cells) {
    if (!Number.isInteger(c.value) || c.value < 0) throw new RangeError(`planFamilySuppression: cell ${c.id} is not a count (${c.value})`)
    if (values.has(c.id)) throw new RangeError(`planFamilySuppression: duplicate cell ${c.id}`)
    values.set(c.id, c.value)
  }
  for (const id of [...relations.flatMap(r => Object.keys(r.terms)), ...orders.flatMap(o => [o.below, o.above])]) {
    if (!values.has(id)) throw new RangeError(`planFamilySuppression: a relation or order names ${id}, which is not a cell of the family`)
  }
  const primary = [...values]
    .filter(([id, v]) => !fixed.has(id) && isSmallCount(v, rule))
    .map(([id]) => id)
    .sort()
  const hidden = new Set(primary)
  const secondary: string[] = []
  // Cells each hidden cell is linked with (relations and orders): where its secondary partner comes from.
  const partners = new Map<string, Set<string>>()
  const link = (ids: string[]) => {
    for (const a of ids)
      for (const z of ids)
        if (a !== z && values.has(a) && values.has(z)) {
          if (!partners.has(a)) partners.set(a, new Set())
          partners.get(a)!.add(z)
        }
  }
  for (const r of relations) link(Object.keys(r.terms).filter(id => r.terms[id] !== 0))
  for (const o of orders) link([o.below, o.above])

  const isProtected = (id: string, iv: Bounds) => {
    const v = values.get(id)!
    return v - iv.lo >= protection || iv.hi - v >= protection
  }
  let unprotected: string[] = []
  for (let step = 0; step <= values.size; step++) {
    const intervals = derivedIntervals(values, hidden, relations, orders)
    unprotected = [...hidden].filter(id => !isProtected(id, intervals.get(id)!)).sort()
    if (!unprotected.length) break
    let added = false
    for (const id of unprotected) {
      const candidates = [...(partners.get(id) ?? [])]
        .filter(p => !hidden.has(p) && !fixed.has(p) && values.get(p)! > 0)
        .sort((a, z) => values.get(a)! - values.get(z)! || (a < z ? -1 : a > z ? 1 : 0))
      if (!candidates.length) continue
      hidden.add(candidates[0])
      secondary.push(candidates[0])
      added = true
      break // re-derive the intervals before choosing the next partner
    }
    if (!added) break
  }
  return { ruleId: rule.id, hidden, primary, secondary: secondary.sort(), unprotected }
}
