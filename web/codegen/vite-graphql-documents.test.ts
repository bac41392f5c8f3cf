import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql'
import type { Plugin } from 'vite'
import { describe, expect, it } from 'vitest'
import { graphqlDocuments } from './vite-graphql-documents'

// The plugin that gives each view's chunk only its own GraphQL documents (vite-graphql-documents.ts), on the app's
// real generated files, and the built app (web/dist, built by the test run's global setup) checked for it.

const WEB = fileURLToPath(new URL('..', import.meta.url))
const GQL = join(WEB, 'src/gql')

type Hook = (this: unknown, ...args: unknown[]) => unknown
const hook = (plugin: Plugin, name: 'transform' | 'load' | 'resolveId') => plugin[name] as unknown as Hook
const ctx = { addWatchFile: () => undefined }

function transform(file: string, code = readFileSync(file, 'utf8')): string | null {
  const out = hook(graphqlDocuments({ gqlDir: GQL }), 'transform').call(ctx, code, file) as { code: string } | null
  return out?.code ?? null
}

/** The operations (and fragments) written with graphql() in the files under `dir`. */
function operationsIn(dir: string): Set<string> {
  const names = new Set<string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.test.ts')) continue
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8')
    for (const m of code.matchAll(/\bgraphql\(\s*`\s*(?:query|mutation|subscription)\s+(\w+)/g)) names.add(m[1]!)
  }
  return names
}

describe('graphql() calls become imports of their own documents', () => {
  it('rewrites a view’s operations to their generated documents and drops the import of the map', () => {
    const file = join(WEB, 'src/views/fazit/queries.ts')
    const code = transform(file)!
    expect(code).not.toMatch(/\bgraphql\(/)
    expect(code).not.toMatch(/from ['"]\.\.\/\.\.\/gql['"]/)
    const imports = [...code.matchAll(/from "virtual:graphql-document\/(\w+)"|from 'virtual:graphql-document\/(\w+)'/g)].map(
      m => m[1] ?? m[2],
    )
    expect(imports.sort()).toEqual(['FazitDocument', 'FazitForecastDocument'])
    // Same lines as the source, so positions in stack traces and the dev server stay right.
    expect(code.split('\n').length).toBe(readFileSync(file, 'utf8').split('\n').length)
  })

  it('serves each document as a module of its own, the document the codegen made', async () => {
    const plugin = graphqlDocuments({ gqlDir: GQL })
    const id = hook(plugin, 'resolveId').call(ctx, 'virtual:graphql-document/FazitForecastDocument') as string
    const source = hook(plugin, 'load').call(ctx, id) as string
    const doc = JSON.parse(/^export const FazitForecastDocument = (.*)$/s.exec(source.trim())![1]!) as DocumentNode
    const op = doc.definitions[0] as OperationDefinitionNode
    expect(op.name?.value).toBe('FazitForecast')
    const { FazitForecastDocument } = await import('../src/gql/graphql')
    expect(doc).toEqual(JSON.parse(JSON.stringify(FazitForecastDocument)))
  })

  it('fails the build for an operation the codegen has not seen, with what to do', () => {
    const file = join(WEB, 'src/views/fazit/new.ts')
    const code =
      "import { graphql } from '../../gql'\nexport const Q = graphql(`\n  query NotGenerated { years(from: 1, to: 2) { year } }\n`)\n"
    expect(() => transform(file, code)).toThrow(/npm run codegen:web/)
    expect(() => parse(code.split('`')[1]!)).not.toThrow()
  })

  it('leaves the calls of another generated client alone (the console’s, src/gql-admin)', () => {
    const file = join(WEB, 'src/admin/use-policy.ts')
    expect(readFileSync(file, 'utf8')).toMatch(/graphql\(`/)
    expect(transform(file)).toBeNull()
  })

  it('leaves files without graphql() calls and the generated files alone', () => {
    expect(transform(join(WEB, 'src/lib/format.ts'))).toBeNull()
    expect(transform(join(GQL, 'gql.ts'))).toBeNull()
  })
})

const DIST = join(WEB, 'dist')
const manifestPath = join(DIST, '.vite/manifest.json')

describe.skipIf(!existsSync(manifestPath))('the built app', () => {
  type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }>
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : {}
  const closure = (keys: string[], into = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (into.has(key) || !manifest[key]) continue
      into.add(key)
      closure(manifest[key].imports ?? [], into)
    }
    return into
  }
  const entry = Object.keys(manifest).find(k => manifest[k]!.isEntry) ?? ''
  const views = Object.keys(manifest).filter(k => manifest[k]!.isDynamicEntry && k.startsWith('src/views/'))
  // Operations of shared modules (useCanSee's TypeFields), and the minifier's quotes ("…" or `…`) in the built files.
  const shared = new Set([...operationsIn(join(WEB, 'src/graphql')), ...operationsIn(join(WEB, 'src/components'))])

  it.each(views.map(v => [relative('src/views', v).split('/')[0]!, v]))('the %s view downloads only its own documents', (view, key) => {
    const js = [...closure([entry, key])].map(k => readFileSync(join(DIST, manifest[k]!.file), 'utf8')).join('\n')
    const shipped = new Set(
      [
        ...js.matchAll(
          /kind"?:["`]OperationDefinition["`],"?operation"?:["`]\w+["`],"?name"?:\{"?kind"?:["`]Name["`],"?value"?:["`](\w+)/g,
        ),
      ].map(m => m[1]!),
    )
    const own = operationsIn(join(WEB, 'src/views', view))
    const foreign = [...shipped].filter(op => !own.has(op) && !shared.has(op))
    expect(foreign).toEqual([])
    for (const op of own) expect(shipped, `${op} is in the ${view} view's JavaScript`).toContain(op)
  })
})
