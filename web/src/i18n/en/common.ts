import type { Messages } from '../types'

const common: Messages<'common'> = {
  appName: 'KLAR',
  appTagline: 'City key figures',
  cityPrefix: 'City of',
  skipToContent: 'Skip to content',
  menu: 'Menu',
  menuClose: 'Close menu',
  mainNavigation: 'Main navigation',
  language: 'Language',
  languageGerman: 'Deutsch',
  languageEnglish: 'English',
  footerData: "All figures come from the Stadtgraph, the city administration's GraphQL interface.",
  footerApi: 'Interface',
  footerCatalog: 'Data catalogue',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no view at this address. The overview may help.',
  notFoundBack: 'To the overview',
  loadingView: 'Loading view …',
  viewFailed: 'This view could not be loaded.',
  reload: 'Reload',
  more: 'More',
  moreAbout: 'More on {topic}',
}
export default common
