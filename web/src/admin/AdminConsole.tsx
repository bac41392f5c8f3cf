import { lazy, Suspense, useMemo, type ComponentType } from 'react'
import { Provider } from 'urql'
import { Route, Switch } from 'wouter'
import { useAuth } from '../auth/AuthProvider'
import { Loading } from '../components/States'
import { useI18n } from '../i18n/I18nProvider'
import { createAdminClient } from './admin-client'
import { AdminLayout } from './AdminLayout'
import { AdminStart } from './AdminStart'
import { sections } from './sections'
import './admin.css'

// The console (a lazy chunk, loaded by AdminGate for admins only): the admin API's client, the layout with the
// section navigation, and each section as a lazy chunk of its own.

const routed: Array<{ path: string; component: ComponentType }> = sections.map(s => ({ path: s.path, component: lazy(s.load) }))

function UnknownSection() {
  const { t } = useI18n()
  return <p className="kern-body">{t('admin.notFound')}</p>
}

export default function AdminConsole() {
  const { token } = useAuth()
  const { t } = useI18n()
  const client = useMemo(() => createAdminClient(token), [token])
  return (
    <Provider value={client}>
      <AdminLayout>
        <Suspense fallback={<Loading label={t('admin.loading')} />}>
          <Switch>
            <Route path="/verwaltung" component={AdminStart} />
            {routed.map(r => (
              <Route key={r.path} path={r.path} component={r.component} />
            ))}
            <Route component={UnknownSection} />
          </Switch>
        </Suspense>
      </AdminLayout>
    </Provider>
  )
}
