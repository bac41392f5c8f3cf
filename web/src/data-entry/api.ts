import { DATA_ENTRY_URL } from './access'
import type { HistoryEntry, Problem, Receipt } from './types'

// The data-entry endpoints of the gateway (DATA-ENTRY contract): history and the streamed CSV upload.

/** A refusal before any row was read (HTTP status with the catalogue's code), or a broken answer. */
export class DataEntryHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const auth = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {})

async function httpError(res: Response): Promise<DataEntryHttpError> {
  const body = (await res.json().catch(() => null)) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | null
  const first = body?.errors?.[0]
  return new DataEntryHttpError(res.status, first?.extensions?.code ?? `HTTP_${res.status}`, first?.message ?? `HTTP ${res.status}`)
}

export async function fetchHistory(
  token: string | null,
  department: string,
  opts: { dataset?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ limit: String(opts.limit ?? 50) })
  if (opts.dataset) q.set('dataset', opts.dataset)
  const res = await fetch(`${DATA_ENTRY_URL}/${encodeURIComponent(department)}/history?${q}`, {
    headers: { ...auth(token), accept: 'application/json' },
    signal: opts.signal,
  })
  if (!res.ok) throw await httpError(res)
  const body = (await res.json()) as { entries?: HistoryEntry[] }
  return Array.isArray(body.entries) ? body.entries : []
}

export type UploadResult =
  /** A dry run; with the key of a file already written, that write's receipt (`replayed`). */
  | { ok: true; dryRun: true; rows: number; replayed?: boolean; receipt?: Receipt }
  | { ok: true; dryRun: false; receipt: Receipt }
  | { ok: false; code: string; message: string; problems: Problem[]; problemCount: number }

export interface UploadOptions {
  dryRun: boolean
  /** Required to commit: one per chosen file, so a repeated click or retry writes once. With a dry run: a file already written answers its receipt. */
  idempotencyKey?: string
  onProgress?: (rows: number) => void
  signal?: AbortSignal
}

/**
 * Sends the file as it is (the browser streams it from disk; nothing parses it on this page) and reads the NDJSON
 * answer line by line as it arrives: progress lines, then exactly one result line.
 */
export async function uploadCsv(
  token: string | null,
  department: string,
  dataset: string,
  file: Blob,
  { dryRun, idempotencyKey, onProgress, signal }: UploadOptions,
): Promise<UploadResult> {
  const headers: Record<string, string> = { ...auth(token), 'content-type': 'text/csv', accept: 'application/x-ndjson' }
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey
  const url = `${DATA_ENTRY_URL}/${encodeURIComponent(department)}/${encodeURIComponent(dataset)}${dryRun ? '?dryRun=1' : ''}`
  const res = await fetch(url, { method: 'POST', headers, body: file, signal })
  if (!res.ok || !res.body) throw await httpError(res)
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  let result = null as UploadResult | null
  const take = (line: string) => {
    if (!line.trim()) return
    const msg = JSON.parse(line) as { type?: string; rows?: number } & Record<string, unknown>
    if (msg.type === 'progress' && typeof msg.rows === 'number') onProgress?.(msg.rows)
    else if (msg.type === 'result') result = msg as unknown as UploadResult
  }
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    buffered += value
    let nl: number
    while ((nl = buffered.indexOf('\n')) >= 0) {
      take(buffered.slice(0, nl))
      buffered = buffered.slice(nl + 1)
    }
  }
  take(buffered)
  if (!result) throw new DataEntryHttpError(res.status, 'INCOMPLETE_ANSWER', 'the answer ended without a result')
  return result
}
