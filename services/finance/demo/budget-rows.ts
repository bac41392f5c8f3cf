import { LAST_DATA_YEAR, profileYears, type SeedProfile } from '../../../platform/city.js'
import { createRng } from '../../../lib/seed/prng.js'
import type { BudgetValueTable, BudgetVersion } from '../db.js'
import { EXPENSE_MIX, PRODUCT_GROUPS, leafCode } from './product-catalog.js'

/** Planned ordinary result (Ansatz, Finanzplan), M€: balanced 2021–2023 [V], 2025 draft −53.6 [V], otherwise [S]. */
const PLAN_RESULT: Readonly<Record<number, number>> = {
  2015: -42,
  2016: -36,
  2017: -28,
  2018: -19,
  2019: -12,
  2020: -24,
  2021: 1.2,
  2022: 0.6,
  2023: -0.5,
  2024: -0.4,
  2025: -53.6,
  2026: -61,
  2027: -48,
  2028: -41,
  2029: -33,
}
/** Ordinary expense of the 2025 Ansatz (docs/data-model.md). */
const EXPENSE_2025 = 530_000_000
const FINANZPLAN_YEARS = [2027, 2028, 2029]
const NACHTRAG_YEARS = new Set([2016, 2019, 2022, 2024])
const LAST_IST_YEAR = LAST_DATA_YEAR - 1
const INCOME_GROWTH = 1.03

/** Über- und außerplanmäßige Aufwendungen 2023 (€ 13.2 M) and the extra Gewerbesteuer covering them [V]. */
const IST_2023_EXTRAS: ReadonlyArray<[product: string, line: string, amount: number]> = [
  ['3652', 'E12', 5_500_000], // Kita-Rückstellungen for freie Träger
  ['1111', 'E9', 3_150_000], // pension provisions
  ['5112', 'E14', 3_700_000], // Pfaff-site remediation
  ['5411', 'E10', 850_000],
  ['6111', 'E1', 8_770_000],
]

interface Cell {
  product: string
  line: string
  expense: boolean
  growth: number
  base: number
}
type Amounts = Map<Cell, number>

/**
 * Detail lines of every leaf product for the profile's years: Ansatz (Finanzplan from 2027),
 * Nachtrag in some years, fortgeschriebener Ansatz, Ist up to 2025 and a Prognose for 2026.
 * Each year's plan is calibrated to the anchors: the planned result, and E15 = 530 M€ in 2025.
 */
export function budgetRows(profile: SeedProfile): BudgetValueTable[] {
  const cells = baseCells()
  const rows: BudgetValueTable[] = []
  const push = (year: number, version: BudgetVersion, amounts: Amounts) => {
    for (const [cell, amount] of amounts)
      rows.push({ year, version, product_code: cell.product, account_line: cell.line, amount: amount / 100 })
  }
  for (const year of [...profileYears(profile), ...FINANZPLAN_YEARS]) {
    const rng = createRng('fin', 'budget_value', year)
    const plan = planAmounts(cells, year, rng)
    push(year, year > LAST_DATA_YEAR ? 'FINANZPLAN' : 'ANSATZ', plan)
    if (year > LAST_DATA_YEAR) continue
    let binding = plan
    if (NACHTRAG_YEARS.has(year)) {
      // The 2024 Nachtrag covered ~€ 15 M more for social and youth case numbers [V].
      binding = mapAmounts(plan, c => (!c.expense ? 1 : c.product.startsWith('3') && year === 2024 ? 1.06 : rng.normal(1.01, 0.01)))
      push(year, 'NACHTRAG', binding)
    }
    // Carry-overs (Ermächtigungsübertragungen) raise Sach- and investment-related lines.
    push(
      year,
      'FORTGESCHRIEBEN',
      mapAmounts(binding, c => (c.line === 'E10' || c.line === 'E11' ? 1 + rng.next() * 0.03 : 1)),
    )
    if (year <= LAST_IST_YEAR) {
      const ist = mapAmounts(binding, () => rng.normal(1, 0.03))
      if (year === 2023) for (const [product, line, amount] of IST_2023_EXTRAS) addTo(ist, product, line, amount * 100)
      push(year, 'IST', ist)
    } else {
      push(
        year,
        'PROGNOSE',
        mapAmounts(plan, c => (c.expense ? rng.normal(1.012, 0.02) : rng.normal(1, 0.02))),
      )
    }
  }
  return rows
}

/** 2025 amounts per (leaf, line) in €: group totals split over leaves, expense over the group's line mix. */
function baseCells(): Cell[] {
  const rng = createRng('fin', 'budget_value', 'structure')
  const cells: Cell[] = []
  for (const group of PRODUCT_GROUPS) {
    const growth = group.code.startsWith('3') ? 1.04 + rng.next() * 0.02 : 1.02 + rng.next() * 0.01
    const weights = normalise(group.products.map(() => 0.6 + rng.next() * 0.8))
    group.products.forEach((_, i) => {
      const product = leafCode(group, i)
      const mix = normalise(Object.values(EXPENSE_MIX[group.mix]).map(s => s! * (0.85 + rng.next() * 0.3)))
      Object.keys(EXPENSE_MIX[group.mix]).forEach((line, j) =>
        cells.push({ product, line, expense: true, growth, base: group.expense2025 * 1e6 * weights[i] * mix[j] }),
      )
      for (const [line, amount] of Object.entries(group.income2025)) {
        cells.push({ product, line, expense: false, growth: INCOME_GROWTH, base: amount! * 1e6 * weights[i] })
      }
    })
  }
  return cells
}

/** The plan of a year in cents: grown from 2025, jittered, then calibrated to the year's anchors. */
function planAmounts(cells: Cell[], year: number, rng: ReturnType<typeof createRng>): Amounts {
  const raw = new Map(cells.map(c => [c, c.base * c.growth ** (year - 2025) * rng.normal(1, 0.01)]))
  const expense = [...raw].filter(([c]) => c.expense)
  const income = [...raw].filter(([c]) => !c.expense)
  const expenseCents = year === 2025 ? EXPENSE_2025 * 100 : Math.round(sum(expense.map(([, v]) => v)) * 100)
  const incomeCents = expenseCents + Math.round(PLAN_RESULT[year] * 1e8)
  return new Map([...calibrate(expense, expenseCents), ...calibrate(income, incomeCents)])
}

/** Scales values to a total in cents exactly: rounding residue goes to the largest cell. */
function calibrate(entries: Array<[Cell, number]>, totalCents: number): Array<[Cell, number]> {
  const factor = totalCents / 100 / sum(entries.map(([, v]) => v))
  const scaled = entries.map(([c, v]) => [c, Math.round(v * factor * 100)] as [Cell, number])
  const residue = totalCents - sum(scaled.map(([, v]) => v))
  const largest = scaled.reduce((a, b) => (b[1] > a[1] ? b : a))
  largest[1] += residue
  return scaled
}

function mapAmounts(amounts: Amounts, factor: (c: Cell) => number): Amounts {
  return new Map([...amounts].map(([c, v]) => [c, Math.round(v * factor(c))]))
}

function addTo(amounts: Amounts, product: string, line: string, cents: number): void {
  const cell = [...amounts.keys()].find(c => c.product === product && c.line === line)
  if (!cell) throw new Error(`budget seed: no cell ${product}/${line}`)
  amounts.set(cell, amounts.get(cell)! + cents)
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const normalise = (values: number[]) => {
  const total = sum(values)
  return values.map(v => v / total)
}
