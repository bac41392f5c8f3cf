import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compressAnswer, MIN_COMPRESS_BYTES } from './compress.js'

// compressAnswer() on a real HTTP server: what goes over the wire for each Accept-Encoding, and that a streamed
// answer's parts arrive while the answer is still open.

const BIG = JSON.stringify({ data: { rows: Array.from({ length: 400 }, (_, i) => ({ id: i, name: `Stadtteil ${i}` })) } })
const SMALL = JSON.stringify({ data: { ok: true } })

let server: Server
let base: string
/** Lets the streamed answer write its second part. */
let releaseSecond: () => void = () => {}

function answer(req: IncomingMessage, res: ServerResponse): void {
  compressAnswer(req, res)
  const path = req.url ?? '/'
  if (path === '/big' || path === '/small') {
    res.setHeader('content-type', 'application/json; charset=utf-8')
    res.statusCode = 200
    res.end(path === '/big' ? BIG : SMALL)
  } else if (path === '/text') {
    res.setHeader('content-type', 'text/plain')
    res.end('x'.repeat(5000))
  } else if (path === '/write-head') {
    // An answer whose headers are sent at once (as sendError does) cannot be compressed any more: it goes as it is.
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
    res.end(BIG)
  } else if (path === '/stream') {
    res.setHeader('content-type', 'multipart/mixed; boundary="-"; deferSpec=20220824')
    res.statusCode = 200
    res.write(`---\r\ncontent-type: application/json\r\n\r\n${SMALL}\r\n`)
    releaseSecond = () => {
      res.write(`---\r\ncontent-type: application/json\r\n\r\n${BIG}\r\n`)
      res.end('-----\r\n')
    }
  }
}

beforeAll(async () => {
  server = createServer(answer)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
})

/** A request without fetch's automatic decompression: the body as sent. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('compressAnswer', () => {
  it.each([
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0.5, gzip', 'gzip', gunzipSync],
  ] as const)('compresses a JSON answer for Accept-Encoding %s as %s', async (accept, encoding, decode) => {
    const res = await raw('/big', { 'accept-encoding': accept })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe(encoding)
    expect(res.headers.vary).toBe('Accept-Encoding')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(BIG.length / 4)
    expect(decode(res.body).toString()).toBe(BIG)
  })

  it('sends the answer as it is to a client that accepts no compression, still with Vary', async () => {
    const cases: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]
    for (const headers of cases) {
      const res = await raw('/big', headers)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.headers.vary).toBe('Accept-Encoding')
      expect(res.body.toString()).toBe(BIG)
    }
  })

  it('leaves small answers, other content types and answers whose headers are already sent as they are', async () => {
    expect(SMALL.length).toBeLessThan(MIN_COMPRESS_BYTES)
    const small = await raw('/small', { 'accept-encoding': 'br' })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.body.toString()).toBe(SMALL)
    const text = await raw('/text', { 'accept-encoding': 'br' })
    expect(text.headers['content-encoding']).toBeUndefined()
    expect(text.body.length).toBe(5000)
    const sent = await raw('/write-head', { 'accept-encoding': 'br' })
    expect(sent.status).toBe(400)
    expect(sent.headers['content-encoding']).toBeUndefined()
    expect(sent.body.toString()).toBe(BIG)
  })

  it('answers HEAD without a compressed body', async () => {
    const res = await raw('/big', { 'accept-encoding': 'br' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.length).toBe(0)
  })

  it.each([
    ['br', createBrotliDecompress],
    ['gzip', createGunzip],
  ] as const)('streams a multipart answer %s-compressed, each part arriving as it is written', async (encoding, decoder) => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${base}/stream`, { headers: { 'accept-encoding': encoding } }, res => {
        expect(res.headers['content-encoding']).toBe(encoding)
        expect(res.headers['content-length']).toBeUndefined()
        const decoded = res.pipe(decoder())
        let out = ''
        decoded.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          // The first part is readable before the server has written the second: it was flushed, not held back.
          if (out.includes(SMALL) && !out.includes('Stadtteil')) releaseSecond()
        })
        decoded.on('end', () => resolve(out))
        decoded.on('error', reject)
      })
      req.on('error', reject)
      req.end()
    })
    expect(text).toBe(
      `---\r\ncontent-type: application/json\r\n\r\n${SMALL}\r\n---\r\ncontent-type: application/json\r\n\r\n${BIG}\r\n-----\r\n`,
    )
  })
})
