import { callerKey } from './role-key'
import { isWorkerMessage, type CallerMessage } from './protocol'

// The page's side of the service worker (./sw.ts): registration (built app only; the dev server has no /sw.js),
// the offline state the worker reports, and the caller whose answers the worker may keep.

/** True in a build (web/vite.config.ts defines it), false on the dev server. */
declare const __KLAR_SERVICE_WORKER__: boolean
export const WITH_SERVICE_WORKER = __KLAR_SERVICE_WORKER__

export interface OfflineState {
  /** When the oldest answer shown from the worker's store was received (ms since epoch); null while online. */
  since: number | null
}

let state: OfflineState = { since: null }
const listeners = new Set<() => void>()

function set(next: OfflineState) {
  if (next.since === state.since) return
  state = next
  for (const l of listeners) l()
}

export const offlineState = {
  get: (): OfflineState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** Registers /sw.js and listens to what it reports. Call once, before the first GraphQL request. */
export function registerServiceWorker(): void {
  if (!WITH_SERVICE_WORKER || !('serviceWorker' in navigator)) return
  const sw = navigator.serviceWorker
  sw.addEventListener('message', event => {
    const data: unknown = event.data
    if (!isWorkerMessage(data)) return
    if (data.type === 'klar:online') set({ since: null })
    else set({ since: state.since === null ? data.storedAt : Math.min(state.since, data.storedAt) })
  })
  // Messages sent before this listener existed are delivered now.
  sw.startMessages()
  sw.register('/sw.js', { scope: '/' }).catch(() => {
    // No worker (private mode, storage disabled): the app works, only not offline.
  })
}

/** Tells the worker who the caller is now (sign-in, role switch, sign-out): it keeps only this caller's answers. */
export function reportCaller(token: string | null): void {
  if (!WITH_SERVICE_WORKER || !('serviceWorker' in navigator)) return
  const message: CallerMessage = { type: 'klar:caller', caller: callerKey(token) }
  void navigator.serviceWorker.ready.then(reg => reg.active?.postMessage(message))
}
