import { describe, expect, it } from 'vitest'
import { createMetricsRegistry } from './create-metrics-registry.js'
import { createServiceMetrics } from './service-metrics.js'
import { createStatementLabels } from './statement-labels.js'
import { statementName } from '../../platform/db/prepared-statements.js'

const pool = { totalCount: 5, idleCount: 2, waitingCount: 1 }

describe('department metrics', () => {
  it('reports pool use, dataset age and the interval its cadence promises', async () => {
    const registry = createMetricsRegistry({ department: 'asylum' })
    createServiceMetrics(registry, {
      pool,
      datasets: async () => [
        { id: 'asy.occupancy', ageSeconds: 3600, refreshCadence: 'MONTHLY' },
        { id: 'asy.special', ageSeconds: 7200, refreshCadence: 'WHEN_NEEDED' },
      ],
    })
    const text = await registry.metrics()
    expect(text).toContain('stadtgraph_department_db_pool_connections{state="in_use",department="asylum"} 3')
    expect(text).toContain('stadtgraph_department_db_pool_waiting{department="asylum"} 1')
    expect(text).toContain('stadtgraph_dataset_age_seconds{dataset="asy.occupancy",department="asylum"} 3600')
    expect(text).toContain(`stadtgraph_dataset_refresh_interval_seconds{dataset="asy.occupancy",department="asylum"} ${31 * 86400}`)
    // An unknown cadence promises nothing: no interval, so no staleness alert.
    expect(text).not.toContain('stadtgraph_dataset_refresh_interval_seconds{dataset="asy.special"')
  })

  it('serves the other metrics when the database does not answer the freshness query', async () => {
    const registry = createMetricsRegistry({ department: 'asylum' })
    createServiceMetrics(registry, { pool, datasets: () => new Promise(() => {}) })
    const text = await registry.metrics()
    expect(text).toContain('stadtgraph_department_db_pool_waiting{department="asylum"} 1')
    expect(text).not.toMatch(/stadtgraph_dataset_age_seconds\{/)
  })

  it('labels statements by their prepared name, and bounds the label set', () => {
    const label = createStatementLabels(2)
    const text = 'select name from geo.district where code = $1'
    expect(label(text, ['01'])).toBe(statementName(text))
    expect(label('begin', [])).toBe('unprepared')
    expect(label('select 2 where $1', [1])).toBe('other')
    const registry = createMetricsRegistry()
    const metrics = createServiceMetrics(registry)
    for (let i = 0; i < 400; i++) metrics.statement(`s${i}`, 0.001, true)
    return registry
      .getSingleMetric('stadtgraph_department_sql_duration_seconds')!
      .get()
      .then(m => {
        const names = new Set(m.values.map(v => v.labels.statement))
        expect(names.size).toBe(301) // 300 names and `other`
        expect(names).toContain('other')
      })
  })
})
