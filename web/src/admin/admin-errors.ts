import type { CombinedError } from 'urql'
import type { MessageKey } from '../i18n'
import type { Params } from '../i18n'

// What went wrong with an admin API call, as the console shows it. The admin API answers coded errors
// (docs/errors.md): INVALID_POLICY with a JSON pointer at the offending input (`/scopes/1`), VERSION_CONFLICT (409)
// when the change was made against an older policy version, PENDING_APPROVAL with the id of the change that now
// waits for a second administrator.

export interface AdminProblem {
  /** extensions.code, or `network` / `unknown`. */
  code: string
  /** The server's own message (English, precise). */
  serverMessage: string
  /** INVALID_POLICY: where in the input (a JSON pointer such as `/scopes/1` or `/name`). */
  pointer: string | null
  /** PENDING_APPROVAL: the waiting change's id. */
  changeId: number | null
}

const KNOWN = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_POLICY',
  'VERSION_CONFLICT',
  'PENDING_APPROVAL',
  'POLICY_STORE_UNAVAILABLE',
  'BAD_USER_INPUT',
])

export function adminProblem(error: CombinedError | undefined | null): AdminProblem | null {
  if (!error) return null
  const first = error.graphQLErrors[0]
  if (!first) return { code: 'network', serverMessage: error.networkError?.message ?? error.message, pointer: null, changeId: null }
  const ext = first.extensions ?? {}
  return {
    code: typeof ext.code === 'string' ? ext.code : 'unknown',
    serverMessage: first.message,
    pointer: typeof ext.pointer === 'string' ? ext.pointer : null,
    changeId: typeof ext.changeId === 'number' ? ext.changeId : null,
  }
}

/** The problem in German (or English) words. */
export function problemText(t: (key: MessageKey, params?: Params) => string, p: AdminProblem): string {
  if (p.code === 'network') return t('admin.error.network')
  if (!KNOWN.has(p.code)) return t('admin.error.unknown', { message: p.serverMessage })
  return t(`admin.error.${p.code}` as MessageKey, { message: p.serverMessage, changeId: p.changeId ?? '?' })
}

export const isVersionConflict = (p: AdminProblem | null): boolean => p?.code === 'VERSION_CONFLICT'
export const isPendingApproval = (p: AdminProblem | null): p is AdminProblem & { changeId: number } =>
  p?.code === 'PENDING_APPROVAL' && p.changeId !== null
