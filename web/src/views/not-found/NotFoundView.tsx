import { Link } from 'wouter'
import { useI18n } from '../../i18n/I18nProvider'

export default function NotFoundView() {
  const { t } = useI18n()
  return (
    <section className="view view--not-found" aria-labelledby="nf-title">
      <h1 id="nf-title" className="kern-heading kern-heading-large">
        {t('common.notFoundTitle')}
      </h1>
      <p className="kern-body">{t('common.notFoundText')}</p>
      <p>
        <Link href="/" className="kern-link">
          {t('common.notFoundBack')}
        </Link>
      </p>
    </section>
  )
}
