import { useEffect, useId, useMemo, useState } from 'react'
import { useQuery } from 'urql'
import { useSearchParams } from 'wouter'
import { Loading } from '../../components/States'
import { graphql } from '../../gql-admin'
import type { WarumExplainQuery } from '../../gql-admin/graphql'
import { TextArea, TextField } from '../../components/TextField'
import { useI18n } from '../../i18n/I18nProvider'
import { adminProblem, problemText } from '../admin-errors'
import { usePolicy } from '../use-policy'
import { principalFromClaims } from './claims'
import { RolePicker } from './RolePicker'
import { className, reasonText, requirementText } from './words'
import '../insight.css'

type ExplainResult = WarumExplainQuery['explain']

// Warum? — why a principal (roles and department, or pasted token claims) can or cannot see a field, or every field
// an operation selects: the admin API's explain / explainOperation, said in words. The question is in the address
// (?rollen=…&abteilung=…&feld=… or &operation=…), so a link shows the same answer.

export const WarumExplain = graphql(`
  query WarumExplain($roles: [String!]!, $department: String, $coordinate: String!) {
    explain(roles: $roles, department: $department, coordinate: $coordinate) {
      decision
      coordinate
      class
      requirement
      heldScopes
      matchedGrants {
        role
        coordinate
        effect
        validUntil
      }
      reasons
      policyVersion
    }
  }
`)

export const WarumExplainOperation = graphql(`
  query WarumExplainOperation($roles: [String!]!, $department: String, $operation: String!) {
    explainOperation(roles: $roles, department: $department, operation: $operation) {
      decision
      coordinate
      class
      requirement
      heldScopes
      matchedGrants {
        role
        coordinate
        effect
        validUntil
      }
      reasons
      policyVersion
    }
  }
`)

export const WarumCoordinates = graphql(`
  query WarumCoordinates {
    coordinates {
      coordinate
    }
  }
`)

/** Longest operation kept in the address (longer ones are asked, but not linked). */
const MAX_LINKED_OPERATION = 4000

type Mode = 'feld' | 'operation'

interface Question {
  roles: string[]
  department: string
  mode: Mode
  coordinate: string
  operation: string
}

function readQuestion(params: URLSearchParams): Question {
  return {
    roles: (params.get('rollen') ?? '')
      .split(',')
      .map(r => r.trim())
      .filter(Boolean),
    department: params.get('abteilung') ?? '',
    mode: params.has('operation') ? 'operation' : 'feld',
    coordinate: params.get('feld') ?? '',
    operation: params.get('operation') ?? '',
  }
}

