import { describe, expect, it } from 'vitest'
import { parse } from 'graphql'
import { createParsedHandoff, MAX_HANDOFF_CHARS, MAX_HANDOFFS } from './parsed-handoff.js'

describe('createParsedHandoff', () => {
  it('hands a document on once, for exactly its text', () => {
    const handoff = createParsedHandoff()
    const doc = parse('{ a }', { maxTokens: 100 })
    handoff.give('{ a }', 100, doc)
    expect(handoff.take('{ a } ', 100)).toBeUndefined()
    expect(handoff.take('{ a }', 100)).toBe(doc)
    expect(handoff.take('{ a }', 100)).toBeUndefined()
    expect(handoff.size()).toBe(0)
  })

  it('hands nothing on between different token limits, and drops the document', () => {
    const handoff = createParsedHandoff()
    handoff.give('{ a }', 100, parse('{ a }', { maxTokens: 100 }))
    expect(handoff.take('{ a }', 200)).toBeUndefined()
    expect(handoff.size()).toBe(0)
    expect(handoff.take('{ a }', 100)).toBeUndefined()
  })

  it(`keeps at most ${MAX_HANDOFFS} documents, dropping the oldest`, () => {
    const handoff = createParsedHandoff()
    const docs = Array.from({ length: MAX_HANDOFFS + 10 }, (_, i) => parse(`{ a${i} }`))
    docs.forEach((doc, i) => handoff.give(`{ a${i} }`, 100, doc))
    expect(handoff.size()).toBe(MAX_HANDOFFS)
    for (let i = 0; i < 10; i++) expect(handoff.take(`{ a${i} }`, 100)).toBeUndefined()
    expect(handoff.take(`{ a10 }`, 100)).toBe(docs[10])
    expect(handoff.take(`{ a${MAX_HANDOFFS + 9} }`, 100)).toBe(docs[MAX_HANDOFFS + 9])
  })

  it('counts a text given again as the newest', () => {
    const handoff = createParsedHandoff()
    const [x, y, other] = [parse('{ x }'), parse('{ y }'), parse('{ z }')]
    handoff.give('{ x }', 100, parse('{ x }'))
    handoff.give('{ y }', 100, y)
    handoff.give('{ x }', 100, x)
    for (let i = 0; i < MAX_HANDOFFS - 1; i++) handoff.give(`{ z${i} }`, 100, other)
    expect(handoff.size()).toBe(MAX_HANDOFFS)
    expect(handoff.take('{ y }', 100)).toBeUndefined()
    expect(handoff.take('{ x }', 100)).toBe(x)
  })

  it(`keeps at most ${MAX_HANDOFF_CHARS} characters of text waiting, the newest document whatever its length`, () => {
    const handoff = createParsedHandoff()
    const text = (name: string) => `{ ${name} ${'a '.repeat(MAX_HANDOFF_CHARS / 8)}}`
    const texts = ['p', 'q', 'r', 's', 't'].map(text)
    for (const t of texts) handoff.give(t, 100, parse(t))
    // Each text a little over a quarter of the budget: three fit, the oldest two were dropped.
    expect(handoff.size()).toBe(3)
    expect(handoff.take(texts[1], 100)).toBeUndefined()
    expect(handoff.take(texts[2], 100)).toBeDefined()
    // Taken, a text no longer counts: a third fits again.
    handoff.give(texts[0], 100, parse(texts[0]))
    expect(handoff.size()).toBe(3)
    const long = `{ ${'a '.repeat(MAX_HANDOFF_CHARS)}}`
    handoff.give(long, 100, parse(long))
    expect(handoff.size()).toBe(1)
    expect(handoff.take(long, 100)).toBeDefined()
    expect(handoff.size()).toBe(0)
  })
})
