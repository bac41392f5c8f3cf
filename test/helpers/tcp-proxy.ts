import { createServer, connect, type Server, type Socket } from 'node:net'

export type ProxyMode = 'forward' | 'refuse' | 'blackhole'

export interface TcpProxy {
  readonly port: number
  /**
   * `forward`: pass bytes both ways; `refuse`: drop every connection and refuse new ones (the peer
   * is gone); `blackhole`: keep connections open but pass nothing (a network partition: no RST,
   * no answer, as when a firewall drops packets).
   */
  set(mode: ProxyMode): Promise<void>
  close(): Promise<void>
}

/** A TCP proxy on an ephemeral port to `host:port`, to cut or stall a dependency without touching it. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward'
  const sockets = new Set<Socket>()
  const track = (s: Socket) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
    s.on('error', () => {})
  }
  const onConnection = (client: Socket) => {
    track(client)
    if (mode === 'blackhole') return void client.pause()
    const upstream = connect(port, host)
    track(upstream)
    client.pipe(upstream)
    upstream.pipe(client)
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
  }
  let server: Server = createServer(onConnection)
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(p, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
    })
  const own = await listen(0)
  const stopListening = () => new Promise<void>(resolve => server.close(() => resolve()))
  return {
    port: own,
    async set(next) {
      if (next === mode) return
      const wasListening = mode !== 'refuse'
      mode = next
      if (next === 'forward' || next === 'blackhole') {
        for (const s of sockets)
          if (next === 'blackhole') {
            s.unpipe()
            s.pause()
          }
        if (!wasListening) {
          server = createServer(onConnection)
          await listen(own)
        }
        if (next === 'forward') for (const s of sockets) s.destroy() // stalled connections do not come back
        return
      }
      for (const s of sockets) s.destroy()
      if (wasListening) await stopListening()
    },
    async close() {
      for (const s of sockets) s.destroy()
      if (mode !== 'refuse') await stopListening()
    },
  }
}
