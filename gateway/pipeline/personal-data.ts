import type { AccessLog } from '../../auth/audit/access-log.js'
import type { Requirements } from '../../auth/policy/types.js'
import { createPersonalDataPlugin } from '../authorize/personal-data-plugin.js'
import type { Stage } from './stage.js'

/**
 * An operation selecting personal or special data needs a purpose (403 PURPOSE_REQUIRED) and is
 * written to the access log before it runs (503 AUDIT_UNAVAILABLE when the log cannot be written).
 * After `limits`: an operation over the limits is never logged as a read.
 */
export function personalDataStage(requirements: () => Requirements, accessLog: AccessLog | null): Stage {
  return { name: 'personal data', plugins: [createPersonalDataPlugin(requirements, accessLog)] }
}
