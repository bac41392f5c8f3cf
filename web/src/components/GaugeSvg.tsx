import { useId } from 'react'
import { gaugeScale, type Band } from './gauge-scale'

// The rev counter drawn as plain SVG: the same dial as the ECharts Gauge (a 240° arc coloured by the bands, white
// ticks, round labels, the needle at the value, the value below the hub), for pages that should not load ECharts
// (the overview). The drawing is an image for assistive technology (role="img" with a label); the bands are in a
// table for screen readers. Its size comes from the viewBox, so the page keeps the room before it is drawn.

const W = 300
const H = 188
const CX = W / 2
const CY = 128
const R = 110
/** Width of the coloured arc; it lies inside the radius, as ECharts draws it. */
const ARC = 18
const START = 200
const END = -20

const point = (deg: number, r: number) => {
  const rad = (deg * Math.PI) / 180
  return [+(CX + r * Math.cos(rad)).toFixed(2), +(CY - r * Math.sin(rad)).toFixed(2)] as const
}

/** An arc from angle a to angle b (a > b, clockwise on screen) at radius r. */
const arc = (a: number, b: number, r: number) => {
  const [x1, y1] = point(a, r)
  const [x2, y2] = point(b, r)
  return `M${x1} ${y1}A${r} ${r} 0 ${a - b > 180 ? 1 : 0} 1 ${x2} ${y2}`
}

export function GaugeSvg({
  value,
  bands,
  label,
  tableCaption,
  bandHeader,
  rangeHeader,
  max: maxGiven,
  format = v => String(v),
  describeBand,
}: {
  value: number | null
  bands: readonly Band[]
  /** What the dial shows, in one sentence (read instead of the drawing). */
  label: string
  /** Caption and column headers of the screen-reader table of the bands. */
  tableCaption: string
  bandHeader: string
  rangeHeader: string
  max?: number
  format?: (v: number) => string
  /** A band's range in words for the table (default: with <, ≥ and –). */
  describeBand?: (band: Band) => string
}) {
  const id = useId()
  const { min, max, ticks } = gaugeScale(bands, value, maxGiven)
  const angle = (v: number) => START - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (START - END)
  const mid = R - ARC / 2
  const minor = ticks.slice(1).map((t, i) => (ticks[i]! + t) / 2)
  const needle = value == null ? null : angle(value)
  const [nx, ny] = needle == null ? [CX, CY] : point(needle, R * 0.7)
  const range = (b: Band) =>
    describeBand
      ? describeBand(b)
      : b.from == null
        ? `< ${format(b.to ?? max)}`
        : b.to == null
          ? `≥ ${format(b.from)}`
          : `${format(b.from)} – < ${format(b.to)}`
  return (
    <div className="gauge-svg">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-l`} className="gauge-svg__dial">
        <title id={`${id}-l`}>{label}</title>
        {bands.map((b, i) => (
          <path key={i} d={arc(angle(b.from ?? min), angle(b.to ?? max), mid)} fill="none" stroke={b.color} strokeWidth={ARC} />
        ))}
        {ticks.map(t => {
          const [x1, y1] = point(angle(t), R)
          const [x2, y2] = point(angle(t), R - ARC)
          return <line key={`s${t}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke="#fff" strokeWidth={2} />
        })}
        {minor.map(t => {
          const [x1, y1] = point(angle(t), R)
          const [x2, y2] = point(angle(t), R - 6)
          return <line key={`m${t}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke="#fff" strokeWidth={1} />
        })}
        {ticks.map(t => {
          const [x, y] = point(angle(t), R - ARC - 16)
          return (
            <text key={`l${t}`} x={x} y={y} textAnchor="middle" dominantBaseline="central" fontSize={12} fill="#374151">
              {format(t)}
            </text>
          )
        })}
        {needle != null && <line x1={CX} y1={CY} x2={nx} y2={ny} stroke="#1f2937" strokeWidth={6} strokeLinecap="round" />}
        <circle cx={CX} cy={CY} r={7} fill="#1f2937" />
        <text x={CX} y={CY + R * 0.3} textAnchor="middle" dominantBaseline="central" fontSize={22} fontWeight={600} fill="#111827">
          {value == null ? '–' : format(value)}
        </text>
      </svg>
      <table className="kern-sr-only">
        <caption>{tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{bandHeader}</th>
            <th scope="col">{rangeHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => (
            <tr key={i}>
              <td>{b.label}</td>
              <td>{range(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
