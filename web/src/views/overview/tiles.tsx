import { useDeferredValue, type ReactNode } from 'react'
import { useQuery as useUrqlQuery, type AnyVariables, type CombinedError, type UseQueryArgs, type UseQueryResponse } from 'urql'
import { CITY } from '../../config'
import { GaugeSvg } from '../../components/GaugeSvg'
import { Sparkline } from '../../components/Sparkline'
import { marksOf, StatValue, usable, type Mark, type Stat } from '../../components/StatValue'
import { ErrorState, Loading, Partial } from '../../components/States'
import { KeyFigure, Tile } from '../../components/Tile'
import type { Source } from '../../components/Provenance'
import { departmentsDown, isHiddenForRole } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat, type Formatters } from '../../lib/format'
import type { ViewName } from '../../routes'
import { asylumTile, financeTile, freshnessTile, kitaTile, lightingTile, populationTile, socialTile } from './model'
import {
  OverviewAsylumQuery,
  OverviewAsylumSufficiencyQuery,
  OverviewFinanceQuery,
  OverviewFreshnessQuery,
  OverviewKitaQuery,
  OverviewLightingQuery,
  OverviewPopulationQuery,
  OverviewSocialQuery,
  OverviewWarnDayQuery,
  OverviewWarnGaugeQuery,
} from './queries'

/**
 * urql's useQuery, its answer taken over in a transition: when a department answers, React first repeats the tile as it
 * was (cheap) and then builds its figures in slices, so eight answers arriving together do not block the main thread.
 */
function useQuery<Data, Variables extends AnyVariables>(args: UseQueryArgs<Variables, Data>): UseQueryResponse<Data, Variables> {
  const [result, reexecute] = useUrqlQuery(args)
  return [useDeferredValue(result), reexecute]
}

/** The years every tile looks at: the latest with data is its figure, the ones before give the trend. */
export interface Years {
  from: number
  to: number
  prev: number
  prev2: number
}

interface QueryState {
  fetching: boolean
  error: CombinedError | undefined
  retry: () => void
}

/**
 * A tile of the overview list, or nothing when the caller's role may not see its figures. Without a figure it shows
 * what is going on: loading, the departments that did not answer, a failure with retry, or no data.
 */
function OverviewTile({
  title,
  view,
  source,
  marks,
  state,
  departments,
  children,
}: {
  title: string
  view: ViewName
  source?: Source | Source[] | null
  marks?: ReadonlySet<Mark>
  state: QueryState
  /** The departments this tile's figure comes from (named when one of them did not answer). */
  departments: readonly string[]
  children: ReactNode | null
}) {
  const { t } = useI18n()
  if (isHiddenForRole(state.error)) return null
  const down = departmentsDown(state.error).filter(d => departments.includes(d))
  let body = children
  if (!body) {
    if (state.fetching) body = <Loading />
    else if (down.length) body = <Partial departments={down} />
    else if (state.error) body = <ErrorState onRetry={state.retry} />
    else body = <p className="state state--empty">{t('figures.empty')}</p>
  }
  return (
    <li>
      <Tile title={title} view={view} source={source} marks={marks}>
        {body}
        {children && down.length > 0 && <Partial departments={down} />}
      </Tile>
    </li>
  )
}

const retryOf = (reexecute: (opts?: { requestPolicy: 'network-only' }) => void) => () => reexecute({ requestPolicy: 'network-only' })

function change(f: Formatters, now: number, before: number, digits = 0): string {
  return f.signed(now - before, digits)
}

function pct(f: Formatters, now: number, before: number): string {
  if (!before) return '–'
  const p = (now - before) / Math.abs(before)
  // Small changes keep a second decimal, so +0.05 % does not read as "0.0 %".
  return (p > 0 ? '+' : p < 0 ? '−' : '±') + f.percent(Math.abs(p), Math.abs(p) < 0.001 ? 2 : 1)
}

/** The perturbation mark after a figure written into a sentence. */
function PerturbedMark() {
  const { t } = useI18n()
  return (
    <sup className="stat__mark" title={t('figures.perturbed')}>
      <span aria-hidden="true">*</span>
      <span className="kern-sr-only"> ({t('figures.perturbed')})</span>
    </sup>
  )
}

