import { useI18n } from '../i18n/I18nProvider'

/** PENDING_APPROVAL: the change is stored and waits for a second administrator (four-eyes). */
export function PendingApproval({ changeId }: { changeId: number }) {
  const { t } = useI18n()
  return (
    <div className="kern-alert kern-alert--info" role="status" data-testid="pending-approval">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">{t('admin.pending.title')}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t('admin.pending.text', { changeId })}</p>
      </div>
    </div>
  )
}
