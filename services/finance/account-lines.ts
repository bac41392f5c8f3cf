import type { AccountLineTable } from './db.js'

/**
 * The lines of the Ergebnishaushalt kept in the demo (GemHVO RLP § 2, E1–E16). The financial
 * result (E17–E19) is folded into the operating lines — interest is booked as E14 on product 612 —
 * so that E16 = E8 − E15 is the ordinary result every caller compares.
 */
export const ACCOUNT_LINES: readonly AccountLineTable[] = [
  { code: 'E1', name: 'Steuern und ähnliche Abgaben', kind: 'INCOME' },
  { code: 'E2', name: 'Zuwendungen, allgemeine Umlagen und sonstige Transfererträge', kind: 'INCOME' },
  { code: 'E3', name: 'Erträge der sozialen Sicherung', kind: 'INCOME' },
  { code: 'E4', name: 'Öffentlich-rechtliche Leistungsentgelte', kind: 'INCOME' },
  { code: 'E5', name: 'Privatrechtliche Leistungsentgelte', kind: 'INCOME' },
  { code: 'E6', name: 'Kostenerstattungen und Kostenumlagen', kind: 'INCOME' },
  { code: 'E7', name: 'Sonstige laufende Erträge', kind: 'INCOME' },
  { code: 'E8', name: 'Summe der laufenden Erträge aus Verwaltungstätigkeit', kind: 'SUM' },
  { code: 'E9', name: 'Personal- und Versorgungsaufwendungen', kind: 'EXPENSE' },
  { code: 'E10', name: 'Aufwendungen für Sach- und Dienstleistungen', kind: 'EXPENSE' },
  { code: 'E11', name: 'Abschreibungen', kind: 'EXPENSE' },
  { code: 'E12', name: 'Zuwendungen, Umlagen und sonstige Transferaufwendungen', kind: 'EXPENSE' },
  { code: 'E13', name: 'Aufwendungen der sozialen Sicherung', kind: 'EXPENSE' },
  { code: 'E14', name: 'Sonstige laufende Aufwendungen', kind: 'EXPENSE' },
  { code: 'E15', name: 'Summe der laufenden Aufwendungen aus Verwaltungstätigkeit', kind: 'SUM' },
  { code: 'E16', name: 'Laufendes Ergebnis aus Verwaltungstätigkeit', kind: 'RESULT' },
].map((l, i) => ({ ...l, statement: 'ERGEBNIS', sign: l.kind === 'EXPENSE' ? -1 : 1, sort: i + 1 }) as AccountLineTable)

export type IncomeLine = 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7'
export type ExpenseLine = 'E9' | 'E10' | 'E11' | 'E12' | 'E13' | 'E14'

export const INCOME_LINES = ACCOUNT_LINES.filter(l => l.kind === 'INCOME').map(l => l.code as IncomeLine)
export const EXPENSE_LINES = ACCOUNT_LINES.filter(l => l.kind === 'EXPENSE').map(l => l.code as ExpenseLine)

export interface LineAmount {
  line: string
  amount: number
}

export interface LineTotals {
  income: number
  expense: number
  result: number
}

/** E8, E15 and E16 from detail lines (amounts are stored positive; the line kind gives the sign). */
export function lineTotals(lines: readonly LineAmount[]): LineTotals {
  let income = 0
  let expense = 0
  for (const l of lines) {
    if (INCOME_SET.has(l.line)) income += l.amount
    else if (EXPENSE_SET.has(l.line)) expense += l.amount
  }
  return { income, expense, result: income - expense }
}

const INCOME_SET = new Set<string>(INCOME_LINES)
const EXPENSE_SET = new Set<string>(EXPENSE_LINES)
