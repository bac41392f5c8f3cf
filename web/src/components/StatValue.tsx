import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n'

// A statistical cell as the graph gives it (StatCount / StatValue: value, status, flags) drawn honestly:
// SECRET as a dot ("geheim: 1–2 Fälle"), PERTURBED with a mark, missing as "–", flags as the official
// statistics mark them (p vorläufig, r berichtigt, s geschätzt, values in brackets of limited reliability).

export type CellStatus = 'EXACT' | 'ZERO' | 'SECRET' | 'ROUNDED' | 'PERTURBED' | 'NOT_AVAILABLE' | 'NOT_MEANINGFUL'
export type CellFlag = 'PROVISIONAL' | 'REVISED' | 'ESTIMATED' | 'LIMITED_RELIABILITY'

export interface Stat {
  value?: number | null
  status: CellStatus
  flags?: readonly CellFlag[] | null
}

export type Mark = 'secret' | 'perturbed' | 'notAvailable' | 'notMeaningful' | 'provisional' | 'revised' | 'estimated' | 'limited'

const FLAG_MARK: Record<CellFlag, Mark> = {
  PROVISIONAL: 'provisional',
  REVISED: 'revised',
  ESTIMATED: 'estimated',
  LIMITED_RELIABILITY: 'limited',
}
const FLAG_SYMBOL: Partial<Record<Mark, string>> = { provisional: 'p', revised: 'r', estimated: 's' }

/** The marks a set of cells needs in a legend. */
export function marksOf(stats: ReadonlyArray<Stat | null | undefined>): Set<Mark> {
  const marks = new Set<Mark>()
  for (const s of stats) {
    if (!s) {
      marks.add('notAvailable')
      continue
    }
    if (s.status === 'SECRET') marks.add('secret')
    if (s.status === 'PERTURBED') marks.add('perturbed')
    if (s.status === 'NOT_AVAILABLE' || (s.value == null && s.status !== 'SECRET' && s.status !== 'NOT_MEANINGFUL'))
      marks.add('notAvailable')
    if (s.status === 'NOT_MEANINGFUL') marks.add('notMeaningful')
    for (const f of s.flags ?? []) marks.add(FLAG_MARK[f])
  }
  return marks
}

/** A value is usable in a sum or chart: it has a number and is not suppressed. */
export const usable = (s: Stat | null | undefined): s is Stat & { value: number } =>
  !!s && typeof s.value === 'number' && s.status !== 'SECRET' && s.status !== 'NOT_MEANINGFUL'

export function StatValue({ stat, format, unit }: { stat: Stat | null | undefined; format?: (n: number) => string; unit?: string }) {
  const { t } = useI18n()
  const fmt = format ?? ((n: number) => String(n))
  if (!stat || stat.status === 'NOT_AVAILABLE' || (stat.value == null && stat.status !== 'SECRET' && stat.status !== 'NOT_MEANINGFUL')) {
    return (
      <span className="stat stat--missing" title={t('figures.notAvailable')}>
        <span aria-hidden="true">–</span>
        <span className="kern-sr-only">{t('figures.notAvailable')}</span>
      </span>
    )
  }
  if (stat.status === 'SECRET') {
    return (
      <span className="stat stat--secret" title={t('figures.secretLegend')}>
        <span className="stat__dot" aria-hidden="true" />
        <span className="kern-sr-only">{t('figures.secret')}</span>
      </span>
    )
  }
  if (stat.status === 'NOT_MEANINGFUL') {
    return (
      <span className="stat stat--nm" title={t('figures.notMeaningful')}>
        <span aria-hidden="true">/</span>
        <span className="kern-sr-only">{t('figures.notMeaningful')}</span>
      </span>
    )
  }
  const flags = stat.flags ?? []
  const limited = flags.includes('LIMITED_RELIABILITY')
  let text: ReactNode = fmt(stat.value as number) + (unit ? ` ${unit}` : '')
  if (limited) text = `(${text as string})`
  const marks: Array<{ symbol: string; label: MessageKey }> = []
  if (stat.status === 'PERTURBED') marks.push({ symbol: '*', label: 'figures.perturbed' })
  for (const f of flags) {
    const symbol = FLAG_SYMBOL[FLAG_MARK[f]]
    if (symbol) marks.push({ symbol, label: `figures.${FLAG_MARK[f] as 'provisional' | 'revised' | 'estimated'}` })
  }
  return (
    <span className={`stat${stat.status === 'PERTURBED' ? ' stat--perturbed' : ''}`}>
      {text}
      {marks.map(m => (
        <sup key={m.symbol} className="stat__mark" title={t(m.label)}>
          <span aria-hidden="true">{m.symbol}</span>
          <span className="kern-sr-only"> ({t(m.label)})</span>
        </sup>
      ))}
      {limited && <span className="kern-sr-only"> ({t('figures.limitedReliability')})</span>}
    </span>
  )
}

const LEGEND: Record<Mark, { symbol: ReactNode; text: MessageKey }> = {
  secret: { symbol: <span className="stat__dot" aria-hidden="true" />, text: 'figures.secretLegend' },
  perturbed: { symbol: '*', text: 'figures.perturbedLegend' },
  notAvailable: { symbol: '–', text: 'figures.notAvailableLegend' },
  notMeaningful: { symbol: '/', text: 'figures.notMeaningfulLegend' },
  provisional: { symbol: 'p', text: 'figures.provisional' },
  revised: { symbol: 'r', text: 'figures.revised' },
  estimated: { symbol: 's', text: 'figures.estimated' },
  limited: { symbol: '( )', text: 'figures.limitedReliability' },
}

/** "Zeichenerklärung" for the marks a figure uses; nothing when it uses none. */
export function StatLegend({ marks }: { marks: ReadonlySet<Mark> }) {
  const { t } = useI18n()
  if (!marks.size) return null
  return (
    <dl className="stat-legend" aria-label={t('figures.legend')}>
      {[...marks].map(m => (
        <div key={m} className="stat-legend__item">
          <dt className="stat-legend__symbol">{LEGEND[m].symbol}</dt>
          <dd>{m === 'notAvailable' || m === 'notMeaningful' ? t(LEGEND[m].text).replace(/^[–/]:\s*/, '') : t(LEGEND[m].text)}</dd>
        </div>
      ))}
    </dl>
  )
}
