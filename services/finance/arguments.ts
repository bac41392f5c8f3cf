import { assertDistrictCode, assertYear, assertYearRange, badUserInput } from '../../platform/errors.js'
import type { InvestmentCategory } from './db.js'
import { OPEN_FROM, OPEN_TO } from './loaders.js'

/** Argument checks of the finance subgraph: malformed input is a client error, an unknown key is null. */

export const INVESTMENT_CATEGORIES: readonly InvestmentCategory[] = ['SCHULE', 'STRASSE', 'LED', 'KITA', 'IT', 'SONSTIGE']

export function assertProductCode(code: string): string {
  if (typeof code !== 'string' || !/^[0-9A-Za-z]{1,12}$/.test(code)) {
    throw badUserInput(`Argument "code" must be a product code of up to 12 letters or digits (e.g. "313"), got ${JSON.stringify(code)}`, {
      argumentName: 'code',
    })
  }
  return code
}

export function assertMeasureId(id: string): string {
  if (typeof id !== 'string' || !/^[0-9A-Za-z.-]{1,32}$/.test(id)) {
    throw badUserInput(`Argument "id" must be an Investitionsnummer (e.g. "7.541001"), got ${JSON.stringify(id)}`, { argumentName: 'id' })
  }
  return id
}

export function assertLevel(level: number): number {
  if (!Number.isInteger(level) || level < 1 || level > 4)
    throw badUserInput(`Argument "level" must be 1, 2, 3 or 4, got ${level}`, { argumentName: 'level' })
  return level
}

export function assertTeilhaushaltCode(code: string): string {
  if (typeof code !== 'string' || !/^[0-9]{1,2}$/.test(code)) {
    throw badUserInput(`Argument "teilhaushalt" must be a Teilhaushalt number (e.g. "5"), got ${JSON.stringify(code)}`, {
      argumentName: 'teilhaushalt',
    })
  }
  return code
}

export function assertCategory(category: string): InvestmentCategory {
  if (!INVESTMENT_CATEGORIES.includes(category as InvestmentCategory)) {
    throw badUserInput(`Argument "category" must be one of ${INVESTMENT_CATEGORIES.join(', ')}, got ${JSON.stringify(category)}`, {
      argumentName: 'category',
    })
  }
  return category as InvestmentCategory
}

export { assertDistrictCode, assertYear, assertYearRange }

/** An optional [from, to] window: a missing bound is open; given bounds must be years in order. */
export function yearWindow(from: number | null | undefined, to: number | null | undefined): [number, number] {
  if (from != null) assertYear(from, 'from')
  if (to != null) assertYear(to, 'to')
  if (from != null && to != null) assertYearRange(from, to)
  return [from ?? OPEN_FROM, to ?? OPEN_TO]
}
