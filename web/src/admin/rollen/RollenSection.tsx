import { useEffect, useId, useRef, useState } from 'react'
import { ErrorState, Loading } from '../../components/States'
import { TextArea, TextField } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import type { MessageKey } from '../../i18n'
import { useI18n } from '../../i18n/I18nProvider'
import { useAdminClient } from '../admin-client'
import { problemText, type AdminProblem } from '../admin-errors'
import { PendingApproval } from '../PendingApproval'
import { runChange, type ChangeOutcome } from '../run-change'
import { usePolicy, type PolicyRole } from '../use-policy'
import { VersionConflict } from '../VersionConflict'
import { addedSensitive, checkRole, fieldOfPointer, toInput, type RoleDraft, type RoleField, type RoleInputValue } from './role-form'
import './rollen.css'

// Rollen: every role with its scopes and flags; create, edit and delete with the admin API's own checks. Each edit
// carries the policy version the form was opened at; a conflict shows what changed meanwhile and keeps the edit.

const UpsertRole = graphql(`
  mutation AdminUpsertRole($input: RoleInput!, $expectedVersion: Int!) {
    upsertRole(input: $input, expectedVersion: $expectedVersion)
  }
`)

const DeleteRole = graphql(`
  mutation AdminDeleteRole($name: String!, $expectedVersion: Int!) {
    deleteRole(name: $name, expectedVersion: $expectedVersion)
  }
`)

type Action = { type: 'upsert'; input: RoleInputValue; isNew: boolean } | { type: 'delete'; name: string }

const EMPTY: RoleDraft = { name: '', description: '', scopes: '', aggregateOnly: false, admin: false, validFrom: '', validUntil: '' }

const draftOf = (r: PolicyRole): RoleDraft => ({
  name: r.name,
  description: r.description,
  scopes: r.scopes.join(', '),
  aggregateOnly: r.aggregateOnly,
  admin: r.admin,
  validFrom: r.validFrom ?? '',
  validUntil: r.validUntil ?? '',
})

type Notice = { kind: 'applied'; text: string } | { kind: 'pending'; changeId: number } | { kind: 'refused'; problem: AdminProblem } | null

