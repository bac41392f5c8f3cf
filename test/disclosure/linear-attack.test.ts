import { describe, expect, it } from 'vitest'
import {
  certaintyAttack,
  constraintOf,
  inconsistentCells,
  constraintsOf,
  directDifferences,
  estimationAttack,
  estimationMargin,
  leastSquaresEstimate,
  targetAtoms,
  type Observation,
} from './linear-attack.js'

const obs = (terms: Record<string, number>, value: number | null, status = 'EXACT', label = 'cell'): Observation => ({
  terms,
  value,
  status,
  label,
})
const truthOf = (t: Record<string, number>) => new Map(Object.entries(t))

describe('observations as constraints', () => {
  it('turns exact and zero cells into equalities, perturbed ones into bands of ±2 (never below 1), others into nothing', () => {
    expect(constraintOf(obs({ a: 1 }, 5))).toEqual({ terms: { a: 1 }, lower: 5, upper: 5 })
    expect(constraintOf(obs({ a: 1 }, 0, 'ZERO'))).toEqual({ terms: { a: 1 }, lower: 0, upper: 0 })
    expect(constraintOf(obs({ a: 1, b: 1 }, 2, 'PERTURBED'))).toEqual({ terms: { a: 1, b: 1 }, lower: 1, upper: 4 })
    expect(constraintOf(obs({ a: 1 }, 9, 'PERTURBED'))).toEqual({ terms: { a: 1 }, lower: 7, upper: 11 })
    expect(constraintOf(obs({ a: 1 }, null, 'SECRET'))).toBeNull()
    expect(constraintOf(obs({ a: 1 }, 3, 'SECRET'))).toBeNull()
    expect(constraintOf(obs({ a: 1 }, null, 'AGGREGATE_NOT_PUBLISHED'))).toBeNull()
  })

  it('finds a cell published twice with different noise', () => {
    expect(inconsistentCells([obs({ a: 1, b: 1 }, 10, 'PERTURBED', 'q1'), obs({ b: 1, a: 1 }, 10, 'PERTURBED', 'q2')])).toEqual([])
    expect(inconsistentCells([obs({ a: 1, b: 1 }, 10, 'PERTURBED', 'q1'), obs({ b: 1, a: 1 }, 11, 'PERTURBED', 'q2')])).toEqual([
      'q1 = 10 but q2 = 11',
    ])
  })

  it('merges repeated publications of the same cell and refuses contradictory ones', () => {
    const cs = constraintsOf([obs({ a: 1, b: 1 }, 10, 'PERTURBED'), obs({ b: 1, a: 1 }, 12, 'PERTURBED')])
    expect(cs).toEqual([{ terms: { a: 1, b: 1 }, lower: 10, upper: 12 }])
    expect(() => constraintsOf([obs({ a: 1 }, 3), obs({ a: 1 }, 4)])).toThrow(/Inconsistent/)
  })
})

describe('certainty attack (LP)', () => {
  it('pins a hidden cell that two exact overlapping ranges difference out', async () => {
    const truth = truthOf({ a0: 40, a1: 1, a2: 30 })
    const o = [obs({ a0: 1 }, 40), obs({ a0: 1, a1: 1 }, 41), obs({ a1: 1 }, null, 'SECRET'), obs({ a0: 1, a1: 1, a2: 1 }, 71)]
    const r = await certaintyAttack(o, truth, targetAtoms(o, truth))
    expect(r.find(x => x.atom === 'a1')).toMatchObject({ pinned: true, truth: 1 })
    expect(r.find(x => x.atom === 'a1')!.interval.min).toBeCloseTo(1)
  })

  it('leaves the same cell open when the ranges are perturbed or refused', async () => {
    const truth = truthOf({ a0: 40, a1: 1, a2: 30 })
    const o = [
      obs({ a0: 1 }, 41, 'PERTURBED'),
      obs({ a0: 1, a1: 1 }, 40, 'PERTURBED'),
      obs({ a1: 1 }, null, 'AGGREGATE_NOT_PUBLISHED'),
      obs({ a0: 1, a1: 1, a2: 1 }, 71),
    ]
    const r = await certaintyAttack(o, truth, ['a1'])
    expect(r[0]).toMatchObject({ atom: 'a1', pinned: false })
    expect(r[0]!.integers).toBeGreaterThan(1)
  })

  it('pins a remainder that moves with N and a member of a list filter', async () => {
    // top 1: DEU + OTHER(SYR, UKR); top 2: DEU, SYR + OTHER(UKR) — exact: UKR is OTHER of top 2.
    const truth = truthOf({ DEU: 900, SYR: 20, UKR: 2 })
    const o = [obs({ DEU: 1 }, 900), obs({ SYR: 1, UKR: 1 }, 22), obs({ SYR: 1 }, 20), obs({ UKR: 1 }, null, 'SECRET')]
    const r = await certaintyAttack(o, truth, targetAtoms(o, truth))
    expect(r.find(x => x.atom === 'UKR')).toMatchObject({ pinned: true })
  })
})

