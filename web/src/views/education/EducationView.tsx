import { useMemo } from 'react'
import { useQuery } from 'urql'
import { useSearchParams } from 'wouter'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart, PALETTE } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { Empty, Partial, QueryState } from '../../components/States'
import { marksOf, StatValue, usable, type Stat } from '../../components/StatValue'
import type { Source } from '../../components/Provenance'
import { departmentsDown } from '../../graphql/errors'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat } from '../../lib/format'
import { EducationDatasetsQuery, EducationFiguresQuery } from './queries'
import {
  graduateYears,
  kitaRows,
  kitaTotals,
  knownSum,
  QUALIFICATIONS,
  RESIDENCES,
  schoolTypesOf,
  schoolYear,
  transitionCell,
  type Figures,
} from './model'
import './education.css'

const BARS = [BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent]
const LINES = [LineChart, GridComponent, TooltipComponent]

/** The first year of the education statistics in the graph. */
const FIRST_YEAR = 2015

const chartValue = (s: Stat | null | undefined) => (usable(s) ? s.value : null)

export default function EducationView() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const [meta] = useQuery({ query: EducationDatasetsQuery })
  const thisYear = new Date().getFullYear()
  const kitaYear = meta.data?.kita ? Number(meta.data.kita.stichtag.slice(0, 4)) : thisYear
  const latest = Math.max(kitaYear, meta.data?.transitions ? Number(meta.data.transitions.stichtag.slice(0, 4)) : 0)
  const asked = Number(params.get('jahr'))
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= latest ? asked : kitaYear
  const years = useMemo(() => Array.from({ length: latest - FIRST_YEAR + 1 }, (_, i) => latest - i), [latest])

  const variables = useMemo(() => ({ ags: CITY.ags, year, cohortYear: year - 1, from: FIRST_YEAR, to: latest }), [year, latest])
  const [{ data, fetching, error }, reexecute] = useQuery({ query: EducationFiguresQuery, variables, pause: meta.fetching && !meta.data })
  const down = departmentsDown(error)

  return (
    <section className="view view--education" aria-labelledby="education-title" aria-busy={fetching || meta.fetching}>
      <header className="view__header">
        <h1 id="education-title" className="kern-heading kern-heading-large view__title">
          {t('education.title')}
        </h1>
        <p className="kern-body view__lead">{t('education.lead')}</p>
      </header>
      <div className="education-controls">
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="education-year">
            {t('education.year')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select
              id="education-year"
              className="kern-form-input__select"
              value={year}
              onChange={e => setParams(p => (p.set('jahr', e.target.value), p), { replace: true })}
            >
              {years.map(y => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <QueryState
        fetching={fetching || meta.fetching}
        error={error}
        hasData={!!data}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {data && (
        <>
          <Partial departments={down} />
          <KitaFigure
            data={data}
            year={year}
            sources={[meta.data?.population && { ...meta.data.population, stichtag: `${year - 1}-12-31` }]}
          />
          <TransitionsFigure data={data} year={year} source={inYear(meta.data?.transitions, year)} />
          <GraduatesFigure data={data} source={meta.data?.graduates} />
          <FirstGradersFigure data={data} source={meta.data?.pupils} />
        </>
      )}
    </section>
  )
}

type MaybeSource = Source | null | undefined

/** A yearly dataset's source for an earlier year: the same reference day in that year (the dataset names its newest). */
function inYear(source: MaybeSource, year: number): MaybeSource {
  if (!source?.stichtag || Number(source.stichtag.slice(0, 4)) <= year) return source
  return { ...source, stichtag: `${year}${source.stichtag.slice(4)}` }
}

function KitaFigure({ data, year, sources }: { data: Figures; year: number; sources: MaybeSource[] }) {
  const { t, tn } = useI18n()
  const f = useFormat()
  const rows = useMemo(() => kitaRows(data), [data])
  const totals = useMemo(() => kitaTotals(rows), [rows])
  const oneDecimal = (n: number) => f.number(n, 1)
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('education.kitaPlaces'), t('education.kitaChildren')] },
      grid: {},
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(r => r.name),
        axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
      },
      series: [
        { name: t('education.kitaPlaces'), type: 'bar', data: rows.map(r => r.places), barMaxWidth: 14 },
        { name: t('education.kitaChildren'), type: 'bar', data: rows.map(r => chartValue(r.children)), barMaxWidth: 14 },
      ],
    }),
    [rows, t],
  )
  const withSource = (sources.filter(Boolean) as Source[]).concat(
    rows.length ? [data.districts.find(d => d.kitaPlaces)!.kitaPlaces!.provenance] : [],
  )
  const marks = marksOf(rows.flatMap(r => [r.under3, r.age3to5, r.coverage]))
  const title = t('education.kitaTitle', { year })
  if (!rows.length)
    return (
      <Figure title={title} summary={t('education.kitaNone', { year })} source={withSource}>
        <Empty />
      </Figure>
    )
  const summary =
    t('education.kitaSummary', {
      year,
      places: f.number(totals.places),
      placesU3: f.number(totals.placesU3),
      children: usable(totals.children) ? f.number(totals.children.value) : '–',
      cohortYear: year - 1,
      coverage: usable(totals.coverage) ? oneDecimal(totals.coverage.value) : '–',
    }) +
    (totals.lowest && totals.highest
      ? ' ' +
        t('education.kitaRange', {
          lowest: totals.lowest.name,
          low: oneDecimal(totals.lowest.coverage.value as number),
          highest: totals.highest.name,
          high: oneDecimal(totals.highest.coverage.value as number),
        })
      : '')
  return (
    <Figure
      title={title}
      summary={summary}
      source={withSource}
      marks={marks}
      table={{
        columns: [
          { label: t('education.district') },
          { label: t('education.kitaPlaces'), numeric: true },
          { label: t('education.kitaPlacesU3'), numeric: true },
          { label: t('education.under3', { year: year - 1 }), numeric: true },
          { label: t('education.age3to5', { year: year - 1 }), numeric: true },
          { label: t('education.coverage'), numeric: true },
          { label: t('education.coverageU3'), numeric: true },
        ],
        rows: [
          ...rows.map(r => [
            r.name,
            f.number(r.places),
            f.number(r.placesU3),
            <StatValue key="u3" stat={r.under3} format={f.number} />,
            <StatValue key="a" stat={r.age3to5} format={f.number} />,
            <StatValue key="c" stat={r.coverage} format={oneDecimal} />,
            <StatValue key="cu3" stat={r.coverageU3} format={oneDecimal} />,
          ]),
          [
            t('education.city'),
            f.number(totals.places),
            f.number(totals.placesU3),
            <StatValue key="u3" stat={knownStat(rows.map(r => r.under3))} format={f.number} />,
            <StatValue key="a" stat={knownStat(rows.map(r => r.age3to5))} format={f.number} />,
            <StatValue key="c" stat={totals.coverage} format={oneDecimal} />,
            '',
          ],
        ],
      }}
    >
      <p className="kern-body education-key" data-testid="kita-total">
        {tn('education.kitaKey', {
          places: <strong>{f.number(totals.places)}</strong>,
          coverage: <StatValue stat={totals.coverage} format={oneDecimal} />,
        })}
      </p>
      <Chart option={option} use={BARS} label={title} height={Math.max(320, rows.length * 34 + 80)} />
    </Figure>
  )
}

