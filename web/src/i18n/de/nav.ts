// Titles of the views (navigation, page title). A view's key is named after its route (web/src/routes.ts).
export default {
  overview: 'Übersicht',
  fazit: 'Haushalt (FAZIT)',
  asylum: 'Asyl (ASYLCUBE)',
  population: 'Bevölkerung & Integration',
  education: 'Bildung',
  social: 'Soziales & Gesundheit',
  lighting: 'Straßenbeleuchtung',
  warning: 'Warnmelder',
  districts: 'Stadtteile',
  catalog: 'Datenkatalog',
}
