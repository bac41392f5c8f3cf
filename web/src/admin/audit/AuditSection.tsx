import { useId, useState, type FormEvent } from 'react'
import { useQuery } from 'urql'
import { useSearchParams } from 'wouter'
import { useAuth } from '../../auth/AuthProvider'
import { ErrorState, Loading } from '../../components/States'
import { TextField } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import type { AdminAuditChainsQuery } from '../../gql-admin/graphql'
import { useI18n } from '../../i18n/I18nProvider'
import { ADMIN_GRAPHQL_URL } from '../admin-client'
import { adminProblem, problemText } from '../admin-errors'
import { ACTIONS, actionText, payloadLines } from './audit-text'
import '../approvals/governance.css'

// Protokoll (/verwaltung/protokoll): the policy audit log, newest first, filtered in SQL by who, what, when and text in
// the change (filters and page in the address, so a view can be bookmarked or sent on); each entry in words with the
// raw JSON one click away; the chain status of the audit log and of the personal-data access log; and the same
// entries as a CSV file from GET /admin/audit.csv (streamed by the gateway, any number of entries).

const PAGE = 50

const AuditLog = graphql(`
  query AdminAuditLog($limit: Int!, $before: Int, $actor: String, $action: String, $from: String, $to: String, $text: String) {
    auditLog(limit: $limit, before: $before, actor: $actor, action: $action, from: $from, to: $to, text: $text) {
      id
      at
      actor
      action
      payload
    }
  }
`)

const AuditChains = graphql(`
  query AdminAuditChains {
    auditChain {
      ...ChainFields
    }
    accessLogChain {
      ...ChainFields
    }
  }
  fragment ChainFields on AuditChainStatus {
    ok
    state
    checked
    brokenAt
    badSignatureAt
    signedThrough
    unsigned
    checkpoints
    message
  }
`)

/** URL parameter → auditLog argument. */
const PARAMS = { wer: 'actor', aktion: 'action', von: 'from', bis: 'to', suche: 'text' } as const
type ParamName = keyof typeof PARAMS

type Chain = NonNullable<AdminAuditChainsQuery['auditChain']>

function ChainStatus({ title, chain }: { title: string; chain: Chain | null | undefined }) {
  const { t } = useI18n()
  const state = chain?.state ?? (chain?.ok ? 'OK' : 'BROKEN')
  const ok = state === 'OK'
  return (
    <div className={`gov-chain gov-chain--${ok ? 'ok' : 'bad'}`} data-testid="chain-status">
      <h3 className="kern-body kern-body--bold">{title}</h3>
      {!chain ? (
        <p className="kern-body">{t('admin.audit.chain.none')}</p>
      ) : (
        <>
          <p className="kern-body">
            <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>
            <strong>{t(`admin.audit.chain.${state}`)}</strong> {state === 'OK' && t('admin.audit.chain.checked', { n: chain.checked })}
            {state === 'BROKEN' && t('admin.audit.chain.brokenAt', { id: chain.brokenAt ?? '?' })}
            {state === 'BAD_SIGNATURE' && t('admin.audit.chain.badSignatureAt', { id: chain.badSignatureAt ?? '?' })}
            {state === 'UNSIGNED' && t('admin.audit.chain.unsignedCount', { n: chain.unsigned ?? 0 })}
          </p>
          <p className="kern-body kern-body--small">
            {chain.signedThrough
              ? t('admin.audit.chain.signedThrough', { id: chain.signedThrough, n: chain.checkpoints ?? 0 })
              : t('admin.audit.chain.noCheckpoint')}
          </p>
        </>
      )}
    </div>
  )
}

