/** Tables of the `fin` schema. */
export type BudgetVersion = 'ANSATZ' | 'NACHTRAG' | 'FORTGESCHRIEBEN' | 'IST' | 'PROGNOSE' | 'FINANZPLAN'
export type InvestmentCategory = 'SCHULE' | 'STRASSE' | 'LED' | 'KITA' | 'IT' | 'SONSTIGE'
export type InvestmentStatus = 'GEPLANT' | 'LAUFEND' | 'ABGESCHLOSSEN' | 'GESTOPPT'

export interface TeilhaushaltTable {
  code: string
  name: string
  kind: 'functional' | 'institutional'
  responsible_department: string
}

export interface ProductTable {
  code: string
  level: number
  parent_code: string | null
  name: string
  teilhaushalt_code: string | null
}

export interface AccountLineTable {
  code: string
  statement: 'ERGEBNIS'
  name: string
  /** DETAIL lines carry values; SUM and RESULT lines are derived from them. */
  kind: 'INCOME' | 'EXPENSE' | 'SUM' | 'RESULT'
  sign: number
  sort: number
}

export interface BudgetValueTable {
  year: number
  version: BudgetVersion
  product_code: string
  account_line: string
  amount: number
}

export interface InvestmentMeasureTable {
  id: string
  name: string
  product_code: string | null
  ags: string
  district_code: string | null
  category: InvestmentCategory
  status: InvestmentStatus
  total_cost: number
  start_year: number | null
  end_year: number | null
  funding_share: number | null
  funding_source: string | null
}

export interface InvestmentValueTable {
  measure_id: string
  year: number
  version: 'ANSATZ' | 'IST'
  amount: number
}

export interface DebtTable {
  stichtag: string
  liquidity_credits: number
  investment_credits: number
}

export interface FinDatabase {
  'fin.teilhaushalt': TeilhaushaltTable
  'fin.product': ProductTable
  'fin.account_line': AccountLineTable
  'fin.budget_value': BudgetValueTable
  'fin.investment_measure': InvestmentMeasureTable
  'fin.investment_value': InvestmentValueTable
  'fin.debt': DebtTable
}
