import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useClient } from 'urql'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n'
import { useFormat } from '../lib/format'
import { checkRows, emptyRow, mutationDocument, toInput, type FieldProblem, type RowValues } from './form-model'
import { ReceiptPanel } from './ReceiptPanel'
import type { DatasetForm, FieldForm, Problem, Receipt } from './types'

/** The server's problem's field: by its GraphQL name, its CSV column or an alias. */
function fieldOf(fields: readonly FieldForm[], column: string | undefined): FieldForm | undefined {
  if (!column) return undefined
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9äöüß]/g, '')
  const c = norm(column)
  return fields.find(f => norm(f.name) === c || norm(f.column) === c || f.aliases.some(a => norm(a) === c))
}

/** A form generated from the dataset's declaration, for one or more rows, written through its mutation. */
export function EntryForm({ form }: { form: DatasetForm }) {
  const { t } = useI18n()
  const f = useFormat()
  const client = useClient()
  const uid = useId()
  const [rows, setRows] = useState<RowValues[]>(() => [emptyRow(form.fields)])
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [general, setGeneral] = useState<string[]>([])
  const [sending, setSending] = useState(false)
  const [receipt, setReceipt] = useState<Receipt | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const receiptRef = useRef<HTMLDivElement>(null)
  // One key per content: a retry after a lost answer (or a second click) is answered, not written twice.
  const clientKey = useRef<string | null>(null)

  const inputId = (row: number, field: string) => `${uid}-r${row}-${field}`
  const problemText = (p: FieldProblem) =>
    p.check ? t(`dataEntry.check.${p.check.key}` as MessageKey, fmtParams(p.check.params)) : (p.reason ?? '')
  const fmtParams = (params?: Record<string, string | number>) =>
    params
      ? Object.fromEntries(
          Object.entries(params).map(([k, v]) => [
            k,
            typeof v === 'number' ? f.number(v, 3) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? f.date(v) : v,
          ]),
        )
      : undefined

  const edit = (row: number, field: string, value: string) => {
    clientKey.current = null
    setRows(rs => rs.map((r, i) => (i === row ? { ...r, [field]: value } : r)))
    setProblems(ps => ps.filter(p => !(p.row === row && p.field === field)))
  }
  // Focus moves once the summary or receipt is on screen (after React's commit, not on a guess of when that is).
  const [focusTick, setFocusTick] = useState(0)
  const focusSummary = () => setFocusTick(n => n + 1)
  useEffect(() => {
    if (focusTick) summary.current?.focus()
  }, [focusTick])
  useEffect(() => {
    if (receipt) receiptRef.current?.focus()
  }, [receipt])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (sending) return
    const own = checkRows(form.fields, rows)
    setGeneral([])
    setProblems(own)
    if (own.length) return focusSummary()
    clientKey.current ??= crypto.randomUUID()
    setSending(true)
    try {
      const result = await client
        .mutation(
          mutationDocument(form),
          { input: { clientKey: clientKey.current, rows: rows.map(r => toInput(form.fields, r)) } },
          { requestPolicy: 'network-only' },
        )
        .toPromise()
      const data = result.data as Record<string, Receipt | null> | undefined
      const written = data?.[form.mutation.field]
      if (written) {
        setReceipt(written)
        clientKey.current = null
        return
      }
      if (result.error?.networkError && !result.error.graphQLErrors.length) {
        setGeneral([t('dataEntry.networkFailed')])
        return focusSummary()
      }
      const fromServer: FieldProblem[] = []
      const loose: string[] = []
      for (const err of result.error?.graphQLErrors ?? []) {
        const list = (err.extensions?.problems ?? []) as Problem[]
        if (!Array.isArray(list) || list.length === 0) {
          loose.push(t('dataEntry.serverFailed', { message: err.message }))
          continue
        }
        for (const p of list) {
          const field = fieldOf(form.fields, p.column)
          const row = typeof p.row === 'number' ? p.row - 1 : -1
          if (field && row >= 0 && row < rows.length) fromServer.push({ row, field: field.name, reason: p.reason })
          else
            loose.push(
              typeof p.row === 'number'
                ? t('dataEntry.errorGeneral', { row: p.row, reason: p.column ? `${p.column}: ${p.reason}` : p.reason })
                : p.reason,
            )
        }
      }
      setProblems(fromServer)
      setGeneral(loose.length || fromServer.length ? loose : [t('dataEntry.networkFailed')])
      focusSummary()
    } finally {
      setSending(false)
    }
  }

  if (receipt)
    return (
      <ReceiptPanel
        ref={receiptRef}
        receipt={receipt}
        datasetId={form.id}
        onAnother={() => {
          setReceipt(null)
          setRows([emptyRow(form.fields)])
        }}
      />
    )

  const labelOf = (name: string) => form.fields.find(x => x.name === name)?.label ?? name
  const errorFor = (row: number, field: string) => problems.find(p => p.row === row && p.field === field)

  return (
    <form noValidate onSubmit={e => void submit(e)} className="de-form" aria-describedby={`${uid}-intro`}>
      {(problems.length > 0 || general.length > 0) && (
        <div
          ref={summary}
          tabIndex={-1}
          className="kern-alert kern-alert--danger de-error-summary"
          role="alert"
          aria-labelledby={`${uid}-sum`}
        >
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 id={`${uid}-sum`} className="kern-title">
              {t('dataEntry.errorSummary')}
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{t('dataEntry.errorSummaryIntro')}</p>
            <ul className="de-error-list">
              {general.map((g, i) => (
                <li key={`g${i}`}>{g}</li>
              ))}
              {problems.map(p => (
                <li key={`${p.row}-${p.field}`}>
                  <a
                    className="kern-link"
                    href={`#${inputId(p.row, p.field)}`}
                    onClick={e => {
                      e.preventDefault()
                      document.getElementById(inputId(p.row, p.field))?.focus()
                    }}
                  >
                    {t('dataEntry.errorAt', { row: p.row + 1, label: labelOf(p.field), reason: problemText(p) })}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <p id={`${uid}-intro`} className="kern-body">
        {t('dataEntry.formIntro')}
      </p>
      {rows.map((row, r) => (
        <fieldset key={r} className="kern-fieldset de-row">
          <legend className="kern-label kern-label--large de-row__legend">{t('dataEntry.row', { n: r + 1 })}</legend>
          <div className="de-row__fields">
            {form.fields.map(field => (
              <Field
                key={field.name}
                id={inputId(r, field.name)}
                field={field}
                value={row[field.name] ?? ''}
                error={errorFor(r, field.name) ? problemText(errorFor(r, field.name)!) : undefined}
                onChange={v => edit(r, field.name, v)}
              />
            ))}
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary de-row__remove"
              onClick={() => {
                clientKey.current = null
                setRows(rs => rs.filter((_, i) => i !== r))
                setProblems([])
              }}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('dataEntry.removeRow', { n: r + 1 })}</span>
            </button>
          )}
        </fieldset>
      ))}
      <div className="de-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => {
            clientKey.current = null
            setRows(rs => [...rs, emptyRow(form.fields)])
          }}
        >
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('dataEntry.addRow')}</span>
        </button>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={sending} aria-disabled={sending}>
          <span className="kern-label">{sending ? t('dataEntry.submitting') : t('dataEntry.submit')}</span>
        </button>
      </div>
    </form>
  )
}

