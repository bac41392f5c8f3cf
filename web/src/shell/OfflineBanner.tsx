import { useEffect, useSyncExternalStore } from 'react'
import { useAuth } from '../auth/AuthProvider'
import { useI18n } from '../i18n/I18nProvider'
import { offlineState, reportCaller } from '../sw/register'

/**
 * "offline – Stand …": shown while the figures on screen are the last ones loaded (the service worker answered from
 * its store because the network failed), with the time the oldest of them was received. Also tells the worker the
 * current caller once sign-in has settled, so it drops every other caller's answers.
 */
export function OfflineBanner() {
  const { t, locale } = useI18n()
  const { ready, token } = useAuth()
  const { since } = useSyncExternalStore(offlineState.subscribe, offlineState.get)

  useEffect(() => {
    if (ready) reportCaller(token)
  }, [ready, token])

  if (since === null) return null
  const time = new Date(since).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="offline-banner" role="status">
      <div className="container offline-banner__inner">
        <strong className="offline-banner__title">{t('offline.banner', { time })}</strong>
        <span className="offline-banner__text">{t('offline.explanation')}</span>
      </div>
    </div>
  )
}
