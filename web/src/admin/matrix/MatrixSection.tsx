import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useQuery } from 'urql'
import { Select } from '../../components/Select'
import { departmentName, ErrorState, Loading } from '../../components/States'
import { TextField } from '../../components/TextField'
import { graphql } from '../../gql-admin'
import type { MessageKey } from '../../i18n'
import { useI18n } from '../../i18n/I18nProvider'
import { useUrlParam } from '../../lib/url-state'
import { useAdminClient } from '../admin-client'
import { problemText, type AdminProblem } from '../admin-errors'
import { PendingApproval } from '../PendingApproval'
import { runChange, type ChangeOutcome } from '../run-change'
import { usePolicy, type PolicyRole } from '../use-policy'
import { VersionConflict } from '../VersionConflict'
import {
  cellOf,
  CLASSES,
  groupOf,
  indexGrants,
  isSensitive,
  requirementText,
  type Cell,
  type Coordinate,
  type SensitivityClass,
} from './cells'
import './matrix.css'

// Berechtigungsmatrix: every field of the graph (rows, grouped by the departments that resolve it, with its class)
// against every role (columns). A cell says allow / deny (a grant) or inherited (the role's scopes against the field's
// requirement). Filters live in the address. A cell is edited in place (setGrant / removeGrant with the version the
// matrix showed); on a phone one role is shown at a time.

const Coordinates = graphql(`
  query AdminCoordinates {
    coordinates {
      coordinate
      class
      requirement
      owners
    }
  }
`)

const SetGrant = graphql(`
  mutation AdminSetGrant($input: GrantInput!, $expectedVersion: Int!) {
    setGrant(input: $input, expectedVersion: $expectedVersion)
  }
`)

const RemoveGrant = graphql(`
  mutation AdminRemoveGrant($role: String!, $coordinate: String!, $expectedVersion: Int!) {
    removeGrant(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)
  }
`)

type Choice = 'ALLOW' | 'DENY' | 'INHERIT'
interface GrantChange {
  role: string
  coordinate: string
  cls: SensitivityClass
  choice: Choice
}

const NARROW = '(max-width: 699px)'
function useNarrow(): boolean {
  return useSyncExternalStore(
    notify => {
      const mq = window.matchMedia(NARROW)
      mq.addEventListener('change', notify)
      return () => mq.removeEventListener('change', notify)
    },
    () => window.matchMedia(NARROW).matches,
  )
}

/** The role a phone shows first: public (what citizens see), else the first. */
const phoneRole = (roles: readonly PolicyRole[]) => roles.find(r => r.name === 'public') ?? roles[0]

const BADGE: Record<SensitivityClass, string> = {
  open: 'kern-badge--success',
  internal: 'kern-badge--info',
  personal: 'kern-badge--warning',
  special: 'kern-badge--danger',
}

export function ClassBadge({ cls }: { cls: SensitivityClass }) {
  const { t } = useI18n()
  return <span className={`kern-badge kern-badge--small ${BADGE[cls]} matrix__badge`}>{t(`admin.matrix.class.${cls}`)}</span>
}

/** The filter state in the address: ?referat=&klasse=&rolle=&suche= */
function useFilters() {
  const [department, setDepartment] = useUrlParam('referat')
  const [cls, setCls] = useUrlParam('klasse')
  const [role, setRole] = useUrlParam('rolle')
  const [search, setSearch] = useUrlParam('suche')
  return {
    department: department ?? '',
    cls: cls ?? '',
    role: role ?? '',
    search: search ?? '',
    setDepartment,
    setCls,
    setRole,
    setSearch,
  }
}

