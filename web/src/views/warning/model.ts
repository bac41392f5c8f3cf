import type { WarningMetaQuery } from '../../gql/graphql'

// Pure helpers of the Warnmelder: days, the rule sets' bands in words, and text colours on the bands' colours.

export type RuleSet = WarningMetaQuery['warnRuleSets'][number]
export type RuleBand = RuleSet['indicators'][number]['bands'][number]

const ISO = /^\d{4}-\d{2}-\d{2}$/

export const isIsoDay = (s: string | null): s is string => !!s && ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** The `n` days up to and including `day`, oldest first. */
export function daysUpTo(day: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addDays(day, i - n + 1))
}

/** ISO weekday, 1 = Monday. */
export const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

/** The rule set in force on `day` (the one whose validity covers it). */
export function ruleSetOn(sets: readonly RuleSet[], day: string): RuleSet | undefined {
  return sets.find(s => s.validFrom <= day && (!s.validTo || day <= s.validTo))
}

export interface BandRange {
  kind: 'below' | 'between' | 'above'
  from: number | null
  to: number | null
  /** `from` belongs to the band ("ab 20") or not ("über 50"). */
  fromInclusive: boolean
  /** `to` belongs to the band ("bis 100") or not ("unter 20"): it does when the next band starts exclusively. */
  toInclusive: boolean
}

/** A band's range as words need it. */
export function bandRange(bands: readonly RuleBand[], band: RuleBand): BandRange {
  const next = band.to == null ? undefined : bands.find(b => b.from === band.to)
  const toInclusive = !!next && !next.fromInclusive
  if (band.from == null) return { kind: 'below', from: null, to: band.to ?? null, fromInclusive: true, toInclusive }
  if (band.to == null) return { kind: 'above', from: band.from, to: null, fromInclusive: band.fromInclusive, toInclusive }
  return { kind: 'between', from: band.from, to: band.to, fromInclusive: band.fromInclusive, toInclusive }
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return 0
  const [r, g, b] = m.slice(1).map(h => {
    const c = parseInt(h, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Black or white text on `background`, whichever contrasts more (≥ 4.5:1 for the bands' colours). */
export function textOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background)
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff'
}

/** A colour with transparency, for the bands behind the history chart. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return hex
  const [r, g, b] = m.slice(1).map(h => parseInt(h, 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>()

/** "Mo", "Di" … (or "Mon", "Tue" …) for a day. */
export function weekdayShort(locale: string, day: string): string {
  let fmt = weekdayFormats.get(locale)
  if (!fmt) weekdayFormats.set(locale, (fmt = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' })))
  return fmt.format(new Date(`${day}T00:00:00Z`)).replace(/\.$/, '')
}
