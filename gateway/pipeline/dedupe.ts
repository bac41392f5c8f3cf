import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { Requirements } from '../../auth/policy/types.js'
import { createDedupePlugin } from '../cache/dedupe-plugin.js'
import type { Stage } from './stage.js'

/**
 * An identical non-personal query already running for the same access is awaited instead of
 * planned and fetched again (in flight only, nothing kept). Off with `dedupe: false`.
 */
export function dedupeStage(enabled: boolean, requirements: () => Requirements, metrics: GatewayMetrics): Stage {
  return { name: 'dedupe', plugins: enabled ? [createDedupePlugin(requirements, { onHit: metrics.dedupeHit })] : [] }
}
