import { KL_CKM_2, perturbationTable, perturbCount, type PerturbationTable } from '../disclosure/perturbation-table.js'
import { cellKeyOf } from '../disclosure/cell-key.js'
import { KL_MAGNITUDE, perturbMagnitude, type MagnitudeRule } from '../disclosure/perturb-magnitude.js'
import { money, round, type CellFlag, type Money, type StatCount } from '../../platform/stat.js'

/**
 * What a department states, per count field, about what aggregate-only roles (public, committee) get.
 * Keys are `Type.field` coordinates of the department's SDL; every `StatCount` field must have one
 * (checked when the subgraph starts, and listed in docs/disclosure.md).
 *
 * - `CELL_KEY`: the Cell Key Method with the named perturbation table. The count comes from records that
 *   carry record keys; the same records always get the same noise, whatever the arguments.
 * - `EXACT`: exact for every role by policy (e.g. the official population of an administrative area).
 *   `reason` says why publishing it exactly discloses no person.
 * - `SUPPRESSION`: a total a department enters (no records behind it): primary and secondary suppression
 *   decided over the whole `family` of cells the field can publish, never per response.
 * - `NOT_FOR_AGGREGATE_ROLES`: the field's scopes keep it from public and committee (internal or personal).
 */
export type DisclosureGuarantee =
  | { method: 'CELL_KEY'; table: string; note?: string }
  | { method: 'EXACT'; reason: string }
  | { method: 'SUPPRESSION'; rule: string; family: string; note?: string }
  | { method: 'NOT_FOR_AGGREGATE_ROLES'; note?: string }

export type DisclosureDeclarations = Readonly<Record<string, DisclosureGuarantee>>

/** A count with the key sum of its records (an integer; reduced modulo 2³² when used). */
export interface KeyedCount {
  n: number
  key: number | bigint | string
}

/** The part of a resolver context this module needs: who is asking. */
interface Asker {
  principal?: { aggregateOnly?: boolean } | null
}

/**
 * Cells that went through disclosure control on purpose (`keyedCell`, `exactCell`, `suppressedFamilyCell`).
 * `withDisclosureControl` publishes them as they are; any other `StatCount` an aggregate-only role would
 * receive is suppressed as a fail-safe.
 */
const DISCLOSED = new WeakSet<object>()

const mark = <T extends object>(cell: T): T => {
  DISCLOSED.add(cell)
  return cell
}

export const isDisclosed = (cell: unknown): boolean => typeof cell === 'object' && cell !== null && DISCLOSED.has(cell)

export const isAggregateOnly = (ctx: Asker | null | undefined): boolean => ctx?.principal?.aggregateOnly === true

/**
 * The value of a count that the caller may see: exact for exact roles; count + noise for aggregate-only
 * roles. Use it for every figure derived from counts (shares, means, balances), so that no exact count
 * can be recovered from a derived figure.
 */
export function visibleCount(ctx: Asker, count: KeyedCount, table: PerturbationTable = KL_CKM_2): number {
  if (!isAggregateOnly(ctx)) return count.n
  return perturbCount(table, count.n, cellKeyOf(count.key))
}

/**
 * A `StatCount` under the Cell Key Method: exact roles see `EXACT` (or `ZERO`); aggregate-only roles see
 * the perturbed value with status `PERTURBED`, and a true zero as `ZERO` (zero stays zero; no other count
 * is ever published as zero). `null` is NOT_AVAILABLE.
 */
export function keyedCell(
  ctx: Asker,
  count: KeyedCount | null | undefined,
  flags: CellFlag[] = [],
  table: PerturbationTable = KL_CKM_2,
): StatCount {
  if (!count) return mark({ value: null, status: 'NOT_AVAILABLE', flags: [...flags] })
  if (count.n === 0) return mark({ value: 0, status: 'ZERO', flags: [...flags] })
  if (!isAggregateOnly(ctx)) return mark({ value: count.n, status: 'EXACT', flags: [...flags] })
  return mark({ value: perturbCount(table, count.n, cellKeyOf(count.key)), status: 'PERTURBED', flags: [...flags] })
}

/**
 * The signed difference of two keyed counts (a balance such as births − deaths), for aggregate-only roles
 * computed from the two perturbed counts, so that it never reveals more than they do.
 */
