// The app's one string catalogue: German (default) and English, split by namespace. A view adds its namespace as
// de/<namespace>.ts and en/<namespace>.ts and registers both here; a key missing in English fails the typecheck.
import type { Catalogue, Lang, MessageKey } from './types'
import deAuth from './de/auth'
import deCommon from './de/common'
import deFigures from './de/figures'
import deNav from './de/nav'
import deOffline from './de/offline'
import deOverview from './de/overview'
import enAuth from './en/auth'
import enCommon from './en/common'
import enFigures from './en/figures'
import enNav from './en/nav'
import enOffline from './en/offline'
import enOverview from './en/overview'

export const de = {
  auth: deAuth,
  common: deCommon,
  figures: deFigures,
  nav: deNav,
  offline: deOffline,
  overview: deOverview,
}

const en: Catalogue = {
  auth: enAuth,
  common: enCommon,
  figures: enFigures,
  nav: enNav,
  offline: enOffline,
  overview: enOverview,
}

export const catalogues: Record<Lang, Catalogue> = { de, en }
export const LANGS: readonly Lang[] = ['de', 'en']
export type { Catalogue, Lang, MessageKey }

export type Params = Record<string, string | number>

/** The string for `key` in `lang` with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const dot = key.indexOf('.')
  const ns = key.slice(0, dot) as keyof Catalogue
  const table = catalogues[lang][ns] as Record<string, string>
  const text = table[key.slice(dot + 1)] ?? key
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text
}
