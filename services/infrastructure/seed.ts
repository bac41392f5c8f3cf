import type { Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { districtEnergyRows, monthsBetween, writeLightEnergy } from './demo/light-energy.js'
import { BURN_HOURS, ENERGY_PRICE, LIGHTING_STICHTAG, streetLights } from './street-lights.js'

export const OWNER = 'Referat Tiefbau, Abteilung Straßenbeleuchtung'

/**
 * The register (17,500 lights) is the same in every profile; energy months follow `profileYears` up to the
 * Stichtag. `large` adds the per-light monthly energy (≈ 2.5 M rows, bulk-inserted in chunks).
 */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const lights = streetLights()
  await insertRows(
    db,
    'infra.street_light',
    {
      id: 'text',
      district_code: 'text',
      street: 'text',
      main_road: 'boolean',
      lamp_type: 'text',
      watt: 'smallint',
      previous_lamp_type: 'text',
      previous_watt: 'smallint',
      installed: 'date',
      converted_to_led: 'date',
      measure_id: 'text',
      lat: 'numeric',
      lon: 'numeric',
    },
    lights as unknown as Array<Record<string, unknown>>,
  )
  await insertRows(
    db,
    'infra.burn_hours',
    { month: 'smallint', hours: 'numeric' },
    BURN_HOURS.map((hours, i) => ({ month: i + 1, hours })),
  )
  await insertRows(
    db,
    'infra.energy_price',
    { year: 'smallint', eur_per_kwh: 'numeric' },
    Object.entries(ENERGY_PRICE).map(([year, price]) => ({ year: Number(year), eur_per_kwh: price })),
  )
  const months = monthsBetween(`${profileYears(profile)[0]}-01-01`, LIGHTING_STICHTAG)
  await insertRows(
    db,
    'infra.district_energy_month',
    { district_code: 'text', month: 'date', kwh: 'numeric', lights: 'int', led_lights: 'int' },
    districtEnergyRows(lights, months),
  )
  if (profile === 'large') await writeLightEnergy(db, lights, months)
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  await upsertDatasets(db, 'infra', [
    {
      id: 'infra.street_light',
      title: 'Straßenbeleuchtung: Leuchtenkataster',
      ownerDepartment: OWNER,
      sourceSystem: 'Leuchtenkataster SWK',
      description:
        'Alle Leuchten der Straßenbeleuchtung mit Stadtteil, Straße, Leuchtmittel, Leistung, Standort und Datum der Umrüstung auf LED samt finanzierender Investitionsmaßnahme.',
      stichtag: LIGHTING_STICHTAG,
      asOf,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'infra.energy',
      title: 'Straßenbeleuchtung: Energieverbrauch',
      ownerDepartment: OWNER,
      sourceSystem: 'Leuchtenkataster SWK / Energieabrechnung',
      description: 'Energieverbrauch der Straßenbeleuchtung je Stadtteil und Monat mit Zahl der (LED-)Leuchten; Kosten nach Jahrespreis.',
      stichtag: LIGHTING_STICHTAG,
      asOf,
      refreshCadence: 'MONTHLY',
    },
  ])
}
