import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadService, SERVICES_DIR, serviceFolders } from '../lib/service/discover-services.js'
import { CLASSES } from '../auth/classes.js'
import { checkClassification } from '../schema/check-classification.js'
import { CompositionError } from '../schema/compose.js'
import { RESOLVER_TYPES_FILE, renderResolverTypes } from '../schema/resolver-types.js'
import { SUPERGRAPH_PATH, supergraphOf } from '../schema/supergraph-file.js'
import { renderDisclosureDocs } from '../lib/service/render-disclosure-docs.js'
import { renderDeployFiles } from './deploy-config.js'

const TEMPLATES = fileURLToPath(new URL('./templates/service/', import.meta.url))
const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** Department names become folder, subgraph, Postgres schema and scope prefix (`parks:preview`): lowercase words joined by `_`. */
const NAME = /^[a-z]+(_[a-z]+)*$/
const GATEWAY_PORT = 4000
const FIRST_PORT = 4001

/** Names that would collide with the platform: sensitivity classes, Postgres schemas, folder names, GraphQL roots. */
const RESERVED: ReadonlySet<string> = new Set([
  ...CLASSES,
  'department',
  'public',
  'access',
  'information_schema',
  'gateway',
  'admin',
  'schema',
  'shared',
  'platform',
  'lib',
  'auth',
  'test',
  'tests',
  'services',
  'scripts',
  'bench',
  'docs',
  'node_modules',
  'federation',
  'join',
  'link',
  'query',
  'mutation',
  'subscription',
])

export class ScaffoldError extends Error {}

export interface ScaffoldOptions {
  name: string
  port?: number
  owner?: string
  /** Where departments live (default `services/`). */
  servicesDir?: string
  /** The supergraph file composed afterwards (default `schema/supergraph.graphql`). */
  supergraphPath?: string
  /** Where `docker-compose.yml` and `docker/postgres-init.sh` are written afterwards (default: the repository). */
  deployRoot?: string
  /** The disclosure list written afterwards (default `docs/disclosure.md`). */
  disclosureDocsPath?: string
}

export interface ScaffoldResult {
  folder: string
  port: number
  files: string[]
  supergraphPath: string
  /** Every file derived from the departments and written again: supergraph, deployment files, disclosure list. */
  derived: string[]
}

/**
 * `npm run new:service`: writes `services/<name>/` from `scripts/templates/service/` (with its resolver types,
 * `generated/resolvers.ts`, generated from its schema as `npm run compose` does) and writes again what
 * is derived from the departments — the supergraph (`npm run compose`), the deployment files (`npm run
 * deploy:generate`) and the disclosure list (`npm run docs:disclosure`) — so that the new department needs
 * no edit outside its folder. Nothing is written unless the new department composes with the existing ones
 * and passes the classification lint; should loading or composing from disk still fail, the folder is
 * removed again and nothing else is written.
 */
