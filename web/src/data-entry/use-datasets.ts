import { useCallback, useEffect, useState } from 'react'
import { useAuth } from '../auth/AuthProvider'
import { writableDatasets } from './access'
import type { DatasetForm } from './types'

/** The datasets the signed-in user may write (the guard already asked; this reuses its answer). */
export function useWritableDatasets(): { datasets: DatasetForm[] | null; loading: boolean } {
  const { token } = useAuth()
  const [state, setState] = useState<{ token: string | null; datasets: DatasetForm[] | null; loading: boolean }>({
    token,
    datasets: null,
    loading: true,
  })
  useEffect(() => {
    let live = true
    void writableDatasets(token).then(datasets => live && setState({ token, datasets, loading: false }))
    return () => {
      live = false
    }
  }, [token])
  return state.token === token ? state : { datasets: null, loading: true }
}

/** Something asked again on demand (history after a write). */
export function useReload(): [number, () => void] {
  const [n, setN] = useState(0)
  return [n, useCallback(() => setN(x => x + 1), [])]
}
