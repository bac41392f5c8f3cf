import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import { scaffoldService, ScaffoldError } from './scaffold-service.js'

// npm run new:service -- <name> [--port N] [--owner "Referat …"]: a new department in one folder.
const USAGE = 'Usage: npm run new:service -- <name> [--port N] [--owner "Referat …"]'
let parsed
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' },
      owner: { type: 'string' },
      services: { type: 'string' },
      supergraph: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  })
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`)
  process.exit(2)
}
const { values, positionals } = parsed
if (values.help) {
  console.log(
    `${USAGE}\n  --port N      default port when run alone (default: the next free one from 4001)\n  --owner TEXT  owning office, for README and provenance (default "Referat <Name>")`,
  )
  process.exit(0)
}
if (positionals.length !== 1) {
  console.error(`${positionals.length ? 'one department name, please' : 'the department name is missing'}\n${USAGE}`)
  process.exit(2)
}
if (values.port !== undefined && !/^\d+$/.test(values.port)) {
  console.error(`new:service: --port must be a whole number, got ${JSON.stringify(values.port)}`)
  process.exit(2)
}
const port = values.port === undefined ? undefined : Number(values.port)

try {
  const result = await scaffoldService({
    name: positionals[0],
    port,
    owner: values.owner,
    servicesDir: values.services,
    supergraphPath: values.supergraph,
  })
  console.log(`created ${relative(process.cwd(), result.folder)} (default port ${result.port}):`)
  for (const f of result.files) console.log(`  ${f}`)
  console.log(`wrote again from the departments: ${result.derived.map(f => relative(process.cwd(), f)).join(', ')}`)
  console.log(`\nNext: npx vitest run ${relative(process.cwd(), result.folder)}   (its own tests)
Its fields need the scope "${positionals[0]}:preview", which no role holds: an administrator grants it to release the department.`)
} catch (err) {
  console.error(err instanceof ScaffoldError ? `new:service: ${err.message}` : err)
  process.exit(err instanceof ScaffoldError ? 2 : 1)
}
