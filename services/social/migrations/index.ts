import type { Migration } from 'kysely'
import * as m0001 from './0001-init.js'
import * as m0002 from './0002-data-entry.js'
import * as m0003 from './0003-record-keys.js'
import * as m0004 from './0004-upload-via.js'

/** In order; a landed migration is never edited, a change is a new file. */
export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-data-entry': m0002,
  '0003-record-keys': m0003,
  '0004-upload-via': m0004,
}
