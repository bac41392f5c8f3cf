import {
  planFamilySuppression,
  sumRelation,
  type FamilyCell,
  type FamilyOrder,
  type FamilyPlan,
  type FamilyRelation,
} from '../../lib/disclosure/suppress-family.js'
import type { Residence, SchoolType } from './db.js'

/**
 * The education department's suppression families (totals it enters, with no records behind them): every
 * cell a field can publish for aggregate-only roles, and what else is known about those cells. The plans are
 * decided over the whole family (rule KL-STAT-2, lib/disclosure/suppress-family.ts) in the loaders.
 */
export interface FamilyModel {
  cells: FamilyCell[]
  relations: FamilyRelation[]
  orders: FamilyOrder[]
}

export const TRANSITIONS_FAMILY = 'edu.transitions(schoolYear): every school type × residence, applications and admissions'
export const KITA_CHILDREN_FAMILY = 'edu.kitaChildren(year): every district, children under three and from three to six'

/**
 * School types whose grade-5 pupils (School.pupils byGrade, published under the Cell Key Method) are exactly
 * their admissions: Σ over residences of a type's admissions is treated as known to an attacker (it is only
 * approximately, ±2 per school, but the plan assumes the worst). Förderschulen take pupils from grade 1 on.
 */
export const GRADE5_INTAKE_TYPES: readonly SchoolType[] = ['RSPLUS', 'IGS', 'GYM']

export interface TransitionCell {
  toSchoolType: SchoolType
  residence: Residence
  applications: number | null
  admissions: number
}

export const transitionCellId = (t: { toSchoolType: string; residence: string }, field: 'applications' | 'admissions') =>
  `${t.toSchoolType}|${t.residence}|${field}`

/** The family of one school year: cells, the known grade-5 sums per type, and admissions ≤ applications. */
export function transitionFamily(rows: readonly TransitionCell[]): FamilyModel {
  const cells: FamilyCell[] = []
  const orders: FamilyOrder[] = []
  for (const t of rows) {
    cells.push({ id: transitionCellId(t, 'admissions'), value: t.admissions })
    if (t.applications !== null) {
      cells.push({ id: transitionCellId(t, 'applications'), value: t.applications })
      orders.push({ below: transitionCellId(t, 'admissions'), above: transitionCellId(t, 'applications') })
    }
  }
  const relations = GRADE5_INTAKE_TYPES.map(type => rows.filter(t => t.toSchoolType === type))
    .filter(of => of.length > 0)
    .map(of =>
      sumRelation(
        of.map(t => transitionCellId(t, 'admissions')),
        of.reduce((a, t) => a + t.admissions, 0),
      ),
    )
  return { cells, relations, orders }
}

export function transitionFamilyPlan(
  rows: readonly TransitionCell[],
): FamilyPlan & { hiddenOf(t: TransitionCell): { applications: boolean; admissions: boolean } } {
  const plan = planFamilySuppression(...modelArgs(transitionFamily(rows)))
  const hide = hiddenIn(plan)
  return {
    ...plan,
    hiddenOf: t => ({ applications: hide(transitionCellId(t, 'applications')), admissions: hide(transitionCellId(t, 'admissions')) }),
  }
}

export interface KitaChildrenCell {
  districtCode: string
  childrenU3: number
  children3to6: number
  placesU3: number
  placesTotal: number
}

export const kitaCellId = (districtCode: string, field: 'childrenU3' | 'children3to6' | 'placesU3' | 'placesTotal') =>
  `${districtCode}|${field}`

/**
 * The family of one year: both children counts of every district. No total of them is published (the
 * per-Kita counts are internal), so there are no relations; the district's approved places are open
 * (`Int`) and bound the children from above (children under three ≤ places for under threes, children
 * from three to six ≤ all places), which the plan takes as known.
 */
export function kitaFamily(rows: readonly KitaChildrenCell[]): FamilyModel {
  return {
    cells: rows.flatMap(r => [
      { id: kitaCellId(r.districtCode, 'childrenU3'), value: r.childrenU3 },
      { id: kitaCellId(r.districtCode, 'children3to6'), value: r.children3to6 },
      { id: kitaCellId(r.districtCode, 'placesU3'), value: r.placesU3, fixed: true },
      { id: kitaCellId(r.districtCode, 'placesTotal'), value: r.placesTotal, fixed: true },
    ]),
    relations: [],
    orders: rows.flatMap(r => [
      { below: kitaCellId(r.districtCode, 'childrenU3'), above: kitaCellId(r.districtCode, 'placesU3') },
      { below: kitaCellId(r.districtCode, 'children3to6'), above: kitaCellId(r.districtCode, 'placesTotal') },
    ]),
  }
}

export type KitaFamilyPlan = FamilyPlan & { hiddenOf(districtCode: string): { childrenU3: boolean; children3to6: boolean } }

/** Kita family plans kept by their figures (a year's family per entry; the oldest goes first). */
export const KITA_PLANS_KEPT = 64
const kitaPlans = new Map<string, KitaFamilyPlan>()

/**
 * The suppression plan of a year's kita family. A plan depends on the family's figures only, and every
 * `kitaPlaces` call without the department cache plans the same family again (a search over all
 * districts' cells, 0.1–0.25 ms, the largest step of the call): plans are kept by their figures, so
 * changed figures get a new plan and equal figures the same one.
 */
export function kitaFamilyPlan(rows: readonly KitaChildrenCell[]): KitaFamilyPlan {
  const figures = rows.map(r => `${r.districtCode}:${r.childrenU3}:${r.children3to6}:${r.placesU3}:${r.placesTotal}`).join(',')
  const kept = kitaPlans.get(figures)
  if (kept) return kept
  const plan = planFamilySuppression(...modelArgs(kitaFamily(rows)))
  const hide = hiddenIn(plan)
  const answer: KitaFamilyPlan = Object.freeze({
    ...plan,
    hiddenOf: (code: string) => ({
      childrenU3: hide(kitaCellId(code, 'childrenU3')),
      children3to6: hide(kitaCellId(code, 'children3to6')),
    }),
  })
  if (kitaPlans.size >= KITA_PLANS_KEPT) kitaPlans.delete(kitaPlans.keys().next().value!)
  kitaPlans.set(figures, answer)
  return answer
}

/**
 * Fail closed: when the plan cannot protect a hidden cell (nothing left to hide around it), aggregate-only
 * roles get no cell of the family at all.
 */
const hiddenIn =
  (plan: FamilyPlan) =>
  (id: string): boolean =>
    plan.unprotected.length > 0 || plan.hidden.has(id)

const modelArgs = (m: FamilyModel) => [m.cells, { relations: m.relations, orders: m.orders }] as const
