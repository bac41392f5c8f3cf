import { useMemo } from 'react'
import { useQuery } from 'urql'
import { Link, useSearchParams } from 'wouter'
import { LineChart } from 'echarts/charts'
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { Gauge } from '../../components/Gauge'
import { SourceLine } from '../../components/Provenance'
import { Empty, Loading, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useI18n } from '../../i18n/I18nProvider'
import { useFormat, type Formatters } from '../../lib/format'
import { PATHS } from '../../routes'
import { HISTORY_DAYS, WarningDayQuery, WarningHistoryQuery, WarningMetaQuery } from './queries'
import {
  addDays,
  bandRange,
  daysUpTo,
  isIsoDay,
  isoWeekday,
  ruleSetOn,
  textOn,
  weekdayShort,
  withAlpha,
  type RuleBand,
  type RuleSet,
} from './model'
import type { WarnHistoryDayFragment, WarningDayQuery as DayData } from '../../gql/graphql'
import './warning.css'

const LINES = [LineChart, GridComponent, TooltipComponent, MarkAreaComponent]

type GaugeData = NonNullable<NonNullable<NonNullable<DayData['municipality']>['healthDay']>['warnGauge']>
type T = ReturnType<typeof useI18n>['t']

export default function WarningView() {
  const { t } = useI18n()
  const f = useFormat()
  const [params, setParams] = useSearchParams()
  const [meta, reloadMeta] = useQuery({ query: WarningMetaQuery })
  const latest = meta.data?.healthDataset?.stichtag ?? null
  const first = meta.data?.healthDataset?.temporalStart ?? null
  const asked = params.get('tag')
  const day = isIsoDay(asked) && (!latest || asked <= latest) && (!first || asked >= first) ? asked : latest

  const [dayResult, reloadDay] = useQuery({ query: WarningDayQuery, variables: { ags: CITY.ags, day: day ?? '' }, pause: !day })
  const historyVars = useMemo(() => {
    const days = day ? daysUpTo(day, HISTORY_DAYS) : []
    return Object.fromEntries([['ags', CITY.ags], ...days.map((d, i) => [`d${i}`, d])]) as { ags: string } & Record<`d${number}`, string>
  }, [day])
  // The generated variables type names d0 … d27; the object above has exactly those.
  const [history] = useQuery({ query: WarningHistoryQuery, variables: historyVars as never, pause: !day })

  const sets = meta.data?.warnRuleSets ?? []
  const healthDay = dayResult.data?.municipality?.healthDay ?? null
  const gauge = healthDay?.warnGauge ?? null
  const ruleSet = gauge ? sets.find(s => s.id === gauge.ruleSet) : day ? ruleSetOn(sets, day) : undefined
  const down = [...new Set([...departmentsDown(meta.error), ...departmentsDown(dayResult.error), ...departmentsDown(history.error)])]
  const go = (next: string) => setParams(p => (p.set('tag', next), p))

  let body
  if (!meta.data) {
    body = (
      <QueryState
        fetching={meta.fetching}
        error={meta.error}
        hasData={false}
        onRetry={() => reloadMeta({ requestPolicy: 'network-only' })}
      />
    )
  } else if (!day) {
    body = <Empty text={t('warning.noData')} />
  } else {
    body = (
      <>
        <Partial departments={down} />
        {dayResult.fetching && !dayResult.data ? (
          <Loading />
        ) : !healthDay ? (
          dayResult.error && !down.length ? (
            <QueryState
              fetching={false}
              error={dayResult.error}
              hasData={false}
              onRetry={() => reloadDay({ requestPolicy: 'network-only' })}
            />
          ) : (
            <Empty text={t('warning.noReport', { date: f.date(day) })} />
          )
        ) : !gauge ? (
          <Empty text={t('warning.noGauge', { date: f.date(day) })} />
        ) : (
          <div className="warning-top">
            <GaugeFigure gauge={gauge} />
            <Why
              gauge={gauge}
              ruleSet={ruleSet}
              history={history.data?.municipality as Record<string, WarnHistoryDayFragment | null> | undefined}
            />
          </div>
        )}
        <HistoryFigure
          day={day}
          data={history.data?.municipality as Record<string, WarnHistoryDayFragment | null> | undefined}
          fetching={history.fetching}
          ruleSet={ruleSet}
          source={meta.data.healthDataset}
        />
        <Rules sets={sets} current={ruleSet?.id} source={meta.data.indicatorDataset} />
      </>
    )
  }

  return (
    <section className="view view--warning" aria-labelledby="warning-title" aria-busy={meta.fetching || dayResult.fetching}>
      <header className="view__header">
        <h1 id="warning-title" className="kern-heading kern-heading-large view__title">
          {t('warning.title')}
        </h1>
        <p className="kern-body view__lead">{t('warning.lead')}</p>
      </header>
      {day && (
        <div className="warning-controls">
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="warning-day">
              {t('warning.day')}
            </label>
            <input
              id="warning-day"
              type="date"
              className="kern-form-input__input"
              value={day}
              min={first ?? undefined}
              max={latest ?? undefined}
              onChange={e => isIsoDay(e.target.value) && go(e.target.value)}
            />
          </div>
          <div className="warning-controls__steps">
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={!!first && day <= first}
              onClick={() => go(addDays(day, -1))}
            >
              <span className="kern-label">{t('warning.dayBefore')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={!!latest && day >= latest}
              onClick={() => go(addDays(day, 1))}
            >
              <span className="kern-label">{t('warning.dayAfter')}</span>
            </button>
            {latest && day !== latest && (
              <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => go(latest)}>
                <span className="kern-label">{t('warning.latest', { date: f.date(latest) })}</span>
              </button>
            )}
          </div>
        </div>
      )}
      {body}
    </section>
  )
}

