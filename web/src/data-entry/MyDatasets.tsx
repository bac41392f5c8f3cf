import { useEffect, useMemo, useState } from 'react'
import { Link } from 'wouter'
import { useQuery } from 'urql'
import { useAuth } from '../auth/AuthProvider'
import { DataTable } from '../components/DataTable'
import { departmentName, ErrorState, Loading } from '../components/States'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n'
import { useFormat } from '../lib/format'
import { fetchHistory } from './api'
import { DataEntryCatalogQuery } from './queries'
import { useReload, useWritableDatasets } from './use-datasets'
import type { HistoryEntry } from './types'

type Freshness = 'FRESH' | 'DUE' | 'STALE' | 'UNKNOWN'

/** A word from the catalogue for a value, or the value itself. */
function word(t: (k: MessageKey) => string, prefix: string, value: string): string {
  const key = `dataEntry.${prefix}.${value}` as MessageKey
  const text = t(key)
  return text === key ? value : text
}

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { t } = useI18n()
  const variant = freshness === 'STALE' ? 'danger' : freshness === 'DUE' ? 'warning' : freshness === 'FRESH' ? 'success' : 'info'
  const icon = freshness === 'STALE' ? 'danger' : freshness === 'DUE' ? 'warning' : freshness === 'FRESH' ? 'check' : 'info'
  return (
    <span className={`kern-badge kern-badge--${variant} de-badge`}>
      <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />
      <span className="kern-label kern-label--small">{word(t, 'freshnessName', freshness)}</span>
    </span>
  )
}

function useHistory(departments: readonly string[], reload: number) {
  const { token } = useAuth()
  const [state, setState] = useState<{ entries: HistoryEntry[] | null; failed: boolean }>({ entries: null, failed: false })
  const key = departments.join(',')
  useEffect(() => {
    if (!key) return
    const abort = new AbortController()
    setState(s => ({ ...s, failed: false }))
    Promise.all(key.split(',').map(d => fetchHistory(token, d, { limit: 50, signal: abort.signal })))
      .then(lists => setState({ entries: lists.flat().sort((a, b) => b.at.localeCompare(a.at)), failed: false }))
      .catch(() => !abort.signal.aborted && setState({ entries: null, failed: true }))
    return () => abort.abort()
  }, [key, token, reload])
  return state
}

