import { useEffect, useMemo, useState } from 'react'
import { useQuery } from 'urql'
import { DataTable } from '../../components/DataTable'
import { Select } from '../../components/Select'
import { ErrorState, Loading } from '../../components/States'
import { TextField } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import type { RowRulePreviewQuery } from '../../gql-admin/graphql'
import { useI18n } from '../../i18n/I18nProvider'
import { useFormat } from '../../lib/format'
import { useAdminClient } from '../admin-client'
import { adminProblem, isVersionConflict, problemText, type AdminProblem } from '../admin-errors'
import { usePolicy } from '../use-policy'
import { VersionConflict } from '../VersionConflict'
import '../insight.css'

// Zeilenregeln — which rows of a type each role gets. The condition builder offers only what the owning department
// declares (rowRuleOptions: the fields a rule may name, the claims it may compare with); the preview asks that
// department how many rows the role would get with and without the rule (previewRowRule). Every change names the
// policy version it was made against; a VERSION_CONFLICT shows what changed meanwhile and re-applies on request.

export const RowRuleOptions = graphql(`
  query RowRuleOptions {
    rowRuleOptions {
      coordinate
      department
      field
      columns
      claims
    }
    rowRuleOptionsUnreachable
  }
`)

export const RowRulePreview = graphql(`
  query RowRulePreview($role: String!, $department: String, $coordinate: String!, $condition: String) {
    previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {
      coordinate
      department
      field
      fieldVisible
      rows
      small
      condition
      policyVersion
    }
  }
`)

export const SetRowRule = graphql(`
  mutation SetRowRule($input: RowRuleInput!, $expectedVersion: Int!) {
    setRowRule(input: $input, expectedVersion: $expectedVersion)
  }
`)

export const RemoveRowRule = graphql(`
  mutation RemoveRowRule($role: String!, $coordinate: String!, $expectedVersion: Int!) {
    removeRowRule(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)
  }
`)

type Condition = { column: string; equals?: string; claim?: string }
type Change = { kind: 'set'; role: string; coordinate: string; condition: Condition } | { kind: 'remove'; role: string; coordinate: string }
type Preview = RowRulePreviewQuery['previewRowRule']

function parseCondition(json: string): Condition | null {
  try {
    const c = JSON.parse(json) as Record<string, unknown>
    return typeof c.column === 'string' ? (c as Condition) : null
  } catch {
    return null
  }
}

