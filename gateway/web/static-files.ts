import { createHash } from 'node:crypto'
import { createReadStream, realpathSync, type Stats } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlib, gzip } from 'node:zlib'

/** Longest URL path looked up on disk; longer ones are refused with 414 before any file access. */
export const MAX_PATH_LENGTH = 1024

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
}
/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.csv',
  '.ico',
  '.ttf',
])
/** Below this size a compressed body saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 512

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

type Encoding = 'br' | 'gzip'

interface Entry {
  /** Path, size and mtime: a rebuilt file is a new entry. */
  key: string
  body: Buffer
  etag: string
  type: string
  compressible: boolean
  encoded: Partial<Record<Encoding, Promise<Buffer | null>>>
  bytes: number
}

export interface StaticFilesOptions {
  /** The folder served; nothing outside it is ever read. */
  dir: string
  /** Bytes of files and their compressed forms kept in memory, least recently used dropped first (default 64 MB). */
  maxCacheBytes?: number
  /** Files larger than this are streamed from disk as they are, never held or compressed (default 8 MB). */
  maxFileBytes?: number
}

export interface ServeFileOptions {
  cacheControl: string
  headers?: Record<string, string>
}

export type Resolved = { status: 'file'; path: string; stats: Stats } | { status: 'missing' } | { status: 'refused'; code: 400 | 404 | 414 }

/**
 * The files of one folder over HTTP: ETag and 304, gzip or brotli as the client prefers (each file
 * compressed once and kept in memory, bounded), HEAD. A request path is decoded once and split into
 * segments; `..`, `.` and hidden names (`.source-hash`), NUL bytes, backslashes and overlong paths are
 * refused before the disk is touched, and the file found must lie inside the folder after resolving
 * symbolic links.
 */
export function createStaticFiles(opts: StaticFilesOptions) {
  const maxCacheBytes = opts.maxCacheBytes ?? 64 * 1024 * 1024
  const maxFileBytes = opts.maxFileBytes ?? 8 * 1024 * 1024
  const cache = new Map<string, Entry>()
  let cachedBytes = 0
  let rootReal: string | null = null

  const account = (entry: Entry, bytes: number) => {
    entry.bytes += bytes
    if (cache.get(entry.key) === entry) cachedBytes += bytes
    for (const [key, old] of cache) {
      if (cachedBytes <= maxCacheBytes) break
      cache.delete(key)
      cachedBytes -= old.bytes
    }
  }

  async function resolve(urlPath: string): Promise<Resolved> {
    const segments = pathSegments(urlPath)
    if (typeof segments === 'number') return { status: 'refused', code: segments }
    if (segments.length === 0) return { status: 'missing' }
    try {
      rootReal ??= realpathSync(opts.dir)
      const real = await realpath(join(opts.dir, ...segments))
      const inside = relative(rootReal, real)
      if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { status: 'refused', code: 404 }
      const stats = await stat(real)
      return stats.isFile() ? { status: 'file', path: real, stats } : { status: 'missing' }
    } catch {
      return { status: 'missing' }
    }
  }

  async function load(path: string, stats: Stats): Promise<Entry> {
    const key = `${path}\0${stats.size}\0${stats.mtimeMs}`
    const hit = cache.get(key)
    if (hit) {
      cache.delete(key)
      cache.set(key, hit)
      return hit
    }
    const body = await readFile(path)
    const ext = extname(path).toLowerCase()
    const entry: Entry = {
      key,
      body,
      etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type: TYPES[ext] ?? 'application/octet-stream',
      compressible: COMPRESSIBLE.has(ext) && body.length >= MIN_COMPRESS_BYTES,
      encoded: {},
      bytes: 0,
    }
    cache.set(key, entry)
    account(entry, body.length)
    return entry
  }

  function encoded(entry: Entry, encoding: Encoding): Promise<Buffer | null> {
    entry.encoded[encoding] ??= (
      encoding === 'br'
        ? brotli(entry.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
        : gzipAsync(entry.body, { level: 9 })
    ).then(out => {
      // Kept only when it saves something; otherwise the file goes out as it is.
      if (out.length >= entry.body.length) return null
      account(entry, out.length)
      return out
    })
    return entry.encoded[encoding]!
  }

  /** Answers with the file at `path` (from `resolve`), honouring If-None-Match, Accept-Encoding and HEAD. */
  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    file: { path: string; stats: Stats },
    how: ServeFileOptions,
  ): Promise<void> {
    const head = req.method === 'HEAD'
    const headers: Record<string, string | number> = { ...how.headers, 'cache-control': how.cacheControl }
    if (file.stats.size > maxFileBytes) {
      const etag = `W/"${file.stats.size.toString(36)}-${Math.floor(file.stats.mtimeMs).toString(36)}"`
      Object.assign(headers, { etag, 'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream' })
      if (matches(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end()
      res.writeHead(200, { ...headers, 'content-length': file.stats.size })
      if (head) return void res.end()
      return void createReadStream(file.path).pipe(res)
    }
    const entry = await load(file.path, file.stats)
    Object.assign(headers, { etag: entry.etag, 'content-type': entry.type })
    if (entry.compressible) headers.vary = 'Accept-Encoding'
    if (matches(req.headers['if-none-match'], entry.etag)) return void res.writeHead(304, headers).end()
    let body = entry.body
    const encoding = entry.compressible ? negotiate(req.headers['accept-encoding']) : null
    if (encoding) {
      const compressed = await encoded(entry, encoding)
      if (compressed) {
        body = compressed
        headers['content-encoding'] = encoding
      }
    }
    res.writeHead(200, { ...headers, 'content-length': body.length })
    res.end(head ? undefined : body)
  }

  return { resolve, send, cachedBytes: () => cachedBytes }
}

export type StaticFiles = ReturnType<typeof createStaticFiles>

/**
 * The decoded segments of a URL path, or the status refusing it: 414 when overlong, 400 when the
 * percent-encoding is broken, 404 for NUL, backslash, `.`/`..` and hidden names (so that not even
 * their existence shows).
 */
export function pathSegments(urlPath: string): string[] | 400 | 404 | 414 {
  if (urlPath.length > MAX_PATH_LENGTH) return 414
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 400
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 404
  const segments = decoded.split('/').filter(s => s !== '')
  if (segments.some(s => s.startsWith('.'))) return 404
  return segments
}

/** Weak comparison (RFC 9110 §13.1.2): the representations differ only in their content coding. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some(tag => tag.trim().replace(/^W\//, '') === opaque)
}

/** The client's preferred of brotli and gzip (q-values honoured, `*` counted), or null for none. */
export function negotiate(header: string | string[] | undefined): Encoding | null {
  if (!header) return null
  const q = new Map<string, number>()
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map(p => p.trim()).find(p => p.startsWith('q='))
    const value = qParam === undefined ? 1 : Number(qParam.slice(2))
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0
  const br = weight('br')
  const gz = Math.max(weight('gzip'), q.get('x-gzip') ?? 0)
  if (br <= 0 && gz <= 0) return null
  return br >= gz ? 'br' : 'gzip'
}