function numberWithUnit(f: Formatters, v: number | null | undefined, unit?: string) {
  if (v == null) return '–'
  return unit === 'percent' || unit === '%' ? `${f.number(v, 1)} %` : f.number(v, 1)
}

function GaugeFigure({ gauge }: { gauge: GaugeData }) {
  const { t } = useI18n()
  const f = useFormat()
  const oneDecimal = (n: number) => f.number(n, 1)
  const value = gauge.value == null ? '–' : oneDecimal(gauge.value)
  const title = t('warning.gaugeTitle', { date: f.date(gauge.day) })
  const summary =
    t('warning.gaugeSummary', { date: f.date(gauge.day), label: gauge.label, value }) +
    (gauge.trend7d != null ? ' ' + t('warning.trend', { change: f.signed(gauge.trend7d, 1) }) : '')
  return (
    <Figure
      title={title}
      summary={summary}
      source={gauge.provenance}
      table={{
        columns: [{ label: t('warning.indicator') }, { label: t('warning.value'), numeric: true }, { label: t('warning.level') }],
        rows: gauge.readings.map(r => [r.indicator.title, numberWithUnit(f, r.value), r.level == null ? '–' : String(r.level)]),
      }}
    >
      <Gauge
        value={gauge.value ?? null}
        bands={gauge.bands}
        format={n => f.number(n, 0)}
        label={t('warning.gaugeLabel', { date: f.date(gauge.day), label: gauge.label, value })}
        height={230}
      />
      <p className="warning-level" data-testid="warning-level">
        <span className="warning-level__badge" style={{ background: gauge.color, color: textOn(gauge.color) }}>
          {gauge.label}
        </span>
      </p>
      <p className="warning-value kern-body">
        {t('warning.valueLine', { value })}
        {gauge.trend7d != null && <> · {t('warning.trend', { change: f.signed(gauge.trend7d, 1) })}</>}
      </p>
    </Figure>
  )
}

function bandLabel(ruleSet: RuleSet | undefined, indicatorId: string, level: number | null | undefined): RuleBand | undefined {
  if (level == null) return undefined
  return ruleSet?.indicators.find(i => i.indicator.id === indicatorId)?.bands.find(b => b.level === level)
}

