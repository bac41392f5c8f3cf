import { DISTRICTS } from '../../platform/city.js'
import { apportion } from '../../lib/seed/apportion.js'
import { createRng, type Rng } from '../../lib/seed/prng.js'
import type { LampType, StreetLightTable } from './db.js'

/** The lighting register is reported monthly; the last month-end before the reference date. */
export const LIGHTING_STICHTAG = '2026-10-31'
/** ≈ 17,500 street lights [V]. */
export const STREET_LIGHTS = 17_500
/** Operating hours a year [V]. */
export const BURN_HOURS_PER_YEAR = 4_100

/**
 * The finance department's LED investment measures (Investitionsnummern as finance seeds them in
 * services/finance/demo/investment-rows.ts: Teilhaushalt 7, Produktgruppe 541, in the order of its LED list).
 */
export const LED_MEASURES = {
  HAUPTVERKEHRSSTRASSEN_I: '7.541001',
  KOFFERLEUCHTEN: '7.541002',
  HAUPTVERKEHRSSTRASSEN_II: '7.541003',
  INNENSTADT_OST: '7.541004',
  KAISERSLAUTERN_WEST: '7.541005',
  ERFENBACH_SIEGELBACH: '7.541006',
  BETZENBERG: '7.541007',
  RESTUMRUESTUNG: '7.541008',
} as const

/**
 * Night length per calendar month at 49.4° N, scaled to 4,100 burning hours a year: the winter months
 * carry twice the energy of the summer months.
 */
const NIGHT_HOURS = [480, 398, 388, 324, 288, 252, 273, 313, 351, 415, 450, 493]
const NIGHT_TOTAL = NIGHT_HOURS.reduce((a, b) => a + b, 0)
export const BURN_HOURS: readonly number[] = (() => {
  const hours = NIGHT_HOURS.map(h => Math.round((h * BURN_HOURS_PER_YEAR * 10) / NIGHT_TOTAL) / 10)
  hours[11] = Math.round((BURN_HOURS_PER_YEAR - hours.slice(0, 11).reduce((a, b) => a + b, 0)) * 10) / 10
  return hours
})()

/** Electricity price for street lighting, €/kWh [S]: 0.22 (2015) → 0.38 in the 2022 crisis → 0.28. */
export const ENERGY_PRICE: Readonly<Record<number, number>> = {
  2015: 0.22,
  2016: 0.22,
  2017: 0.23,
  2018: 0.24,
  2019: 0.25,
  2020: 0.26,
  2021: 0.27,
  2022: 0.38,
  2023: 0.36,
  2024: 0.31,
  2025: 0.29,
  2026: 0.28,
}

/** Main roads (kernstadt) and residential streets per district [S: real street names, lights illustrative]. */
const STREETS: Readonly<Record<string, { main: string[]; residential: string[] }>> = {
  '01': {
    main: ['Mainzer Straße', 'Fackelstraße'],
    residential: ['Mühlstraße', 'Schneiderstraße', 'Bleichstraße', 'Lutherstraße', 'Kanalstraße'],
  },
  '02': {
    main: ['Trippstadter Straße', 'Pirmasenser Straße'],
    residential: ['Logenstraße', 'Richard-Wagner-Straße', 'Bismarckstraße', 'Humboldtstraße', 'Goethestraße'],
  },
  '03': {
    main: ['Pariser Straße', 'Königstraße'],
    residential: ['Kottenstraße', 'Albrechtstraße', 'Ludwigstraße', 'Dunkeltälchen', 'Feuerbachstraße'],
  },
  '04': {
    main: ['Lauterstraße', 'Zollamtstraße'],
    residential: ['Kaiserbergring', 'Am Vogelgesang', 'Lothringer Dell', 'Nordbahnstraße', 'Benzinoring'],
  },
  '05': {
    main: ['Mannheimer Straße', 'Donnersbergstraße'],
    residential: ['Asternweg', 'Friedenstraße', 'Volksparkstraße', 'Grübentälchenstraße', 'Am Harzhübel'],
  },
  '06': {
    main: ['Entersweilerstraße', 'Fritz-Walter-Straße'],
    residential: ['Kantstraße', 'Hegelstraße', 'Schopenhauerstraße', 'Leibnizstraße', 'Betzenbergstraße'],
  },
  '07': {
    main: ['Vogelwoogstraße', 'Gottlieb-Daimler-Straße'],
    residential: ['Paul-Ehrlich-Straße', 'Erwin-Schrödinger-Straße', 'Lämmchesbergstraße', 'Im Stadtwald', 'Kurt-Schumacher-Straße'],
  },
  '08': { main: ['Hertelsbrunnenring'], residential: ['Karl-Pfaff-Straße', 'Bännjerstraße', 'Kieferweg', 'Eichenweg', 'Buchenweg'] },
  '09': {
    main: ['Merkurstraße', 'Kaiserstraße'],
    residential: ['Fischerrück', 'Vogelweher Straße', 'Hohenecker Straße', 'Am Belzappel', 'Slevogtstraße'],
  },
  '10': { main: [], residential: ['Erzhütter Straße', 'Wiesenthalerhof', 'Am Hirschsprung', 'Hirtenweg'] },
  '11': { main: [], residential: ['Opelkreisel', 'Schlachthausstraße', 'Einsiedlerhofer Straße'] },
  '12': { main: [], residential: ['Morlauterer Hauptstraße', 'Otterberger Straße', 'Bergstraße', 'Wiesenstraße'] },
  '13': { main: [], residential: ['Erlenbacher Straße', 'Schulstraße', 'Waldstraße'] },
  '14': { main: [], residential: ['Mölschbacher Hauptstraße', 'Kirchstraße', 'Am Schloßberg'] },
  '15': { main: [], residential: ['Dansenberger Straße', 'Rosenstraße', 'Lindenstraße'] },
  '16': { main: [], residential: ['Schloßstraße', 'Burgstraße', 'Gelterswoogstraße', 'Hauptstraße'] },
  '17': { main: [], residential: ['Siegelbacher Hauptstraße', 'Rodenbacher Straße', 'Am Zoo'] },
  '18': { main: [], residential: ['Erfenbacher Hauptstraße', 'Siegelbacher Straße', 'Lampertsmühler Straße'] },
}
/** The 2015 project replaced "Kofferleuchten" in four districts [V]. */
const KOFFER_DISTRICTS = ['02', '03', '04', '05']

