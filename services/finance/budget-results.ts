import { money, round, type Money } from '../../platform/stat.js'
import { ACCOUNT_LINES, lineTotals, type LineAmount } from './account-lines.js'
import type { BudgetVersion } from './db.js'
import type { TeilhaushaltLine } from './loaders.js'

/** Shapes the summed lines the loaders return into the GraphQL result types. */

/** Ist figures come from the Jahresabschluss, every other version from the Haushaltsplan. */
export const datasetFor = (version: BudgetVersion) => (version === 'IST' ? 'fin.actuals' : 'fin.budget')

export interface ProductResultValue {
  year: number
  version: BudgetVersion
  ordinaryIncome: Money
  ordinaryExpense: Money
  ordinaryResult: Money
  lines: Array<{ line: string; name: string; amount: Money }>
  datasetId: string
}

export function productResult(year: number, version: BudgetVersion, lines: readonly LineAmount[]): ProductResultValue {
  const totals = lineTotals(lines)
  const byLine = new Map(lines.map(l => [l.line, l.amount]))
  const derived: Record<string, number> = { E8: totals.income, E15: totals.expense, E16: totals.result }
  return {
    year,
    version,
    ordinaryIncome: money(totals.income),
    ordinaryExpense: money(totals.expense),
    ordinaryResult: money(totals.result),
    lines: ACCOUNT_LINES.filter(l => byLine.has(l.code) || l.code in derived).map(l => ({
      line: l.code,
      name: l.name,
      amount: money(byLine.get(l.code) ?? derived[l.code]),
    })),
    datasetId: datasetFor(version),
  }
}

/** The plan/actual versions a comparison reads, in the order their loads are issued. */
export const COMPARED_VERSIONS = ['ANSATZ', 'NACHTRAG', 'FORTGESCHRIEBEN', 'IST', 'PROGNOSE'] as const

/**
 * Ordinary expense per version; deviation = (Ist, else Prognose) − (Nachtrag, else Ansatz). Without
 * `forecastsVisible` the Prognose takes no part, so the deviation cannot reveal it.
 */
export function planActual(year: number, linesPerVersion: ReadonlyArray<readonly LineAmount[]>, forecastsVisible = true) {
  const [ansatz, nachtrag, fortgeschrieben, ist, prognose] = linesPerVersion.map(l => (l.length ? lineTotals(l).expense : null))
  const actual = ist ?? (forecastsVisible ? prognose : null)
  const plan = nachtrag ?? ansatz
  const deviation = actual !== null && plan !== null ? actual - plan : null
  const optional = (v: number | null) => (v === null ? null : money(v))
  return {
    year,
    ansatz: money(ansatz),
    nachtrag: optional(nachtrag),
    fortgeschrieben: optional(fortgeschrieben),
    ist: optional(ist),
    prognose: optional(prognose),
    deviation: optional(deviation),
    deviationPct: deviation !== null && plan ? round((deviation / plan) * 100, 2) : null,
    datasetId: ist !== null ? 'fin.actuals' : 'fin.budget',
  }
}

export function budgetSummary(year: number, version: BudgetVersion, lines: readonly TeilhaushaltLine[], investmentPayments: number | null) {
  const byTeilhaushalt = new Map<string, { name: string; lines: LineAmount[] }>()
  for (const l of lines) {
    const th = byTeilhaushalt.get(l.teilhaushalt) ?? { name: l.name, lines: [] }
    th.lines.push(l)
    byTeilhaushalt.set(l.teilhaushalt, th)
  }
  const totals = lineTotals(lines)
  return {
    year,
    version,
    ordinaryIncome: money(totals.income),
    ordinaryExpense: money(totals.expense),
    ordinaryResult: money(totals.result),
    investmentPayments: money(investmentPayments ?? 0),
    teilhaushalte: [...byTeilhaushalt].map(([code, th]) => {
      const t = lineTotals(th.lines)
      return { code, name: th.name, ordinaryIncome: money(t.income), ordinaryExpense: money(t.expense), ordinaryResult: money(t.result) }
    }),
    datasetId: datasetFor(version),
  }
}

/** Per-capita figures need a population; without one they are not available rather than wrong. */
export function perCapita(amount: number | null, residents: number | null | undefined): Money | null {
  if (amount === null) return null
  if (!residents || residents <= 0) return money(null)
  return money(amount / residents)
}
