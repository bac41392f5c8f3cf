import { forwardRef } from 'react'
import { Link } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { useFormat } from '../lib/format'
import { DATASET_VIEWS, PATHS, isRegistered, routeOf } from '../routes'
import type { Receipt } from './types'

/** The dashboard view that shows a dataset (asy.occupancy → /asyl), if it is built. */
export function dashboardOf(datasetId: string): { path: string; titleKey: NonNullable<ReturnType<typeof routeOf>>['titleKey'] } | null {
  const view = DATASET_VIEWS[datasetId.split('.')[0] ?? '']
  const route = view && isRegistered(view) ? routeOf(view) : undefined
  return view && route ? { path: PATHS[view], titleKey: route.titleKey } : null
}

/** What a write did: rows, Stichtag, asOf, audit entry, whether it was a repeat; and where to see it. */
export const ReceiptPanel = forwardRef<HTMLDivElement, { receipt: Receipt; datasetId: string; onAnother: () => void }>(
  function ReceiptPanel({ receipt, datasetId, onAnother }, ref) {
    const { t } = useI18n()
    const f = useFormat()
    const dashboard = dashboardOf(datasetId)
    return (
      <div ref={ref} tabIndex={-1} className="kern-alert kern-alert--success de-receipt" role="status" data-testid="de-receipt">
        <div className="kern-alert__header">
          <span className="kern-icon kern-icon--success" aria-hidden="true" />
          <h2 className="kern-title">{receipt.replayed ? t('dataEntry.receiptReplayedTitle') : t('dataEntry.receiptTitle')}</h2>
        </div>
        <div className="kern-alert__body">
          <dl className="de-facts de-facts--receipt">
            <div>
              <dt>{t('dataEntry.receiptDataset')}</dt>
              <dd>{receipt.dataset}</dd>
            </div>
            <div>
              <dt>{t('dataEntry.receiptRows')}</dt>
              <dd data-testid="de-receipt-rows">{f.number(receipt.rowCount)}</dd>
            </div>
            <div>
              <dt>{t('dataEntry.receiptStichtag')}</dt>
              <dd data-testid="de-receipt-stichtag">{f.date(receipt.stichtag)}</dd>
            </div>
            <div>
              <dt>{t('dataEntry.receiptAsOf')}</dt>
              <dd>{f.dateTime(receipt.asOf)}</dd>
            </div>
            <div>
              <dt>{t('dataEntry.receiptAudit')}</dt>
              <dd data-testid="de-receipt-audit">{receipt.auditId}</dd>
            </div>
            <div>
              <dt>{t('dataEntry.receiptReplayed')}</dt>
              <dd data-testid="de-receipt-replayed">{receipt.replayed ? t('dataEntry.yes') : t('dataEntry.no')}</dd>
            </div>
          </dl>
          <div className="de-actions">
            {dashboard && (
              <Link href={`~${dashboard.path}`} className="kern-link de-receipt__link">
                {t('dataEntry.toDashboard', { view: t(dashboard.titleKey) })}
              </Link>
            )}
            <button type="button" className="kern-btn kern-btn--secondary" onClick={onAnother}>
              <span className="kern-label">{t('dataEntry.another')}</span>
            </button>
          </div>
        </div>
      </div>
    )
  },
)
