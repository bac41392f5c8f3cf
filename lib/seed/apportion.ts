/**
 * Splits an integer total into integer parts proportional to `weights` (largest-remainder
 * method; negative weights count as 0), so seeded cells always add up exactly to the total they
 * were drawn from — the property the test oracles (Σ districts = city total) depend on.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  let sum = 0
  for (const w of weights) sum += Math.max(0, w)
  const parts: number[] = new Array(weights.length).fill(0)
  if (total <= 0 || sum <= 0) return parts
  const remainders = new Float64Array(weights.length)
  let missing = total
  for (let i = 0; i < weights.length; i++) {
    const exact = (Math.max(0, weights[i]) / sum) * total
    parts[i] = Math.floor(exact)
    remainders[i] = exact - parts[i]
    missing -= parts[i]
  }
  if (missing > 0) {
    const order = parts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b)
    for (let k = 0; missing > 0; k = (k + 1) % order.length, missing--) parts[order[k]]++
  }
  return parts
}