/** A column sum for the table: not available when a cell is withheld. */
function knownStat(stats: Stat[]): Stat {
  const k = knownSum(stats)
  if (k.withheld) return { value: null, status: 'SECRET' }
  if (stats.some(s => !usable(s))) return { value: null, status: 'NOT_AVAILABLE' }
  return { value: k.value, status: k.perturbed ? 'PERTURBED' : 'EXACT' }
}

function TransitionsFigure({ data, year, source }: { data: Figures; year: number; source: MaybeSource }) {
  const { t } = useI18n()
  const f = useFormat()
  const ts = data.year?.transitions ?? []
  const types = useMemo(() => schoolTypesOf(ts), [ts])
  const typeLabel = (s: string) => label(t, `education.schoolType.${s}`, s)
  const residenceLabel = (s: string) => label(t, `education.residence.${s}`, s)
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: RESIDENCES.map(residenceLabel) },
      grid: {},
      xAxis: { type: 'category', data: types.map(s => label(t, `education.schoolTypeShort.${s}`, s)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: RESIDENCES.map(r => ({
        name: residenceLabel(r),
        type: 'bar',
        stack: 'admissions',
        barMaxWidth: 48,
        data: types.map(s => chartValue(transitionCell(ts, s, r)?.admissions)),
      })),
    }),
    // (every other value the closure reads derives from these)
    [ts, types, t],
  )
  const title = t('education.transitionsTitle', { schoolYear: schoolYear(year) })
  if (!ts.length)
    return (
      <Figure title={title} summary={t('education.transitionsNone', { year })} source={source}>
        <Empty />
      </Figure>
    )
  const admissions = knownSum(ts.map(x => x.admissions))
  const applications = knownSum(ts.map(x => x.applications))
  const city = knownSum(ts.filter(x => x.residence === 'STADT').map(x => x.admissions))
  const atLeast = (k: { value: number; withheld: number }) =>
    k.withheld ? t('education.atLeast', { value: f.number(k.value) }) : f.number(k.value)
  const igs = types.includes('IGS') ? knownSum(ts.filter(x => x.toSchoolType === 'IGS').map(x => x.applications)) : null
  const igsIn = types.includes('IGS') ? knownSum(ts.filter(x => x.toSchoolType === 'IGS').map(x => x.admissions)) : null
  const summary =
    t('education.transitionsSummary', {
      admissions: atLeast(admissions),
      applications: atLeast(applications),
      city: atLeast(city),
    }) +
    (igs && igsIn && igs.value > igsIn.value
      ? ' ' + t('education.transitionsIgs', { applications: atLeast(igs), admissions: atLeast(igsIn) })
      : '') +
    (admissions.withheld ? ' ' + t('education.withheld', { count: admissions.withheld + applications.withheld }) : '')
  const rows = types.flatMap(s =>
    RESIDENCES.map(r => {
      const c = transitionCell(ts, s, r)
      return [
        `${typeLabel(s)} · ${residenceLabel(r)}`,
        <StatValue key="ap" stat={c?.applications} format={f.number} />,
        <StatValue key="ad" stat={c?.admissions} format={f.number} />,
      ]
    }),
  )
  return (
    <Figure
      title={title}
      summary={summary}
      source={source}
      marks={marksOf(ts.flatMap(x => [x.applications, x.admissions]))}
      table={{
        columns: [
          { label: t('education.schoolTypeResidence') },
          { label: t('education.applications'), numeric: true },
          { label: t('education.admissions'), numeric: true },
        ],
        rows,
      }}
    >
      <Chart option={option} use={BARS} label={title} />
    </Figure>
  )
}

