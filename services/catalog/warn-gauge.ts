/**
 * The warning gauge ("Corona-Warnmelder", services/catalog/README.md) as a pure function of a rule set and a
 * daily series. The rule sets are data (cat.rule_set, cat.rule_band; seeded in seed.ts); this file
 * only interprets them, so a changed threshold is a data change, not a code change.
 */

/** The daily inputs, as the social department serves them on `HealthDay`. */
export type InputField = 'incidence7' | 'hospitalization7' | 'icuShare'
export const INPUT_FIELDS: readonly InputField[] = ['incidence7', 'hospitalization7', 'icuShare']

export interface DayValues {
  day: string
  incidence7?: number | null
  hospitalization7?: number | null
  icuShare?: number | null
}

/**
 * One band of one indicator: a value belongs to the highest band whose lower bound it meets.
 * `lower: null` is the open bottom band. `lowerInclusive` decides the boundary itself
 * (≥ for "ab 35", > for "über 50").
 */
export interface Band {
  level: number
  lower: number | null
  lowerInclusive: boolean
}

export interface LevelDef {
  level: number
  label: string
  color: string
}

export interface RuleSetDefinition {
  id: string
  title: string
  validFrom: string
  validTo: string | null
  /** The indicator whose value is the gauge's needle (`value`, `bands`, `trend7d`). */
  primary: InputField
  indicators: ReadonlyArray<{ field: InputField; indicatorId: string; bands: readonly Band[] }>
  levels: readonly LevelDef[]
  /** How many indicators must reach a level's range for the day to count at that level (2020: 1, 2021: 2 of 3). */
  quorum: number
  /** Consecutive counted days a reading must hold before a change at or above `confirmFromLevel` applies. */
  confirmDays: number
  /** ISO weekdays (1 = Monday … 7 = Sunday) that count for the consecutive-day rule; others are skipped. */
  countedWeekdays: readonly number[]
  /** Levels below this follow the day's reading at once; entering, leaving or moving between levels from here needs confirmation. */
  confirmFromLevel: number
  /** Calendar days after the confirming day on which a confirmed change takes effect (2021: "ab dem übernächsten Tag" = 2). */
  effectiveAfterDays: number
}

export interface GaugeBandOut {
  level: number
  from: number | null
  to: number | null
  fromInclusive: boolean
  label: string
  color: string
}
export interface GaugeReading {
  indicatorId: string
  field: InputField
  value: number | null
  level: number | null
}

export interface GaugeResult {
  day: string
  ruleSet: string
  value: number | null
  level: number
  label: string
  color: string
  /** The level the day's own reading points to, before the consecutive-day rule. */
  readingLevel: number | null
  bands: GaugeBandOut[]
  readings: GaugeReading[]
  daysAboveThreshold: number
  trend7d: number | null
}

