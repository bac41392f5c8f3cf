// The app's one string catalogue: German (default) and English, split by namespace. A view adds its namespace as
// de/<namespace>.ts and en/<namespace>.ts and registers both here; a key missing in English fails the typecheck.
import type { Catalogue, Lang, MessageKey } from './types'
import deAsylum from './de/asylum'
import deAuth from './de/auth'
import deCatalog from './de/catalog'
import deCommon from './de/common'
import deFazit from './de/fazit'
import deDistricts from './de/districts'
import deEducation from './de/education'
import deFigures from './de/figures'
import deLighting from './de/lighting'
import deNav from './de/nav'
import deOffline from './de/offline'
import deOverview from './de/overview'
import dePopulation from './de/population'
import deSocial from './de/social'
import enAsylum from './en/asylum'
import deWarning from './de/warning'
import deAdmin from './de/admin'
import enAdmin from './en/admin'
import enAuth from './en/auth'
import enCatalog from './en/catalog'
import enCommon from './en/common'
import enFazit from './en/fazit'
import enDistricts from './en/districts'
import enEducation from './en/education'
import enFigures from './en/figures'
import enLighting from './en/lighting'
import enNav from './en/nav'
import enOffline from './en/offline'
import enOverview from './en/overview'
import enPopulation from './en/population'
import enSocial from './en/social'
import enWarning from './en/warning'
import deDataEntry from './de/dataEntry'
import enDataEntry from './en/dataEntry'

export const de = {
  asylum: deAsylum,
  auth: deAuth,
  catalog: deCatalog,
  common: deCommon,
  fazit: deFazit,
  districts: deDistricts,
  education: deEducation,
  figures: deFigures,
  lighting: deLighting,
  nav: deNav,
  offline: deOffline,
  overview: deOverview,
  population: dePopulation,
  social: deSocial,
  warning: deWarning,
  admin: deAdmin,
  dataEntry: deDataEntry,
}

const en: Catalogue = {
  asylum: enAsylum,
  auth: enAuth,
  catalog: enCatalog,
  common: enCommon,
  fazit: enFazit,
  districts: enDistricts,
  education: enEducation,
  figures: enFigures,
  lighting: enLighting,
  nav: enNav,
  offline: enOffline,
  overview: enOverview,
  population: enPopulation,
  social: enSocial,
  warning: enWarning,
  admin: enAdmin,
  dataEntry: enDataEntry,
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
