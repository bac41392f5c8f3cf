import { useMemo } from 'react'
import { useQuery } from 'urql'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { marksOf, StatValue, type Stat } from '../../components/StatValue'
import { Empty, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import { useFormat } from '../../lib/format'
import { FazitForecastQuery, FazitQuery } from './queries'
import { useUrlParam, yearParam } from '../../lib/url-state'
import '../../styles/view-controls.css'

const BARS = [BarChart, GridComponent, TooltipComponent, LegendComponent]
const LINES = [LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent]
const YEARS = 10
const TOP = 8

interface Money {
  amount?: number | null
  status: Stat['status']
}

/** A Money cell of the graph as a statistical cell (SECRET as dot, missing as "–"). */
const stat = (m: Money | null | undefined): Stat | null => (m ? { value: m.amount ?? null, status: m.status } : null)
const amount = (m: Money | null | undefined): number | null =>
  m && typeof m.amount === 'number' && m.status !== 'SECRET' && m.status !== 'NOT_MEANINGFUL' ? m.amount : null
const mio = (v: number | null) => (v == null ? null : Math.round(v / 1e4) / 100)

export default function FazitView() {
  const { t } = useI18n()
  const f = useFormat()
  const to = new Date().getFullYear()
  const from = to - YEARS + 1
  const [yearRaw, setYear] = useUrlParam('jahr')
  const [areaRaw, setArea] = useUrlParam('bereich')
  const year = yearParam(yearRaw, from, to, to - 1)
  const area = areaRaw && /^\d{1,3}$/.test(areaRaw) ? areaRaw : ''
  const canForecast = useCanSee('PlanActual', 'prognose')

  const variables = useMemo(() => ({ from, to, year, area: area || '0', hasArea: !!area, ags: CITY.ags }), [from, to, year, area])
  const [{ data, fetching, error }, reexecute] = useQuery({ query: FazitQuery, variables })
  const [forecast] = useQuery({
    query: FazitForecastQuery,
    variables: { from, to, year, area: area || '0', hasArea: !!area },
    pause: canForecast !== true,
  })
  const fc = canForecast ? forecast.data : undefined
  const down = [...new Set([...departmentsDown(error), ...departmentsDown(forecast.error)])]

  const yearsList = Array.from({ length: YEARS }, (_, i) => from + i)
  const areaName = area ? (data?.area?.name ?? area) : t('fazit.areaAll')

  // Ten years of plan (Nachtrag where there is one, else Ansatz), actual and forecast for the chosen area.
  const series = useMemo(() => {
    // An unknown product code in the address: no figures rather than the whole budget under its name.
    if (!data || (area && !data.area)) return []
    return yearsList.map(y => {
      const yd = data.years.find(r => r.year === y)
      const a = data.area
      const ansatz = a ? a.ansatz.find(r => r.year === y)?.ordinaryExpense : yd?.ansatz?.ordinaryExpense
      const nachtrag = a ? a.nachtrag.find(r => r.year === y)?.ordinaryExpense : yd?.nachtrag?.ordinaryExpense
      const ist = a ? a.ist.find(r => r.year === y)?.ordinaryExpense : yd?.ist?.ordinaryExpense
      const prognose = fc
        ? area
          ? fc.area?.prognose.find(r => r.year === y)?.ordinaryExpense
          : fc.years.find(r => r.year === y)?.prognose?.ordinaryExpense
        : undefined
      return { year: y, ansatz, nachtrag, plan: nachtrag ?? ansatz, ist, prognose }
    })
    // yearsList follows from/to
  }, [data, fc, area, from, to])

  const sources = data
    ? data.area
      ? [...data.area.ansatz.slice(-1), ...data.area.ist.slice(-1)].map(r => r.provenance)
      : data.years.flatMap(r => [r.ansatz?.provenance, r.ist?.provenance]).filter(p => !!p)
    : []

  const lastIst = [...series].reverse().find(r => amount(r.ist) != null)
  const lastPrognose = [...series].reverse().find(r => amount(r.prognose) != null)
  let seriesSummary = lastIst
    ? t('fazit.seriesSummary', {
        area: areaName,
        year: lastIst.year,
        ist: f.euroMillions(amount(lastIst.ist)!),
        plan: amount(lastIst.plan) != null ? f.euroMillions(amount(lastIst.plan)!) : '–',
        deviation: amount(lastIst.plan) != null ? f.euroMillions(amount(lastIst.ist)! - amount(lastIst.plan)!, true) : '–',
      })
    : t('fazit.seriesSummaryNone', { area: areaName })
  if (lastPrognose && amount(lastPrognose.plan) != null)
    seriesSummary +=
      ' ' +
      t('fazit.seriesSummaryForecast', {
        year: lastPrognose.year,
        prognose: f.euroMillions(amount(lastPrognose.prognose)!),
        plan: f.euroMillions(amount(lastPrognose.plan)!),
      })

  const seriesOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '–' : `${f.number(v, 1)} ${t('fazit.unitMio')}`) },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: series.map(r => String(r.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
      series: [
        { name: t('fazit.plan'), type: 'bar', data: series.map(r => mio(amount(r.plan))) },
        { name: t('fazit.ist'), type: 'bar', data: series.map(r => mio(amount(r.ist))) },
        ...(canForecast
          ? [
              {
                name: t('fazit.prognose'),
                type: 'bar',
                data: series.map(r => mio(amount(r.prognose))),
                itemStyle: { decal: { symbol: 'rect' } },
              },
            ]
          : []),
      ],
    }),
    [series, canForecast, f, t],
  )

  // The largest deviations of the chosen year: among the Produktbereiche (level 2) for the whole budget, among the
  // chosen area's parts for an area (none for an unknown code).
  const deviations = useMemo(() => {
    if (!data) return []
    const parts = area ? (data.area?.deviations ?? []) : (data.deviations ?? [])
    const forecasts = area ? fc?.area?.deviations : fc?.deviations
    return parts
      .map(p => ({
        code: p.code,
        name: p.name,
        c: p.comparison,
        prognose: forecasts?.find(d => d.code === p.code)?.comparison.prognose,
        dev: amount(p.comparison.deviation),
      }))
      .filter(p => p.dev != null && p.dev !== 0)
      .sort((a, b) => Math.abs(b.dev!) - Math.abs(a.dev!))
      .slice(0, TOP)
  }, [data, fc, area])

  // What the parts are: the Produktbereiche of the whole budget, else the level below the chosen area's.
  const partLevel = area ? (data?.area?.level ?? 1) + 1 : 2
  const partLabel = t(`fazit.level${Math.min(Math.max(partLevel, 2), 4) as 2 | 3 | 4}`)

  const deviationsOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${f.number(v, 2)} ${t('fazit.unitMio')}`,
      },
      grid: {},
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: deviations.map(d => `${d.code} ${d.name}`),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          name: t('fazit.deviation'),
          type: 'bar',
          data: deviations.map(d => ({
            value: Math.round(d.dev! / 1e4) / 100,
            itemStyle: { color: d.dev! > 0 ? '#9d174d' : '#0f766e' },
          })),
        },
      ],
    }),
    [deviations, f, t],
  )

  const districts = useMemo(() => {
    if (!data) return []
    return data.districts
      .map(d => {
        const vals = d.investments?.flatMap(m => m.values.filter(v => v.year === year)) ?? []
        const sum = (pick: (v: (typeof vals)[number]) => Money | null | undefined) =>
          vals.reduce<number | null>((s, v) => (amount(pick(v)) == null ? s : (s ?? 0) + amount(pick(v))!), null)
        return {
          code: d.code,
          name: d.name,
          residents: d.residents,
          perCapita: d.investmentPerCapita,
          measures: d.investments?.length ?? 0,
          ansatz: sum(v => v.ansatz),
          ist: sum(v => v.ist),
        }
      })
      .sort((a, b) => (amount(b.perCapita) ?? -1) - (amount(a.perCapita) ?? -1))
  }, [data, year])

  const investOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v == null ? '–' : f.euro(v)) },
      grid: {},
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
      yAxis: { type: 'category', inverse: true, data: districts.map(d => d.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [{ name: `${t('fazit.investAnsatz')} ${t('fazit.perCapita')}`, type: 'bar', data: districts.map(d => amount(d.perCapita)) }],
    }),
    [districts, f, t],
  )

  const perCapita = useMemo(
    () =>
      data
        ? yearsList.map(y => ({
            year: y,
            ist: data.years.find(r => r.year === y)?.expensePerCapita,
            prognose: fc?.years.find(r => r.year === y)?.prognosePerCapita,
            residents: data.years.find(r => r.year === y)?.residents,
            // The chosen area's actual per resident: the graph's Ist over the graph's residents of the year.
            area: (() => {
              const ist = amount(series.find(r => r.year === y)?.ist)
              const residents = data.years.find(r => r.year === y)?.residents
              return area && ist != null && residents ? ist / residents : null
            })(),
          }))
        : [],
    [data, fc, series, area, from, to],
  )
  const pcFirst = perCapita.find(r => amount(r.ist) != null)
  const pcLast = [...perCapita].reverse().find(r => amount(r.ist) != null)

  const perCapitaOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '–' : f.euro(v)) },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: perCapita.map(r => String(r.year)) },
      yAxis: { type: 'value', min: 'dataMin', axisLabel: { formatter: (v: number) => f.number(v) } },
      series: [
        { name: t('fazit.ist'), type: 'line', data: perCapita.map(r => amount(r.ist)), symbolSize: 8 },
        ...(canForecast
          ? [
              {
                name: t('fazit.prognose'),
                type: 'line',
                data: perCapita.map(r => amount(r.prognose)),
                symbol: 'diamond',
                symbolSize: 10,
                lineStyle: { type: 'dashed' },
              },
            ]
          : []),
      ],
    }),
    [perCapita, canForecast, f, t],
  )

  const body = QueryState({ fetching, error, hasData: !!data, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })
  const moneyCell = (m: Money | null | undefined) => <StatValue stat={stat(m)} format={v => f.euroMillions(v)} />

  return (
    <section className="view view--fazit" aria-labelledby="fazit-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="fazit-title" className="kern-heading kern-heading-large view__title">
          {t('fazit.title')}
        </h1>
        <p className="kern-body view__lead">{t('fazit.lead')}</p>
      </header>

      <form className="view-controls" aria-label={t('fazit.controls')} onSubmit={e => e.preventDefault()}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="fazit-area">
            {t('fazit.area')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id="fazit-area" className="kern-form-input__select" value={area} onChange={e => setArea(e.target.value || null)}>
              <option value="">{t('fazit.areaAll')}</option>
              {data?.areas.map(a => (
                <optgroup key={a.code} label={`${a.code} ${a.name}`}>
                  <option value={a.code}>
                    {a.code} {a.name}
                  </option>
                  {a.children.map(c => (
                    <option key={c.code} value={c.code}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
              {area && !data?.areas.some(a => a.code === area || a.children.some(c => c.code === area)) && (
                <option value={area}>{area}</option>
              )}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="fazit-year">
            {t('fazit.year')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id="fazit-year" className="kern-form-input__select" value={year} onChange={e => setYear(e.target.value)}>
              {[...yearsList].reverse().map(y => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        {canForecast !== undefined && (
          <p className="kern-body kern-body--small view-controls__note" data-testid="forecast-note">
            {canForecast ? t('fazit.forecastShown') : t('fazit.forecastHidden')}
          </p>
        )}
      </form>

      {body ?? (
        <>
          <Partial departments={down} />
          <div className="figures">
            <Figure
              title={t('fazit.seriesTitle', { area: areaName, from, to })}
              summary={seriesSummary}
              source={sources}
              marks={marksOf(series.flatMap(r => [stat(r.plan), stat(r.ist)]).filter(s => s))}
              table={{
                columns: [
                  { label: t('fazit.yearCol') },
                  { label: t('fazit.ansatz'), numeric: true },
                  { label: t('fazit.nachtrag'), numeric: true },
                  { label: t('fazit.ist'), numeric: true },
                  ...(canForecast ? [{ label: t('fazit.prognose'), numeric: true }] : []),
                ],
                rows: series.map(r => [
                  r.year,
                  moneyCell(r.ansatz),
                  r.nachtrag ? moneyCell(r.nachtrag) : '',
                  moneyCell(r.ist),
                  ...(canForecast ? [r.prognose ? moneyCell(r.prognose) : ''] : []),
                ]),
              }}
            >
              {series.length ? <Chart option={seriesOption} use={LINES} label={t('fazit.seriesLabel', { area: areaName })} /> : <Empty />}
            </Figure>

            <Figure
              title={t('fazit.deviationsTitle', { year, area: areaName })}
              summary={
                deviations.length
                  ? t('fazit.deviationsSummary', {
                      name: `${deviations[0].code} ${deviations[0].name}`,
                      deviation: f.euroMillions(deviations[0].dev!, true),
                      pct: deviations[0].c.deviationPct == null ? '–' : `${f.signed(deviations[0].c.deviationPct, 2)} %`,
                    }) +
                    ' ' +
                    t('fazit.deviationsNote')
                  : t('fazit.deviationsNone', { year, area: areaName })
              }
              source={deviations.map(d => d.c.provenance)}
              table={{
                columns: [
                  { label: partLabel },
                  { label: t('fazit.plan'), numeric: true },
                  { label: t('fazit.ist'), numeric: true },
                  ...(canForecast ? [{ label: t('fazit.prognose'), numeric: true }] : []),
                  { label: t('fazit.deviation'), numeric: true },
                  { label: t('fazit.deviationPct'), numeric: true },
                ],
                rows: deviations.map(d => [
                  `${d.code} ${d.name}`,
                  moneyCell(d.c.nachtrag ?? d.c.ansatz),
                  moneyCell(d.c.ist),
                  ...(canForecast ? [moneyCell(d.prognose)] : []),
                  <StatValue key="d" stat={stat(d.c.deviation)} format={v => f.euroMillions(v, true)} />,
                  d.c.deviationPct == null ? '–' : `${f.signed(d.c.deviationPct, 2)} %`,
                ]),
              }}
            >
              {deviations.length ? (
                <Chart
                  option={deviationsOption}
                  use={BARS}
                  label={t('fazit.deviationsLabel', { year, area: areaName })}
                  height={Math.max(200, deviations.length * 40 + 40)}
                />
              ) : (
                <Empty text={t('fazit.deviationsNone', { year, area: areaName })} />
              )}
            </Figure>

            <Figure
              title={t('fazit.investTitle', { year })}
              summary={
                districts.length && amount(districts[0].perCapita) != null
                  ? t('fazit.investSummary', {
                      year,
                      top: districts[0].name,
                      value: f.euro(amount(districts[0].perCapita)!),
                      zero: districts.filter(d => amount(d.perCapita) === 0).length,
                    })
                  : t('figures.empty')
              }
              source={data?.investmentsDataset ?? null}
              marks={marksOf(districts.map(d => stat(d.perCapita)))}
              table={{
                columns: [
                  { label: t('fazit.district') },
                  { label: t('fazit.measures'), numeric: true },
                  { label: t('fazit.investAnsatz'), numeric: true },
                  { label: t('fazit.investIst'), numeric: true },
                  { label: t('fazit.residents'), numeric: true },
                  { label: `${t('fazit.investAnsatz')} ${t('fazit.perCapita')}`, numeric: true },
                ],
                rows: districts.map(d => [
                  d.name,
                  d.measures,
                  d.ansatz == null ? '–' : f.euro(d.ansatz),
                  d.ist == null ? '–' : f.euro(d.ist),
                  d.residents == null ? '–' : f.number(d.residents),
                  <StatValue key="pc" stat={stat(d.perCapita)} format={f.euro} />,
                ]),
              }}
            >
              <Chart
                option={investOption}
                use={BARS}
                label={t('fazit.investLabel', { year })}
                height={Math.max(240, districts.length * 26 + 40)}
              />
            </Figure>

            <Figure
              title={t('fazit.perCapitaTitle', { from, to })}
              summary={
                pcFirst && pcLast
                  ? t('fazit.perCapitaSummary', {
                      year: pcLast.year,
                      value: f.euro(amount(pcLast.ist)!),
                      change: f.signed(amount(pcLast.ist)! - amount(pcFirst.ist)!) + ' €',
                      first: pcFirst.year,
                    }) +
                    (area && pcLast.area != null
                      ? ' ' + t('fazit.areaPerCapitaSummary', { area: areaName, year: pcLast.year, value: f.euro(pcLast.area) })
                      : '')
                  : t('figures.empty')
              }
              source={data?.years
                .map(r => r.ist?.provenance)
                .filter(p => !!p)
                .slice(-1)}
              marks={marksOf(perCapita.map(r => stat(r.ist)).filter(s => s))}
              table={{
                columns: [
                  { label: t('fazit.yearCol') },
                  { label: t('fazit.residents'), numeric: true },
                  { label: `${t('fazit.ist')} ${t('fazit.perCapita')}`, numeric: true },
                  ...(canForecast ? [{ label: `${t('fazit.prognose')} ${t('fazit.perCapita')}`, numeric: true }] : []),
                  ...(area ? [{ label: t('fazit.areaPerCapita', { area: areaName }), numeric: true }] : []),
                ],
                rows: perCapita.map(r => [
                  r.year,
                  r.residents == null ? '–' : f.number(r.residents),
                  r.ist ? <StatValue stat={stat(r.ist)} format={f.euro} /> : '',
                  ...(canForecast ? [r.prognose ? <StatValue stat={stat(r.prognose)} format={f.euro} /> : ''] : []),
                  ...(area ? [r.area == null ? '–' : f.euro(r.area)] : []),
                ]),
              }}
            >
              <Chart option={perCapitaOption} use={LINES} label={t('fazit.perCapitaLabel')} />
            </Figure>
          </div>
        </>
      )}
    </section>
  )
}
