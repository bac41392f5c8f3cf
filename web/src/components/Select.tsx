import { useId } from 'react'

/**
 * A labelled KERN select (44 px target). `className` is added to the field's wrapper (by default `view-filter`, the
 * views' filter bar); `id` when a page names the select itself, else a generated one.
 */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  id,
  className = 'view-filter',
}: {
  label: string
  value: T
  options: ReadonlyArray<{ value: T; label: string }>
  onChange: (next: T) => void
  id?: string
  className?: string
}) {
  const generated = useId()
  const selectId = id ?? generated
  return (
    <div className={className ? `kern-form-input ${className}` : 'kern-form-input'}>
      <label className="kern-label" htmlFor={selectId}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select id={selectId} className="kern-form-input__select" value={value} onChange={e => onChange(e.target.value as T)}>
          {options.map(o => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
