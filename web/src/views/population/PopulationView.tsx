import { useMemo, type ReactNode } from 'react'
import { useQuery } from 'urql'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { marksOf, StatValue, usable, type Stat } from '../../components/StatValue'
import { ErrorState, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat, type Formatters } from '../../lib/format'
import type { PopulationOverviewQuery } from '../../gql/graphql'
import { derive, sumStats } from '../overview/model'
import { PopulationCityDetailQuery, PopulationDistrictDetailQuery, PopulationOverviewQuery as OverviewQuery } from './queries'
import { useParam } from '../../lib/params'
import { Select } from '../../components/Select'
import '../../styles/view-controls.css'
import './population.css'

// Bevölkerung & Integration: population by district and year, the age structure in published bands, nationality
// groups, movements and the figures of an integration report (foreigner share, net migration). Counts reach public
// and committee perturbed; sums of perturbed counts are marked perturbed too.

const FIRST_YEAR = 2015
const USE = [BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]
const SCHEMES = ['FIVE_YEAR', 'TEN_YEAR', 'FUNCTIONAL'] as const
type Scheme = (typeof SCHEMES)[number]
const CITY = 'alle'

type Overview = PopulationOverviewQuery
type Movements = NonNullable<NonNullable<Overview['years']>[number]['movements']>

const num = (s: Stat | null | undefined): number | null => (usable(s) ? s.value : s?.status === 'ZERO' ? 0 : null)

export default function PopulationView() {
  const { t } = useI18n()
  // Register figures of a year exist from its 31.12.; the current year is shown once it has one.
  const lastYear = new Date().getFullYear()
  const yearOptions = useMemo(() => Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => String(lastYear - i)), [lastYear])
  const [yearParam, setYear] = useParam('jahr', yearOptions, String(lastYear - 1))
  const year = Number(yearParam)
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewQuery, variables: { year, from: FIRST_YEAR, to: lastYear } })
  const districts = data?.districts ?? []
  const codes = useMemo(() => [CITY, ...districts.map(d => d.code)], [districts])
  const [district, setDistrict] = useParam('stadtteil', codes, CITY)
  const [scheme, setScheme] = useParam<Scheme>('alter', SCHEMES, 'FIVE_YEAR')
  const down = departmentsDown(error)
  const state = QueryState({ fetching, error, hasData: !!data?.districts, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })
  const chosen = districts.find(d => d.code === district)

  return (
    <section className="view view--population" aria-labelledby="population-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="population-title" className="kern-heading kern-heading-large view__title">
          {t('population.title')}
        </h1>
        <p className="kern-body view__lead">{t('population.lead')}</p>
      </header>
      <div className="view-filters">
        <Select
          label={t('population.year')}
          value={yearParam}
          options={yearOptions.map(y => ({ value: y, label: y }))}
          onChange={setYear}
        />
        <Select
          label={t('population.district')}
          value={district}
          options={[{ value: CITY, label: t('population.wholeCity') }, ...districts.map(d => ({ value: d.code, label: d.name }))]}
          onChange={setDistrict}
        />
        <Select
          label={t('population.scheme')}
          value={scheme}
          options={SCHEMES.map(s => ({ value: s, label: t(`population.scheme.${s}` as MessageKey) }))}
          onChange={setScheme}
        />
      </div>
      {state ?? (
        <>
          <Partial departments={down} />
          <Integration data={data!} year={year} district={chosen ?? null} />
          {districts.some(d => d.population) ? (
            <div className="view-grid">
              <ByDistrict data={data!} year={year} />
              <ForeignerShare data={data!} year={year} />
            </div>
          ) : error && !down.length ? (
            <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          ) : (
            <p className="state state--empty">{t('population.noYear', { year })}</p>
          )}
          {chosen ? (
            <DistrictDetail code={chosen.code} name={chosen.name} year={year} scheme={scheme} />
          ) : (
            <CityDetail year={year} scheme={scheme} suggest={mostForeigners(districts)} onPick={setDistrict} />
          )}
          <div className="view-grid">
            <CityYears data={data!} />
            <CityMovements data={data!} />
          </div>
        </>
      )}
    </section>
  )
}

