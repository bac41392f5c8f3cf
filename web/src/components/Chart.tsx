import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'

// One ECharts chart. Each caller registers only the chart types and components it uses (tree-shaken imports:
// `use={[BarChart, GridComponent, TooltipComponent, LegendComponent]}`), so a view pays for what it draws.
// Phones get the legend below the plot and tooltips on tap; the chart itself is an image for assistive technology
// (role="img" with a label), its data being in the figure's table and summary.
//
// Renderer: SVG. Under the app's Content-Security-Policy (style-src 'self', no inline styles) ECharts' DOM is
// styled through the CSSOM (element.style), which the policy allows. Tooltips are forced to renderMode 'richText'
// (drawn in the SVG): ECharts' HTML tooltips are markup with style attributes, which the policy blocks, so a
// tooltip formatter must return plain text or rich-text markup ({style|text}), never HTML. SVG stays sharp when
// printed and zoomed.

export type EChartsExtension = Parameters<typeof echarts.use>[0]

/** Colours for series, from the KERN palette's blues and contrasting hues (distinguishable in print and for common colour blindness). */
export const PALETTE = ['#14196c', '#d97706', '#0f766e', '#9d174d', '#4f63d2', '#65a30d', '#7c3aed', '#57534e']

const NARROW = 560

function withDefaults(option: EChartsCoreOption, narrow: boolean): EChartsCoreOption {
  const o = option as Record<string, unknown>
  const legend = o.legend as Record<string, unknown> | undefined
  const grid = o.grid as Record<string, unknown> | undefined
  const o2: Record<string, unknown> = {
    color: PALETTE,
    textStyle: { fontFamily: 'Fira Sans, sans-serif', fontSize: 13 },
    animationDuration: 300,
    ...option,
  }
  // Only the components the option names: a key present with an undefined value still makes ECharts look for the
  // component (and complain when the chart did not register it).
  if (o.tooltip !== undefined) {
    // richText: the tooltip is drawn by the renderer; ECharts' HTML tooltips carry style attributes the CSP blocks.
    o2.tooltip = {
      confine: true,
      triggerOn: 'mousemove|click',
      textStyle: { fontFamily: 'Fira Sans, sans-serif' },
      ...(o.tooltip as object),
      renderMode: 'richText',
    }
  }
  if (legend !== undefined) {
    o2.legend = narrow
      ? { type: 'scroll', left: 'center', ...legend, top: undefined, bottom: 0, orient: 'horizontal' }
      : { type: 'scroll', top: 0, ...legend }
  }
  if (grid !== undefined) {
    o2.grid = { containLabel: true, left: 8, right: 16, ...grid, top: legend && !narrow ? 36 : 16, bottom: legend && narrow ? 44 : 8 }
  }
  return o2 as EChartsCoreOption
}

export function Chart({
  option,
  use,
  label,
  height = 280,
  className,
}: {
  option: EChartsCoreOption
  use: EChartsExtension
  /** What the chart shows, in one sentence (read by screen readers instead of the drawing). */
  label: string
  height?: number
  className?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const narrow = useRef(false)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    const el = ref.current
    if (!el) return
    echarts.use([SVGRenderer])
    echarts.use(use)
    const instance = echarts.init(el, null, { renderer: 'svg', height })
    chart.current = instance
    narrow.current = el.clientWidth < NARROW
    instance.setOption(withDefaults(latest.current, narrow.current))
    const fit = () => {
      const isNarrow = el.clientWidth < NARROW
      if (isNarrow !== narrow.current) {
        narrow.current = isNarrow
        instance.setOption(withDefaults(latest.current, isNarrow), { notMerge: true })
      }
      instance.resize()
    }
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    // Printing lays the page out at the paper's width, with no chance for the observer to run: fit the drawing to
    // it when the print media applies (and back to the screen afterwards).
    const print = window.matchMedia('print')
    print.addEventListener('change', fit)
    return () => {
      print.removeEventListener('change', fit)
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
    // `use` is a static list per call site; the option is applied by the effect below.
  }, [height])

  useEffect(() => {
    chart.current?.setOption(withDefaults(option, narrow.current), { notMerge: true })
  }, [option])

  return (
    <div ref={ref} className={`chart${className ? ` ${className}` : ''}`} role="img" aria-label={label} style={{ minHeight: height }} />
  )
}
