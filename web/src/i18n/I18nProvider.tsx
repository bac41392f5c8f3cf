import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { LANGS, translate, type Lang, type MessageKey, type Params } from './index'

const STORAGE_KEY = 'klar.lang'

export interface I18n {
  lang: Lang
  setLang: (lang: Lang) => void
  t: (key: MessageKey, params?: Params) => string
  /** Like t, with elements as parameters (a figure with its disclosure marks inside a sentence). */
  tn: (key: MessageKey, params: Record<string, ReactNode>) => ReactNode
  /** Locale for Intl formatting (de-DE, en-GB). */
  locale: string
}

const I18nContext = createContext<I18n | null>(null)

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v)

/** The language: `?lang=` in the URL (a shared link), else the one chosen before, else German. */
function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  try {
    if (isLang(fromUrl)) {
      // A link's language holds for the next visits too.
      window.localStorage.setItem(STORAGE_KEY, fromUrl)
      return fromUrl
    }
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (isLang(stored)) return stored
  } catch {
    // storage blocked (private mode): the link's language or German
  }
  return isLang(fromUrl) ? fromUrl : 'de'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // not persisted; the choice holds for this page
    }
    // A `lang` in the address follows the choice, so a copied link opens in the language on screen.
    const url = new URL(window.location.href)
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', next)
      window.history.replaceState(window.history.state, '', url)
    }
  }, [])

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tn: (key, params) =>
        translate(lang, key)
          .split(/\{(\w+)\}/)
          .map((part, i) => <Fragment key={i}>{i % 2 ? (params[part] ?? `{${part}}`) : part}</Fragment>),
      locale: lang === 'de' ? 'de-DE' : 'en-GB',
    }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
