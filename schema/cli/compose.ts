import { writeFileSync } from 'node:fs'
import { CompositionError } from '../compose.js'
import { composeOwnSupergraph, SUPERGRAPH_PATH } from '../supergraph-file.js'

// npm run compose [-- --dry-run]: writes schema/supergraph.graphql (or only checks it composes).
try {
  const sdl = await composeOwnSupergraph()
  if (process.argv.includes('--dry-run')) console.log(`composes (${sdl.length} chars); not written`)
  else {
    writeFileSync(SUPERGRAPH_PATH, sdl)
    console.log(`wrote ${SUPERGRAPH_PATH}`)
  }
} catch (err) {
  console.error(err instanceof CompositionError ? err.message : err)
  process.exit(1)
}
