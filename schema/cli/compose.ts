import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { loadService, SERVICES_DIR, serviceFolders } from '../../lib/service/discover-services.js'
import { CompositionError } from '../compose.js'
import { resolverTypesOf } from '../resolver-types.js'
import { supergraphOf, SUPERGRAPH_PATH } from '../supergraph-file.js'

// npm run compose [-- --dry-run]: writes schema/supergraph.graphql and each department's generated/resolvers.ts
// (or only checks that the departments compose).
try {
  // Every folder, as `npm run schema:check` reads them: STADTGRAPH_SERVICES narrows what runs, not what is composed.
  const folders = serviceFolders(SERVICES_DIR)
  const services = await Promise.all(folders.map(f => loadService(f, SERVICES_DIR)))
  const sdl = supergraphOf(services)
  if (process.argv.includes('--dry-run')) console.log(`composes (${sdl.length} chars); not written`)
  else {
    writeFileSync(SUPERGRAPH_PATH, sdl)
    console.log(`wrote ${SUPERGRAPH_PATH}`)
    for (const [path, text] of await resolverTypesOf(
      SERVICES_DIR,
      services.map((s, i) => ({ folder: folders[i], typeDefs: s.typeDefs })),
    )) {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
      console.log(`wrote ${relative(process.cwd(), path)}`)
    }
  }
} catch (err) {
  console.error(err instanceof CompositionError ? err.message : err)
  process.exit(1)
}
