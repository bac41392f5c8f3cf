import type { IncomingMessage, ServerResponse } from 'node:http'
import { brotliCompress, constants as zlib, createBrotliCompress, createGzip, gzip, type BrotliCompress, type Gzip } from 'node:zlib'
import { negotiate } from '../web/static-files.js'

// Compression of GraphQL answers (the web app's dashboards ask for a few KB to a few hundred KB of JSON each).
// By the client's Accept-Encoding (brotli preferred, then gzip), only from a size on, always with
// `Vary: Accept-Encoding`. A complete answer (`res.end(body)`) is compressed in one go off the event loop; a streamed
// one (`res.write()` chunks, e.g. incremental delivery) goes through a compressor that is flushed after every chunk,
// so each part reaches the client when it is written. An answer that already has a Content-Encoding or whose headers
// are sent already, or that is neither JSON nor multipart/mixed, is sent as it is.

/** Below this size compression saves less than it costs (headers, CPU, a round trip is not saved). */
export const MIN_COMPRESS_BYTES = 1024
/** Brotli quality for answers made per request: fast, still ~4× smaller for JSON. */
const BROTLI_QUALITY = 5
const GZIP_LEVEL = 6

type Chunk = string | Buffer | Uint8Array

/** GraphQL's answers: JSON, or multipart/mixed for an answer delivered in parts. */
const isJson = (res: ServerResponse) => /json|^multipart\/mixed/i.test(String(res.getHeader('content-type') ?? ''))

/**
 * Makes `res` compress what is written to it, as `req` accepts. Call before anything is written; the response is
 * changed in place (its write/end), so the code that answers needs to know nothing of it.
 */
export function compressAnswer(req: IncomingMessage, res: ServerResponse, minBytes = MIN_COMPRESS_BYTES): void {
  res.setHeader('vary', 'Accept-Encoding')
  const encoding = negotiate(req.headers['accept-encoding'])
  if (!encoding || req.method === 'HEAD') return
  const end = res.end.bind(res) as (chunk?: Chunk, cb?: () => void) => ServerResponse
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  // Headers already sent (writeHead) cannot gain a Content-Encoding any more: such an answer goes as it is.
  const eligible = () =>
    !res.headersSent && !res.hasHeader('content-encoding') && isJson(res) && res.statusCode !== 204 && res.statusCode !== 304
  let stream: BrotliCompress | Gzip | null = null
  let streaming = false

  const startStream = () => {
    streaming = true
    if (!eligible()) return
    res.setHeader('content-encoding', encoding)
    res.removeHeader('content-length')
    stream =
      encoding === 'br'
        ? createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
        : createGzip({ level: GZIP_LEVEL })
    stream.on('data', (data: Buffer) => write(data))
    stream.on('end', () => end())
    stream.on('error', () => res.destroy())
  }

  res.write = ((chunk: Chunk, encodingOrCb?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void) => {
    if (!streaming) startStream()
    const done = typeof encodingOrCb === 'function' ? encodingOrCb : cb
    if (!stream) return write(chunk, ...(typeof encodingOrCb === 'string' ? [encodingOrCb] : []), done)
    const s = stream
    s.write(typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCb === 'string' ? encodingOrCb : 'utf8') : chunk)
    // Each written part leaves at once (a streamed answer's parts are meant to arrive as they are ready).
    s.flush(encoding === 'br' ? zlib.BROTLI_OPERATION_FLUSH : zlib.Z_SYNC_FLUSH, () => done?.())
    return true
  }) as ServerResponse['write']

  res.end = ((chunk?: Chunk | (() => void), encodingOrCb?: BufferEncoding | (() => void), cb?: () => void) => {
    const done = typeof chunk === 'function' ? chunk : typeof encodingOrCb === 'function' ? encodingOrCb : cb
    const data = typeof chunk === 'function' ? undefined : chunk
    const textEncoding = typeof encodingOrCb === 'string' ? encodingOrCb : 'utf8'
    const body = data == null ? undefined : typeof data === 'string' ? Buffer.from(data, textEncoding) : Buffer.from(data)
    if (streaming) {
      if (!stream) return end(body, done)
      if (body) stream.write(body)
      if (done) res.once('finish', done)
      stream.end()
      return res
    }
    if (!body || body.length < minBytes || !eligible()) return end(body, done)
    const finish = (err: Error | null, compressed: Buffer) => {
      if (err) return void end(body, done)
      res.setHeader('content-encoding', encoding)
      res.setHeader('content-length', compressed.length)
      end(compressed, done)
    }
    if (encoding === 'br') {
      brotliCompress(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }, finish)
    } else gzip(body, { level: GZIP_LEVEL }, finish)
    return res
  }) as ServerResponse['end']
}
