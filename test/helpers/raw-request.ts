import { connect } from 'node:net'

/**
 * An HTTP/1.1 request written byte by byte, so header lines can repeat (or pile up) exactly as an
 * attacker sends them; fetch would merge or refuse them.
 */
export function rawRequest(
  target: string,
  headers: Array<[string, string]>,
  body: string,
  method = 'POST',
  path?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(target)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      const lines = [
        `${method} ${path ?? url.pathname} HTTP/1.1`,
        `host: ${url.host}`,
        'connection: close',
        `content-length: ${Buffer.byteLength(body)}`,
        ...headers.map(([k, v]) => `${k}: ${v}`),
      ]
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
    })
    let text = ''
    socket.on('data', c => {
      text += c
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const [head, ...rest] = text.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') })
    })
  })
}
