/**
 * A small streaming CSV reader (RFC 4180 plus what office software writes): `;`, `,` or tab as
 * separator (detected from the header line), quoted fields with `""` escapes and line breaks,
 * CRLF or LF, a UTF-8 byte-order mark. It holds one record at a time, never the whole file.
 */

export interface CsvRecord {
  /** Line on which the record starts (1-based), as an editor shows it. */
  line: number
  fields: string[]
}

export type CsvDelimiter = ';' | ',' | '\t'

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`)
  }
}

export interface CsvReader {
  /** Known once the first record has been read. */
  delimiter(): CsvDelimiter | null
  records: AsyncGenerator<CsvRecord>
}

/** The separator that occurs most often outside quotes in the header line (`;` wins ties, as German exports use it). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted
    else if (!quoted && c in counts) counts[c as CsvDelimiter]++
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a] || (a === ';' ? -1 : b === ';' ? 1 : 0))[0]
  return counts[best] > 0 ? best : ';'
}

/** Bounds of one record, so a file without line breaks or with endless separators cannot fill memory. */
export interface CsvLimits {
  /** Characters of one record (its line, or lines when a quoted field spans several); default unbounded. */
  maxRecordChars?: number
  /** Fields of one record; default unbounded. */
  maxFields?: number
}

export function readCsv(chunks: AsyncIterable<string | Buffer>, opts: { delimiter?: CsvDelimiter } & CsvLimits = {}): CsvReader {
  let delimiter: CsvDelimiter | null = opts.delimiter ?? null
  const maxRecordChars = opts.maxRecordChars ?? Infinity
  const maxFields = opts.maxFields ?? Infinity
  async function* records(): AsyncGenerator<CsvRecord> {
    let first = true
    let pending = '' // text before the delimiter is known
    let fields: string[] = []
    let field = ''
    let inQuotes = false
    let quoteInQuotes = false // saw `"` inside quotes; the next character decides
    let closed = false // the current field was quoted and its quote closed
    let line = 1
    let recordLine = 1
    let out: CsvRecord[] = []
    let recordChars = 0

    const endField = () => {
      fields.push(field)
      field = ''
      closed = false
      if (fields.length > maxFields) throw new CsvError(recordLine, `has more than ${maxFields} fields`)
    }
    const endRecord = () => {
      endField()
      if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields })
      fields = []
      recordChars = 0
    }
    const feed = (text: string) => {
      const d = delimiter!
      for (let i = 0; i < text.length; i++) {
        const c = text[i]
        if (++recordChars > maxRecordChars) throw new CsvError(recordLine, `is longer than ${maxRecordChars} characters`)
        if (quoteInQuotes) {
          quoteInQuotes = false
          if (c === '"') {
            field += '"'
            continue
          }
          inQuotes = false
          closed = true
        }
        if (inQuotes) {
          if (c === '"') quoteInQuotes = true
          else {
            if (c === '\n') line++
            field += c
          }
          continue
        }
        if (c === d) endField()
        else if (c === '\n') {
          endRecord()
          line++
          recordLine = line
        } else if (c === '\r') continue
        else if (c === '"' && field === '' && !closed) inQuotes = true
        else if (closed)
          throw new CsvError(line, `unexpected ${JSON.stringify(c)} after a closing quote (a quote inside a quoted field is written "")`)
        else field += c
      }
    }

    for await (const chunk of chunks) {
      let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8')
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        first = false
      }
      if (delimiter === null) {
        pending += text
        const eol = pending.indexOf('\n')
        if (eol < 0) {
          if (pending.length > maxRecordChars) throw new CsvError(1, `is longer than ${maxRecordChars} characters`)
          continue
        }
        delimiter = detectDelimiter(pending.slice(0, eol))
        text = pending
        pending = ''
      }
      feed(text)
      if (out.length) {
        yield* out
        out = []
      }
    }
    if (delimiter === null) {
      if (pending === '') return
      delimiter = detectDelimiter(pending)
      feed(pending)
    }
    if (quoteInQuotes) {
      quoteInQuotes = false
      inQuotes = false
      closed = true
    }
    if (inQuotes) throw new CsvError(recordLine, `quoted field starting on line ${recordLine} is never closed`)
    if (field !== '' || fields.length || closed) endRecord()
    yield* out
  }
  return { delimiter: () => delimiter, records: records() }
}
