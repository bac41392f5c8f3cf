import type { DisclosureDeclarations } from '../../lib/service/disclosure-cells.js'
import { KITA_CHILDREN_FAMILY, TRANSITIONS_FAMILY } from './families.js'

const PUPILS =
  'Counted from pupil records of the Schulstatistik (every row of pupils per school, school year, grade, sex and nationality group carries a record key).'
const SAME_NOISE =
  'The same pupils always get the same deviation, whichever field or query reaches them, so asking again or elsewhere reveals nothing new.'
const PTABLE =
  'Public and committee see the count with a small deviation of at most ±2 (status PERTURBED; a true 0 stays 0, no other count is shown as 0); leadership, controlling and department staff see the exact count.'
const FAMILY =
  'Totals the department enters (no records behind them): a count of 1 or 2 is hidden (SECRET) for public and committee, and further cells are hidden where a hidden one could otherwise be worked out.'

/**
 * What public and committee get for each count field of the education subgraph (docs/disclosure.md).
 * The only argument of the pupil and leaver fields, `schoolYear` (and the Year entity's year), selects
 * disjoint sets of records — one school year each — so no argument builds overlapping cells.
 */
export const disclosure: DisclosureDeclarations = {
  'SchoolPupilStats.total': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `Pupils of a school in a school year. ${PUPILS} ${PTABLE} ${SAME_NOISE} The share of non-German pupils is computed from the two published (perturbed) counts.`,
  },
  'SchoolPupilStats.nonGerman': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `Pupils without German citizenship of a school in a school year. ${PUPILS} ${PTABLE} ${SAME_NOISE}`,
  },
  'SchoolGradeCount.count': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `Pupils of one grade of a school in a school year. ${PUPILS} ${PTABLE} ${SAME_NOISE} The grades need not add up exactly to the school's total, since each is perturbed on its own.`,
  },
  'School.firstGraders': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `Pupils in grade 1 of a Grundschule: the same cell as its grade 1 in pupils.byGrade, with the same deviation. ${PTABLE}`,
  },
  'Year.firstGraders': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `City-wide first graders at the Grundschulen of a school year, perturbed as one cell of all their pupil records (not the sum of the perturbed school figures). ${PTABLE}`,
  },
  'SchoolGraduateCount.count': {
    method: 'CELL_KEY',
    table: 'KL-CKM-2',
    note: `Leavers by qualification, per school (School.graduates) or city-wide (Year.graduates), counted from leaver records of the Schulstatistik that carry record keys. ${PTABLE} ${SAME_NOISE}`,
  },
  'KitaSupply.childrenU3': {
    method: 'SUPPRESSION',
    rule: 'KL-STAT-2',
    family: KITA_CHILDREN_FAMILY,
    note: `Children under three in the Kitas of a district on 1 March. ${FAMILY} Whether a district's figure is hidden is decided once per year over all districts and both age groups, never per request.`,
  },
  'KitaSupply.children3to6': {
    method: 'SUPPRESSION',
    rule: 'KL-STAT-2',
    family: KITA_CHILDREN_FAMILY,
    note: `Children from three to under six in the Kitas of a district on 1 March. ${FAMILY} Decided once per year over all districts and both age groups, never per request.`,
  },
  'SchoolTransitionCount.applications': {
    method: 'SUPPRESSION',
    rule: 'KL-STAT-2',
    family: TRANSITIONS_FAMILY,
    note: `Applications for grade 5 by school type and residence of a school year. ${FAMILY} Decided once per school year over every school type × residence, applications and admissions together, taking into account that admissions never exceed applications.`,
  },
  'SchoolTransitionCount.admissions': {
    method: 'SUPPRESSION',
    rule: 'KL-STAT-2',
    family: TRANSITIONS_FAMILY,
    note: `Admissions into grade 5 by school type and residence of a school year. ${FAMILY} Decided once per school year over every school type × residence; the plan assumes an attacker knows each school type's total admissions exactly (they are the grade-5 pupils of Realschulen plus, Gesamtschulen and Gymnasien) and that admissions never exceed applications.`,
  },
  'KitaStats.childrenU3': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'Children under three of a single Kita: internal (scope internal or education:internal); the public reads them summed per district in KitaSupply.',
  },
  'KitaStats.children3to6': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'Children from three to six of a single Kita: internal (scope internal or education:internal); the public reads them summed per district in KitaSupply.',
  },
}
