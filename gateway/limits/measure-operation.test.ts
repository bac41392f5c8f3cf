import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildSchema, Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'
import { measureOperation, ShapeLimitExceeded, type ShapeLimits } from './measure-operation.js'
import { estimateCost } from './estimate-cost.js'
import { DEFAULT_LIMITS } from './operation-limits.js'

const SHOP = buildSchema(`
  type Query { topProducts(first: Int): [Product] user(id: ID): User }
  interface Product { upc: ID name: String reviews: [Review] }
  type Book implements Product { upc: ID name: String reviews: [Review] author: User pages: Int }
  type Furniture implements Product { upc: ID name: String reviews: [Review] material: String }
  type Review { id: ID body: String author: User product: Product }
  type User { id: ID name: String reviews: [Review] }
`)

const LIMITS: ShapeLimits = {
  depth: DEFAULT_LIMITS.maxDepth,
  fields: DEFAULT_LIMITS.maxFields,
  aliases: DEFAULT_LIMITS.maxAliases,
  directives: DEFAULT_LIMITS.maxDirectives,
  rootFields: DEFAULT_LIMITS.maxRootFields,
  fragments: DEFAULT_LIMITS.maxFragments,
  duplicateFields: DEFAULT_LIMITS.maxDuplicateFields,
}

/** Selection nodes in the document: the unit of work the analyses may spend on it. */
function selectionNodes(document: DocumentNode): number {
  let n = 0
  visit(document, {
    SelectionSet(node) {
      n += node.selections.length
    },
  })
  return n
}

/** Reference: the operation with every fragment expanded where it is spread, counted node by node (small documents only). */
function naiveShape(document: DocumentNode) {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map(d => [d.name.value, d]),
  )
  const op = document.definitions.find(d => d.kind === Kind.OPERATION_DEFINITION)!
  const shape = { depth: 0, fields: 0, aliases: 0, directives: 0, rootFields: 0 }
  const walk = (set: SelectionSetNode, depth: number, root: boolean) => {
    for (const s of set.selections) {
      shape.directives += s.directives?.length ?? 0
      if (s.kind === Kind.FIELD) {
        shape.fields++
        if (root) shape.rootFields++
        if (s.alias) shape.aliases++
        if (s.name.value.startsWith('__')) continue
        shape.depth = Math.max(shape.depth, depth)
        if (s.selectionSet) walk(s.selectionSet, depth + 1, false)
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, depth, root)
      else walk(fragments.get(s.name.value)!.selectionSet, depth, root)
    }
  }
  walk((op as { selectionSet: SelectionSetNode }).selectionSet, 1, true)
  return shape
}

/**
 * Documents of the shapes that make naive analyses explode: chains of fragments each spreading
 * the next several times (fan-out), many spreads side by side, inline fragments on an abstract
 * type, aliases and directives mixed in.
 */
const documents = (maxLevels: number) =>
  fc
    .record({
      fanOuts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: maxLevels }),
      aliases: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      inline: fc.boolean(),
      directive: fc.boolean(),
      nested: fc.boolean(),
      side: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ fanOuts, aliases, inline, directive, nested, side }) => {
      const levels = fanOuts.length
      const fragment = (i: number) => {
        const own = aliases.map((aliased, k) => (aliased ? `a${i}_${k}: name` : 'upc')).join(' ')
        const branch = inline
          ? `... on Book { pages author { name } } ... on Furniture { material${directive ? ' @include(if: true)' : ''} }`
          : ''
        const deeper = nested ? `reviews { id product { upc } }` : ''
        const next = i + 1 < levels ? Array.from({ length: fanOuts[i] }, () => `...P${i + 1}`).join(' ') : 'name'
        return `fragment P${i} on Product { ${own} ${branch} ${deeper} ${next} }`
      }
      const sides = Array.from({ length: side }, (_, k) => `fragment S${k} on Product { upc }`)
      const query = `query Q { topProducts { ...P0 ${sides.map((_, k) => `...S${k}`).join(' ')} } }`
      return [query, ...Array.from({ length: levels }, (_, i) => fragment(i)), ...sides].join('\n')
    })

