import { useEffect, type ReactNode } from 'react'
import { Link, useLocation } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { sectionAt, sections } from './sections'

/**
 * The console's frame: the title, the section navigation (a column beside the section from 900 px on, a wrapping
 * list of large links above it on a phone) and the section. Names the page after the section.
 */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const [location] = useLocation()
  const current = sectionAt(location)
  useEffect(() => {
    document.title = `${current ? t(current.titleKey) : t('admin.title')} – ${t('admin.title')} – ${t('common.appName')}`
  }, [current, t])
  return (
    <div className="admin">
      <nav className="admin__nav" aria-label={t('admin.consoleNavigation')}>
        <ul className="admin__nav-list">
          <li>
            <Link href="/verwaltung" className="admin__nav-link" aria-current={location === '/verwaltung' ? 'page' : undefined}>
              {t('admin.startTitle')}
            </Link>
          </li>
          {sections.map(s => (
            <li key={s.id}>
              <Link href={s.path} className="admin__nav-link" aria-current={location === s.path ? 'page' : undefined}>
                {t(s.titleKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin__section">{children}</div>
    </div>
  )
}