/** Why the gauge stands where it stands: each indicator's reading and level, the quorum and the consecutive-day rule. */
function Why({
  gauge,
  ruleSet,
  history,
}: {
  gauge: GaugeData
  ruleSet: RuleSet | undefined
  history: Record<string, WarnHistoryDayFragment | null> | undefined
}) {
  const { t, locale } = useI18n()
  const f = useFormat()
  const streak =
    history && ruleSet && gauge.readingLevel != null ? readingStreak(history, gauge.readingLevel, ruleSet.countedWeekdays) : null
  const n = gauge.readings.length
  const quorum = ruleSet?.quorum ?? 1
  const readingBand = gauge.readingLevel == null ? undefined : gauge.bands.find(b => b.level === gauge.readingLevel)
  const weekdays = ruleSet ? weekdayWords(t, locale, ruleSet.countedWeekdays) : ''
  return (
    <section className="warning-why" aria-labelledby="warning-why-title">
      <h2 id="warning-why-title" className="kern-heading kern-heading-small">
        {t('warning.whyTitle')}
      </h2>
      <ul className="warning-readings">
        {gauge.readings.map(r => {
          const band = bandLabel(ruleSet, r.indicator.id, r.level)
          return (
            <li key={r.indicator.id} className="warning-reading">
              <span className="warning-reading__swatch" style={{ background: band?.color ?? '#e5e7eb' }} aria-hidden="true" />
              <span className="warning-reading__text">
                <strong>{r.indicator.title}</strong>
                <span>
                  {numberWithUnit(f, r.value, r.indicator.unit)}
                  {' → '}
                  {band ? band.label : t('warning.levelUnknown')}
                </span>
              </span>
            </li>
          )
        })}
      </ul>
      <p className="kern-body">
        {n > 1
          ? t('warning.whyQuorum', { quorum, n, label: readingBand?.label ?? t('warning.levelUnknown') })
          : t('warning.whySingle', { label: readingBand?.label ?? t('warning.levelUnknown') })}
      </p>
      {ruleSet && (
        <p className="kern-body">
          {gauge.readingLevel != null && gauge.readingLevel !== gauge.level
            ? t('warning.whyPending', {
                reading: readingBand?.label ?? String(gauge.readingLevel),
                label: gauge.label,
                confirm: ruleSet.confirmDays,
                weekdays,
              }) + (ruleSet.effectiveAfterDays > 0 ? ' ' + t('warning.ruleEffectiveAfter', { days: ruleSet.effectiveAfterDays }) : '')
            : t('warning.whySteady', { label: gauge.label })}
        </p>
      )}
      {streak && streak.days > 0 && readingBand && (
        <p className="kern-body" data-testid="warning-streak">
          {streak.complete
            ? t('warning.whyStreak', { days: streak.days, label: readingBand.label, since: f.date(streak.since), weekdays })
            : t('warning.whyStreakLong', { days: streak.days, label: readingBand.label, since: f.date(streak.since), weekdays })}
        </p>
      )}
    </section>
  )
}

/**
 * The counted days in a row, up to the chosen one, whose own readings point to `level` or higher (the days the
 * consecutive-day rule looks at); `complete` is false when the streak reaches back past the 28 days shown.
 */
function readingStreak(
  history: Record<string, WarnHistoryDayFragment | null>,
  level: number,
  counted: readonly number[],
): { days: number; since: string; complete: boolean } {
  let days = 0
  let since = ''
  for (let i = HISTORY_DAYS - 1; i >= 0; i--) {
    const h = history[`d${i}`]
    if (!h) return { days, since, complete: true }
    if (!counted.includes(isoWeekday(h.day))) continue
    if ((h.warnGauge?.readingLevel ?? -1) < level) return { days, since, complete: true }
    days++
    since = h.day
  }
  return { days, since, complete: false }
}

function weekdayWords(t: T, locale: string, days: readonly number[]): string {
  if (days.length === 7) return t('warning.everyDay')
  if (days.join() === '1,2,3,4,5') return t('warning.workingDays')
  // 2024-01-01 was a Monday.
  return days.map(d => weekdayShort(locale, `2024-01-0${d}`)).join(', ')
}

