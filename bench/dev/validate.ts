import { readFileSync } from 'node:fs'
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql'
import { OPERATIONS } from '../operations.js'
import { createStitchedSchema } from '../../gateway/execute/stitched-schema.js'
import { createProjectedServers, KnownOperationTypes } from '../../gateway/authorize/projected-servers.js'
import { UNRESTRICTED, type GatewayContext } from '../../gateway/gateway-context.js'
import { validateDocument } from '../../platform/validate-document.js'
import { collectSelectedCoordinates } from '../../auth/audit/personal-coordinates.js'

// Validation of a new document: graphql-js `validate` against platform/validate-document.ts,
// with the rules the projected Apollo Servers run, on the benchmark's operations against the API
// schema of schema/supergraph.graphql (the gateway's unrestricted projection). In process, no
// servers. Variants run interleaved, ROUNDS times; the ratio is taken within each round.
// Then a new document on every request through a projected Apollo Server (the same operations, each
// with a root field of its own; the executor, as the query planner's would, answers at once), with
// and without prevalidationPlugin: what the gateway spends per new document on parse and validation.
//
//   npx tsx bench/dev/validate.ts [rounds=7] [milliseconds per variant and round=1000]
const ROUNDS = Number(process.argv[2] ?? 7)
const MS = Number(process.argv[3] ?? 1000)

const schema = createStitchedSchema({
  supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
})
const rules: ValidationRule[] = [...specifiedRules, KnownOperationTypes, collectSelectedCoordinates]
const documents: DocumentNode[] = OPERATIONS.map(op => parse(op.query))

for (const [i, document] of documents.entries()) {
  const a = validate(schema, document, rules).map(e => e.message)
  const b = validateDocument(schema, document, rules).map(e => e.message)
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${OPERATIONS[i].name}: the validations disagree`)
  if (a.length) throw new Error(`${OPERATIONS[i].name} does not validate: ${a.join('; ')}`)
}

type Validate = (schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]) => readonly unknown[]
const variants: [string, Validate][] = [
  ['graphql-js validate', validate],
  ['validateDocument', validateDocument],
]

/** µs per validation of each operation, in turn, for about `ms`. */
function run(fn: Validate, ms: number): number {
  const deadline = performance.now() + ms
  let n = 0
  const started = performance.now()
  while (performance.now() < deadline) {
    for (const document of documents) fn(schema, document, rules)
    n += documents.length
  }
  return ((performance.now() - started) * 1000) / n
}

for (const [, fn] of variants) run(fn, 300) // warm-up

const results: number[][] = variants.map(() => [])
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so neither variant always runs right after the other.
  const order = round % 2 ? [...variants.keys()].reverse() : [...variants.keys()]
  for (const v of order) results[v].push(run(variants[v][1], MS))
  const ratio = results[1][round] / results[0][round]
  console.log(
    `round ${round + 1}: ${variants.map(([name], v) => `${name} ${results[v][round].toFixed(1)} µs`).join(', ')}, ratio ${ratio.toFixed(3)}`,
  )
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ratios = results[1].map((t, i) => t / results[0][i])
console.log(`\n${documents.length} operations (${OPERATIONS.map(op => op.name).join(', ')}), median of ${ROUNDS} rounds:`)
for (const [v, [name]] of variants.entries()) console.log(`  ${name}: ${median(results[v]).toFixed(1)} µs per validation`)
console.log(
  `  ratio validateDocument / graphql-js: ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)})`,
)

// A new document on every request through a projected server, with and without prevalidationPlugin.
const LIMITS = { projectionEntries: 10, documentEntries: 2_000, documentBytes: 64 * 2 ** 20 }
const servers = await Promise.all(
  [true, false].map(prevalidate =>
    createProjectedServers([], 5_000, LIMITS, prevalidate).get('k', () => schema, { executor: async () => ({ data: {} }) }),
  ),
)
const serverVariants = ['with prevalidationPlugin', 'Apollo parses and validates']
const contextValue = { principal: {} as GatewayContext['principal'], access: UNRESTRICTED }
let unique = 0
/** The operation with a root field of its own: `u_<n>: __typename` first in its selection set. */
const uniqueQuery = (query: string) => query.replace(/^((?:query|mutation)\b[^\n]*\{)$/m, `$1 u_${(unique++).toString(36)}: __typename`)
for (const op of OPERATIONS) if (uniqueQuery(op.query) === op.query) throw new Error(`${op.name}: no root selection set found`)

async function serveNew(server: (typeof servers)[number], ms: number): Promise<number> {
  const deadline = performance.now() + ms
  let n = 0
  const started = performance.now()
  while (performance.now() < deadline) {
    for (const op of OPERATIONS) {
      const response = await server.executeOperation({ query: uniqueQuery(op.query), variables: op.variables(n) }, { contextValue })
      if (response.body.kind !== 'single' || response.body.singleResult.errors)
        throw new Error(`${op.name}: ${JSON.stringify(response.body)}`)
    }
    n += OPERATIONS.length
  }
  return ((performance.now() - started) * 1000) / n
}

for (const server of servers) await serveNew(server, 300) // warm-up
const perRequest: number[][] = servers.map(() => [])
console.log(`\nA new document on every request through a projected server:`)
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [1, 0] : [0, 1]
  for (const v of order) perRequest[v].push(await serveNew(servers[v], MS))
  console.log(
    `round ${round + 1}: ${serverVariants.map((name, v) => `${name} ${perRequest[v][round].toFixed(1)} µs`).join(', ')}, saved ${(perRequest[1][round] - perRequest[0][round]).toFixed(1)} µs`,
  )
}
const saved = perRequest[1].map((t, i) => t - perRequest[0][i])
for (const [v, name] of serverVariants.entries()) console.log(`  ${name}: ${median(perRequest[v]).toFixed(1)} µs per request`)
console.log(
  `  saved per new document: ${median(saved).toFixed(1)} µs (median), ratio ${median(perRequest[0].map((t, i) => t / perRequest[1][i])).toFixed(3)}`,
)
