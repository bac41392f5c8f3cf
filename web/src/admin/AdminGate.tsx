import { lazy, Suspense, useEffect } from 'react'
import { Link } from 'wouter'
import { Loading } from '../components/States'
import { useI18n } from '../i18n/I18nProvider'
import { useIsAdmin } from './admin-access'

// The only part of the console in the app's main bundle: the guard at /verwaltung/*. The console itself (layout,
// client, sections) is a lazy chunk requested only once the gateway treats the signed-in token as an administrator (admin-access.ts); everyone else
// gets the 403 page and never downloads admin code.
const AdminConsole = lazy(() => import('./AdminConsole'))

export function Forbidden() {
  const { t } = useI18n()
  useEffect(() => {
    document.title = `${t('admin.forbiddenTitle')} – ${t('common.appName')}`
  }, [t])
  return (
    <section className="view view--forbidden" aria-labelledby="forbidden-title" data-status="403">
      <h1 id="forbidden-title" className="kern-heading kern-heading-large">
        {t('admin.forbiddenTitle')}
      </h1>
      <p className="kern-body">{t('admin.forbiddenText')}</p>
      <p>
        <Link href="/" className="kern-link">
          {t('admin.forbiddenBack')}
        </Link>
      </p>
    </section>
  )
}

export default function AdminGate() {
  const { t } = useI18n()
  const { ready, admin } = useIsAdmin()
  if (!ready) return <Loading label={t('admin.loading')} />
  if (!admin) return <Forbidden />
  return (
    <Suspense fallback={<Loading label={t('admin.loading')} />}>
      <AdminConsole />
    </Suspense>
  )
}
