import pg from 'pg'

/**
 * Postgres channel on which a committed write names the datasets it changed (a JSON array of dataset
 * ids, e.g. `["asy.occupancy"]`). The data-entry kit notifies inside its transaction, so the message is
 * delivered on commit and never for a write that was rolled back.
 */
export const DATASET_CHANGES_CHANNEL = 'stadtgraph_dataset_changes'

export interface DatasetChangeListener {
  close(): Promise<void>
}

/**
 * Listens for dataset changes on a dedicated connection and hands each list of ids to `onChange`.
 * A lost connection is re-established after a short pause; changes committed while nobody listened are
 * missed, and what was cached of them lives until its TTL.
 */
export async function listenDatasetChanges(
  connectionString: string,
  onChange: (datasetIds: string[]) => void,
  opts: {
    applicationName?: string
    retryMs?: number
  } = {},
): Promise<DatasetChangeListener> {
  let client: pg.Client | null = null
  let closed = false
  let retry: NodeJS.Timeout | null = null

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: opts.applicationName ?? 'stadtgraph-dataset-changes' })
    c.on('notification', msg => {
      if (msg.channel !== DATASET_CHANGES_CHANNEL || !msg.payload) return
      const ids = parseIds(msg.payload)
      if (ids.length) onChange(ids)
    })
    c.on('error', () => reconnect(c))
    c.on('end', () => reconnect(c))
    await c.connect()
    await c.query(`listen ${DATASET_CHANGES_CHANNEL}`)
    client = c
  }
  const reconnect = (lost: pg.Client) => {
    if (closed || client !== lost) return
    client = null
    lost.end().catch(() => {})
    const attempt = () => {
      retry = null
      if (closed) return
      connect().catch(() => {
        retry = setTimeout(attempt, opts.retryMs ?? 1_000)
      })
    }
    retry = setTimeout(attempt, opts.retryMs ?? 1_000)
  }

  await connect()
  return {
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      const c = client
      client = null
      await c?.end().catch(() => {})
    },
  }
}

function parseIds(payload: string): string[] {
  try {
    const value: unknown = JSON.parse(payload)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []
  } catch {
    return []
  }
}
