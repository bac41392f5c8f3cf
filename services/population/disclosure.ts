import type { DisclosureDeclarations, DisclosureGuarantee } from '../../lib/service/disclosure-cells.js'

/**
 * What aggregate-only roles (public, committee) get from the population department. Counts come from the
 * register's persons and movements; each record carries a record key (pop_micro.person_year, and per row of
 * pop.stock and pop.movement the key sum of the row's records), so a count is perturbed with the Cell Key
 * Method (table KL-CKM-2: at most ±2, variance 1, a true zero stays zero, no other count is shown as zero,
 * a true 1 or 2 never shows with certainty). The same persons always get the same noise, whatever field or
 * argument reached them, so asking again or differently reveals nothing new. Parts need not add up to totals.
 * Leadership, controlling and department staff see exact counts.
 */
const CKM = 'KL-CKM-2'
/** A count perturbed with the Cell Key Method (table KL-CKM-2) for aggregate-only roles, and what it counts. */
const cellKey = (note: string): DisclosureGuarantee => ({ method: 'CELL_KEY', table: CKM, note })

const MAIN_RESIDENCE_TOTALS =
  'The population of an administrative area on the main-residence basis is published exactly, as the ' +
  'statistical offices do for census totals: it says how many people live in a district or the city, nothing about anyone in particular.'

export const disclosure: DisclosureDeclarations = {
  'PopulationStock.total': {
    method: 'EXACT',
    reason:
      `${MAIN_RESIDENCE_TOTALS} Exact for REGISTER_MAIN (every district and the city). Exception: REGISTER_ALL totals ` +
      `(main and secondary residences) are perturbed with the Cell Key Method (${CKM}) for public and committee, because ` +
      'REGISTER_ALL − REGISTER_MAIN would otherwise give the exact number of secondary residents of a district.',
  },
  'Year.population': {
    method: 'EXACT',
    reason:
      `${MAIN_RESIDENCE_TOTALS} Exact for the official bases (OFFICIAL_UPDATE, CENSUS: figures the Landesamt publishes) ` +
      `and for REGISTER_MAIN. Exception: the REGISTER_ALL city total is perturbed with the Cell Key Method (${CKM}) for public ` +
      'and committee, because REGISTER_ALL − REGISTER_MAIN would otherwise give the exact number of secondary residents.',
  },
  'Municipality.officialPopulation': {
    method: 'EXACT',
    reason:
      `${MAIN_RESIDENCE_TOTALS} Exact for the official bases (OFFICIAL_UPDATE, CENSUS) of every municipality and for ` +
      `Kaiserslautern's REGISTER_MAIN. Exception: Kaiserslautern's REGISTER_ALL total is perturbed with the Cell Key Method (${CKM}) ` +
      'for public and committee, because REGISTER_ALL − REGISTER_MAIN would otherwise give the exact number of secondary residents.',
  },
  'District.cohort': cellKey(
    'Persons of an age range in a district, perturbed for public and committee. For them the range must be exactly one band ' +
      'of byAgeGroup (FUNCTIONAL, FIVE_YEAR or TEN_YEAR; 100 stands for the open end), otherwise the answer is AGGREGATE_NOT_PUBLISHED: ' +
      'overlapping free ranges would let the noise be averaged away. A cohort equal to a band shows the same value as that band.',
  ),
  'PopulationSexCount.count': cellKey('Persons per sex (M, W, D, X), perturbed for public and committee (both register bases).'),
  'PopulationAgeGroupCount.count': cellKey(
    'Persons per age band of the chosen scheme (FUNCTIONAL, FIVE_YEAR, TEN_YEAR: fixed bands only), perturbed for public and committee.',
  ),
  'PopulationStock.foreigners': cellKey(
    'Persons without German citizenship, perturbed for public and committee. foreignerShare is computed from this published ' +
      'value and the published total, so it reveals no more than they do.',
  ),
  'PopulationNationalityCount.count': cellKey(
    'Persons per nationality group, perturbed for public and committee; for them the `top` groups are the largest by their ' +
      'published values, and OTHER is the perturbed count of all persons outside the top (its own cell, not a remainder). ' +
      'A group shows the same value whatever `top` is; the list need not add up to the total.',
  ),
  'PopulationMovementSummary.births': cellKey('Births in the year (to date), perturbed for public and committee.'),
  'PopulationMovementSummary.deaths': cellKey('Deaths in the year (to date), perturbed for public and committee.'),
  'PopulationMovementSummary.inMoves': cellKey(
    'Moves in (for a district including moves from other districts; for the city across the city boundary only), perturbed for public and committee.',
  ),
  'PopulationMovementSummary.outMoves': cellKey(
    'Moves out (for a district including moves to other districts; for the city across the city boundary only), perturbed for public and committee.',
  ),
  'PopulationMovementSummary.netMigration': cellKey(
    'inMoves − outMoves; for public and committee the difference of the two perturbed values, so it shows nothing they do not.',
  ),
  'PopulationMovementSummary.naturalBalance': cellKey(
    'births − deaths; for public and committee the difference of the two perturbed values, so it shows nothing they do not.',
  ),
}
