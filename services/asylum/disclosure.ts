import type { DisclosureDeclarations } from '../../lib/service/disclosure-cells.js'

/**
 * What aggregate-only roles (public, committee) get from the asylum department (docs/disclosure.md).
 * Exact roles (leadership, controlling, the department's staff) see exact figures everywhere.
 *
 * Allocation counts come from person records (asy.allocation, one row per person) that carry record keys:
 * they are published under the Cell Key Method with KL-CKM-2 (deviation at most ±2, variance 1, a true zero
 * stays zero, no positive count is shown as zero). Capacity and occupancy are totals the department enters
 * per accommodation (beds and residents), not records.
 */
export const disclosure: DisclosureDeclarations = {
  'AsylumAllocationBucket.count': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note:
      'Allocations (persons) per month, quarter or year, perturbed by at most ±2 (status PERTURBED; a true zero is ZERO). ' +
      'The same persons always get the same noise: a year bucket equals Product.asylumCaseCount of that year, a month bucket enters ' +
      'AsylumCapacityStatus.arrivalsPerMonth as published. The route filter is restricted: all routes (left out) or exactly one route; ' +
      'a list of two or more routes is refused with AGGREGATE_NOT_PUBLISHED, because subsets with and without one route would average its noise away. ' +
      'Months, quarters and the year are published each from their own records, so parts need not add up to the year exactly.',
  },
  'AsylumOriginCount.count': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note:
      'Allocations per country of origin in a period (and route, restricted as for the bucket), perturbed by at most ±2. ' +
      'Countries are ranked by the perturbed counts (ties by country code), so the order reveals no exact count; ' +
      'each country is its own cell, so its value and status do not depend on `top`.',
  },
  'Product.asylumCaseCount': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note:
      'Asylum cases of the year on product 313: the allocations of the year on all routes, the very cell of ' +
      'Year.allocations(grain: YEAR), with the same perturbed value.',
  },
  'AsylumCapacityStatus.arrivalsPerMonth': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note:
      "Mean monthly allocations of the 3 calendar months before the day's month, computed from the three perturbed month cells " +
      'that Year.allocations(grain: MONTH) publishes (city-wide). Windows for different days therefore difference out only published ' +
      'perturbed months, never an exact one.',
  },
  'AsylumCapacityStatus.capacity': {
    method: 'EXACT',
    reason:
      'City-wide sum of beds the department enters per accommodation (no person records); the beds of each accommodation are open anyway (Accommodation.capacity).',
  },
  'AsylumCapacityStatus.occupied': {
    method: 'EXACT',
    reason:
      'City-wide sum of the residents the department enters per accommodation (Belegung): a total of several hundred persons ' +
      'that identifies no one, exact by policy for every role. Occupancy per accommodation is internal as an operational figure, ' +
      'not as a statistical secret about persons. With month-end figures, openings on the 1st and closings at a month-end (all data ' +
      'so far) the sums of two days (Query.asylumCapacity, Year.asylumCapacity) differ only where every open accommodation changes ' +
      'its figure at once, so no open figure isolates one accommodation. Data entry accepts figures on any day, though: an ' +
      'accommodation entered alone on a day (or closed mid-month) changes the sums of that day by its own figure, which the ' +
      'difference of two consecutive days then shows. The city accepts this for an operational figure; publishing the sums at ' +
      'month-ends only would close it.',
  },
  'AsylumCapacityStatus.free': {
    method: 'EXACT',
    reason: 'City-wide free beds summed per accommodation from the entered beds and residents; exact by policy as capacity and occupied.',
  },
  'AsylumCapacityStatus.aboveCapacity': {
    method: 'EXACT',
    reason:
      'City-wide persons housed above capacity, summed per accommodation from entered figures; exact by policy as occupied (0 normally).',
  },
  'AsylumCapacityStatus.occupancyRate': {
    method: 'EXACT',
    reason: 'Beds in use ÷ beds, city-wide, from the exact-by-policy sums capacity and free.',
  },
  'AsylumCapacityStatus.monthsOfHeadroom': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'The capacity outlook is internal; it is derived from the visible (perturbed) arrivals all the same.',
  },
  'AsylumCapacityStatus.sufficient': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'The capacity outlook is internal; it is derived from the visible (perturbed) arrivals all the same.',
  },
  'AccommodationOccupancy.occupied': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note:
      'Belegung per accommodation is internal (department staff, leadership, controlling); the public sees city-wide totals only. ' +
      'Should an aggregate-only role ever hold the scope, the cell is SECRET.',
  },
  'AccommodationOccupancy.recognisedResidents': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'Fehlbeleger per accommodation are internal; should an aggregate-only role ever hold the scope, the cell is SECRET.',
  },
}
