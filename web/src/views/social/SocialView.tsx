import { useMemo } from 'react'
import { useQuery } from 'urql'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { marksOf, StatValue, usable, type Stat } from '../../components/StatValue'
import { ErrorState, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat } from '../../lib/format'
import type { SocialYearsQuery as YearsData } from '../../gql/graphql'
import { derive, sumStats } from '../overview/model'
import { SocialCostPerRecipientQuery, SocialDailyQuery, SocialDistrictsQuery, SocialHealthDatasetQuery, SocialYearsQuery } from './queries'
import { useParam } from '../../lib/params'
import { Select } from '../../components/Select'
import '../../styles/view-controls.css'
import './social.css'

// Soziales & Gesundheit: recipients of the Eingliederungshilfe per 1 000 residents, for the city and every district
// over the years, the benefit groups, and the daily health series. Recipients reach public and committee perturbed
// (±2), so every rate computed from them is marked perturbed too; cost per recipient only where the role sees it.

const FIRST_YEAR = 2015
const WINDOW = 6
const USE = [BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]
const METRICS = ['COVID_INC7', 'COVID_CASES', 'HOSP_INC7', 'ICU_SHARE', 'COVID_INC7_USAF'] as const
type Metric = (typeof METRICS)[number]
const RANGES = ['90', '365', 'alle'] as const
type Range = (typeof RANGES)[number]
const CITY_CODE = 'alle'

const num = (s: Stat | null | undefined): number | null => (usable(s) ? s.value : s?.status === 'ZERO' ? 0 : null)
const perThousand = (recipients: Stat | null | undefined, residents: number | null | undefined): Stat =>
  recipients && residents ? derive(recipients, r => (r / residents) * 1000) : { value: null, status: 'NOT_AVAILABLE' }

type YearRow = NonNullable<YearsData['years']>[number]

function cityRate(y: YearRow): { recipients: Stat; rate: Stat } | null {
  const groups = y.eingliederungshilfe
  if (!groups?.length) return null
  const recipients = sumStats(groups.map(g => g.recipients as Stat))
  return { recipients, rate: perThousand(recipients, y.residents) }
}

export default function SocialView() {
  const { t } = useI18n()
  const thisYear = new Date().getFullYear()
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SocialYearsQuery, variables: { from: FIRST_YEAR, to: thisYear } })
  const withData = useMemo(
    () =>
      (data?.years ?? [])
        .filter(y => y.eingliederungshilfe?.length)
        .map(y => y.year)
        .sort((a, b) => b - a),
    [data],
  )
  const yearOptions = useMemo(() => (withData.length ? withData.map(String) : [String(thisYear - 1)]), [withData, thisYear])
  const [yearParam, setYear] = useParam('jahr', yearOptions, yearOptions[0])
  const year = Number(yearParam)
  const down = departmentsDown(error)
  const state = QueryState({ fetching, error, hasData: !!data?.years, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })

  return (
    <section className="view view--social" aria-labelledby="social-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="social-title" className="kern-heading kern-heading-large view__title">
          {t('social.title')}
        </h1>
        <p className="kern-body view__lead">{t('social.lead')}</p>
      </header>
      <h2 className="kern-heading kern-heading-medium section-title">{t('social.eghHeading')}</h2>
      <div className="view-filters">
        <Select label={t('social.year')} value={yearParam} options={yearOptions.map(y => ({ value: y, label: y }))} onChange={setYear} />
      </div>
      {state ?? (
        <>
          <Partial departments={down} />
          {withData.length ? (
            <>
              <EghDistricts year={year} cityYears={data!.years ?? []} />
              <div className="view-grid">
                <EghCityYears rows={data!.years ?? []} />
                <EghGroups rows={data!.years ?? []} year={year} />
              </div>
            </>
          ) : error ? (
            <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : (
            <p className="state state--empty">{t('social.noEgh')}</p>
          )}
        </>
      )}
      <Health />
    </section>
  )
}