const DAY_MS = 86_400_000
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`)
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10)
export const addDays = (day: string, n: number) => toDay(toTime(day) + n * DAY_MS)
/** ISO weekday of a calendar date, independent of the process time zone. */
export const isoWeekday = (day: string) => ((new Date(toTime(day)).getUTCDay() + 6) % 7) + 1

/** The number of days the gauge looks back, `day` included (HealthDay.recent holds exactly these). */
export const WINDOW_DAYS = 14

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** The level of one value: the highest band whose lower bound it meets; null for a missing value. */
export function bandLevel(bands: readonly Band[], value: number | null | undefined): number | null {
  if (!isNumber(value)) return null
  let level: number | null = null
  for (const b of [...bands].sort((a, b2) => a.level - b2.level)) {
    const meets = b.lower === null || (b.lowerInclusive ? value >= b.lower : value > b.lower)
    if (meets) level = b.level
  }
  return level
}

/**
 * The level a day's readings point to: the highest level that at least `quorum` indicators reach
 * (an indicator in a higher range also reaches every lower one). Fewer known indicators than the
 * quorum: undetermined (null) — a missing value never counts as "below".
 */
export function readingLevel(rule: RuleSetDefinition, values: DayValues): number | null {
  const levels = rule.indicators.map(i => bandLevel(i.bands, values[i.field])).filter((l): l is number => l !== null)
  if (levels.length < rule.quorum) return null
  const candidates = [...new Set(levels)].sort((a, b) => b - a)
  return candidates.find(l => levels.filter(x => x >= l).length >= rule.quorum) ?? Math.min(...rule.levels.map(l => l.level))
}

/** The rule set in force on `day` (validFrom ≤ day ≤ validTo), or null. */
export function ruleSetOn<R extends Pick<RuleSetDefinition, 'validFrom' | 'validTo'>>(rules: readonly R[], day: string): R | null {
  return rules.find(r => r.validFrom <= day && (r.validTo === null || day <= r.validTo)) ?? null
}

/** Bands with both bounds and their level's label and colour, lowest first. */
export function bandsOf(rule: Pick<RuleSetDefinition, 'levels'>, bands: readonly Band[]): GaugeBandOut[] {
  const sorted = [...bands].sort((a, b) => a.level - b.level)
  return sorted.map((b, i) => {
    const l = rule.levels.find(x => x.level === b.level)
    return {
      level: b.level,
      from: b.lower,
      to: sorted[i + 1]?.lower ?? null,
      fromInclusive: b.lowerInclusive,
      label: l?.label ?? String(b.level),
      color: l?.color ?? '#808080',
    }
  })
}

/** The window's days in order: `recent` filtered to (day − 14, day], with the day's own top-level values winning. */
export function windowOf(day: string, recent: readonly DayValues[], own: DayValues | null): DayValues[] {
  const first = addDays(day, -(WINDOW_DAYS - 1))
  const byDay = new Map<string, DayValues>()
  for (const v of recent) if (v && typeof v.day === 'string' && v.day >= first && v.day <= day) byDay.set(v.day, v)
  if (own) byDay.set(day, { ...byDay.get(day), ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)), day })
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/**
 * The gauge on `day` under `rule`, from the window's series (oldest first; `day` must be the last
 * day or missing). Walks the window as a state machine:
 *  - the state starts at the reading of the first counted day with a determined reading (the window
 *    is all the history the gauge gets; 14 days hold enough counted days for any confirmation);
 *  - below `confirmFromLevel` the level follows the day's reading at once, capped just below it;
 *  - a change that enters, leaves or moves between levels ≥ `confirmFromLevel` applies only when the
 *    last `confirmDays` counted days all reached the new range: escalation to the lowest level all of
 *    them reached, de-escalation to the highest level any of them reached — effective
 *    `effectiveAfterDays` calendar days after the confirming day;
 *  - days not counted (weekends under "working days") are skipped and break no run; a counted day
 *    with an undetermined reading breaks the run.
 * Returns null when no day of the window has a determined reading.
 */
export function computeWarnGauge(rule: RuleSetDefinition, day: string, series: readonly DayValues[]): GaugeResult | null {
  const days = series.filter(v => v.day <= day)
  const counted = (d: string) => rule.countedWeekdays.includes(isoWeekday(d))
  const C = rule.confirmFromLevel
  const N = rule.confirmDays
  const decisions: Array<{ effective: string; level: number }> = []
  let state: number | null = null
  let run: number[] = []
  for (const v of days) {
    if (!counted(v.day)) continue
    const r = readingLevel(rule, v)
    if (r === null) {
      run = []
      continue
    }
    run = [...run, r].slice(-N)
    if (state === null) {
      state = r
      decisions.push({ effective: v.day, level: r })
      continue
    }
    let next: number = state
    if (state < C) next = Math.min(r, C - 1)
    const full = run.length === N
    let confirmed = false
    if (full && state < C && Math.min(...run) >= C) {
      next = Math.min(...run)
      confirmed = true
    } else if (full && state >= C && run.every(x => x > state!)) {
      next = Math.min(...run)
      confirmed = true
    } else if (full && state >= C && run.every(x => x < state!)) {
      next = Math.max(...run)
      confirmed = true
    }
    if (next !== state) {
      decisions.push({ effective: confirmed ? addDays(v.day, rule.effectiveAfterDays) : v.day, level: next })
      state = next
    }
  }
  if (state === null) return null
  // The level in force on `day`: the latest decision already effective (a confirmed change may still be pending).
  const inForce = decisions.filter(d => d.effective <= day).at(-1) ?? decisions[0]
  const level = inForce.level
  const def = rule.levels.find(l => l.level === level) ?? { level, label: String(level), color: '#808080' }

  const today = days.find(v => v.day === day) ?? null
  const weekAgo = days.find(v => v.day === addDays(day, -7)) ?? null
  const value = today && isNumber(today[rule.primary]) ? today[rule.primary]! : null
  const before = weekAgo && isNumber(weekAgo[rule.primary]) ? weekAgo[rule.primary]! : null

  // Consecutive counted days up to `day` whose reading reached the range the consecutive-day rule guards.
  let daysAboveThreshold = 0
  for (const v of [...days].reverse()) {
    if (!counted(v.day)) continue
    const r = readingLevel(rule, v)
    if (r === null || r < C) break
    daysAboveThreshold++
  }

  const bands = bandsOf(rule, rule.indicators.find(i => i.field === rule.primary)!.bands)
  return {
    day,
    ruleSet: rule.id,
    value,
    level,
    label: def.label,
    color: def.color,
    readingLevel: today ? readingLevel(rule, today) : null,
    bands,
    readings: rule.indicators.map(i => ({
      indicatorId: i.indicatorId,
      field: i.field,
      value: today && isNumber(today[i.field]) ? today[i.field]! : null,
      level: today ? bandLevel(i.bands, today[i.field]) : null,
    })),
    daysAboveThreshold,
    trend7d: value !== null && before !== null ? Math.round((value - before) * 10) / 10 : null,
  }
}
