import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { sendJson } from '../../platform/http/apollo-handler.js'
import type { Logger } from '../../platform/logger/create-logger.js'
import { securityHeaders } from './content-security-policy.js'
import { createStaticFiles } from './static-files.js'

/** Hashed file names (Vite's `assets/[name]-[hash].[ext]`): a changed file is a new URL, so it may be kept for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (index.html, the manifest, the service worker) is revalidated on every use (ETag, 304). */
const REVALIDATE = 'no-cache'

export interface WebAppOptions {
  /** The built app (index.html, assets/); null serves none. */
  dist: string | null
  /** The Content-Security-Policy of the app's responses (gateway/web/content-security-policy.ts). */
  csp: string
  log: Pick<Logger, 'info' | 'warn'>
  maxCacheBytes?: number
}

export interface WebApp {
  /**
   * Serves `path` from the app when it is one of its files, `/`, or a client route (a GET or HEAD
   * asking for text/html); false when the app has nothing there (or is not built), so the caller
   * answers as it did without an app.
   */
  serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>
  /** Whether `dist/index.html` exists now. */
  built(): boolean
}

/**
 * The web app (web/, built into web/dist) at `/`. The router asks it after the API's own paths
 * (GraphQL, admin, health, metrics, GraphiQL, /auth), so no client route can shadow them.
 */
export function createWebApp(opts: WebAppOptions): WebApp {
  const files = opts.dist === null ? null : createStaticFiles({ dir: opts.dist, maxCacheBytes: opts.maxCacheBytes })
  const headers = securityHeaders(opts.csp)
  let toldMissing = false
  const built = () => {
    const ok = opts.dist !== null && existsSync(join(opts.dist, 'index.html'))
    if (!ok && opts.dist !== null && !toldMissing) {
      toldMissing = true
      opts.log.warn({ dist: opts.dist }, 'the web app is not built (no index.html in WEB_DIST): / serves GraphiQL; `npm start` builds it')
    }
    if (ok) toldMissing = false
    return ok
  }

  async function serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (files === null || !built()) return false
    const readable = req.method === 'GET' || req.method === 'HEAD'
    const found = path === '/' ? { status: 'missing' as const } : await files.resolve(path)
    if (found.status === 'refused') {
      sendJson(
        res,
        found.code,
        { error: found.code === 414 ? 'path too long' : found.code === 400 ? 'malformed path' : 'not found' },
        headers,
      )
      return true
    }
    if (found.status === 'file') {
      if (!readable) return methodNotAllowed(res)
      await files.send(req, res, found, { cacheControl: path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE, headers })
      return true
    }
    // Not a file: `/` and client routes get index.html; a missing asset or file name stays a 404.
    const lastSegment = path.slice(path.lastIndexOf('/') + 1)
    const clientRoute = path === '/' || (!path.startsWith('/assets/') && !lastSegment.includes('.') && acceptsHtml(req))
    if (!clientRoute) return false
    if (!readable) return path === '/' ? methodNotAllowed(res) : false
    const index = await files.resolve('/index.html')
    if (index.status !== 'file') return false
    await files.send(req, res, index, { cacheControl: REVALIDATE, headers })
    return true
  }

  function methodNotAllowed(res: ServerResponse): true {
    sendJson(res, 405, { error: 'method not allowed: the web app is read with GET or HEAD' }, { ...headers, allow: 'GET, HEAD' })
    return true
  }

  return { serve, built }
}

function acceptsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? ''
  return accept.includes('text/html')
}
