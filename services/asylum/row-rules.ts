import { sql } from 'kysely'
import { withRowFilter, type RowRuleTargets } from '../../lib/service/row-filter.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { AsyDatabase } from './db.js'

/** The department whose staff receive person-level rows at all (the resolvers' gate, before any row rule). */
export const OWNER_DEPARTMENT = 'asylum'

/** AllocationRecord fields an administrator's row rule may name, and their columns. */
const ALLOCATION_COLUMNS = {
  route: 'route',
  countryOfOrigin: 'country_of_origin',
  firstAccommodation: 'first_accommodation_id',
  sex: 'sex',
} as const

/** The types whose rows row rules limit here (lib/service/row-filter.ts). */
export const rowRules = {
  AllocationRecord: {
    columns: ALLOCATION_COLUMNS,
    field: 'Query.allocationRecords',
    count: async (ctx: ServiceContext<AsyDatabase>) => {
      if (ctx.principal.department !== OWNER_DEPARTMENT) return 0
      const query = ctx.db.selectFrom('asy.allocation').select(sql<number>`count(*)::int`.as('n'))
      const row = await withRowFilter(query, ctx, 'AllocationRecord', ALLOCATION_COLUMNS).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  },
} satisfies RowRuleTargets
