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
