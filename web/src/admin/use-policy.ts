import { useQuery } from 'urql'
import { graphql } from '../gql-admin'
import type { AdminPolicyQuery } from '../gql-admin/graphql'

// The policy as the admin API has it now: version, roles, grants and row rules. Every editing section reads it here
// and sends the version it showed as `expectedVersion`.

export const AdminPolicy = graphql(`
  query AdminPolicy {
    policy {
      version
      roles {
        name
        description
        scopes
        aggregateOnly
        admin
        validFrom
        validUntil
      }
      grants {
        role
        coordinate
        effect
        validUntil
      }
      rowRules {
        role
        coordinate
        condition
      }
    }
  }
`)

export type Policy = AdminPolicyQuery['policy']
export type PolicyRole = Policy['roles'][number]
export type PolicyGrant = Policy['grants'][number]

export function usePolicy() {
  const [result, reexecute] = useQuery({ query: AdminPolicy })
  return {
    policy: result.data?.policy ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  }
}
