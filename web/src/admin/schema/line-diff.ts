// A line-based diff of two SDL texts (longest common subsequence of lines, after trimming equal heads and tails),
// and the hunks of it worth showing: every changed line with `context` unchanged lines around it.

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }
export type DiffPart = DiffLine | { kind: 'skip'; count: number }

/** Largest table (lines × lines) the diff computes; beyond it, the middle is shown as removed and added. */
const MAX_CELLS = 16_000_000

export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n')
  const y = b.split('\n')
  let head = 0
  while (head < x.length && head < y.length && x[head] === y[head]) head++
  let tail = 0
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++
  const xs = x.slice(head, x.length - tail)
  const ys = y.slice(head, y.length - tail)
  const out: DiffLine[] = x.slice(0, head).map(text => ({ kind: 'same', text }))
  const n = xs.length
  const m = ys.length
  if (n * m > MAX_CELLS) {
    xs.forEach(text => out.push({ kind: 'removed', text }))
    ys.forEach(text => out.push({ kind: 'added', text }))
  } else {
    // lcs[i][j]: length of the LCS of xs[i..] and ys[j..]
    const w = m + 1
    const lcs = new Uint32Array((n + 1) * w)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = xs[i] === ys[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
      }
    }
    let i = 0
    let j = 0
    while (i < n && j < m) {
      if (xs[i] === ys[j]) {
        out.push({ kind: 'same', text: xs[i] })
        i++
        j++
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
        out.push({ kind: 'removed', text: xs[i++] })
      } else {
        out.push({ kind: 'added', text: ys[j++] })
      }
    }
    while (i < n) out.push({ kind: 'removed', text: xs[i++] })
    while (j < m) out.push({ kind: 'added', text: ys[j++] })
  }
  x.slice(x.length - tail).forEach(text => out.push({ kind: 'same', text }))
  return out
}

/** Changed lines with `context` unchanged lines either side; longer unchanged runs collapse to a count. */
export function hunks(lines: readonly DiffLine[], context = 2): DiffPart[] {
  const keep = lines.map(l => l.kind !== 'same')
  const show = keep.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true
    return false
  })
  const out: DiffPart[] = []
  let skipped = 0
  lines.forEach((line, i) => {
    if (show[i]) {
      if (skipped) out.push({ kind: 'skip', count: skipped })
      skipped = 0
      out.push(line)
    } else skipped++
  })
  if (skipped) out.push({ kind: 'skip', count: skipped })
  return out
}
