import type { WriteReceipt } from '../../lib/data-entry/write-dataset.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { Money } from '../../platform/stat.js'
import type { budgetSummary, planActual, ProductResultValue } from './budget-results.js'
import type { FinDatabase, InvestmentMeasureTable, ProductTable, TeilhaushaltTable } from './db.js'
import type { FinLoaders } from './loaders.js'

// What the finance resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<FinDatabase, FinLoaders>

export type ProductMapper = ProductTable
export type TeilhaushaltMapper = TeilhaushaltTable
export type InvestmentMeasureMapper = InvestmentMeasureTable
/** Figures carry the id of their dataset; `provenance` resolves it. */
export type ProductResultMapper = ProductResultValue
export type PlanActualMapper = ReturnType<typeof planActual>
export type BudgetSummaryMapper = NonNullable<ReturnType<typeof budgetSummary>>
export interface FinanceDebtMapper {
  stichtag: string
  liquidityCredits: Money
  investmentCredits: Money
  total: Money
  datasetId: string
}
/** A District or Year representation; `residents` arrives from the population subgraph via @requires. */
export interface DistrictMapper {
  ags: string
  code: string
  residents?: number | null
}
export interface YearMapper {
  year: number
  residents?: number | null
}
/** What lib/data-entry/enter-rows.ts answers a write with. */
export type FinanceEntryReceiptMapper = WriteReceipt
