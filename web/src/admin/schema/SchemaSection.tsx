import { useEffect, useMemo, useState } from 'react'
import { useQuery } from 'urql'
import { Select } from '../../components/Select'
import { Loading } from '../../components/States'
import { TextField } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import { useI18n } from '../../i18n/I18nProvider'
import { useUrlParam } from '../../lib/url-state'
import { adminProblem, problemText } from '../admin-errors'
import { usePolicy } from '../use-policy'
import { hunks, lineDiff, type DiffPart } from './line-diff'
import '../insight.css'

// Effektives Schema — the SDL a role (with a department) is served, and what another role sees more or less: a
// line diff whose added and removed lines carry a sign and a word, not only a colour. The choice is in the address
// (?rolle=…&abteilung=…&vergleich=…&vergleichAbteilung=…).

export const EffectiveSchema = graphql(`
  query EffectiveSchema($roles: [String!]!, $department: String) {
    effectiveSchema(roles: $roles, department: $department)
  }
`)

interface Side {
  role: string
  department: string
}

export default function SchemaSection() {
  const { t } = useI18n()
  const { policy } = usePolicy()
  const [role, setRole] = useUrlParam('rolle')
  const [department, setDepartment] = useUrlParam('abteilung')
  const [otherRole, setOtherRole] = useUrlParam('vergleich')
  const [otherDepartment, setOtherDepartment] = useUrlParam('vergleichAbteilung')
  const roles = policy?.roles.map(r => r.name) ?? []
  const left: Side = { role: role ?? 'public', department: department ?? '' }
  const right: Side = { role: otherRole ?? '', department: otherDepartment ?? '' }

  const [a] = useQuery({ query: EffectiveSchema, variables: { roles: [left.role], department: left.department.trim() || null } })
  const [b] = useQuery({
    query: EffectiveSchema,
    variables: { roles: [right.role || left.role], department: right.department.trim() || null },
    pause: !right.role,
  })
  const problem = adminProblem(a.error ?? b.error)
  const sdl = a.data?.effectiveSchema ?? null
  const other = right.role ? (b.data?.effectiveSchema ?? null) : null

  return (
    <section aria-labelledby="schema-title" className="insight">
      <h1 id="schema-title" className="kern-heading kern-heading-large">
        {t('admin.schema.title')}
      </h1>
      <p className="kern-body">{t('admin.schema.intro')}</p>
      <div className="insight-grid insight-grid--two">
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('admin.schema.principal')}</legend>
          <div className="kern-fieldset__body">
            <RoleSelect label={t('admin.schema.role')} roles={roles} value={left.role} onChange={setRole} />
            <DepartmentInput label={t('admin.schema.department')} value={left.department} onChange={setDepartment} />
          </div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('admin.schema.compareWith')}</legend>
          <div className="kern-fieldset__body">
            <RoleSelect
              label={t('admin.schema.role')}
              roles={roles}
              value={right.role}
              onChange={setOtherRole}
              none={t('admin.schema.noCompare')}
            />
            <DepartmentInput label={t('admin.schema.department')} value={right.department} onChange={setOtherDepartment} />
          </div>
        </fieldset>
      </div>
      {problem && (
        <p className="kern-error" role="alert">
          {problemText(t, problem)}
        </p>
      )}
      {(a.fetching || b.fetching) && <Loading label={t('admin.loading')} />}
      {sdl !== null && right.role && other !== null && <Diff from={left} to={right} a={sdl} b={other} />}
      {sdl !== null && (
        <section aria-labelledby="schema-sdl-title">
          <h2 id="schema-sdl-title" className="kern-heading kern-heading-medium">
            {t('admin.schema.sdlOf', { role: left.role, department: left.department.trim() || '—' })}
          </h2>
          <p className="kern-body insight-muted">{t('admin.schema.lines', { n: sdl.split('\n').length })}</p>
          <CopyButton text={sdl} />
          <pre className="insight-sdl" tabIndex={0} aria-label={t('admin.schema.sdlLabel', { role: left.role })} data-testid="schema-sdl">
            {sdl}
          </pre>
        </section>
      )}
    </section>
  )
}

