import { GraphQLError } from 'graphql'

/**
 * The closed catalog of error codes our services and the gateway put in `extensions.code`.
 * docs/errors.md has one row per code.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  // Data entry (lib/data-entry): a refused write wrote nothing.
  | 'VALIDATION_FAILED'
  | 'DUPLICATE_PERIOD'
  | 'IDEMPOTENCY_KEY_REUSED'

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extra } })
}

export const FIRST_YEAR = 1950
export const LAST_YEAR = 2100

/** Years outside the range any dataset can hold are a client mistake, not an empty answer. */
export function assertYear(year: number, arg = 'year'): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badUserInput(`Argument "${arg}" must be a year between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, { argumentName: arg })
  }
  return year
}

export function assertYearRange(from: number, to: number): void {
  assertYear(from, 'from')
  assertYear(to, 'to')
  if (from > to) throw badUserInput(`Argument "from" (${from}) must not be after "to" (${to})`, { argumentName: 'from' })
}

/** Amtlicher Gemeindeschlüssel: 8 digits. */
export function assertAgs(ags: string, arg = 'ags'): string {
  if (typeof ags !== 'string' || !/^\d{8}$/.test(ags)) {
    throw badUserInput(`Argument "${arg}" must be an 8-digit Amtlicher Gemeindeschlüssel (e.g. "07312000"), got ${JSON.stringify(ags)}`, { argumentName: arg })
  }
  return ags
}

/** District numbers are two digits, "01"–"99". */
export function assertDistrictCode(code: string, arg = 'code'): string {
  if (typeof code !== 'string' || !/^\d{2}$/.test(code)) {
    throw badUserInput(`Argument "${arg}" must be a two-digit district number (e.g. "05"), got ${JSON.stringify(code)}`, { argumentName: arg })
  }
  return code
}

export function assertPositiveInt(value: number, arg: string, max = 10_000): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(`Argument "${arg}" must be an integer between 1 and ${max}, got ${value}`, { argumentName: arg })
  }
  return value
}
