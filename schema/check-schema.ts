import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { loadService, SERVICES_DIR, serviceFolders } from '../lib/service/discover-services.js'
import { readAcknowledgements, ACKNOWLEDGEMENTS_FILE, type Acknowledgements } from './acknowledged-changes.js'
import { apiSchemaOf, findSchemaChanges, type SchemaChange } from './breaking-changes.js'
import { checkClassification } from './check-classification.js'
import { CompositionError } from './compose.js'
import { loadKnownOperations, operationErrors, OPERATIONS_DIR } from './known-operations.js'
import { RESOLVER_TYPES_FILE, resolverTypesOf } from './resolver-types.js'
import { locateInSdl } from './sdl-location.js'
import { SUPERGRAPH_PATH, supergraphOf } from './supergraph-file.js'

/** What a finding is about; every level except DANGEROUS and NOTE can fail the check. ERROR: the check itself could not run a step. */
export type FindingLevel = 'ERROR' | 'COMPOSITION' | 'CLASSIFICATION' | 'STALE' | 'BREAKING' | 'DANGEROUS' | 'OPERATION' | 'NOTE'

/** One line of `npm run schema:check`: `file:line  LEVEL  message`, paths relative to the repository. */
export interface Finding {
  file: string
  line: number
  level: FindingLevel
  message: string
  /** Whether it makes the check exit non-zero. */
  fails: boolean
}

export interface SchemaCheckOptions {
  /** Department folders (default `services/`); paths are reported relative to its parent. */
  servicesDir?: string
  /** The committed supergraph file (default `schema/supergraph.graphql`). */
  supergraphPath?: string
  /**
   * Git revision whose supergraph is the baseline for breaking changes (default `HEAD`). Outside a
   * git work tree, or when HEAD has no such file yet, the supergraph file on disk is the baseline.
   */
  base?: string
  /** Folders of known operations (default `schema/operations/`). */
  operationsDirs?: readonly string[]
  /** A trusted documents file (the gateway's `TRUSTED_DOCUMENTS`) whose documents count as known operations too. */
  trustedDocumentsPath?: string | null
}