/** Per 1 000 residents in every district: the chosen year as a chart, six years as a table, one district's trend. */
function EghDistricts({ year, cityYears }: { year: number; cityYears: YearRow[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const years = Array.from({ length: WINDOW }, (_, i) => year - WINDOW + 1 + i)
  const [{ data, fetching, error }] = useQuery({
    query: SocialDistrictsQuery,
    variables: { y0: years[0], y1: years[1], y2: years[2], y3: years[3], y4: years[4], y5: years[5] },
  })
  const districts = data?.districts ?? []
  const codes = useMemo(() => [CITY_CODE, ...districts.map(d => d.code)], [districts])
  const [code, setCode] = useParam('stadtteil', codes, CITY_CODE)
  const rows = useMemo(
    () =>
      districts.map(d => {
        const e = [d.e0, d.e1, d.e2, d.e3, d.e4, d.e5] as Array<Stat | null | undefined>
        const p = [d.p0, d.p1, d.p2, d.p3, d.p4, d.p5].map(x => (x && usable(x.total as Stat) ? x.total.value! : null))
        return { code: d.code, name: d.name, recipients: e, residents: p, rates: e.map((r, i) => perThousand(r, p[i])) }
      }),
    [districts],
  )
  const oneDecimal = (v: number) => f.number(v, 1)
  const now = rows.map(r => ({ ...r, rate: r.rates[WINDOW - 1] })).sort((a, b) => (num(b.rate) ?? -1) - (num(a.rate) ?? -1))
  const title = t('social.districtsTitle', { year })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => (v == null ? '–' : f.number(v, 1)) },
      grid: {},
      yAxis: { type: 'category', inverse: true, data: now.map(r => r.name), axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('social.perThousand'), type: 'bar', data: now.map(r => num(r.rate)) }],
    }),
    [now, t, f],
  )
  const chosen = rows.find(r => r.code === code)
  const cityByYear = new Map(cityYears.map(y => [y.year, cityRate(y)]))
  const trendTitle = t('social.trendTitle', { where: chosen?.name ?? t('social.wholeCity'), from: years[0], to: year })
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '–' : f.number(v, 1)) },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [
        ...(chosen ? [{ name: chosen.name, type: 'line', symbolSize: 8, data: chosen.rates.map(num) }] : []),
        { name: t('social.wholeCity'), type: 'line', symbolSize: 8, data: years.map(y => num(cityByYear.get(y)?.rate)) },
      ],
    }),
    // years is derived from year
    // (every other value the closure reads derives from these)
    [chosen, year, t, f, cityYears],
  )
  const state = QueryState({ fetching, error, hasData: !!data?.districts })
  if (state) return state
  const hi = now[0]
  const lo = [...now].reverse().find(r => num(r.rate) != null)
  const source = districts[0]?.p5?.provenance
  const eghSource = cityYears.find(y => y.year === year)?.eingliederungshilfe?.[0]?.provenance
  const sources = [eghSource, source].filter((s): s is NonNullable<typeof s> => !!s)
  const marks = marksOf(rows.flatMap(r => r.recipients))
  return (
    <>
      <Figure
        title={title}
        summary={t('social.districtsSummary', {
          year,
          high: hi?.name ?? '–',
          highRate: hi && usable(hi.rate) ? oneDecimal(hi.rate.value) : '–',
          low: lo?.name ?? '–',
          lowRate: lo && usable(lo.rate) ? oneDecimal(lo.rate.value) : '–',
        })}
        source={sources}
        marks={marks}
        table={{
          columns: [
            { label: t('social.district') },
            { label: t('social.recipients'), numeric: true },
            { label: t('social.residents'), numeric: true },
            { label: t('social.perThousand'), numeric: true },
          ],
          rows: now.map(r => [
            r.name,
            <StatValue key="r" stat={r.recipients[WINDOW - 1]} format={f.number} />,
            r.residents[WINDOW - 1] == null ? '–' : f.number(r.residents[WINDOW - 1]!),
            <StatValue key="k" stat={r.rate} format={oneDecimal} />,
          ]),
        }}
      >
        <Chart option={option} use={USE} label={title} height={now.length * 24 + 60} />
      </Figure>
      <div className="view-filters">
        <Select
          label={t('social.district')}
          value={code}
          options={[{ value: CITY_CODE, label: t('social.wholeCity') }, ...rows.map(r => ({ value: r.code, label: r.name }))]}
          onChange={setCode}
        />
      </div>
      <Figure
        title={trendTitle}
        summary={t('social.trendSummary', {
          where: chosen?.name ?? t('social.wholeCity'),
          from: years[0],
          to: year,
          first: fmtRate(f, chosen ? chosen.rates[0] : cityByYear.get(years[0])?.rate),
          last: fmtRate(f, chosen ? chosen.rates[WINDOW - 1] : cityByYear.get(year)?.rate),
        })}
        source={sources}
        marks={marks}
        table={{
          columns: [{ label: t('social.district') }, ...years.map(y => ({ label: String(y), numeric: true }))],
          rows: [
            [t('social.wholeCity'), ...years.map(y => <StatValue key={y} stat={cityByYear.get(y)?.rate} format={oneDecimal} />)],
            ...rows.map(r => [r.name, ...r.rates.map((s, i) => <StatValue key={i} stat={s} format={oneDecimal} />)]),
          ],
        }}
      >
        <Chart option={trendOption} use={USE} label={trendTitle} height={280} />
      </Figure>
    </>
  )
}

