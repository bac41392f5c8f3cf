import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DataTable } from './DataTable'

describe('DataTable', () => {
  const columns = [{ label: 'Replikat' }, { label: 'Version', testId: 'replica-version', numeric: true }]
  const rows = [
    ['a', '3'],
    ['b', '4'],
  ]

  it('by default: caption for screen readers, first cell the row header, plain rows', () => {
    const out = renderToStaticMarkup(createElement(DataTable, { caption: 'Replikate', columns, rows }))
    expect(out).toContain('<caption class="kern-sr-only">Replikate</caption>')
    expect(out).toContain('<tr><th scope="row" class="kern-table__cell">a</th>')
    expect(out).toContain('<td class="kern-table__cell kern-table__cell--numeric" data-testid="replica-version">3</td>')
    expect(out).not.toContain('data-replica')
  })

  it('names the region, the table and each row when asked, and shows the caption with its class', () => {
    const out = renderToStaticMarkup(
      createElement(DataTable, {
        caption: 'Replikate',
        columns,
        rows,
        captionClassName: 'kern-title',
        className: 'insight-table',
        regionClassName: 'insight-wide',
        testId: 'replicas-table',
        rowKey: i => rows[i]![0]!,
        rowData: i => ({ replica: rows[i]![0]! }),
      }),
    )
    expect(out).toMatch(/^<div class="kern-table-responsive table-scroll insight-wide" tabindex="0" role="region" aria-label="Replikate">/)
    expect(out).toContain('<table class="kern-table kern-table--small kern-table--striped insight-table" data-testid="replicas-table">')
    expect(out).toContain('<caption class="kern-title">Replikate</caption>')
    expect(out).toContain('<tr data-replica="b"><th scope="row" class="kern-table__cell">b</th>')
  })
})
