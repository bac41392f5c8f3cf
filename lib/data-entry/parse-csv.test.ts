import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { CsvError, detectDelimiter, readCsv } from './parse-csv.js'

async function parse(text: string | string[]) {
  const reader = readCsv(Readable.from(Array.isArray(text) ? text : [text]))
  const records = []
  for await (const r of reader.records) records.push(r)
  return { records, delimiter: reader.delimiter() }
}

describe('readCsv', () => {
  it('reads ;-separated German exports with BOM, CRLF, quotes and embedded line breaks', async () => {
    const text = '\ufeffa;b;c\r\n1;"x;y";"say ""hi"""\r\n2;"two\r\nlines";3\r\n\r\n4;;\r\n'
    const { records, delimiter } = await parse(text)
    expect(delimiter).toBe(';')
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x;y', 'say "hi"'] },
      { line: 3, fields: ['2', 'two\r\nlines', '3'] },
      { line: 6, fields: ['4', '', ''] },
    ])
  })

  it('detects commas and tabs, and reads a last line without newline', async () => {
    expect(await parse('a,b\n"1,5",2')).toEqual({
      delimiter: ',',
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1,5', '2'] },
      ],
    })
    expect((await parse('a\tb\n1\t2\n')).delimiter).toBe('\t')
    expect(detectDelimiter('"a;b",c,d')).toBe(',')
    expect(detectDelimiter('single')).toBe(';')
  })

  it('gives the same records whatever the chunk boundaries (quotes and escapes split across chunks)', async () => {
    const text = 'h1;h2\n"a""b";"c\nd"\n"e";f\n'
    const whole = await parse(text)
    for (let cut = 1; cut < text.length; cut++) {
      expect(await parse([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole)
    }
    // Chunks of one character each.
    expect(await parse([...text])).toEqual(whole)
  })

  it('fails with the line of an unterminated quote or text after a closing quote', async () => {
    await expect(parse('a;b\n1;2\n3;"open\n4;5\n')).rejects.toThrowError(new CsvError(3, 'quoted field starting on line 3 is never closed'))
    await expect(parse('a;b\n"x"y;2\n')).rejects.toBeInstanceOf(CsvError)
  })

  it('reads nothing from an empty file', async () => {
    expect(await parse('')).toEqual({ records: [], delimiter: null })
  })
})
