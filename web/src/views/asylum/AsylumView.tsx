import { useMemo, type ReactNode } from 'react'
import { useQuery } from 'urql'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { marksOf, StatValue, usable, type Stat } from '../../components/StatValue'
import { ErrorState, Partial, QueryState } from '../../components/States'
import type { Source } from '../../components/Provenance'
import { departmentsDown } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat } from '../../lib/format'
import type { AsylumYearQuery as YearData } from '../../gql/graphql'
import { sumStats } from '../overview/model'
import { AsylumAccommodationsQuery, AsylumOccupancyQuery, AsylumVerdictQuery, AsylumYearQuery } from './queries'
import { useParam } from '../../lib/params'
import { Select } from '../../components/Select'
import '../../styles/view-controls.css'
import './asylum.css'

// ASYLCUBE: how many arrive (allocations per month by route), where they live (accommodations, capacity against
// occupancy) and whether the places suffice. Counts reach public and committee perturbed; the verdict and the
// occupancy per accommodation only the roles the policy grants them to (the operations for them are sent only then).

const FIRST_YEAR = 2015
const USE = [BarChart, GridComponent, TooltipComponent, LegendComponent]
const ROUTES = ['zuweisung', 'ukraine', 'familie', 'sonstige'] as const
type RouteKey = (typeof ROUTES)[number]

const num = (s: Stat | null | undefined): number | null => (usable(s) ? s.value : s?.status === 'ZERO' ? 0 : null)

export default function AsylumView() {
  const { t } = useI18n()
  const thisYear = new Date().getFullYear()
  const yearOptions = useMemo(() => Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i)), [thisYear])
  const [yearParam, setYear] = useParam('jahr', yearOptions, String(thisYear))
  const year = Number(yearParam)

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AsylumYearQuery,
    variables: { year, from: FIRST_YEAR, to: thisYear },
  })
  const status = data?.year?.asylumCapacity ?? null
  const day = status?.day ?? null
  const down = departmentsDown(error)

  const state = QueryState({ fetching, error, hasData: !!data?.year, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })

  return (
    <section className="view view--asylum" aria-labelledby="asylum-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="asylum-title" className="kern-heading kern-heading-large view__title">
          {t('asylum.title')}
        </h1>
        <p className="kern-body view__lead">{t('asylum.lead')}</p>
      </header>
      <div className="view-filters">
        <Select label={t('asylum.year')} value={yearParam} options={yearOptions.map(y => ({ value: y, label: y }))} onChange={setYear} />
      </div>
      {state ?? (
        <>
          <Partial departments={down} />
          {status && day ? (
            <>
              <Verdict day={day} />
              <KeyFigures status={status} />
            </>
          ) : error && !down.length ? (
            <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : (
            <p className="state state--empty">{t('asylum.noStatus', { year })}</p>
          )}
          <div className="view-grid">
            <Arrivals data={data!} year={year} />
            <CapacityYears data={data!} />
          </div>
          {day && <Accommodations day={day} source={data?.accommodationDataset ?? status?.provenance} />}
        </>
      )}
    </section>
  )
}

function KeyFigures({ status }: { status: NonNullable<NonNullable<YearData['year']>['asylumCapacity']> }) {
  const { t } = useI18n()
  const f = useFormat()
  const rate = status.occupancyRate as Stat
  const items: Array<{ value: ReactNode; label: string }> = [
    { value: f.number(status.capacity), label: t('asylum.capacity') },
    { value: f.number(status.occupied), label: t('asylum.occupied') },
    { value: f.number(status.free), label: t('asylum.free') },
    { value: <StatValue stat={rate} format={v => f.percent(v, 1)} />, label: t('asylum.rate') },
    { value: f.number(status.arrivalsPerMonth, 1), label: t('asylum.arrivalsPerMonth') },
  ]
  if (status.aboveCapacity > 0) items.push({ value: f.number(status.aboveCapacity), label: t('asylum.aboveCapacity') })
  return (
    <Figure
      title={t('asylum.statusTitle', { date: f.date(status.day) })}
      summary={t('asylum.statusSummary', {
        date: f.date(status.day),
        capacity: f.number(status.capacity),
        occupied: f.number(status.occupied),
        free: f.number(status.free),
        perMonth: f.number(status.arrivalsPerMonth, 1),
      })}
      source={status.provenance}
      marks={marksOf([rate])}
    >
      <ul className="key-figures">
        {items.map(i => (
          <li key={i.label}>
            <span className="key-figures__value">{i.value}</span>
            <span className="key-figures__label">{i.label}</span>
          </li>
        ))}
      </ul>
    </Figure>
  )
}

