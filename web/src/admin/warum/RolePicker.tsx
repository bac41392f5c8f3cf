import { useId } from 'react'
import { useI18n } from '../../i18n/I18nProvider'

/** Checkboxes of the policy's roles (44 px targets), for the principal an explanation or a schema is asked for. */
export function RolePicker({
  legend,
  roles,
  selected,
  onChange,
}: {
  legend: string
  roles: readonly string[]
  selected: readonly string[]
  onChange: (next: string[]) => void
}) {
  const id = useId()
  const { t } = useI18n()
  const unknown = selected.filter(r => !roles.includes(r))
  return (
    <fieldset className="kern-fieldset insight-roles">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body insight-roles__list">
        {[...roles, ...unknown].map(role => (
          <div key={role} className="kern-form-check insight-roles__item">
            <input
              id={`${id}-${role}`}
              type="checkbox"
              className="kern-form-check__checkbox"
              checked={selected.includes(role)}
              onChange={e => onChange(e.target.checked ? [...selected, role] : selected.filter(r => r !== role))}
            />
            <label className="kern-label" htmlFor={`${id}-${role}`}>
              {role}
              {unknown.includes(role) ? ` (${t('admin.warum.unknownRole')})` : ''}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}
