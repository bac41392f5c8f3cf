import { Component, Suspense, useEffect, useRef, type ReactNode } from 'react'
import { Route, Switch, useLocation } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { GraphQLProvider } from '../graphql/GraphQLProvider'
import { Loading } from '../components/States'
import { routes } from '../routes'
import { Header } from './Header'
import { Footer } from './Footer'
import { OfflineBanner } from './OfflineBanner'
import { viewComponent } from './preload'
import './shell.css'
import NotFoundView from '../views/not-found/NotFoundView'
import AdminGate from '../admin/AdminGate'
import DataEntryGate from '../data-entry/Gate'
import { DATA_ENTRY_PATH } from '../routes'

/** One stable component per view (see ./preload.tsx). */
const views = routes.map(r => ({ path: r.path, component: viewComponent(r) }))

class ViewBoundary extends Component<{ fallback: (retry: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children
  }
}

/** Page title per view, and focus on the main area after a navigation (not on the first load). */
function useViewFocus(main: React.RefObject<HTMLElement | null>) {
  const [location] = useLocation()
  const { t } = useI18n()
  const first = useRef(true)
  const route = routes.find(r => r.path === location)
  useEffect(() => {
    if (location === '/verwaltung' || location.startsWith('/verwaltung/')) return // the console names its pages itself
    const dataEntry = location === DATA_ENTRY_PATH || location.startsWith(`${DATA_ENTRY_PATH}/`)
    const title = route
      ? t(route.titleKey)
      : location.startsWith('/auth/')
        ? t('auth.signingIn')
        : dataEntry
          ? t('dataEntry.title')
          : t('common.notFoundTitle')
    document.title = `${title} – ${t('common.appName')}`
  }, [route, location, t])
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: false })
  }, [location, main])
}

export function App() {
  const { t } = useI18n()
  const main = useRef<HTMLElement>(null)
  useViewFocus(main)
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Header />
      <OfflineBanner />
      <main id="main" ref={main} tabIndex={-1} className="app-main container">
        <GraphQLProvider fallback={<Loading label={t('common.loadingView')} />}>
          <ViewBoundary
            fallback={retry => (
              <div className="kern-alert kern-alert--danger" role="alert">
                <div className="kern-alert__header">
                  <span className="kern-title">{t('common.viewFailed')}</span>
                </div>
                <div className="kern-alert__body">
                  <button type="button" className="kern-btn kern-btn--secondary" onClick={() => (retry(), window.location.reload())}>
                    <span className="kern-label">{t('common.reload')}</span>
                  </button>
                </div>
              </div>
            )}
          >
            <Suspense fallback={<Loading label={t('common.loadingView')} />}>
              <Switch>
                {views.map(r => (
                  <Route key={r.path} path={r.path} component={r.component} />
                ))}
                <Route path="/verwaltung" component={AdminGate} />
                <Route path="/verwaltung/*" component={AdminGate} />
                <Route path="/auth/callback">
                  <Loading label={t('auth.signingIn')} />
                </Route>
                <Route path={DATA_ENTRY_PATH} nest component={DataEntryGate} />
                <Route component={NotFoundView} />
              </Switch>
            </Suspense>
          </ViewBoundary>
        </GraphQLProvider>
      </main>
      <Footer />
    </>
  )
}