export default function WarumSection() {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const asked = useMemo(() => readQuestion(params), [params])
  const { policy } = usePolicy()
  const [draft, setDraft] = useState<Question>(asked)
  useEffect(() => setDraft(asked), [asked])
  const ready = asked.roles.length > 0 && (asked.mode === 'feld' ? asked.coordinate !== '' : asked.operation.trim() !== '')

  const ask = () => {
    setParams(
      () => {
        const q = new URLSearchParams()
        q.set('rollen', draft.roles.join(','))
        if (draft.department.trim()) q.set('abteilung', draft.department.trim())
        if (draft.mode === 'feld') q.set('feld', draft.coordinate.trim())
        else q.set('operation', draft.operation.slice(0, MAX_LINKED_OPERATION))
        return q
      },
      { replace: false },
    )
  }

  return (
    <section aria-labelledby="warum-title" className="insight">
      <h1 id="warum-title" className="kern-heading kern-heading-large">
        {t('admin.warum.title')}
      </h1>
      <p className="kern-body">{t('admin.warum.intro')}</p>
      <form
        className="insight-form"
        onSubmit={e => {
          e.preventDefault()
          ask()
        }}
      >
        <RolePicker
          legend={t('admin.warum.roles')}
          roles={policy ? policy.roles.map(r => r.name) : []}
          selected={draft.roles}
          onChange={roles => setDraft(d => ({ ...d, roles }))}
        />
        <TextField
          label={t('admin.warum.department')}
          hint={t('admin.warum.departmentHint')}
          type="text"
          autoComplete="off"
          value={draft.department}
          onChange={e => setDraft(d => ({ ...d, department: e.target.value }))}
        />
        <ClaimsPaste onClaims={(roles, department) => setDraft(d => ({ ...d, roles, department: department ?? '' }))} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('admin.warum.what')}</legend>
          <div className="kern-fieldset__body insight-roles__list">
            {(['feld', 'operation'] as const).map(mode => (
              <div key={mode} className="kern-form-check insight-roles__item">
                <input
                  id={`warum-mode-${mode}`}
                  type="radio"
                  name="warum-mode"
                  className="kern-form-check__radio"
                  checked={draft.mode === mode}
                  onChange={() => setDraft(d => ({ ...d, mode }))}
                />
                <label className="kern-label" htmlFor={`warum-mode-${mode}`}>
                  {t(mode === 'feld' ? 'admin.warum.modeField' : 'admin.warum.modeOperation')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {draft.mode === 'feld' ? (
          <CoordinateInput value={draft.coordinate} onChange={coordinate => setDraft(d => ({ ...d, coordinate }))} />
        ) : (
          <TextArea
            id="warum-operation"
            label={t('admin.warum.operation')}
            inputClassName="insight-code-input"
            rows={6}
            spellCheck={false}
            value={draft.operation}
            placeholder='{ district(code: "14") { name } }'
            onChange={e => setDraft(d => ({ ...d, operation: e.target.value }))}
          />
        )}
        <div className="admin__actions">
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            disabled={draft.roles.length === 0 || (draft.mode === 'feld' ? !draft.coordinate.trim() : !draft.operation.trim())}
          >
            <span className="kern-label">{t('admin.warum.ask')}</span>
          </button>
        </div>
      </form>
      {ready ? <Answer question={asked} /> : <p className="kern-body insight-muted">{t('admin.warum.askFirst')}</p>}
    </section>
  )
}

/** Field search: type-ahead over every coordinate of the graph (loaded once the field is used). */
function CoordinateInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n()
  const [{ data }] = useQuery({ query: WarumCoordinates })
  const listId = useId()
  const options = useMemo(() => {
    const needle = value.trim().toLowerCase()
    const all = data?.coordinates.map(c => c.coordinate) ?? []
    return (needle ? all.filter(c => c.toLowerCase().includes(needle)) : all).slice(0, 200)
  }, [data, value])
  return (
    <TextField
      id="warum-coordinate"
      label={t('admin.warum.coordinate')}
      hint={t('admin.warum.coordinateHint')}
      type="text"
      list={listId}
      value={value}
      autoComplete="off"
      spellCheck={false}
      onChange={e => onChange(e.target.value)}
    >
      <datalist id={listId}>
        {options.map(c => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </TextField>
  )
}

/** Pasted token claims (JSON, or a whole JWT) → roles and department. */
function ClaimsPaste({ onClaims }: { onClaims: (roles: string[], department: string | null) => void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  return (
    <details className="insight-details">
      <summary className="insight-details__summary">{t('admin.warum.claimsToggle')}</summary>
      <TextArea
        id="warum-claims"
        label={t('admin.warum.claims')}
        hint={t('admin.warum.claimsHint')}
        inputClassName="insight-code-input"
        rows={4}
        spellCheck={false}
        value={text}
        onChange={e => setText(e.target.value)}
      />
      <div className="admin__actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => {
            const p = principalFromClaims(text)
            if (!p) return setMessage({ ok: false, text: t('admin.warum.claimsInvalid') })
            if (p.roles.length === 0) return setMessage({ ok: false, text: t('admin.warum.claimsNoRoles') })
            onClaims(p.roles, p.department)
            setMessage({ ok: true, text: t('admin.warum.claimsTaken', { roles: p.roles.join(', '), department: p.department ?? '—' }) })
          }}
        >
          <span className="kern-label">{t('admin.warum.claimsApply')}</span>
        </button>
      </div>
      <p className={message?.ok === false ? 'kern-error insight-message' : 'kern-body insight-message'} role="status">
        {message?.text ?? ''}
      </p>
    </details>
  )
}

function Answer({ question }: { question: Question }) {
  const { t } = useI18n()
  const variables = { roles: question.roles, department: question.department.trim() || null }
  const single = question.mode === 'feld'
  const [field] = useQuery({ query: WarumExplain, variables: { ...variables, coordinate: question.coordinate }, pause: !single })
  const [operation] = useQuery({ query: WarumExplainOperation, variables: { ...variables, operation: question.operation }, pause: single })
  const result = single ? field : operation
  const problem = adminProblem(result.error)
  const explanations: ExplainResult[] = single
    ? field.data
      ? [field.data.explain as ExplainResult]
      : []
    : ((operation.data?.explainOperation ?? []) as ExplainResult[])
  return (
    <section aria-labelledby="warum-answer" className="insight-answer" aria-busy={result.fetching}>
      <h2 id="warum-answer" className="kern-heading kern-heading-medium">
        {t('admin.warum.answer', { roles: question.roles.join(', '), department: question.department.trim() || '—' })}
      </h2>
      {result.fetching && <Loading label={t('admin.loading')} />}
      {problem && (
        <p className="kern-error" role="alert">
          {problemText(t, problem)}
        </p>
      )}
      {!result.fetching && !problem && !single && explanations.length === 0 && <p className="kern-body">{t('admin.warum.noFields')}</p>}
      {!single && explanations.length > 0 && (
        <p className="kern-body" data-testid="warum-summary">
          {t('admin.warum.summary', {
            total: explanations.length,
            allowed: explanations.filter(e => e.decision === 'ALLOW').length,
            denied: explanations.filter(e => e.decision === 'DENY').length,
          })}
        </p>
      )}
      <ol className="insight-explanations">
        {explanations.map(e => (
          <li key={e.coordinate}>
            <Explanation e={e} />
          </li>
        ))}
      </ol>
    </section>
  )
}

function Explanation({ e }: { e: ExplainResult }) {
  const { t, lang } = useI18n()
  const allowed = e.decision === 'ALLOW'
  return (
    <article className={`insight-explanation insight-explanation--${allowed ? 'allow' : 'deny'}`} data-testid="explanation">
      <h3 className="kern-heading kern-heading-small insight-explanation__title">
        <code>{e.coordinate}</code>{' '}
        <span className={`kern-badge ${allowed ? 'kern-badge--success' : 'kern-badge--danger'}`} data-decision={e.decision}>
          <span className="kern-label kern-label--small">
            {allowed ? '✓ ' : '✕ '}
            {t(allowed ? 'admin.warum.allowed' : 'admin.warum.denied')}
          </span>
        </span>
      </h3>
      <dl className="insight-facts">
        <dt>{t('admin.warum.class')}</dt>
        <dd data-testid="explain-class">{className(e.class, lang)}</dd>
        <dt>{t('admin.warum.requirement')}</dt>
        <dd>{requirementText(e.requirement, lang)}</dd>
        <dt>{t('admin.warum.heldScopes')}</dt>
        <dd>{e.heldScopes.length ? e.heldScopes.join(', ') : t('admin.warum.none')}</dd>
        <dt>{t('admin.warum.matchedGrants')}</dt>
        <dd>
          {e.matchedGrants.length
            ? e.matchedGrants
                .map(g =>
                  t(g.validUntil ? 'admin.warum.grantUntil' : 'admin.warum.grant', {
                    effect: g.effect,
                    coordinate: g.coordinate,
                    role: g.role,
                    until: g.validUntil ?? '',
                  }),
                )
                .join('; ')
            : t('admin.warum.none')}
        </dd>
        <dt>{t('admin.warum.policyVersion')}</dt>
        <dd>{e.policyVersion}</dd>
      </dl>
      <h4 className="kern-label">{t('admin.warum.reasons')}</h4>
      <ul className="insight-reasons">
        {e.reasons.map((r, i) => (
          <li key={i}>{reasonText(r, lang)}</li>
        ))}
      </ul>
    </article>
  )
}
