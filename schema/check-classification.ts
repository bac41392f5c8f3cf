import { GraphQLError, Kind, parse, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql'
import { CLASS_RANK, CLASSES, classOf, type ScopeRequirement, type SensitivityClass } from '../auth/classes.js'

/** A department SDL as the lint reads it; `name` is the department (= subgraph name = folder name). */
export interface ClassifiedService {
  name: string
  typeDefs: string
  file: string
}

/** One finding, printed by `npm run schema:check` as `file:line  coordinate  message`. */
export interface Problem {
  file: string
  line: number
  /** `Type.field`, or `Type` for a type-level requirement; empty for a file that does not parse. */
  coordinate: string
  message: string
}

/** The one way to write a class in a department's SDL (auth/classes.ts). */
export function classRequirement(department: string, cls: SensitivityClass): ScopeRequirement {
  return cls === 'open' ? [['open']] : [[cls], [`${department}:${cls}`]]
}

const SENSITIVE: ReadonlySet<SensitivityClass> = new Set(['personal', 'special'])

interface Declaration {
  service: ClassifiedService
  line: number
  cls: SensitivityClass
}

/**
 * Classification rules for department SDLs, checked before composition (docs/data-model.md#classification):
 *  1. a `personal`/`special` field is nullable, and so is every field returning a type classified so
 *     (a denied instance becomes `null`; a non-null field would null its parent instead);
 *  2. every `@requiresScopes` is one of the four class forms of the owning department, or names only
 *     department scopes of its own (`[["asylum:cases"]]`: internal, visible only to roles granted exactly that
 *     scope — how a new department stays invisible until released) — no scope of another department, no
 *     unknown scope, no other shape;
 *  3. a coordinate declared in several subgraphs (entity keys, shareable or external fields) carries one class;
 *     only explicit requirements count: an unannotated copy adds nothing when the composer merges requirements;
 *  4. one directive names one class (mixing `open` with `internal` alternatives makes the class ambiguous);
 *  5. every `Mutation` field requires exactly the department's write scope, `[["<department>:write"]]`, which
 *     only the department's own staff hold (a mutation left unclassified would be writable by every role
 *     with `internal`); the write scope stands alone and belongs to its own department.
 * Fields without a requirement are `internal` and not reported: leaving a field internal is always safe.
 */
export function checkClassification(services: ReadonlyArray<ClassifiedService>): Problem[] {
  const problems: Problem[] = []
  const declared = new Map<string, Declaration[]>()
  const typeClasses = new Map<string, SensitivityClass>()
  const fieldsToCheck: Array<{ service: ClassifiedService; typeName: string; field: FieldDefinitionNode; cls: SensitivityClass | null }> =
    []
  const departments = new Set(services.map(s => s.name))

  for (const service of services) {
    let doc: DocumentNode
    try {
      doc = parse(service.typeDefs)
    } catch (err) {
      const line = err instanceof GraphQLError ? (err.locations?.[0]?.line ?? 1) : 1
      problems.push({
        file: service.file,
        line,
        coordinate: '',
        message: `does not parse: ${err instanceof Error ? err.message : String(err)}`,
      })
      continue
    }
    const directiveName = requiresScopesName(doc)
    const report = (line: number, coordinate: string, message: string) => problems.push({ file: service.file, line, coordinate, message })
    const note = (coordinate: string, line: number, cls: SensitivityClass) => {
      const list = declared.get(coordinate) ?? []
      list.push({ service, line, cls })
      declared.set(coordinate, list)
    }
    const classify = (directives: readonly ConstDirectiveNode[] | undefined, coordinate: string): SensitivityClass | null => {
      const own = (directives ?? []).filter(d => d.name.value === directiveName)
      if (directiveName !== 'requiresScopes' && (directives ?? []).some(d => d.name.value === 'requiresScopes')) {
        report(
          line(directives!.find(d => d.name.value === 'requiresScopes')!),
          coordinate,
          'uses @requiresScopes without importing it: add "@requiresScopes" to the @link import list',
        )
      }
      if (own.length === 0) return null
      if (own.length > 1) report(line(own[1]), coordinate, `has ${own.length} @requiresScopes directives; write one`)
      return checkRequirement(own[0], service.name, departments, coordinate, report)
    }

    for (const def of doc.definitions) {
      if (
        def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        def.kind !== Kind.INTERFACE_TYPE_EXTENSION
      )
        continue
      const typeName = def.name.value
      const typeClass = classify(def.directives, typeName)
      if (typeClass) {
        note(typeName, line(def.name), typeClass)
        const known = typeClasses.get(typeName)
        if (!known || CLASS_RANK[typeClass] > CLASS_RANK[known]) typeClasses.set(typeName, typeClass)
      }
      for (const field of def.fields ?? []) {
        const coordinate = `${typeName}.${field.name.value}`
        if (typeName === 'Mutation') checkMutation(field, service.name, directiveName, coordinate, report)
        const cls = classify(field.directives, coordinate)
        if (cls) note(coordinate, line(field.name), cls)
        fieldsToCheck.push({ service, typeName, field, cls })
      }
    }
  }

  // Rule 1 runs after every service is read: a type may be classified in another subgraph than the field returning it.
  for (const { service, typeName, field, cls } of fieldsToCheck) {
    if (field.type.kind !== Kind.NON_NULL_TYPE) continue
    const coordinate = `${typeName}.${field.name.value}`
    const returned = typeClasses.get(namedType(field.type))
    if (cls && SENSITIVE.has(cls)) {
      problems.push({
        file: service.file,
        line: line(field.name),
        coordinate,
        message: `is ${cls} but non-null (${printType(field.type)}): make it nullable so a denied value becomes null (E8)`,
      })
    } else if (returned && SENSITIVE.has(returned)) {
      problems.push({
        file: service.file,
        line: line(field.name),
        coordinate,
        message: `returns ${namedType(field.type)}, which is ${returned}, but is non-null (${printType(field.type)}): make it nullable (E8)`,
      })
    }
  }

  for (const [coordinate, list] of declared) {
    const classes = new Set(list.map(d => d.cls))
    if (classes.size < 2) continue
    const where = list.map(d => `${d.cls} in ${d.service.name}`).join(', ')
    for (const d of list) {
      problems.push({
        file: d.service.file,
        line: d.line,
        coordinate,
        message: `is classified differently across subgraphs (${where}); a shared coordinate needs one class`,
      })
    }
  }

  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.coordinate.localeCompare(b.coordinate))
}

