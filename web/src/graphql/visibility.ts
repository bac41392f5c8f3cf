import { useQuery } from 'urql'
import { graphql } from '../gql'

// The gateway shows each role its own schema: a field the role may not see does not exist for it, and an operation
// asking for it fails validation. Views ask which fields of a type the caller sees and send the operation for the
// hidden parts only when they are visible, so a figure a role cannot see is absent, never an error.

const TypeFieldsQuery = graphql(`
  query TypeFields($name: String!) {
    __type(name: $name) {
      name
      fields {
        name
      }
    }
  }
`)

/** The fields of `typeName` the caller may see (null while loading or when the type is hidden). */
export function useVisibleFields(typeName: string): { fields: ReadonlySet<string> | null; fetching: boolean } {
  const [{ data, fetching }] = useQuery({ query: TypeFieldsQuery, variables: { name: typeName } })
  const fields = data?.__type?.fields ? new Set(data.__type.fields.map(f => f.name)) : null
  return { fields, fetching }
}

/** Whether the caller sees every one of `coordinates` (`Type.field`); undefined while not known yet. */
export function useCanSee(typeName: string, ...fieldNames: string[]): boolean | undefined {
  const { fields, fetching } = useVisibleFields(typeName)
  if (fetching && !fields) return undefined
  return !!fields && fieldNames.every(f => fields.has(f))
}
