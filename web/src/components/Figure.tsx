import { useId, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { DataTable, type Column } from './DataTable'
import { SourceLine, type Source } from './Provenance'
import { StatLegend, type Mark } from './StatValue'

export interface FigureTable {
  columns: readonly Column[]
  rows: ReadonlyArray<readonly ReactNode[]>
}

/**
 * One figure as the city publishes it: title, the chart, a text summary, the data as a table (behind a
 * disclosure, for screen readers and for reading exact values), the legend of the marks used and the source line.
 */
export function Figure({
  title,
  summary,
  table,
  source,
  marks,
  children,
  headingLevel = 2,
}: {
  title: string
  summary: string
  table?: FigureTable
  source: Source | Source[] | null | undefined
  marks?: ReadonlySet<Mark>
  children: ReactNode
  headingLevel?: 2 | 3
}) {
  const { t } = useI18n()
  const id = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <figure className="figure" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={`figure__title kern-heading ${headingLevel === 2 ? 'kern-heading-small' : 'kern-title'}`}>
        {title}
      </Heading>
      <div className="figure__chart">{children}</div>
      <p className="figure__summary kern-body">{summary}</p>
      {table && (
        <details className="figure__table">
          <summary>{t('figures.showTable')}</summary>
          <DataTable caption={title} columns={table.columns} rows={table.rows} />
        </details>
      )}
      <figcaption className="figure__footer">
        {marks && <StatLegend marks={marks} />}
        <SourceLine source={source} />
      </figcaption>
    </figure>
  )
}