/**
 * Checks one `@requiresScopes` against rules 2 and 4 and returns the class it expresses (as `classOf` reads it,
 * so a malformed sensitive requirement still meets rule 1), or null when it has no readable `scopes` argument.
 */
function checkRequirement(
  directive: ConstDirectiveNode,
  department: string,
  departments: ReadonlySet<string>,
  coordinate: string,
  report: (line: number, coordinate: string, message: string) => void,
): SensitivityClass | null {
  const at = line(directive)
  const requirement = scopesOf(directive)
  if (!requirement) {
    report(at, coordinate, '@requiresScopes needs `scopes:` as a list of lists of scope strings')
    return null
  }
  const write = `${department}:write`
  if (requirement.flat().includes(write)) {
    if (!sameRequirement(requirement, writeRequirement(department))) {
      report(at, coordinate, `combines the write scope with other scopes; write @requiresScopes(scopes: [["${write}"]])`)
    }
    return classOf(requirement)
  }
  const named = new Set<SensitivityClass>()
  const own: string[] = []
  let valid = true
  for (const scope of requirement.flat()) {
    const cls = scopeClass(scope, department)
    if (cls) {
      named.add(cls)
      continue
    }
    if (DEPARTMENT_SCOPE.test(scope) && scope.startsWith(`${department}:`)) {
      own.push(scope)
      continue
    }
    valid = false
    const owner = scope.includes(':') ? scope.slice(0, scope.indexOf(':')) : null
    const suffix = scope.includes(':') ? scope.slice(scope.indexOf(':') + 1) : null
    if (owner && owner !== department && departments.has(owner)) {
      report(at, coordinate, `uses scope "${scope}" of department ${owner}; ${department} may only use its own (${department}:${suffix})`)
    } else {
      report(at, coordinate, `uses unknown scope "${scope}"; allowed: ${allowedScopes(department)}`)
    }
  }
  if (own.length) {
    if (named.size)
      report(at, coordinate, `mixes department scope ${own[0]} with class scopes; write either a class form or department scopes alone`)
    return classOf(requirement)
  }
  if (named.size > 1) {
    report(
      at,
      coordinate,
      `mixes classes ${[...named].sort((a, b) => CLASS_RANK[a] - CLASS_RANK[b]).join(' and ')} in one requirement; name exactly one class`,
    )
  } else if (valid) {
    const cls: SensitivityClass = named.size === 1 ? [...named][0] : 'internal'
    if (!sameRequirement(requirement, classRequirement(department, cls))) {
      report(
        at,
        coordinate,
        `is not the ${cls} form; write @requiresScopes(scopes: ${JSON.stringify(classRequirement(department, cls)).replace(/\],\[/g, '], [')})`,
      )
    }
  }
  return classOf(requirement)
}

