import type { Migration } from 'kysely'
import * as m0001 from './0001-init.js'
import * as m0002 from './0002-access-log.js'
import * as m0003 from './0003-pending-grant.js'
import * as m0004 from './0004-pending-import.js'
import * as m0005 from './0005-write-scope.js'
import * as m0006 from './0006-audit-checkpoint.js'
import * as m0007 from './0007-replica-supergraph.js'

/** In order; a landed migration is never edited, a change is a new file. */
export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-access-log': m0002,
  '0003-pending-grant': m0003,
  '0004-pending-import': m0004,
  '0005-write-scope': m0005,
  '0006-audit-checkpoint': m0006,
  '0007-replica-supergraph': m0007,
}
