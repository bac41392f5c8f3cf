import { parse } from 'graphql'
import { composeServices } from '@theguild/federation-composition'
import { buildSubgraphSchema } from '../lib/subgraph/build-subgraph-schema.js'

export interface SubgraphSource {
  name: string
  url: string
  typeDefs: string
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Composition failed:\n${problems.map(p => `  - ${p}`).join('\n')}`)
  }
}

/**
 * Composes department SDLs (each completed with the shared value types, as served by `_service`)
 * into a Federation v2 supergraph. Throws CompositionError with one readable line per problem.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): string {
  const problems: string[] = []
  const inputs = subgraphs.map(s => {
    try {
      // Building the executable schema first catches SDL mistakes with the department's name on them.
      const { sdl } = buildSubgraphSchema(s.typeDefs, {})
      return { name: s.name, url: s.url, typeDefs: parse(sdl) }
    } catch (err) {
      problems.push(`[${s.name}] ${err instanceof Error ? err.message : String(err)}`)
      return null
    }
  })
  if (problems.length) throw new CompositionError(problems)
  const result = composeServices(inputs.filter(x => x !== null))
  if (result.errors?.length) throw new CompositionError(result.errors.map(e => e.message))
  if (!result.supergraphSdl) throw new CompositionError(['composition produced no supergraph'])
  return result.supergraphSdl
}
