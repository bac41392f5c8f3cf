export interface SubgraphHealth {
  name: string
  url: string
  ok: boolean
  ms: number
  error?: string
}

/** Asks each subgraph for `{ __typename }`; any Federation subgraph, in any language, answers that. */
export async function checkSubgraphs(
  subgraphs: ReadonlyArray<{ name: string; url: string }>,
  timeoutMs = 2_000,
  headers: (subgraph: string) => Record<string, string> = () => ({}),
): Promise<SubgraphHealth[]> {
  return Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const t0 = performance.now()
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers(name) },
          body: '{"query":"{ __typename }"}',
          signal: AbortSignal.timeout(timeoutMs),
        })
        const body = (await res.json()) as { data?: { __typename?: string } }
        const ok = res.ok && body?.data?.__typename === 'Query'
        return { name, url, ok, ms: Math.round(performance.now() - t0), ...(ok ? {} : { error: `HTTP ${res.status}` }) }
      } catch (err) {
        return { name, url, ok: false, ms: Math.round(performance.now() - t0), error: err instanceof Error ? err.name : 'error' }
      }
    }),
  )
}
