// Messages between the app and its service worker (web/src/sw/sw.ts).

/** App → worker: the caller now signed in; the worker drops every kept answer of any other caller. */
export interface CallerMessage {
  type: 'klar:caller'
  caller: string
}

/** Worker → page: an answer came from the network (the page is online again). */
export interface OnlineMessage {
  type: 'klar:online'
}

/** Worker → page: the network failed and a kept answer was given instead; `storedAt` is when it was received. */
export interface OfflineMessage {
  type: 'klar:offline'
  storedAt: number
}

export type WorkerMessage = OnlineMessage | OfflineMessage

export const isWorkerMessage = (data: unknown): data is WorkerMessage =>
  typeof data === 'object' &&
  data !== null &&
  ((data as { type?: unknown }).type === 'klar:online' || (data as { type?: unknown }).type === 'klar:offline')
