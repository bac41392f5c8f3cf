/** Tables of the `geo` schema. */
export interface MunicipalityTable {
  ags: string
  ars: string
  name: string
  kind: 'KREISFREIE_STADT' | 'LANDKREIS'
  state_code: string
  nuts3: string | null
  area_km2: number | null
}

export interface DistrictTable {
  ags: string
  code: string
  name: string
  kind: 'kernstadt' | 'ortsbezirk'
  has_ortsbeirat: boolean
  area_km2: number | null
  postal_codes: string[]
  centroid_lat: number | null
  centroid_lon: number | null
}

export interface CountryTable {
  code: string
  destatis_code: string | null
  name_de: string
  continent: string | null
}

export interface GeoDatabase {
  'geo.municipality': MunicipalityTable
  'geo.district': DistrictTable
  'geo.country': CountryTable
}
