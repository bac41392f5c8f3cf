import type { SchoolOperator, SchoolType } from '../db.js'

/**
 * The schools of the demo city (docs/data-model.md#demo-data). Names marked [V] are real Kaiserslautern
 * schools; [S] names are synthetic place-based fillers for the 19 städtische Grundschulen. Official
 * numbers are synthetic. District assignments are plausible, not surveyed.
 */
export interface SchoolFact {
  id: string
  officialNumber: string
  name: string
  type: SchoolType
  operator: SchoolOperator
  districtCode: string
  /** GS only: first graders and classes in 2024/25 [V: 816 in 43 classes city-wide, largest intakes named]. */
  intake2024?: { pupils: number; classes: number }
  /** Secondary schools: share of their school type's grade-5 admissions. */
  intakeWeight?: number
  /** Pupils per grade where the school has no intake of its own to follow (BBS, Förderschulen). */
  gradeSize?: number
  girlsOnly?: boolean
}

const GS = (n: number, name: string, districtCode: string, pupils: number, classes: number): SchoolFact => ({
  id: `GS-${String(n).padStart(2, '0')}`,
  officialNumber: String(51000 + n),
  name,
  type: 'GS',
  operator: 'STADT',
  districtCode,
  intake2024: { pupils, classes },
})

export const SCHOOLS: readonly SchoolFact[] = [
  GS(1, 'Pestalozzischule', '01', 65, 3), // [V] third-largest intake
  GS(2, 'Röhmschule', '02', 68, 4), // [V]
  GS(3, 'Kottenschule', '03', 78, 4), // [V] largest intake, 4 classes
  GS(4, 'Stresemannschule', '04', 60, 3), // [V]
  GS(5, 'Schillerschule', '05', 50, 3), // [V]
  GS(6, 'Betzenberg-Grundschule', '06', 40, 2), // [V]
  GS(7, 'Grundschule Lämmchesberg', '07', 56, 3), // [S]
  GS(8, 'Grundschule Bännjerrück', '08', 21, 1), // [V] one class
  GS(9, 'Stiftswaldschule', '09', 20, 1), // [V] one class
  GS(10, 'Grundschule Am Belzappel', '09', 62, 3), // [S]
  GS(11, 'Grundschule Kaiserberg', '04', 38, 2), // [S]
  GS(12, 'Grundschule Erzhütten', '10', 18, 1), // [V] one class
  GS(13, 'Grundschule Morlautern', '12', 30, 2), // [S]
  GS(14, 'Grundschule Erlenbach', '13', 17, 1), // [V] one class
  GS(15, 'Grundschule Hohenecken', '16', 36, 2), // [S]
  GS(16, 'Grundschule Dansenberg', '15', 19, 1), // [V] one class
  GS(17, 'Grundschule Erfenbach', '18', 52, 3), // [V] also serves Siegelbach (17)
  GS(18, 'Grundschule Vogelweh', '09', 46, 2), // [S]
  GS(19, 'Grundschule Eselsfürth', '05', 40, 2), // [S]
  {
    id: 'GYM-01',
    officialNumber: '52101',
    name: 'Albert-Schweitzer-Gymnasium',
    type: 'GYM',
    operator: 'STADT',
    districtCode: '07',
    intakeWeight: 0.17,
  },
  { id: 'GYM-02', officialNumber: '52102', name: 'Burggymnasium', type: 'GYM', operator: 'STADT', districtCode: '01', intakeWeight: 0.18 },
  {
    id: 'GYM-03',
    officialNumber: '52103',
    name: 'Hohenstaufen-Gymnasium',
    type: 'GYM',
    operator: 'STADT',
    districtCode: '04',
    intakeWeight: 0.19,
  },
  {
    id: 'GYM-04',
    officialNumber: '52104',
    name: 'Gymnasium am Rittersberg',
    type: 'GYM',
    operator: 'STADT',
    districtCode: '02',
    intakeWeight: 0.16,
  },
  {
    id: 'GYM-05',
    officialNumber: '52105',
    name: 'St.-Franziskus-Gymnasium',
    type: 'GYM',
    operator: 'KIRCHE',
    districtCode: '03',
    intakeWeight: 0.13,
    girlsOnly: true,
  },
  {
    id: 'GYM-06',
    officialNumber: '52106',
    name: 'Heinrich-Heine-Gymnasium',
    type: 'GYM',
    operator: 'LAND',
    districtCode: '05',
    intakeWeight: 0.17,
  },
  {
    id: 'IGS-01',
    officialNumber: '52201',
    name: 'IGS Goetheschule',
    type: 'IGS',
    operator: 'STADT',
    districtCode: '03',
    intakeWeight: 0.45,
  },
  {
    id: 'IGS-02',
    officialNumber: '52202',
    name: 'IGS Bertha-von-Suttner',
    type: 'IGS',
    operator: 'STADT',
    districtCode: '09',
    intakeWeight: 0.55,
  },
  {
    id: 'RSPLUS-01',
    officialNumber: '52301',
    name: 'Kurpfalz-Realschule plus',
    type: 'RSPLUS',
    operator: 'STADT',
    districtCode: '06',
    intakeWeight: 0.5,
  },
  {
    id: 'RSPLUS-02',
    officialNumber: '52302',
    name: 'Lina-Pfaff-Realschule plus',
    type: 'RSPLUS',
    operator: 'STADT',
    districtCode: '09',
    intakeWeight: 0.2,
  },
  {
    id: 'RSPLUS-03',
    officialNumber: '52303',
    name: 'St.-Franziskus-Realschule',
    type: 'RSPLUS',
    operator: 'KIRCHE',
    districtCode: '03',
    intakeWeight: 0.3,
    girlsOnly: true,
  },
  // [S] three Förderschulen and three berufsbildende Schulen (docs/data-model.md#demo-data).
  {
    id: 'FOES-01',
    officialNumber: '52401',
    name: 'Förderschule am Volkspark',
    type: 'FOES',
    operator: 'STADT',
    districtCode: '05',
    gradeSize: 14,
  },
  {
    id: 'FOES-02',
    officialNumber: '52402',
    name: 'Förderschule Kaiserslautern-West',
    type: 'FOES',
    operator: 'STADT',
    districtCode: '09',
    gradeSize: 12,
  },
  {
    id: 'FOES-03',
    officialNumber: '52403',
    name: 'Förderzentrum Innenstadt',
    type: 'FOES',
    operator: 'STADT',
    districtCode: '02',
    gradeSize: 9,
  },
  { id: 'BBS-01', officialNumber: '52501', name: 'BBS I Technik', type: 'BBS', operator: 'STADT', districtCode: '08', gradeSize: 620 },
  {
    id: 'BBS-02',
    officialNumber: '52502',
    name: 'BBS II Wirtschaft und Verwaltung',
    type: 'BBS',
    operator: 'STADT',
    districtCode: '01',
    gradeSize: 540,
  },
  {
    id: 'BBS-03',
    officialNumber: '52503',
    name: 'BBS III Hauswirtschaft und Sozialwesen',
    type: 'BBS',
    operator: 'STADT',
    districtCode: '01',
    gradeSize: 380,
  },
]

/** Budget products of the city per school type (Produktrahmen RLP 21x/23x). */
export const SCHOOL_PRODUCT: Readonly<Record<SchoolType, string>> = {
  GS: '211',
  RSPLUS: '215',
  GYM: '217',
  IGS: '218',
  FOES: '221',
  BBS: '231',
}

/** Grades each school type teaches; Oberstufe (11–13) of GYM/IGS is taught in courses, not classes. */
export const GRADES: Readonly<Record<SchoolType, readonly number[]>> = {
  GS: [1, 2, 3, 4],
  RSPLUS: [5, 6, 7, 8, 9, 10],
  IGS: [5, 6, 7, 8, 9, 10, 11, 12, 13],
  GYM: [5, 6, 7, 8, 9, 10, 11, 12, 13],
  FOES: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  BBS: [11, 12, 13],
}
