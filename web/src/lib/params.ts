import { useCallback } from 'react'
import { useSearchParams } from 'wouter'

/**
 * A view's state as a query parameter of its address (`?jahr=2025`), so a link shares exactly what is on screen.
 * Values outside `allowed` fall back to `fallback`; choosing the fallback removes the parameter.
 */
export function useParam<T extends string>(name: string, allowed: readonly T[], fallback: T): [T, (next: T) => void] {
  const [params, setParams] = useSearchParams()
  const raw = params.get(name)
  const value = raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback
  const set = useCallback(
    (next: T) =>
      setParams(
        p => {
          const q = new URLSearchParams(p)
          if (next === fallback) q.delete(name)
          else q.set(name, next)
          return q
        },
        { replace: true },
      ),
    [name, fallback, setParams],
  )
  return [value, set]
}
