import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import { createRequestRecordPlugin } from '../../lib/observability/request-record-plugin.js'
import type { GatewayConfig } from '../config.js'
import type { GatewayContext } from '../gateway-context.js'
import { createDenialModePlugin } from '../authorize/denial-mode-plugin.js'
import { createDenialLogPlugin } from '../authorize/denial-log-plugin.js'
import { createPolicyVersionPlugin } from '../authorize/policy-version-plugin.js'
import type { Stage } from './stage.js'

/**
 * The answer on its way out, in this order: instance-level denials kept partial or turned into 403
 * (denial mode), every denial logged, the policy version put into `extensions`, the operation's name
 * and hash recorded and its error codes counted (metrics). Formatting of errors is Apollo Server's
 * `formatError` (platform/http/format-error.ts).
 */
export function respondStage(
  config: Pick<GatewayConfig, 'denials'>,
  owners: () => ReadonlyMap<string, unknown>,
  metrics: GatewayMetrics,
): Stage {
  return {
    name: 'respond',
    plugins: [
      createDenialModePlugin(config.denials),
      createDenialLogPlugin(owners),
      createPolicyVersionPlugin(),
      createRequestRecordPlugin<GatewayContext>(metrics),
    ],
  }
}
