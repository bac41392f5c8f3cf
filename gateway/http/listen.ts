import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { MAX_HEADER_COUNT } from '../limits/request-guards.js'

/** The gateway's HTTP server, listening on `port` and `host`. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host: string): Promise<Server> {
  const server = createServer(handler)
  server.keepAliveTimeout = 65_000
  // Oversized header blocks are refused by Node with 431 before they reach us; too many header
  // lines by refuseRequest (Node would silently drop those beyond maxHeadersCount).
  server.maxHeadersCount = MAX_HEADER_COUNT * 2 + 2
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return server
}
