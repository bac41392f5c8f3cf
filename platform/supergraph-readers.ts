/**
 * What can be read out of a supergraph's text: the subgraphs it names and their URLs. Plain text readers,
 * shared by the gateway and the schema tooling, so serving a supergraph never loads the federation composer.
 */

/** Replaces the URL of named subgraphs in a supergraph (`@join__graph(name: …, url: …)`). */
export function withSubgraphUrls(supergraphSdl: string, urls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  )
}

/** Subgraph names and URLs declared in a supergraph. */
export function subgraphsOf(supergraphSdl: string): Array<{ name: string; url: string }> {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)].map(m => ({ name: m[1], url: m[2] }))
}

/** Subgraph names by join__Graph enum value (ASYLUM → asylum), from the supergraph. */
export function graphNamesOf(supergraphSdl: string): Map<string, string> {
  return new Map([...supergraphSdl.matchAll(/^\s*(\w+) @join__graph\(name: "([^"]+)"/gm)].map(m => [m[1], m[2]]))
}
