/**
 * Splits an integer total into integer parts proportional to weights (largest-remainder method),
 * so seeded details always add up exactly to the anchored totals they are drawn around.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0)
  if (total <= 0 || sum <= 0) return weights.map(() => 0)
  const exact = weights.map(w => (Math.max(0, w) / sum) * total)
  const parts = exact.map(Math.floor)
  let rest = total - parts.reduce((a, p) => a + p, 0)
  const order = exact.map((e, i) => [e - parts[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; rest > 0; k++, rest--) parts[order[k % order.length][1]]++
  return parts
}
