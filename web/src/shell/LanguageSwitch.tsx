import { useI18n } from '../i18n/I18nProvider'
import { LANGS, type Lang } from '../i18n'

const SHORT: Record<Lang, string> = { de: 'DE', en: 'EN' }

/** DE | EN as a group of toggle buttons; each names its language in that language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  const names: Record<Lang, { text: string; lang: Lang }> = {
    de: { text: t('common.languageGerman'), lang: 'de' },
    en: { text: t('common.languageEnglish'), lang: 'en' },
  }
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LANGS.map(l => (
        <button
          key={l}
          type="button"
          className="lang-switch__btn"
          aria-pressed={l === lang}
          lang={names[l].lang}
          aria-label={names[l].text}
          onClick={() => setLang(l)}
        >
          {SHORT[l]}
        </button>
      ))}
    </div>
  )
}
