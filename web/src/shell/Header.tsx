import { useEffect, useId, useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { CITY } from '../config'
import { useI18n } from '../i18n/I18nProvider'
import { routes } from '../routes'
import { LanguageSwitch } from './LanguageSwitch'
import { RoleControl } from './RoleControl'
import { useIsAdmin } from '../admin/admin-access'
import { DATA_ENTRY_PATH } from '../routes'
import { useDataEntryAccess } from '../data-entry/access'

/**
 * The page head: the app and the city, language and role, and the navigation over the registered views. On phones
 * the navigation folds into a menu button (Escape closes it and returns focus to the button); from 768 px on it is
 * a row of links.
 */
export function Header() {
  const { t } = useI18n()
  const [location] = useLocation()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const navId = useId()
  const { admin } = useIsAdmin()
  const dataEntry = useDataEntryAccess() === 'granted'

  useEffect(() => setOpen(false), [location])

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])

  return (
    <header className="app-header">
      <div className="app-header__bar container">
        <Link href="/" className="brand" aria-label={`${t('common.appName')} – ${t('common.appTagline')}, ${CITY.name}`}>
          <span className="brand__mark" aria-hidden="true">
            K
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('common.appName')}</span>
            <span className="brand__city">
              {t('common.cityPrefix')} {CITY.name}
            </span>
          </span>
        </Link>
        <div className="app-header__controls">
          <LanguageSwitch />
          <RoleControl />
        </div>
        {routes.length > 1 && (
          <button
            ref={button}
            type="button"
            className="menu-btn"
            aria-expanded={open}
            aria-controls={navId}
            onClick={() => setOpen(o => !o)}
          >
            <span className={`kern-icon ${open ? 'kern-icon--close' : 'kern-icon--dehaze'}`} aria-hidden="true" />
            <span>{open ? t('common.menuClose') : t('common.menu')}</span>
          </button>
        )}
      </div>
      <nav id={navId} className={`app-nav${open ? ' app-nav--open' : ''}`} aria-label={t('common.mainNavigation')}>
        <ul className="app-nav__list container">
          {routes.map(r => (
            <li key={r.path}>
              <Link href={r.path} className="app-nav__link" aria-current={location === r.path ? 'page' : undefined}>
                {t(r.titleKey)}
              </Link>
            </li>
          ))}
          {admin && (
            <li>
              <Link href="/verwaltung" className="app-nav__link" aria-current={location.startsWith('/verwaltung') ? 'page' : undefined}>
                {t('admin.headerLink')}
              </Link>
            </li>
          )}
          {dataEntry && (
            <li>
              <Link
                href={DATA_ENTRY_PATH}
                className="app-nav__link"
                aria-current={location === DATA_ENTRY_PATH || location.startsWith(`${DATA_ENTRY_PATH}/`) ? 'page' : undefined}
              >
                {t('dataEntry.navLink')}
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  )
}
