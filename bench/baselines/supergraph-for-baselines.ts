import { Kind, parse, print, visit, type ConstDirectiveNode } from 'graphql'

/**
 * @apollo/gateway refuses a supergraph that links the requiresScopes spec ("feature …/requiresScopes/v0.1
 * is for: SECURITY but is unsupported"), so the baselines get the supergraph without it. The baselines
 * enforce no field access (neither does a plain Apollo or Hive gateway); the comparison with our
 * gateway is therefore made both with our authorization on and off.
 */
export function withoutRequiresScopes(supergraphSdl: string): string {
  const isScopesLink = (d: ConstDirectiveNode) =>
    d.name.value === 'link' &&
    d.arguments?.some(a => a.name.value === 'url' && a.value.kind === Kind.STRING && a.value.value.includes('/requiresScopes/'))
  const doc = visit(parse(supergraphSdl), {
    Directive: node => (node.name.value === 'requiresScopes' || isScopesLink(node as ConstDirectiveNode) ? null : undefined),
    DirectiveDefinition: node => (node.name.value === 'requiresScopes' ? null : undefined),
    ScalarTypeDefinition: node => (node.name.value === 'requiresScopes__Scope' ? null : undefined),
  })
  return print(doc)
}

/** Subgraph name → URL, from the supergraph's `join__Graph` enum. */
export function subgraphUrls(supergraphSdl: string): Map<string, string> {
  const urls = new Map<string, string>()
  visit(parse(supergraphSdl), {
    Directive: node => {
      if (node.name.value !== 'join__graph') return
      const arg = (n: string) => {
        const v = node.arguments?.find(a => a.name.value === n)?.value
        return v?.kind === Kind.STRING ? v.value : ''
      }
      urls.set(arg('name'), arg('url'))
    },
  })
  return urls
}
