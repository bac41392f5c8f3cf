import { Fragment, useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { Provider } from 'urql'
import { useAuth } from '../auth/AuthProvider'
import { callerKey } from '../sw/role-key'
import { createGraphQLClient } from './client'

/**
 * Provides the urql client of the current caller; waits until the sign-in state is known.
 *
 * The views below are mounted afresh when the caller changes (role switch, sign-in, sign-out) or the access policy
 * does: urql's hooks keep their last answer while the next one is on its way, and a paused query keeps it for good.
 * Kept across a caller change, the previous role's answers would be shown to the new one, and `useCanSee` would
 * answer from the previous role's schema, so an operation over fields the new role does not see would be sent
 * (and rejected). A renewed token of the same caller only gets a new client; what is on screen stays.
 */
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
  const caller = `${generation}:${callerKey(token)}`
  if (!ready) return <>{fallback}</>
  return (
    <Provider value={client}>
      <Fragment key={caller}>{children}</Fragment>
    </Provider>
  )
}
