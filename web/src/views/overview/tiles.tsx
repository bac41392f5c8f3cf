import { lazy, Suspense } from 'react'
import { useQuery } from 'urql'
import { CITY } from '../../config'
import { Sparkline } from '../../components/Sparkline'
import { marksOf, StatValue, usable, type Stat } from '../../components/StatValue'
import { Loading, Partial } from '../../components/States'
import { KeyFigure, Tile } from '../../components/Tile'
import { departmentsDown } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat, type Formatters } from '../../lib/format'
import { OverviewAsylumSufficiencyQuery, OverviewWarnGaugeQuery } from './queries'
import type { AsylumTile, FinanceTile, Figures, FreshnessTile, KitaTile, LightingTile, PopulationTile, SocialTile } from './model'

// The gauge brings ECharts; it loads after the figures so the overview's first paint stays small.
const Gauge = lazy(() => import('../../components/Gauge'))

/** A tile whose figure is missing: the departments that did not answer, or "no data". */
function Missing({ down }: { down: readonly string[] }) {
  const { t } = useI18n()
  return down.length ? <Partial departments={down} /> : <p className="state state--empty">{t('figures.empty')}</p>
}

function change(f: Formatters, now: number, before: number, digits = 0): string {
  return f.signed(now - before, digits)
}

function pct(f: Formatters, now: number, before: number): string {
  if (!before) return '–'
  const p = (now - before) / Math.abs(before)
  // Small changes keep a second decimal, so +0.05 % does not read as "0.0 %".
  return (p > 0 ? '+' : p < 0 ? '−' : '±') + f.percent(Math.abs(p), Math.abs(p) < 0.001 ? 2 : 1)
}

export function PopulationCard({
  tile,
  source,
  down,
}: {
  tile: PopulationTile | null
  source: Figures['populationDataset']
  down: string[]
}) {
  const { t } = useI18n()
  const f = useFormat()
  return (
    <Tile title={t('overview.populationTitle')} view="population" source={source} marks={tile ? marksOf([tile.now.value]) : undefined}>
      {tile ? (
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

export function AsylumCard({ tile, down }: { tile: AsylumTile | null; down: string[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const internal = useCanSee('AsylumCapacityStatus', 'sufficient', 'monthsOfHeadroom')
  const [sufficiency] = useQuery({
    query: OverviewAsylumSufficiencyQuery,
    variables: { day: tile?.status.day ?? '' },
    pause: !tile || internal !== true,
  })
  const s = tile?.status
  const verdict = sufficiency.data?.asylumCapacity
  const marks = tile ? marksOf([s!.occupancyRate as Stat, ...tile.months.map(m => m.count), tile.lastTwelve]) : undefined
  return (
    <Tile title={t('overview.asylumTitle')} view="asylum" source={s?.provenance} marks={marks}>
      {tile && s ? (
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
                {tile.lastTwelve.status === 'PERTURBED' && <StatMarkOnly />}
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

/** The perturbation mark after a figure written into a sentence. */
function StatMarkOnly() {
  const { t } = useI18n()
  return (
    <sup className="stat__mark" title={t('figures.perturbed')}>
      <span aria-hidden="true">*</span>
      <span className="kern-sr-only"> ({t('figures.perturbed')})</span>
    </sup>
  )
}

export function FinanceCard({ tile, down }: { tile: FinanceTile | null; down: string[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const result = tile?.ist.ordinaryResult.amount
  const plan = tile?.ansatz?.ordinaryResult.amount
  const expIst = tile?.ist.ordinaryExpense.amount
  const expPlan = tile?.ansatz?.ordinaryExpense.amount
  const first = tile && tile.trend.length > 1 ? tile.year - tile.trend.length + 1 : null
  return (
    <Tile title={t('overview.financeTitle')} view="fazit" source={tile?.ist.provenance}>
      {tile && result != null ? (
        <KeyFigure
          value={f.euroMillions(result)}
          label={t('overview.financeLabel', { year: tile.year })}
          trend={
            first !== null ? (
              <>
                <Sparkline values={tile.trend} />
                <p>{t('overview.financeTrend', { year: first })}</p>
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

export function KitaCard({ tile, down }: { tile: KitaTile | null; down: string[] }) {
  const { t, tn } = useI18n()
  const f = useFormat()
  const marks = tile ? marksOf([tile.children, ...(tile.perHundred ? [tile.perHundred] : [])]) : undefined
  const oneDecimal = (n: number) => f.number(n, 1)
  return (
    <Tile title={t('overview.kitaTitle')} view="education" source={tile?.sources} marks={marks}>
      {tile ? (
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
                {down.length > 0 && <Partial departments={down} />}
              </>
            )
          }
        />
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

export function SocialCard({ tile, down }: { tile: SocialTile | null; down: string[] }) {
  const { t, tn } = useI18n()
  const f = useFormat()
  const oneDecimal = (n: number) => f.number(n, 1)
  const now = tile?.now.value
  const marks = tile ? marksOf([now!.recipients, ...(now!.perThousand ? [now!.perThousand] : [])]) : undefined
  return (
    <Tile title={t('overview.socialTitle')} view="social" source={tile?.source} marks={marks}>
      {tile && now ? (
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

export function LightingCard({ tile, down }: { tile: LightingTile | null; down: string[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const now = tile?.now.value
  return (
    <Tile title={t('overview.lightingTitle')} view="lighting" source={now?.provenance}>
      {tile && now ? (
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}

export function WarningCard({ day, down }: { day: string | null; down: string[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }] = useQuery({ query: OverviewWarnGaugeQuery, variables: { ags: CITY.ags, day: day ?? '' }, pause: !day })
  const gauge = data?.municipality?.healthDay?.warnGauge
  const missing = [...new Set([...down, ...departmentsDown(error)])]
  const oneDecimal = (n: number) => f.number(n, 1)
  return (
    <Tile title={t('overview.warningTitle')} view="warning" source={gauge?.provenance}>
      {gauge ? (
        <div className="warning">
          <Suspense fallback={<div className="chart chart--gauge chart--placeholder" aria-hidden="true" />}>
            <Gauge
              value={gauge.value ?? null}
              bands={gauge.bands}
              format={n => f.number(n, 0)}
              label={t('overview.warningGaugeLabel', {
                date: f.date(gauge.day),
                label: gauge.label,
                value: gauge.value == null ? '–' : oneDecimal(gauge.value),
              })}
              height={220}
            />
          </Suspense>
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
      ) : fetching || (!day && !missing.length) ? (
        day ? (
          <Loading />
        ) : (
          <Missing down={missing} />
        )
      ) : missing.length ? (
        <Missing down={missing} />
      ) : (
        <p className="state state--empty">{t('overview.warningNoData')}</p>
      )}
    </Tile>
  )
}

export function FreshnessCard({ tile, down }: { tile: FreshnessTile | null; down: string[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const cadence = (c: string) => {
    const key = `overview.cadence.${c}` as MessageKey
    return t(key) === key ? c : t(key)
  }
  const item = (d: FreshnessTile['stale'][number]) => (
    <li key={d.id}>
      <strong>{d.title}</strong>
      <span className="stale-list__meta">
        {t('overview.freshnessItem', { owner: d.ownerDepartment, date: f.date(d.stichtag), cadence: cadence(d.refreshCadence) })}
      </span>
    </li>
  )
  return (
    <Tile title={t('overview.freshnessTitle')} view="catalog">
      {tile ? (
        <KeyFigure
          value={`${f.number(tile.total - tile.stale.length)}`}
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
      ) : (
        <Missing down={down} />
      )}
    </Tile>
  )
}
