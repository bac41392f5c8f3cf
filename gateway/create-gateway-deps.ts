import { createAuthenticator } from '../auth/identity/create-authenticator.js'
import { readIdentityConfig, type IdentityConfig } from '../auth/identity/identity-config.js'
import { createInternalTokenSigner } from '../auth/internal/internal-token.js'
import type { GatewayConfig } from './config.js'
import type { GatewayDeps } from './gateway.js'
import { createPolicyRuntime } from './authorize/policy-runtime.js'
import type { SensitivityClass } from '../auth/classes.js'

/**
 * Identity, policy and internal-token signing for a gateway, from its configuration and env. The
 * policy store classifies grant coordinates against the supergraph the gateway serves, which the
 * gateway registers with `classifyWith` once it has loaded it.
 */
export async function createGatewayDeps(
  config: GatewayConfig,
  identity: IdentityConfig = readIdentityConfig(),
): Promise<GatewayDeps & { close(): Promise<void> }> {
  const authenticator = createAuthenticator(identity)
  let classifier: ((coordinate: string) => SensitivityClass | undefined) | null = null
  const policy = await createPolicyRuntime({
    databaseUrl: config.databaseUrl,
    replicaId: config.replicaId,
    classify: coordinate => classifier?.(coordinate),
  })
  const internalSigner = config.internalTokenSecret ? createInternalTokenSigner(config.internalTokenSecret) : null
  return {
    authenticator,
    identity,
    policy,
    internalSigner,
    classifyWith: fn => {
      classifier = fn
    },
    close: async () => {
      authenticator.close()
      await policy.close()
    },
  }
}