export default function RowRulesSection() {
  const { t } = useI18n()
  const client = useAdminClient()
  const { policy, error: policyError, refetch } = usePolicy()
  const [{ data: options, fetching: loadingOptions }] = useQuery({ query: RowRuleOptions })
  const targets = options?.rowRuleOptions ?? []
  const [roleFilter, setRoleFilter] = useState('')
  const [problem, setProblem] = useState<AdminProblem | null>(null)
  const [conflict, setConflict] = useState<{ change: Change; expectedVersion: number } | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ role: string; coordinate: string; condition: Condition } | null>(null)

  const apply = async (change: Change, expectedVersion: number) => {
    setProblem(null)
    setDone(null)
    let error
    let version: number | undefined
    if (change.kind === 'set') {
      const input = { role: change.role, coordinate: change.coordinate, condition: JSON.stringify(change.condition) }
      const result = await client.mutation(SetRowRule, { input, expectedVersion }).toPromise()
      error = result.error
      version = result.data?.setRowRule
    } else {
      const result = await client.mutation(RemoveRowRule, { role: change.role, coordinate: change.coordinate, expectedVersion }).toPromise()
      error = result.error
      version = result.data?.removeRowRule
    }
    const p = adminProblem(error)
    if (isVersionConflict(p)) {
      setConflict({ change, expectedVersion })
      return
    }
    setConflict(null)
    if (p) {
      setProblem(p)
      return
    }
    setDone(t(change.kind === 'set' ? 'admin.rowRules.saved' : 'admin.rowRules.removed', { version: version ?? '?' }))
    refetch()
  }

  const remove = (r: { role: string; coordinate: string }) => {
    if (policy) void apply({ kind: 'remove', role: r.role, coordinate: r.coordinate }, policy.version)
  }

  const rules = (policy?.rowRules ?? [])
    .filter(r => !roleFilter || r.role === roleFilter)
    .slice()
    .sort((a, b) => a.role.localeCompare(b.role) || a.coordinate.localeCompare(b.coordinate))

  return (
    <section aria-labelledby="rowrules-title" className="insight">
      <h1 id="rowrules-title" className="kern-heading kern-heading-large">
        {t('admin.rowRules.title')}
      </h1>
      <p className="kern-body">{t('admin.rowRules.intro')}</p>
      {policy && <p className="kern-body admin__version">{t('admin.policyVersion', { version: policy.version })}</p>}
      {(options?.rowRuleOptionsUnreachable.length ?? 0) > 0 && (
        <p className="kern-error" role="status">
          {t('admin.rowRules.unreachable', { departments: options!.rowRuleOptionsUnreachable.join(', ') })}
        </p>
      )}
      {conflict && policy && (
        <VersionConflict
          expectedVersion={conflict.expectedVersion}
          change={<ChangeText change={conflict.change} />}
          onReapply={version => apply(conflict.change, version)}
          onDiscard={() => {
            setConflict(null)
            refetch()
          }}
        />
      )}
      {problem && (
        <p className="kern-error" role="alert">
          {problemText(t, problem)}
        </p>
      )}
      <p className="kern-body" role="status" data-testid="rowrules-status">
        {done ?? ''}
      </p>

      <h2 className="kern-heading kern-heading-medium">{t('admin.rowRules.existing')}</h2>
      <RoleFilter roles={policy?.roles.map(r => r.name) ?? []} value={roleFilter} onChange={setRoleFilter} />
      {!policy && policyError ? (
        <ErrorState text={problemText(t, adminProblem(policyError)!)} onRetry={refetch} />
      ) : !policy ? (
        <Loading label={t('admin.loading')} />
      ) : rules.length === 0 ? (
        <p className="kern-body">{t('admin.rowRules.none')}</p>
      ) : (
        <>
          <ul className="insight-cards insight-narrow" aria-label={t('admin.rowRules.existing')}>
            {rules.map(r => {
              const c = parseCondition(r.condition)
              return (
                <li key={`${r.role} ${r.coordinate}`} className="insight-card" data-rule={`${r.role} ${r.coordinate}`}>
                  <dl className="insight-facts">
                    <dt>{t('admin.rowRules.role')}</dt>
                    <dd>{r.role}</dd>
                    <dt>{t('admin.rowRules.entity')}</dt>
                    <dd>
                      <code>{r.coordinate}</code>
                    </dd>
                    <dt>{t('admin.rowRules.condition')}</dt>
                    <dd>{c ? <ConditionText c={c} /> : <code>{r.condition}</code>}</dd>
                  </dl>
                  <RuleActions rule={r} condition={c} onEdit={setEditing} onRemove={remove} />
                </li>
              )
            })}
          </ul>
          <DataTable
            caption={t('admin.rowRules.existing')}
            className="insight-table"
            regionClassName="insight-wide"
            testId="rowrules-table"
            columns={[
              { label: t('admin.rowRules.role') },
              { label: t('admin.rowRules.entity') },
              { label: t('admin.rowRules.condition') },
              { label: t('admin.rowRules.actions') },
            ]}
            rows={rules.map(r => {
              const c = parseCondition(r.condition)
              return [
                r.role,
                <code>{r.coordinate}</code>,
                c ? <ConditionText c={c} /> : <code>{r.condition}</code>,
                <RuleActions rule={r} condition={c} onEdit={setEditing} onRemove={remove} />,
              ]
            })}
            rowKey={i => `${rules[i].role} ${rules[i].coordinate}`}
          />
        </>
      )}

      <h2 className="kern-heading kern-heading-medium">{t('admin.rowRules.builder')}</h2>
      {loadingOptions && !options ? (
        <Loading label={t('admin.loading')} />
      ) : targets.length === 0 ? (
        <p className="kern-body">{t('admin.rowRules.noTargets')}</p>
      ) : (
        policy && (
          <Builder
            key={editing ? `${editing.role} ${editing.coordinate} ${JSON.stringify(editing.condition)}` : 'new'}
            roles={policy.roles.map(r => r.name)}
            targets={targets}
            initial={editing}
            onSave={(role, coordinate, condition) => void apply({ kind: 'set', role, coordinate, condition }, policy.version)}
          />
        )
      )}
    </section>
  )
}

