import { assertYear, badUserInput } from '../../platform/errors.js'

/** A school year is written "2025/26": it starts in August of the first year and ends in July of the next. */
export function schoolYearOf(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`
}

/** Validates a client's school year string; anything but "YYYY/YY" with consecutive years is a client mistake. */
export function assertSchoolYear(value: string, arg = 'schoolYear'): string {
  const match = typeof value === 'string' ? /^(\d{4})\/(\d{2})$/.exec(value) : null
  const start = match ? Number(match[1]) : NaN
  if (!match || Number(match[2]) !== (start + 1) % 100) {
    throw badUserInput(`Argument "${arg}" must be a school year of two consecutive years like "2025/26", got ${JSON.stringify(value)}`, {
      argumentName: arg,
    })
  }
  assertYear(start, arg)
  return value
}

/**
 * Reference date of the Schulstatistik for a school year: about four weeks after the start of the
 * school year (docs/data-model.md); we fix it at 15 September since RLP holidays move each year.
 */
export function schoolStatStichtag(schoolYear: string): string {
  return `${schoolYear.slice(0, 4)}-09-15`
}

/** Kitas report on 1 March of each year (Kinder- und Jugendhilfestatistik). */
export function kitaStichtag(year: number): string {
  return `${year}-03-01`
}
