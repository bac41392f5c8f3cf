/**
 * Nationality groups of the register aggregates: Germans, the eleven largest foreign groups of
 * Kaiserslautern (ISO 3166-1 alpha-3, the `Country` key) and the rest as OTHER.
 */
export const FOREIGN_GROUPS = ['SYR', 'UKR', 'TUR', 'POL', 'ROU', 'BGR', 'IND', 'IDN', 'USA', 'ITA', 'AFG'] as const
export const NATIONALITY_GROUPS = ['DEU', ...FOREIGN_GROUPS, 'OTHER'] as const
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number]
export type ForeignGroup = Exclude<NationalityGroup, 'DEU'>

/** Share of each foreign group among all foreigners at the anchor years [S]; Syria and Ukraine lead from 2022 [V]. */
const ANCHOR_YEARS = [2015, 2016, 2021, 2022, 2025]
const SHARES: Record<Exclude<ForeignGroup, 'OTHER'>, number[]> = {
  SYR: [0.08, 0.13, 0.16, 0.145, 0.14],
  UKR: [0.018, 0.018, 0.018, 0.099, 0.1], // +1,550 refugees from Ukraine in 2022 [V]
  TUR: [0.11, 0.105, 0.09, 0.08, 0.07],
  POL: [0.08, 0.078, 0.07, 0.065, 0.06],
  ROU: [0.05, 0.055, 0.07, 0.065, 0.065],
  BGR: [0.04, 0.043, 0.055, 0.05, 0.05],
  IND: [0.02, 0.022, 0.04, 0.04, 0.05],
  IDN: [0.015, 0.017, 0.025, 0.025, 0.03],
  USA: [0.03, 0.03, 0.025, 0.022, 0.02],
  ITA: [0.05, 0.048, 0.04, 0.035, 0.03],
  AFG: [0.015, 0.025, 0.03, 0.03, 0.035],
}

function interpolate(values: number[], year: number): number {
  if (year <= ANCHOR_YEARS[0]) return values[0]
  for (let i = 1; i < ANCHOR_YEARS.length; i++) {
    if (year <= ANCHOR_YEARS[i]) {
      const t = (year - ANCHOR_YEARS[i - 1]) / (ANCHOR_YEARS[i] - ANCHOR_YEARS[i - 1])
      return values[i - 1] + t * (values[i] - values[i - 1])
    }
  }
  return values[values.length - 1]
}

/** Weights of the twelve foreign groups (OTHER takes the rest) among a year's foreigners. */
export function foreignGroupShares(year: number): Record<ForeignGroup, number> {
  const shares = Object.fromEntries(Object.entries(SHARES).map(([g, v]) => [g, interpolate(v, year)])) as Record<ForeignGroup, number>
  shares.OTHER = 1 - Object.values(shares).reduce((a, s) => a + s, 0)
  return shares
}

/** City-wide foreigner share at 31.12. [S]: 14 % (2015) → 20 % (2025), with the 2022 jump. */
const CITY_FOREIGN_SHARE: Record<number, number> = {
  2015: 0.14,
  2016: 0.152,
  2017: 0.158,
  2018: 0.163,
  2019: 0.167,
  2020: 0.168,
  2021: 0.171,
  2022: 0.188,
  2023: 0.193,
  2024: 0.197,
  2025: 0.2,
  2026: 0.202,
}

/** Scales a district's 2025 foreigner share along the city path. */
export function foreignShare(share2025: number, year: number): number {
  const path = CITY_FOREIGN_SHARE[Math.min(Math.max(year, 2015), 2026)]
  return share2025 * (path / CITY_FOREIGN_SHARE[2025])
}