/** The integration report's figures for the city or the chosen district in the year. */
function Integration({ data, year, district }: { data: Overview; year: number; district: Overview['districts'][number] | null }) {
  const { t } = useI18n()
  const f = useFormat()
  const pops = district ? [district.population] : data.districts.map(d => d.population)
  if (pops.some(p => !p)) return null
  const total = sumStats(pops.map(p => p!.total as Stat))
  const foreigners = sumStats(pops.map(p => p!.foreigners as Stat))
  const share: Stat = district
    ? (district.population!.foreignerShare as Stat)
    : usable(total) && total.value > 0
      ? derive(foreigners, v => v / total.value)
      : { value: null, status: 'NOT_AVAILABLE' }
  const moves = district ? null : (data.years?.find(y => y.year === year)?.movements ?? null)
  const pct = (v: number) => f.percent(v, 1)
  const items: Array<{ value: ReactNode; label: string; stat?: Stat }> = [
    { value: <StatValue stat={total} format={f.number} />, label: t('population.residents'), stat: total },
    { value: <StatValue stat={foreigners} format={f.number} />, label: t('population.foreigners'), stat: foreigners },
    { value: <StatValue stat={share} format={pct} />, label: t('population.foreignerShare'), stat: share },
  ]
  if (district?.population) {
    const age = district.population.meanAge as Stat
    items.push({ value: <StatValue stat={age} format={v => f.number(v, 1)} />, label: t('population.meanAge'), stat: age })
  }
  if (moves) {
    items.push({
      value: <StatValue stat={moves.netMigration as Stat} format={v => f.signed(v)} />,
      label: t('population.netMigration'),
      stat: moves.netMigration as Stat,
    })
    items.push({
      value: <StatValue stat={moves.naturalBalance as Stat} format={v => f.signed(v)} />,
      label: t('population.naturalBalance'),
      stat: moves.naturalBalance as Stat,
    })
  }
  const where = district?.name ?? t('population.wholeCity')
  const sources = [...pops.slice(0, 1).map(p => p!.provenance), ...(moves ? [moves.provenance] : [])]
  return (
    <Figure
      title={t('population.integrationTitle', { where, year })}
      summary={t('population.integrationSummary', {
        where,
        year,
        total: usable(total) ? f.number(total.value) : '–',
        foreigners: usable(foreigners) ? f.number(foreigners.value) : '–',
        share: usable(share) ? pct(share.value) : '–',
      })}
      source={sources}
      marks={marksOf(items.map(i => i.stat))}
    >
      <ul className="key-figures" data-testid="population-key-figures">
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

function ByDistrict({ data, year }: { data: Overview; year: number }) {
  const { t } = useI18n()
  const f = useFormat()
  const rows = data.districts.filter(d => d.population)
  const title = t('population.byDistrictTitle', { year })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: {},
      yAxis: { type: 'category', inverse: true, data: rows.map(d => d.name), axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('population.residents'), type: 'bar', data: rows.map(d => num(d.population!.total as Stat)) }],
    }),
    [rows, t, f],
  )
  const largest = [...rows].sort((a, b) => (num(b.population!.total as Stat) ?? 0) - (num(a.population!.total as Stat) ?? 0))[0]
  return (
    <Figure
      title={title}
      summary={t('population.byDistrictSummary', {
        count: rows.length,
        largest: largest?.name ?? '–',
        largestCount: largest ? (num(largest.population!.total as Stat) ?? '–') : '–',
      })}
      source={rows[0]?.population?.provenance}
      marks={marksOf(rows.flatMap(d => [d.population!.total as Stat, d.population!.foreigners as Stat, d.population!.meanAge as Stat]))}
      table={{
        columns: [
          { label: t('population.district') },
          { label: t('population.residents'), numeric: true },
          { label: t('population.foreigners'), numeric: true },
          { label: t('population.foreignerShare'), numeric: true },
          { label: t('population.meanAge'), numeric: true },
        ],
        rows: rows.map(d => [
          d.name,
          <StatValue key="t" stat={d.population!.total as Stat} format={f.number} />,
          <StatValue key="f" stat={d.population!.foreigners as Stat} format={f.number} />,
          <StatValue key="s" stat={d.population!.foreignerShare as Stat} format={v => f.percent(v, 1)} />,
          <StatValue key="a" stat={d.population!.meanAge as Stat} format={v => f.number(v, 1)} />,
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={rows.length * 24 + 60} />
    </Figure>
  )
}

function ForeignerShare({ data, year }: { data: Overview; year: number }) {
  const { t } = useI18n()
  const f = useFormat()
  const rows = data.districts
    .filter(d => d.population)
    .sort((a, b) => (num(b.population!.foreignerShare as Stat) ?? 0) - (num(a.population!.foreignerShare as Stat) ?? 0))
  const title = t('population.shareTitle', { year })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => f.percent(v, 1) },
      grid: {},
      yAxis: { type: 'category', inverse: true, data: rows.map(d => d.name), axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.percent(v, 0) } },
      series: [
        {
          name: t('population.foreignerShare'),
          type: 'bar',
          data: rows.map(d => num(d.population!.foreignerShare as Stat)),
          color: '#0f766e',
        },
      ],
    }),
    [rows, t, f],
  )
  const hi = rows[0]
  const lo = rows[rows.length - 1]
  const share = (d: (typeof rows)[number] | undefined) =>
    d && usable(d.population!.foreignerShare as Stat) ? f.percent(d.population!.foreignerShare.value!, 1) : '–'
  return (
    <Figure
      title={title}
      summary={t('population.shareSummary', { high: hi?.name ?? '–', highShare: share(hi), low: lo?.name ?? '–', lowShare: share(lo) })}
      source={rows[0]?.population?.provenance}
      marks={marksOf(rows.map(d => d.population!.foreignerShare as Stat))}
      table={{
        columns: [{ label: t('population.district') }, { label: t('population.foreignerShare'), numeric: true }],
        rows: rows.map(d => [d.name, <StatValue key="s" stat={d.population!.foreignerShare as Stat} format={v => f.percent(v, 1)} />]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={rows.length * 24 + 60} />
    </Figure>
  )
}

interface Band {
  label: string
  count: Stat
}

function AgeStructure({
  bands,
  where,
  year,
  source,
}: {
  bands: Band[]
  where: string
  year: number
  source: Parameters<typeof Figure>[0]['source']
}) {
  const { t } = useI18n()
  const f = useFormat()
  const title = t('population.ageTitle', { where, year })
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: {},
      yAxis: { type: 'category', data: bands.map(b => b.label) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('population.persons'), type: 'bar', barCategoryGap: '8%', data: bands.map(b => num(b.count)) }],
    }),
    [bands, t, f],
  )
  const total = sumStats(bands.map(b => b.count))
  const largest = [...bands].sort((a, b) => (num(b.count) ?? 0) - (num(a.count) ?? 0))[0]
  return (
    <Figure
      title={title}
      summary={t('population.ageSummary', {
        where,
        total: usable(total) ? f.number(total.value) : '–',
        largest: largest?.label ?? '–',
        largestCount: largest && usable(largest.count) ? f.number(largest.count.value) : '–',
      })}
      source={source}
      marks={marksOf(bands.map(b => b.count))}
      table={{
        columns: [{ label: t('population.ageBand') }, { label: t('population.persons'), numeric: true }],
        rows: bands.map(b => [b.label, <StatValue key="c" stat={b.count} format={f.number} />]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={Math.max(240, bands.length * 22 + 40)} />
    </Figure>
  )
}

function sexLabel(t: (k: MessageKey) => string, sex: string): string {
  return ['M', 'W', 'D', 'X'].includes(sex) ? t(`population.sex.${sex}` as MessageKey) : sex
}

function SexTable({
  rows,
  where,
  source,
}: {
  rows: Array<{ sex: string; count: Stat }>
  where: string
  source: Parameters<typeof Figure>[0]['source']
}) {
  const { t } = useI18n()
  const f = useFormat()
  const title = t('population.sexTitle', { where })
  return (
    <Figure
      title={title}
      summary={t('population.sexSummary', {
        where,
        list: rows.map(r => `${sexLabel(t, r.sex)}: ${usable(r.count) ? f.number(r.count.value) : '–'}`).join(', '),
      })}
      source={source}
      marks={marksOf(rows.map(r => r.count))}
    >
      <ul className="key-figures">
        {rows.map(r => (
          <li key={r.sex}>
            <span className="key-figures__value">
              <StatValue stat={r.count} format={f.number} />
            </span>
            <span className="key-figures__label">{sexLabel(t, r.sex)}</span>
          </li>
        ))}
      </ul>
    </Figure>
  )
}

/** The district with the most foreign nationals: where the nationality groups say most. */
function mostForeigners(districts: Overview['districts']): { code: string; name: string } | null {
  let best: Overview['districts'][number] | null = null
  for (const d of districts) if ((num(d.population?.foreigners as Stat) ?? -1) > (num(best?.population?.foreigners as Stat) ?? -1)) best = d
  return best && { code: best.code, name: best.name }
}

function CityDetail({
  year,
  scheme,
  suggest,
  onPick,
}: {
  year: number
  scheme: Scheme
  suggest: { code: string; name: string } | null
  onPick: (code: string) => void
}) {
  const { t } = useI18n()
  const [{ data, fetching, error }] = useQuery({ query: PopulationCityDetailQuery, variables: { year, scheme } })
  const state = QueryState({ fetching, error, hasData: !!data?.districts })
  const pops = (data?.districts ?? []).map(d => d.population).filter((p): p is NonNullable<typeof p> => !!p)
  const bands = useMemo<Band[]>(() => {
    if (!pops.length) return []
    // Every district has the same published bands; the city's band is their sum.
    return pops[0].byAgeGroup.map((g, i) => ({ label: g.group.label, count: sumStats(pops.map(p => p.byAgeGroup[i]?.count as Stat)) }))
  }, [pops])
  const sexes = useMemo(
    () => (pops.length ? pops[0].bySex.map((s, i) => ({ sex: s.sex, count: sumStats(pops.map(p => p.bySex[i]?.count as Stat)) })) : []),
    [pops],
  )
  if (state) return state
  if (!pops.length) return null
  const where = t('population.wholeCity')
  return (
    <>
      <div className="view-grid">
        <AgeStructure bands={bands} where={where} year={year} source={pops[0].provenance} />
        <div>
          <SexTable rows={sexes} where={where} source={pops[0].provenance} />
          <p className="kern-body note">{t('population.nationalityPerDistrict')}</p>
          {suggest && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onPick(suggest.code)}>
              <span className="kern-label">{t('population.nationalityShow', { district: suggest.name })}</span>
            </button>
          )}
        </div>
      </div>
    </>
  )
}