function Field({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string
  field: FieldForm
  value: string
  error?: string
  onChange: (v: string) => void
}) {
  const { t, lang } = useI18n()
  const f = useFormat()
  const num = (v: number | string | undefined) => (typeof v === 'number' ? f.number(v, 3) : typeof v === 'string' ? f.date(v) : '')
  const hints: string[] = []
  // The schema's descriptions are its (English) documentation: the German form has the label, unit and range.
  if (field.description && lang === 'en') hints.push(field.description)
  if (field.unit) hints.push(t('dataEntry.unit', { unit: field.unit }))
  if (field.type === 'integer' || field.type === 'decimal') {
    if (field.min !== undefined && field.max !== undefined)
      hints.push(t('dataEntry.rangeHint', { min: num(field.min), max: num(field.max) }))
    else if (field.min !== undefined) hints.push(t('dataEntry.minHint', { min: num(field.min) }))
    else if (field.max !== undefined) hints.push(t('dataEntry.maxHint', { max: num(field.max) }))
  }
  const hintId = hints.length ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const errorLine: ReactNode = error && (
    <p className="kern-error" id={errorId}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span>{error}</span>
    </p>
  )

  if (field.type === 'boolean')
    return (
      <div className="de-field de-field--check">
        <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
          <input
            id={id}
            type="checkbox"
            className={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
            checked={value === 'true'}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={e => onChange(e.target.checked ? 'true' : 'false')}
          />
          <label htmlFor={id} className="kern-label">
            {field.label}
            {!field.required && <span className="kern-label__optional"> {t('dataEntry.optional')}</span>}
          </label>
        </div>
        {hintId && (
          <div className="kern-hint" id={hintId}>
            {hints.join(' · ')}
          </div>
        )}
        {errorLine}
      </div>
    )

  const choices = field.allowed?.length ? field.allowed : null
  return (
    <div className={`kern-form-input de-field${error ? ' kern-form-input--error' : ''}`}>
      <label htmlFor={id} className="kern-label">
        {field.label}
        {!field.required && <span className="kern-label__optional"> {t('dataEntry.optional')}</span>}
      </label>
      {hintId && (
        <div className="kern-hint" id={hintId}>
          {hints.join(' · ')}
        </div>
      )}
      {errorLine}
      {choices ? (
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
            value={value}
            required={field.required}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={e => onChange(e.target.value)}
          >
            <option value="">{t('dataEntry.choose')}</option>
            {choices.map(c => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input
          id={id}
          name={field.name}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'integer' ? 'numeric' : field.type === 'decimal' ? 'decimal' : undefined}
          min={field.type === 'date' && typeof field.min === 'string' ? field.min : undefined}
          max={field.type === 'date' && typeof field.max === 'string' ? field.max : undefined}
          autoComplete="off"
          spellCheck={false}
          required={field.required}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={e => onChange(e.target.value)}
        />
      )}
    </div>
  )
}
