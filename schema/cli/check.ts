import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { CompositionError } from '../compose.js'
import { composeOwnSupergraph, SUPERGRAPH_PATH } from '../supergraph-file.js'

// npm run schema:check: the departments' SDLs compose, and the committed supergraph is up to date.
const where = relative(process.cwd(), SUPERGRAPH_PATH)
let composed: string
try {
  composed = await composeOwnSupergraph()
} catch (err) {
  console.error(err instanceof CompositionError ? err.message : err)
  process.exit(1)
}
if (!existsSync(SUPERGRAPH_PATH)) {
  console.error(`${where} is missing: run \`npm run compose\` and commit it.`)
  process.exit(1)
}
const committed = readFileSync(SUPERGRAPH_PATH, 'utf8')
if (committed !== composed) {
  const a = committed.split('\n')
  const b = composed.split('\n')
  const line = a.findIndex((l, i) => l !== b[i])
  console.error(`${where} is stale: the departments' schemas compose to something else.`)
  console.error(`First difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  composed:  ${b[line] ?? '(end of file)'}`)
  console.error('Run `npm run compose` and commit the result.')
  process.exit(1)
}
console.log(`schema ok: ${where} is up to date`)
