import { createReadStream, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, normalize } from 'node:path'
import type { ServerResponse } from 'node:http'

const require = createRequire(import.meta.url)
/** GraphiQL is served from the installed package, never a CDN: the gateway must work offline. */
const DIST = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist')

const DEFAULT_QUERY = `# The district profile: five departments, one query.
query DistrictProfile($code: ID! = "05", $year: Int! = 2025) {
  district(code: $code) {
    name
    kind
    population(year: $year) {
      total { value status }
      foreignerShare { value }
      provenance { ownerDepartment stichtag asOf }
    }
    schools { name type }
    kitaPlaces(year: $year) { placesTotal placesU3 }
    accommodations(activeOn: "2025-12-31") { name capacity }
    investments(from: 2024, to: 2026) { name category totalCost { amount } }
  }
}
`

export function graphiqlHtml(endpoint: string, title = 'Stadtgraph'): string {
  const opts = JSON.stringify({ endpoint, title, query: DEFAULT_QUERY }).replace(/</g, '\\u003c')
  return `<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${title} – GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #root { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="root"></div>
  <script src="/graphiql/assets/yoga-graphiql.umd.js"></script>
  <script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${opts});</script>
</body>
</html>`
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

/** Serves files below the GraphiQL dist folder; returns false when `path` is not one. */
export function serveGraphiqlAsset(path: string, res: ServerResponse): boolean {
  const prefixes = ['/graphiql/assets/', '/graphiql/monacoeditorwork/', '/monacoeditorwork/']
  const prefix = prefixes.find(p => path.startsWith(p))
  if (!prefix) return false
  const rel = normalize(decodeURIComponent(path.slice(prefix.length)))
  if (rel.startsWith('..') || rel.includes('\0')) return false
  const file = join(DIST, prefix.includes('monaco') ? 'monacoeditorwork' : '', rel)
  if (!existsSync(file)) return false
  const ext = file.slice(file.lastIndexOf('.'))
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'public, max-age=86400' })
  createReadStream(file).pipe(res)
  return true
}