export async function scaffoldService(opts: ScaffoldOptions): Promise<ScaffoldResult> {
  const servicesDir = resolve(opts.servicesDir ?? SERVICES_DIR)
  const supergraphPath = resolve(opts.supergraphPath ?? SUPERGRAPH_PATH)
  const deployRoot = resolve(opts.deployRoot ?? ROOT)
  const disclosureDocsPath = resolve(opts.disclosureDocsPath ?? join(ROOT, 'docs/disclosure.md'))
  const name = opts.name
  if (!NAME.test(name) || name.length < 2 || name.length > 30) {
    throw new ScaffoldError(
      `department name ${JSON.stringify(name)} must be 2–30 lowercase letters, words joined by "_" (e.g. "parks", "street_cleaning")`,
    )
  }
  if (RESERVED.has(name) || name.startsWith('pg_')) throw new ScaffoldError(`department name "${name}" is reserved`)
  if (existsSync(join(servicesDir, name))) throw new ScaffoldError(`services/${name} already exists`)

  const existing = await Promise.all(serviceFolders(servicesDir).map(f => loadService(f, servicesDir)))
  const taken = existing.find(s => s.name === name || s.dbSchema === name)
  if (taken)
    throw new ScaffoldError(
      `"${name}" is already used by department ${taken.name} (as ${taken.name === name ? 'its name' : 'its Postgres schema'})`,
    )
  const port = choosePort(opts.port, existing)

  const title = name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ')
  const owner = opts.owner?.trim() || `Referat ${title}`
  const pascal = name
    .split('_')
    .map(w => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
  const values: Record<string, string> = {
    name,
    schema: name,
    port: String(port),
    title,
    owner,
    ownerLiteral: JSON.stringify(owner),
    Pascal: pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
  }
  const files = renderTemplates(values)

  // Check before writing anything: the new SDL must compose with every department and pass the lint.
  const typeDefs = files.get('schema.graphql')!
  try {
    supergraphOf([...existing, { name, defaultPort: port, typeDefs }])
  } catch (err) {
    const problems = err instanceof CompositionError ? err.problems : [String(err)]
    throw new ScaffoldError(`services/${name} would not compose with the other departments:\n${problems.map(p => `  - ${p}`).join('\n')}`)
  }
  const lint = checkClassification([
    ...existing.map(s => ({ name: s.name, typeDefs: s.typeDefs, file: `services/${s.name}/schema.graphql` })),
    { name, typeDefs, file: `services/${name}/schema.graphql` },
  ]).filter(p => p.file === `services/${name}/schema.graphql`)
  if (lint.length)
    throw new ScaffoldError(
      `the template does not pass the classification lint:\n${lint.map(p => `  - ${p.line}: ${p.coordinate} ${p.message}`).join('\n')}`,
    )

  const folder = join(servicesDir, name)
  const derived = new Map<string, string>()
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(folder, path)), { recursive: true })
      writeFileSync(join(folder, path), text)
    }
    // Its resolver types, as `npm run compose` writes them (from schema.graphql and mappers.ts).
    files.set(RESOLVER_TYPES_FILE, await renderResolverTypes(folder, typeDefs))
    mkdirSync(dirname(join(folder, RESOLVER_TYPES_FILE)), { recursive: true })
    writeFileSync(join(folder, RESOLVER_TYPES_FILE), files.get(RESOLVER_TYPES_FILE)!)
    // From disk, every folder (as `npm run compose` without STADTGRAPH_SERVICES): the new one must load.
    const all = (await Promise.all(serviceFolders(servicesDir).map(f => loadService(f, servicesDir)))).sort(
      (a, b) => a.defaultPort - b.defaultPort || a.name.localeCompare(b.name),
    )
    derived.set(supergraphPath, supergraphOf(all))
    for (const [path, text] of renderDeployFiles(all)) derived.set(join(deployRoot, path), text)
    derived.set(disclosureDocsPath, renderDisclosureDocs(all))
  } catch (err) {
    rmSync(folder, { recursive: true, force: true })
    throw err instanceof CompositionError ? new ScaffoldError(err.message) : err
  }
  for (const [path, text] of derived) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
  const written = [...files.keys()].map(f => relative(dirname(servicesDir), join(folder, f)))
  return { folder, port, files: written, supergraphPath, derived: [...derived.keys()] }
}

function choosePort(requested: number | undefined, existing: ReadonlyArray<{ name: string; defaultPort: number }>): number {
  const used = new Map(existing.map(s => [s.defaultPort, s.name]))
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1024 || requested > 65535)
      throw new ScaffoldError(`--port must be a whole number from 1024 to 65535, got ${requested}`)
    if (requested === GATEWAY_PORT) throw new ScaffoldError(`port ${GATEWAY_PORT} is the gateway's`)
    if (used.has(requested)) throw new ScaffoldError(`port ${requested} is already the default port of department ${used.get(requested)}`)
    return requested
  }
  let port = FIRST_PORT
  while (used.has(port)) port++
  return port
}

/** Template files with `{{key}}` filled in; `service.test.ts` becomes `<name>.test.ts`. */
function renderTemplates(values: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) {
        walk(path)
        continue
      }
      if (!entry.endsWith('.tmpl')) continue
      let target = relative(TEMPLATES, path).slice(0, -'.tmpl'.length)
      if (target === 'service.test.ts') target = `${values.name}.test.ts`
      out.set(
        target,
        readFileSync(path, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
          if (!Object.hasOwn(values, key)) throw new Error(`template ${relative(TEMPLATES, path)} uses unknown placeholder {{${key}}}`)
          return values[key]
        }),
      )
    }
  }
  walk(TEMPLATES)
  return out
}
