// A small trend line for tiles: plain SVG (no chart library, nothing for the initial bundle), hidden from assistive
// technology because the tile says the trend in words.

export function Sparkline({ values, width = 120, height = 36 }: { values: ReadonlyArray<number | null>; width?: number; height?: number }) {
  const points = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => typeof p.v === 'number')
  if (points.length < 2) return null
  const min = Math.min(...points.map(p => p.v))
  const max = Math.max(...points.map(p => p.v))
  const span = max - min || 1
  const x = (i: number) => 2 + (i / (values.length - 1)) * (width - 4)
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6)
  const d = points.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')
  const last = points[points.length - 1]
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={x(last.i)} cy={y(last.v)} r="3" fill="currentColor" />
    </svg>
  )
}
