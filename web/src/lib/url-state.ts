// A view's state in its address (district, year, product area): shareable and bookmarkable. Used by FAZIT,
// Straßenbeleuchtung, the Datenkatalog and the admin console's Zugriffsmatrix.

import { useSearchParams } from 'wouter'

/** One query parameter of the view's address as state: shareable, bookmarkable, replaced in place on change. */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const set = (value: string | null) =>
    setParams(
      prev => {
        const next = new URLSearchParams(prev)
        if (value == null || value === '') next.delete(name)
        else next.set(name, value)
        return next
      },
      { replace: true },
    )
  return [params.get(name), set]
}

/** A year from the address when it is a whole number within [min, max], else the fallback. */
export function yearParam(raw: string | null, min: number, max: number, fallback: number): number {
  const n = raw && /^\d{4}$/.test(raw) ? Number(raw) : NaN
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback
}
