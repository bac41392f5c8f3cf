import { useMemo, useState } from 'react'
import { useClient, useQuery } from 'urql'
import { SourceLine } from '../../components/Provenance'
import { departmentName, Empty, Partial, QueryState } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useAuth } from '../../auth/AuthProvider'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useFormat } from '../../lib/format'
import { useUrlParam } from '../../lib/url-state'
import { DOWNLOADS, fileName, saveFile, toCsv, toJson, type Run } from './downloads'
import { CatalogQuery, DcatQuery } from './queries'
import '../../styles/view-controls.css'
import './catalog.css'

type Dataset = NonNullable<ReturnType<typeof useCatalog>['data']>['datasets'][number]
const FRESHNESS = ['FRESH', 'DUE', 'STALE', 'UNKNOWN'] as const

function useCatalog() {
  const [result, reexecute] = useQuery({ query: CatalogQuery })
  return { ...result, reexecute }
}

/** A catalogue value in words, or the value itself when the catalogue has no word for it. */
function label(t: (k: MessageKey) => string, prefix: string, value: string): string {
  const key = `catalog.${prefix}.${value}` as MessageKey
  const text = t(key)
  return text === key ? value : text
}

const LICENCE_BASE = 'http://dcat-ap.de/def/licenses/'

export default function CatalogView() {
  const { t } = useI18n()
  const { data, fetching, error, reexecute } = useCatalog()
  const [deptRaw, setDept] = useUrlParam('fachbereich')
  const [freshRaw, setFresh] = useUrlParam('aktualitaet')
  const datasets = data?.datasets ?? []
  const departments = [...new Set(datasets.map(d => d.department))].sort()
  const dept = deptRaw && (!data || departments.includes(deptRaw)) ? deptRaw : ''
  const fresh = freshRaw && (FRESHNESS as readonly string[]).includes(freshRaw) ? freshRaw : ''
  const shown = useMemo(
    () => datasets.filter(d => (!dept || d.department === dept) && (!fresh || d.freshness === fresh)),
    [datasets, dept, fresh],
  )
  const count = (fr: string) => datasets.filter(d => d.freshness === fr).length
  const latest = datasets.reduce<string | null>((m, d) => (!m || d.asOf > m ? d.asOf : m), null)

  const body = QueryState({ fetching, error, hasData: !!data, onRetry: () => reexecute({ requestPolicy: 'network-only' }) })

  return (
    <section className="view view--catalog" aria-labelledby="catalog-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="catalog-title" className="kern-heading kern-heading-large view__title">
          {t('catalog.title')}
        </h1>
        <p className="kern-body view__lead">{t('catalog.lead')}</p>
      </header>

      <form className="view-controls" aria-label={t('catalog.controls')} onSubmit={e => e.preventDefault()}>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="catalog-dept">
            {t('catalog.department')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id="catalog-dept" className="kern-form-input__select" value={dept} onChange={e => setDept(e.target.value || null)}>
              <option value="">{t('catalog.allDepartments')}</option>
              {departments.map(d => (
                <option key={d} value={d}>
                  {departmentName(t, d)}
                </option>
              ))}
              {dept && !departments.includes(dept) && <option value={dept}>{dept}</option>}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="catalog-fresh">
            {t('catalog.freshness')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id="catalog-fresh" className="kern-form-input__select" value={fresh} onChange={e => setFresh(e.target.value || null)}>
              <option value="">{t('catalog.allFreshness')}</option>
              {FRESHNESS.map(fr => (
                <option key={fr} value={fr}>
                  {label(t, 'freshnessValue', fr)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

      {body ?? (
        <>
          <Partial departments={departmentsDown(error)} />
          <p className="kern-body catalog__summary" data-testid="catalog-summary">
            {t('catalog.summary', { total: datasets.length, fresh: count('FRESH'), due: count('DUE'), stale: count('STALE') })}{' '}
            <span aria-live="polite">{dept || fresh ? t('catalog.count', { shown: shown.length, total: datasets.length }) : ''}</span>
          </p>
          <p className="kern-body kern-body--small">{t('catalog.downloadNote')}</p>
          <DcatDownload day={latest ? latest.slice(0, 10) : null} />
          {shown.length ? (
            <ul className="catalog__list">
              {shown.map(d => (
                <li key={d.id}>
                  <DatasetCard d={d} />
                </li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
          <SourceLine source={latest ? { ownerDepartment: departmentName(t, 'catalog'), asOf: latest } : null} />
        </>
      )}
    </section>
  )
}

function DatasetCard({ d }: { d: Dataset }) {
  const { t, lang } = useI18n()
  const f = useFormat()
  const client = useClient()
  const auth = useAuth()
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null)
  const spec = d.openData ? DOWNLOADS[d.id] : undefined
  const run: Run = async (query, variables) => {
    const result = await client.query(query, variables).toPromise()
    if (result.error || !result.data) throw result.error ?? new Error('no data')
    return result.data
  }
  const licence = d.license?.startsWith(LICENCE_BASE) ? d.license.slice(LICENCE_BASE.length) : d.license

  const download = async (kind: 'csv' | 'json') => {
    if (!spec) return
    setStatus({ text: t('catalog.downloadBusy', { title: d.title }) })
    let table
    try {
      table = await spec(run, new Date().getFullYear())
    } catch {
      setStatus({ text: t('catalog.downloadFailed', { title: d.title }), error: true })
      return
    }
    const name = fileName(d.id, d.stichtag, kind)
    if (kind === 'csv') saveFile(name, toCsv(table), 'text/csv;charset=utf-8')
    else
      saveFile(
        name,
        toJson(
          {
            dataset: d.id,
            title: d.title,
            publisher: d.publisher,
            ownerDepartment: d.ownerDepartment,
            license: d.license,
            stichtag: d.stichtag,
            asOf: d.asOf,
            role: auth.devRole?.name ?? (auth.user ? auth.user.roles.join(' ') : 'public'),
            source: `${window.location.origin}/graphql`,
          },
          table,
        ),
        'application/json',
      )
    setStatus({ text: t('catalog.downloadDone', { file: name, rows: table.rows.length }) })
  }

  return (
    <article className="catalog__card kern-card" aria-labelledby={`ds-${d.id}`} data-dataset={d.id}>
      <div className="kern-card__container">
        <header className="catalog__head">
          <h2 id={`ds-${d.id}`} className="kern-title catalog__title">
            {d.title}
          </h2>
          <span className={`catalog__badge catalog__badge--${d.freshness.toLowerCase()}`}>{label(t, 'freshnessValue', d.freshness)}</span>
        </header>
        <div className="kern-card__body">
          <p className="kern-body kern-body--small catalog__id">
            <code>{d.id}</code> · {d.openData ? t('catalog.openData') : t('catalog.internal')}
          </p>
          <p className="kern-body kern-body--small catalog__desc">{d.description}</p>
          <dl className="catalog__meta">
            <div>
              <dt>{t('catalog.owner')}</dt>
              <dd>{d.ownerDepartment}</dd>
            </div>
            <div>
              <dt>{t('catalog.stichtag')}</dt>
              <dd>
                <time dateTime={d.stichtag}>{f.date(d.stichtag)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('catalog.asOf')}</dt>
              <dd>
                <time dateTime={d.asOf}>{f.dateTime(d.asOf)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('catalog.cadence')}</dt>
              <dd>{label(t, 'cadenceValue', d.refreshCadence)}</dd>
            </div>
            {d.nextUpdateDue && (
              <div>
                <dt>{t('catalog.nextUpdate')}</dt>
                <dd>
                  <time dateTime={d.nextUpdateDue}>{f.date(d.nextUpdateDue)}</time>
                </dd>
              </div>
            )}
            {(d.temporalStart || d.temporalEnd) && (
              <div>
                <dt>{t('catalog.coverage')}</dt>
                <dd>
                  {d.temporalStart ? f.date(d.temporalStart) : '…'} – {d.temporalEnd ? f.date(d.temporalEnd) : '…'}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('catalog.licence')}</dt>
              <dd>
                {d.license ? (
                  <a className="kern-link" href={d.license} hrefLang="de" lang={lang === 'de' ? undefined : 'de'}>
                    {label(t, 'licenceValue', licence ?? '')}
                  </a>
                ) : (
                  t('catalog.noLicence')
                )}
              </dd>
            </div>
          </dl>
        </div>
        {d.openData && (
          <footer className="kern-card__footer catalog__downloads">
            {spec ? (
              <>
                <span className="catalog__download-label">{t('catalog.download')}:</span>
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  aria-label={t('catalog.downloadCsvLabel', { title: d.title })}
                  onClick={() => void download('csv')}
                >
                  <span className="kern-label">{t('catalog.downloadCsv')}</span>
                </button>
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  aria-label={t('catalog.downloadJsonLabel', { title: d.title })}
                  onClick={() => void download('json')}
                >
                  <span className="kern-label">{t('catalog.downloadJson')}</span>
                </button>
              </>
            ) : (
              <span className="kern-body kern-body--small">{t('catalog.apiOnly')}</span>
            )}
            <span className={`catalog__status${status?.error ? ' catalog__status--error' : ''}`} role="status">
              {status?.text}
            </span>
          </footer>
        )}
      </div>
    </article>
  )
}

/** The catalogue itself as DCAT-AP.de JSON-LD, for open-data portals and anyone harvesting it. */
function DcatDownload({ day }: { day: string | null }) {
  const { t } = useI18n()
  const client = useClient()
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null)
  const download = async () => {
    const result = await client.query(DcatQuery, {}).toPromise()
    if (result.error || !result.data) {
      setStatus({ text: t('catalog.downloadFailed', { title: 'DCAT-AP.de' }), error: true })
      return
    }
    const name = `dcat-catalog_${day ?? new Date().toISOString().slice(0, 10)}.jsonld`
    saveFile(name, result.data.dcatCatalog, 'application/ld+json')
    setStatus({ text: t('catalog.dcatDone', { file: name }) })
  }
  return (
    <p className="catalog__dcat">
      <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => void download()}>
        <span className="kern-label">{t('catalog.dcat')}</span>
      </button>
      <span className={`catalog__status${status?.error ? ' catalog__status--error' : ''}`} role="status">
        {status?.text}
      </span>
    </p>
  )
}
