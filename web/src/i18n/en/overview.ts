import type { Messages } from '../types'

const overview: Messages<'overview'> = {
  title: 'Overview',
  lead: "The city's key figures at a glance – each tile leads to its area.",
}
export default overview
