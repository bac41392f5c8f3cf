import { useI18n } from '../../i18n/I18nProvider'

export default function OverviewView() {
  const { t } = useI18n()
  return (
    <section className="view view--overview" aria-labelledby="overview-title">
      <header className="view__header">
        <h1 id="overview-title" className="kern-heading kern-heading-large view__title">
          {t('overview.title')}
        </h1>
        <p className="kern-body view__lead">{t('overview.lead')}</p>
      </header>
    </section>
  )
}