/** "Reichen die Plätze?" with its margin and horizon, for the roles that see the verdict; absent for the others. */
function Verdict({ day }: { day: string }) {
  const { t } = useI18n()
  const f = useFormat()
  const visible = useCanSee('AsylumCapacityStatus', 'sufficient', 'monthsOfHeadroom')
  const [{ data }] = useQuery({ query: AsylumVerdictQuery, variables: { day }, pause: visible !== true })
  const v = data?.asylumCapacity
  if (!visible || !v) return null
  // The graph's rule: free places cover the next three months at the current trend.
  const need = v.arrivalsPerMonth * 3
  const margin = v.free - need
  return (
    <section className={`verdict ${v.sufficient ? 'verdict--yes' : 'verdict--no'}`} aria-labelledby="asylum-verdict">
      <h2 id="asylum-verdict" className="kern-heading kern-heading-small verdict__question">
        {t('asylum.verdictQuestion')}
      </h2>
      <p className="verdict__answer" data-testid="asylum-verdict">
        {v.sufficient ? t('asylum.yes') : t('asylum.no')}
      </p>
      <p className="kern-body">
        {t(margin >= 0 ? 'asylum.marginPlus' : 'asylum.marginMinus', {
          margin: f.number(Math.abs(margin), 0),
          free: f.number(v.free),
          need: f.number(need, 0),
        })}
      </p>
      <p className="kern-body">
        {v.monthsOfHeadroom == null
          ? t('asylum.horizonNoArrivals')
          : t('asylum.horizon', { months: f.number(v.monthsOfHeadroom, 1), perMonth: f.number(v.arrivalsPerMonth, 1) })}
      </p>
      <p className="kern-body kern-body--small">{t('asylum.verdictRule', { date: f.date(v.day) })}</p>
    </section>
  )
}

