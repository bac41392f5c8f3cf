import { useId } from 'react'

/** A labelled KERN select (44 px target) for a view's filter bar. */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: T
  options: ReadonlyArray<{ value: T; label: string }>
  onChange: (next: T) => void
}) {
  const id = useId()
  return (
    <div className="kern-form-input view-filter">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select id={id} className="kern-form-input__select" value={value} onChange={e => onChange(e.target.value as T)}>
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