/** The one requirement a department's mutations carry. */
export function writeRequirement(department: string): ScopeRequirement {
  return [[`${department}:write`]]
}

/** Rule 5 for one Mutation field (its requirement's form; `checkRequirement` reports malformed ones). */
function checkMutation(
  field: FieldDefinitionNode,
  department: string,
  directiveName: string,
  coordinate: string,
  report: (line: number, coordinate: string, message: string) => void,
): void {
  const own = (field.directives ?? []).find(d => d.name.value === directiveName)
  const requirement = own ? scopesOf(own) : null
  if (requirement && sameRequirement(requirement, writeRequirement(department))) return
  report(
    own ? line(own) : line(field.name),
    coordinate,
    `is a mutation: write @requiresScopes(scopes: [["${department}:write"]]) so only ${department}'s staff may run it`,
  )
}

/** `<department>:<name>`; a name that is a class (`asylum:internal`) is a class form, not a department scope. */
const DEPARTMENT_SCOPE = new RegExp(`^[a-z_]+:(?!(${CLASSES.join('|')})$)[a-z_]+$`)

/** The class a single scope names when it is part of the department's vocabulary, else null. */
function scopeClass(scope: string, department: string): SensitivityClass | null {
  if ((CLASSES as readonly string[]).includes(scope)) return scope as SensitivityClass
  for (const cls of CLASSES) if (cls !== 'open' && scope === `${department}:${cls}`) return cls
  return null
}

function allowedScopes(department: string): string {
  return [...CLASSES, ...CLASSES.filter(c => c !== 'open').map(c => `${department}:${c}`), `${department}:<name> alone`].join(', ')
}

/** Order-insensitive equality of two disjunctions of conjunctions. */
function sameRequirement(a: ScopeRequirement, b: ScopeRequirement): boolean {
  const key = (r: ScopeRequirement) => [...new Set(r.map(c => [...new Set(c)].sort().join('&')))].sort().join('|')
  return key(a) === key(b)
}

function scopesOf(directive: ConstDirectiveNode): string[][] | null {
  const arg = directive.arguments?.find(a => a.name.value === 'scopes')
  if (!arg || arg.value.kind !== Kind.LIST) return null
  const result: string[][] = []
  for (const conjunction of arg.value.values) {
    if (conjunction.kind !== Kind.LIST) return null
    const scopes: string[] = []
    for (const scope of conjunction.values) {
      if (scope.kind !== Kind.STRING) return null
      scopes.push(scope.value)
    }
    result.push(scopes)
  }
  return result
}

/**
 * The local name of `@requiresScopes`: as imported (possibly renamed) by the federation `@link`, else
 * `federation__requiresScopes`; SDLs without a federation `@link` use the plain name.
 */
function requiresScopesName(doc: DocumentNode): string {
  let linked = false
  for (const def of doc.definitions) {
    if (def.kind !== Kind.SCHEMA_DEFINITION && def.kind !== Kind.SCHEMA_EXTENSION) continue
    for (const link of def.directives ?? []) {
      if (link.name.value !== 'link') continue
      const url = link.arguments?.find(a => a.name.value === 'url')
      if (url?.value.kind !== Kind.STRING || !url.value.value.includes('specs.apollo.dev/federation/')) continue
      linked = true
      const list = link.arguments?.find(a => a.name.value === 'import')
      if (list?.value.kind !== Kind.LIST) continue
      for (const item of list.value.values) {
        if (item.kind === Kind.STRING && item.value === '@requiresScopes') return 'requiresScopes'
        if (item.kind === Kind.OBJECT) {
          const field = (n: string) => {
            const f = item.fields.find(x => x.name.value === n)
            return f?.value.kind === Kind.STRING ? f.value.value : undefined
          }
          if (field('name') === '@requiresScopes') return (field('as') ?? '@requiresScopes').replace(/^@/, '')
        }
      }
    }
  }
  return linked ? 'federation__requiresScopes' : 'requiresScopes'
}

function line(node: { loc?: { startToken: { line: number } } }): number {
  return node.loc?.startToken.line ?? 1
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type)
}

function printType(type: TypeNode): string {
  if (type.kind === Kind.NAMED_TYPE) return type.name.value
  if (type.kind === Kind.LIST_TYPE) return `[${printType(type.type)}]`
  return `${printType(type.type)}!`
}