function HistoryFigure({
  day,
  data,
  fetching,
  ruleSet,
  source,
}: {
  day: string
  data: Record<string, WarnHistoryDayFragment | null> | undefined
  fetching: boolean
  ruleSet: RuleSet | undefined
  source: { ownerDepartment: string; stichtag: string; asOf: string } | null | undefined
}) {
  const { t, locale } = useI18n()
  const f = useFormat()
  const days = useMemo(() => daysUpTo(day, HISTORY_DAYS), [day])
  const rows = useMemo(() => days.map((d, i) => ({ day: d, h: data?.[`d${i}`] ?? null })), [days, data])
  const primary = ruleSet?.indicators.find(i => i.primary)
  const option = useMemo(() => {
    const values = rows.map(r => r.h?.incidence7 ?? null)
    const top = Math.max(0, ...values.filter((v): v is number => v != null))
    return {
      tooltip: { trigger: 'axis' },
      grid: {},
      xAxis: { type: 'category', data: rows.map(r => f.date(r.day).slice(0, 6)), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', max: (v: { max: number }) => Math.ceil((v.max * 1.1) / 10) * 10 },
      series: [
        {
          name: primary?.indicator.title ?? t('warning.incidence'),
          type: 'line',
          data: rows.map(r => ({
            value: r.h?.incidence7 ?? null,
            itemStyle: { color: r.h?.warnGauge?.color ?? '#6b7280', borderColor: '#1f2937' },
          })),
          lineStyle: { color: '#1f2937', width: 2 },
          symbolSize: 9,
          markArea: primary
            ? {
                silent: true,
                data: primary.bands
                  .filter(b => (b.from ?? 0) <= top * 1.1)
                  .map(b => [
                    { yAxis: b.from ?? 0, itemStyle: { color: withAlpha(b.color, 0.22) } },
                    { yAxis: b.to == null ? Math.max(top * 1.1, (b.from ?? 0) + 1) : Math.min(b.to, Math.ceil((top * 1.1) / 10) * 10) },
                  ]),
              }
            : undefined,
        },
      ],
    }
  }, [rows, primary, f, t])
  const title = t('warning.historyTitle', { from: f.date(days[0]), to: f.date(day) })
  if (!data)
    return (
      <Figure title={title} summary={t('figures.loading')} source={source}>
        {fetching ? <Loading /> : <Empty />}
      </Figure>
    )
  const counts = new Map<string, { label: string; n: number }>()
  for (const r of rows) {
    const g = r.h?.warnGauge
    if (!g) continue
    const c = counts.get(g.label) ?? { label: g.label, n: 0 }
    c.n++
    counts.set(g.label, c)
  }
  const reported = rows.filter(r => r.h?.incidence7 != null)
  const firstValue = reported[0]?.h?.incidence7
  const lastValue = reported[reported.length - 1]?.h?.incidence7
  const summary =
    t('warning.historySummary', {
      levels: [...counts.values()].map(c => t('warning.daysAt', { n: c.n, label: c.label })).join(', ') || '–',
    }) +
    (firstValue != null && lastValue != null
      ? ' ' + t('warning.historyRange', { first: f.number(firstValue, 1), last: f.number(lastValue, 1) })
      : '')
  return (
    <Figure
      title={title}
      summary={summary}
      source={source}
      table={{
        columns: [
          { label: t('warning.date') },
          { label: t('warning.incidence'), numeric: true },
          { label: t('warning.hospitalization'), numeric: true },
          { label: t('warning.icu'), numeric: true },
          { label: t('warning.level') },
        ],
        rows: [...rows]
          .reverse()
          .map(r => [
            f.date(r.day),
            numberWithUnit(f, r.h?.incidence7),
            numberWithUnit(f, r.h?.hospitalization7),
            numberWithUnit(f, r.h?.icuShare, '%'),
            r.h?.warnGauge?.label ?? '–',
          ]),
      }}
    >
      <Chart option={option} use={LINES} label={title} height={260} />
      <h3 className="kern-title warning-calendar__title">{t('warning.calendarTitle')}</h3>
      <ol className="warning-calendar">
        {rows.map(r => {
          const g = r.h?.warnGauge
          const current = r.day === day
          return (
            <li key={r.day}>
              <Link
                href={`${PATHS.warning}?tag=${r.day}`}
                className={`warning-calendar__day${current ? ' warning-calendar__day--current' : ''}`}
                style={g ? { background: g.color, color: textOn(g.color) } : undefined}
                aria-current={current ? 'date' : undefined}
                aria-label={`${f.date(r.day)}: ${g?.label ?? t('warning.noReportShort')}`}
              >
                <span className="warning-calendar__weekday" aria-hidden="true">
                  {weekdayShort(locale, r.day)}
                </span>
                <span aria-hidden="true">{Number(r.day.slice(8))}.</span>
              </Link>
            </li>
          )
        })}
      </ol>
    </Figure>
  )
}

function bandWords(t: T, f: Formatters, bands: readonly RuleBand[], b: RuleBand): string {
  const r = bandRange(bands, b)
  const n = (v: number | null) => (v == null ? '' : f.number(v, 1))
  if (r.kind === 'below') return t(r.toInclusive ? 'warning.bandUpTo' : 'warning.bandBelow', { to: n(r.to) })
  if (r.kind === 'above') return t(r.fromInclusive ? 'warning.bandFrom' : 'warning.bandAbove', { from: n(r.from) })
  return t(r.toInclusive ? 'warning.bandBetweenIncl' : 'warning.bandBetween', {
    from: n(r.from),
    to: n(r.to),
    lower: t(r.fromInclusive ? 'warning.fromIncl' : 'warning.fromExcl'),
  })
}

/** The rule sets in words, newest first; the one in force on the chosen day marked. */
function Rules({
  sets,
  current,
  source,
}: {
  sets: readonly RuleSet[]
  current?: string
  source: { ownerDepartment: string; stichtag: string; asOf: string } | null | undefined
}) {
  const { t, locale } = useI18n()
  const f = useFormat()
  if (!sets.length) return null
  return (
    <section className="warning-rules" aria-labelledby="warning-rules-title">
      <h2 id="warning-rules-title" className="kern-heading kern-heading-small">
        {t('warning.rulesTitle')}
      </h2>
      {[...sets].reverse().map(s => (
        <article key={s.id} className={`warning-rule${s.id === current ? ' warning-rule--current' : ''}`} aria-labelledby={`rule-${s.id}`}>
          <h3 id={`rule-${s.id}`} className="kern-title">
            {s.title}
            {s.id === current && <span className="warning-rule__current"> – {t('warning.inForce')}</span>}
          </h3>
          <p className="kern-body">
            {s.validTo
              ? t('warning.validFromTo', { from: f.date(s.validFrom), to: f.date(s.validTo) })
              : t('warning.validFrom', { from: f.date(s.validFrom) })}
          </p>
          {s.indicators.map(i => (
            <div key={i.indicator.id} className="warning-rule__indicator">
              <p className="kern-body">
                <strong>{i.indicator.title}</strong>
                {i.primary && ` (${t('warning.primary')})`}: {i.indicator.description}
              </p>
              <ul className="warning-rule__bands">
                {i.bands.map(b => (
                  <li key={b.level}>
                    <span className="warning-reading__swatch" style={{ background: b.color }} aria-hidden="true" />
                    <strong>{b.label}</strong>: {bandWords(t, f, i.bands, b)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="kern-body">
            {s.indicators.length > 1 ? t('warning.ruleQuorum', { quorum: s.quorum, n: s.indicators.length }) : t('warning.ruleSingle')}{' '}
            {t('warning.ruleConfirm', {
              level:
                s.indicators.find(i => i.primary)?.bands.find(b => b.level === s.confirmFromLevel)?.label ?? String(s.confirmFromLevel),
              days: s.confirmDays,
              weekdays: weekdayWords(t, locale, s.countedWeekdays),
            })}{' '}
            {s.effectiveAfterDays > 0 ? t('warning.ruleEffectiveAfter', { days: s.effectiveAfterDays }) : t('warning.ruleEffectiveNow')}
          </p>
        </article>
      ))}
      <SourceLine source={source} />
    </section>
  )
}
