import type { Stage } from './stage.js'

/**
 * A purpose (Zweckbindung) may also be declared per request (`x-stadtgraph-purpose`, at most 200
 * characters); it binds reads of personal data (checked by the `personal data` stage).
 */
export function purposeStage(): Stage {
  return {
    name: 'purpose',
    onRequest(request) {
      const header = request.req.headers['x-stadtgraph-purpose']
      const purpose = typeof header === 'string' ? header.trim().slice(0, 200) : ''
      if (purpose) request.principal = { ...request.principal!, purpose }
      return 'next'
    },
  }
}