export function PopulationCard({ years }: { years: Years }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewPopulationQuery, variables: { from: years.from, to: years.to } })
  const tile = data ? populationTile(data) : null
  return (
    <OverviewTile
      title={t('overview.populationTitle')}
      view="population"
      source={data?.dataset}
      marks={tile ? marksOf([tile.now.value]) : undefined}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['population', 'geo', 'catalog']}
    >
      {tile && (
        <KeyFigure
          value={<StatValue stat={tile.now.value} format={f.number} />}
          label={t('overview.populationLabel', { year: tile.now.year })}
          trend={
            tile.before && usable(tile.now.value) && usable(tile.before.value) ? (
              <>
                <Sparkline values={tile.trend} />
                <p>
                  {t('overview.changeSincePct', {
                    change: change(f, tile.now.value.value, tile.before.value.value),
                    pct: pct(f, tile.now.value.value, tile.before.value.value),
                    year: tile.before.year,
                  })}
                </p>
              </>
            ) : undefined
          }
        />
      )}
    </OverviewTile>
  )
}

export function AsylumCard({ years }: { years: Years }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OverviewAsylumQuery,
    variables: { from: years.from, to: years.to, prev: years.prev },
  })
  const tile = data ? asylumTile(data) : null
  const internal = useCanSee('AsylumCapacityStatus', 'sufficient', 'monthsOfHeadroom')
  const [sufficiency] = useQuery({
    query: OverviewAsylumSufficiencyQuery,
    variables: { day: tile?.status.day ?? '' },
    pause: !tile || internal !== true,
  })
  const s = tile?.status
  const verdict = sufficiency.data?.asylumCapacity
  const marks = tile && s ? marksOf([s.occupancyRate as Stat, ...tile.months.map(m => m.count), tile.lastTwelve]) : undefined
  return (
    <OverviewTile
      title={t('overview.asylumTitle')}
      view="asylum"
      source={s?.provenance}
      marks={marks}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['asylum', 'geo']}
    >
      {tile && s && (
        <KeyFigure
          value={f.number(s.free)}
          label={t('overview.asylumFree', { date: f.date(s.day) })}
          trend={
            <>
              <Sparkline values={tile.months.map(m => (usable(m.count) ? m.count.value : null))} />
              <p>{t('overview.asylumTrend')}</p>
            </>
          }
          detail={
            <>
              <p>
                {t('overview.asylumOccupancy', {
                  occupied: f.number(s.occupied),
                  capacity: f.number(s.capacity),
                  rate: usable(s.occupancyRate as Stat) ? f.percent(s.occupancyRate.value!, 1) : '–',
                })}
              </p>
              {s.aboveCapacity > 0 && <p>{t('overview.asylumAbove', { count: f.number(s.aboveCapacity) })}</p>}
              <p>
                {t('overview.asylumArrivals', {
                  count: usable(tile.lastTwelve) ? f.number(tile.lastTwelve.value) : '–',
                  perMonth: f.number(s.arrivalsPerMonth, 1),
                })}
                {tile.lastTwelve.status === 'PERTURBED' && <PerturbedMark />}
              </p>
              {verdict && (
                <>
                  <p className="asylum-verdict">
                    {t('overview.asylumSufficient')}{' '}
                    <span className={`answer ${verdict.sufficient ? 'answer--yes' : 'answer--no'}`}>
                      {verdict.sufficient ? t('overview.asylumYes') : t('overview.asylumNo')}
                    </span>
                  </p>
                  {verdict.monthsOfHeadroom != null && (
                    <p>{t('overview.asylumHeadroom', { months: f.number(verdict.monthsOfHeadroom, 1) })}</p>
                  )}
                </>
              )}
            </>
          }
        />
      )}
    </OverviewTile>
  )
}

export function FinanceCard({ years }: { years: Years }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewFinanceQuery, variables: { from: years.from, to: years.to } })
  const tile = data ? financeTile(data) : null
  const result = tile?.ist.ordinaryResult.amount
  const plan = tile?.ansatz?.ordinaryResult.amount
  const expIst = tile?.ist.ordinaryExpense.amount
  const expPlan = tile?.ansatz?.ordinaryExpense.amount
  return (
    <OverviewTile
      title={t('overview.financeTitle')}
      view="fazit"
      source={tile?.ist.provenance}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['finance', 'geo']}
    >
      {tile && result != null && (
        <KeyFigure
          value={f.euroMillions(result)}
          label={t('overview.financeLabel', { year: tile.year })}
          trend={
            tile.trend.length > 1 ? (
              <>
                <Sparkline values={tile.trend} />
                <p>{t('overview.financeTrend', { year: tile.firstYear })}</p>
              </>
            ) : undefined
          }
          detail={
            <>
              {plan != null && (
                <p>{t('overview.financePlan', { plan: f.euroMillions(plan), deviation: f.euroMillions(result - plan, true) })}</p>
              )}
              {expIst != null && expPlan != null && (
                <p>
                  {t('overview.financeExpense', {
                    ist: f.euroMillions(expIst),
                    plan: f.euroMillions(expPlan),
                    pct: pct(f, expIst, expPlan),
                  })}
                </p>
              )}
            </>
          }
        />
      )}
    </OverviewTile>
  )
}

