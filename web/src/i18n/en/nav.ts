import type { Messages } from '../types'

const nav: Messages<'nav'> = {
  overview: 'Overview',
  fazit: 'Budget (FAZIT)',
  asylum: 'Asylum (ASYLCUBE)',
  population: 'Population & integration',
  education: 'Education',
  social: 'Social affairs & health',
  lighting: 'Street lighting',
  warning: 'Warning gauge',
  districts: 'Districts',
  catalog: 'Data catalogue',
}
export default nav
