/**
 * Definitions of the Federation v2 directives a subgraph may import with `@link`.
 * A subgraph schema must define every directive it uses; names that are not imported
 * are available under the `federation__` prefix, as the federation spec requires.
 */
export const FEDERATION_DIRECTIVES: Readonly<Record<string, string>> = {
  key: '(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE',
  requires: '(fields: federation__FieldSet!) on FIELD_DEFINITION',
  provides: '(fields: federation__FieldSet!) on FIELD_DEFINITION',
  external: '(reason: String) on OBJECT | FIELD_DEFINITION',
  tag: '(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION',
  extends: ' on OBJECT | INTERFACE',
  shareable: ' repeatable on OBJECT | FIELD_DEFINITION',
  inaccessible:
    ' on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION',
  override: '(from: String!, label: String) on FIELD_DEFINITION',
  composeDirective: '(name: String) repeatable on SCHEMA',
  interfaceObject: ' on OBJECT',
  authenticated: ' on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM',
  requiresScopes: '(scopes: [[federation__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM',
  policy: '(policies: [[federation__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM',
}

export const FEDERATION_SCALARS = `
directive @link(url: String!, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
scalar federation__FieldSet
scalar federation__Scope
scalar federation__Policy
`