function RoleFilter({ roles, value, onChange }: { roles: string[]; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n()
  return (
    <Select
      id="rowrules-filter"
      className=""
      label={t('admin.rowRules.filterRole')}
      value={value}
      options={[{ value: '', label: t('admin.rowRules.allRoles') }, ...roles.map(r => ({ value: r, label: r }))]}
      onChange={onChange}
    />
  )
}

function ConditionText({ c }: { c: Condition }) {
  const { t } = useI18n()
  return (
    <span>
      {c.claim !== undefined
        ? t('admin.rowRules.conditionClaim', { column: c.column, claim: c.claim })
        : t('admin.rowRules.conditionEquals', { column: c.column, value: c.equals ?? '' })}
    </span>
  )
}

function ChangeText({ change }: { change: Change }) {
  const { t } = useI18n()
  return change.kind === 'set' ? (
    <p className="kern-body">
      {t('admin.rowRules.changeSet', { role: change.role, entity: change.coordinate })} <ConditionText c={change.condition} />
    </p>
  ) : (
    <p className="kern-body">{t('admin.rowRules.changeRemove', { role: change.role, entity: change.coordinate })}</p>
  )
}

interface Target {
  coordinate: string
  department: string
  field: string
  columns: string[]
  claims: string[]
}

function Builder({
  roles,
  targets,
  initial,
  onSave,
}: {
  roles: string[]
  targets: Target[]
  initial: { role: string; coordinate: string; condition: Condition } | null
  onSave: (role: string, coordinate: string, condition: Condition) => void
}) {
  const { t } = useI18n()
  const client = useAdminClient()
  const [role, setRole] = useState(initial?.role ?? (roles.includes('staff') ? 'staff' : (roles[0] ?? '')))
  const [coordinate, setCoordinate] = useState(
    initial && targets.some(x => x.coordinate === initial.coordinate) ? initial.coordinate : targets[0].coordinate,
  )
  const target = targets.find(x => x.coordinate === coordinate) ?? targets[0]
  const [column, setColumn] = useState(initial?.condition.column ?? target.columns[0])
  const [kind, setKind] = useState<'equals' | 'claim'>(initial?.condition.claim !== undefined ? 'claim' : 'equals')
  const [value, setValue] = useState(initial?.condition.equals ?? '')
  const [claim, setClaim] = useState(initial?.condition.claim ?? target.claims[0])
  const [department, setDepartment] = useState(target.department)
  const [preview, setPreview] = useState<{ with: Preview; without: Preview } | null>(null)
  const [previewProblem, setPreviewProblem] = useState<AdminProblem | null>(null)
  const [previewing, setPreviewing] = useState(false)

  useEffect(() => {
    if (!target.columns.includes(column)) setColumn(target.columns[0])
    setDepartment(target.department)
    // A new type resets its own choices (only then).
  }, [target.coordinate])
  useEffect(() => setPreview(null), [role, coordinate, column, kind, value, claim, department])

  const condition: Condition = useMemo(
    () => (kind === 'claim' ? { column, claim } : { column, equals: value.trim() }),
    [kind, column, claim, value],
  )
  const complete = role !== '' && column !== '' && (kind === 'claim' || value.trim() !== '')

  const runPreview = async () => {
    setPreviewing(true)
    setPreviewProblem(null)
    const vars = { role, coordinate, department: department.trim() || null }
    const [withRule, without] = await Promise.all([
      client.query(RowRulePreview, { ...vars, condition: JSON.stringify(condition) }).toPromise(),
      client.query(RowRulePreview, { ...vars, condition: null }).toPromise(),
    ])
    setPreviewing(false)
    const p = adminProblem(withRule.error ?? without.error)
    if (p || !withRule.data || !without.data)
      return setPreviewProblem(p ?? { code: 'unknown', serverMessage: '', pointer: null, changeId: null })
    setPreview({ with: withRule.data.previewRowRule, without: without.data.previewRowRule })
  }

  return (
    <form
      className="insight-form"
      onSubmit={e => {
        e.preventDefault()
        if (complete) onSave(role, coordinate, condition)
      }}
    >
      <Select
        className=""
        label={t('admin.rowRules.role')}
        value={role}
        options={roles.map(r => ({ value: r, label: r }))}
        onChange={setRole}
      />
      <Select
        className=""
        label={t('admin.rowRules.entity')}
        value={coordinate}
        options={targets.map(x => ({
          value: x.coordinate,
          label: t('admin.rowRules.entityOption', { entity: x.coordinate, department: x.department }),
        }))}
        onChange={setCoordinate}
      />
      <Select
        className=""
        label={t('admin.rowRules.column')}
        value={column}
        options={target.columns.map(c => ({ value: c, label: c }))}
        onChange={setColumn}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('admin.rowRules.compareWith')}</legend>
        <div className="kern-fieldset__body insight-roles__list">
          {(['equals', 'claim'] as const).map(k => (
            <div key={k} className="kern-form-check insight-roles__item">
              <input
                id={`rowrules-kind-${k}`}
                type="radio"
                name="rowrules-kind"
                className="kern-form-check__radio"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label className="kern-label" htmlFor={`rowrules-kind-${k}`}>
                {t(k === 'equals' ? 'admin.rowRules.kindEquals' : 'admin.rowRules.kindClaim')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {kind === 'equals' ? (
        <TextField
          id="rowrules-value"
          label={t('admin.rowRules.value')}
          type="text"
          maxLength={200}
          autoComplete="off"
          value={value}
          onChange={e => setValue(e.target.value)}
        />
      ) : (
        <Select
          className=""
          label={t('admin.rowRules.claim')}
          value={claim}
          options={target.claims.map(c => ({ value: c, label: t(`admin.rowRules.claimName.${c}` as 'admin.rowRules.claimName.sub') }))}
          onChange={setClaim}
        />
      )}
      <div className="insight-preview" aria-live="polite" data-testid="rowrules-preview">
        <h3 className="kern-heading kern-heading-small">{t('admin.rowRules.preview')}</h3>
        <TextField
          id="rowrules-department"
          label={t('admin.rowRules.previewDepartment')}
          hint={t('admin.rowRules.previewDepartmentHint')}
          type="text"
          autoComplete="off"
          value={department}
          onChange={e => setDepartment(e.target.value)}
        />
        <div className="admin__actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={!complete || previewing}
            onClick={() => void runPreview()}
          >
            <span className="kern-label">{t('admin.rowRules.previewRun')}</span>
          </button>
        </div>
        {previewing && <Loading label={t('admin.loading')} />}
        {previewProblem && (
          <p className="kern-error" role="alert">
            {problemText(t, previewProblem)}
          </p>
        )}
        {preview && <PreviewText preview={preview} role={role} />}
      </div>
      <div className="admin__actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={!complete}>
          <span className="kern-label">{t('admin.rowRules.save')}</span>
        </button>
      </div>
    </form>
  )
}

function PreviewText({ preview, role }: { preview: { with: Preview; without: Preview }; role: string }) {
  const { t } = useI18n()
  const { number } = useFormat()
  const rows = (p: Preview) => (p.small ? t('admin.rowRules.small') : number(p.rows ?? 0))
  return (
    <div>
      <p className="kern-body" data-testid="preview-with">
        {t('admin.rowRules.previewWith', {
          role,
          department: preview.with.department,
          rows: rows(preview.with),
          field: preview.with.field,
        })}
      </p>
      <p className="kern-body" data-testid="preview-without">
        {t('admin.rowRules.previewWithout', { rows: rows(preview.without) })}
      </p>
      {!preview.with.fieldVisible && (
        <p className="kern-body insight-behind">{t('admin.rowRules.fieldHidden', { role, field: preview.with.field })}</p>
      )}
    </div>
  )
}

function RuleActions({
  rule,
  condition,
  onEdit,
  onRemove,
}: {
  rule: { role: string; coordinate: string }
  condition: Condition | null
  onEdit: (r: { role: string; coordinate: string; condition: Condition }) => void
  onRemove: (r: { role: string; coordinate: string }) => void
}) {
  const { t } = useI18n()
  return (
    <div className="insight-row-actions">
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        disabled={!condition}
        onClick={() => condition && onEdit({ role: rule.role, coordinate: rule.coordinate, condition })}
        aria-label={t('admin.rowRules.editOf', { role: rule.role, entity: rule.coordinate })}
      >
        <span className="kern-label">{t('admin.rowRules.edit')}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--small"
        onClick={() => onRemove(rule)}
        aria-label={t('admin.rowRules.removeOf', { role: rule.role, entity: rule.coordinate })}
      >
        <span className="kern-label">{t('admin.rowRules.remove')}</span>
      </button>
    </div>
  )
}