describe('estimation attack', () => {
  it('least squares recovers an atom from many exact differences and the averages agree', () => {
    const o = [obs({ x: 1, y: 1 }, 12), obs({ y: 1 }, 10), obs({ x: 1, z: 1 }, 7), obs({ z: 1 }, 5)]
    const ls = leastSquaresEstimate(o, ['x', 'y', 'z'])
    expect(ls.get('x')).toBeCloseTo(2, 3)
    expect(directDifferences(o).get('x')).toEqual([2, 2])
  })

  it('averaging many independently perturbed differences of the same hidden cell finds it (the attack a restriction must stop)', () => {
    // hidden x = 1; 60 pairs (S ∪ {x}, S) each perturbed by independent noise in [−2, 2] with mean 0.
    let seed = 7
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return [-2, -1, -1, 0, 0, 0, 0, 1, 1, 2][seed % 10]!
    }
    const truth = new Map<string, number>([['x', 1]])
    const o: Observation[] = []
    for (let k = 0; k < 60; k++) {
      truth.set(`s${k}`, 20 + k)
      o.push(obs({ x: 1, [`s${k}`]: 1 }, 21 + k + noise(), 'PERTURBED'), obs({ [`s${k}`]: 1 }, 20 + k + noise(), 'PERTURBED'))
    }
    const r = estimationAttack(o, truth)
    expect(r.smallAtoms).toBe(1)
    expect(r.differences).toBe(60)
    expect(r.differenceHits).toBe(1)
    expect(r.leastSquaresHits).toBe(1)
  })

  it('compares with the single published cell and the most common small value', () => {
    const truth = truthOf({ a: 1, b: 1, c: 2, d: 50 })
    const o = [obs({ a: 1 }, 3, 'PERTURBED'), obs({ b: 1 }, 1, 'PERTURBED'), obs({ c: 1 }, null, 'SECRET'), obs({ d: 1 }, 50)]
    const r = estimationAttack(o, truth)
    expect(r.smallAtoms).toBe(3)
    expect(r.mode).toBe(1)
    expect(r.modeGuessHits).toBe(2)
    expect(r.singleCellHits).toBe(1) // a published 3 (miss), b 1 (hit), c not published → guess 1 (miss)
    expect(r.shares.baseline).toBeCloseTo(2 / 3)
  })

  it('states a margin of at least 0.10 that widens for few atoms, never up to a share of 1', () => {
    expect(estimationMargin(1000, 0.5)).toBe(0.1)
    expect(estimationMargin(10, 0.5)).toBeCloseTo(0.25)
    expect(estimationMargin(40, 0.5)).toBeCloseTo(2 * Math.sqrt(0.25 / 40))
    // a baseline of 0.9 leaves 0.05: an attack that recovers every small value always counts
    expect(estimationMargin(10, 0.9)).toBeCloseTo(0.05)
  })

  it('targets small atoms and atoms not shown exactly as their own cell, never zeros', () => {
    const truth = truthOf({ a: 1, b: 7, c: 7, z: 0 })
    const o = [obs({ a: 1 }, 1), obs({ b: 1 }, 7), obs({ c: 1 }, 8, 'PERTURBED'), obs({ z: 1 }, 0, 'ZERO')]
    expect(targetAtoms(o, truth).sort()).toEqual(['a', 'c'])
  })
})
