import { useEffect, useId, useRef, useState } from 'react'
import { useAuth } from '../auth/AuthProvider'
import { DataTable } from '../components/DataTable'
import { useI18n } from '../i18n/I18nProvider'
import { useFormat } from '../lib/format'
import { DataEntryHttpError, fetchHistory, uploadCsv, type UploadResult } from './api'
import { ReceiptPanel } from './ReceiptPanel'
import type { DatasetForm, HistoryEntry, Problem, Receipt } from './types'

const PAGE = 50
/** Files up to this size get a key from their content (the same file again is answered, not written twice). */
const HASH_LIMIT = 256 * 1024 * 1024

/**
 * The Idempotency-Key of a chosen file: `<dataset>:<SHA-256 of its bytes>` (hashed off the main thread by the
 * browser's crypto), so a double click, a retry and the same file chosen again all write once; a random one for
 * files too large to hash.
 */
async function keyFor(dataset: string, file: File): Promise<string> {
  const prefix = dataset.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40)
  if (file.size > HASH_LIMIT || !crypto.subtle) return `${prefix}:${crypto.randomUUID()}`
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return `${prefix}:${[...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('')}`
}

type Phase =
  | { step: 'idle' }
  | { step: 'checking' | 'committing'; rows: number }
  | { step: 'checked'; rows: number }
  /** The dry run found the periods written, by this very file (its key is in the write audit): writing again only answers. */
  | { step: 'already'; entry: HistoryEntry }
  | { step: 'problems'; result: Extract<UploadResult, { ok: false }> }
  | { step: 'failed'; message: string }
  | { step: 'done'; receipt: Receipt }

