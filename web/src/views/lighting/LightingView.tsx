import { useMemo } from 'react'
import { useQuery } from 'urql'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { StatValue } from '../../components/StatValue'
import { Empty, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat } from '../../lib/format'
import { useUrlParam, yearParam } from '../../lib/url-state'
import { LightingQuery } from './queries'
import '../../styles/view-controls.css'

const COMBO = [BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]
const BARS = [BarChart, GridComponent, TooltipComponent]
/** The street-light register and energy figures start in 2015. */
const FIRST_YEAR = 2015

export default function LightingView() {
  const { t } = useI18n()
  const f = useFormat()
  const to = new Date().getFullYear()
  const [yearRaw, setYear] = useUrlParam('jahr')
  const [districtRaw, setDistrict] = useUrlParam('stadtteil')
  const year = yearParam(yearRaw, FIRST_YEAR, to, to)
  const district = districtRaw && /^\d{2}$/.test(districtRaw) ? districtRaw : ''

  const variables = useMemo(
    () => ({ from: FIRST_YEAR, to, year, district: district || '00', hasDistrict: !!district, ags: CITY.ags }),
    [to, year, district],
  )
  const [{ data, fetching, error }, reexecute] = useQuery({ query: LightingQuery, variables })
  const down = departmentsDown(error)

  const progress = useMemo(
    () => (data?.years ?? []).filter(y => y.streetLighting).map(y => ({ year: y.year, s: y.streetLighting! })),
    [data],
  )
  const first = progress[0]
  const last = progress[progress.length - 1]

  const progressOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: progress.map(p => String(p.year)) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
        { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => f.percent(v, 0) }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('lighting.ledLights'),
          type: 'bar',
          data: progress.map(p => p.s.ledLights),
          tooltip: { valueFormatter: (v: number) => f.number(v) },
        },
        {
          name: t('lighting.ledShare'),
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 8,
          data: progress.map(p => p.s.ledShare),
          tooltip: { valueFormatter: (v: number) => f.percent(v) },
        },
      ],
    }),
    [progress, f, t],
  )

  const place = district ? (data?.district?.name ?? district) : t('lighting.wholeCity')
  const yearFigures = district ? data?.district?.streetLighting : data?.city?.streetLighting
  const monthly = yearFigures?.monthly ?? []
  const mwh = (kwh: number) => Math.round(kwh / 100) / 10
  const maxM = monthly.reduce<(typeof monthly)[number] | null>((m, r) => (!m || r.energyKwh > m.energyKwh ? r : m), null)
  const minM = monthly.reduce<(typeof monthly)[number] | null>((m, r) => (!m || r.energyKwh < m.energyKwh ? r : m), null)

  const energyOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 1)} MWh` },
      grid: {},
      xAxis: { type: 'category', data: monthly.map(m => f.month(m.month)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
      series: [{ name: t('lighting.energy'), type: 'bar', data: monthly.map(m => mwh(m.energyKwh)) }],
    }),
    [monthly, f, t],
  )

  const districts = useMemo(
    () =>
      (data?.districts ?? [])
        .filter(d => d.streetLighting)
        .map(d => ({ code: d.code, name: d.name, s: d.streetLighting! }))
        .sort((a, b) => b.s.ledShare - a.s.ledShare),
    [data],
  )
  const districtsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => f.percent(v) },
      grid: {},
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => f.percent(v, 0) } },
      yAxis: { type: 'category', inverse: true, data: districts.map(d => d.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          name: t('lighting.ledShare'),
          type: 'bar',
          data: districts.map(d => ({ value: d.s.ledShare, itemStyle: d.code === district ? { color: '#d97706' } : undefined })),
        },
      ],
    }),
    [districts, district, f, t],
  )

  const measures = useMemo(
    () => [...(data?.investmentMeasures ?? [])].sort((a, b) => (a.startYear ?? 0) - (b.startYear ?? 0) || a.id.localeCompare(b.id)),
    [data],
  )
  const paid = measures.filter(m => m.convertedLights != null)
  const measuresOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => f.number(v) },
      grid: {},
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v) } },
      yAxis: { type: 'category', inverse: true, data: paid.map(m => m.name), axisLabel: { width: 130, overflow: 'truncate' } },
      series: [{ name: t('lighting.convertedLights'), type: 'bar', data: paid.map(m => m.convertedLights) }],
    }),
    [paid, f, t],
  )
  const sumOf = (xs: Array<number | null | undefined>) => xs.reduce<number>((s, v) => s + (v ?? 0), 0)

  const body = QueryState({ fetching, error, hasData: !!data, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })
  const years = Array.from({ length: to - FIRST_YEAR + 1 }, (_, i) => to - i)

  return (
    <section className="view view--lighting" aria-labelledby="lighting-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="lighting-title" className="kern-heading kern-heading-large view__title">
          {t('lighting.title')}
        </h1>
        <p className="kern-body view__lead">{t('lighting.lead')}</p>
      </header>

      <form className="view-controls" aria-label={t('lighting.controls')} onSubmit={e => e.preventDefault()}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="lighting-district">
            {t('lighting.district')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="lighting-district"
              className="kern-form-input__select"
              value={district}
              onChange={e => setDistrict(e.target.value || null)}
            >
              <option value="">{t('lighting.wholeCity')}</option>
              {(data?.districts ?? []).map(d => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
              {district && !data?.districts.length && <option value={district}>{district}</option>}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="lighting-year">
            {t('lighting.year')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id="lighting-year" className="kern-form-input__select" value={year} onChange={e => setYear(e.target.value)}>
              {years.map(y => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      {body ?? (
        <>
          <Partial departments={down} />
          <div className="figures">
            <Figure
              title={t('lighting.progressTitle', { from: first?.year ?? FIRST_YEAR, to: last?.year ?? to })}
              summary={
                first && last
                  ? t('lighting.progressSummary', {
                      date: f.date(last.s.stichtag),
                      led: f.number(last.s.ledLights),
                      lights: f.number(last.s.lights),
                      share: f.percent(last.s.ledShare),
                      from: first.year,
                      shareFirst: f.percent(first.s.ledShare),
                    })
                  : t('figures.empty')
              }
              source={last?.s.provenance}
              table={{
                columns: [
                  { label: t('lighting.yearCol') },
                  { label: t('lighting.lights'), numeric: true },
                  { label: t('lighting.ledLights'), numeric: true },
                  { label: t('lighting.ledShare'), numeric: true },
                  { label: t('lighting.converted'), numeric: true },
                  { label: t('lighting.energy'), numeric: true },
                  { label: t('lighting.energyCost'), numeric: true },
                ],
                rows: progress.map(p => [
                  p.year,
                  f.number(p.s.lights),
                  f.number(p.s.ledLights),
                  f.percent(p.s.ledShare),
                  f.number(p.s.convertedInYear),
                  f.number(p.s.energyKwh),
                  <StatValue
                    key="c"
                    stat={p.s.energyCost ? { value: p.s.energyCost.amount, status: p.s.energyCost.status } : null}
                    format={f.euro}
                  />,
                ]),
              }}
            >
              {progress.length ? <Chart option={progressOption} use={COMBO} label={t('lighting.progressLabel')} /> : <Empty />}
            </Figure>

            <Figure
              title={t('lighting.energyTitle', { year, place })}
              summary={
                yearFigures && maxM && minM
                  ? t('lighting.energySummary', {
                      place,
                      year,
                      energy: f.number(mwh(yearFigures.energyKwh), 1),
                      months: yearFigures.months,
                      maxMonth: f.month(maxM.month),
                      max: f.number(mwh(maxM.energyKwh), 1),
                      minMonth: f.month(minM.month),
                      min: f.number(mwh(minM.energyKwh), 1),
                    })
                  : t('figures.empty')
              }
              source={yearFigures?.provenance}
              table={{
                columns: [
                  { label: t('lighting.monthCol') },
                  { label: t('lighting.energy'), numeric: true },
                  { label: t('lighting.lights'), numeric: true },
                  { label: t('lighting.ledLights'), numeric: true },
                ],
                rows: monthly.map(m => [f.month(m.month), f.number(m.energyKwh), f.number(m.lights), f.number(m.ledLights)]),
              }}
            >
              {monthly.length ? <Chart option={energyOption} use={BARS} label={t('lighting.energyLabel', { year, place })} /> : <Empty />}
            </Figure>

            <Figure
              title={t('lighting.districtsTitle', { year })}
              summary={
                districts.length
                  ? t('lighting.districtsSummary', {
                      top: districts[0].name,
                      topShare: f.percent(districts[0].s.ledShare),
                      bottom: districts[districts.length - 1].name,
                      bottomShare: f.percent(districts[districts.length - 1].s.ledShare),
                    })
                  : t('figures.empty')
              }
              source={districts[0]?.s.provenance}
              table={{
                columns: [
                  { label: t('lighting.district') },
                  { label: t('lighting.lights'), numeric: true },
                  { label: t('lighting.ledLights'), numeric: true },
                  { label: t('lighting.ledShare'), numeric: true },
                ],
                rows: districts.map(d => [d.name, f.number(d.s.lights), f.number(d.s.ledLights), f.percent(d.s.ledShare)]),
              }}
            >
              {districts.length ? (
                <Chart
                  option={districtsOption}
                  use={BARS}
                  label={t('lighting.districtsLabel', { year })}
                  height={Math.max(240, districts.length * 26 + 40)}
                />
              ) : (
                <Empty />
              )}
            </Figure>

            <Figure
              title={t('lighting.measuresTitle')}
              summary={
                paid.length
                  ? t('lighting.measuresSummary', {
                      count: paid.length,
                      lights: f.number(sumOf(paid.map(m => m.convertedLights))),
                      cost: f.euro(sumOf(paid.map(m => m.totalCost.amount))),
                      saving: f.number(sumOf(paid.map(m => m.estimatedSavingKwh)) / 1000, 0),
                    })
                  : t('figures.empty')
              }
              source={data?.measuresDataset ?? null}
              table={{
                columns: [
                  { label: t('lighting.measure') },
                  { label: t('lighting.district') },
                  { label: t('lighting.period') },
                  { label: t('lighting.status') },
                  { label: t('lighting.totalCost'), numeric: true },
                  { label: t('lighting.funding') },
                  { label: t('lighting.convertedLights'), numeric: true },
                  { label: t('lighting.saving'), numeric: true },
                ],
                rows: measures.map(m => [
                  `${m.name} (${m.id})`,
                  m.district?.name ?? t('lighting.cityWide'),
                  m.startYear === m.endYear || m.endYear == null ? String(m.startYear ?? '–') : `${m.startYear}–${m.endYear}`,
                  statusLabel(t, m.status),
                  <StatValue key="c" stat={{ value: m.totalCost.amount, status: m.totalCost.status }} format={f.euro} />,
                  m.fundingShare != null ? `${f.percent(m.fundingShare, 0)}${m.fundingSource ? ` (${m.fundingSource})` : ''}` : '–',
                  m.convertedLights == null ? '–' : f.number(m.convertedLights),
                  m.estimatedSavingKwh == null ? '–' : f.number(m.estimatedSavingKwh / 1000, 1),
                ]),
              }}
            >
              {paid.length ? (
                <Chart
                  option={measuresOption}
                  use={BARS}
                  label={t('lighting.measuresLabel')}
                  height={Math.max(240, paid.length * 30 + 40)}
                />
              ) : (
                <Empty />
              )}
            </Figure>
          </div>
        </>
      )}
    </section>
  )
}

function statusLabel(t: (k: MessageKey) => string, status: string): string {
  const key = `lighting.measureStatus.${status}` as MessageKey
  const text = t(key)
  return text === key ? status : text
}
