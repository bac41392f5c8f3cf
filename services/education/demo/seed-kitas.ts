import type { Kysely } from 'kysely'
import { CITY_AGS, DISTRICTS } from '../../../platform/city.js'
import { insertRows } from '../../../platform/db/insert-rows.js'
import { createRng } from '../../../lib/seed/prng.js'
import { apportion } from '../../../lib/seed/apportion.js'
import type { KitaOperatorType, KitaStatTable, KitaTable, Row } from '../db.js'
import { kitaStichtag } from '../school-year.js'

/** Approved places city-wide on 1 March [V 2017: 3,864; 2021: 3,989 — §1.4], ~4,150 in 2025 [S]. */
const PLACES: Readonly<Record<number, number>> = {
  2015: 3800,
  2016: 3832,
  2017: 3864,
  2018: 3893,
  2019: 3925,
  2020: 3957,
  2021: 3989,
  2022: 4028,
  2023: 4069,
  2024: 4110,
  2025: 4150,
  2026: 4178,
}
/** Staff city-wide [V 2017: 943; 2021: 957 of whom 711 pedagogical], i.e. 4.1–4.2 places per staff. */
const STAFF: Readonly<Record<number, number>> = {
  2015: 927,
  2016: 936,
  2017: 943,
  2018: 946,
  2019: 950,
  2020: 953,
  2021: 957,
  2022: 967,
  2023: 978,
  2024: 989,
  2025: 1000,
  2026: 1006,
}
const PEDAGOGICAL_SHARE = 711 / 957
const KITA_COUNT = 60

/** Places for under-threes grow with the U3 expansion: 19 % of places in 2015, ~21 % in 2025 [S] (U3 quota ≈ 30 %). */
const u3Share = (year: number) => 0.19 + 0.0022 * (year - 2015)

type Profile = 'REGULAR' | 'KRIPPE' | 'HORT'
interface KitaFact extends KitaTable {
  profile: Profile
  baseSize: number
  growth: number
  u3Share: number
}

const FREE_NAMES = [
  'Regenbogen',
  'Sonnenschein',
  'Pusteblume',
  'Kleine Strolche',
  'Villa Kunterbunt',
  'Löwenzahn',
  'Schatzkiste',
  'Wurzelkinder',
  'Abenteuerland',
  'Spatzennest',
  'Zauberwald',
  'Kinderinsel',
]
// Parish names, enough for every church-run Kita to have its own.
const SAINTS = [
  'St. Maria',
  'St. Martin',
  'St. Konrad',
  'St. Elisabeth',
  'St. Franziskus',
  'Heilig Kreuz',
  'St. Josef',
  'St. Norbert',
  'Christkönig',
  'St. Theresia',
  'St. Blasius',
  'St. Hedwig',
  'St. Anna',
  'St. Bartholomäus',
  'St. Pius',
  'St. Michael',
]
const PROTESTANT = [
  'Apostelkirche',
  'Lutherkirche',
  'Pauluskirche',
  'Stiftskirche',
  'Markuskirche',
  'Versöhnungskirche',
  'Christuskirche',
  'Matthäuskirche',
  'Jakobuskirche',
  'Johanneskirche',
  'Lukaskirche',
  'Thomaskirche',
  'Friedenskirche',
  'Emmauskirche',
  'Philippuskirche',
  'Kreuzkirche',
]

/**
 * 60 Kitas [V], spread over the districts by population (at least one each), so a district's
 * children under three in Kitas stay well below its 0–2 cohort (docs/data-model.md#invariants, invariant 2). Two
 * are pure Krippen (under threes), one is a Hort-like 5–14 facility [V]; two are Betriebskitas.
 */