export default function MatrixSection() {
  const { t } = useI18n()
  const client = useAdminClient()
  const { policy, error: policyError, refetch } = usePolicy()
  const [coords] = useQuery({ query: Coordinates })
  const filters = useFilters()
  const narrow = useNarrow()
  const [editing, setEditing] = useState<{ role: PolicyRole; coordinate: Coordinate; cell: Cell; version: number } | null>(null)
  const [conflict, setConflict] = useState<{ change: GrantChange; expectedVersion: number } | null>(null)
  const [notice, setNotice] = useState<{ kind: 'applied'; text: string } | { kind: 'pending'; changeId: number } | null>(null)
  const [dialogError, setDialogError] = useState<AdminProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const ids = useId()

  const coordinates = useMemo(() => (coords.data?.coordinates ?? []) as Coordinate[], [coords.data])
  const grants = useMemo(() => indexGrants(policy?.grants ?? []), [policy])
  const departments = useMemo(
    () => [...new Set(coordinates.map(groupOf))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))),
    [coordinates],
  )
  const roles = useMemo(() => policy?.roles ?? [], [policy])
  const shownRoles = useMemo(
    () => (filters.role ? roles.filter(r => r.name === filters.role) : narrow ? [phoneRole(roles)].filter(r => r !== undefined) : roles),
    [roles, filters.role, narrow],
  )
  const search = filters.search.trim().toLowerCase()
  const groups = useMemo(() => {
    const rows = coordinates.filter(
      c =>
        (!filters.department || groupOf(c) === filters.department || (filters.department === '-' && groupOf(c) === '')) &&
        (!filters.cls || c.class === filters.cls) &&
        (!search || c.coordinate.toLowerCase().includes(search)),
    )
    const out = new Map<string, Coordinate[]>()
    for (const c of rows) {
      const g = groupOf(c)
      out.set(g, [...(out.get(g) ?? []), c])
    }
    return [...out.entries()].sort(([a], [b]) => departments.indexOf(a) - departments.indexOf(b))
  }, [coordinates, filters.department, filters.cls, search, departments])
  const shownCount = groups.reduce((n, [, rows]) => n + rows.length, 0)

  const groupName = (g: string) =>
    g === ''
      ? t('admin.matrix.noDepartment')
      : g
          .split(', ')
          .map(d => departmentName(t as (k: MessageKey) => string, d))
          .join(', ')

  const describe = (c: GrantChange) => t(`admin.matrix.change.${c.choice}`, { role: c.role, coordinate: c.coordinate })

  async function send(change: GrantChange, expectedVersion: number): Promise<void> {
    setBusy(true)
    setDialogError(null)
    let outcome: ChangeOutcome
    try {
      outcome =
        change.choice === 'INHERIT'
          ? await runChange(client, RemoveGrant, { role: change.role, coordinate: change.coordinate, expectedVersion })
          : await runChange(client, SetGrant, {
              input: { role: change.role, coordinate: change.coordinate, effect: change.choice },
              expectedVersion,
            })
    } finally {
      setBusy(false)
    }
    if (outcome.kind === 'refused') {
      // In the editor while it is open, else (a re-applied change) above the matrix.
      setDialogError(outcome.problem)
      if (!editing) setConflict(null)
      return
    }
    setEditing(null)
    if (outcome.kind === 'conflict') {
      setConflict({ change, expectedVersion })
      return
    }
    setConflict(null)
    setNotice(
      outcome.kind === 'pending'
        ? { kind: 'pending', changeId: outcome.changeId }
        : { kind: 'applied', text: `${describe(change)} ${t('admin.matrix.saved', { version: outcome.version })}` },
    )
    refetch()
  }

  // One handler for every cell (the groups re-render only when their rows, roles or grants change).
  const version = useRef(0)
  version.current = policy?.version ?? 0
  const onEdit = useCallback((role: PolicyRole, coordinate: Coordinate, cell: Cell) => {
    setNotice(null)
    setDialogError(null)
    setEditing({ role, coordinate, cell, version: version.current })
  }, [])

  if ((coords.fetching && !coords.data) || (!policy && !policyError)) return <Loading label={t('admin.loading')} />
  if (!policy || !coords.data) return <ErrorState text={t('admin.error.network')} onRetry={refetch} />

  return (
    <section aria-labelledby="matrix-title" className="matrix">
      <h1 id="matrix-title" className="kern-heading kern-heading-large">
        {t('admin.matrix.title')}
      </h1>
      <p className="kern-body">{t('admin.matrix.intro')}</p>
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
        {!editing && dialogError && <ErrorState text={problemText(t, dialogError)} />}
      </div>

      {conflict && (
        <VersionConflict
          expectedVersion={conflict.expectedVersion}
          change={<p className="kern-body">{describe(conflict.change)}</p>}
          onReapply={version => send(conflict.change, version)}
          onDiscard={() => {
            setConflict(null)
            refetch()
          }}
        />
      )}

      <form className="matrix__filters" aria-label={t('admin.matrix.filters')} onSubmit={e => e.preventDefault()}>
        <Select
          id={`${ids}-dept`}
          className="matrix__filter"
          label={t('admin.matrix.department')}
          value={filters.department}
          options={[
            { value: '', label: t('admin.matrix.allDepartments') },
            ...departments.map(d => ({ value: d === '' ? '-' : d, label: groupName(d) })),
          ]}
          onChange={filters.setDepartment}
        />
        <Select
          id={`${ids}-class`}
          className="matrix__filter"
          label={t('admin.matrix.classFilter')}
          value={filters.cls}
          options={[
            { value: '', label: t('admin.matrix.allClasses') },
            ...CLASSES.map(c => ({ value: c, label: t(`admin.matrix.class.${c}`) })),
          ]}
          onChange={filters.setCls}
        />
        <Select
          id={`${ids}-role`}
          className="matrix__filter"
          label={t('admin.matrix.role')}
          value={filters.role || (narrow ? (phoneRole(roles)?.name ?? '') : '')}
          options={[
            ...(narrow ? [] : [{ value: '', label: t('admin.matrix.allRoles') }]),
            ...roles.map(r => ({ value: r.name, label: r.name })),
          ]}
          onChange={filters.setRole}
        />
        <TextField
          id={`${ids}-search`}
          className="matrix__filter"
          label={t('admin.matrix.search')}
          type="search"
          value={filters.search}
          onChange={e => filters.setSearch(e.target.value)}
        />
      </form>

      <details className="matrix__legend">
        <summary>{t('admin.matrix.legendTitle')}</summary>
        <ul>
          <li>
            <span className="matrix__mark matrix__mark--allow" aria-hidden="true">
              ✓
            </span>{' '}
            {t('admin.matrix.legendAllow')}
          </li>
          <li>
            <span className="matrix__mark matrix__mark--deny" aria-hidden="true">
              ✕
            </span>{' '}
            {t('admin.matrix.legendDeny')}
          </li>
          <li>
            <span className="matrix__mark matrix__mark--inherited" aria-hidden="true">
              ○
            </span>{' '}
            {t('admin.matrix.legendInherited')}
          </li>
          <li>
            <span className="matrix__mark matrix__mark--hidden" aria-hidden="true">
              –
            </span>{' '}
            {t('admin.matrix.legendHidden')}
          </li>
        </ul>
      </details>

      <p className="kern-body matrix__count" role="status">
        {t('admin.matrix.count', { shown: shownCount, total: coordinates.length })}
      </p>

      {groups.map(([group, rows]) => (
        <MatrixGroup
          key={group}
          name={groupName(group)}
          rows={rows}
          roles={shownRoles}
          grants={grants}
          disabled={!!conflict}
          onEdit={onEdit}
        />
      ))}

      {editing && (
        <CellEditor
          key={`${editing.role.name} ${editing.coordinate.coordinate}`}
          role={editing.role}
          coordinate={editing.coordinate}
          cell={editing.cell}
          busy={busy}
          problem={dialogError}
          onClose={() => {
            setEditing(null)
            setDialogError(null)
          }}
          onSave={choice =>
            void send(
              { role: editing.role.name, coordinate: editing.coordinate.coordinate, cls: editing.coordinate.class, choice },
              editing.version,
            )
          }
        />
      )}
    </section>
  )
}

