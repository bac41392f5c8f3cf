import { Link } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { isRegistered, PATHS } from '../routes'

export function Footer() {
  const { t } = useI18n()
  return (
    <footer className="app-footer">
      <div className="container app-footer__inner">
        <p className="kern-body kern-body--small">{t('common.footerData')}</p>
        <ul className="app-footer__links">
          <li>
            <a className="kern-link" href="/graphiql">
              {t('common.footerApi')}: /graphql
            </a>
          </li>
          {isRegistered('catalog') && (
            <li>
              <Link className="kern-link" href={PATHS.catalog}>
                {t('common.footerCatalog')}
              </Link>
            </li>
          )}
        </ul>
      </div>
    </footer>
  )
}
