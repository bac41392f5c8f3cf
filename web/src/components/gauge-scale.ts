// The scale of a rev counter (Gauge, GaugeSvg): from the lowest band edge (or 0) to a maximum that leaves the open
// top band as much room as the band below it and always holds the needle, divided into even steps (1, 2, 2.5 or 5
// times a power of ten), so every label on the scale is a round number, also above the top band.

export interface Band {
  from: number | null
  to: number | null
  color: string
  label: string
}

export interface GaugeScale {
  min: number
  max: number
  /** Distance between two labelled ticks. */
  step: number
  /** The labelled ticks, min to max. */
  ticks: number[]
}

const NICE = [1, 2, 2.5, 5, 10]
/** Labels on the scale: about six, never more than eight. */
const TARGET_SPLITS = 6
const MAX_SPLITS = 8

/** A round step near `raw` (1, 2, 2.5 or 5 times a power of ten). */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw))
  return NICE.find(n => n * power >= raw * 0.999)! * power
}

export function gaugeScale(bands: readonly Band[], value: number | null, maxGiven?: number): GaugeScale {
  const finite = bands.flatMap(b => [b.from, b.to]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  const topEdge = finite.length ? Math.max(...finite) : 100
  const min = Math.min(0, ...finite)
  const want =
    maxGiven ??
    Math.max(topEdge > min ? min + (topEdge - min) * 1.5 : min + 100, value != null && Number.isFinite(value) ? value * 1.1 : min)
  let step = niceStep((want - min) / TARGET_SPLITS)
  // A finer round step that also falls on the bands' edges, when the first does not (e.g. 25 for edges 75 and 150).
  const onEdges = (st: number) => finite.every(e => Math.abs((e - min) / st - Math.round((e - min) / st)) < 1e-9)
  if (!onEdges(step)) {
    const finer = [step / 2, step / 2.5].find(st => onEdges(st) && (want - min) / st <= MAX_SPLITS)
    if (finer) step = finer
  }
  let splits = Math.ceil((want - min) / step - 1e-9)
  while (splits > MAX_SPLITS) {
    step = niceStep(step * 1.01)
    splits = Math.ceil((want - min) / step - 1e-9)
  }
  const max = maxGiven ?? min + splits * step
  const ticks: number[] = []
  for (let i = 0; i <= splits; i++) ticks.push(Math.min(max, +(min + i * step).toPrecision(12)))
  return { min, max, step, ticks }
}
