import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { loadService, SERVICES_DIR, serviceFolders } from '../../lib/service/discover-services.js'
import { checkClassification } from '../check-classification.js'
import { CompositionError } from '../compose.js'
import { composeOwnSupergraph, SUPERGRAPH_PATH } from '../supergraph-file.js'

// npm run schema:check: every department classifies its fields correctly, the SDLs compose, and the committed
// supergraph is up to date. All three run, so one run shows every problem; any of them failing exits 1.
let failed = false

// Every department folder, regardless of STADTGRAPH_SERVICES: classification is a property of the files.
const services = await Promise.all(serviceFolders().map(async folder => {
  const service = await loadService(folder)
  return { name: service.name, typeDefs: service.typeDefs, file: relative(process.cwd(), join(SERVICES_DIR, folder, 'schema.graphql')) }
}))
const problems = checkClassification(services)
if (problems.length) {
  failed = true
  console.error(`Classification: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  for (const p of problems) console.error(`${p.file}:${p.line}  ${p.coordinate || '(file)'}  ${p.message}`)
} else {
  console.log(`classification ok: ${services.length} department schemas`)
}

const where = relative(process.cwd(), SUPERGRAPH_PATH)
let composed: string | null = null
try {
  composed = await composeOwnSupergraph()
} catch (err) {
  failed = true
  console.error(err instanceof CompositionError ? err.message : err)
}
if (composed !== null) {
  if (!existsSync(SUPERGRAPH_PATH)) {
    failed = true
    console.error(`${where} is missing: run \`npm run compose\` and commit it.`)
  } else {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8')
    if (committed !== composed) {
      failed = true
      const a = committed.split('\n')
      const b = composed.split('\n')
      const found = a.findIndex((l, i) => l !== b[i])
      const line = found < 0 ? a.length : found // the committed file is a prefix of the composed one
      console.error(`${where} is stale: the departments' schemas compose to something else.`)
      console.error(`First difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  composed:  ${b[line] ?? '(end of file)'}`)
      console.error('Run `npm run compose` and commit the result.')
    } else {
      console.log(`schema ok: ${where} is up to date`)
    }
  }
}
process.exit(failed ? 1 : 0)
