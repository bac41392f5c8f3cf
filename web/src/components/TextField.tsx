import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react'

// A labelled KERN text field: label, optional hint, optional error message, then the input (or, as TextArea, a
// textarea). The hint and the error are tied to the control by aria-describedby (error first), an error also sets
// aria-invalid and the KERN error styles. Ids: `id` (else a generated one), `<id>-hint`, `<id>-error`.

interface FieldProps {
  label: ReactNode
  hint?: ReactNode
  /** The field's error message; when set the field is marked invalid. */
  error?: ReactNode
  id?: string
  /** Added to the wrapper's `kern-form-input`. */
  className?: string
  /** Added to the control's `kern-form-input__input`. */
  inputClassName?: string
  /** Rendered after the control inside the field (a datalist, the field's buttons). */
  children?: ReactNode
}

type Own = keyof FieldProps | 'aria-describedby' | 'aria-invalid'

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  inputClassName,
  children,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  const field = useField(id, hint, error, inputClassName)
  return (
    <Field field={field} label={label} hint={hint} error={error} className={className} after={children}>
      <input {...input} {...field.control} />
    </Field>
  )
}

export function TextArea({
  label,
  hint,
  error,
  id,
  className,
  inputClassName,
  children,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  const field = useField(id, hint, error, inputClassName)
  return (
    <Field field={field} label={label} hint={hint} error={error} className={className} after={children}>
      <textarea {...textarea} {...field.control} />
    </Field>
  )
}

function useField(id: string | undefined, hint: ReactNode, error: ReactNode, inputClassName: string | undefined) {
  const generated = useId()
  const controlId = id ?? generated
  const invalid = error != null && error !== false && error !== ''
  const hintId = hint ? `${controlId}-hint` : undefined
  const errorId = invalid ? `${controlId}-error` : undefined
  return {
    id: controlId,
    hintId,
    errorId,
    control: {
      id: controlId,
      className: ['kern-form-input__input', inputClassName, invalid && 'kern-form-input__input--error'].filter(Boolean).join(' '),
      'aria-invalid': invalid ? true : undefined,
      'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
    },
  }
}

function Field({
  field,
  label,
  hint,
  error,
  className,
  after,
  children,
}: {
  field: ReturnType<typeof useField>
  label: ReactNode
  hint: ReactNode
  error: ReactNode
  className: string | undefined
  after: ReactNode
  children: ReactNode
}) {
  return (
    <div className={['kern-form-input', className, field.errorId && 'kern-form-input--error'].filter(Boolean).join(' ')}>
      <label className="kern-label" htmlFor={field.id}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={field.hintId}>
          {hint}
        </div>
      )}
      {field.errorId && (
        <p id={field.errorId} className="kern-error" role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
      {children}
      {after}
    </div>
  )
}