function DistrictDetail({ code, name, year, scheme }: { code: string; name: string; year: number; scheme: Scheme }) {
  const { t } = useI18n()
  const f = useFormat()
  const [{ data, fetching, error }] = useQuery({ query: PopulationDistrictDetailQuery, variables: { code, year, scheme } })
  const state = QueryState({ fetching, error, hasData: !!data?.district?.population })
  const p = data?.district?.population
  const bands = useMemo<Band[]>(() => (p ? p.byAgeGroup.map(g => ({ label: g.group.label, count: g.count as Stat })) : []), [p])
  if (state) return state
  if (!p) return null
  const nationalities = p.byNationality
  const natLabel = (n: (typeof nationalities)[number]) =>
    n.country?.nameDe ?? (n.group === 'OTHER' ? t('population.otherNationalities') : n.group)
  const foreign = nationalities.filter(n => n.group !== 'DEU' && n.group !== 'OTHER')
  const title = t('population.nationalityTitle', { where: name, year })
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: {},
    yAxis: { type: 'category', inverse: true, data: foreign.map(natLabel) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
    series: [{ name: t('population.persons'), type: 'bar', data: foreign.map(n => num(n.count as Stat)), color: '#0f766e' }],
  }
  const m = data?.district?.movements
  return (
    <>
      <div className="view-grid">
        <AgeStructure bands={bands} where={name} year={year} source={p.provenance} />
        <Figure
          title={title}
          summary={t('population.nationalitySummary', {
            where: name,
            list: foreign
              .slice(0, 3)
              .map(n => `${natLabel(n)} (${usable(n.count as Stat) ? f.number(n.count.value!) : '–'})`)
              .join(', '),
          })}
          source={p.provenance}
          marks={marksOf(nationalities.map(n => n.count as Stat))}
          table={{
            columns: [{ label: t('population.nationality') }, { label: t('population.persons'), numeric: true }],
            rows: nationalities.map(n => [natLabel(n), <StatValue key="c" stat={n.count as Stat} format={f.number} />]),
          }}
        >
          <Chart option={option} use={USE} label={title} height={foreign.length * 26 + 60} />
        </Figure>
      </div>
      <div className="view-grid">
        <SexTable rows={p.bySex.map(s => ({ sex: s.sex, count: s.count as Stat }))} where={name} source={p.provenance} />
        {m && <MovementsOfYear m={m} where={name} year={year} />}
      </div>
    </>
  )
}