/** One department's fields against the shown roles; memoised, so opening an editor or a notice redraws no cell. */
const MatrixGroup = memo(function MatrixGroup({
  name,
  rows,
  roles,
  grants,
  disabled,
  onEdit,
}: {
  name: string
  rows: Coordinate[]
  roles: PolicyRole[]
  grants: ReturnType<typeof indexGrants>
  disabled: boolean
  onEdit: (role: PolicyRole, coordinate: Coordinate, cell: Cell) => void
}) {
  const { t } = useI18n()
  const text = useCellText()
  return (
    <div className="matrix__group">
      <div className="matrix__scroll" tabIndex={0} role="region" aria-label={t('admin.matrix.tableOf', { department: name })}>
        <table className="kern-table kern-table--small matrix__table">
          <caption className="matrix__caption">{name}</caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__field-head">
                {t('admin.matrix.field')}
              </th>
              {roles.map(r => (
                <th key={r.name} scope="col" className="matrix__role-head">
                  <code>{r.name}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(c => (
              <tr key={c.coordinate} data-coordinate={c.coordinate}>
                <th scope="row" className="matrix__field">
                  <code className="matrix__coordinate">
                    {c.coordinate.slice(0, c.coordinate.indexOf('.') + 1)}
                    <wbr />
                    {c.coordinate.slice(c.coordinate.indexOf('.') + 1)}
                  </code>{' '}
                  <ClassBadge cls={c.class} />
                </th>
                {roles.map(r => {
                  const cell = cellOf(r, c, grants)
                  return (
                    <td key={r.name} className="matrix__cell">
                      <CellButton role={r} coordinate={c} cell={cell} text={text(cell, c)} disabled={disabled} onEdit={onEdit} />
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
})

/** The cell's state in words (for the button's name and the editor). */
function useCellText() {
  const { t } = useI18n()
  return (cell: Cell, c: Coordinate): { short: string; long: string } => {
    const req = requirementText(c.requirement, t('admin.matrix.or'), t('admin.matrix.and'))
    if (cell.kind === 'allow')
      return {
        short: t('admin.matrix.allow'),
        long: cell.blocked
          ? t('admin.matrix.explainBlocked')
          : cell.exact
            ? t('admin.matrix.explainAllow')
            : t('admin.matrix.explainAllowWildcard', { via: cell.via }),
      }
    if (cell.kind === 'deny')
      return {
        short: t('admin.matrix.deny'),
        long: cell.exact ? t('admin.matrix.explainDeny') : t('admin.matrix.explainDenyWildcard', { via: cell.via }),
      }
    if (cell.visible === 'yes')
      return { short: t('admin.matrix.inheritedYes'), long: t('admin.matrix.explainInheritedYes', { scopes: cell.by.join(' + ') }) }
    if (cell.visible === 'department')
      return {
        short: t('admin.matrix.inheritedDepartment'),
        long: t('admin.matrix.explainInheritedDepartment', { scopes: cell.by.join(' + ') }),
      }
    return { short: t('admin.matrix.inheritedNo'), long: t('admin.matrix.explainInheritedNo', { requirement: req }) }
  }
}

function CellButton({
  role,
  coordinate,
  cell,
  text,
  disabled,
  onEdit,
}: {
  role: PolicyRole
  coordinate: Coordinate
  cell: Cell
  text: { short: string; long: string }
  disabled: boolean
  onEdit: (role: PolicyRole, coordinate: Coordinate, cell: Cell) => void
}) {
  const { t } = useI18n()
  const tone =
    cell.kind === 'inherited'
      ? cell.visible === 'no'
        ? 'hidden'
        : 'inherited'
      : cell.kind === 'allow' && cell.blocked
        ? 'hidden'
        : cell.kind
  const mark = cell.kind === 'allow' ? '✓' : cell.kind === 'deny' ? '✕' : cell.visible === 'no' ? '–' : '○'
  return (
    <button
      type="button"
      className={`matrix__cell-btn matrix__cell-btn--${tone}`}
      disabled={disabled}
      aria-label={t('admin.matrix.cellLabel', { role: role.name, coordinate: coordinate.coordinate, state: text.short, why: text.long })}
      title={text.long}
      data-state={cell.kind === 'inherited' ? `inherited-${cell.visible}` : cell.kind}
      onClick={() => onEdit(role, coordinate, cell)}
    >
      <span aria-hidden="true" className="matrix__mark">
        {mark}
      </span>
      <span aria-hidden="true">{text.short}</span>
    </button>
  )
}

function CellEditor({
  role,
  coordinate,
  cell,
  busy,
  problem,
  onClose,
  onSave,
}: {
  role: PolicyRole
  coordinate: Coordinate
  cell: Cell
  busy: boolean
  problem: AdminProblem | null
  onClose: () => void
  onSave: (choice: Choice) => void
}) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const text = useCellText()(cell, coordinate)
  const current: Choice = cell.kind !== 'inherited' && cell.exact ? (cell.kind === 'allow' ? 'ALLOW' : 'DENY') : 'INHERIT'
  const [choice, setChoice] = useState<Choice>(current)
  const publicSensitive = role.name === 'public' && isSensitive(coordinate.class)
  const needsSecond = choice === 'ALLOW' && isSensitive(coordinate.class) && !publicSensitive

  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])

  return (
    <dialog ref={dialog} className="kern-dialog matrix__dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={e => {
          e.preventDefault()
          if (choice !== current) onSave(choice)
        }}
      >
        <header className="kern-dialog__header">
          <h2 id={`${id}-title`} className="kern-heading kern-heading-medium">
            {t('admin.matrix.editTitle')}
          </h2>
        </header>
        <div className="kern-dialog__body">
          <p className="kern-body matrix__editing">
            <code>{role.name}</code> · <code className="matrix__coordinate">{coordinate.coordinate}</code>{' '}
            <ClassBadge cls={coordinate.class} />
          </p>
          <p className="kern-body">
            {t('admin.matrix.now')}: <strong>{text.short}</strong> – {text.long}
          </p>
          <fieldset className="matrix__choices">
            <legend className="kern-label">{t('admin.matrix.choose')}</legend>
            {(['ALLOW', 'DENY', 'INHERIT'] as const).map(c => (
              <div key={c} className="kern-form-check">
                <input
                  id={`${id}-${c}`}
                  type="radio"
                  name="choice"
                  className="kern-form-check__radio"
                  checked={choice === c}
                  disabled={c === 'ALLOW' && publicSensitive}
                  aria-describedby={c === 'ALLOW' && publicSensitive ? `${id}-never` : undefined}
                  onChange={() => setChoice(c)}
                />
                <label className="kern-label" htmlFor={`${id}-${c}`}>
                  {t(`admin.matrix.choice.${c}`)}
                </label>
              </div>
            ))}
          </fieldset>
          {publicSensitive && (
            <p id={`${id}-never`} className="kern-body">
              {t('admin.matrix.neverPublic', { cls: t(`admin.matrix.class.${coordinate.class}`) })}
            </p>
          )}
          {needsSecond && (
            <div className="kern-alert kern-alert--warning" role="status" data-testid="needs-second-admin">
              <div className="kern-alert__header">
                <span className="kern-icon kern-icon--warning" aria-hidden="true" />
                <span className="kern-title">{t('admin.matrix.needsSecondTitle')}</span>
              </div>
              <div className="kern-alert__body">
                <p className="kern-body">{t('admin.matrix.needsSecond', { cls: t(`admin.matrix.class.${coordinate.class}`) })}</p>
              </div>
            </div>
          )}
          {choice === 'ALLOW' && role.aggregateOnly && isSensitive(coordinate.class) && !publicSensitive && (
            <p className="kern-body">{t('admin.matrix.explainBlocked')}</p>
          )}
          {problem && (
            <p className="kern-error" role="alert">
              <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
              <span className="kern-body">{problemText(t, problem)}</span>
            </p>
          )}
        </div>
        <footer className="kern-dialog__footer admin__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy || choice === current}>
            <span className="kern-label">{busy ? t('admin.matrix.saving') : t('admin.matrix.save')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => dialog.current?.close()}>
            <span className="kern-label">{t('admin.matrix.cancel')}</span>
          </button>
        </footer>
      </form>
    </dialog>
  )
}