export interface SchemaCheckResult {
  findings: Finding[]
  /** The supergraph the departments compose to now (null when they do not compose). */
  composed: string | null
  /** What breaking changes were compared against, e.g. `HEAD:schema/supergraph.graphql`; null when nothing was. */
  baseline: string | null
  changes: SchemaChange[]
  ok: boolean
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${f.level}  ${f.message}`
}

/**
 * `npm run schema:check`: classification lint, composition, staleness of the committed supergraph and resolver types,
 * breaking and dangerous changes against the committed supergraph (weighed by the known operations
 * that use them and the departments' acknowledgements), and whether every known operation still
 * validates. Everything runs, so one run shows every problem.
 */
export async function checkSchema(opts: SchemaCheckOptions = {}): Promise<SchemaCheckResult> {
  const servicesDir = resolve(opts.servicesDir ?? SERVICES_DIR)
  const root = dirname(servicesDir)
  const supergraphPath = resolve(opts.supergraphPath ?? SUPERGRAPH_PATH)
  const rel = (path: string) => relative(root, path) || path
  const findings: Finding[] = []
  const sdlFile = (department: string) => join(servicesDir, department, 'schema.graphql')

  // Classification: every department folder, regardless of STADTGRAPH_SERVICES — it is a property of the files.
  const folders = serviceFolders(servicesDir)
  const definitions = await Promise.all(folders.map(folder => loadService(folder, servicesDir)))
  const services = definitions.map((service, i) => ({
    name: service.name,
    folder: folders[i],
    typeDefs: service.typeDefs,
    file: rel(sdlFile(folders[i])),
  }))
  for (const p of checkClassification(services)) {
    findings.push({ file: p.file, line: p.line, level: 'CLASSIFICATION', message: `${p.coordinate || '(file)'} ${p.message}`, fails: true })
  }
  const folderOf = new Map(services.map(s => [s.name, s.folder]))
  const currentSdl = new Map(services.map(s => [s.name, s.typeDefs]))

  let composed: string | null = null
  try {
    // Every folder, like the committed file: STADTGRAPH_SERVICES narrows what runs, not what is checked.
    composed = supergraphOf(definitions)
  } catch (err) {
    const problems = err instanceof CompositionError ? err.problems : [err instanceof Error ? err.message : String(err)]
    for (const problem of problems) {
      const department = /^\[([^\]]+)\]/.exec(problem)?.[1]
      const file = department && folderOf.has(department) ? rel(sdlFile(folderOf.get(department)!)) : rel(supergraphPath)
      findings.push({ file, line: 1, level: 'COMPOSITION', message: problem, fails: true })
    }
  }

  const committed = existsSync(supergraphPath) ? readFileSync(supergraphPath, 'utf8') : null
  if (composed !== null) {
    if (committed === null) {
      findings.push({
        file: rel(supergraphPath),
        line: 1,
        level: 'STALE',
        message: 'is missing: run `npm run compose` and commit it',
        fails: true,
      })
    } else if (committed !== composed) {
      const a = committed.split('\n')
      const b = composed.split('\n')
      const found = a.findIndex((l, i) => l !== b[i])
      const line = found < 0 ? a.length : found // the committed file is a prefix of the composed one
      findings.push({
        file: rel(supergraphPath),
        line: line + 1,
        level: 'STALE',
        fails: true,
        message: `is stale: the departments' schemas compose to something else (committed: ${JSON.stringify((a[line] ?? '(end of file)').trim())}, composed: ${JSON.stringify((b[line] ?? '(end of file)').trim())}); run \`npm run compose\` and commit it`,
      })
    }
  }

  // Each department's generated resolver types, like the supergraph: derived from its SDL, committed, kept fresh.
  const generated = await resolverTypesOf(
    servicesDir,
    definitions.map((d, i) => ({ folder: folders[i], typeDefs: d.typeDefs })),
  )
  for (const [path, text] of generated) {
    const onDisk = existsSync(path) ? readFileSync(path, 'utf8') : null
    if (onDisk === text) continue
    const a = (onDisk ?? '').split('\n')
    const found = a.findIndex((l, i) => l !== text.split('\n')[i])
    findings.push({
      file: rel(path),
      line: onDisk === null ? 1 : (found < 0 ? a.length : found) + 1,
      level: 'STALE',
      fails: true,
      message: `${onDisk === null ? 'is missing' : `is stale: ${RESOLVER_TYPES_FILE} no longer matches the department's schema.graphql`}; run \`npm run compose\` and commit it`,
    })
  }

  const base = readBaseline(supergraphPath, committed, opts.base)
  if (base.problem) findings.push({ file: rel(supergraphPath), line: 1, level: 'ERROR', message: base.problem, fails: true })
  const { operations, problems: operationProblems } = loadKnownOperations(
    opts.operationsDirs ?? [OPERATIONS_DIR],
    opts.trustedDocumentsPath ?? null,
  )
  for (const p of operationProblems)
    findings.push({ file: rel(resolve(p.file)), line: p.line, level: 'OPERATION', message: p.message, fails: true })

  let changes: SchemaChange[] = []
  if (composed !== null && base.sdl !== null) {
    changes = await findSchemaChanges(base.sdl, composed, operations)
    const acknowledgements = new Map<string, Acknowledgements>()
    for (const [name, folder] of folderOf) {
      const acks = readAcknowledgements(join(servicesDir, folder, ACKNOWLEDGEMENTS_FILE))
      acknowledgements.set(name, acks)
      for (const p of acks.problems)
        findings.push({
          file: rel(join(servicesDir, folder, ACKNOWLEDGEMENTS_FILE)),
          line: p.line,
          level: 'BREAKING',
          message: p.message,
          fails: true,
        })
    }
    const usedAcks = new Set<string>()
    for (const change of changes) {
      const where = locateChange(change, { currentSdl, folderOf, sdlFile, rel, root, baseRef: base.ref })
      const ack = change.departments.map(d => ({ d, a: acknowledgements.get(d)?.entries.get(change.coordinate) })).find(x => x.a)
      if (ack) usedAcks.add(`${ack.d}|${change.coordinate}`)
      const ops = change.usedBy.length
        ? ` (used by operation${change.usedBy.length > 1 ? 's' : ''} ${[...new Set(change.usedBy.map(o => o.name))].join(', ')})`
        : ''
      if (change.level === 'DANGEROUS') {
        findings.push({ ...where, level: 'DANGEROUS', message: change.message + ops, fails: false })
      } else if (change.usedBy.length) {
        const note = ack ? ': acknowledged, but known operations still use it; change them in the same commit' : ''
        findings.push({ ...where, level: 'BREAKING', message: change.message + ops + note, fails: true })
      } else if (ack) {
        findings.push({ ...where, level: 'BREAKING', message: `${change.message} (acknowledged: ${ack.a!.reason})`, fails: false })
      } else {
        const file = change.departments.map(d => folderOf.get(d)).find(Boolean)
        findings.push({
          ...where,
          level: 'BREAKING',
          fails: true,
          message: `${change.message} (no known operation uses it; if every client is prepared, acknowledge it in ${file ? `services/${file}/` : ''}${ACKNOWLEDGEMENTS_FILE})`,
        })
      }
    }
    for (const [name, acks] of acknowledgements) {
      for (const [coordinate, entry] of acks.entries) {
        if (usedAcks.has(`${name}|${coordinate}`)) continue
        findings.push({
          file: rel(join(servicesDir, folderOf.get(name)!, ACKNOWLEDGEMENTS_FILE)),
          line: entry.line,
          level: 'NOTE',
          fails: false,
          message: `${coordinate} is acknowledged but is no breaking change against ${base.label}; remove the line once the change has landed`,
        })
      }
    }
  }
  if (composed !== null && base.sdl === null && !base.problem) {
    findings.push({
      file: rel(supergraphPath),
      line: 1,
      level: 'NOTE',
      message: 'no committed supergraph to compare with: breaking changes not checked',
      fails: false,
    })
  }

  // Every known operation must still validate: this also catches what a diff alone cannot weigh.
  if (composed !== null) {
    const after = apiSchemaOf(composed)
    const before = base.sdl !== null ? apiSchemaOf(base.sdl) : null
    const named = new Set(changes.filter(c => c.level === 'BREAKING').flatMap(c => c.usedBy))
    for (const op of operations) {
      const errors = operationErrors(after, op)
      if (!errors.length || named.has(op)) continue
      const already = before ? operationErrors(before, op).length > 0 : false
      findings.push({
        file: rel(resolve(op.file)),
        line: op.line,
        level: 'OPERATION',
        fails: true,
        message: `operation ${op.name} ${already ? 'does not validate against the committed supergraph either' : 'no longer validates'}: ${errors[0]}`,
      })
    }
  }

  const order: Record<FindingLevel, number> = {
    ERROR: -1,
    COMPOSITION: 0,
    CLASSIFICATION: 1,
    STALE: 2,
    BREAKING: 3,
    OPERATION: 4,
    DANGEROUS: 5,
    NOTE: 6,
  }
  findings.sort((a, b) => order[a.level] - order[b.level] || a.file.localeCompare(b.file) || a.line - b.line)
  return { findings, composed, baseline: base.sdl !== null ? base.label : null, changes, ok: !findings.some(f => f.fails) }
}

