import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { closeGracefully } from './close-gracefully.js'

// A real server on an ephemeral port; each slow request waits for the test to release it.

const servers: Server[] = []
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections()
})

async function slowServer() {
  const waiting: Array<() => void> = []
  const server = createServer((req, res) => {
    if (req.url === '/slow') waiting.push(() => res.end('done'))
    else res.end('fast')
  })
  server.keepAliveTimeout = 65_000
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const arrived = async (n: number) => {
    while (waiting.length < n) await new Promise(r => setTimeout(r, 5))
  }
  return {
    server,
    port,
    release: () => {
      for (const w of waiting.splice(0)) w()
    },
    arrived,
  }
}

function get(port: number, path: string, agent?: import('node:http').Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, res => {
      let body = ''
      res.on('data', c => {
        body += c
      })
      res.on('end', () => resolve({ status: res.statusCode!, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('closeGracefully', () => {
  it('refuses new connections at once and lets the request in flight finish', async () => {
    const { server, port, release, arrived } = await slowServer()
    const inFlight = get(port, '/slow')
    await arrived(1)
    const closing = closeGracefully(server, 5_000)
    await expect(get(port, '/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    release()
    expect(await inFlight).toEqual({ status: 200, body: 'done' })
    expect(await closing).toEqual({ forced: false })
  })

  it('does not wait for idle keep-alive connections', async () => {
    const { server, port } = await slowServer()
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true })
    expect((await get(port, '/fast', agent)).body).toBe('fast')
    // The connection stays open on the client's side; close() must not wait out keepAliveTimeout (65 s).
    expect(await closeGracefully(server, 20_000)).toEqual({ forced: false })
    agent.destroy()
  })

  it('closes a keep-alive connection once its request in flight is answered', async () => {
    const { server, port, release, arrived } = await slowServer()
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true })
    const inFlight = get(port, '/slow', agent)
    await arrived(1)
    const closing = closeGracefully(server, 20_000)
    release()
    expect((await inFlight).status).toBe(200)
    expect(await closing).toEqual({ forced: false })
    agent.destroy()
  })

  it('cuts what still runs after the grace period', async () => {
    const { server, port, arrived } = await slowServer()
    const inFlight = get(port, '/slow')
    await arrived(1)
    expect(await closeGracefully(server, 100)).toEqual({ forced: true })
    await expect(inFlight).rejects.toMatchObject({ code: 'ECONNRESET' })
  })
})
