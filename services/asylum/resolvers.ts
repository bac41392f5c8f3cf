import { aggregateNotPublished, assertDistrictCode, assertPositiveInt, assertYear, badUserInput } from '../../platform/errors.js'
import { CITY_AGS, FIRST_DATA_YEAR, LAST_DATA_YEAR } from '../../platform/city.js'
import { ratio, round } from '../../platform/stat.js'
import { withRowFilter } from '../../lib/service/row-filter.js'
import { OWNER_DEPARTMENT, rowRules } from './row-rules.js'
import { familyCell, isAggregateOnly, keyedCell, visibleCount } from '../../lib/service/disclosure-cells.js'
import type { AllocationRoute, OccupancyTable } from './db.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import { CITY_SCOPE, routesKey, type CapacityStatus } from './loaders.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context } from './mappers.js'

const ROUTES: readonly AllocationRoute[] = ['ZUWEISUNG', 'UKRAINE_24', 'FAMILIENNACHZUG', 'SONSTIGE']

type Ctx = Context
type DistrictRef = { ags: string; code: string }

/** Months of arrivals the free places must cover to count as sufficient. */
const HEADROOM_MONTHS = 3
/** Only product 313 (Hilfen für Asylbewerber) carries asylum cases. */
const ASYLUM_PRODUCT = '313'

const isDataYear = (year: unknown): year is number =>
  Number.isInteger(year) && (year as number) >= FIRST_DATA_YEAR && (year as number) <= LAST_DATA_YEAR

function assertAccommodationId(id: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
    throw badUserInput(`Argument "id" must be an accommodation id (e.g. "ACC-ASTERNWEG"), got ${JSON.stringify(id)}`, {
      argumentName: 'id',
    })
  }
  return id
}

const RECORD_COLUMNS = [
  'id',
  'allocation_date',
  'route',
  'age_at_allocation',
  'sex',
  'country_of_origin',
  'religion',
  'first_accommodation_id',
] as const

function assertDateRange(from: string, to: string): void {
  if (from > to) throw badUserInput(`Argument "from" (${from}) must not be after "to" (${to})`, { argumentName: 'from' })
}

/**
 * The published route groupings for aggregate-only roles: all routes (no filter) or exactly one route.
 * A list of several would let the differences of subsets with and without a route average its noise away.
 */
function assertPublishedRoutes(ctx: Ctx, route: readonly AllocationRoute[] | null | undefined): void {
  if (route == null || !isAggregateOnly(ctx) || new Set(route).size === 1) return
  throw aggregateNotPublished(
    `Argument "route" must be left out (all routes) or name exactly one route for aggregate figures, got [${route.join(', ')}]`,
    { argumentName: 'route', published: ['all routes (route left out)', ...ROUTES.map(r => `[${r}]`)] },
  )
}

/**
 * Arrivals of the 3 months before the day's month as the caller may see them: exact for exact roles; for
 * aggregate-only roles the sum of the three perturbed month cells (the cells Year.allocations(grain: MONTH)
 * publishes), so no sliding window of days can difference out an exact month.
 */
const visibleArrivals = (s: CapacityStatus, ctx: Ctx) =>
  isAggregateOnly(ctx) ? s.arrivalMonths.reduce((sum, m) => sum + visibleCount(ctx, m), 0) : s.arrivals

