import { lazy, Suspense } from 'react'
import { Link } from 'wouter'
import { Loading } from '../components/States'
import { useI18n } from '../i18n/I18nProvider'
import { loadDataEntry } from '../routes'
import { useDataEntryAccess } from './access'

// The guard in front of /dateneingabe/*: staff of a department get the screens (a chunk of their own, loaded only
// now); everyone else, signed in or not, gets the 403 page and never downloads them.

const DataEntryApp = lazy(loadDataEntry)

export function ForbiddenPage() {
  const { t } = useI18n()
  return (
    <section className="view view--forbidden" aria-labelledby="forbidden-title" data-testid="forbidden">
      <h1 id="forbidden-title" className="kern-heading kern-heading-large">
        {t('dataEntry.forbiddenTitle')}
      </h1>
      <p className="kern-body">{t('dataEntry.forbiddenCode')}</p>
      <p className="kern-body">{t('dataEntry.forbiddenText')}</p>
      <p>
        <Link href="~/" className="kern-link">
          {t('dataEntry.forbiddenBack')}
        </Link>
      </p>
    </section>
  )
}

export default function DataEntryGate() {
  const { t } = useI18n()
  const access = useDataEntryAccess()
  if (access === 'checking') return <Loading label={t('dataEntry.checkingAccess')} />
  if (access === 'denied') return <ForbiddenPage />
  return (
    <Suspense fallback={<Loading label={t('common.loadingView')} />}>
      <DataEntryApp />
    </Suspense>
  )
}
