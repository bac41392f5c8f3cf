import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'

/** Response header naming the upstream (its index in `upstreams`) that answered through the proxy. */
export const UPSTREAM_HEADER = 'x-test-upstream'

export interface RoundRobinProxy {
  /** Base URL of the proxy, e.g. `http://127.0.0.1:41234` (append the upstreams' paths). */
  readonly url: string
  /** Requests each upstream answered, by index in `upstreams`. */
  readonly answered: readonly number[]
  close(): Promise<void>
}

/**
 * An HTTP load balancer on an ephemeral loopback port, as a Kubernetes Service spreads requests over
 * the pods behind it: each request goes to the next of `upstreams` (base URLs) in turn, path, method,
 * headers and body unchanged. Every answer says which upstream gave it (UPSTREAM_HEADER), and the
 * proxy counts them, so a test can tell that every replica was really asked.
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  if (!upstreams.length) throw new Error('a round-robin proxy needs at least one upstream')
  const targets = upstreams.map(u => new URL(u))
  const answered = upstreams.map(() => 0)
  const agent = new Agent({ keepAlive: true })
  let next = 0
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const index = next
    next = (next + 1) % targets.length
    const target = targets[index]
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      answer => {
        answered[index]++
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [UPSTREAM_HEADER]: String(index) })
        answer.pipe(res)
      },
    )
    upstream.on('error', err => {
      if (res.headersSent) return void res.destroy(err)
      res.writeHead(502, { 'content-type': 'text/plain', [UPSTREAM_HEADER]: String(index) })
      res.end(`upstream ${index} failed: ${err.message}`)
    })
    req.pipe(upstream)
  }
  const server = createServer(forward)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: async () => {
      agent.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}
