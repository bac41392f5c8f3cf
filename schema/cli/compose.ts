import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { loadService, SERVICES_DIR, serviceFolders } from '../../lib/service/discover-services.js'
import { CompositionError } from '../compose.js'
import { resolverTypesOf } from '../resolver-types.js'
import { composeOwnSupergraph, SUPERGRAPH_PATH } from '../supergraph-file.js'

// npm run compose [-- --dry-run]: writes schema/supergraph.graphql (or only checks it composes) and each
// department's generated/resolvers.ts (typed resolvers from its schema.graphql and mappers.ts).
try {
  const sdl = await composeOwnSupergraph()
  if (process.argv.includes('--dry-run')) console.log(`composes (${sdl.length} chars); not written`)
  else {
    writeFileSync(SUPERGRAPH_PATH, sdl)
    console.log(`wrote ${SUPERGRAPH_PATH}`)
    // Every folder, as `npm run schema:check` checks them: each department's types are a property of its files.
    const folders = serviceFolders(SERVICES_DIR)
    const services = await Promise.all(folders.map(f => loadService(f, SERVICES_DIR)))
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
