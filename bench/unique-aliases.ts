import { Kind, parse, print, visit, type FieldNode, type OperationDefinitionNode } from 'graphql'

/**
 * Unique-document requests: every request sends a document no gateway has seen before, so each one is
 * parsed, validated and planned anew (and whatever caches those steps fill grow with every request).
 * The document differs only in the aliases of its root fields — `district` becomes `r17_district:
 * district`, a counter per request — so the work below the root, the variables and the subgraph calls
 * are those of a distinct request with the same variables.
 */
const MARK = '__uniqueAlias__'

export interface UniqueDocuments {
  /** The operation with its root fields aliased `r<n>_<response key>`. */
  document(n: number): string
  /** An answer's data with the aliases of request `n` taken off again, to compare with the plain answer. */
  unalias(data: Record<string, unknown>, n: number): Record<string, unknown>
}

export function uniqueDocuments(query: string): UniqueDocuments {
  if (query.includes(MARK)) throw new Error(`the operation already contains "${MARK}"`)
  const doc = parse(query)
  const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  if (operations.length !== 1) throw new Error(`expected one operation, found ${operations.length}`)
  let aliased = 0
  const template = print(
    visit(doc, {
      OperationDefinition: node => ({
        ...node,
        selectionSet: {
          ...node.selectionSet,
          selections: node.selectionSet.selections.map(s => {
            if (s.kind !== Kind.FIELD) return s
            aliased++
            const key = (s.alias ?? s.name).value
            return { ...s, alias: { kind: Kind.NAME, value: `${MARK}${key}` } } satisfies FieldNode
          }),
        },
      }),
    }),
  )
  if (!aliased) throw new Error('the operation has no root field to alias')
  const parts = template.split(MARK)
  return {
    document: n => parts.join(`r${n}_`),
    unalias: (data, n) => {
      const prefix = `r${n}_`
      return Object.fromEntries(Object.entries(data).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v]))
    },
  }
}
