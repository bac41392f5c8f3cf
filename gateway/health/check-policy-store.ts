import { isDatabaseTimeout } from '../../platform/db/database-timeout.js'

export interface PolicyStoreHealth {
  ok: boolean
  ms: number
  error?: string
}

/** How long `/readyz` waits for the policy store: a probe must answer before its own timeout (Kubernetes: 1 s). */
export const READY_POLICY_STORE_TIMEOUT_MS = 1_000

/**
 * Whether the policy store answers in time. A gateway whose store is frozen or gone keeps enforcing
 * the policy it has (fail-static), but it cannot log personal-data reads or take admin writes, so a
 * load balancer should prefer a replica whose store answers.
 */
export async function checkPolicyStore(
  policy: { ping(timeoutMs: number): Promise<void> },
  timeoutMs = READY_POLICY_STORE_TIMEOUT_MS,
): Promise<PolicyStoreHealth> {
  const t0 = performance.now()
  try {
    await policy.ping(timeoutMs)
    return { ok: true, ms: Math.round(performance.now() - t0) }
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - t0), error: isDatabaseTimeout(err) ? 'timeout' : 'unreachable' }
  }
}
