/**
 * Sensitivity classes (docs/data-model.md#classification) and how subgraph SDLs express them with the standard
 * `@requiresScopes` directive: `[[a, b], [c]]` means (a AND b) OR c.
 *
 *   open      @requiresScopes(scopes: [["open"]])
 *   internal  @requiresScopes(scopes: [["internal"], ["<department>:internal"]])
 *   personal  @requiresScopes(scopes: [["personal"], ["<department>:personal"]])
 *   special   @requiresScopes(scopes: [["special"], ["<department>:special"]])
 *
 * A field without a requirement is `internal` of its department. A department is a subgraph name
 * (geo, population, finance, education, asylum, …).
 */
export const CLASSES = ['open', 'internal', 'personal', 'special'] as const
export type SensitivityClass = (typeof CLASSES)[number]

/** Ordered from least to most sensitive. */
export const CLASS_RANK: Readonly<Record<SensitivityClass, number>> = { open: 0, internal: 1, personal: 2, special: 3 }

/** Disjunction of conjunctions of scopes, as in `@requiresScopes`. */
export type ScopeRequirement = ReadonlyArray<ReadonlyArray<string>>

/** The class a requirement expresses: the most sensitive class any of its scopes names. */
export function classOf(requirement: ScopeRequirement | null | undefined): SensitivityClass {
  if (!requirement || requirement.length === 0) return 'internal'
  let rank = -1
  for (const conjunction of requirement) {
    for (const scope of conjunction) {
      const cls = (scope.includes(':') ? scope.slice(scope.indexOf(':') + 1) : scope) as SensitivityClass
      if (cls in CLASS_RANK) rank = Math.max(rank, CLASS_RANK[cls])
      else rank = Math.max(rank, CLASS_RANK.internal)
    }
  }
  return rank < 0 ? 'internal' : CLASSES[rank]
}

/** Whether a set of held scopes satisfies a requirement. */
export function satisfies(requirement: ScopeRequirement, held: ReadonlySet<string>): boolean {
  return requirement.some(conjunction => conjunction.every(scope => held.has(scope)))
}

/** Verdicts of `readsPersonal` per requirements map (one per loaded supergraph) and key: a key's class never changes within one. */
const personalKeys = new WeakMap<ReadonlyMap<string, ScopeRequirement>, Map<string, boolean>>()

/**
 * The one rule for "this selection reads personal data": whether any of the requirements named by
 * `keys` — coordinates (`Type.field`) and type names, as `@requiresScopes` keys them — is of class
 * `personal` or `special`. A key without a requirement is `internal`. Who asks names the keys that
 * decide: the field's own coordinate and the type it returns, and, where a document reaches a type's
 * fields without a field returning it (an `_entities` fetch's `... on Type`), the type it is selected on.
 */
export function readsPersonal(requirements: ReadonlyMap<string, ScopeRequirement>, ...keys: ReadonlyArray<string | undefined>): boolean {
  let known = personalKeys.get(requirements)
  if (!known) personalKeys.set(requirements, (known = new Map()))
  for (const key of keys) {
    if (key === undefined) continue
    let personal = known.get(key)
    if (personal === undefined) known.set(key, (personal = CLASS_RANK[classOf(requirements.get(key))] >= CLASS_RANK.personal))
    if (personal) return true
  }
  return false
}
