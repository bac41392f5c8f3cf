import { existsSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BuildError, buildGateway } from '../lib/service/build-departments.js'

// npm run build:gateway [-- <outDir>]: bundles the gateway for plain node into <outDir>/gateway.js
// (default .data/gateway), e.g. `node --enable-source-maps .data/gateway/gateway.js --supergraph …`.
// The bundle reads its files (GraphiQL, shared types) from these sources, and its packages from
// this project's node_modules: build and run it in the same checkout (the container image does).
// The output folder lies in .data/ and is new, empty or an earlier gateway build: a build removes
// every other file in it.
const DATA = fileURLToPath(new URL('../.data/', import.meta.url))
const args = process.argv.slice(2)
if (args.length > 1 || args[0]?.startsWith('-')) {
  console.error('usage: npm run build:gateway [-- <outDir in .data/>]')
  process.exit(2)
}
const outDir = resolve(args[0] ?? resolve(DATA, 'gateway'))
const inside = relative(DATA, outDir)
if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
  console.error(`the output folder must lie inside ${DATA} (generated files; the bundle finds its packages from there), got ${outDir}`)
  process.exit(2)
}
if (existsSync(outDir) && (!statSync(outDir).isDirectory() || (readdirSync(outDir).length && !existsSync(resolve(outDir, 'gateway.js'))))) {
  console.error(`${outDir} is not a new, empty or earlier gateway build folder (a build would remove its files): choose another`)
  process.exit(2)
}
try {
  console.log(`built ${relative(process.cwd(), await buildGateway(outDir)) || '.'}`)
} catch (err) {
  console.error(err instanceof BuildError ? err.message : err)
  process.exit(1)
}