interface Baseline {
  sdl: string | null
  label: string
  ref: string | null
  problem?: string
}

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 })
  } catch {
    return null
  }
}

/** The committed supergraph: at `ref` (default HEAD) in git, else the file on disk. */
function readBaseline(supergraphPath: string, onDisk: string | null, ref: string | undefined): Baseline {
  const dir = dirname(supergraphPath)
  const top = existsSync(dir) ? git(dir, ['rev-parse', '--show-toplevel'])?.trim() : undefined
  if (top) {
    const path = relative(top, supergraphPath).split('\\').join('/')
    const sdl = git(top, ['show', `${ref ?? 'HEAD'}:${path}`])
    if (sdl !== null) return { sdl, label: `${ref ?? 'HEAD'}:${path}`, ref: ref ?? 'HEAD' }
    if (ref) return { sdl: null, label: ref, ref, problem: `cannot read ${path} at git revision ${JSON.stringify(ref)} (--base)` }
  } else if (ref) {
    return { sdl: null, label: ref, ref, problem: `--base ${ref} needs a git work tree; ${dir} is not in one` }
  }
  return { sdl: onDisk, label: supergraphPath, ref: null }
}

interface LocateContext {
  currentSdl: ReadonlyMap<string, string>
  folderOf: ReadonlyMap<string, string>
  sdlFile(folder: string): string
  rel(path: string): string
  root: string
  baseRef: string | null
}

const SHARED_TYPES = new URL('../lib/subgraph/shared-types.graphql', import.meta.url)

/**
 * Where a department sees a change: the coordinate in its SDL; for something removed, its type in
 * the SDL, or failing that the line in the SDL at the baseline revision; shared value types point
 * at `lib/subgraph/shared-types.graphql`.
 */
function locateChange(change: SchemaChange, ctx: LocateContext): { file: string; line: number } {
  const shared = readFileSync(SHARED_TYPES, 'utf8')
  const inShared = locateInSdl(shared, change.coordinate)
  if (inShared) return { file: ctx.rel(resolve(ctx.root, 'lib/subgraph/shared-types.graphql')), line: inShared.line }
  for (const department of change.departments) {
    const folder = ctx.folderOf.get(department) ?? department
    const file = ctx.sdlFile(folder)
    const here = ctx.currentSdl.has(department) ? locateInSdl(ctx.currentSdl.get(department)!, change.coordinate) : null
    if (here) return { file: ctx.rel(file), line: here.line }
    if (ctx.baseRef) {
      const top = git(ctx.root, ['rev-parse', '--show-toplevel'])?.trim()
      const before = top ? git(top, ['show', `${ctx.baseRef}:${relative(top, file).split('\\').join('/')}`]) : null
      const there = before ? locateInSdl(before, change.coordinate) : null
      if (there) return { file: `${ctx.rel(file)}@${ctx.baseRef}`, line: there.line }
    }
  }
  const first = change.departments[0]
  return { file: first ? ctx.rel(ctx.sdlFile(ctx.folderOf.get(first) ?? first)) : 'schema/supergraph.graphql', line: 1 }
}
