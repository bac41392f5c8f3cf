import { sql, type Kysely } from 'kysely'
import { defineDataset, tableReference, type Problem } from '../../lib/data-entry/define-dataset.js'
import type { AllocationRoute } from './db.js'

const accommodation = tableReference('accommodation', 'asy.accommodation', 'id')
const today = () => new Date().toISOString().slice(0, 10)

export interface AllocationRow extends Record<string, unknown> {
  allocationDate: string
  route: AllocationRoute
  ageAtAllocation: number
  sex: 'M' | 'W' | 'D'
  countryOfOrigin: string
  religion: string | null
  firstAccommodationId: string | null
}

export interface OccupancyRow extends Record<string, unknown> {
  accommodationId: string
  day: string
  occupied: number
  recognisedResidents: number
  capacity: number
  overCapacity: boolean
}

/**
 * The asylum department's data entry (lib/data-entry): the month's allocations as the ADD's
 * Verteilungsverfügungen list them (one row per person, pseudonymous), and the Belegung of each
 * accommodation on a day. `npm run import -- asylum <name> file.csv` takes the same names.
 */
export const datasets = {
  /** A month is entered once: a month that already has allocations is a DUPLICATE_PERIOD. */
  allocations: defineDataset<AllocationRow>({
    department: 'asylum',
    schema: 'asy',
    id: 'asy.allocation',
    table: 'asy.allocation',
    fields: {
      allocationDate: {
        label: 'Zuweisungsdatum',
        column: 'allocation_date',
        type: 'date',
        pgType: 'date',
        min: '2015-01-01',
        aliases: ['Zuweisungsdatum', 'Datum'],
      },
      route: {
        label: 'Zuweisungsweg',
        column: 'route',
        type: 'enum',
        pgType: 'text',
        values: ['ZUWEISUNG', 'UKRAINE_24', 'FAMILIENNACHZUG', 'SONSTIGE'],
        aliases: ['Weg'],
      },
      ageAtAllocation: {
        label: 'Alter bei Zuweisung',
        unit: 'Jahre',
        column: 'age_at_allocation',
        type: 'integer',
        pgType: 'smallint',
        min: 0,
        max: 110,
        aliases: ['Alter'],
      },
      sex: { label: 'Geschlecht', column: 'sex', type: 'enum', pgType: 'char(1)', values: ['M', 'W', 'D'], aliases: ['Geschlecht'] },
      countryOfOrigin: {
        label: 'Herkunftsland (ISO-Code)',
        column: 'country_of_origin',
        type: 'text',
        pgType: 'char(3)',
        pattern: { regex: /^[A-Z]{3}$/, hint: 'an ISO 3166 alpha-3 code such as "SYR"' },
        aliases: ['Herkunftsland'],
      },
      religion: {
        label: 'Religion',
        column: 'religion',
        type: 'text',
        pgType: 'text',
        required: false,
        maxLength: 60,
        aliases: ['Religion'],
      },
      firstAccommodationId: {
        label: 'Erste Unterkunft',
        column: 'first_accommodation_id',
        type: 'text',
        pgType: 'text',
        required: false,
        references: accommodation,
        aliases: ['Unterkunft'],
      },
    },
    period: {
      parts: [{ name: 'month', of: r => r.allocationDate.slice(0, 7), sql: sql`to_char(allocation_date, 'YYYY-MM')` }],
      stichtag: r => r.allocationDate,
    },
    check: r =>
      r.allocationDate > today() ? [{ column: 'allocationDate', reason: `must not be in the future (${r.allocationDate})` }] : [],
    checkRows: async (db, rows) =>
      openOn(
        db,
        rows
          .filter(r => r.values.firstAccommodationId !== null)
          .map(r => ({ row: r.row, id: r.values.firstAccommodationId!, day: r.values.allocationDate, column: 'firstAccommodationId' })),
      ),
    prepare: async db => {
      await sql`select setval('asy.allocation_id_seq', greatest((select coalesce(max(id), 0) from asy.allocation), (select last_value from asy.allocation_id_seq)))`.execute(
        db,
      )
    },
    invalidates: ['asy.allocation'],
  }),
  /** One figure per accommodation and day, entered once. */
  occupancy: defineDataset<OccupancyRow>({
    department: 'asylum',
    schema: 'asy',
    id: 'asy.occupancy',
    table: 'asy.occupancy',
    fields: {
      accommodationId: {
        label: 'Unterkunft',
        column: 'accommodation_id',
        type: 'text',
        pgType: 'text',
        references: accommodation,
        aliases: ['Unterkunft'],
      },
      day: { label: 'Stichtag', column: 'day', type: 'date', pgType: 'date', min: '2015-01-01', aliases: ['Stichtag', 'Datum'] },
      occupied: {
        label: 'Belegte Plätze',
        unit: 'Personen',
        column: 'occupied',
        type: 'integer',
        pgType: 'int',
        min: 0,
        max: 5_000,
        aliases: ['Belegt', 'Belegung'],
      },
      recognisedResidents: {
        label: 'davon anerkannt (Fehlbeleger)',
        unit: 'Personen',
        column: 'of_which_recognised',
        type: 'integer',
        pgType: 'int',
        min: 0,
        max: 5_000,
        aliases: ['Fehlbeleger', 'davon anerkannt'],
      },
      capacity: {
        label: 'Plätze',
        unit: 'Plätze',
        column: 'capacity',
        type: 'integer',
        pgType: 'int',
        min: 0,
        max: 5_000,
        aliases: ['Plätze', 'Kapazität'],
      },
      // The acknowledgement of an over-occupancy (field beds in an emergency); stored with the row.
      overCapacity: {
        label: 'Überbelegung bestätigt',
        column: 'over_capacity',
        type: 'boolean',
        pgType: 'boolean',
        required: false,
        default: false,
        aliases: ['Überbelegung'],
      },
    },
    key: ['accommodationId', 'day'],
    period: { parts: ['accommodationId', 'day'], stichtag: r => r.day },
    // Counts are ≥ 0 by the fields' ranges. `capacity` is the row's own: beds change over time (a
    // facility extended or partly closed), so the day's figure is the one entered with the Belegung.
    rules: [
      {
        name: 'occupied-within-capacity',
        fields: ['occupied', 'capacity'],
        acknowledgedBy: 'overCapacity',
        violation: r => (r.occupied > r.capacity ? `occupied exceeds capacity (${r.occupied} > ${r.capacity})` : null),
      },
      {
        name: 'recognised-within-occupied',
        fields: ['recognisedResidents', 'occupied'],
        violation: r => (r.recognisedResidents > r.occupied ? `must not exceed occupied (${r.recognisedResidents} > ${r.occupied})` : null),
      },
    ],
    check: r => (r.day > today() ? [{ column: 'day', reason: `must not be in the future (${r.day})` }] : []),
    checkRows: (db, rows) =>
      openOn(
        db,
        rows.map(r => ({ row: r.row, id: r.values.accommodationId, day: r.values.day, column: 'accommodationId' })),
      ),
    invalidates: ['asy.occupancy'],
  }),
}

/** Problems for rows whose accommodation exists but is not open on the day (opened ≤ day < closed). */
async function openOn(db: Kysely<any>, refs: ReadonlyArray<{ row: number; id: string; day: string; column: string }>): Promise<Problem[]> {
  if (refs.length === 0) return []
  const { rows } = await sql<{ i: number; opened: string; closed: string | null }>`
    select r.i, a.opened::text as opened, a.closed::text as closed
    from unnest(${refs.map(r => r.id)}::text[], ${refs.map(r => r.day)}::date[]) with ordinality as r(id, day, i)
    join asy.accommodation a on a.id = r.id
    where r.day < a.opened or (a.closed is not null and r.day >= a.closed)`.execute(db)
  return rows.map(({ i, opened, closed }) => {
    const ref = refs[Number(i) - 1]
    return {
      row: ref.row,
      column: ref.column,
      reason: `accommodation ${ref.id} is not open on ${ref.day} (opened ${opened}${closed ? `, closed ${closed}` : ''})`,
    }
  })
}
