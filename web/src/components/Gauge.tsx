import { useMemo } from 'react'
import { GaugeChart } from 'echarts/charts'
import { Chart } from './Chart'
import { gaugeScale, type Band } from './gauge-scale'

// The rev counter: an ECharts gauge whose scale is coloured by the bands of a rule set (e.g. the warning gauge's
// Warnstufen), with the needle at the value. The overview draws the same dial without ECharts (GaugeSvg.tsx); both
// take their scale from gaugeScale(), round labels all the way up.

export type { Band }

const USE = [GaugeChart]

export function Gauge({
  value,
  bands,
  label,
  max: maxGiven,
  format = v => String(v),
  height = 220,
}: {
  value: number | null
  bands: readonly Band[]
  label: string
  max?: number
  format?: (v: number) => string
  height?: number
}) {
  const option = useMemo(() => {
    const { min, max, ticks } = gaugeScale(bands, value, maxGiven)
    const stops: Array<[number, string]> = bands.map(b => [Math.min(1, ((b.to ?? max) - min) / (max - min)), b.color])
    return {
      series: [
        {
          type: 'gauge',
          min,
          max,
          startAngle: 200,
          endAngle: -20,
          radius: '100%',
          center: ['50%', '64%'],
          axisLine: { lineStyle: { width: 18, color: stops } },
          pointer: { width: 6, length: '70%', itemStyle: { color: '#1f2937' } },
          anchor: { show: true, size: 14, itemStyle: { color: '#1f2937' } },
          splitNumber: ticks.length - 1,
          axisTick: { splitNumber: 2, distance: -18, length: 6, lineStyle: { color: '#fff', width: 1 } },
          splitLine: { distance: -18, length: 18, lineStyle: { color: '#fff', width: 2 } },
          axisLabel: { distance: 22, color: '#374151', fontSize: 12, formatter: (v: number) => format(v) },
          detail: {
            valueAnimation: false,
            offsetCenter: [0, '30%'],
            fontSize: 22,
            fontWeight: 600,
            color: '#111827',
            formatter: () => (value == null ? '–' : format(value)),
          },
          data: [{ value: value ?? min }],
        },
      ],
    }
  }, [bands, value, maxGiven, format])
  return <Chart option={option} use={USE} label={label} height={height} className="chart--gauge" />
}

export default Gauge
