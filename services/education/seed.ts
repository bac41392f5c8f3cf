import type { Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { seedKitas } from './demo/seed-kitas.js'
import { seedSchools } from './demo/seed-schools.js'

const OWNER_SCHOOLS = 'Referat Schulen'
const OWNER_KITAS = 'Referat Jugend'

/** Schools and Kitas with their yearly statistics; `large` is the same as `small` (education data is small). */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const years = profileYears(profile)
  await seedSchools(db, years)
  await seedKitas(db, years)
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  await upsertDatasets(db, 'edu', [
    {
      id: 'edu.pupils',
      title: 'Schülerinnen und Schüler nach Schule, Klassenstufe, Geschlecht und Staatsangehörigkeit',
      description:
        'Schulstatistik der allgemein- und berufsbildenden Schulen der Stadt, Stichtag etwa vier Wochen nach Schuljahresbeginn; Klassen je Klassenstufe.',
      ownerDepartment: OWNER_SCHOOLS,
      sourceSystem: 'Schulstatistik RLP (Schulverwaltung)',
      stichtag: '2026-09-15',
      asOf,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'edu.transitions',
      title: 'Übergänge von der Grundschule in die Klassenstufe 5',
      description: 'Anmeldungen und Aufnahmen an weiterführenden Schulen der Stadt nach Schulart und Wohnort (Stadt, Landkreis, sonstige).',
      ownerDepartment: OWNER_SCHOOLS,
      sourceSystem: 'Anmeldeverfahren weiterführende Schulen',
      stichtag: '2026-08-01',
      asOf,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'edu.graduates',
      title: 'Schulabgängerinnen und Schulabgänger nach Abschlussart',
      description: 'Abgänge der allgemeinbildenden Schulen am Ende des Schuljahres nach Abschluss und Geschlecht.',
      ownerDepartment: OWNER_SCHOOLS,
      sourceSystem: 'Schulstatistik RLP (Schulverwaltung)',
      stichtag: '2026-07-31',
      asOf,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'edu.kita',
      title: 'Kindertagesstätten: Plätze, betreute Kinder und Personal',
      description: 'Genehmigte Plätze, betreute Kinder unter 3 und von 3 bis unter 6 Jahren sowie Personal je Einrichtung am 1. März.',
      ownerDepartment: OWNER_KITAS,
      sourceSystem: 'Kita-Bedarfsplanung / Kinder- und Jugendhilfestatistik',
      stichtag: '2026-03-01',
      asOf,
      refreshCadence: 'ANNUAL',
    },
  ])
}
