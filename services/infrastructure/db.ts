/** Tables of the `infra` schema. */
export type LampType = 'HQL' | 'NAV' | 'KOFFER_HQL' | 'LED' | 'OTHER'

/**
 * One street light as the register shows it today: `lamp_type`/`watt` are the current lamp,
 * `previous_*` the lamp before the LED conversion (null if never converted). `measure_id` is the
 * finance department's InvestmentMeasure (Investitionsnummer) that paid for the conversion.
 */
export interface StreetLightTable {
  id: string
  district_code: string
  street: string
  main_road: boolean
  lamp_type: LampType
  watt: number
  previous_lamp_type: LampType | null
  previous_watt: number | null
  installed: string
  converted_to_led: string | null
  measure_id: string | null
  lat: string
  lon: string
}

/** Energy per district and month with the lights (and LED lights) at month-end; every profile. */
export interface DistrictEnergyMonthTable {
  district_code: string
  month: string
  kwh: string
  lights: number
  led_lights: number
}

/** Energy per light and month (`large` profile only). */
export interface LightEnergyMonthTable {
  light_id: string
  month: string
  kwh: string
  burn_hours: string
}

/** Burning hours of a street light per calendar month (dusk to dawn), 4,100 a year. */
export interface BurnHoursTable {
  month: number
  hours: string
}

export interface EnergyPriceTable {
  year: number
  eur_per_kwh: string
}

export interface InfraDatabase {
  'infra.street_light': StreetLightTable
  'infra.district_energy_month': DistrictEnergyMonthTable
  'infra.light_energy_month': LightEnergyMonthTable
  'infra.burn_hours': BurnHoursTable
  'infra.energy_price': EnergyPriceTable
}