describe('measureOperation', () => {
  it('counts depth, fields, aliases, directives and root fields of the expanded operation', () => {
    const document = parse(
      `query { a: topProducts { ...P } user(id: "1") { name } } fragment P on Product { upc x: name @skip(if: false) ... on Book { author { name } } }`,
    )
    expect(measureOperation(document, undefined).shape).toEqual({
      depth: 3,
      fields: 7,
      aliases: 2,
      directives: 1,
      rootFields: 2,
      fragments: 1,
      duplicateFields: 0,
    })
  })

  it('counts root fields brought by fragments on the root type', () => {
    const document = parse(`{ ...R ...R } fragment R on Query { topProducts { upc } user(id: "1") { id } }`)
    expect(measureOperation(document, undefined).shape.rootFields).toBe(4)
  })

  it('leaves cycles and unknown fragments to validation (they count as empty)', () => {
    expect(
      measureOperation(
        parse('{ topProducts { ...A } } fragment A on Product { upc ...B } fragment B on Product { name ...A ...Nope }'),
        undefined,
      ).shape,
    ).toEqual({ depth: 2, fields: 3, aliases: 0, directives: 0, rootFields: 1, fragments: 2, duplicateFields: 0 })
  })

  it('counts response keys repeated in one selection set, inline fragments included, as written (not expanded)', () => {
    const document = parse(
      `{ topProducts { upc upc name ... on Book { upc x: upc } reviews { id id } ...P ...P } } fragment P on Product { upc upc }`,
    )
    // upc ×2 more in the set, +1 in the inline fragment, id once, and the fragment's own repeat once (not once per spread)
    expect(measureOperation(document, undefined).shape.duplicateFields).toBe(4)
    expect(() => measureOperation(document, undefined, { ...LIMITS, duplicateFields: 3 })).toThrow(
      expect.objectContaining({ limit: 'duplicateFields' }),
    )
  })

  it('refuses more fragment definitions than the limit before walking anything', () => {
    const document = parse(
      `{ topProducts { upc } } ${Array.from({ length: 101 }, (_, i) => `fragment F${i} on Product { upc }`).join(' ')}`,
    )
    expect(() => measureOperation(document, undefined, LIMITS)).toThrow(expect.objectContaining({ limit: 'fragments' }))
  })

  it('agrees with a full expansion on small documents', () => {
    fc.assert(
      fc.property(documents(6), source => {
        const document = parse(source)
        expect(measureOperation(document, undefined).shape).toMatchObject(naiveShape(document))
      }),
      { numRuns: 200, seed: 20261204 },
    )
  })

  it('walks each selection node at most once, for fan-outs up to 64 levels, and refuses what is over a limit', () => {
    let refused = 0
    fc.assert(
      fc.property(documents(64), source => {
        const document = parse(source)
        const nodes = selectionNodes(document)
        const { shape, visited } = measureOperation(document, undefined)
        expect(visited).toBeLessThanOrEqual(nodes)
        const cost = estimateCost(SHOP, document, undefined, undefined)
        expect(cost.visited).toBeLessThanOrEqual(nodes)
        const over = (Object.keys(LIMITS) as (keyof ShapeLimits)[]).filter(k => shape[k] > LIMITS[k])
        if (over.length) {
          refused++
          expect(() => measureOperation(document, undefined, LIMITS)).toThrow(ShapeLimitExceeded)
        } else {
          expect(() => measureOperation(document, undefined, LIMITS)).not.toThrow()
        }
      }),
      { numRuns: 300, seed: 20261204 },
    )
    expect(refused).toBeGreaterThan(0)
  })

  it('a 64-level chain of fragments each spread twice: 2^64 expanded fields, measured from 64 summaries', () => {
    const levels = 64
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on User { name ...F${i + 1} ...F${i + 1} }`).join('\n')
    const document = parse(`{ user(id: "1") { ...F0 } } ${fragments} fragment F${levels} on User { id }`)
    const { shape, visited } = measureOperation(document, undefined)
    expect(shape.fields).toBe(1 + (2 ** levels - 1) + 2 ** levels)
    expect(visited).toBe(selectionNodes(document))
    expect(() => measureOperation(document, undefined, LIMITS)).toThrow(expect.objectContaining({ limit: 'fields' }))
  })
})
