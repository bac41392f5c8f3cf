import type { CombinedError } from 'urql'
import { useI18n } from '../i18n/I18nProvider'
import { departmentsDown } from '../graphql/errors'
import type { MessageKey } from '../i18n'

// Loading, empty, error and partial states of a figure or tile.

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n()
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="state__spinner" aria-hidden="true" />
      <span>{label ?? t('figures.loading')}</span>
    </div>
  )
}

export function Empty({ text }: { text?: string }) {
  const { t } = useI18n()
  return <p className="state state--empty">{text ?? t('figures.empty')}</p>
}

export function ErrorState({ onRetry, text }: { onRetry?: () => void; text?: string }) {
  const { t } = useI18n()
  return (
    <div className="state state--error kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">{text ?? t('figures.error')}</span>
      </div>
      {onRetry && (
        <div className="kern-alert__body">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
            <span className="kern-label">{t('figures.retry')}</span>
          </button>
        </div>
      )}
    </div>
  )
}

/** "Daten von <Abteilung> derzeit nicht verfügbar" for each department that did not answer. */
export function Partial({ departments }: { departments: readonly string[] }) {
  const { t } = useI18n()
  if (!departments.length) return null
  return (
    <div className="state state--partial kern-alert kern-alert--warning" role="status">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
        <span className="kern-title">
          {departments.map(d => t('figures.departmentDown', { department: departmentName(t, d) })).join(' ')}
        </span>
      </div>
    </div>
  )
}

export function departmentName(t: (key: MessageKey) => string, service: string): string {
  const key = `figures.department.${service}` as MessageKey
  const name = t(key)
  return name === key ? service : name
}

/**
 * The usual order for a query result: loading, then a failure with nothing to show, then the content with a note for
 * each department that did not answer. Returns null when the content can render.
 */
export function QueryState({
  fetching,
  error,
  hasData,
  onRetry,
}: {
  fetching: boolean
  error: CombinedError | undefined
  hasData: boolean
  onRetry?: () => void
}) {
  const down = departmentsDown(error)
  if (!hasData && fetching) return <Loading />
  if (!hasData && down.length) return <Partial departments={down} />
  if (!hasData && error) return <ErrorState onRetry={onRetry} />
  if (!hasData) return <Empty />
  return null
}
