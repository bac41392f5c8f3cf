import { useMemo, useRef, type KeyboardEvent } from 'react'
import { useQuery } from 'urql'
import { Link, useSearchParams } from 'wouter'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CITY } from '../../config'
import { Chart } from '../../components/Chart'
import { Figure } from '../../components/Figure'
import { Partial, QueryState } from '../../components/States'
import { marksOf, StatLegend, StatValue, usable } from '../../components/StatValue'
import { Tile } from '../../components/Tile'
import type { Source } from '../../components/Provenance'
import { departmentsDown } from '../../graphql/errors'
import { useCanSee } from '../../graphql/visibility'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat, type Formatters } from '../../lib/format'
import { PATHS } from '../../routes'
import { DistrictsAsylumQuery, DistrictsFiguresQuery } from './queries'
import {
  children,
  classes,
  classOf,
  isMetric,
  metric,
  METRICS,
  sortDistricts,
  STEPS,
  tileLayout,
  type District,
  type MetricKey,
  type SortDir,
} from './model'
import './districts.css'

const BARS = [BarChart, GridComponent, TooltipComponent]

/** The first year with figures of every department. */
const FIRST_YEAR = 2016
/** Investments per resident are summed over this many years up to the chosen one. */
const INVEST_YEARS = 5

type T = (key: MessageKey, params?: Record<string, string | number>) => string

function formatMetric(f: Formatters, key: MetricKey): (n: number) => string {
  switch (key) {
    case 'residents':
      return n => f.number(n)
    case 'density':
      return n => f.number(n)
    case 'foreignerShare':
    case 'ledShare':
      return n => f.percent(n, 1)
    case 'meanAge':
    case 'kitaCoverage':
    case 'eghPerThousand':
      return n => f.number(n, 1)
    case 'netMigration':
      return n => f.signed(n)
    case 'investPerCapita':
      return n => f.euro(n)
  }
}

export default function DistrictsView() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const lastYear = new Date().getFullYear() - 1
  const askedYear = Number(params.get('jahr'))
  const year = Number.isInteger(askedYear) && askedYear >= FIRST_YEAR && askedYear <= lastYear ? askedYear : lastYear
  const askedMetric = params.get('kennzahl')
  const chosen: MetricKey = isMetric(askedMetric) ? askedMetric : 'residents'
  const sortParam = params.get('sortierung')
  const sortBy: MetricKey | 'code' | 'name' = sortParam === 'name' || isMetric(sortParam) ? sortParam : 'code'
  const dir: SortDir = params.get('richtung') === 'desc' ? 'desc' : 'asc'
  const day = `${year}-12-31`

  const variables = useMemo(() => ({ ags: CITY.ags, year, cohortYear: year - 1, investFrom: year - INVEST_YEARS + 1, day }), [year, day])
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DistrictsFiguresQuery, variables })
  const internal = useCanSee('District', 'asylumCapacity')
  const [asylum] = useQuery({ query: DistrictsAsylumQuery, variables: { ags: CITY.ags, day }, pause: internal !== true })

  const districts = data?.districts ?? []
  const askedCode = params.get('stadtteil')
  const selected = districts.find(d => d.code === askedCode) ?? districts[0]
  const down = [...new Set([...departmentsDown(error), ...departmentsDown(asylum.error)])]
  const set = (changes: Record<string, string>) =>
    setParams(p => {
      for (const [k, v] of Object.entries(changes)) p.set(k, v)
      return p
    })

  return (
    <section className="view view--districts" aria-labelledby="districts-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="districts-title" className="kern-heading kern-heading-large view__title">
          {t('districts.title')}
        </h1>
        <p className="kern-body view__lead">{t('districts.lead')}</p>
      </header>
      <div className="districts-controls">
        <Select id="districts-year" label={t('districts.year')} value={String(year)} onChange={v => set({ jahr: v })}>
          {Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => lastYear - i).map(y => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        {districts.length > 0 && (
          <Select
            id="districts-district"
            label={t('districts.district')}
            value={selected?.code ?? ''}
            onChange={v => set({ stadtteil: v })}
          >
            {districts.map(d => (
              <option key={d.code} value={d.code}>
                {d.code} {d.name}
              </option>
            ))}
          </Select>
        )}
        <Select id="districts-metric" label={t('districts.metric')} value={chosen} onChange={v => set({ kennzahl: v })}>
          {METRICS.map(m => (
            <option key={m} value={m}>
              {t(`districts.metric.${m}`)}
            </option>
          ))}
        </Select>
      </div>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={!!districts.length}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {districts.length > 0 && selected && (
        <>
          <Partial departments={down} />
          <div className="districts-top">
            <TileMap districts={districts} selected={selected.code} metricKey={chosen} year={year} />
            <Profile
              d={selected}
              year={year}
              data={data!}
              asylum={asylum.data?.districts.find(x => x.code === selected.code)?.asylumCapacity ?? null}
            />
          </div>
          <Compare
            districts={districts}
            selected={selected.code}
            metricKey={chosen}
            sortBy={sortBy}
            dir={dir}
            year={year}
            sources={sourcesOf(data!, districts)}
            onSort={(by, next) => set({ sortierung: by, richtung: next })}
          />
        </>
      )}
    </section>
  )
}

