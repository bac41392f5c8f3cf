import { describe, expect, it } from 'vitest'
import type { OverviewAsylumQuery, OverviewKitaQuery, OverviewSocialQuery } from '../../gql/graphql'
import { asylumTile, kitaTile, socialTile, sumStats } from './model'

const exact = (value: number) => ({ value, status: 'EXACT' as const, flags: [] })
const perturbed = (value: number) => ({ value, status: 'PERTURBED' as const, flags: [] })
const source = { ownerDepartment: 'Referat Soziales', stichtag: '2025-12-31', asOf: '2026-01-10T06:00:00Z' }

describe('overview figures', () => {
  it('sums cells honestly: perturbed stays marked, a suppressed cell makes the sum unavailable, zeros count', () => {
    expect(sumStats([exact(3), perturbed(4), { value: 0, status: 'ZERO', flags: [] }])).toEqual({
      value: 7,
      status: 'PERTURBED',
      flags: [],
    })
    expect(sumStats([exact(3), { value: null, status: 'SECRET', flags: [] }]).status).toBe('NOT_AVAILABLE')
    expect(sumStats([exact(3), null]).value).toBeNull()
    expect(sumStats([exact(2), { value: 5, status: 'EXACT', flags: ['PROVISIONAL'] }])).toEqual({
      value: 7,
      status: 'EXACT',
      flags: ['PROVISIONAL'],
    })
  })

  it('takes the latest year with data and relates Eingliederungshilfe to the residents of that year', () => {
    const year = (y: number, recipients: number[] | null, residents: number) =>
      ({
        year: y,
        residents,
        eingliederungshilfe: recipients && recipients.map(r => ({ recipients: perturbed(r), provenance: source })),
      }) as unknown as NonNullable<OverviewSocialQuery['years']>[number]
    const tile = socialTile({
      years: [year(2026, null, 2000), year(2024, [10, 10], 2000), year(2025, [15, 15], 2000)],
    } as OverviewSocialQuery)
    expect(tile?.now.year).toBe(2025)
    expect(tile?.now.value.recipients).toEqual(perturbed(30))
    expect(tile?.now.value.perThousand).toEqual(perturbed(15))
    expect(tile?.before?.year).toBe(2024)
    expect(tile?.trend).toEqual([10, 15])
  })

  it('counts the allocations of the twelve months up to the capacity figure, not beyond', () => {
    const months = (y: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ period: `${y}-${String(i + 1).padStart(2, '0')}`, count: exact(i + 1) }))
    const status = { day: '2026-10-31', free: 1 }
    const tile = asylumTile({
      years: [{ year: 2026, asylumCapacity: status }],
      lastYear: { year: 2025, allocations: months(2025, 12) },
      thisYear: { year: 2026, allocations: months(2026, 12) },
    } as unknown as OverviewAsylumQuery)
    expect(tile?.months.map(m => m.period)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ])
    expect(tile?.lastTwelve.value).toBe(11 + 12 + (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10))
  })

  it('relates Kita places to the children under six and leaves the rate out when a cohort is suppressed', () => {
    const district = (places: number, u3: number | null, ue3: number) => ({
      kitaNow: { year: 2026, placesTotal: places, placesU3: 10, provenance: source },
      kitaBefore: null,
      under3Now: u3 === null ? { value: null, status: 'SECRET', flags: [] } : exact(u3),
      age3to5Now: exact(ue3),
      under3Before: null,
      age3to5Before: null,
    })
    const open = kitaTile({ districts: [district(90, 40, 60), district(110, 40, 60)] } as unknown as OverviewKitaQuery)
    expect(open?.places).toBe(200)
    expect(open?.perHundred?.value).toBe(100)
    const hidden = kitaTile({ districts: [district(90, null, 60), district(110, 40, 60)] } as unknown as OverviewKitaQuery)
    expect(hidden?.places).toBe(200)
    expect(hidden?.perHundred).toBeNull()
  })
})