/** CSV upload: choose a file, check it (dry run), then write it (commit) with one idempotency key per file. */
export function Upload({ form }: { form: DatasetForm }) {
  const { t } = useI18n()
  const f = useFormat()
  const { token } = useAuth()
  const uid = useId()
  const [file, setFile] = useState<File | null>(null)
  const [phase, setPhase] = useState<Phase>({ step: 'idle' })
  const [page, setPage] = useState(0)
  const key = useRef<Promise<string> | null>(null)
  const busy = useRef(false)
  const abort = useRef<AbortController | null>(null)
  const outcome = useRef<HTMLDivElement>(null)
  const receiptRef = useRef<HTMLDivElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => () => abort.current?.abort(), [])
  // After an answer, focus goes to what it says (the receipt, or the outcome), once React has put it on screen.
  const [focusTick, setFocusTick] = useState(0)
  useEffect(() => {
    if (focusTick) (receiptRef.current ?? outcome.current)?.focus()
  }, [focusTick])

  const choose = (chosen: File | null) => {
    abort.current?.abort()
    busy.current = false
    setFile(chosen)
    setPhase({ step: 'idle' })
    setPage(0)
    key.current = null
  }
  /** The chosen file's key, hashed once (off the main thread); sent with the dry run too, which then recognises a file written before. */
  const fileKey = () => (key.current ??= keyFor(form.name, file!))

  /** The write of this file, if the department's write audit has its key (the same file chosen again). */
  const writtenBefore = async (clientKey: string, signal: AbortSignal): Promise<HistoryEntry | null> => {
    const entries = await fetchHistory(token, form.department, { dataset: form.name, limit: 50, signal }).catch(() => [])
    return entries.find(e => e.clientKey === clientKey) ?? null
  }

  const run = async (dryRun: boolean) => {
    if (!file || busy.current) return
    busy.current = true
    const controller = new AbortController()
    abort.current = controller
    setPhase({ step: dryRun ? 'checking' : 'committing', rows: 0 })
    setPage(0)
    try {
      const idempotencyKey = await fileKey()
      const result = await uploadCsv(token, form.department, form.name, file, {
        dryRun,
        idempotencyKey,
        signal: controller.signal,
        onProgress: rows => setPhase(p => (p.step === 'checking' || p.step === 'committing' ? { ...p, rows } : p)),
      })
      if (controller.signal.aborted) return
      const already =
        dryRun && !result.ok && result.code === 'DUPLICATE_PERIOD' ? await writtenBefore(await fileKey(), controller.signal) : null
      if (controller.signal.aborted) return
      const replayed = result.ok && result.dryRun && result.replayed && result.receipt ? result.receipt : null
      if (replayed)
        setPhase({
          step: 'already',
          entry: {
            auditId: replayed.auditId,
            at: replayed.asOf,
            rowCount: replayed.rowCount,
            subject: '',
            via: 'upload',
            dataset: replayed.dataset,
          },
        })
      else if (already) setPhase({ step: 'already', entry: already })
      else if (!result.ok) setPhase({ step: 'problems', result })
      else if (result.dryRun) setPhase({ step: 'checked', rows: result.rows })
      else setPhase({ step: 'done', receipt: result.receipt })
      setFocusTick(n => n + 1)
    } catch (err) {
      if (controller.signal.aborted) return
      const message = err instanceof DataEntryHttpError ? `${err.message} (${err.code})` : t('dataEntry.networkFailed')
      setPhase({ step: 'failed', message })
      setFocusTick(n => n + 1)
    } finally {
      if (abort.current === controller) busy.current = false
    }
  }

  if (phase.step === 'done')
    return (
      <ReceiptPanel
        ref={receiptRef}
        receipt={phase.receipt}
        datasetId={form.id}
        onAnother={() => {
          choose(null)
          if (fileInput.current) fileInput.current.value = ''
        }}
      />
    )

  const sending = phase.step === 'checking' || phase.step === 'committing'
  const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${f.number(bytes / 1024, 1)} KB` : `${f.number(bytes / 1024 / 1024, 1)} MB`)
  /** A problem's column as the clerk knows it: the field's label (the server names the field). */
  const columnName = (column: string) => {
    const field = form.fields.find(x => x.name === column || x.column === column)
    return field ? `${field.label} (${column})` : column
  }
  const problemLine = (p: Problem) =>
    typeof p.row !== 'number'
      ? t('dataEntry.problemNoRow', { reason: p.reason })
      : p.column
        ? t('dataEntry.problemLine', { row: f.number(p.row), column: columnName(p.column), reason: p.reason })
        : t('dataEntry.problemLineNoColumn', { row: f.number(p.row), reason: p.reason })

  return (
    <div className="de-upload">
      <p className="kern-body">{t('dataEntry.uploadIntro')}</p>
      <details className="de-columns">
        <summary className="kern-link">{t('dataEntry.uploadColumns')}</summary>
        <DataTable
          caption={t('dataEntry.uploadColumns')}
          columns={[{ label: t('dataEntry.uploadColumn') }, { label: t('dataEntry.uploadMeaning') }]}
          rows={form.fields.map(x => [
            <code key="c">{x.column}</code>,
            `${x.label}${x.required ? '' : ` ${t('dataEntry.optional')}`}${x.aliases.length ? ` (${x.aliases.join(', ')})` : ''}`,
          ])}
        />
      </details>
      <div className="kern-form-input de-file">
        <label htmlFor={`${uid}-file`} className="kern-label">
          {t('dataEntry.chooseFile')}
        </label>
        <div className="kern-hint" id={`${uid}-file-hint`}>
          {t('dataEntry.chooseFileHint')}
        </div>
        <input
          ref={fileInput}
          id={`${uid}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          className="de-file__input"
          aria-describedby={`${uid}-file-hint`}
          disabled={sending}
          onChange={e => choose(e.target.files?.[0] ?? null)}
        />
        {file && <p className="kern-body de-file__chosen">{t('dataEntry.fileChosen', { name: file.name, size: sizeText(file.size) })}</p>}
      </div>
      <div className="de-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={!file || sending}
          onClick={() => void run(true)}
          data-testid="de-dry-run"
        >
          <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
          <span className="kern-label">{phase.step === 'checking' ? t('dataEntry.dryRunning') : t('dataEntry.dryRun')}</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={phase.step !== 'checked' && phase.step !== 'already'}
          onClick={() => void run(false)}
          data-testid="de-commit"
        >
          <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
          <span className="kern-label">{phase.step === 'committing' ? t('dataEntry.committing') : t('dataEntry.commit')}</span>
        </button>
      </div>
      <div className="de-progress" aria-live="polite" aria-atomic="true">
        {sending && (
          <>
            <progress
              className="de-progress__bar"
              aria-label={phase.step === 'checking' ? t('dataEntry.dryRunning') : t('dataEntry.committing')}
            />
            <span data-testid="de-progress">{t('dataEntry.progress', { rows: f.number(phase.rows) })}</span>
          </>
        )}
      </div>
      <div ref={outcome} tabIndex={-1} className="de-outcome">
        {phase.step === 'checked' && (
          <div className="kern-alert kern-alert--info" role="status" data-testid="de-dry-run-ok">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--info" aria-hidden="true" />
              <span className="kern-title">{t('dataEntry.dryRunOk', { rows: f.number(phase.rows) })}</span>
            </div>
          </div>
        )}
        {phase.step === 'already' && (
          <div className="kern-alert kern-alert--info" role="status" data-testid="de-already">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--info" aria-hidden="true" />
              <span className="kern-title">
                {t('dataEntry.alreadyWritten', {
                  at: f.dateTime(phase.entry.at),
                  rows: f.number(phase.entry.rowCount),
                  audit: phase.entry.auditId,
                })}
              </span>
            </div>
          </div>
        )}
        {phase.step === 'failed' && (
          <div className="kern-alert kern-alert--danger" role="alert">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-title">{t('dataEntry.uploadFailed', { message: phase.message })}</span>
            </div>
          </div>
        )}
        {phase.step === 'problems' && (
          <Problems
            result={phase.result}
            page={page}
            setPage={setPage}
            line={problemLine}
            title={t('dataEntry.problemsTitle')}
            headingId={`${uid}-problems`}
          />
        )}
      </div>
    </div>
  )
}