export default function RollenSection() {
  const { t } = useI18n()
  const client = useAdminClient()
  const { policy, fetching, error, refetch } = usePolicy()
  /** The form: its draft, the version it was opened at, whether it makes a new role. */
  const [form, setForm] = useState<{ draft: RoleDraft; version: number; isNew: boolean } | null>(null)
  const [fieldError, setFieldError] = useState<{ field: RoleField; text: string } | null>(null)
  const [conflict, setConflict] = useState<{ action: Action; expectedVersion: number } | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<{ name: string; version: number } | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  const describe = (action: Action) =>
    action.type === 'delete'
      ? t('admin.rollen.changeDelete', { name: action.name })
      : t('admin.rollen.changeUpsert', {
          name: action.input.name,
          description: action.input.description,
          scopes: action.input.scopes.join(', ') || '–',
          flags:
            [action.input.aggregateOnly ? t('admin.rollen.aggregateOnly') : '', action.input.admin ? t('admin.rollen.admin') : '']
              .filter(Boolean)
              .join(', ') || '–',
        })

  async function send(action: Action, expectedVersion: number): Promise<void> {
    setBusy(true)
    setNotice(null)
    setFieldError(null)
    let outcome: ChangeOutcome
    try {
      outcome =
        action.type === 'upsert'
          ? await runChange(client, UpsertRole, { input: action.input, expectedVersion })
          : await runChange(client, DeleteRole, { name: action.name, expectedVersion })
    } finally {
      setBusy(false)
    }
    if (outcome.kind === 'conflict') {
      setConflict({ action, expectedVersion })
      return
    }
    setConflict(null)
    if (outcome.kind === 'refused') {
      const field = action.type === 'upsert' ? fieldOfPointer(outcome.problem.pointer) : null
      if (field && form) {
        setFieldError({ field, text: problemText(t, outcome.problem) })
        return
      }
      setNotice({ kind: 'refused', problem: outcome.problem })
      return
    }
    setForm(null)
    setConfirmDelete(null)
    if (outcome.kind === 'pending') setNotice({ kind: 'pending', changeId: outcome.changeId })
    else setNotice({ kind: 'applied', text: describe(action) + ' ' + t('admin.rollen.saved', { version: outcome.version }) })
    refetch()
  }

  if (fetching && !policy) return <Loading label={t('admin.loading')} />
  if (error && !policy) return <ErrorState text={t('admin.error.network')} onRetry={refetch} />
  if (!policy) return null

  return (
    <section aria-labelledby="rollen-title" className="rollen">
      <h1 id="rollen-title" className="kern-heading kern-heading-large">
        {t('admin.rollen.title')}
      </h1>
      <p className="kern-body">{t('admin.rollen.intro')}</p>
      <p className="kern-body admin__version">{t('admin.policyVersion', { version: policy.version })}</p>

      <div aria-live="polite">
        {notice?.kind === 'applied' && (
          <div className="kern-alert kern-alert--success" role="status">
            <div className="kern-alert__header">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span className="kern-title">{notice.text}</span>
            </div>
          </div>
        )}
        {notice?.kind === 'pending' && <PendingApproval changeId={notice.changeId} />}
        {notice?.kind === 'refused' && <ErrorState text={problemText(t, notice.problem)} />}
      </div>

      {conflict && (
        <VersionConflict
          expectedVersion={conflict.expectedVersion}
          change={<p className="kern-body">{describe(conflict.action)}</p>}
          onReapply={version => {
            setForm(f => f && { ...f, version })
            return send(conflict.action, version)
          }}
          onDiscard={() => {
            setConflict(null)
            setForm(null)
            setConfirmDelete(null)
            refetch()
          }}
        />
      )}

      {form ? (
        <RoleForm
          hidden={!!conflict}
          key={form.isNew ? '(new)' : form.draft.name}
          initial={form.draft}
          isNew={form.isNew}
          previous={form.isNew ? null : (policy.roles.find(r => r.name === form.draft.name)?.scopes ?? null)}
          busy={busy}
          serverError={fieldError}
          onCancel={() => {
            setForm(null)
            setFieldError(null)
          }}
          onSubmit={input => void send({ type: 'upsert', input, isNew: form.isNew }, form.version)}
        />
      ) : (
        !conflict && (
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            onClick={() => {
              setNotice(null)
              setForm({ draft: EMPTY, version: policy.version, isNew: true })
            }}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('admin.rollen.new')}</span>
          </button>
        )
      )}

      <ul className="rollen__list" aria-label={t('admin.rollen.listLabel')}>
        {policy.roles.map(r => (
          <li key={r.name} className="rollen__card" data-role={r.name}>
            <h2 className="kern-heading kern-heading-small rollen__name">
              <code>{r.name}</code>
              {r.admin && <span className="kern-badge kern-badge--info">{t('admin.rollen.admin')}</span>}
              {r.aggregateOnly && <span className="kern-badge">{t('admin.rollen.aggregateOnly')}</span>}
            </h2>
            {r.description && <p className="kern-body rollen__description">{r.description}</p>}
            <dl className="rollen__facts">
              <dt>{t('admin.rollen.scopes')}</dt>
              <dd>
                {r.scopes.length ? (
                  <ul className="rollen__scopes">
                    {r.scopes.map(s => (
                      <li key={s}>
                        <code>{s}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('admin.rollen.noScopes')
                )}
              </dd>
              <dt>{t('admin.rollen.validity')}</dt>
              <dd>
                {r.validFrom || r.validUntil
                  ? t('admin.rollen.validRange', { from: r.validFrom ?? '…', until: r.validUntil ?? '…' })
                  : t('admin.rollen.validAlways')}
              </dd>
            </dl>
            {confirmDelete?.name === r.name ? (
              <div className="rollen__confirm" role="group" aria-label={t('admin.rollen.confirmDelete', { name: r.name })}>
                <p className="kern-body">{t('admin.rollen.confirmDelete', { name: r.name })}</p>
                <div className="admin__actions">
                  <button
                    type="button"
                    className="kern-btn kern-btn--primary rollen__danger"
                    disabled={busy}
                    onClick={() => void send({ type: 'delete', name: r.name }, confirmDelete.version)}
                  >
                    <span className="kern-label">{t('admin.rollen.deleteConfirm')}</span>
                  </button>
                  <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setConfirmDelete(null)}>
                    <span className="kern-label">{t('admin.rollen.cancel')}</span>
                  </button>
                </div>
              </div>
            ) : (
              <div className="admin__actions">
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  aria-label={t('admin.rollen.editRole', { name: r.name })}
                  disabled={!!conflict}
                  onClick={() => {
                    setNotice(null)
                    setFieldError(null)
                    setForm({ draft: draftOf(r), version: policy.version, isNew: false })
                  }}
                >
                  <span className="kern-label">{t('admin.rollen.edit')}</span>
                </button>
                {r.name !== 'public' && (
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary"
                    aria-label={t('admin.rollen.deleteRole', { name: r.name })}
                    disabled={!!conflict}
                    onClick={() => setConfirmDelete({ name: r.name, version: policy.version })}
                  >
                    <span className="kern-label">{t('admin.rollen.delete')}</span>
                  </button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function RoleForm({
  hidden,
  initial,
  isNew,
  previous,
  busy,
  serverError,
  onCancel,
  onSubmit,
}: {
  hidden: boolean
  initial: RoleDraft
  isNew: boolean
  previous: readonly string[] | null
  busy: boolean
  serverError: { field: RoleField; text: string } | null
  onCancel: () => void
  onSubmit: (input: RoleInputValue) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [draft, setDraft] = useState(initial)
  const [clientError, setClientError] = useState<{ field: RoleField; text: string } | null>(null)
  useEffect(() => heading.current?.focus(), [])
  const error = clientError ?? serverError
  useEffect(() => {
    if (error) document.getElementById(`${id}-${error.field}`)?.focus()
  }, [error, id])

  const set = <K extends keyof RoleDraft>(key: K, value: RoleDraft[K]) => {
    setDraft(d => ({ ...d, [key]: value }))
    setClientError(null)
  }
  const input = toInput(draft)
  const sensitive = addedSensitive(input.scopes, previous)

  const errorText = (field: RoleField) => (error?.field === field ? error.text : undefined)
  // The flags are checkboxes, not text fields: their error is tied to them here.
  const flagProps = (field: RoleField) => ({
    id: `${id}-${field}`,
    'aria-invalid': error?.field === field ? true : undefined,
    'aria-describedby': error?.field === field ? `${id}-${field}-error` : undefined,
  })
  const errorOf = (field: RoleField) =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="kern-error" role="alert">
        <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
        <span className="kern-body">{error.text}</span>
      </p>
    ) : null

  return (
    <form
      hidden={hidden}
      className="rollen__form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={e => {
        e.preventDefault()
        const problem = checkRole(input)
        if (problem) {
          setClientError({ field: problem.field, text: t(`admin.rollen.check.${problem.key}` as MessageKey, problem.params) })
          return
        }
        onSubmit(input)
      }}
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="kern-heading kern-heading-medium">
        {isNew ? t('admin.rollen.formNew') : t('admin.rollen.formEdit', { name: initial.name })}
      </h2>
      <TextField
        id={`${id}-name`}
        label={t('admin.rollen.name')}
        hint={t('admin.rollen.nameHint')}
        error={errorText('name')}
        value={draft.name}
        readOnly={!isNew}
        autoComplete="off"
        spellCheck={false}
        onChange={e => set('name', e.target.value)}
      />
      <TextField
        id={`${id}-description`}
        label={t('admin.rollen.description')}
        hint={t('admin.rollen.descriptionHint')}
        error={errorText('description')}
        value={draft.description}
        onChange={e => set('description', e.target.value)}
      />
      <TextArea
        id={`${id}-scopes`}
        label={t('admin.rollen.scopes')}
        hint={t('admin.rollen.scopesHint')}
        error={errorText('scopes')}
        inputClassName="rollen__scopes-input"
        value={draft.scopes}
        rows={2}
        spellCheck={false}
        onChange={e => set('scopes', e.target.value)}
      />
      {sensitive.length > 0 && (
        <div className="kern-alert kern-alert--info" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <span className="kern-title">{t('admin.rollen.needsSecond', { scopes: sensitive.join(', ') })}</span>
          </div>
        </div>
      )}
      <fieldset className="rollen__flags">
        <legend className="kern-label">{t('admin.rollen.flags')}</legend>
        {(['aggregateOnly', 'admin'] as const).map(flag => (
          <div key={flag} className="kern-form-check">
            <input
              {...flagProps(flag)}
              type="checkbox"
              className="kern-form-check__checkbox"
              checked={draft[flag]}
              onChange={e => set(flag, e.target.checked)}
            />
            <label className="kern-label" htmlFor={`${id}-${flag}`}>
              {t(`admin.rollen.${flag}Label`)}
            </label>
            {errorOf(flag)}
          </div>
        ))}
      </fieldset>
      <div className="rollen__dates">
        {(['validFrom', 'validUntil'] as const).map(field => (
          <TextField
            key={field}
            id={`${id}-${field}`}
            label={t(`admin.rollen.${field}`)}
            hint={t('admin.rollen.dateHint')}
            error={errorText(field)}
            type="date"
            value={draft[field]}
            onChange={e => set(field, e.target.value)}
          />
        ))}
      </div>
      <div className="admin__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{busy ? t('admin.rollen.saving') : t('admin.rollen.save')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
          <span className="kern-label">{t('admin.rollen.cancel')}</span>
        </button>
      </div>
    </form>
  )
}