export function keyedBalance(
  ctx: Asker,
  plus: KeyedCount,
  minus: KeyedCount,
  flags: CellFlag[] = [],
  table: PerturbationTable = KL_CKM_2,
): StatCount {
  const value = visibleCount(ctx, plus, table) - visibleCount(ctx, minus, table)
  const perturbed = isAggregateOnly(ctx) && (plus.n !== 0 || minus.n !== 0)
  return mark({ value, status: perturbed ? 'PERTURBED' : value === 0 ? 'ZERO' : 'EXACT', flags: [...flags] })
}

/** A count published exactly to every role by policy (declared `EXACT`). */
export function exactCell(n: number | null | undefined, flags: CellFlag[] = []): StatCount {
  if (n === null || n === undefined) return mark({ value: null, status: 'NOT_AVAILABLE', flags: [...flags] })
  return mark({ value: n, status: n === 0 ? 'ZERO' : 'EXACT', flags: [...flags] })
}

/**
 * A cell whose status a family-wide suppression plan decided (declared `SUPPRESSION`): `hidden` cells are
 * SECRET for aggregate-only roles. Exact roles always see the value.
 */
export function familyCell(ctx: Asker, n: number | null | undefined, hidden: boolean, flags: CellFlag[] = []): StatCount {
  if (n === null || n === undefined) return mark({ value: null, status: 'NOT_AVAILABLE', flags: [...flags] })
  if (hidden && isAggregateOnly(ctx)) return mark({ value: null, status: 'SECRET', flags: [...flags] })
  return mark({ value: n, status: n === 0 ? 'ZERO' : 'EXACT', flags: [...flags] })
}

export class DisclosureDeclarationError extends Error {
  readonly code = 'INVALID_DISCLOSURE_DECLARATION'
}

/** Checks a department's declarations: known methods, known perturbation tables, non-empty reasons. */
export function validateDisclosureDeclarations(service: string, declarations: DisclosureDeclarations): void {
  for (const [coordinate, g] of Object.entries(declarations)) {
    const at = `${service}: disclosure of ${coordinate}`
    if (!/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/.test(coordinate))
      throw new DisclosureDeclarationError(`${at}: not a Type.field coordinate`)
    switch (g.method) {
      case 'CELL_KEY':
        perturbationTable(g.table)
        break
      case 'EXACT':
        if (!g.reason?.trim()) throw new DisclosureDeclarationError(`${at}: EXACT needs a reason`)
        break
      case 'SUPPRESSION':
        if (!g.rule?.trim() || !g.family?.trim()) throw new DisclosureDeclarationError(`${at}: SUPPRESSION needs a rule and a family`)
        break
      case 'NOT_FOR_AGGREGATE_ROLES':
        break
      default:
        throw new DisclosureDeclarationError(`${at}: unknown method ${JSON.stringify((g as { method: unknown }).method)}`)
    }
  }
}

/**
 * A sum of money over records with what the Cell Key Method for magnitudes needs: the exact `amount`, the
 * `largest` single contribution in the cell, and the cell's magnitude key sum (lib/disclosure/perturb-magnitude.ts:
 * Σ rkey × (2 × cents + 1) mod 2³², computed in the same SQL statement as the sum).
 */
export interface KeyedAmount {
  amount: number
  largest: number
  key: number | bigint | string
}

/**
 * The amount of a `KeyedAmount` the caller may see: exact for exact roles; for aggregate-only roles
 * amount + noise of `rule` (between 10 % and 40 % of the largest contribution with `KL_MAGNITUDE`, never
 * zero), the same for the same records with the same contributions. Use it for every figure derived from
 * such a sum.
 */
export function visibleAmount(ctx: Asker, sum: KeyedAmount, rule: MagnitudeRule = KL_MAGNITUDE): number {
  if (!isAggregateOnly(ctx)) return sum.amount
  return perturbMagnitude(rule, sum.amount, sum.largest, cellKeyOf(sum.key))
}

/**
 * A `Money` cell under the Cell Key Method for magnitudes: exact roles see `money(amount)` as before;
 * aggregate-only roles see the perturbed amount (rounded to cents) with status `PERTURBED`, and a cell
 * without any contribution as `ZERO`. `null` is NOT_AVAILABLE.
 */
export function keyedMoney(ctx: Asker, sum: KeyedAmount | null | undefined, rule: MagnitudeRule = KL_MAGNITUDE): Money {
  if (!sum) return money(null)
  if (!isAggregateOnly(ctx) || !(sum.largest > 0)) return money(sum.amount)
  return { amount: round(visibleAmount(ctx, sum, rule), 2), status: 'PERTURBED', currency: 'EUR' }
}
