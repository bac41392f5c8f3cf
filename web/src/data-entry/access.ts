import { useEffect, useState } from 'react'
import { useAuth } from '../auth/AuthProvider'
import type { DatasetForm } from './types'
import { tokenClaims } from '../auth/token-claims'
import { askOncePerToken } from '../auth/per-token'

// Who may open the data-entry screens: a signed-in user whose department lets them write (scope
// `<department>:write`, held by its staff). Scopes come from the role definitions on the server, not from the
// token, so the department is asked (GET /data-entry/datasets answers only the datasets the caller may write).
// A token without a department claim is never staff of one and is not asked about. This file is part of the
// main bundle; the screens themselves are a chunk loaded only once this says yes.

export const DATA_ENTRY_URL = '/data-entry'

export type Access = 'checking' | 'granted' | 'denied'

/**
 * The department's answer: its datasets the caller may write, `null` when it said no (a refusal, or none), and
 * `undefined` when it decided nothing (the gateway or the department failed, or the caller was rate limited).
 */
export async function datasetsOfAnswer(res: Response): Promise<DatasetForm[] | null | undefined> {
  if (res.status === 429 || res.status >= 500) return undefined
  if (!res.ok) return null
  const body = (await res.json().catch(() => undefined)) as { datasets?: unknown } | undefined
  if (!body || typeof body !== 'object') return undefined
  return Array.isArray(body.datasets) && body.datasets.length > 0 ? (body.datasets as DatasetForm[]) : null
}

const askDatasets = askOncePerToken<DatasetForm[] | null>(
  async token =>
    datasetsOfAnswer(
      await fetch(`${DATA_ENTRY_URL}/datasets`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }),
    ),
  null,
)

/** The datasets the caller may write (null: none, or the department said no); asked once per token (again after an answer that decided nothing). */
export function writableDatasets(token: string | null): Promise<DatasetForm[] | null> {
  if (!token) return Promise.resolve(null)
  const department = tokenClaims(token)?.department
  if (typeof department !== 'string' || department === '') return Promise.resolve(null)
  return askDatasets(token)
}

/** Whether the signed-in caller may open data entry. */
export function useDataEntryAccess(): Access {
  const { token, ready } = useAuth()
  const [state, setState] = useState<{ token: string | null; access: Access }>({ token: null, access: 'checking' })
  useEffect(() => {
    if (!ready) return
    let live = true
    void writableDatasets(token).then(d => {
      if (live) setState({ token, access: d ? 'granted' : 'denied' })
    })
    return () => {
      live = false
    }
  }, [token, ready])
  return ready && state.token === token ? state.access : 'checking'
}