export default function MyDatasets() {
  const { t } = useI18n()
  const f = useFormat()
  const { datasets, loading } = useWritableDatasets()
  const [catalog, refetchCatalog] = useQuery({ query: DataEntryCatalogQuery })
  const departments = useMemo(() => [...new Set((datasets ?? []).map(d => d.department))].sort(), [datasets])
  const [reload, again] = useReload()
  const history = useHistory(departments, reload)

  if (loading) return <Loading />
  const entries = (datasets ?? []).map(d => ({ form: d, cat: catalog.data?.datasets.find(c => c.id === d.id) }))
  const due = entries.filter(e => e.cat && (e.cat.freshness === 'DUE' || e.cat.freshness === 'STALE'))
  const titleOf = (id: string) => entries.find(e => e.form.id === id || e.form.name === id)?.form.title ?? id

  return (
    <section className="view de-view" aria-labelledby="de-title">
      <h1 id="de-title" className="kern-heading kern-heading-large">
        {t('dataEntry.myDatasets')}
      </h1>
      <p className="kern-body de-intro">{t('dataEntry.myDatasetsIntro')}</p>
      {departments.length > 0 && (
        <p className="kern-body">
          {t('dataEntry.department')}: <strong>{departments.map(d => departmentName(t, d)).join(', ')}</strong>
        </p>
      )}
      {!datasets?.length ? (
        <p className="kern-body">{t('dataEntry.noDatasets')}</p>
      ) : (
        <>
          {catalog.data && (
            <div
              className={`kern-alert ${due.length ? 'kern-alert--warning' : 'kern-alert--success'} de-due-summary`}
              role="status"
              data-testid="de-due-summary"
            >
              <div className="kern-alert__header">
                <span className={`kern-icon ${due.length ? 'kern-icon--warning' : 'kern-icon--success'}`} aria-hidden="true" />
                <span className="kern-title">
                  {due.length === 0
                    ? t('dataEntry.noneDue')
                    : due.length === 1
                      ? t('dataEntry.dueSummaryOne')
                      : t('dataEntry.dueSummary', { count: due.length })}
                </span>
              </div>
            </div>
          )}
          {catalog.error && !catalog.data && (
            <ErrorState text={t('dataEntry.loadFailed')} onRetry={() => refetchCatalog({ requestPolicy: 'network-only' })} />
          )}
          <ul className="de-cards" aria-label={t('dataEntry.myDatasets')}>
            {entries.map(({ form, cat }) => {
              const freshness = (cat?.freshness ?? 'UNKNOWN') as Freshness
              const late = freshness === 'DUE' || freshness === 'STALE'
              return (
                <li key={form.id} className={`de-card${late ? ' de-card--late' : ''}`} data-testid={`de-dataset-${form.id}`}>
                  <div className="de-card__head">
                    <h2 className="kern-heading kern-heading-small de-card__title">{form.title}</h2>
                    {cat && <FreshnessBadge freshness={freshness} />}
                  </div>
                  <dl className="de-facts">
                    <div>
                      <dt>{t('dataEntry.cadence')}</dt>
                      <dd>{word(t, 'cadenceName', cat?.refreshCadence ?? form.cadence ?? '–')}</dd>
                    </div>
                    <div>
                      <dt>{t('dataEntry.stichtag')}</dt>
                      <dd data-testid="de-stichtag">
                        {(cat?.stichtag ?? form.stichtag) ? f.date((cat?.stichtag ?? form.stichtag)!) : '–'}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('dataEntry.asOf')}</dt>
                      <dd>{(cat?.asOf ?? form.asOf) ? f.dateTime((cat?.asOf ?? form.asOf)!) : '–'}</dd>
                    </div>
                    {cat?.nextUpdateDue && (
                      <div>
                        <dt>{t('dataEntry.nextDue')}</dt>
                        <dd>
                          {late && <strong>{word(t, 'freshnessName', freshness)}: </strong>}
                          {f.date(cat.nextUpdateDue)}
                        </dd>
                      </div>
                    )}
                  </dl>
                  <Link
                    href={`/${encodeURIComponent(form.department)}/${encodeURIComponent(form.name)}`}
                    className="kern-btn kern-btn--primary de-card__action"
                    aria-label={t('dataEntry.enterDataFor', { title: form.title })}
                  >
                    <span className="kern-label">{t('dataEntry.enterData')}</span>
                  </Link>
                </li>
              )
            })}
          </ul>
          <h2 className="kern-heading kern-heading-medium de-section-title">{t('dataEntry.history')}</h2>
          {history.failed ? (
            <ErrorState text={t('dataEntry.loadFailed')} onRetry={again} />
          ) : !history.entries ? (
            <Loading />
          ) : history.entries.length === 0 ? (
            <p className="kern-body">{t('dataEntry.historyEmpty')}</p>
          ) : (
            <DataTable
              caption={t('dataEntry.history')}
              columns={[
                { label: t('dataEntry.historyWhen') },
                { label: t('dataEntry.historyWho') },
                { label: t('dataEntry.historyDataset') },
                { label: t('dataEntry.historyVia') },
                { label: t('dataEntry.historyRows'), numeric: true },
                { label: t('dataEntry.stichtag') },
              ]}
              rows={history.entries.map(e => [
                f.dateTime(e.at),
                e.subject,
                titleOf(e.dataset),
                word(t, 'via', e.via),
                f.number(e.rowCount),
                e.stichtag ? f.date(e.stichtag) : '–',
              ])}
            />
          )}
        </>
      )}
    </section>
  )
}