export function KitaCard({ years }: { years: Years }) {
  const { t, tn } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OverviewKitaQuery,
    variables: { ags: CITY.ags, to: years.to, prev: years.prev, prev2: years.prev2 },
  })
  const tile = data ? kitaTile(data) : null
  const marks = tile ? marksOf([tile.children, ...(tile.perHundred ? [tile.perHundred] : [])]) : undefined
  const oneDecimal = (n: number) => f.number(n, 1)
  return (
    <OverviewTile
      title={t('overview.kitaTitle')}
      view="education"
      source={tile?.sources}
      marks={marks}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['education', 'population', 'geo']}
    >
      {tile && (
        <KeyFigure
          value={f.number(tile.places)}
          label={t('overview.kitaLabel', { year: tile.year, u3: f.number(tile.placesU3) })}
          trend={
            tile.before ? (
              <p>{t('overview.changeSince', { change: change(f, tile.places, tile.before.places), year: tile.before.year })}</p>
            ) : undefined
          }
          detail={
            tile.perHundred && (
              <>
                <p>{tn('overview.kitaCoverage', { value: <StatValue stat={tile.perHundred} format={oneDecimal} /> })}</p>
                {tile.before?.perHundred && (
                  <p>{tn('overview.kitaCoverageBefore', { value: <StatValue stat={tile.before.perHundred} format={oneDecimal} /> })}</p>
                )}
              </>
            )
          }
        />
      )}
    </OverviewTile>
  )
}

export function SocialCard({ years }: { years: Years }) {
  const { t, tn } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewSocialQuery, variables: { from: years.from, to: years.to } })
  const tile = data ? socialTile(data) : null
  const oneDecimal = (n: number) => f.number(n, 1)
  const now = tile?.now.value
  const marks = now ? marksOf([now.recipients, ...(now.perThousand ? [now.perThousand] : [])]) : undefined
  return (
    <OverviewTile
      title={t('overview.socialTitle')}
      view="social"
      source={tile?.source}
      marks={marks}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['social', 'population', 'geo']}
    >
      {tile && now && (
        <KeyFigure
          value={now.perThousand ? <StatValue stat={now.perThousand} format={oneDecimal} /> : '–'}
          label={t('overview.socialLabel', { year: tile.now.year })}
          trend={
            <>
              <Sparkline values={tile.trend} />
              {tile.before?.value.perThousand && usable(tile.before.value.perThousand) && (
                <p>{t('overview.socialBefore', { year: tile.before.year, value: oneDecimal(tile.before.value.perThousand.value) })}</p>
              )}
            </>
          }
          detail={<p>{tn('overview.socialRecipients', { count: <StatValue stat={now.recipients} format={f.number} /> })}</p>}
        />
      )}
    </OverviewTile>
  )
}

export function LightingCard({ years }: { years: Years }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewLightingQuery, variables: { from: years.from, to: years.to } })
  const tile = data ? lightingTile(data) : null
  const now = tile?.now.value
  return (
    <OverviewTile
      title={t('overview.lightingTitle')}
      view="lighting"
      source={now?.provenance}
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['infrastructure', 'geo']}
    >
      {tile && now && (
        <KeyFigure
          value={f.percent(now.ledShare, 1)}
          label={t('overview.lightingLabel', { lights: f.number(now.lights), date: f.date(now.stichtag) })}
          trend={
            <>
              <Sparkline values={tile.trend} />
              {tile.before && (
                <p>
                  {t('overview.lightingChange', {
                    points: f.signed((now.ledShare - tile.before.value.ledShare) * 100, 1),
                    year: tile.before.year,
                  })}
                </p>
              )}
            </>
          }
        />
      )}
    </OverviewTile>
  )
}

