import { useId, useRef, useState, type ChangeEvent } from 'react'
import { Link } from 'wouter'
import { ErrorState } from '../../components/States'
import { graphql } from '../../gql-admin'
import type { AdminPreviewImportQuery } from '../../gql-admin/graphql'
import { useI18n } from '../../i18n/I18nProvider'
import type { MessageKey } from '../../i18n'
import { useAdminClient } from '../admin-client'
import { adminProblem, isPendingApproval, isVersionConflict, problemText, type AdminProblem } from '../admin-errors'
import { PendingApproval } from '../PendingApproval'
import { VersionConflict } from '../VersionConflict'
import { ClassBadge } from '../approvals/ApprovalsSection'
import '../approvals/governance.css'

// Import/Export (/verwaltung/import-export): the policy as a JSON file (permissions as code). Export downloads what
// `exportPolicy` answers; an uploaded file is first shown as a diff against the policy in force (previewImport: the
// same validation as the import, nothing written), marking what would wait for a second administrator; the import
// then carries the version the diff was made against, and goes through the same four-eyes rule as any other change.

const ExportPolicy = graphql(`
  query AdminExportPolicy {
    exportPolicy
  }
`)

const PreviewImport = graphql(`
  query AdminPreviewImport($json: String!) {
    previewImport(json: $json) {
      baseVersion
      unchanged
      needsApproval
      opens {
        text
      }
      changes {
        part
        change
        role
        coordinate
        fields
        before
        after
        needsApproval
        opens {
          role
          scope
          coordinate
          class
          text
        }
      }
    }
  }
`)

const ImportPolicy = graphql(`
  mutation AdminImportPolicy($json: String!, $expectedVersion: Int!) {
    importPolicy(json: $json, expectedVersion: $expectedVersion)
  }
`)

/** Larger files are refused before upload: the admin API takes at most 1 MB per request, and the file travels JSON-escaped. */
const MAX_FILE_BYTES = 700_000

type Diff = AdminPreviewImportQuery['previewImport']
type Change = Diff['changes'][number]
type Result = { kind: 'imported'; version: number } | { kind: 'pending'; changeId: number }

const MARK: Record<Change['change'], string> = { ADDED: '+', REMOVED: '−', CHANGED: '~' }

