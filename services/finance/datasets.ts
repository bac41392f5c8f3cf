import { sql, type Kysely } from 'kysely'
import { defineDataset, type Reference } from '../../lib/data-entry/define-dataset.js'

export interface ActualRow extends Record<string, unknown> {
  year: number
  productCode: string
  accountLine: string
  amount: number
}

/** Only leaf products and detail lines carry values; sums over products and lines are computed. */
const leafProduct: Reference = {
  what: 'leaf product (a product without sub-products)',
  existing: async (db: Kysely<any>, values: readonly string[]) => {
    const { rows } = await sql<{ code: string }>`select p.code from fin.product p
      where p.code = any(${[...values]}::text[]) and not exists (select 1 from fin.product c where c.parent_code = p.code)`.execute(db)
    return new Set(rows.map(r => r.code))
  },
}
const detailLine: Reference = {
  what: 'income or expense line (E1–E7, E9–E14; sums are computed)',
  existing: async (db: Kysely<any>, values: readonly string[]) => {
    const { rows } = await sql<{ code: string }>`select code from fin.account_line
      where code = any(${[...values]}::text[]) and kind in ('INCOME', 'EXPENSE')`.execute(db)
    return new Set(rows.map(r => r.code))
  },
}

/**
 * The finance department's data entry (lib/data-entry): actual results (IST) of the
 * Ergebnishaushalt per leaf product, detail line and year, as the closing of accounts reports
 * them. Amounts are positive; the line's kind gives the sign. Each (year, product, line) is
 * entered once; other budget versions of the same cell do not count.
 */
export const datasets = {
  actuals: defineDataset<ActualRow>({
    department: 'finance',
    schema: 'fin',
    id: 'fin.actuals',
    table: 'fin.budget_value',
    fields: {
      year: {
        label: 'Haushaltsjahr',
        column: 'year',
        type: 'integer',
        pgType: 'smallint',
        min: 2000,
        max: 2100,
        aliases: ['Jahr', 'Haushaltsjahr'],
      },
      productCode: {
        label: 'Produkt',
        column: 'product_code',
        type: 'text',
        pgType: 'text',
        references: leafProduct,
        aliases: ['Produkt'],
      },
      accountLine: {
        label: 'Kontenzeile',
        column: 'account_line',
        type: 'text',
        pgType: 'text',
        references: detailLine,
        aliases: ['Zeile', 'Kontenzeile'],
      },
      amount: {
        label: 'Ist-Betrag',
        unit: 'Euro',
        column: 'amount',
        type: 'decimal',
        pgType: 'numeric',
        min: 0,
        max: 999_999_999_999.99,
        aliases: ['Betrag', 'Ist'],
      },
    },
    constants: { version: { value: 'IST', pgType: 'text' } },
    key: ['year', 'productCode', 'accountLine'],
    period: { parts: ['year', 'productCode', 'accountLine'], stichtag: r => `${r.year}-12-31` },
    check: r => [
      ...(r.year > new Date().getUTCFullYear() ? [{ column: 'year', reason: `has no actuals yet (${r.year} lies in the future)` }] : []),
      ...(Math.round(r.amount * 100) / 100 !== r.amount ? [{ column: 'amount', reason: `has more than two decimals (${r.amount})` }] : []),
    ],
    invalidates: ['fin.actuals', 'fin.budget'],
  }),
}