const MOVES = ['births', 'deaths', 'inMoves', 'outMoves', 'naturalBalance', 'netMigration'] as const

function MovementsOfYear({ m, where, year }: { m: Movements; where: string; year: number }) {
  const { t } = useI18n()
  const f = useFormat()
  const title = t('population.movementsTitle', { where, year })
  const cells = MOVES.map(k => ({ key: k, stat: m[k] as Stat }))
  return (
    <Figure
      title={title}
      summary={t('population.movementsSummary', {
        where,
        year,
        net: usable(m.netMigration as Stat) ? f.signed(m.netMigration.value!) : '–',
        natural: usable(m.naturalBalance as Stat) ? f.signed(m.naturalBalance.value!) : '–',
      })}
      source={m.provenance}
      marks={marksOf(cells.map(c => c.stat))}
    >
      <ul className="key-figures">
        {cells.map(c => (
          <li key={c.key}>
            <span className="key-figures__value">
              <StatValue stat={c.stat} format={c.key === 'netMigration' || c.key === 'naturalBalance' ? v => f.signed(v) : f.number} />
            </span>
            <span className="key-figures__label">{t(`population.move.${c.key}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
    </Figure>
  )
}

function CityYears({ data }: { data: Overview }) {
  const { t } = useI18n()
  const f = useFormat()
  const rows = (data.years ?? []).filter(y => y.population && y.population.status !== 'NOT_AVAILABLE').sort((a, b) => a.year - b.year)
  const title = t('population.yearsTitle')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: {},
      xAxis: { type: 'category', data: rows.map(r => String(r.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [{ name: t('population.residents'), type: 'line', symbolSize: 8, data: rows.map(r => num(r.population as Stat)) }],
    }),
    [rows, t, f],
  )
  if (!rows.length) return null
  const first = rows[0]
  const last = rows[rows.length - 1]
  return (
    <Figure
      title={title}
      summary={t('population.yearsSummary', {
        from: first.year,
        to: last.year,
        first: fmt(f, first.population as Stat),
        last: fmt(f, last.population as Stat),
      })}
      source={data.officialDataset}
      marks={marksOf(rows.map(r => r.population as Stat))}
      table={{
        columns: [{ label: t('population.yearCol') }, { label: t('population.residents'), numeric: true }],
        rows: rows.map(r => [String(r.year), <StatValue key="p" stat={r.population as Stat} format={f.number} />]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={280} />
    </Figure>
  )
}

const fmt = (f: Formatters, s: Stat) => (usable(s) ? f.number(s.value) : '–')

function CityMovements({ data }: { data: Overview }) {
  const { t } = useI18n()
  const f = useFormat()
  const rows = (data.years ?? []).filter(y => y.movements).sort((a, b) => a.year - b.year)
  const title = t('population.cityMovementsTitle')
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: {},
      xAxis: { type: 'category', data: rows.map(r => String(r.year)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.number(v, 1) } },
      series: [
        { name: t('population.move.netMigration'), type: 'bar', data: rows.map(r => num(r.movements!.netMigration as Stat)) },
        { name: t('population.move.naturalBalance'), type: 'bar', data: rows.map(r => num(r.movements!.naturalBalance as Stat)) },
      ],
    }),
    [rows, t, f],
  )
  if (!rows.length) return null
  const last = rows[rows.length - 1]
  return (
    <Figure
      title={title}
      summary={t('population.cityMovementsSummary', {
        year: last.year,
        net: usable(last.movements!.netMigration as Stat) ? f.signed(last.movements!.netMigration.value!) : '–',
        natural: usable(last.movements!.naturalBalance as Stat) ? f.signed(last.movements!.naturalBalance.value!) : '–',
      })}
      source={last.movements!.provenance}
      marks={marksOf(rows.flatMap(r => MOVES.map(k => r.movements![k] as Stat)))}
      table={{
        columns: [
          { label: t('population.yearCol') },
          ...MOVES.map(k => ({ label: t(`population.move.${k}` as MessageKey), numeric: true })),
        ],
        rows: rows.map(r => [
          String(r.year),
          ...MOVES.map(k => (
            <StatValue
              key={k}
              stat={r.movements![k] as Stat}
              format={k === 'netMigration' || k === 'naturalBalance' ? v => f.signed(v) : f.number}
            />
          )),
        ]),
      }}
    >
      <Chart option={option} use={USE} label={title} height={280} />
    </Figure>
  )
}
