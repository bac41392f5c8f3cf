import { request, type IncomingHttpHeaders } from 'node:http'

/** One line of an upload's NDJSON answer, with when it arrived (ms since the request started). */
export interface UploadLine {
  type: 'progress' | 'result'
  at: number
  [key: string]: unknown
}

export interface UploadAnswer {
  status: number
  headers: IncomingHttpHeaders
  /** The parsed NDJSON lines (200), else []. */
  lines: UploadLine[]
  /** The body as JSON when it is not NDJSON (errors, describe, history). */
  json: any
  /** The final result line, if any. */
  result: Record<string, any> | undefined
  /** When the body had been sent completely, and when the answer ended (ms since the start). */
  sentAt: number | null
  endedAt: number
}

export interface UploadOptions {
  method?: string
  headers?: Record<string, string>
  /** The body: text, or chunks written one after another (a generator streams a large file). */
  body?: string | Iterable<string | Buffer>
  /** Leave out content-length (chunked transfer). */
  chunked?: boolean
  /** Destroy the request after this many body bytes (a client that goes away mid-upload). */
  abortAfterBytes?: number
}

/**
 * An HTTP request with node:http (which reads the answer while the body is still being sent, as a
 * streaming upload needs), collecting NDJSON lines with their arrival times.
 */
export function upload(url: string, opts: UploadOptions = {}): Promise<UploadAnswer> {
  const t0 = performance.now()
  const since = () => Math.round(performance.now() - t0)
  const target = new URL(url)
  const iterable: Iterable<string | Buffer> = opts.body === undefined ? [] : typeof opts.body === 'string' ? [opts.body] : opts.body
  const total = typeof opts.body === 'string' ? Buffer.byteLength(opts.body) : undefined
  const headers: Record<string, string | number> = { ...opts.headers }
  if (total !== undefined && !opts.chunked) headers['content-length'] = total
  return new Promise((resolve, reject) => {
    let sentAt: number | null = null
    const req = request(target, { method: opts.method ?? 'POST', headers }, res => {
      const lines: UploadLine[] = []
      let pending = ''
      let text = ''
      const ndjson = (res.headers['content-type'] ?? '').startsWith('application/x-ndjson')
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        if (!ndjson) {
          text += chunk
          return
        }
        pending += chunk
        let eol: number
        while ((eol = pending.indexOf('\n')) >= 0) {
          lines.push({ ...JSON.parse(pending.slice(0, eol)), at: since() })
          pending = pending.slice(eol + 1)
        }
      })
      res.on('end', () => {
        let json: unknown = null
        try {
          json = text ? JSON.parse(text) : null
        } catch {
          json = text
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          lines,
          json,
          result: lines.find(l => l.type === 'result'),
          sentAt,
          endedAt: since(),
        })
      })
      res.on('error', err => {
        if (opts.abortAfterBytes === undefined) return reject(err)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, lines, json: null, result: undefined, sentAt, endedAt: since() })
      })
    })
    req.on('error', err => {
      if (opts.abortAfterBytes !== undefined)
        resolve({ status: 0, headers: {}, lines: [], json: null, result: undefined, sentAt, endedAt: since() })
      else reject(err)
    })
    const it = iterable[Symbol.iterator]()
    let bytes = 0
    const pump = () => {
      for (;;) {
        const next = it.next()
        if (next.done) {
          req.end(() => {
            sentAt = since()
          })
          return
        }
        bytes += Buffer.byteLength(next.value)
        if (opts.abortAfterBytes !== undefined && bytes >= opts.abortAfterBytes) {
          req.write(next.value, () => setTimeout(() => req.destroy(), 200))
          return
        }
        if (!req.write(next.value)) return void req.once('drain', pump)
      }
    }
    pump()
  })
}
