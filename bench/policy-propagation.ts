/**
 * How fast a policy change made through one gateway replica's admin API reaches a second replica:
 * alternately grants and revokes one coordinate `samples` times and waits for replica 2's /healthz
 * to report the new policy version.
 */
export async function measurePolicyPropagation(
  replica1: string,
  replica2: string,
  adminToken: string,
  samples = 10,
): Promise<{ p50: number; max: number; samples: number[] }> {
  const adminCall = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${replica1}/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    })
    return res.json() as Promise<{ data?: any; errors?: unknown[] }>
  }
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const { data } = await adminCall('{ policy { version } }', {})
    const version = data.policy.version as number
    const change =
      i % 2 === 0
        ? 'mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }'
        : 'mutation ($v: Int!) { removeGrant(role: "public", coordinate: "Accommodation.operator", expectedVersion: $v) }'
    const t0 = performance.now()
    const res = await adminCall(change, { v: version })
    if (res.errors) throw new Error(`policy change failed: ${JSON.stringify(res.errors)}`)
    for (const until = Date.now() + 30_000; ;) {
      const health = (await fetch(`${replica2}/healthz`).then(r => r.json())) as { policyVersion: number }
      if (health.policyVersion > version) break
      if (Date.now() > until) throw new Error('policy change did not reach the second replica within 30 s')
      await new Promise(r => setTimeout(r, 2))
    }
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return {
    p50: +times[Math.floor(times.length / 2)].toFixed(1),
    max: +times[times.length - 1].toFixed(1),
    samples: times.map(x => +x.toFixed(1)),
  }
}