function Problems({
  result,
  page,
  setPage,
  line,
  title,
  headingId,
}: {
  result: Extract<UploadResult, { ok: false }>
  page: number
  setPage: (n: number) => void
  line: (p: Problem) => string
  title: string
  headingId: string
}) {
  const { t } = useI18n()
  const f = useFormat()
  const problems = result.problems?.length ? result.problems : [{ reason: `${result.message} (${result.code})` }]
  const count = Math.max(result.problemCount ?? 0, problems.length)
  const pages = Math.max(1, Math.ceil(problems.length / PAGE))
  const shown = problems.slice(page * PAGE, page * PAGE + PAGE)
  return (
    <div className="kern-alert kern-alert--danger de-problems" role="alert" aria-labelledby={headingId} data-testid="de-problems">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 id={headingId} className="kern-title">
          {title}
        </h2>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body" data-testid="de-problem-count">
          {count === 1 ? t('dataEntry.problemCountOne') : t('dataEntry.problemCount', { count: f.number(count) })}
          {count > problems.length && ` ${t('dataEntry.problemsCapped', { shown: f.number(problems.length) })}`}
        </p>
        <ol className="de-problem-list" start={page * PAGE + 1}>
          {shown.map((p, i) => (
            <li key={page * PAGE + i}>{line(p)}</li>
          ))}
        </ol>
        {pages > 1 && (
          <nav className="de-pager" aria-label={t('dataEntry.problemPages')}>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              <span className="kern-icon kern-icon--chevron-left" aria-hidden="true" />
              <span className="kern-label">{t('dataEntry.previousPage')}</span>
            </button>
            <span className="kern-body" aria-live="polite">
              {t('dataEntry.page', { page: page + 1, pages })}
            </span>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              <span className="kern-label">{t('dataEntry.nextPage')}</span>
              <span className="kern-icon kern-icon--chevron-right" aria-hidden="true" />
            </button>
          </nav>
        )}
      </div>
    </div>
  )
}
