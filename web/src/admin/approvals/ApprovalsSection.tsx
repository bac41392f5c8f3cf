import { useId, useState } from 'react'
import { Link } from 'wouter'
import { useQuery } from 'urql'
import { ErrorState, Loading } from '../../components/States'
import { TextArea } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import type { AdminPendingChangesQuery } from '../../gql-admin/graphql'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useAdminClient } from '../admin-client'
import { adminProblem, isVersionConflict, problemText, type AdminProblem } from '../admin-errors'
import { VersionConflict } from '../VersionConflict'
import './governance.css'

// Freigaben (/verwaltung/freigaben): changes that open personal or special data wait here for a second administrator
// (four eyes, auth/policy/store/four-eyes.ts), oldest first. Another administrator approves (against the policy
// version shown) or rejects with a reason; the proposer sees their own as waiting and may withdraw it. The server
// refuses a proposer's approval (FORBIDDEN) whatever this screen shows.

export const AdminPendingChanges = graphql(`
  query AdminPendingChanges {
    policy {
      version
    }
    pendingChanges {
      id
      kind
      payload
      requestedBy
      requestedAt
      mine
      opens {
        role
        scope
        coordinate
        class
        validUntil
        text
      }
    }
  }
`)

const ApproveChange = graphql(`
  mutation AdminApproveChange($id: Int!, $expectedVersion: Int!) {
    approveChange(id: $id, expectedVersion: $expectedVersion)
  }
`)

const RejectChange = graphql(`
  mutation AdminRejectChange($id: Int!, $reason: String!) {
    rejectChange(id: $id, reason: $reason)
  }
`)

type Pending = AdminPendingChangesQuery['pendingChanges'][number]
type Outcome = { kind: 'approved'; id: number; version: number } | { kind: 'rejected'; id: number }

const KINDS: Record<string, MessageKey> = {
  'grant.set': 'admin.approvals.kind.grant',
  'role.upsert': 'admin.approvals.kind.role',
  'policy.import': 'admin.approvals.kind.import',
}

/** The class as a word (not only a colour). */
export function ClassBadge({ cls }: { cls: string }) {
  const { t } = useI18n()
  return <span className={`gov-badge gov-badge--${cls}`}>{t(`admin.approvals.class.${cls}` as MessageKey)}</span>
}

function Opening({ o }: { o: Pending['opens'][number] }) {
  const { t } = useI18n()
  return (
    <li>
      {o.coordinate
        ? t('admin.approvals.opensGrant', { role: o.role, coordinate: o.coordinate })
        : t('admin.approvals.opensScope', { role: o.role, scope: o.scope ?? '' })}{' '}
      <ClassBadge cls={o.class} />
      {o.validUntil && <> {t('admin.approvals.until', { date: o.validUntil })}</>}
    </li>
  )
}

