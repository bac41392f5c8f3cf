import { badUserInput } from '../../platform/errors.js'
import { toDcatJsonLd } from './dcat-jsonld.js'
import type { DatasetView } from './loaders.js'
import { bandsOf, computeWarnGauge, ruleSetOn, windowOf } from './warn-gauge.js'
import { present } from '../../lib/subgraph/present.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context } from './mappers.js'

type Ctx = Context
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Metadata of a dataset that is not open data is internal to its department: only callers with
 * internal access across departments, to that department, or to the catalog see it (docs/access-control.md#roles).
 */
function visible(ctx: Ctx, d: DatasetView): boolean {
  if (d.openData) return true
  const scopes = ctx.principal.scopes ?? []
  return scopes.includes('internal') || scopes.includes(`${d.department}:internal`) || scopes.includes('catalog:internal')
}

function assertDatasetId(id: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
    throw badUserInput(`Argument "id" must be a dataset id (e.g. "asy.occupancy"), got ${JSON.stringify(id)}`, { argumentName: 'id' })
  }
  return id
}

const indicatorById = async (ctx: Ctx, id: string) => (await ctx.loaders.indicators()).find(i => i.id === id) ?? null

export const resolvers = {
  Query: {
    datasets: async (_, f, ctx) =>
      (await ctx.loaders.datasets()).filter(
        d =>
          visible(ctx, d) &&
          (f.ownerDepartment == null || d.ownerDepartment === f.ownerDepartment) &&
          (f.department == null || d.department === f.department) &&
          (f.openData == null || d.openData === f.openData) &&
          (f.stale == null || d.stale === f.stale),
      ),
    dataset: async (_, { id }, ctx) => {
      const d = await ctx.loaders.dataset.load(assertDatasetId(id))
      return d && visible(ctx, d) ? d : null
    },
    indicators: (_, __, ctx) => ctx.loaders.indicators(),
    dcatCatalog: async (_, __, ctx) => JSON.stringify(toDcatJsonLd(await ctx.loaders.datasets(), ctx.loaders.dcat)),
    warnRuleSets: (_, __, ctx) => ctx.loaders.ruleSets(),
  },

  Dataset: {
    __resolveReference: async (ref, ctx) => {
      const d = await ctx.loaders.dataset.load(String(ref.id))
      return d && visible(ctx, d) ? d : null
    },
  },

  Indicator: {
    sourceDatasets: async (i, _, ctx) =>
      (await ctx.loaders.dataset.loadMany(i.sourceDatasetIds)).filter(
        (d): d is DatasetView => !!d && !(d instanceof Error) && visible(ctx, d),
      ),
  },

  WarnRuleSetDeclaration: {
    indicators: async (r, _, ctx) =>
      Promise.all(
        r.indicators.map(async i => ({
          indicator: await present(indicatorById(ctx, i.indicatorId), `indicator ${i.indicatorId} of rule set ${r.id}`),
          primary: i.field === r.primary,
          bands: bandsOf(r, i.bands),
        })),
      ),
  },

  HealthDay: {
    // No __resolveReference: the representation, with the fields this subgraph @requires, is the parent.
    warnGauge: async (h, { ruleSet }, ctx) => {
      if (typeof h.day !== 'string' || !ISO_DATE.test(h.day)) {
        throw badUserInput(`HealthDay representation needs "day" as YYYY-MM-DD, got ${JSON.stringify(h.day)}`)
      }
      const rules = await ctx.loaders.ruleSets()
      const rule = ruleSet === 'AUTO' ? ruleSetOn(rules, h.day) : (rules.find(r => r.id === ruleSet) ?? null)
      if (!rule) return null
      const own = { day: h.day, incidence7: h.incidence7, hospitalization7: h.hospitalization7, icuShare: h.icuShare }
      return computeWarnGauge(rule, h.day, windowOf(h.day, Array.isArray(h.recent) ? h.recent : [], own))
    },
  },

  WarnGauge: {
    readings: g => g.readings,
    /** The data behind the gauge: the primary indicator's first source dataset (else the catalog's declarations), on the gauge's day. */
    provenance: async (g, _, ctx) => {
      const rules = await ctx.loaders.ruleSets()
      const rule = rules.find(r => r.id === g.ruleSet)
      const primary = rule && (await indicatorById(ctx, rule.indicators.find(i => i.field === rule.primary)?.indicatorId ?? ''))
      const source =
        (primary &&
          ((await ctx.loaders.dataset.loadMany(primary.sourceDatasetIds)).find(d => d && !(d instanceof Error)) as
            DatasetView | undefined)) ??
        (await ctx.loaders.dataset.load('cat.indicator'))
      return {
        stichtag: g.day,
        asOf: source?.asOf ?? ctx.loaders.now,
        sourceSystem: source?.sourceSystem ?? 'Indikatorenkatalog',
        ownerDepartment: source?.ownerDepartment ?? 'Zentralcontrolling',
        datasetId: source?.id ?? 'cat.indicator',
      }
    },
  },

  GaugeReading: {
    indicator: (r, _, ctx) => present(indicatorById(ctx, r.indicatorId), `indicator ${r.indicatorId}`),
  },
} satisfies Resolvers
