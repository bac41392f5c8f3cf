import type { ReactNode } from 'react'

export interface Column {
  label: string
  numeric?: boolean
  /** data-testid of every cell of the column. */
  testId?: string
}

/**
 * A plain, accessible table (the data behind a chart, or a table view of its own). The first cell of a row is its
 * header. The caption is for screen readers unless `captionClassName` shows it; `rowKey` and `rowData` (data-*
 * attributes) name a row when its index does not.
 */
export function DataTable({
  caption,
  columns,
  rows,
  captionClassName = 'kern-sr-only',
  className,
  regionClassName,
  testId,
  rowKey,
  rowData,
}: {
  caption: string
  columns: readonly Column[]
  rows: ReadonlyArray<readonly ReactNode[]>
  captionClassName?: string
  /** Added to the table's classes. */
  className?: string
  /** Added to the scrolling region's classes. */
  regionClassName?: string
  testId?: string
  rowKey?: (index: number) => string
  rowData?: (index: number) => Record<string, string>
}) {
  return (
    <div
      className={`kern-table-responsive table-scroll${regionClassName ? ` ${regionClassName}` : ''}`}
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className={`kern-table kern-table--small kern-table--striped${className ? ` ${className}` : ''}`} data-testid={testId}>
        <caption className={captionClassName}>{caption}</caption>
        <thead className="kern-table__header">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`kern-table__header${c.numeric ? ' kern-table__header--numeric' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row, r) => (
            <tr key={rowKey ? rowKey(r) : r} {...dataAttributes(rowData?.(r))}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="kern-table__cell" data-testid={columns[i]?.testId}>
                    {cell}
                  </th>
                ) : (
                  <td
                    key={i}
                    className={`kern-table__cell${columns[i]?.numeric ? ' kern-table__cell--numeric' : ''}`}
                    data-testid={columns[i]?.testId}
                  >
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function dataAttributes(data: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]))
}
