import { Link } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { sections } from './sections'
import { usePolicy } from './use-policy'

/** /verwaltung: what the console is for, the policy version in force, and every section. */
export function AdminStart() {
  const { t } = useI18n()
  const { policy } = usePolicy()
  return (
    <section aria-labelledby="admin-start-title">
      <h1 id="admin-start-title" className="kern-heading kern-heading-large">
        {t('admin.startTitle')}
      </h1>
      <p className="kern-body">{t('admin.startIntro')}</p>
      {policy && <p className="kern-body admin__version">{t('admin.policyVersion', { version: policy.version })}</p>}
      <h2 className="kern-heading kern-heading-medium">{t('admin.startSections')}</h2>
      <ul className="admin__start-list">
        {sections.map(s => (
          <li key={s.id}>
            <Link href={s.path} className="kern-link admin__start-link">
              {t(s.titleKey)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
