import { KL_CKM_2 } from '../../lib/disclosure/perturbation-table.js'
import { KL_MAGNITUDE } from '../../lib/disclosure/perturb-magnitude.js'
import type { DisclosureDeclarations, DisclosureGuarantee } from '../../lib/service/disclosure-cells.js'

const pct = (share: number) => `${Math.round(share * 100)} %`

/** The daily health figures: totals the health office reports, published by the RKI and the LUA anyway. */
const HEALTH_FIGURE: DisclosureGuarantee = {
  method: 'EXACT',
  reason:
    'A daily figure of the health office for a whole municipality (new cases, 7-day incidences, the statewide ICU share), entered as a total with no ' +
    'case records behind it in this department; the Landesuntersuchungsamt and the RKI publish the same figures per Kreis every day under the ' +
    'Infektionsschutzgesetz, so showing them exactly discloses nothing that is not public already.',
}

/**
 * What public and committee get from the social department (docs/disclosure.md). Leadership, controlling
 * and the department's own staff see every figure exactly, as before.
 */
export const disclosure: DisclosureDeclarations = {
  'EghBenefitStat.recipients': {
    method: 'CELL_KEY',
    table: KL_CKM_2.id,
    note:
      'Persons receiving Eingliederungshilfe in a benefit group and year, per district and city-wide (Year.eingliederungshilfe). Public and ' +
      `committee see every count changed by at most ±${KL_CKM_2.maxDeviation} (status PERTURBED); zero is shown as zero and no other count as zero; ` +
      'the same cases always get the same change, in whatever table they appear, so asking again or subtracting tables reveals no hidden case. ' +
      'Parts therefore need not add up to totals. There are no free arguments: the tables are fixed (every benefit group, every district, one year). ' +
      `The gross cost of the same cell (EghBenefitStat.cost) is changed too (${KL_MAGNITUDE.id}): by between ${pct(KL_MAGNITUDE.minShare)} and ` +
      `${pct(KL_MAGNITUDE.maxShare)} of the largest single yearly cost in the cell, up or down, decided by the keys of the cases and their amounts ` +
      '(status PERTURBED), so the cost of one person can never be worked out to within ±10 %, neither from one cell nor from a difference of cells ' +
      '(city minus districts, one year minus another). A cell without cost stays zero; a district cell of more than 20 cases moves by about 1 %, the city-wide cells by a fraction of a percent.',
  },
  'District.eingliederungshilfeRecipients': {
    method: 'CELL_KEY',
    table: KL_CKM_2.id,
    note:
      `Persons receiving any Eingliederungshilfe in the district in a year, changed by at most ±${KL_CKM_2.maxDeviation} for public and committee ` +
      'like every count of the benefit groups (status PERTURBED, zero stays zero); the same cases get the same change, so a district with a single benefit group shows the same number here as in that group.',
  },
  'EghBenefitStat.costPerRecipient': {
    method: 'NOT_FOR_AGGREGATE_ROLES',
    note: 'Cost per recipient is internal (social department, leadership, controlling): it would tie a cost to few persons.',
  },
  'DailyPoint.value': HEALTH_FIGURE,
  'HealthDay.incidence7': HEALTH_FIGURE,
  'HealthDay.hospitalization7': HEALTH_FIGURE,
  'HealthDay.icuShare': HEALTH_FIGURE,
  'HealthDayValues.incidence7': HEALTH_FIGURE,
  'HealthDayValues.hospitalization7': HEALTH_FIGURE,
  'HealthDayValues.icuShare': HEALTH_FIGURE,
}
