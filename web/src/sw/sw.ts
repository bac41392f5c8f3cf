// KLAR's service worker, built into dist/sw.js by the service-worker plugin in web/vite.config.ts (which replaces
// __PRECACHE__ and __VERSION__ with the build's files). It makes the app installable and readable offline:
//
// - the app shell (index.html, every hashed asset of the build, the manifest and icons) is cached at install; hashed
//   assets are answered from that cache, pages (navigations) from the network first, index.html when offline;
// - POST /graphql goes to the network first; each successful answer to a query (data, no errors) is kept per caller,
//   operation and variables; when the network fails, the kept answer is given and the page is told when it was
//   received (the app shows "offline – Stand …"). Answers are keyed by the caller the bearer token names
//   (./role-key.ts): one caller never gets another's answers, and when the app reports a new caller (role switch,
//   sign-out) every answer of any other caller is deleted.
import { callerOfAuthorization } from './role-key'
import type { CallerMessage, WorkerMessage } from './protocol'

declare const __PRECACHE__: string[]
declare const __VERSION__: string

// The worker scope's types, as far as this worker uses them (the app's tsconfig has the DOM library, not WebWorker).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  clientId: string
  respondWith(response: Response | Promise<Response>): void
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown
}
interface WorkerClient {
  postMessage(message: unknown): void
}
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void>; get(id: string): Promise<WorkerClient | undefined> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void
}
const worker = self as unknown as WorkerScope

const SHELL = `klar-shell-${__VERSION__}`
const ANSWERS = 'klar-answers-v1'
/** Kept answers live under this path of the worker's own origin (never requested from the server). */
const ANSWER_PATH = '/__klar/answers/'
const STORED_AT = 'x-klar-stored-at'
const GRAPHQL = '/graphql'

worker.addEventListener('install', event => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then(cache => cache.addAll(__PRECACHE__.map(path => new Request(path, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  )
})

worker.addEventListener('activate', event => {
  event.waitUntil(
    caches
      .keys()
      .then(names => Promise.all(names.filter(n => n.startsWith('klar-shell-') && n !== SHELL).map(n => caches.delete(n))))
      .then(() => worker.clients.claim()),
  )
})

/** The caller the app last reported, and the ones it replaced: an answer of those still on its way is not kept. */
let current: string | null = null
const retired = new Set<string>()

worker.addEventListener('message', event => {
  const data = event.data as Partial<CallerMessage> | null
  if (data?.type === 'klar:caller' && typeof data.caller === 'string') event.waitUntil(switchCaller(data.caller))
})

worker.addEventListener('fetch', event => {
  const { request } = event
  const url = new URL(request.url)
  if (url.origin !== worker.location.origin) return
  if (request.method === 'POST' && url.pathname === GRAPHQL) return event.respondWith(graphql(request, event.clientId))
  if (request.method !== 'GET') return
  if (request.mode === 'navigate') return event.respondWith(page(request))
  if (__PRECACHE__.includes(url.pathname)) event.respondWith(shellFile(request))
})

async function shellFile(request: Request): Promise<Response> {
  const hit = await caches.match(request, { cacheName: SHELL, ignoreSearch: true })
  return hit ?? fetch(request)
}

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request)
  } catch (err) {
    const shell = await caches.match('/index.html', { cacheName: SHELL })
    if (shell) return shell
    throw err
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('')
}

/** Whether a request body asks a query (only answers to queries are kept; a mutation is never answered from the store). */
function isQuery(body: string): boolean {
  try {
    const { query } = JSON.parse(body) as { query?: unknown }
    return typeof query === 'string' && !/^\s*(mutation|subscription)\b/m.test(query)
  } catch {
    return false
  }
}

async function graphql(request: Request, clientId: string): Promise<Response> {
  const body = await request.clone().text()
  if (!isQuery(body)) return fetch(request)
  const caller = await sha256(callerOfAuthorization(request.headers.get('authorization')))
  // The operation (its text and name) and its variables, as the app sends them.
  const key = answerUrl(caller, await sha256(body))
  let response: Response
  try {
    response = await fetch(request)
  } catch (err) {
    const kept = await caches.open(ANSWERS).then(c => c.match(key))
    if (!kept) throw err
    await tell(clientId, { type: 'klar:offline', storedAt: Number(kept.headers.get(STORED_AT)) })
    return kept
  }
  await tell(clientId, { type: 'klar:online' })
  if (response.ok && !replaced(caller)) await keep(key, caller, response.clone())
  return response
}

/** Keeps a successful answer (data and no errors: a partial or failed answer never replaces a good one). */
async function keep(key: string, caller: string, response: Response): Promise<void> {
  try {
    const text = await response.text()
    const json = JSON.parse(text) as { data?: unknown; errors?: unknown }
    if (json.data == null || json.errors !== undefined) return
    const headers = { 'content-type': response.headers.get('content-type') ?? 'application/json', [STORED_AT]: String(Date.now()) }
    const cache = await caches.open(ANSWERS)
    await cache.put(key, new Response(text, { status: 200, headers }))
    // The app may have reported another caller while this answer was read and stored (switchCaller deletes only what
    // is already there): then it goes again.
    if (replaced(caller)) await cache.delete(key)
  } catch {
    // not JSON, or the storage is full: the answer is simply not kept
  }
}

/** Whether `caller` is no longer the app's caller (known once the app has reported one). */
const replaced = (caller: string): boolean => retired.has(caller) || (current !== null && current !== caller)

const answerUrl = (caller: string, request: string) => `${worker.location.origin}${ANSWER_PATH}${caller}/${request}`

/** Makes `callerKey` the current caller and deletes every kept answer that is not theirs. */
async function switchCaller(callerKey: string): Promise<void> {
  const caller = await sha256(callerKey)
  if (current !== null && current !== caller) retired.add(current)
  retired.delete(caller)
  current = caller
  const prefix = answerUrl(caller, '')
  const cache = await caches.open(ANSWERS)
  const requests = await cache.keys()
  await Promise.all(requests.filter(r => !r.url.startsWith(prefix)).map(r => cache.delete(r)))
}

async function tell(clientId: string, message: WorkerMessage): Promise<void> {
  if (!clientId) return
  const client = await worker.clients.get(clientId)
  client?.postMessage(message)
}