function GraduatesFigure({ data, source }: { data: Figures; source: MaybeSource }) {
  const { t } = useI18n()
  const f = useFormat()
  const ys = useMemo(() => graduateYears(data), [data])
  const qLabel = (q: string) => label(t, `education.qualification.${q}`, q)
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: QUALIFICATIONS.map(qLabel) },
      grid: {},
      xAxis: { type: 'category', data: ys.map(y => schoolYear(y.year)) },
      yAxis: { type: 'value' },
      series: QUALIFICATIONS.map((q, i) => ({
        name: qLabel(q),
        type: 'bar',
        stack: 'graduates',
        color: PALETTE[i],
        data: ys.map(y => chartValue(y.counts[q])),
      })),
    }),
    // (every other value the closure reads derives from these)
    [ys, t],
  )
  const title = t('education.graduatesTitle')
  const last = ys[ys.length - 1]
  if (!last)
    return (
      <Figure title={title} summary={t('education.graduatesNone')} source={source}>
        <Empty />
      </Figure>
    )
  const ahr = last.counts.AHR
  const summary = t('education.graduatesSummary', {
    schoolYear: schoolYear(last.year),
    total: usable(last.total) ? f.number(last.total.value) : '–',
    ahr: usable(ahr) ? f.number(ahr.value) : '–',
    share: usable(ahr) && usable(last.total) && last.total.value ? f.percent(ahr.value / last.total.value, 1) : '–',
    first: schoolYear(ys[0].year),
  })
  return (
    <Figure
      title={title}
      summary={summary}
      source={source}
      marks={marksOf(ys.flatMap(y => Object.values(y.counts)))}
      table={{
        columns: [
          { label: t('education.schoolYear') },
          ...QUALIFICATIONS.map(q => ({ label: qLabel(q), numeric: true })),
          { label: t('education.total'), numeric: true },
        ],
        rows: [...ys]
          .reverse()
          .map(y => [
            schoolYear(y.year),
            ...QUALIFICATIONS.map(q => <StatValue key={q} stat={y.counts[q]} format={f.number} />),
            <StatValue key="total" stat={y.total} format={f.number} />,
          ]),
      }}
    >
      <Chart option={option} use={BARS} label={title} height={320} />
    </Figure>
  )
}

function FirstGradersFigure({ data, source }: { data: Figures; source: MaybeSource }) {
  const { t } = useI18n()
  const f = useFormat()
  const ys = useMemo(
    () => [...(data.years ?? [])].filter(y => y.firstGraders && y.firstGraders.status !== 'NOT_AVAILABLE').sort((a, b) => a.year - b.year),
    [data],
  )
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: {},
      xAxis: { type: 'category', data: ys.map(y => schoolYear(y.year)) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.floor((v.min * 0.9) / 50) * 50 },
      series: [{ name: t('education.firstGraders'), type: 'line', data: ys.map(y => chartValue(y.firstGraders)), symbolSize: 8 }],
    }),
    [ys, t],
  )
  const title = t('education.firstGradersTitle')
  const last = ys[ys.length - 1]
  if (!last)
    return (
      <Figure title={title} summary={t('education.graduatesNone')} source={source}>
        <Empty />
      </Figure>
    )
  const first = ys[0]
  return (
    <Figure
      title={title}
      summary={t('education.firstGradersSummary', {
        schoolYear: schoolYear(last.year),
        count: usable(last.firstGraders) ? f.number(last.firstGraders.value) : '–',
        first: schoolYear(first.year),
        firstCount: usable(first.firstGraders) ? f.number(first.firstGraders.value) : '–',
      })}
      source={source}
      marks={marksOf(ys.map(y => y.firstGraders))}
      table={{
        columns: [{ label: t('education.schoolYear') }, { label: t('education.firstGraders'), numeric: true }],
        rows: [...ys].reverse().map(y => [schoolYear(y.year), <StatValue key="n" stat={y.firstGraders} format={f.number} />]),
      }}
    >
      <Chart option={option} use={LINES} label={title} height={240} />
    </Figure>
  )
}

function label(t: (key: MessageKey) => string, key: string, fallback: string): string {
  const text = t(key as MessageKey)
  return text === key ? fallback : text
}
