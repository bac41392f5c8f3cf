import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkSchema, formatFinding } from '../check-schema.js'
import { loadKnownOperations, operationErrors, OPERATIONS_DIR } from '../known-operations.js'
import { createAdminSchema } from '../../auth/policy/admin-schema.js'

// The web app's operations (written by `npm run codegen:web`) are known operations too.
const WEB_OPERATIONS_DIR = fileURLToPath(new URL('../../web/src/gql/', import.meta.url))

// The admin console's operations (web/src/gql-admin/) are known operations of the admin API (/admin/graphql).
const ADMIN_OPERATIONS_DIR = fileURLToPath(new URL('../../web/src/gql-admin/', import.meta.url))

// npm run schema:check [-- --base <git-rev>] [--services <dir>] [--supergraph <file>] [--operations <dir>]…
// One line per finding (`file:line  LEVEL  message`); exits 1 when any finding fails the check, 2 on bad arguments.
let args
try {
  args = parseArgs({
    options: {
      base: { type: 'string' },
      services: { type: 'string' },
      supergraph: { type: 'string' },
      operations: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }).values
} catch (err) {
  console.error(
    `${(err as Error).message}\nUsage: npm run schema:check -- [--base <git-rev>] [--services <dir>] [--supergraph <file>] [--operations <dir>]`,
  )
  process.exit(2)
}
if (args.help) {
  console.log(`npm run schema:check -- [options]
  --base <git-rev>     compare against the supergraph committed at this revision (default HEAD; in CI e.g. origin/main)
  --services <dir>     department folders (default services/)
  --supergraph <file>  the committed supergraph (default schema/supergraph.graphql)
  --operations <dir>   folder of known operations (*.graphql; default schema/operations/ and web/src/gql/; repeatable)
TRUSTED_DOCUMENTS (the gateway's trusted documents file) counts as known operations too.`)
  process.exit(0)
}

const result = await checkSchema({
  base: args.base,
  servicesDir: args.services,
  supergraphPath: args.supergraph,
  operationsDirs: args.operations ?? [OPERATIONS_DIR, WEB_OPERATIONS_DIR],
  trustedDocumentsPath: process.env.TRUSTED_DOCUMENTS || null,
})
// Every admin console operation must validate against the admin schema as the gateway builds it.
const notBuilt = (): never => {
  throw new Error('the admin schema is only validated against here')
}
const adminSchema = createAdminSchema({ store: new Proxy({}, { get: notBuilt }) as never, supergraph: notBuilt })
const adminOperations = loadKnownOperations([ADMIN_OPERATIONS_DIR])
result.findings.push(
  ...adminOperations.problems.map(p => ({ ...p, level: 'OPERATION' as const, fails: true })),
  ...adminOperations.operations.flatMap(op => {
    const errors = operationErrors(adminSchema, op)
    return errors.length
      ? [
          {
            file: op.file,
            line: op.line,
            level: 'OPERATION' as const,
            fails: true,
            message: `admin operation ${op.name} does not validate against the admin API: ${errors[0]}`,
          },
        ]
      : []
  }),
)
if (result.findings.some(f => f.fails)) result.ok = false
for (const f of result.findings) console.log(formatFinding(f))
const failing = result.findings.filter(f => f.fails).length
const breaking = result.changes.filter(c => c.level === 'BREAKING').length
const dangerous = result.changes.filter(c => c.level === 'DANGEROUS').length
const against = result.baseline ? `against ${result.baseline}: ${breaking} breaking, ${dangerous} dangerous` : 'no baseline'
console.log(result.ok ? `schema ok (${against})` : `schema check failed: ${failing} finding${failing === 1 ? '' : 's'} to fix (${against})`)
process.exit(result.ok ? 0 : 1)