const fmtRate = (f: ReturnType<typeof useFormat>, s: Stat | null | undefined) => (s && usable(s) ? f.number(s.value, 1) : '–')

function EghCityYears({ rows }: { rows: YearRow[] }) {
  const { t } = useI18n()
  const f = useFormat()
  const series = rows
    .map(y => ({ year: y.year, residents: y.residents, v: cityRate(y) }))
    .filter(r => r.v)
    .sort((a, b) => a.year - b.year)
  const title = t('social.cityTitle')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '–' : f.number(v, 1)) },
      grid: {},
      xAxis: { type: 'category', data: series.map(r => String(r.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('social.perThousand'), type: 'line', symbolSize: 8, data: series.map(r => num(r.v!.rate)) }],
    }),
    [series, t, f],
  )
  if (!series.length) return null
  const first = series[0]
  const last = series[series.length - 1]
  return (
    <Figure
      title={title}
      summary={t('social.citySummary', {
        from: first.year,
        to: last.year,
        first: fmtRate(f, first.v!.rate),
        last: fmtRate(f, last.v!.rate),
      })}
      source={rows.find(y => y.year === last.year)?.eingliederungshilfe?.[0]?.provenance}
      marks={marksOf(series.map(r => r.v!.recipients))}
      table={{
        columns: [
          { label: t('social.yearCol') },
          { label: t('social.recipients'), numeric: true },
          { label: t('social.residents'), numeric: true },
          { label: t('social.perThousand'), numeric: true },
        ],
        rows: series.map(r => [
          String(r.year),
          <StatValue key="r" stat={r.v!.recipients} format={f.number} />,
          r.residents == null ? '–' : f.number(r.residents),
          <StatValue key="k" stat={r.v!.rate} format={v => f.number(v, 1)} />,
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={280} />
    </Figure>
  )
}

const GROUPS = [
  'SOZIALE_TEILHABE_WOHNEN',
  'SOZIALE_TEILHABE_ASSISTENZ',
  'ARBEITSLEBEN_WFBM',
  'BILDUNG_SCHULBEGLEITUNG',
  'MED_REHA',
  'FRUEHFOERDERUNG',
]

function EghGroups({ rows, year }: { rows: YearRow[]; year: number }) {
  const { t } = useI18n()
  const f = useFormat()
  const internal = useCanSee('EghBenefitStat', 'costPerRecipient')
  const [cpr] = useQuery({ query: SocialCostPerRecipientQuery, variables: { year }, pause: internal !== true })
  const perRecipient = new Map((cpr.data?.year?.eingliederungshilfe ?? []).map(g => [g.benefitGroup, g.costPerRecipient]))
  const groups = rows.find(y => y.year === year)?.eingliederungshilfe ?? []
  const label = (g: string) => (GROUPS.includes(g) ? t(`social.group.${g}` as MessageKey) : g)
  const title = t('social.groupsTitle', { year })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: {},
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map(g => label(g.benefitGroup)),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('social.recipients'), type: 'bar', data: groups.map(g => num(g.recipients as Stat)), color: '#0f766e' }],
    }),
    // label depends on t only
    // (every other value the closure reads derives from these)
    [groups, t, f],
  )
  if (!groups.length) return null
  const showCpr = internal === true && !!cpr.data
  const costStat = (m: { amount?: number | null; status: string } | null | undefined): Stat | null =>
    m ? { value: m.amount ?? null, status: m.status as Stat['status'] } : null
  const largest = [...groups].sort((a, b) => (num(b.recipients as Stat) ?? 0) - (num(a.recipients as Stat) ?? 0))[0]
  return (
    <Figure
      title={title}
      summary={t('social.groupsSummary', {
        year,
        largest: label(largest.benefitGroup),
        count: usable(largest.recipients as Stat) ? f.number(largest.recipients.value!) : '–',
      })}
      source={groups[0].provenance}
      marks={marksOf([...groups.map(g => g.recipients as Stat), ...groups.map(g => costStat(g.cost))])}
      table={{
        columns: [
          { label: t('social.group') },
          { label: t('social.recipients'), numeric: true },
          { label: t('social.cost'), numeric: true },
          ...(showCpr ? [{ label: t('social.costPerRecipient'), numeric: true }] : []),
        ],
        rows: groups.map(g => [
          label(g.benefitGroup),
          <StatValue key="r" stat={g.recipients as Stat} format={f.number} />,
          <StatValue key="c" stat={costStat(g.cost)} format={f.euro} />,
          ...(showCpr ? [<StatValue key="p" stat={costStat(perRecipient.get(g.benefitGroup))} format={f.euro} />] : []),
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={groups.length * 34 + 60} />
    </Figure>
  )
}

const DAY = 86_400_000

function Health() {
  const { t } = useI18n()
  const f = useFormat()
  const [metric, setMetric] = useParam<Metric>('kennzahl', METRICS, 'COVID_INC7')
  const [range, setRange] = useParam<Range>('zeitraum', RANGES, '365')
  const [ds, reexecuteDs] = useQuery({ query: SocialHealthDatasetQuery })
  const end = ds.data?.dataset?.stichtag ?? null
  const from = end
    ? range === 'alle'
      ? '2020-01-01'
      : new Date(Date.parse(end) - (Number(range) - 1) * DAY).toISOString().slice(0, 10)
    : ''
  const [{ data, fetching, error }] = useQuery({
    query: SocialDailyQuery,
    variables: { ags: CITY.ags, from, to: end ?? '', metric },
    pause: !end,
  })
  const points = data?.municipality?.dailySeries ?? []
  const metricLabel = t(`social.metric.${metric}` as MessageKey)
  const title = t('social.healthTitle', { metric: metricLabel })
  const digits = metric === 'COVID_CASES' ? 0 : 1
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.number(v, digits) },
      grid: {},
      xAxis: { type: 'category', data: points.map(p => f.date(p.day)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: metricLabel, type: metric === 'COVID_CASES' ? 'bar' : 'line', showSymbol: false, data: points.map(p => p.value) }],
    }),
    [points, metric, metricLabel, f, digits],
  )
  const state = QueryState({ fetching: fetching || ds.fetching, error: error ?? ds.error, hasData: !!data?.municipality })
  const max = points.reduce<(typeof points)[number] | null>((m, p) => (!m || p.value > m.value ? p : m), null)
  const last = points[points.length - 1]
  return (
    <section aria-labelledby="social-health">
      <h2 id="social-health" className="kern-heading kern-heading-medium section-title">
        {t('social.healthHeading')}
      </h2>
      <div className="view-filters">
        <Select
          label={t('social.metric')}
          value={metric}
          options={METRICS.map(m => ({ value: m, label: t(`social.metric.${m}` as MessageKey) }))}
          onChange={setMetric}
        />
        <Select
          label={t('social.range')}
          value={range}
          options={RANGES.map(r => ({ value: r, label: t(`social.range.${r}` as MessageKey) }))}
          onChange={setRange}
        />
      </div>
      {!end && !ds.fetching ? (
        departmentsDown(ds.error).length ? (
          <Partial departments={departmentsDown(ds.error)} />
        ) : ds.error ? (
          <ErrorState onRetry={() => reexecuteDs({ requestPolicy: 'network-only' })} />
        ) : (
          <p className="state state--empty">{t('social.noHealth')}</p>
        )
      ) : (
        (state ?? (
          <Figure
            title={title}
            summary={
              points.length && last && max
                ? t('social.healthSummary', {
                    metric: metricLabel,
                    from: f.date(points[0].day),
                    to: f.date(last.day),
                    last: f.number(last.value, digits),
                    max: f.number(max.value, digits),
                    maxDay: f.date(max.day),
                  })
                : t('social.noHealth')
            }
            source={ds.data?.dataset}
            table={{
              columns: [{ label: t('social.day') }, { label: metricLabel, numeric: true }],
              rows: [...points].reverse().map(p => [f.date(p.day), f.number(p.value, digits)]),
            }}
          >
            <Chart option={option} use={USE} label={title} height={300} />
          </Figure>
        ))
      )}
    </section>
  )
}
