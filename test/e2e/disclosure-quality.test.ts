import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DISTRICTS, REFERENCE_DATE } from '../../platform/city.js'
import { startCity, type RunningCity } from '../helpers/start-city.js'

// How much the Cell Key Method changes the district tables the public sees (profile `small`): every count cell
// of the district tables, as `public` and as `leadership` (exact), side by side.

let city: RunningCity
beforeAll(async () => {
  city = await startCity(inject('cityDatabaseUrl'))
})
afterAll(async () => {
  await city?.stop()
})

const year = Number(REFERENCE_DATE.slice(0, 4)) - 1
const cellsOf = (d: any): Array<[string, { value: number | null; status: string }]> => {
  const out: Array<[string, { value: number | null; status: string }]> = []
  const walk = (v: any, path: string) => {
    if (v && typeof v === 'object' && 'status' in v && 'value' in v) out.push([path, v])
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${x?.sex ?? x?.group?.label ?? x?.group ?? x?.benefitGroup ?? i}]`))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`)
  }
  walk(d, '')
  return out
}

describe('quality of the published district tables', () => {
  it('perturbation stays small: mean absolute deviation per cell and the share of cells changed', async () => {
    const query = `{ ${DISTRICTS.map(
      d => `d${d.code}: district(ags: "07312000", code: "${d.code}") {
      population(year: ${year}) { total { value status } foreigners { value status } bySex { sex count { value status } }
        byAgeGroup(scheme: FIVE_YEAR) { group { label } count { value status } } byNationality(top: 100) { group count { value status } } }
      movements(year: ${year}) { births { value status } deaths { value status } inMoves { value status } outMoves { value status } }
      eingliederungshilfe(year: ${year}) { benefitGroup recipients { value status } }
    }`,
    ).join('\n')} }`
    const [pub, exact] = await Promise.all([city.query(query), city.queryAs('leadership', query)])
    expect(pub.errors).toBeUndefined()
    expect(exact.errors).toBeUndefined()
    const shown = new Map(cellsOf(pub.data))
    let cells = 0,
      nonZero = 0,
      changed = 0,
      absSum = 0,
      perturbed = 0
    for (const [path, truth] of cellsOf(exact.data)) {
      const seen = shown.get(path)
      expect(seen, path).toBeDefined()
      if (truth.value === null || seen!.value === null) continue
      cells++
      if (truth.value !== 0) nonZero++
      if (seen!.status === 'PERTURBED') perturbed++
      const dev = Math.abs(seen!.value - truth.value)
      expect(dev, path).toBeLessThanOrEqual(2)
      if (truth.value === 0) expect(seen!.value, path).toBe(0)
      absSum += dev
      if (dev) changed++
    }
    const mad = absSum / cells
    console.log(
      `[disclosure quality] ${DISTRICTS.length} districts, ${year}: ${cells} cells (${nonZero} non-zero, ${perturbed} perturbed), ` +
        `mean absolute deviation ${mad.toFixed(3)} per cell (${(absSum / nonZero).toFixed(3)} per non-zero cell), ${((100 * changed) / cells).toFixed(1)} % of cells changed`,
    )
    expect(perturbed).toBeGreaterThan(cells / 2)
    // KL-CKM-2 has variance 1 with noise in −2…+2: about 0.74 per perturbed cell in expectation.
    expect(absSum / nonZero).toBeLessThan(1)
  })
})