export function WarningCard() {
  const { t } = useI18n()
  const f = useFormat()
  const [dayResult, reexecuteDay] = useQuery({ query: OverviewWarnDayQuery })
  const day = dayResult.data?.dataset?.stichtag ?? null
  const [gaugeResult, reexecuteGauge] = useQuery({
    query: OverviewWarnGaugeQuery,
    variables: { ags: CITY.ags, day: day ?? '' },
    pause: !day,
  })
  const gauge = gaugeResult.data?.municipality?.healthDay?.warnGauge
  const oneDecimal = (n: number) => f.number(n, 1)
  const state: QueryState = {
    fetching: dayResult.fetching || gaugeResult.fetching || (!!day && !gaugeResult.data && !gaugeResult.error),
    error: dayResult.error ?? gaugeResult.error,
    retry: () => (dayResult.error ? retryOf(reexecuteDay)() : retryOf(reexecuteGauge)()),
  }
  const noReports = !state.fetching && !state.error && (dayResult.data?.dataset === null || (gaugeResult.data && !gauge))
  return (
    <OverviewTile
      title={t('overview.warningTitle')}
      view="warning"
      source={gauge?.provenance}
      state={state}
      departments={['social', 'catalog', 'geo']}
    >
      {gauge ? (
        <div className="warning">
          <GaugeSvg
            value={gauge.value ?? null}
            bands={gauge.bands}
            format={n => f.number(n, 0)}
            label={t('overview.warningGaugeLabel', {
              date: f.date(gauge.day),
              label: gauge.label,
              value: gauge.value == null ? '–' : oneDecimal(gauge.value),
            })}
            tableCaption={t('overview.warningBandsCaption')}
            bandHeader={t('overview.warningBandHeader')}
            rangeHeader={t('overview.warningRangeHeader')}
            describeBand={b =>
              [
                b.from != null && t('warning.bandFrom', { from: f.number(b.from, 0) }),
                b.to != null && t('warning.bandBelow', { to: f.number(b.to, 0) }),
              ]
                .filter(Boolean)
                .join(', ')
            }
          />
          <p className="warning__level">
            <span className="warning__swatch" style={{ background: gauge.color }} aria-hidden="true" />
            <strong>{gauge.label}</strong>
          </p>
          <p className="kern-body">
            {t('overview.warningValue', { value: gauge.value == null ? '–' : oneDecimal(gauge.value) })}
            {gauge.trend7d != null && <> · {t('overview.warningTrend', { change: f.signed(gauge.trend7d, 1) })}</>}
          </p>
          <p className="kern-body kern-body--small">{t('overview.warningLastReport', { date: f.date(gauge.day) })}</p>
        </div>
      ) : noReports ? (
        <p className="state state--empty">{t('overview.warningNoData')}</p>
      ) : null}
    </OverviewTile>
  )
}

export function FreshnessCard() {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewFreshnessQuery })
  const tile = data ? freshnessTile(data) : null
  const cadence = (c: string) => {
    const key = `overview.cadence.${c}` as MessageKey
    return t(key) === key ? c : t(key)
  }
  const item = (d: NonNullable<typeof tile>['stale'][number]) => (
    <li key={d.id}>
      <strong>{d.title}</strong>
      <span className="stale-list__meta">
        {t('overview.freshnessItem', { owner: d.ownerDepartment, date: f.date(d.stichtag), cadence: cadence(d.refreshCadence) })}
      </span>
    </li>
  )
  return (
    <OverviewTile
      title={t('overview.freshnessTitle')}
      view="catalog"
      state={{ fetching, error, retry: retryOf(reexecute) }}
      departments={['catalog']}
    >
      {tile && (
        <KeyFigure
          value={f.number(tile.total - tile.stale.length)}
          label={t('overview.freshnessLabel', { total: f.number(tile.total) })}
          detail={
            tile.stale.length || tile.due.length ? (
              <>
                {tile.stale.length > 0 && (
                  <>
                    <h3 className="kern-body kern-body--bold freshness__heading">{t('overview.freshnessStale')}</h3>
                    <ul className="stale-list">{tile.stale.map(item)}</ul>
                  </>
                )}
                {tile.due.length > 0 && (
                  <>
                    <h3 className="kern-body kern-body--bold freshness__heading">{t('overview.freshnessDue')}</h3>
                    <ul className="stale-list stale-list--due">{tile.due.map(item)}</ul>
                  </>
                )}
              </>
            ) : (
              <p>{t('overview.freshnessAllFresh')}</p>
            )
          }
        />
      )}
    </OverviewTile>
  )
}
