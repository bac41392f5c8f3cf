import type { Kysely } from 'kysely'
import { CITY_AGS, DISTRICTS, REFERENCE_DATE, type SeedProfile } from '../../platform/city.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'

/** The city and the other kreisfreie Städte of Rhineland-Palatinate (peers for comparisons), plus the surrounding Landkreis. */
const MUNICIPALITIES: Array<[ags: string, name: string, kind: 'KREISFREIE_STADT' | 'LANDKREIS', nuts3: string, areaKm2: number]> = [
  ['07111000', 'Koblenz', 'KREISFREIE_STADT', 'DEB11', 105.25],
  ['07211000', 'Trier', 'KREISFREIE_STADT', 'DEB21', 117.06],
  ['07311000', 'Frankenthal (Pfalz)', 'KREISFREIE_STADT', 'DEB31', 43.88],
  [CITY_AGS, 'Kaiserslautern', 'KREISFREIE_STADT', 'DEB32', 139.74],
  ['07313000', 'Landau in der Pfalz', 'KREISFREIE_STADT', 'DEB33', 82.94],
  ['07314000', 'Ludwigshafen am Rhein', 'KREISFREIE_STADT', 'DEB34', 77.43],
  ['07315000', 'Mainz', 'KREISFREIE_STADT', 'DEB35', 97.75],
  ['07316000', 'Neustadt an der Weinstraße', 'KREISFREIE_STADT', 'DEB36', 117.1],
  ['07317000', 'Pirmasens', 'KREISFREIE_STADT', 'DEB37', 61.37],
  ['07318000', 'Speyer', 'KREISFREIE_STADT', 'DEB38', 42.58],
  ['07319000', 'Worms', 'KREISFREIE_STADT', 'DEB39', 108.73],
  ['07320000', 'Zweibrücken', 'KREISFREIE_STADT', 'DEB3A', 70.64],
  ['07335000', 'Kaiserslautern (Landkreis)', 'LANDKREIS', 'DEB3F', 639.9],
]

/** ISO 3166-1 alpha-3, Destatis Staatsangehörigkeitsschlüssel, German name, continent. */
const COUNTRIES: Array<[string, string, string, string]> = [
  ['DEU', '000', 'Deutschland', 'Europa'],
  ['SYR', '475', 'Syrien', 'Asien'],
  ['UKR', '166', 'Ukraine', 'Europa'],
  ['TUR', '163', 'Türkei', 'Europa'],
  ['POL', '152', 'Polen', 'Europa'],
  ['ROU', '154', 'Rumänien', 'Europa'],
  ['BGR', '125', 'Bulgarien', 'Europa'],
  ['IND', '436', 'Indien', 'Asien'],
  ['IDN', '437', 'Indonesien', 'Asien'],
  ['USA', '368', 'Vereinigte Staaten', 'Amerika'],
  ['ITA', '137', 'Italien', 'Europa'],
  ['AFG', '423', 'Afghanistan', 'Asien'],
  ['IRQ', '438', 'Irak', 'Asien'],
  ['ERI', '224', 'Eritrea', 'Afrika'],
  ['ALB', '121', 'Albanien', 'Europa'],
  ['XKX', '150', 'Kosovo', 'Europa'],
  ['IRN', '439', 'Iran', 'Asien'],
  ['PAK', '461', 'Pakistan', 'Asien'],
  ['NGA', '232', 'Nigeria', 'Afrika'],
  ['RUS', '160', 'Russische Föderation', 'Europa'],
  ['GRC', '134', 'Griechenland', 'Europa'],
  ['HRV', '130', 'Kroatien', 'Europa'],
  ['SRB', '170', 'Serbien', 'Europa'],
  ['BIH', '122', 'Bosnien und Herzegowina', 'Europa'],
  ['ESP', '161', 'Spanien', 'Europa'],
  ['FRA', '129', 'Frankreich', 'Europa'],
  ['GBR', '168', 'Vereinigtes Königreich', 'Europa'],
  ['CHN', '479', 'China', 'Asien'],
  ['VNM', '432', 'Vietnam', 'Asien'],
  ['SOM', '273', 'Somalia', 'Afrika'],
  ['ETH', '225', 'Äthiopien', 'Afrika'],
  ['GEO', '430', 'Georgien', 'Asien'],
  ['MKD', '144', 'Nordmazedonien', 'Europa'],
  ['MAR', '252', 'Marokko', 'Afrika'],
  ['TUN', '285', 'Tunesien', 'Afrika'],
  ['EGY', '287', 'Ägypten', 'Afrika'],
  ['HUN', '165', 'Ungarn', 'Europa'],
  ['PRT', '153', 'Portugal', 'Europa'],
  ['NLD', '148', 'Niederlande', 'Europa'],
  ['AUT', '151', 'Österreich', 'Europa'],
]

/** Geography is small and the same in every profile. */
export async function seed(db: Kysely<any>, _profile: SeedProfile): Promise<void> {
  await insertRows(
    db,
    'geo.municipality',
    { ags: 'text', ars: 'text', name: 'text', kind: 'text', state_code: 'text', nuts3: 'text', area_km2: 'numeric' },
    MUNICIPALITIES.map(([ags, name, kind, nuts3, area]) => ({
      ags,
      ars: `${ags.slice(0, 5)}0${ags.slice(5)}000`.slice(0, 12),
      name,
      kind,
      state_code: ags.slice(0, 2),
      nuts3,
      area_km2: area,
    })),
  )
  // District polygons are not modelled (PostGIS optional later); the centroid locates a district.
  await db
    .insertInto('geo.district')
    .values(
      DISTRICTS.map(d => ({
        ags: CITY_AGS,
        code: d.code,
        name: d.name,
        kind: d.kind,
        has_ortsbeirat: d.hasOrtsbeirat,
        area_km2: d.areaKm2,
        postal_codes: d.postalCodes,
        centroid_lat: d.lat,
        centroid_lon: d.lon,
      })),
    )
    .execute()
  await insertRows(
    db,
    'geo.country',
    { code: 'text', destatis_code: 'text', name_de: 'text', continent: 'text' },
    COUNTRIES.map(([code, destatis_code, name_de, continent]) => ({ code, destatis_code, name_de, continent })),
  )
  await upsertDatasets(db, 'geo', [
    {
      id: 'geo.districts',
      title: 'Stadtteile und Ortsbezirke',
      description: 'Gliederung der Stadt in 18 Bezirke mit Fläche, Postleitzahlen und Schwerpunkt.',
      ownerDepartment: 'Referat Stadtentwicklung',
      sourceSystem: 'GIS',
      stichtag: '2025-12-31',
      asOf: `${REFERENCE_DATE}T06:00:00Z`,
      refreshCadence: 'ANNUAL',
    },
  ])
}