export function generateKitas(): KitaFact[] {
  const rng = createRng('edu', 'kita')
  const counts = apportion(
    KITA_COUNT - DISTRICTS.length,
    DISTRICTS.map(d => d.population2025),
  ).map(n => n + 1)
  const meanPopPerKita = DISTRICTS.reduce((a, d) => a + d.population2025, 0) / KITA_COUNT
  const kitas: KitaFact[] = []
  let free = 0
  let catholic = 0
  let protestant = 0
  DISTRICTS.forEach((d, i) => {
    let municipal = 0
    for (let k = 0; k < counts[i]; k++) {
      const id = `KITA-${String(kitas.length + 1).padStart(2, '0')}`
      const place = d.name.split(/[/ ]/).pop()!
      const betrieb = (d.code === '07' || d.code === '01') && k === 1
      const operator: KitaOperatorType = betrieb ? 'BETRIEB' : rng.pick(['STADT', 'STADT', 'KIRCHE', 'KIRCHE', 'FREI'] as const)
      const name =
        operator === 'BETRIEB'
          ? d.code === '07'
            ? 'Betriebskita Campus Lämmchesberg'
            : 'Betriebskita Westpfalz-Klinikum'
          : operator === 'STADT'
            ? `Städtische Kita ${place}${['', ' II', ' III', ' IV', ' V', ' VI', ' VII'][municipal++]}`
            : operator === 'FREI'
              ? `Kita ${FREE_NAMES[free++ % FREE_NAMES.length]}`
              : rng.chance(0.5)
                ? `Kath. Kita ${SAINTS[catholic++ % SAINTS.length]}`
                : `Prot. Kita ${PROTESTANT[protestant++ % PROTESTANT.length]}`
      const profile: Profile = (d.code === '03' || d.code === '09') && k === 2 ? 'KRIPPE' : d.code === '02' && k === 1 ? 'HORT' : 'REGULAR'
      const popPerKita = d.population2025 / counts[i]
      kitas.push({
        id,
        name,
        operator_type: operator,
        ags: CITY_AGS,
        district_code: d.code,
        profile,
        baseSize: clampSize(70 * (popPerKita / meanPopPerKita) * Math.exp(rng.normal(0, 0.2)) * (profile === 'KRIPPE' ? 0.45 : 1)),
        growth: rng.next() * 0.02,
        u3Share: profile === 'KRIPPE' ? 1 : profile === 'HORT' ? 0 : 0.14 + rng.next() * 0.18,
      })
    }
  })
  return kitas
}

const clampSize = (v: number) => Math.min(130, Math.max(30, v))

/** Kita statistics on 1 March of each year; places and staff add up exactly to the city anchors. */
export function generateKitaStats(kitas: readonly KitaFact[], years: readonly number[]): Array<Row<KitaStatTable>> {
  const rows: Array<Row<KitaStatTable>> = []
  for (const y of years) {
    const rng = createRng('edu', 'kita_stat', y)
    const places = apportion(
      PLACES[y],
      kitas.map(k => k.baseSize * (1 + k.growth * (y - 2015))),
    )
    const krippe = kitas.reduce((a, k, i) => a + (k.profile === 'KRIPPE' ? places[i] : 0), 0)
    const wanted = places.reduce((a, p) => a + p, 0) * u3Share(y) - krippe
    const offered = kitas.reduce((a, k, i) => a + (k.profile === 'REGULAR' ? places[i] * k.u3Share : 0), 0)
    const staff = apportion(STAFF[y], places)
    const pedagogical = apportion(Math.round(STAFF[y] * PEDAGOGICAL_SHARE), staff)
    kitas.forEach((k, i) => {
      const u3 = k.profile === 'KRIPPE' ? places[i] : Math.min(places[i], Math.round(places[i] * k.u3Share * (wanted / offered)))
      // Demand exceeds supply: U3 places are nearly full; older children leave room for Hort places.
      const children36 =
        k.profile === 'KRIPPE'
          ? 0
          : k.profile === 'HORT'
            ? Math.round(places[i] * 0.15)
            : Math.round((places[i] - u3) * (0.83 + rng.next() * 0.1))
      rows.push({
        kita_id: k.id,
        stichtag: kitaStichtag(y),
        places_total: places[i],
        places_u3: u3,
        children_u3: Math.round(u3 * (0.93 + rng.next() * 0.07)),
        children_3_6: children36,
        staff_total: staff[i],
        staff_pedagogical: pedagogical[i],
      })
    })
  }
  return rows
}

export async function seedKitas(db: Kysely<any>, years: readonly number[]): Promise<void> {
  const kitas = generateKitas()
  await insertRows(
    db,
    'edu.kita',
    { id: 'text', name: 'text', operator_type: 'text', ags: 'text', district_code: 'text' },
    kitas.map(({ id, name, operator_type, ags, district_code }) => ({ id, name, operator_type, ags, district_code })),
  )
  await insertRows(
    db,
    'edu.kita_stat',
    {
      kita_id: 'text',
      stichtag: 'date',
      places_total: 'int',
      places_u3: 'int',
      children_u3: 'int',
      children_3_6: 'int',
      staff_total: 'int',
      staff_pedagogical: 'int',
    },
    generateKitaStats(kitas, years),
  )
}
