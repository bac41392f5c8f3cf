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
}

export const routes: readonly ViewRoute[] = [
  { name: 'overview', path: PATHS.overview, titleKey: 'nav.overview', component: lazy(() => import('./views/overview/OverviewView')) },
  { name: 'education', path: PATHS.education, titleKey: 'nav.education', component: lazy(() => import('./views/education/EducationView')) },
  { name: 'warning', path: PATHS.warning, titleKey: 'nav.warning', component: lazy(() => import('./views/warning/WarningView')) },
  { name: 'districts', path: PATHS.districts, titleKey: 'nav.districts', component: lazy(() => import('./views/districts/DistrictsView')) },
]

export const isRegistered = (name: ViewName): boolean => routes.some(r => r.name === name)

export const routeOf = (name: ViewName): ViewRoute | undefined => routes.find(r => r.name === name)