function RoleSelect({
  label,
  roles,
  value,
  onChange,
  none,
}: {
  label: string
  roles: string[]
  value: string
  onChange: (v: string) => void
  none?: string
}) {
  const all = value && !roles.includes(value) ? [...roles, value] : roles
  return (
    <Select
      className=""
      label={label}
      value={value}
      options={[...(none !== undefined ? [{ value: '', label: none }] : []), ...all.map(r => ({ value: r, label: r }))]}
      onChange={onChange}
    />
  )
}

/** The department claim; applied when the field is left (not on every key stroke). */
function DepartmentInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  return (
    <TextField
      label={label}
      hint={t('admin.schema.departmentHint')}
      type="text"
      autoComplete="off"
      value={draft}
      onChange={e => setDraft(e.target.value)}
      onBlur={() => draft !== value && onChange(draft.trim())}
      onKeyDown={e => {
        if (e.key === 'Enter') onChange(draft.trim())
      }}
    />
  )
}

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <div className="admin__actions">
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() =>
          void navigator.clipboard
            .writeText(text)
            .then(() => setState('copied'))
            .catch(() => setState('failed'))
        }
      >
        <span className="kern-label">{t('admin.schema.copy')}</span>
      </button>
      <span role="status" className="kern-body" data-testid="schema-copy-status">
        {state === 'copied' ? t('admin.schema.copied') : state === 'failed' ? t('admin.schema.copyFailed') : ''}
      </span>
    </div>
  )
}

function Diff({ from, to, a, b }: { from: Side; to: Side; a: string; b: string }) {
  const { t } = useI18n()
  const parts: DiffPart[] = useMemo(() => hunks(lineDiff(a, b), 2), [a, b])
  const added = parts.filter(p => p.kind === 'added').length
  const removed = parts.filter(p => p.kind === 'removed').length
  const fromName = `${from.role}${from.department.trim() ? ` (${from.department.trim()})` : ''}`
  const toName = `${to.role}${to.department.trim() ? ` (${to.department.trim()})` : ''}`
  return (
    <section aria-labelledby="schema-diff-title">
      <h2 id="schema-diff-title" className="kern-heading kern-heading-medium">
        {t('admin.schema.diffTitle', { from: fromName, to: toName })}
      </h2>
      <p className="kern-body" data-testid="schema-diff-summary">
        {added === 0 && removed === 0
          ? t('admin.schema.same')
          : t('admin.schema.diffSummary', { added, removed, from: fromName, to: toName })}
      </p>
      {(added > 0 || removed > 0) && (
        <>
          <p className="kern-body insight-muted">{t('admin.schema.legend', { from: fromName, to: toName })}</p>
          <pre className="insight-sdl insight-diff" tabIndex={0} aria-label={t('admin.schema.diffLabel')} data-testid="schema-diff">
            {parts.map((p, i) =>
              p.kind === 'skip' ? (
                <span key={i} className="insight-diff__line insight-diff__line--skip">
                  {t('admin.schema.skipped', { n: p.count })}
                </span>
              ) : (
                <span key={i} className={`insight-diff__line insight-diff__line--${p.kind}`} data-kind={p.kind}>
                  <span className="insight-diff__mark" aria-hidden="true">
                    {p.kind === 'added' ? '+' : p.kind === 'removed' ? '−' : ' '}
                  </span>
                  {p.kind !== 'same' && (
                    <span className="kern-sr-only">{t(p.kind === 'added' ? 'admin.schema.addedWord' : 'admin.schema.removedWord')} </span>
                  )}
                  {p.text}
                </span>
              ),
            )}
          </pre>
        </>
      )}
    </section>
  )
}