function Arrivals({ data, year }: { data: YearData; year: number }) {
  const { t } = useI18n()
  const f = useFormat()
  const y = data.year
  const months = y?.total ?? []
  const byRoute = (r: RouteKey) => new Map((y?.[r] ?? []).map(b => [b.period, b.count as Stat]))
  const routes = ROUTES.map(r => ({
    key: r,
    label: t(`asylum.route.${r}` as MessageKey),
    short: t(`asylum.routeShort.${r}` as MessageKey),
    cells: byRoute(r),
  }))
  const allCells: Stat[] = [...months.map(m => m.count as Stat), ...routes.flatMap(r => [...r.cells.values()])]
  const total = sumStats(months.map(m => m.count as Stat))
  const lastPeriod = months.length ? months[months.length - 1].period : null
  const source: Source[] = data.allocationDataset
    ? [data.allocationDataset]
    : y?.asylumCapacity
      ? [{ ownerDepartment: y.asylumCapacity.provenance.ownerDepartment, stichtag: monthEnd(lastPeriod) }]
      : []
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      // Short route names, so the four fit in one line under the chart on a phone (the table has the full names).
      legend: { itemGap: 12, itemWidth: 16 },
      grid: {},
      xAxis: { type: 'category', data: months.map(m => f.month(m.period)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: routes.map(r => ({
        name: r.short,
        type: 'bar',
        stack: 'routes',
        data: months.map(m => num(r.cells.get(m.period))),
      })),
    }),
    [months, routes, f],
  )
  const title = t('asylum.arrivalsTitle', { year })
  if (!months.length) {
    return (
      <Figure title={title} summary={t('asylum.noArrivals', { year })} source={source}>
        <p className="state state--empty">{t('asylum.noArrivals', { year })}</p>
      </Figure>
    )
  }
  const peak = months.reduce<(typeof months)[number] | null>(
    (best, m) => (usable(m.count as Stat) && (!best || (m.count.value ?? 0) > (best.count.value ?? 0)) ? m : best),
    null,
  )
  return (
    <Figure
      title={title}
      summary={t('asylum.arrivalsSummary', {
        year,
        total: usable(total) ? f.number(total.value) : '–',
        months: months.length,
        peak: peak ? f.month(peak.period) : '–',
        peakCount: peak?.count.value != null ? f.number(peak.count.value) : '–',
      })}
      source={source}
      marks={marksOf(allCells)}
      table={{
        columns: [
          { label: t('asylum.month') },
          ...routes.map(r => ({ label: r.label, numeric: true })),
          { label: t('asylum.total'), numeric: true },
          { label: t('asylum.topOrigins') },
        ],
        rows: months.map(m => [
          f.month(m.period),
          ...routes.map(r => <StatValue key={r.key} stat={r.cells.get(m.period)} format={f.number} />),
          <StatValue key="total" stat={m.count as Stat} format={f.number} />,
          m.byOrigin.map((o, i) => (
            <span key={o.country.code}>
              {i > 0 && ', '}
              {o.country.nameDe} <StatValue stat={o.count as Stat} format={f.number} />
            </span>
          )),
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={300} />
    </Figure>
  )
}

function monthEnd(period: string | null): string | null {
  if (!period) return null
  const [y, m] = period.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

function CapacityYears({ data }: { data: YearData }) {
  const { t } = useI18n()
  const f = useFormat()
  const rows = (data.years ?? []).filter(y => y.asylumCapacity).sort((a, b) => a.year - b.year)
  const title = t('asylum.capacityTitle')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: rows.map(r => String(r.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [
        { name: t('asylum.capacity'), type: 'bar', data: rows.map(r => r.asylumCapacity!.capacity) },
        { name: t('asylum.occupied'), type: 'bar', data: rows.map(r => r.asylumCapacity!.occupied) },
      ],
    }),
    [rows, t, f],
  )
  if (!rows.length) return null
  const first = rows[0]
  const latest = rows[rows.length - 1]
  return (
    <Figure
      title={title}
      summary={t('asylum.capacitySummary', {
        from: first.year,
        to: latest.year,
        capacityFrom: f.number(first.asylumCapacity!.capacity),
        capacityTo: f.number(latest.asylumCapacity!.capacity),
        occupiedTo: f.number(latest.asylumCapacity!.occupied),
      })}
      source={data.year?.asylumCapacity?.provenance}
      table={{
        columns: [
          { label: t('asylum.stichtag') },
          { label: t('asylum.capacity'), numeric: true },
          { label: t('asylum.occupied'), numeric: true },
          { label: t('asylum.free'), numeric: true },
        ],
        rows: rows.map(r => [
          f.date(r.asylumCapacity!.day),
          f.number(r.asylumCapacity!.capacity),
          f.number(r.asylumCapacity!.occupied),
          f.number(r.asylumCapacity!.capacity - r.asylumCapacity!.occupied),
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={300} />
    </Figure>
  )
}

const ALL = 'alle'
const KINDS = ['GU', 'NOTUNTERKUNFT', 'CONTAINER', 'ERSTAUFNAHME', 'WOHNUNG_ANGEMIETET']

/** The accommodations open on the day: capacity for everyone, occupancy where the role sees it. */
function Accommodations({ day, source }: { day: string; source: Source | null | undefined }) {
  const { t } = useI18n()
  const f = useFormat()
  const canSeeOccupancy = useCanSee('Accommodation', 'occupancy')
  const [{ data, fetching, error }] = useQuery({ query: AsylumAccommodationsQuery, variables: { day } })
  const [occ] = useQuery({ query: AsylumOccupancyQuery, variables: { day }, pause: canSeeOccupancy !== true })
  const byId = new Map((occ.data?.accommodations ?? []).map(a => [a.id, a.occupancy]))
  const all = data?.accommodations ?? []
  // The districts that have an accommodation open on the day, for the filter (state in the address: ?stadtteil=05).
  const districts = [...new Map(all.filter(a => a.district).map(a => [a.district!.code, a.district!.name])).entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  )
  const [district, setDistrict] = useParam('stadtteil', [ALL, ...districts.map(d => d[0])], ALL)
  const list = all.filter(a => district === ALL || a.district?.code === district).sort((a, b) => b.capacity - a.capacity)
  const withOcc = canSeeOccupancy === true && !!occ.data
  const districtName = districts.find(d => d[0] === district)?.[1]
  const title = districtName
    ? t('asylum.accommodationsInTitle', { date: f.date(day), district: districtName })
    : t('asylum.accommodationsTitle', { date: f.date(day) })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      ...(withOcc ? { legend: {} } : {}),
      grid: {},
      yAxis: { type: 'category', inverse: true, data: list.map(a => a.name), axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [
        { name: t('asylum.capacity'), type: 'bar', data: list.map(a => byId.get(a.id)?.capacity ?? a.capacity) },
        ...(withOcc
          ? [{ name: t('asylum.occupied'), type: 'bar', data: list.map(a => num(byId.get(a.id)?.occupied as Stat | undefined)) }]
          : []),
      ],
    }),
    [list, withOcc, byId, t, f],
  )
  const state = QueryState({ fetching, error, hasData: !!data })
  if (state) return state
  if (!list.length) return null
  const filter = (
    <div className="view-filters">
      <Select
        label={t('asylum.district')}
        value={district}
        options={[{ value: ALL, label: t('asylum.allDistricts') }, ...districts.map(([code, name]) => ({ value: code, label: name }))]}
        onChange={setDistrict}
      />
    </div>
  )
  const cells = withOcc ? list.flatMap(a => [byId.get(a.id)?.occupied as Stat | undefined, byId.get(a.id)?.rate as Stat | undefined]) : []
  const capacity = list.reduce((s, a) => s + a.capacity, 0)
  const kind = (k: string) => (KINDS.includes(k) ? t(`asylum.kind.${k}` as MessageKey) : k)
  const occSources = withOcc ? [...byId.values()].filter(Boolean).map(o => o!.provenance) : []
  return (
    <>
      {filter}
      <Figure
        title={title}
        summary={t(withOcc ? 'asylum.accommodationsSummaryOcc' : 'asylum.accommodationsSummary', {
          count: list.length,
          capacity: f.number(capacity),
          largest: list[0].name,
        })}
        source={occSources.length ? [occSources[0]] : source}
        marks={withOcc ? marksOf(cells) : undefined}
        table={{
          columns: [
            { label: t('asylum.accommodation') },
            { label: t('asylum.kindLabel') },
            { label: t('asylum.district') },
            { label: t('asylum.capacity'), numeric: true },
            ...(withOcc
              ? [
                  { label: t('asylum.occupied'), numeric: true },
                  { label: t('asylum.free'), numeric: true },
                  { label: t('asylum.rate'), numeric: true },
                ]
              : []),
          ],
          rows: list.map(a => {
            const o = byId.get(a.id)
            return [
              a.name,
              kind(a.kind),
              a.district?.name ?? '–',
              f.number(o?.capacity ?? a.capacity),
              ...(withOcc
                ? [
                    <StatValue key="o" stat={o?.occupied as Stat | undefined} format={f.number} />,
                    o ? f.number(o.free) : '–',
                    <StatValue key="r" stat={o?.rate as Stat | undefined} format={v => f.percent(v, 0)} />,
                  ]
                : []),
            ]
          }),
        }}
      >
        <Chart option={option} use={USE} label={title} height={Math.max(220, list.length * (withOcc ? 34 : 26) + 60)} />
      </Figure>
    </>
  )
}