function PendingCard({ change, version, onDone }: { change: Pending; version: number; onDone: (o: Outcome) => void }) {
  const { t, lang } = useI18n()
  const client = useAdminClient()
  const titleId = useId()
  const reasonId = useId()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<AdminProblem | null>(null)
  const [conflictAt, setConflictAt] = useState<number | null>(null)
  const when = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })

  const approve = async (expectedVersion: number) => {
    setBusy(true)
    setProblem(null)
    const res = await client.mutation(ApproveChange, { id: change.id, expectedVersion }).toPromise()
    setBusy(false)
    const p = adminProblem(res.error)
    if (isVersionConflict(p)) return setConflictAt(expectedVersion)
    if (p) return setProblem(p)
    setConflictAt(null)
    onDone({ kind: 'approved', id: change.id, version: res.data!.approveChange })
  }
  const reject = async () => {
    if (!reason.trim()) return setProblem({ code: 'reason', serverMessage: '', pointer: '/reason', changeId: null })
    setBusy(true)
    setProblem(null)
    const res = await client.mutation(RejectChange, { id: change.id, reason: reason.trim() }).toPromise()
    setBusy(false)
    const p = adminProblem(res.error)
    if (p) return setProblem(p)
    onDone({ kind: 'rejected', id: change.id })
  }

  return (
    <li className="gov-card" aria-labelledby={titleId} data-testid={`pending-${change.id}`}>
      <h2 id={titleId} className="kern-heading kern-heading-small">
        {t('admin.approvals.changeTitle', { id: change.id, kind: t(KINDS[change.kind] ?? 'admin.approvals.kind.other') })}
      </h2>
      <p className="kern-body">
        {t('admin.approvals.requested', { who: change.requestedBy, when: when.format(new Date(change.requestedAt)) })}
      </p>
      <h3 className="kern-body kern-body--bold">{t('admin.approvals.opensTitle')}</h3>
      {change.opens.length ? (
        <ul className="gov-list">
          {change.opens.map((o, i) => (
            <Opening key={i} o={o} />
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('admin.approvals.opensNothing')}</p>
      )}
      <details className="gov-raw">
        <summary>{t('admin.approvals.raw')}</summary>
        <pre>{JSON.stringify(JSON.parse(change.payload), null, 2)}</pre>
      </details>
      {change.mine && (
        <p className="kern-body gov-waiting" data-testid="waiting">
          {t('admin.approvals.waiting')}
        </p>
      )}
      {problem && <ErrorState text={problem.code === 'reason' ? t('admin.approvals.reasonMissing') : problemText(t, problem)} />}
      {conflictAt !== null && (
        <VersionConflict
          expectedVersion={conflictAt}
          change={t('admin.approvals.conflictChange', { id: change.id })}
          onReapply={v => approve(v)}
          onDiscard={() => setConflictAt(null)}
        />
      )}
      {rejecting ? (
        <TextArea
          id={reasonId}
          className="gov-reason"
          label={t('admin.approvals.reason')}
          value={reason}
          maxLength={1000}
          rows={3}
          required
          onChange={e => setReason(e.target.value)}
        >
          <div className="admin__actions">
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void reject()}>
              <span className="kern-label">{change.mine ? t('admin.approvals.withdrawSend') : t('admin.approvals.rejectSend')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setRejecting(false)}>
              <span className="kern-label">{t('admin.approvals.cancel')}</span>
            </button>
          </div>
        </TextArea>
      ) : (
        <div className="admin__actions">
          {!change.mine && (
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void approve(version)}>
              <span className="kern-label">{t('admin.approvals.approve', { version })}</span>
            </button>
          )}
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setRejecting(true)}>
            <span className="kern-label">{change.mine ? t('admin.approvals.withdraw') : t('admin.approvals.reject')}</span>
          </button>
        </div>
      )}
    </li>
  )
}

export default function ApprovalsSection() {
  const { t } = useI18n()
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminPendingChanges })
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const reload = () => refetch({ requestPolicy: 'network-only' })
  return (
    <section aria-labelledby="approvals-title" className="gov">
      <h1 id="approvals-title" className="kern-heading kern-heading-large">
        {t('admin.approvals.title')}
      </h1>
      <p className="kern-body">{t('admin.approvals.intro')}</p>
      <div role="status" aria-live="polite">
        {outcome && (
          <p className="kern-body gov-done" data-testid="approvals-outcome">
            <span aria-hidden="true">✓ </span>
            {outcome.kind === 'approved'
              ? t('admin.approvals.approved', { id: outcome.id, version: outcome.version })
              : t('admin.approvals.rejected', { id: outcome.id })}{' '}
            {outcome.kind === 'approved' && (
              <Link href={`/verwaltung/protokoll?aktion=change.*`} className="kern-link">
                {t('admin.approvals.toAudit')}
              </Link>
            )}
          </p>
        )}
      </div>
      {!data && fetching && <Loading label={t('admin.loading')} />}
      {!data && error && <ErrorState text={problemText(t, adminProblem(error)!)} onRetry={reload} />}
      {data &&
        (data.pendingChanges.length === 0 ? (
          <p className="kern-body" data-testid="approvals-empty">
            {t('admin.approvals.empty')}
          </p>
        ) : (
          <ol className="gov-cards">
            {data.pendingChanges.map(c => (
              <PendingCard
                key={c.id}
                change={c}
                version={data.policy.version}
                onDone={o => {
                  setOutcome(o)
                  reload()
                }}
              />
            ))}
          </ol>
        ))}
    </section>
  )
}