function save(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** One member of an item before → after, e.g. `scopes: open → open, personal`. */
function fieldChange(field: string, before: string | null | undefined, after: string | null | undefined): string {
  const show = (json: string | null | undefined) => {
    if (!json) return '—'
    const v = (JSON.parse(json) as Record<string, unknown>)[field]
    if (v === null || v === undefined) return '—'
    if (Array.isArray(v)) return v.join(', ') || '—'
    return typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return `${field}: ${show(before)} → ${show(after)}`
}

function itemText(c: Change): string {
  const item = JSON.parse((c.after ?? c.before)!) as Record<string, unknown>
  if (c.part === 'ROLE') return Array.isArray(item.scopes) ? item.scopes.join(', ') || '—' : ''
  if (c.part === 'GRANT') return `${String(item.effect)}${item.validUntil ? ` ≤ ${String(item.validUntil)}` : ''}`
  return JSON.stringify(item.condition)
}

function DiffView({ diff }: { diff: Diff }) {
  const { t } = useI18n()
  const count = (k: Change['change']) => diff.changes.filter(c => c.change === k).length
  return (
    <div data-testid="import-diff">
      <h2 className="kern-heading kern-heading-medium">{t('admin.transfer.diffTitle', { version: diff.baseVersion })}</h2>
      <p className="kern-body">
        {t('admin.transfer.summary', {
          added: count('ADDED'),
          removed: count('REMOVED'),
          changed: count('CHANGED'),
          unchanged: diff.unchanged,
        })}
      </p>
      {diff.needsApproval ? (
        <div className="kern-alert kern-alert--warning" role="note">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <span className="kern-title">{t('admin.transfer.needsApproval')}</span>
          </div>
          <div className="kern-alert__body">
            <ul className="gov-list">
              {diff.opens.map((o, i) => (
                <li key={i}>{o.text}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="kern-body">{t('admin.transfer.noApproval')}</p>
      )}
      {diff.changes.length === 0 ? (
        <p className="kern-body">{t('admin.transfer.noChanges')}</p>
      ) : (
        <ul className="gov-diff">
          {diff.changes.map((c, i) => (
            <li key={i} className={`gov-diff__item gov-diff__item--${c.change.toLowerCase()}`} data-change={c.change}>
              <span className="gov-diff__mark" aria-hidden="true">
                {MARK[c.change]}
              </span>
              <div>
                <p className="gov-entry__head">
                  <strong>{t(`admin.transfer.change.${c.change}` as MessageKey)}</strong>
                  <span>
                    {t(`admin.transfer.part.${c.part}` as MessageKey)} <code>{c.role}</code>
                    {c.coordinate && (
                      <>
                        {' · '}
                        <code>{c.coordinate}</code>
                      </>
                    )}
                  </span>
                </p>
                {c.change === 'CHANGED' ? (
                  <ul className="gov-list">
                    {c.fields.map(f => (
                      <li key={f}>{fieldChange(f, c.before, c.after)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="kern-body kern-body--small">{itemText(c)}</p>
                )}
                {c.needsApproval && (
                  <p className="kern-body gov-waiting">
                    <span aria-hidden="true">⚠ </span>
                    {t('admin.transfer.itemNeedsApproval')}{' '}
                    {c.opens.map((o, j) => (
                      <ClassBadge key={j} cls={o.class} />
                    ))}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export default function TransferSection() {
  const { t } = useI18n()
  const client = useAdminClient()
  const fileId = useId()
  const [exporting, setExporting] = useState(false)
  const [exportProblem, setExportProblem] = useState<AdminProblem | null>(null)
  const [file, setFile] = useState<{ name: string; json: string } | null>(null)
  const [diff, setDiff] = useState<Diff | null>(null)
  const [problem, setProblem] = useState<AdminProblem | null>(null)
  const chosenSeq = useRef(0)
  const [busy, setBusy] = useState(false)
  const [conflictAt, setConflictAt] = useState<number | null>(null)
  const [result, setResult] = useState<Result | null>(null)

  const download = async () => {
    setExporting(true)
    setExportProblem(null)
    const res = await client.query(ExportPolicy, {}).toPromise()
    setExporting(false)
    const p = adminProblem(res.error)
    if (p || !res.data) return setExportProblem(p)
    const version = (JSON.parse(res.data.exportPolicy) as { version?: number }).version ?? 0
    save(`stadtgraph-richtlinie-v${version}.json`, `${res.data.exportPolicy}\n`, 'application/json')
  }

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    // Only the file chosen last counts: a slower preview of an earlier file must not show its diff beside another file.
    const seq = ++chosenSeq.current
    const chosen = e.target.files?.[0]
    setDiff(null)
    setResult(null)
    setProblem(null)
    setConflictAt(null)
    setFile(null)
    if (!chosen) return
    if (chosen.size > MAX_FILE_BYTES) return setProblem({ code: 'tooLarge', serverMessage: '', pointer: null, changeId: null })
    const json = await chosen.text()
    if (seq !== chosenSeq.current) return
    setFile({ name: chosen.name, json })
    setBusy(true)
    const res = await client.query(PreviewImport, { json }).toPromise()
    if (seq !== chosenSeq.current) return
    setBusy(false)
    const p = adminProblem(res.error)
    if (p) return setProblem(p)
    setDiff(res.data!.previewImport)
  }

  const apply = async (expectedVersion: number) => {
    if (!file) return
    setBusy(true)
    setProblem(null)
    const res = await client.mutation(ImportPolicy, { json: file.json, expectedVersion }).toPromise()
    setBusy(false)
    const p = adminProblem(res.error)
    if (isVersionConflict(p)) return setConflictAt(expectedVersion)
    setConflictAt(null)
    if (isPendingApproval(p)) return setResult({ kind: 'pending', changeId: p.changeId })
    if (p) return setProblem(p)
    setResult({ kind: 'imported', version: res.data!.importPolicy })
    setDiff(null)
  }

  const problemMessage = (p: AdminProblem) => {
    if (p.code === 'tooLarge') return t('admin.transfer.tooLarge', { mb: MAX_FILE_BYTES / 1_000_000 })
    if (p.code === 'INVALID_POLICY') return t('admin.transfer.invalid', { pointer: p.pointer || '/', message: p.serverMessage })
    return problemText(t, p)
  }

  return (
    <section aria-labelledby="transfer-title" className="gov">
      <h1 id="transfer-title" className="kern-heading kern-heading-large">
        {t('admin.transfer.title')}
      </h1>
      <p className="kern-body">{t('admin.transfer.intro')}</p>

      <h2 className="kern-heading kern-heading-medium">{t('admin.transfer.exportTitle')}</h2>
      <p className="kern-body">{t('admin.transfer.exportText')}</p>
      <div className="admin__actions">
        <button type="button" className="kern-btn kern-btn--primary" disabled={exporting} onClick={() => void download()}>
          <span className="kern-label">{t('admin.transfer.export')}</span>
        </button>
      </div>
      {exportProblem && (
        <p className="kern-body" role="alert">
          {problemText(t, exportProblem)}
        </p>
      )}

      <h2 className="kern-heading kern-heading-medium">{t('admin.transfer.importTitle')}</h2>
      <p className="kern-body">{t('admin.transfer.importText')}</p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={fileId}>
          {t('admin.transfer.file')}
        </label>
        <input id={fileId} type="file" accept="application/json,.json" className="gov-file" onChange={e => void choose(e)} />
      </div>
      <div role="status" aria-live="polite">
        {busy && <p className="kern-body">{t('admin.loading')}</p>}
        {result?.kind === 'imported' && (
          <p className="kern-body gov-done" data-testid="import-result">
            <span aria-hidden="true">✓ </span>
            {t('admin.transfer.imported', { version: result.version })}
          </p>
        )}
      </div>
      {result?.kind === 'pending' && (
        <div data-testid="import-result">
          <PendingApproval changeId={result.changeId} />
          <p className="kern-body">
            <Link href="/verwaltung/freigaben" className="kern-link">
              {t('admin.transfer.toApprovals')}
            </Link>
          </p>
        </div>
      )}
      {problem && <ErrorState text={problemMessage(problem)} />}
      {conflictAt !== null && file && (
        <VersionConflict
          expectedVersion={conflictAt}
          change={t('admin.transfer.conflictChange', { file: file.name })}
          onReapply={v => apply(v)}
          onDiscard={() => setConflictAt(null)}
        />
      )}
      {diff && result === null && (
        <>
          <DiffView diff={diff} />
          <div className="admin__actions" hidden={conflictAt !== null}>
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void apply(diff.baseVersion)}>
              <span className="kern-label">
                {diff.needsApproval ? t('admin.transfer.importForApproval') : t('admin.transfer.import', { version: diff.baseVersion })}
              </span>
            </button>
          </div>
        </>
      )}
    </section>
  )
}
