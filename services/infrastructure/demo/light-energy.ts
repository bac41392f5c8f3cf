import { sql, type Kysely } from 'kysely'
import { insertRows } from '../../../platform/db/insert-rows.js'
import type { StreetLightTable } from '../db.js'
import { BURN_HOURS } from '../street-lights.js'

/** What a light's energy depends on. */
export type LightWatts = Pick<StreetLightTable, 'id' | 'district_code' | 'watt' | 'previous_watt' | 'installed' | 'converted_to_led'>

export interface Month {
  start: string
  next: string
  days: number
  hours: number
}

const DAY = 86_400_000
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`)

/** The calendar months from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): Month[] {
  const months: Month[] = []
  for (
    let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7);
    m === 12 ? (y++, (m = 1)) : m++
  ) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
    months.push({ start, next, days: (dayMs(next) - dayMs(start)) / DAY, hours: BURN_HOURS[m - 1] })
  }
  return months
}

/**
 * Energy of one light in one month, in hundredths of a kWh: the lamp's watts × the month's burning hours, the old
 * lamp until the conversion day and the LED from then on (pro rata of the month's days); 0 before installation.
 * The one definition of a light's energy: the district table, the per-light table of `large` and the
 * recomputation after a recorded conversion all use it.
 */
export function lightMonthCentiKwh(l: LightWatts, m: Month): number {
  if (l.installed >= m.next) return 0
  const old = l.previous_watt ?? l.watt
  const c = l.converted_to_led
  const led = c === null || c >= m.next ? 0 : c <= m.start ? 1 : (dayMs(m.next) - dayMs(c)) / DAY / m.days
  return Math.round(((old * (1 - led) + l.watt * led) * m.hours) / 10)
}

const ledAtMonthEnd = (l: LightWatts, m: Month) => l.converted_to_led !== null && l.converted_to_led < m.next

/** District × month rows (kWh, lights and LED lights at month-end) for `lights` over `months`, in the order they first occur. */
export function districtEnergyRows(lights: readonly LightWatts[], months: readonly Month[]) {
  type Cell = { district_code: string; month: string; centi: number; lights: number; led_lights: number }
  // One row of cells per district, indexed by month: no key string per light and month.
  const byDistrict = new Map<string, Array<Cell | undefined>>()
  const cells: Cell[] = []
  for (const l of lights) {
    let row = byDistrict.get(l.district_code)
    if (!row) byDistrict.set(l.district_code, (row = new Array<Cell | undefined>(months.length)))
    for (let i = 0; i < months.length; i++) {
      const m = months[i]
      if (l.installed >= m.next) continue
      let cell = row[i]
      if (!cell) cells.push((row[i] = cell = { district_code: l.district_code, month: m.start, centi: 0, lights: 0, led_lights: 0 }))
      cell.centi += lightMonthCentiKwh(l, m)
      cell.lights++
      if (ledAtMonthEnd(l, m)) cell.led_lights++
    }
  }
  return cells.map(({ centi, ...c }) => ({ ...c, kwh: centi / 100 }))
}

/** (Re)writes the district × month energy of `districts` from the register, for the months of the range. */
export async function refreshDistrictEnergy(db: Kysely<any>, from: string, to: string, districts?: readonly string[]): Promise<void> {
  let q = db.selectFrom('infra.street_light').select(['id', 'district_code', 'watt', 'previous_watt', 'installed', 'converted_to_led'])
  if (districts) q = q.where('district_code', 'in', [...districts])
  const lights = (await q.execute()) as LightWatts[]
  const months = monthsBetween(from, to)
  const only = districts ? sql`and district_code = any(${[...districts]}::bpchar[])` : sql``
  await sql`delete from infra.district_energy_month where month between ${months[0].start}::date and ${to}::date ${only}`.execute(db)
  await insertRows(
    db,
    'infra.district_energy_month',
    { district_code: 'text', month: 'date', kwh: 'numeric', lights: 'int', led_lights: 'int' },
    districtEnergyRows(lights, months),
  )
}

/** The per-light table of the `large` profile (≈ 2.5 M rows), written in chunks of lights so memory stays flat. */
export async function writeLightEnergy(
  db: Kysely<any>,
  lights: readonly LightWatts[],
  months: readonly Month[],
  lightsPerChunk = 1_000,
): Promise<void> {
  for (let i = 0; i < lights.length; i += lightsPerChunk) {
    const rows: Array<Record<string, unknown>> = []
    for (const l of lights.slice(i, i + lightsPerChunk)) {
      for (const m of months)
        if (l.installed < m.next) rows.push({ light_id: l.id, month: m.start, kwh: lightMonthCentiKwh(l, m) / 100, burn_hours: m.hours })
    }
    await insertRows(
      db,
      'infra.light_energy_month',
      { light_id: 'text', month: 'date', kwh: 'numeric', burn_hours: 'numeric' },
      rows,
      50_000,
    )
  }
}
