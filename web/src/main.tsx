import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider } from './auth/AuthProvider'
import { loadAuthConfig } from './auth/config'
import { I18nProvider } from './i18n/I18nProvider'
import { App } from './shell/App'
import { preloadView } from './shell/preload'
import { registerServiceWorker } from './sw/register'
import './styles/fonts.css'
import '@kern-ux/native/dist/kern.min.css'
import './styles/app.css'

const root = document.getElementById('root')!

if (window.location.pathname === '/auth/silent') {
  // The hidden frame of an OIDC silent renew: hand the provider's answer to the app, render nothing.
  void loadAuthConfig().then(async cfg => {
    if (cfg.mode === 'oidc') await (await import('./auth/oidc')).silentCallback(cfg)
  })
} else {
  // Installable and readable offline (web/src/sw/sw.ts); only the built app has a worker.
  registerServiceWorker()
  // The view's chunk loads alongside /auth/config instead of after it.
  preloadView(window.location.pathname)
  // Rendered as a transition: React works in slices of a few milliseconds and lets the browser paint and take input
  // in between, instead of one long task while the first screen is built (Total Blocking Time on a slow phone).
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider>
          <AuthProvider>
            <App />
          </AuthProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  )
}
