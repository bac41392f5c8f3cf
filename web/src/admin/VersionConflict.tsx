import { useId, useState, type ReactNode } from 'react'
import { useQuery } from 'urql'
import { ErrorState, Loading } from '../components/States'
import { adminProblem, problemText } from './admin-errors'
import { graphql } from '../gql-admin'
import { useI18n } from '../i18n/I18nProvider'

// VERSION_CONFLICT: someone changed the policy after this screen read it. Shows what was written since the edit's
// expectedVersion (from the audit log: every change's entry carries the version it created) and the administrator's
// own change, kept, to re-apply on the new version or discard. Every editing section of the console uses it.

export const AdminConflictLog = graphql(`
  query AdminConflictLog {
    policy {
      version
    }
    auditLog(limit: 200) {
      id
      at
      actor
      action
      payload
    }
  }
`)

export interface ChangeSince {
  id: number
  version: number
  at: string
  actor: string
  action: string
  detail: string
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** What an audit entry changed, in one short line (the known changes by their fields, others as JSON). */
export function detailOf(action: string, payload: Record<string, unknown>): string {
  const p = payload as Record<string, Record<string, unknown> | undefined>
  const grant = p.grant ?? p.removed
  if ((action === 'grant.set' || action === 'grant.remove') && grant)
    return [grant.role, grant.coordinate, grant.effect].map(str).filter(Boolean).join(' · ')
  if (action === 'role.upsert' && p.role) {
    const r = p.role
    const scopes = Array.isArray(r.scopes) ? r.scopes.join(', ') : ''
    return [
      str(r.name),
      str(r.description) && `„${str(r.description)}“`,
      `Scopes: ${scopes || '–'}`,
      r.aggregateOnly ? 'aggregateOnly' : '',
      r.admin ? 'admin' : '',
    ]
      .filter(Boolean)
      .join(' · ')
  }
  if (action === 'role.delete') return str(payload.name)
  const { version: _v, ...rest } = payload
  const json = JSON.stringify(rest)
  return json.length > 240 ? `${json.slice(0, 239)}…` : json
}

/** Audit entries that created a policy version after `expectedVersion`, oldest first (reads are left out). */
export function changesSince(
  entries: ReadonlyArray<{ id: number; at: string; actor: string; action: string; payload: string }>,
  expectedVersion: number,
): ChangeSince[] {
  const out: ChangeSince[] = []
  for (const e of entries) {
    if (e.action.startsWith('read.')) continue
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(e.payload) as Record<string, unknown>
    } catch {
      continue
    }
    const version = payload.version
    if (typeof version !== 'number' || version <= expectedVersion) continue
    const detail = detailOf(e.action, payload)
    out.push({
      id: e.id,
      version,
      at: e.at,
      actor: e.actor,
      action: e.action,
      detail: detail.length > 240 ? `${detail.slice(0, 239)}…` : detail,
    })
  }
  return out.sort((a, b) => a.id - b.id)
}

export interface VersionConflictProps {
  /** The version the change was made against. */
  expectedVersion: number
  /** The administrator's own change, in words (kept on screen). */
  change: ReactNode
  /** Sends the same change again against `currentVersion`. */
  onReapply: (currentVersion: number) => Promise<void> | void
  onDiscard: () => void
}

export function VersionConflict({ expectedVersion, change, onReapply, onDiscard }: VersionConflictProps) {
  const { t, lang } = useI18n()
  const titleId = useId()
  const [{ data, fetching, error }, reload] = useQuery({ query: AdminConflictLog })
  const [busy, setBusy] = useState(false)
  const current = data?.policy.version
  const since = data ? changesSince(data.auditLog, expectedVersion) : []
  const time = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })
  return (
    <section
      className="admin-conflict kern-alert kern-alert--warning"
      role="alert"
      aria-labelledby={titleId}
      data-testid="version-conflict"
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <h2 id={titleId} className="kern-title">
          {t('admin.conflict.title')}
        </h2>
      </div>
      <div className="kern-alert__body">
        {!fetching && current === undefined && error ? (
          <ErrorState text={problemText(t, adminProblem(error)!)} onRetry={() => reload({ requestPolicy: 'network-only' })} />
        ) : fetching || current === undefined ? (
          <Loading label={t('admin.loading')} />
        ) : (
          <>
            <p className="kern-body">{t('admin.conflict.intro', { expected: expectedVersion, current })}</p>
            {since.length === 0 ? (
              <p className="kern-body">{t('admin.conflict.none')}</p>
            ) : (
              <ul className="admin-conflict__list">
                {since.map(c => (
                  <li key={c.id} className="admin-conflict__entry">
                    <strong>
                      {t('admin.conflict.colVersion')} {c.version}
                    </strong>{' '}
                    · {time.format(new Date(c.at))} · {c.actor} · <code>{c.action}</code>
                    <div className="admin-conflict__detail">
                      <code>{c.detail}</code>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <h3 className="kern-heading kern-heading-small">{t('admin.conflict.yourChange')}</h3>
        <div className="admin-conflict__mine">{change}</div>
        <div className="admin__actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={busy || current === undefined}
            onClick={() => {
              if (current === undefined) return
              setBusy(true)
              void Promise.resolve(onReapply(current)).finally(() => setBusy(false))
            }}
          >
            <span className="kern-label">{busy ? t('admin.conflict.reapplying') : t('admin.conflict.reapply')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={onDiscard}>
            <span className="kern-label">{t('admin.conflict.discard')}</span>
          </button>
        </div>
      </div>
    </section>
  )
}
