import { describe, expect, it } from 'vitest'
import { gaugeScale, type Band } from './gauge-scale'

const bands = (...edges: number[]): Band[] => [
  { from: null, to: edges[0]!, color: '#fee08b', label: 'Stufe 1' },
  ...edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, color: '#d73027', label: `Stufe ${i + 2}` })),
]
/** Every step between two labels is the same, and a round number. */
const even = (ticks: number[]) => new Set(ticks.slice(1).map((t, i) => +(t - ticks[i]!).toPrecision(10))).size === 1

describe('gaugeScale', () => {
  it('labels the warning gauge 0, 50, …, 300: the open top band as wide as the one below, edges on labels', () => {
    expect(gaugeScale(bands(100, 200), 40.5)).toEqual({ min: 0, max: 300, step: 50, ticks: [0, 50, 100, 150, 200, 250, 300] })
  })

  it('keeps even, round labels above the top band whatever the edges (no 37.5 shown as 38)', () => {
    for (const [edges, value] of [
      [[35, 50], 10],
      [[7], 2],
      [[50, 150], 3],
      [[0.5, 1], 0.2],
      [[120, 240, 360], 500],
    ] as const) {
      const s = gaugeScale(bands(...edges), value)
      expect(even(s.ticks), JSON.stringify({ edges, s })).toBe(true)
      expect(s.ticks.at(-1)).toBe(s.max)
      expect(s.max).toBeGreaterThanOrEqual(Math.max(...edges) * 1.5)
      expect(s.ticks.length - 1).toBeLessThanOrEqual(8)
      expect([1, 2, 2.5, 5]).toContain(+(s.step / 10 ** Math.floor(Math.log10(s.step))).toPrecision(6))
    }
  })

  it('makes room for a needle beyond the bands, and has a scale without bands or value', () => {
    const s = gaugeScale(bands(100, 200), 450)
    expect(s.max).toBeGreaterThanOrEqual(450)
    expect(even(s.ticks)).toBe(true)
    expect(gaugeScale([], null)).toMatchObject({ min: 0, max: 150 })
  })
})
