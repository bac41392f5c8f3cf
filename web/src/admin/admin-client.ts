import { Client, fetchExchange, useClient } from 'urql'
import { ADMIN_GRAPHQL_URL } from './admin-access'

// The console's GraphQL client for the admin API (POST /admin/graphql, auth/policy/admin-schema.ts), carrying the
// signed-in token. No cache: an administrator always sees the policy as it is now, and every screen refetches
// after its own writes. The service worker leaves /admin/graphql alone (it keeps only /graphql answers).

export { ADMIN_GRAPHQL_URL }

export function createAdminClient(token: string | null): Client {
  return new Client({
    url: ADMIN_GRAPHQL_URL,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' }),
    exchanges: [fetchExchange],
  })
}

/** The admin client the console provides (AdminConsole.tsx): for imperative queries and mutations. */
export const useAdminClient = (): Client => useClient()