/** Downloads GET /admin/audit.csv with the signed-in token (a link could not carry it) and saves it as a file. */
async function downloadCsv(token: string | null, query: URLSearchParams): Promise<void> {
  const res = await fetch(`${ADMIN_GRAPHQL_URL.replace(/[^/]*$/, 'audit.csv')}?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  })
  if (!res.ok) throw new Error(String(res.status))
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'protokoll.csv'
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export default function AuditSection() {
  const { t, lang } = useI18n()
  const { token } = useAuth()
  const [params, setParams] = useSearchParams()
  const ids = { wer: useId(), aktion: useId(), von: useId(), bis: useId(), suche: useId() }
  const filter = Object.fromEntries(Object.entries(PARAMS).map(([p, arg]) => [arg, params.get(p) || null])) as Record<
    (typeof PARAMS)[ParamName],
    string | null
  >
  const beforeParam = Number(params.get('vor'))
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 ? beforeParam : null
  const [{ data, fetching, error }, refetch] = useQuery({ query: AuditLog, variables: { limit: PAGE + 1, before, ...filter } })
  const [chains] = useQuery({ query: AuditChains })
  const [csv, setCsv] = useState<'idle' | 'busy' | 'failed'>('idle')
  const time = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })

  const entries = data?.auditLog.slice(0, PAGE) ?? []
  const more = (data?.auditLog.length ?? 0) > PAGE

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const next = new URLSearchParams()
    for (const p of Object.keys(PARAMS)) {
      const v = String(form.get(p) ?? '').trim()
      if (v) next.set(p, v)
    }
    setParams(next)
  }
  const page = (vor: number | null) => {
    const next = new URLSearchParams(params)
    if (vor === null) next.delete('vor')
    else next.set('vor', String(vor))
    setParams(next)
  }
  const exportCsv = async (sep: 'comma' | 'semicolon') => {
    const q = new URLSearchParams()
    for (const arg of Object.values(PARAMS)) if (filter[arg]) q.set(arg, filter[arg]!)
    if (sep === 'semicolon') q.set('sep', 'semicolon')
    setCsv('busy')
    try {
      await downloadCsv(token, q)
      setCsv('idle')
    } catch {
      setCsv('failed')
    }
  }
  const problem = adminProblem(error)

  return (
    <section aria-labelledby="audit-title" className="gov">
      <h1 id="audit-title" className="kern-heading kern-heading-large">
        {t('admin.audit.title')}
      </h1>
      <p className="kern-body">{t('admin.audit.intro')}</p>

      <h2 className="kern-heading kern-heading-medium">{t('admin.audit.chain.title')}</h2>
      {chains.fetching && !chains.data ? (
        <Loading label={t('admin.loading')} />
      ) : (
        <div className="gov-chains">
          <ChainStatus title={t('admin.audit.chain.policyLog')} chain={chains.data?.auditChain} />
          <ChainStatus title={t('admin.audit.chain.accessLog')} chain={chains.data?.accessLogChain} />
        </div>
      )}

      <h2 className="kern-heading kern-heading-medium">{t('admin.audit.entries')}</h2>
      <form className="gov-filters" onSubmit={apply} aria-label={t('admin.audit.filters')} key={params.toString()}>
        <TextField id={ids.wer} name="wer" label={t('admin.audit.filter.actor')} defaultValue={params.get('wer') ?? ''} maxLength={200} />
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={ids.aktion}>
            {t('admin.audit.filter.action')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select id={ids.aktion} name="aktion" className="kern-form-input__select" defaultValue={params.get('aktion') ?? ''}>
              <option value="">{t('admin.audit.filter.allActions')}</option>
              <option value="change.*">{t('admin.audit.filter.group.change')}</option>
              <option value="read.*">{t('admin.audit.filter.group.read')}</option>
              {ACTIONS.map(a => (
                <option key={a} value={a}>
                  {actionText(t, a)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TextField id={ids.von} name="von" type="date" label={t('admin.audit.filter.from')} defaultValue={params.get('von') ?? ''} />
        <TextField id={ids.bis} name="bis" type="date" label={t('admin.audit.filter.to')} defaultValue={params.get('bis') ?? ''} />
        <TextField
          id={ids.suche}
          name="suche"
          type="search"
          label={t('admin.audit.filter.text')}
          defaultValue={params.get('suche') ?? ''}
          maxLength={200}
        />
        <div className="admin__actions gov-filters__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('admin.audit.filter.apply')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setParams(new URLSearchParams())}>
            <span className="kern-label">{t('admin.audit.filter.reset')}</span>
          </button>
        </div>
      </form>

      <div className="admin__actions">
        <button type="button" className="kern-btn kern-btn--secondary" disabled={csv === 'busy'} onClick={() => void exportCsv('comma')}>
          <span className="kern-label">{csv === 'busy' ? t('admin.audit.csvBusy') : t('admin.audit.csv')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--tertiary" disabled={csv === 'busy'} onClick={() => void exportCsv('semicolon')}>
          <span className="kern-label">{t('admin.audit.csvExcel')}</span>
        </button>
      </div>
      <div role="status" aria-live="polite">
        {csv === 'failed' && <p className="kern-body">{t('admin.audit.csvFailed')}</p>}
      </div>

      {!data && fetching && <Loading label={t('admin.loading')} />}
      {problem && <ErrorState text={problemText(t, problem)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && entries.length === 0 && <p className="kern-body">{t('admin.audit.empty')}</p>}
      {entries.length > 0 && (
        <ol className="gov-entries" aria-label={t('admin.audit.entries')}>
          {entries.map(e => (
            <li key={e.id} className="gov-entry" data-testid="audit-entry" data-action={e.action}>
              <p className="gov-entry__head">
                <strong>{actionText(t, e.action)}</strong>
                <span>
                  {t('admin.audit.by', { actor: e.actor })} · <time dateTime={e.at}>{time.format(new Date(e.at))}</time> ·{' '}
                  {t('admin.audit.entryNo', { id: e.id })}
                </span>
              </p>
              <ul className="gov-list">
                {payloadLines(t, e.action, e.payload).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              <details className="gov-raw">
                <summary>{t('admin.audit.raw')}</summary>
                <pre>{JSON.stringify(JSON.parse(e.payload), null, 2)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      {(before !== null || more) && (
        <nav className="admin__actions" aria-label={t('admin.audit.paging')}>
          {before !== null && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => page(null)}>
              <span className="kern-label">{t('admin.audit.newest')}</span>
            </button>
          )}
          {more && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => page(entries.at(-1)!.id)}>
              <span className="kern-label">{t('admin.audit.older')}</span>
            </button>
          )}
        </nav>
      )}
    </section>
  )
}
