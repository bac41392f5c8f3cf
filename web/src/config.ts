/** The city the dashboards show: its Amtlicher Gemeindeschlüssel and name (the graph's default municipality). */
export const CITY = { ags: '07312000', name: 'Kaiserslautern' } as const
