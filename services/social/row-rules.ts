import { sql } from 'kysely'
import { withRowFilter, type RowRuleTargets } from '../../lib/service/row-filter.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { SocDatabase } from './db.js'

/** The department whose staff receive case rows at all (the resolvers' gate, before any row rule). */
export const OWNER_DEPARTMENT = 'social'

/** EghCase fields an administrator's row rule may name, and their columns. */
const CASE_COLUMNS = {
  benefitGroup: 'benefit_group',
  district: 'district_code',
  ageGroup: 'age_group',
  sex: 'sex',
} as const

/** The types whose rows row rules limit here (lib/service/row-filter.ts). */
export const rowRules = {
  EghCase: {
    columns: CASE_COLUMNS,
    field: 'Query.eghCases',
    count: async (ctx: ServiceContext<SocDatabase>) => {
      if (ctx.principal.department !== OWNER_DEPARTMENT) return 0
      const query = ctx.db.selectFrom('soc.egh_case').select(sql<number>`count(*)::int`.as('n'))
      const row = await withRowFilter(query, ctx, 'EghCase', CASE_COLUMNS).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  },
} satisfies RowRuleTargets