/**
 * LED lights converted per calendar year (2010–2014 together): 15 % LED at the start of 2015, 6,500 by the end of
 * 2022 [V], then +650–800 a year [S]; 2026 up to the Stichtag.
 */
const CONVERSIONS: Readonly<Record<number, number>> = {
  2014: 2_625,
  2015: 525,
  2016: 350,
  2017: 350,
  2018: 450,
  2019: 450,
  2020: 450,
  2021: 650,
  2022: 650,
  2023: 750,
  2024: 800,
  2025: 800,
  2026: 650,
}

interface Programme {
  measure: string
  perYear: Readonly<Record<number, number>>
  eligible: (l: Light) => boolean
}

/**
 * What each measure converted per year: Kofferleuchten 469 (2015 [V]), Hauptverkehrsstraßen Teil I 488 lights on main
 * roads (2018–2019 [V], € 366k, −377,000 kWh a year), the rest [S] in proportion to the measures' costs.
 */
const PROGRAMMES: readonly Programme[] = [
  { measure: LED_MEASURES.KOFFERLEUCHTEN, perYear: { 2015: 469 }, eligible: l => l.type0 === 'KOFFER_HQL' },
  { measure: LED_MEASURES.HAUPTVERKEHRSSTRASSEN_I, perYear: { 2018: 240, 2019: 248 }, eligible: l => l.mainRoad && l.type0 === 'HQL' },
  { measure: LED_MEASURES.HAUPTVERKEHRSSTRASSEN_II, perYear: { 2020: 300, 2021: 320 }, eligible: l => l.mainRoad },
  { measure: LED_MEASURES.INNENSTADT_OST, perYear: { 2021: 200, 2022: 280 }, eligible: l => l.district === '01' && !l.mainRoad },
  { measure: LED_MEASURES.KAISERSLAUTERN_WEST, perYear: { 2022: 300, 2023: 460 }, eligible: l => l.district === '09' && !l.mainRoad },
  {
    measure: LED_MEASURES.ERFENBACH_SIEGELBACH,
    perYear: { 2023: 250, 2024: 250 },
    eligible: l => l.district === '17' || l.district === '18',
  },
  { measure: LED_MEASURES.BETZENBERG, perYear: { 2024: 240, 2025: 240 }, eligible: l => l.district === '06' && !l.mainRoad },
  { measure: LED_MEASURES.RESTUMRUESTUNG, perYear: { 2025: 450, 2026: 500 }, eligible: l => l.type0 === 'HQL' && !l.mainRoad },
]

