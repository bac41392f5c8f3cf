import { Kind, parse, type DocumentNode } from 'graphql'

export interface SdlLocation {
  line: number
  /** True when the whole coordinate was found; false when only its type was (e.g. a removed field). */
  exact: boolean
}

/**
 * The line of a schema coordinate (`Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`,
 * `Input.field`) in an SDL, looking through definitions and extensions of the type. Null when the
 * type is not in the SDL (or the SDL does not parse).
 */
export function locateInSdl(sdl: string, coordinate: string): SdlLocation | null {
  let doc: DocumentNode
  try {
    doc = parse(sdl)
  } catch {
    return null
  }
  const [typeName, member, argument] = coordinate.split('.')
  let typeLine: number | null = null
  for (const def of doc.definitions) {
    if (!('name' in def) || def.name?.value !== typeName || def.kind === Kind.DIRECTIVE_DEFINITION) continue
    typeLine ??= def.name.loc?.startToken.line ?? 1
    if (!member) return { line: typeLine, exact: true }
    const members = [...('fields' in def ? (def.fields ?? []) : []), ...('values' in def ? (def.values ?? []) : [])] as Array<{
      name: { value: string; loc?: { startToken: { line: number } } }
      arguments?: ReadonlyArray<{ name: { value: string; loc?: { startToken: { line: number } } } }>
    }>
    const found = members.find(m => m.name.value === member)
    if (!found) continue
    if (!argument) return { line: found.name.loc?.startToken.line ?? typeLine, exact: true }
    const arg = found.arguments?.find(a => a.name.value === argument)
    return { line: (arg ?? found).name.loc?.startToken.line ?? typeLine, exact: !!arg }
  }
  return typeLine === null ? null : { line: typeLine, exact: false }
}
