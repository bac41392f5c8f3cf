import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { MessageKey } from './i18n'

// The app's views. Each is a lazy chunk of its own in web/src/views/<view>/, registered here once it is built
// (no placeholders in the navigation). Tiles and cross-links point at PATHS and show a link only for a
// registered view (`isRegistered`).

export const PATHS = {
  overview: '/',
  fazit: '/haushalt',
  asylum: '/asyl',
  population: '/bevoelkerung',
  education: '/bildung',
  social: '/soziales',
  lighting: '/strassenbeleuchtung',
  warning: '/warnmelder',
  districts: '/stadtteile',
  catalog: '/datenkatalog',
} as const

export type ViewName = keyof typeof PATHS

export interface ViewRoute {
  name: ViewName
  path: (typeof PATHS)[ViewName]
  titleKey: MessageKey
  component: LazyExoticComponent<ComponentType>
  /** Loads the view's chunk (the app starts it for the address it opens on, while sign-in is still settling). */
  load: () => Promise<unknown>
}

const view = (name: ViewName, titleKey: MessageKey, load: () => Promise<{ default: ComponentType }>): ViewRoute => ({
  name,
  path: PATHS[name],
  titleKey,
  component: lazy(load),
  load,
})

export const routes: readonly ViewRoute[] = [
  view('overview', 'nav.overview', () => import('./views/overview/OverviewView')),
  view('fazit', 'nav.fazit', () => import('./views/fazit/FazitView')),
  view('asylum', 'nav.asylum', () => import('./views/asylum/AsylumView')),
  view('population', 'nav.population', () => import('./views/population/PopulationView')),
  view('education', 'nav.education', () => import('./views/education/EducationView')),
  view('social', 'nav.social', () => import('./views/social/SocialView')),
  view('lighting', 'nav.lighting', () => import('./views/lighting/LightingView')),
  view('warning', 'nav.warning', () => import('./views/warning/WarningView')),
  view('districts', 'nav.districts', () => import('./views/districts/DistrictsView')),
  view('catalog', 'nav.catalog', () => import('./views/catalog/CatalogView')),
]

export const isRegistered = (name: ViewName): boolean => routes.some(r => r.name === name)

export const routeOf = (name: ViewName): ViewRoute | undefined => routes.find(r => r.name === name)

/**
 * Data entry for department staff, under /dateneingabe (not in the navigation's view list: its guard,
 * web/src/data-entry/Gate.tsx, decides per caller, and only staff load `loadDataEntry`'s chunk; others get the 403 page).
 */
export const DATA_ENTRY_PATH = '/dateneingabe'
export const loadDataEntry = () => import('./data-entry/DataEntryApp')

/** The dashboard view that shows a dataset (by the catalog id's schema prefix, e.g. asy.occupancy → /asyl). */
export const DATASET_VIEWS: Record<string, ViewName> = {
  asy: 'asylum',
  edu: 'education',
  fin: 'fazit',
  infra: 'lighting',
  soc: 'social',
  pop: 'population',
}
