import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql'

/** The operation a request runs (the named one, or the first) and the document's fragments by name. */
export function splitDocument(
  document: DocumentNode,
  operationName: string | null | undefined,
): {
  operation: OperationDefinitionNode | undefined
  fragments: Map<string, FragmentDefinitionNode>
} {
  const fragments = new Map<string, FragmentDefinitionNode>()
  let operation: OperationDefinitionNode | undefined
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
    else if (def.kind === Kind.OPERATION_DEFINITION && !operation && (!operationName || def.name?.value === operationName)) operation = def
  }
  return { operation, fragments }
}
