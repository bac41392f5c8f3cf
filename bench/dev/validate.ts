import { readFileSync } from 'node:fs'
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql'
import { OPERATIONS } from '../operations.js'
import { createStitchedSchema } from '../../gateway/execute/stitched-schema.js'
import { KnownOperationTypes } from '../../gateway/authorize/projected-servers.js'
import { validateDocument } from '../../gateway/authorize/validate-document.js'
import { collectSelectedCoordinates } from '../../auth/audit/personal-coordinates.js'

// Validation of a new document: graphql-js `validate` against gateway/authorize/validate-document.ts,
// with the rules the projected Apollo Servers run, on the benchmark's operations against the API
// schema of schema/supergraph.graphql (the gateway's unrestricted projection). In process, no
// servers. Variants run interleaved, ROUNDS times; the ratio is taken within each round.
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
