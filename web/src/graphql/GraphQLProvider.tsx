import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { Provider } from 'urql'
import { useAuth } from '../auth/AuthProvider'
import { createGraphQLClient } from './client'

/** Provides the urql client of the current caller; waits until the sign-in state is known. */
export function GraphQLProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { token, ready } = useAuth()
  const seen = useRef<number | null>(null)
  const [generation, setGeneration] = useState(0)

  const onPolicyVersion = useCallback((version: number) => {
    if (seen.current !== null && seen.current !== version) setGeneration(g => g + 1)
    seen.current = version
  }, [])

  // generation is part of the key: a new policy version means a fresh client and cache.
  const client = useMemo(() => createGraphQLClient(token, onPolicyVersion), [token, onPolicyVersion, generation])
  if (!ready) return <>{fallback}</>
  return <Provider value={client}>{children}</Provider>
}
