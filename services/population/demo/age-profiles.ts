import { MAX_AGE } from '../age-groups.js'
import type { NationalityGroup } from './nationality-groups.js'

/**
 * Relative age-by-sex weights for seeding the register stock. The city shape comes from the
 * Zensus 2022 ten-year bands [V] spread to single years; nationality groups and districts bend
 * it (students in 07, older districts 08/16 and the Ortsbezirke).
 */
const ZENSUS_2022_BANDS = [8379, 8358, 16702, 13511, 10653, 13924, 12990, 8301, 5863] // 0–9 … 80–89
const ZENSUS_2022_90_PLUS = 1009

function cityPyramid(): number[] {
  const w: number[] = []
  for (let a = 0; a < 90; a++) w.push(ZENSUS_2022_BANDS[Math.floor(a / 10)] / 10)
  const decay = Array.from({ length: MAX_AGE - 89 }, (_, i) => 0.72 ** i)
  const decaySum = decay.reduce((a, d) => a + d, 0)
  for (const d of decay) w.push((ZENSUS_2022_90_PLUS * d) / decaySum)
  // Smooth the band steps (three passes of a 3-point mean) so single years look like a pyramid.
  let s = w
  for (let pass = 0; pass < 3; pass++) s = s.map((_, a) => (s[Math.max(a - 1, 0)] + s[a] + s[Math.min(a + 1, MAX_AGE)]) / 3)
  return s
}

const CITY = cityPyramid()

const between = (a: number, from: number, to: number) => a >= from && a <= to

/** Foreigners are younger than Germans: fewer old people, many in training and working age. */
function foreignModifier(a: number): number {
  if (a < 18) return 0.85
  if (a < 40) return 1.4
  if (a < 55) return 1.1
  if (a < 65) return 0.5
  return 0.3
}

function groupModifier(group: NationalityGroup, a: number): number {
  switch (group) {
    case 'DEU':
      return a >= 50 ? 1.1 : 1 // Germans are older than the city average
    case 'UKR':
      return foreignModifier(a) * (a < 18 ? 1.7 : a >= 65 ? 1.6 : 1)
    case 'SYR':
      return foreignModifier(a) * (a < 18 ? 1.6 : a >= 60 ? 0.4 : 1)
    case 'AFG':
      return foreignModifier(a) * (a < 18 ? 1.3 : between(a, 18, 30) ? 1.4 : a >= 55 ? 0.3 : 1)
    case 'IND':
    case 'IDN':
      return foreignModifier(a) * (between(a, 19, 34) ? 3 : a < 6 ? 0.8 : 0.25)
    case 'USA':
      return foreignModifier(a) * (between(a, 25, 50) ? 1.5 : a < 18 ? 1.2 : 0.6)
    case 'TUR':
    case 'ITA':
      return foreignModifier(a) * (between(a, 40, 79) ? 2.2 : 1)
    case 'POL':
    case 'ROU':
    case 'BGR':
      return foreignModifier(a) * (between(a, 25, 54) ? 1.5 : 0.8)
    case 'OTHER':
      return foreignModifier(a)
  }
}

function districtModifier(code: string, a: number): number {
  if (code === '07') return between(a, 19, 24) ? 2.2 : between(a, 25, 29) ? 1.6 : a >= 65 ? 0.6 : 1
  if (code === '08' || code === '16') return a >= 65 ? 1.6 : between(a, 19, 29) ? 0.7 : 1
  if (Number(code) >= 10) return a < 18 ? 1.1 : between(a, 19, 29) ? 0.75 : a >= 60 ? 1.2 : 1
  if (['01', '03', '09'].includes(code)) return between(a, 19, 39) ? 1.1 : a >= 70 ? 0.85 : 1
  return 1
}

/** Share of males by age [V Zensus: 50.2 % overall]; women outlive men. */
function maleShare(group: NationalityGroup, a: number): number {
  const base = a < 18 ? 0.513 : a < 65 ? 0.51 : a < 80 ? 0.465 : 0.38
  if (group === 'UKR' && between(a, 18, 64)) return 0.3
  if ((group === 'SYR' || group === 'AFG') && between(a, 16, 45)) return 0.62
  if (group === 'IND') return 0.6
  return base
}

/** Weights for (age 0..100, sex M then W), length 202. */
export function ageSexWeights(group: NationalityGroup, districtCode: string): number[] {
  const male: number[] = []
  const female: number[] = []
  for (let a = 0; a <= MAX_AGE; a++) {
    const w = CITY[a] * groupModifier(group, a) * districtModifier(districtCode, a)
    const m = maleShare(group, a)
    male.push(w * m)
    female.push(w * (1 - m))
  }
  return [...male, ...female]
}

/** Secondary residences (REGISTER_ALL minus REGISTER_MAIN): mostly students, some commuters. */
export function secondaryResidenceWeights(): number[] {
  const w: number[] = []
  for (let a = 0; a <= MAX_AGE; a++) w.push(between(a, 19, 29) ? 10 : between(a, 30, 64) ? 1 : 0)
  return [...w.map(x => x * 0.55), ...w.map(x => x * 0.45)]
}
