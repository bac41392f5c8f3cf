import { buildASTSchema, GraphQLError, Kind, parse, validateSchema, type DocumentNode } from 'graphql'
import { ConfigError } from '../config.js'

/** A GraphQL error as one line, with where it is when graphql-js says. */
function oneLine(err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]
  const at = err instanceof GraphQLError && err.locations?.[0]
  return at ? `${message} (line ${at.line}, column ${at.column})` : message
}

/**
 * Refuses, with one line naming `source`, a text that is not a Federation v2 supergraph: not
 * GraphQL, an invalid schema, or a schema that declares no subgraph (`enum join__Graph`). Called at
 * start-up, so a wrong file is an operator's message and exit code 2, not a stack trace.
 */
export function checkSupergraph(sdl: string, source: string): void {
  let document: DocumentNode
  try {
    document = parse(sdl)
  } catch (err) {
    throw new ConfigError(`supergraph ${source} is not GraphQL: ${oneLine(err)}`)
  }
  let problems: readonly GraphQLError[]
  try {
    problems = validateSchema(buildASTSchema(document))
  } catch (err) {
    throw new ConfigError(`supergraph ${source} is not a valid schema: ${oneLine(err)}`)
  }
  if (problems.length) throw new ConfigError(`supergraph ${source} is not a valid schema: ${oneLine(problems[0])}`)
  const graphs = document.definitions.find(d => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph')
  if (!graphs || graphs.kind !== Kind.ENUM_TYPE_DEFINITION || !graphs.values?.length) {
    throw new ConfigError(
      `supergraph ${source} declares no subgraph (no join__Graph enum): compose a Federation v2 supergraph (npm run compose)`,
    )
  }
}
