import { describe, expect, it } from 'vitest'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { addKeys, cellKeyOf, seededRecordKey } from '../../lib/disclosure/cell-key.js'
import { rngFromSeed } from '../../lib/seed/prng.js'
import { certaintyAttack, estimationAttack, estimationMargin, lpTargets, targetAtoms, type Observation } from './linear-attack.js'

// The analysis against a city that publishes as the design says (simulated, no gateway): single-year ages per
// district with record keys, age bands of three schemes perturbed by KL_CKM_2, the district total exact by policy,
// and free ranges either refused or (the design the issue warns about) perturbed but unrestricted. The attack must
// find nothing in the first case and must catch the second: that is what makes a green run of the gateway suite
// mean something.

const BANDS: Array<[number, number]> = [
  [0, 2],
  [3, 5],
  [6, 9],
  [10, 15],
  [16, 18],
  [19, 24],
  [25, 44],
  [45, 64],
  [65, 79],
  [80, 100],
  ...Array.from({ length: 19 }, (_, i) => [i * 5, i * 5 + 4] as [number, number]),
  [95, 100],
  ...Array.from({ length: 9 }, (_, i) => [i * 10, i * 10 + 9] as [number, number]),
  [90, 100],
]

function simulatedCity(districts: number) {
  const rng = rngFromSeed(1234)
  const truth = new Map<string, number>()
  const keySum = new Map<string, number>()
  for (let d = 0; d < districts; d++)
    for (let a = 0; a <= 100; a++) {
      const mean = a < 70 ? 110 : a < 85 ? 60 - (a - 70) * 3.5 : Math.max(0.5, 4 - (a - 85) * 0.25)
      const n = rng.poisson(mean)
      truth.set(`${d}:${a}`, n)
      keySum.set(`${d}:${a}`, addKeys(Array.from({ length: n }, (_, i) => seededRecordKey('sim', d, a, i))))
    }
  const publish = (d: number, a: number, b: number, status: 'PERTURBED' | 'EXACT'): Observation => {
    const atoms = Array.from({ length: b - a + 1 }, (_, i) => `${d}:${a + i}`)
    const n = atoms.reduce((s, x) => s + truth.get(x)!, 0)
    const terms = Object.fromEntries(atoms.map(x => [x, 1]))
    if (n === 0) return { label: `${d} ${a}..${b}`, terms, value: 0, status: 'ZERO' }
    const key = cellKeyOf(addKeys(atoms.map(x => keySum.get(x)!)))
    return { label: `${d} ${a}..${b}`, terms, value: status === 'EXACT' ? n : perturbCount(KL_CKM_2, n, key), status }
  }
  return { truth, publish }
}

describe('the attack against a simulated Cell Key Method publication', () => {
  const districts = 3
  const { truth, publish } = simulatedCity(districts)
  const published = (unrestricted: boolean) => {
    const obs: Observation[] = []
    for (let d = 0; d < districts; d++) {
      obs.push(publish(d, 0, 100, 'EXACT'))
      for (const [a, b] of BANDS) obs.push(publish(d, a, b, 'PERTURBED'))
      for (let b = 0; b < 100; b++)
        for (let a = Math.max(0, b - 30); a <= b; a++) {
          if (unrestricted) obs.push(publish(d, a, b, 'PERTURBED'), publish(d, a, b + 1, 'PERTURBED'))
          else obs.push({ label: `${d} ${a}..${b}`, terms: { [`${d}:${a}`]: 1 }, value: null, status: 'AGGREGATE_NOT_PUBLISHED' })
        }
    }
    return obs
  }

  it('finds nothing when free ranges are refused (bands perturbed, the total exact)', async () => {
    const obs = published(false)
    const targets = targetAtoms(obs, truth)
    const pinned = (await certaintyAttack(obs, truth, lpTargets(targets, truth))).filter(c => c.pinned)
    const est = estimationAttack(obs, truth)
    console.log(
      `[disclosure] simulated CKM, ranges refused: observations=${obs.length} targets=${targets.length} pinned=${pinned.length} smallAtoms=${est.smallAtoms}` +
        ` exactHits: leastSquares=${est.leastSquaresHits} differencing=${est.differenceHits} singleCell=${est.singleCellHits} guess=${est.modeGuessHits}`,
    )
    expect(est.smallAtoms).toBeGreaterThan(5)
    expect(pinned).toEqual([])
    expect(est.shares.leastSquares).toBeLessThanOrEqual(est.shares.baseline + estimationMargin(est.smallAtoms, est.shares.baseline))
    expect(est.shares.differences).toBeLessThanOrEqual(est.shares.baseline + estimationMargin(est.smallAtoms, est.shares.baseline))
  }, 60_000)

  it('catches perturbed but unrestricted ranges: averaging many differences brings the hidden values back', () => {
    const obs = published(true)
    const est = estimationAttack(obs, truth)
    console.log(
      `[disclosure] simulated CKM, ranges perturbed but free: observations=${obs.length} differences=${est.differences} smallAtoms=${est.smallAtoms}` +
        ` exactHits: leastSquares=${est.leastSquaresHits} differencing=${est.differenceHits} singleCell=${est.singleCellHits} guess=${est.modeGuessHits}`,
    )
    expect(est.differences).toBeGreaterThan(1000)
    expect(est.shares.differences).toBeGreaterThan(est.shares.baseline + estimationMargin(est.smallAtoms, est.shares.baseline))
  }, 60_000)
})
