import type { ReactNode } from 'react'

export interface Column {
  label: string
  numeric?: boolean
}

/** A plain, accessible table (the data behind a chart, or a table view of its own). */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string
  columns: readonly Column[]
  rows: ReadonlyArray<readonly ReactNode[]>
}) {
  return (
    <div className="kern-table-responsive table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="kern-table kern-table--small kern-table--striped">
        <caption className="kern-sr-only">{caption}</caption>
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
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="kern-table__cell">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`kern-table__cell${columns[i]?.numeric ? ' kern-table__cell--numeric' : ''}`}>
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