interface Light {
  id: string
  district: string
  street: string
  mainRoad: boolean
  type0: LampType
  watt0: number
  ledWatt: number
  installed: string
  converted: string | null
  measure: string | null
  lat: number
  lon: number
}

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[items.length - 1][0]
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`)
const randomDay = (rng: Rng, from: string, to: string) =>
  iso(dayMs(from) + Math.floor(rng.next() * ((dayMs(to) - dayMs(from)) / 86_400_000 + 1)) * 86_400_000)

/** Takes `n` unconverted lights matching `eligible`, HQL first (the lamps the EU banned in 2015), at random otherwise. */
function take(lights: Light[], n: number, eligible: (l: Light) => boolean, rng: Rng, what: string): Light[] {
  const pool = shuffled(
    lights.filter(l => l.converted === null && eligible(l)),
    rng,
  )
  pool.sort((a, b) => Number(b.type0 !== 'NAV') - Number(a.type0 !== 'NAV'))
  if (pool.length < n) throw new Error(`street-light seed: ${what} needs ${n} lights, only ${pool.length} are left`)
  return pool.slice(0, n)
}

/**
 * The city's street lights: districts in proportion to residents and area; 12 % of the kernstadt lights on main roads
 * (HQL 250 W or NAV 150/250 W); lamp mix at the start of 2015 LED 15 %, NAV 50 %, HQL/Koffer 35 % [S]; conversions per
 * year as in CONVERSIONS, first the measures' (PROGRAMMES), the rest in routine maintenance.
 */
export function streetLights(): StreetLightTable[] {
  const rng = createRng('infra', 'street_light')
  const totalPop = DISTRICTS.reduce((s, d) => s + d.population2025, 0)
  const totalArea = DISTRICTS.reduce((s, d) => s + d.areaKm2, 0)
  const perDistrict = apportion(
    STREET_LIGHTS,
    DISTRICTS.map(d => (0.6 * d.population2025) / totalPop + (0.4 * d.areaKm2) / totalArea),
  )
  const lights: Light[] = []
  DISTRICTS.forEach((d, di) => {
    const streets = STREETS[d.code]
    const main = streets.main.length ? Math.round(perDistrict[di] * 0.12) : 0
    for (let k = 0; k < perDistrict[di]; k++) {
      const mainRoad = k < main
      lights.push({
        id: `SL-${d.code}-${String(k + 1).padStart(5, '0')}`,
        district: d.code,
        mainRoad,
        street: rng.pick(mainRoad ? streets.main : streets.residential),
        type0: 'NAV',
        watt0: 70,
        ledWatt: 30,
        installed: randomDay(rng, '1965-01-01', '2009-12-31'),
        converted: null,
        measure: null,
        lat: d.lat + rng.normal(0, 0.004),
        lon: d.lon + rng.normal(0, 0.006),
      })
    }
  })
  // Lamp mix at the start of 2015.
  for (const l of lights.filter(x => x.mainRoad)) {
    const hql = rng.chance(0.58)
    Object.assign(l, hql ? { type0: 'HQL', watt0: 250 } : { type0: 'NAV', watt0: rng.chance(0.7) ? 150 : 250 }, {
      ledWatt: rng.int(50, 70),
    })
  }
  const residential = lights.filter(x => !x.mainRoad)
  const koffer = new Set(
    shuffled(
      residential.filter(l => KOFFER_DISTRICTS.includes(l.district)),
      rng,
    ).slice(0, 600),
  )
  const rest = shuffled(
    residential.filter(l => !koffer.has(l)),
    rng,
  )
  const navTarget = Math.round(STREET_LIGHTS * 0.5) - lights.filter(l => l.mainRoad && l.type0 === 'NAV').length
  for (const l of koffer) Object.assign(l, { type0: 'KOFFER_HQL', watt0: 190, ledWatt: 25 })
  rest.forEach((l, i) => {
    const nav = i >= CONVERSIONS[2014] ? i < CONVERSIONS[2014] + navTarget : rng.chance(0.5)
    Object.assign(
      l,
      nav
        ? {
            type0: 'NAV',
            watt0: weighted(rng, [
              [50, 35],
              [70, 45],
              [100, 20],
            ]),
          }
        : { type0: 'HQL', watt0: rng.chance(0.55) ? 80 : 125 },
      { ledWatt: rng.int(20, 40) },
    )
    if (i < CONVERSIONS[2014]) l.converted = randomDay(rng, '2010-01-01', '2014-12-31')
  })
  // Conversions 2015 up to the Stichtag: the measures' lights during the building season, then routine maintenance.
  for (let year = 2015; year <= Number(LIGHTING_STICHTAG.slice(0, 4)); year++) {
    const last = year === Number(LIGHTING_STICHTAG.slice(0, 4)) ? LIGHTING_STICHTAG : `${year}-12-31`
    let funded = 0
    for (const p of PROGRAMMES) {
      const n = p.perYear[year] ?? 0
      for (const l of take(lights, n, p.eligible, rng, `${p.measure} in ${year}`)) {
        l.converted = randomDay(rng, `${year}-03-01`, last < `${year}-11-30` ? last : `${year}-11-30`)
        l.measure = p.measure
      }
      funded += n
    }
    for (const l of take(lights, CONVERSIONS[year] - funded, l => !l.mainRoad, rng, `maintenance in ${year}`))
      l.converted = randomDay(rng, `${year}-01-01`, last)
  }
  return lights.map(l => ({
    id: l.id,
    district_code: l.district,
    street: l.street,
    main_road: l.mainRoad,
    lamp_type: l.converted ? 'LED' : l.type0,
    watt: l.converted ? l.ledWatt : l.watt0,
    previous_lamp_type: l.converted ? l.type0 : null,
    previous_watt: l.converted ? l.watt0 : null,
    installed: l.installed,
    converted_to_led: l.converted,
    measure_id: l.measure,
    lat: l.lat.toFixed(6),
    lon: l.lon.toFixed(6),
  }))
}