function Select({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  children: React.ReactNode
}) {
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select id={id} className="kern-form-input__select" value={value} onChange={e => onChange(e.target.value)}>
          {children}
        </select>
      </div>
    </div>
  )
}

type Data = NonNullable<ReturnType<typeof useQuery<import('../../gql/graphql').DistrictsFiguresQuery>>[0]['data']>

function sourcesOf(data: Data, ds: readonly District[]): Source[] {
  const first = (pick: (d: District) => Source | null | undefined): Source | null => ds.map(pick).find(Boolean) ?? null
  const list: Array<Source | null | undefined> = [
    first(d => d.provenance),
    first(d => d.population?.provenance),
    first(d => d.kitaPlaces?.provenance),
    first(d => d.streetLighting?.provenance),
    first(d => d.movements?.provenance),
    data.socialDataset,
    data.investmentDataset,
  ]
  return list.filter((s): s is Source => !!s)
}

/** The 18 districts as a schematic grid of squares, coloured by the chosen figure; arrow keys move between squares. */
function TileMap({
  districts,
  selected,
  metricKey,
  year,
}: {
  districts: readonly District[]
  selected: string
  metricKey: MetricKey
  year: number
}) {
  const { t } = useI18n()
  const f = useFormat()
  const fmt = formatMetric(f, metricKey)
  const cells = useMemo(() => tileLayout(districts), [districts])
  const values = districts.map(d => metric(d, metricKey))
  const breaks = classes(values.filter(usable).map(v => v.value))
  const cols = Math.max(...cells.map(c => c.col)) + 1
  const rows = Math.max(...cells.map(c => c.row)) + 1
  const refs = useRef(new Map<string, HTMLAnchorElement>())
  const byCode = new Map(districts.map(d => [d.code, d]))
  const onKey = (e: KeyboardEvent<HTMLAnchorElement>, code: string) => {
    const here = cells.find(c => c.code === code)
    if (!here) return
    const delta = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key]
    if (!delta) return
    e.preventDefault()
    // The nearest square in that direction.
    const candidates = cells.filter(c => (delta[0] ? Math.sign(c.col - here.col) === delta[0] : Math.sign(c.row - here.row) === delta[1]))
    const next = candidates.sort(
      (a, b) =>
        Math.abs(a.col - here.col) +
        Math.abs(a.row - here.row) * (delta[0] ? 2 : 0.5) -
        (Math.abs(b.col - here.col) + Math.abs(b.row - here.row) * (delta[0] ? 2 : 0.5)),
    )[0]
    if (next) refs.current.get(next.code)?.focus()
  }
  const legendSteps = breaks.length ? [...breaks.map((_, i) => i), breaks.length] : [0]
  const marks = marksOf(values)
  return (
    <section className="districts-map" aria-labelledby="districts-map-title">
      <h2 id="districts-map-title" className="kern-heading kern-heading-small">
        {t('districts.mapTitle', { metric: t(`districts.metric.${metricKey}`), year })}
      </h2>
      <p className="kern-body kern-body--small districts-map__hint">{t('districts.mapHint')}</p>
      <ul
        className="tile-map"
        style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}
      >
        {cells.map(c => {
          const d = byCode.get(c.code)!
          const v = metric(d, metricKey)
          const step = usable(v) ? STEPS[classOf(breaks, v.value)] : null
          const current = c.code === selected
          return (
            <li key={c.code} style={{ gridColumn: c.col + 1, gridRow: c.row + 1 }}>
              <Link
                ref={(el: HTMLAnchorElement | null) => {
                  if (el) refs.current.set(c.code, el)
                  else refs.current.delete(c.code)
                }}
                href={`${PATHS.districts}?${withParam('stadtteil', c.code)}`}
                className={`tile-map__cell${current ? ' tile-map__cell--current' : ''}${step ? '' : ' tile-map__cell--missing'}`}
                style={step ? { background: step.bg, color: step.fg } : undefined}
                aria-current={current ? 'true' : undefined}
                aria-label={`${d.code} ${d.name}: ${usable(v) ? fmt(v.value) : v.status === 'SECRET' ? t('figures.secret') : t('figures.notAvailable')}`}
                title={d.name}
                onKeyDown={e => onKey(e, c.code)}
              >
                <span className="tile-map__code" aria-hidden="true">
                  {d.code}
                </span>
                <span className="tile-map__name" aria-hidden="true">
                  {short(d.name)}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
      <ol className="tile-map__legend" aria-label={t('districts.mapLegend')}>
        {legendSteps.map(i => (
          <li key={i}>
            <span className="tile-map__swatch" style={{ background: STEPS[i].bg }} aria-hidden="true" />
            {breaks.length
              ? i === 0
                ? t('districts.upTo', { value: fmt(breaks[0]) })
                : i === breaks.length
                  ? t('districts.above', { value: fmt(breaks[i - 1]) })
                  : t('districts.between', { from: fmt(breaks[i - 1]), to: fmt(breaks[i]) })
              : t('districts.allEqual')}
          </li>
        ))}
        <li>
          <span className="tile-map__swatch tile-map__swatch--missing" aria-hidden="true" />
          {t('districts.noValue')}
        </li>
      </ol>
      {marks.size > 0 && <StatLegend marks={marks} />}
    </section>
  )
}

/** The address with one query parameter changed (the rest of the view's state kept). */
function withParam(key: string, value: string): string {
  const p = new URLSearchParams(window.location.search)
  p.set(key, value)
  return p.toString()
}

/** A district's name short enough for a square: the first part before a slash or hyphen. */
const short = (name: string) =>
  name
    .split(/[/]/)[0]
    .replace(/^Innenstadt-/, 'Innenst.-')
    .replace(/^Kaiserslautern-/, 'KL-')

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

type Asylum = NonNullable<NonNullable<import('../../gql/graphql').DistrictsAsylumQuery['districts'][number]>['asylumCapacity']>

function Profile({ d, year, data, asylum }: { d: District; year: number; data: Data; asylum: Asylum | null }) {
  const { t } = useI18n()
  const f = useFormat()
  const one = (n: number) => f.number(n, 1)
  const pct = (n: number) => f.percent(n, 1)
  const kita = d.kitaPlaces
  const kids = children(d)
  const schoolTypes = [...new Set((d.schools ?? []).map(s => s.type))]
  const egh = d.eingliederungshilfeRecipients
  const lights = d.streetLighting
  const beds = (d.accommodations ?? []).reduce((a, x) => a + x.capacity, 0)
  return (
    <section className="districts-profile" aria-labelledby="districts-profile-title">
      <h2 id="districts-profile-title" className="kern-heading kern-heading-small" data-testid="profile-title">
        {t('districts.profileTitle', { code: d.code, name: d.name })}
      </h2>
      <p className="kern-body">
        {t(d.kind === 'KERNSTADT' ? 'districts.kindCore' : 'districts.kindOrtsbezirk')}
        {d.hasOrtsbeirat && ` · ${t('districts.ortsbeirat')}`}
        {d.areaKm2 != null && ` · ${t('districts.area', { area: f.number(d.areaKm2, 1) })}`}
        {d.postalCodes.length > 0 && ` · ${t('districts.postalCodes', { codes: d.postalCodes.join(', ') })}`}
      </p>
      <ul className="profile-tiles">
        <li>
          <Tile
            title={t('districts.population')}
            view="population"
            source={d.population?.provenance ?? d.movements?.provenance}
            marks={marksOf([d.population?.total, d.population?.foreignerShare, d.movements?.netMigration])}
          >
            {d.population ? (
              <dl className="profile-list">
                <Row label={t('districts.residentsAt', { year })}>
                  <StatValue stat={d.population.total} format={f.number} />
                </Row>
                <Row label={t('districts.metric.density')}>
                  <StatValue stat={metric(d, 'density')} format={f.number} />
                </Row>
                <Row label={t('districts.metric.foreignerShare')}>
                  <StatValue stat={d.population.foreignerShare} format={pct} />
                </Row>
                <Row label={t('districts.metric.meanAge')}>
                  <StatValue stat={d.population.meanAge} format={one} />
                </Row>
                {d.movements && (
                  <>
                    <Row label={t('districts.births', { year })}>
                      <StatValue stat={d.movements.births} format={f.number} />
                    </Row>
                    <Row label={t('districts.metric.netMigration')}>
                      <StatValue stat={d.movements.netMigration} format={f.signed} />
                    </Row>
                  </>
                )}
              </dl>
            ) : (
              <p className="state state--empty">{t('figures.empty')}</p>
            )}
          </Tile>
        </li>
        <li>
          <Tile title={t('districts.education')} view="education" source={kita?.provenance} marks={marksOf([d.under3, d.age3to5])}>
            <dl className="profile-list">
              {kita && (
                <>
                  <Row label={t('districts.kitaPlaces', { year })}>
                    {f.number(kita.placesTotal)} ({t('districts.inKitas', { n: kita.kitas })})
                  </Row>
                  <Row label={t('districts.children', { year: year - 1 })}>
                    <StatValue stat={kids} format={f.number} />
                  </Row>
                  <Row label={t('districts.metric.kitaCoverage')}>
                    <StatValue stat={metric(d, 'kitaCoverage')} format={one} />
                  </Row>
                </>
              )}
              <Row label={t('districts.schools')}>
                {(d.schools ?? []).length
                  ? `${f.number(d.schools!.length)} (${schoolTypes.map(s => label(t, `education.schoolTypeShort.${s}`, s)).join(', ')})`
                  : '0'}
              </Row>
            </dl>
          </Tile>
        </li>
        <li>
          <Tile title={t('districts.social')} view="social" source={data.socialDataset} marks={marksOf([egh])}>
            <dl className="profile-list">
              <Row label={t('districts.eghRecipients', { year })}>
                <StatValue stat={egh} format={f.number} />
              </Row>
              <Row label={t('districts.metric.eghPerThousand')}>
                <StatValue stat={metric(d, 'eghPerThousand')} format={one} />
              </Row>
            </dl>
          </Tile>
        </li>
        <li>
          <Tile title={t('districts.lighting')} view="lighting" source={lights?.provenance}>
            {lights ? (
              <dl className="profile-list">
                <Row label={t('districts.lights')}>{f.number(lights.lights)}</Row>
                <Row label={t('districts.metric.ledShare')}>{pct(lights.ledShare)}</Row>
                <Row label={t('districts.energy', { year })}>{t('districts.kwh', { value: f.number(lights.energyKwh) })}</Row>
              </dl>
            ) : (
              <p className="state state--empty">{t('figures.empty')}</p>
            )}
          </Tile>
        </li>
        <li>
          <Tile title={t('districts.finance')} view="fazit" source={data.investmentDataset}>
            <dl className="profile-list">
              <Row label={t('districts.investments', { from: year - INVEST_YEARS + 1, to: year })}>
                {f.number((d.investments ?? []).length)}
              </Row>
              <Row label={t('districts.metric.investPerCapita')}>
                <StatValue stat={metric(d, 'investPerCapita')} format={f.euro} />
              </Row>
            </dl>
          </Tile>
        </li>
        <li>
          <Tile title={t('districts.asylum')} view="asylum" source={asylum?.provenance ?? data.accommodationDataset}>
            <dl className="profile-list">
              <Row label={t('districts.accommodations', { date: f.date(`${year}-12-31`) })}>
                {t('districts.accommodationsValue', { n: (d.accommodations ?? []).length, beds: f.number(beds) })}
              </Row>
              {asylum && (
                <Row label={t('districts.occupied', { date: f.date(asylum.day) })}>
                  <span data-testid="asylum-occupied">
                    {t('districts.occupiedValue', {
                      occupied: f.number(asylum.occupied),
                      capacity: f.number(asylum.capacity),
                      free: f.number(asylum.free),
                    })}
                  </span>
                </Row>
              )}
            </dl>
          </Tile>
        </li>
      </ul>
    </section>
  )
}

function label(t: T, key: string, fallback: string): string {
  const text = t(key as MessageKey)
  return text === key ? fallback : text
}

function Compare({
  districts,
  selected,
  metricKey,
  sortBy,
  dir,
  year,
  sources,
  onSort,
}: {
  districts: readonly District[]
  selected: string
  metricKey: MetricKey
  sortBy: MetricKey | 'code' | 'name'
  dir: SortDir
  year: number
  sources: Source[]
  onSort: (by: MetricKey | 'code' | 'name', dir: SortDir) => void
}) {
  const { t } = useI18n()
  const f = useFormat()
  const fmt = formatMetric(f, metricKey)
  const metricLabel = t(`districts.metric.${metricKey}`)
  const ranked = useMemo(() => sortDistricts(districts, metricKey, 'desc'), [districts, metricKey])
  const rows = useMemo(() => sortDistricts(districts, sortBy, dir), [districts, sortBy, dir])
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: {},
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v), hideOverlap: true } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: ranked.map(d => d.name),
        axisLabel: { width: 120, overflow: 'truncate', interval: 0 },
      },
      series: [
        {
          name: metricLabel,
          type: 'bar',
          barMaxWidth: 18,
          data: ranked.map(d => {
            const v = metric(d, metricKey)
            return { value: usable(v) ? v.value : null, itemStyle: { color: d.code === selected ? '#d97706' : '#14196c' } }
          }),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number | null }) => (p.value == null ? '' : fmt(p.value)),
            fontSize: 11,
          },
        },
      ],
    }),
    [ranked, metricKey, selected, fmt, metricLabel],
  )
  const usableRanked = ranked.filter(d => usable(metric(d, metricKey)))
  const top = usableRanked[0]
  const bottom = usableRanked[usableRanked.length - 1]
  const sel = districts.find(d => d.code === selected)!
  const selValue = metric(sel, metricKey)
  const rank = usableRanked.indexOf(sel) + 1
  const summary = top
    ? t('districts.compareSummary', {
        metric: metricLabel,
        top: top.name,
        topValue: fmt(metric(top, metricKey).value as number),
        bottom: bottom.name,
        bottomValue: fmt(metric(bottom, metricKey).value as number),
      }) +
      (usable(selValue) && rank
        ? ' ' + t('districts.compareSelected', { name: sel.name, value: fmt(selValue.value), rank, n: usableRanked.length })
        : '')
    : t('figures.empty')
  const title = t('districts.compareTitle', { metric: metricLabel, year })
  const columns: Array<{ key: MetricKey | 'code' | 'name'; label: string; numeric: boolean }> = [
    { key: 'name', label: t('districts.district'), numeric: false },
    ...METRICS.map(m => ({ key: m, label: t(`districts.metricShort.${m}`), numeric: true })),
  ]
  const allStats = districts.flatMap(d => METRICS.map(m => metric(d, m)))
  return (
    <Figure title={title} summary={summary} source={sources} marks={marksOf(allStats)}>
      <Chart option={option} use={BARS} label={title} height={districts.length * 30 + 60} />
      <h3 className="kern-title districts-table__title">{t('districts.tableTitle', { year })}</h3>
      <div className="kern-table-responsive table-scroll" tabIndex={0} role="region" aria-label={t('districts.tableTitle', { year })}>
        <table className="kern-table kern-table--small kern-table--striped districts-table">
          <caption className="kern-sr-only">{t('districts.tableCaption', { year })}</caption>
          <thead className="kern-table__header">
            <tr>
              {columns.map(c => {
                const active = sortBy === c.key || (c.key === 'name' && sortBy === 'code')
                const next: SortDir =
                  active && dir === (c.numeric ? 'desc' : 'asc') ? (c.numeric ? 'asc' : 'desc') : c.numeric ? 'desc' : 'asc'
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}
                    aria-sort={sortBy === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" className="sort-btn" onClick={() => onSort(c.key, next)}>
                      {c.label}
                      <span aria-hidden="true" className="sort-btn__arrow">
                        {sortBy === c.key ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {rows.map(d => (
              <tr key={d.code} className={d.code === selected ? 'districts-table__row--current' : undefined}>
                <th scope="row" className="kern-table__cell">
                  <Link
                    href={`${PATHS.districts}?${withParam('stadtteil', d.code)}`}
                    className="kern-link"
                    aria-current={d.code === selected ? 'true' : undefined}
                  >
                    {d.code} {d.name}
                  </Link>
                </th>
                {METRICS.map(m => (
                  <td key={m} className="kern-table__cell kern-table__cell--numeric" data-metric={m}>
                    <StatValue stat={metric(d, m)} format={formatMetric(f, m)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="kern-body kern-body--small">
        {t('districts.tableNote', { from: year - INVEST_YEARS + 1, to: year, cohortYear: year - 1 })}
      </p>
    </Figure>
  )
}