export const resolvers = {
  Mutation: {
    recordAsylumAllocations: (_, { input }, ctx) => enterRows(ctx, datasets.allocations, input),
    recordAsylumOccupancy: (_, { input }, ctx) => enterRows(ctx, datasets.occupancy, input),
  },
  AsylumEntryReceipt: {
    overCapacityRows: r => r.acknowledged['occupied-within-capacity'] ?? 0,
  },
  Query: {
    accommodation: (_, { id }, ctx) => ctx.loaders.accommodation.load(assertAccommodationId(id)),
    accommodations: (_, args, ctx) => {
      let q = ctx.db.selectFrom('asy.accommodation').selectAll().orderBy('id')
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      const day = args.activeOn
      if (day != null) q = q.where('opened', '<=', day).where(eb => eb.or([eb('closed', 'is', null), eb('closed', '>', day)]))
      return q.execute()
    },
    asylumCapacity: (_, { day }, ctx) => ctx.loaders.capacityStatus.load({ scope: CITY_SCOPE, day, clampToData: false }),
    allocationRecords: async (_, { from, to, first }, ctx) => {
      assertDateRange(from, to)
      if (!Number.isInteger(first) || first < 1 || first > 1000) {
        throw badUserInput(`Argument "first" must be between 1 and 1000, got ${first}`, { argumentName: 'first' })
      }
      // Row rule, enforced here as well as by the gateway's projection: person-level rows only for the
      // asylum department's own staff. Anyone else gets no rows — exactly as if there were none.
      if (ctx.principal.department !== OWNER_DEPARTMENT) return []
      const query = ctx.db
        .selectFrom('asy.allocation')
        .select(RECORD_COLUMNS)
        .where('allocation_date', '>=', from)
        .where('allocation_date', '<=', to)
      // Row rules an administrator set for the caller's roles, on the fields a rule may name.
      return withRowFilter(query, ctx, 'AllocationRecord', rowRules.AllocationRecord.columns)
        .orderBy('allocation_date')
        .orderBy('id')
        .limit(first)
        .execute()
    },
    // A record outside the caller's rows answers exactly like one that does not exist: null, no error,
    // and the same single statement either way (never confirm that a row exists).
    allocationRecord: async (_, { id }, ctx) => {
      if (ctx.principal.department !== OWNER_DEPARTMENT || !/^[1-9][0-9]{0,14}$/.test(id)) return null
      const query = ctx.db.selectFrom('asy.allocation').select(RECORD_COLUMNS).where('id', '=', Number(id))
      return (await withRowFilter(query, ctx, 'AllocationRecord', rowRules.AllocationRecord.columns).executeTakeFirst()) ?? null
    },
  },
  AllocationRecord: {
    allocationDate: r => r.allocation_date,
    ageAtAllocation: r => r.age_at_allocation,
    countryOfOrigin: r => ({ code: r.country_of_origin }),
    firstAccommodation: (r, _, ctx) => (r.first_accommodation_id ? ctx.loaders.accommodation.load(r.first_accommodation_id) : null),
  },

  Accommodation: {
    __resolveReference: (ref, ctx) => ctx.loaders.accommodation.load(String(ref.id)),
    district: (a): DistrictRef => ({ ags: CITY_AGS, code: a.district_code }),
    occupancy: (a, { day }, ctx) => ctx.loaders.occupancyOn.load(`${a.id}|${day}`),
    occupancySeries: (a, { from, to }, ctx) => {
      assertDateRange(from, to)
      return ctx.loaders.occupancySeries.load(`${a.id}|${from}|${to}`)
    },
  },

  AccommodationOccupancy: {
    // Internal per accommodation: the gateway keeps it from aggregate-only roles; should one ever hold the
    // scope, the subgraph answers SECRET all the same (exact roles: as always).
    occupied: (o, _, ctx) => familyCell(ctx, o.occupied, true),
    // Over-occupancy (acknowledged on entry) shows as aboveCapacity, never as negative free beds or a rate above 1.
    free: o => Math.max(0, o.capacity - o.occupied),
    aboveCapacity: o => Math.max(0, o.occupied - o.capacity),
    rate: o => ratio(Math.min(o.occupied, o.capacity), o.capacity),
    overCapacity: o => o.over_capacity,
    recognisedResidents: (o, _, ctx) => familyCell(ctx, o.of_which_recognised, true),
    provenance: (_: OccupancyTable, __, ctx) => provenanceOf(ctx.loaders.provenance, 'asy.occupancy'),
  },

  AsylumCapacityStatus: {
    // Beds in use ÷ beds: 0–1 even when some facility is over-occupied (see aboveCapacity).
    occupancyRate: s => ratio(s.capacity - s.free, s.capacity),
    arrivalsPerMonth: (s, _, ctx) => round(visibleArrivals(s, ctx) / HEADROOM_MONTHS, 2),
    // Internal; derived from the visible arrivals all the same, should an aggregate-only role ever hold the scope.
    monthsOfHeadroom: (s, _, ctx) => {
      const arrivals = visibleArrivals(s, ctx)
      return arrivals === 0 ? null : round(s.free / (arrivals / HEADROOM_MONTHS), 2)
    },
    sufficient: (s, _, ctx) => s.free >= visibleArrivals(s, ctx), // free ≥ 3 months × (arrivals of 3 months ÷ 3)
    provenance: (_: CapacityStatus, __, ctx) => provenanceOf(ctx.loaders.provenance, 'asy.occupancy'),
  },

  AsylumAllocationBucket: {
    count: (b, _, ctx) => keyedCell(ctx, b),
    // Ranked by the counts the caller sees (perturbed for aggregate-only roles, so the order reveals no exact
    // count), ties by country code; each country is its own keyed cell, whatever `top` is.
    byOrigin: async (b, { top }, ctx) => {
      assertPositiveInt(top, 'top', 50)
      const byPeriod = await ctx.loaders.allocationOrigins.load(`${b.year}|${b.grain}|${routesKey(b.routes)}`)
      return (byPeriod.get(b.period) ?? [])
        .map(o => ({ code: o.country, visible: visibleCount(ctx, o), count: keyedCell(ctx, o) }))
        .sort((x, y) => y.visible - x.visible || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0))
        .slice(0, top)
        .map(o => ({ country: { code: o.code }, count: o.count }))
    },
  },

  District: {
    accommodations: (d, { activeOn }, ctx) =>
      d.ags === CITY_AGS ? ctx.loaders.accommodationsByDistrict.load(`${d.code}|${activeOn ?? ''}`) : [],
    asylumCapacity: (d, { day }, ctx) =>
      d.ags === CITY_AGS ? ctx.loaders.capacityStatus.load({ scope: String(d.code), day, clampToData: false }) : null,
  },

  Year: {
    allocations: (y, { grain, route }, ctx) => {
      assertPublishedRoutes(ctx, route)
      return isDataYear(y.year) ? ctx.loaders.allocationBuckets.load(`${y.year}|${grain}|${routesKey(route ?? null)}`) : []
    },
    asylumCapacity: (y, _, ctx) =>
      isDataYear(y.year) ? ctx.loaders.capacityStatus.load({ scope: CITY_SCOPE, day: `${y.year}-12-31`, clampToData: true }) : null,
  },

  Product: {
    asylumCaseCount: async (p, { year }, ctx) => {
      assertYear(year)
      if (p.code !== ASYLUM_PRODUCT || !isDataYear(year)) return null
      // The same records as the year's Year.allocations(grain: YEAR) bucket: the same cell, the same noise.
      return keyedCell(ctx, await ctx.loaders.allocationsPerYear.load(year))
    },
  },
} satisfies Resolvers
