import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// npm run dev:web: the web app with hot reload (Vite's dev server), against a city that is already
// running (`npm start` in another terminal). GraphQL and the sign-in endpoints are passed through to
// it, so the app talks to one origin as it does when the gateway serves it.
//   CITY_URL   the running city (default http://127.0.0.1:4000)
//   WEB_PORT   the dev server's port (default 5173)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const web = join(ROOT, 'web')
if (!existsSync(join(web, 'index.html'))) {
  console.error('no web app in web/ (web/index.html is missing)')
  process.exit(2)
}
const city = process.env.CITY_URL ?? 'http://127.0.0.1:4000'
let target: URL
try {
  target = new URL(city)
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('not http')
} catch {
  console.error(`CITY_URL must be the http(s) URL of a running city, got "${city}"`)
  process.exit(2)
}
const port = Number(process.env.WEB_PORT ?? 5173)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`WEB_PORT must be a port number, got "${process.env.WEB_PORT}"`)
  process.exit(2)
}

const { createServer } = await import('vite')
const proxied = { target: target.origin, changeOrigin: false, ws: false }
const server = await createServer({
  root: web,
  configFile: existsSync(join(web, 'vite.config.ts')) ? join(web, 'vite.config.ts') : false,
  server: {
    host: '127.0.0.1',
    port,
    strictPort: false,
    proxy: { '/graphql': proxied, '/auth/config': proxied, '/auth/dev-token': proxied },
  },
})
await server.listen()
server.printUrls()
console.log(`  proxying /graphql and /auth to ${target.origin}`)
