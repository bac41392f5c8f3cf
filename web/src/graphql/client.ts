import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql'

// The app's one GraphQL client for the gateway's endpoint. A new client (and so an empty cache) per token: switching
// role or signing in refetches everything as the new caller. The gateway names the access policy version in each
// answer (extensions.policyVersion); when it changes (an administrator granted or revoked something), the app starts
// a new client too, so a granted figure appears without a reload.

export const GRAPHQL_URL = '/graphql'

export function createGraphQLClient(token: string | null, onPolicyVersion: (version: number) => void): Client {
  return new Client({
    url: GRAPHQL_URL,
    // POST only: the gateway answers a browser's GET with GraphiQL.
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          const version = (result.extensions as { policyVersion?: unknown } | undefined)?.policyVersion
          if (typeof version === 'number') onPolicyVersion(version)
        },
      }),
      fetchExchange,
    ],
  })
}
