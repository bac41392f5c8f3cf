import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  BREAK,
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  visit,
  visitInParallel,
  visitWithTypeInfo,
  TypeInfo,
  Kind,
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { createStitchedSchema } from '../gateway/execute/stitched-schema.js'
import { OPERATIONS } from '../bench/operations.js'
import { collectSelectedCoordinates, rememberedCoordinates } from '../auth/audit/personal-coordinates.js'
import { KnownOperationTypes } from '../gateway/authorize/projected-servers.js'
import { isValidDocument, mergeVisitors, validateDocument, walkWithTypeInfo } from './validate-document.js'

const apiSchema = createStitchedSchema({
  supergraphSdl: readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
})

const small = buildSchema(`
  directive @tag(name: String!) on FIELD | QUERY
  interface Named { name: String! }
  type Person implements Named { name: String! age: Int friends(first: Int = 10): [Person!]! pet: Pet }
  type Dog implements Named { name: String! barks: Boolean }
  type Cat implements Named { name: String! meows: Boolean }
  union Pet = Dog | Cat
  input Filter { name: String, minAge: Int! }
  enum Order { ASC DESC }
  type Query {
    person(id: ID!): Person
    people(filter: Filter, order: Order = ASC): [Person!]!
    named: [Named!]!
    pets: [Pet!]!
  }
`)

const RULES: readonly ValidationRule[] = [...specifiedRules, KnownOperationTypes, collectSelectedCoordinates]

function parses(text: string): boolean {
  try {
    parse(text)
    return true
  } catch {
    return false
  }
}

/** Query texts in template literals (without substitutions) of the end-to-end and gateway tests. */
function fixtureQueries(): string[] {
  const found: string[] = []
  for (const dir of ['../test/e2e/', '../gateway/']) {
    const url = new URL(dir, import.meta.url)
    for (const file of readdirSync(url, { recursive: true }) as string[]) {
      if (!file.endsWith('.test.ts')) continue
      const text = readFileSync(new URL(file, url), 'utf8')
      for (const m of text.matchAll(/`(\s*(?:query|mutation|subscription|fragment|\{)[^`]*)`/g))
        if (!m[1].includes('${') && parses(m[1])) found.push(m[1])
    }
  }
  return found
}

const INVALID_API = [
  '{ noSuchField }',
  '{ districts { code nope } }',
  '{ district(code: 1, nope: 2) { code } }',
  '{ district { code } }',
  'query Q($unused: Int) { districts { code } }',
  'query Q { district(code: $undefined) { code } }',
  'query Q($c: Int) { district(code: $c) { code } }',
  '{ districts { code: name code } }',
  '{ districts { ...A } } fragment A on District { ...B } fragment B on District { ...A }',
  '{ districts { ...Missing } }',
  '{ districts { code } } fragment Unused on District { code }',
  '{ districts { code @skip } }',
  '{ districts { code @include(if: "yes") } }',
  '{ districts { code @skip(if: true) @skip(if: false) } }',
  '{ districts { code @nope } }',
  'query A { districts { code } } query A { districts { name } }',
  '{ districts { code } } { districts { name } }',
  'mutation { nothing }',
  'subscription S { districts { code } }',
  '{ districts }',
  '{ districts { code { x } } }',
  '{ __schema { types { name fields { nope } } } }',
  '{ __type(name: 1) { name } }',
  'query Q($a: Int, $a: Int) { districts { code } }',
  'query Q($a: District) { districts { code } }',
  '{ districts { ... on Nope { code } } }',
  'fragment F on Int { x } { districts { ...F } }',
]

const INVALID_SMALL = [
  '{ person(id: 1) { name } pets { name } }',
  '{ people(filter: { minAge: "x" }) { name } }',
  '{ people(filter: { name: "x" }) { name } }',
  '{ people(order: UP) { name } }',
  '{ people { name: age } people { name } }',
  '{ a: person(id: 1) { name } a: person(id: 2) { name } }',
  '{ named { ... on Dog { x: barks } ... on Person { x: age } } }',
  '{ pets { ... on Person { name } } }',
  'query @tag { person(id: 1) { name @tag(name: "a") @tag(name: "b") } }',
  '{ person(id: 1) { friends(first: "ten") { name } } }',
  `{ ${Array.from({ length: 150 }, (_, i) => `f${i}`).join(' ')} }`,
]

const VALID_SMALL = [
  '{ person(id: 1) { name age friends { name pet { ... on Dog { barks } ... on Cat { meows } } } } }',
  'query Q($f: Filter, $o: Order = DESC) { people(filter: $f, order: $o) { ...P } } fragment P on Person { name }',
  'query @tag(name: "q") { named { __typename name ... on Person { age @skip(if: false) } } }',
  'query A { pets { __typename } } query B { people { name } }',
  '{ __schema { queryType { name } } __type(name: "Person") { fields { name } } }',
]

function compare(schema: GraphQLSchema, text: string) {
  const describe = (errors: readonly GraphQLError[]) => errors.map(e => ({ message: e.message, locations: e.locations, path: e.path }))
  const ours = parse(text)
  const theirs = parse(text)
  const expected = validate(schema, theirs, RULES)
  expect(describe(validateDocument(schema, ours, RULES)), text).toEqual(describe(expected))
  expect(isValidDocument(schema, parse(text), RULES), text).toBe(expected.length === 0)
  // The side effect of collectSelectedCoordinates: the same coordinates, remembered only for a document walked to its end.
  expect(rememberedCoordinates(schema, ours), text).toEqual(rememberedCoordinates(schema, theirs))
  return expected.length
}

describe('validateDocument', () => {
  it('agrees with graphql-js on the benchmark operations, the introspection query and the tests’ queries', () => {
    const texts = [...OPERATIONS.map(op => op.query), getIntrospectionQuery(), ...fixtureQueries()]
    expect(texts.length).toBeGreaterThan(40)
    let valid = 0
    for (const text of texts) if (compare(apiSchema, text) === 0) valid++
    // Most are valid; the tests' queries include some the API schema refuses, compared too.
    expect(valid).toBeGreaterThan(20)
  })

  it('agrees with graphql-js on invalid documents: every error, message and location', () => {
    for (const text of INVALID_API) expect(compare(apiSchema, text), text).toBeGreaterThan(0)
    for (const text of INVALID_SMALL) expect(compare(small, text), text).toBeGreaterThan(0)
    for (const text of VALID_SMALL) expect(compare(small, text), text).toBe(0)
  })

  it('stops at maxErrors as graphql-js does', () => {
    const text = `{ ${Array.from({ length: 150 }, (_, i) => `f${i}`).join(' ')} }`
    const errors = validateDocument(small, parse(text), RULES, { maxErrors: 3 })
    expect(errors.map(e => e.message)).toEqual(validate(small, parse(text), RULES, { maxErrors: 3 }).map(e => e.message))
    expect(errors).toHaveLength(4)
  })

  it('rethrows what a rule throws, as graphql-js does', () => {
    const throwing: ValidationRule = () => ({
      Field() {
        throw new Error('rule failed')
      },
    })
    expect(() => validateDocument(small, parse('{ pets { __typename } }'), [...specifiedRules, throwing])).toThrow('rule failed')
  })
})

describe('mergeVisitors', () => {
  /** Visitors that log what they see, skip, break, and have generic and class-based handlers. */
  function visitors(log: string[]): ASTVisitor[] {
    const name = (node: ASTNode) => ('name' in node && node.name ? node.name.value : '')
    class Methods {
      Field(node: ASTNode) {
        log.push(`class:${name(node)}`)
      }
    }
    return [
      {
        Field(node) {
          log.push(`skip:${node.name.value}`)
          if (node.name.value === 'friends') return false
        },
        SelectionSet: { leave: () => void log.push('skip:leave-set') },
      },
      {
        enter(node) {
          log.push(`generic:${node.kind}`)
        },
        leave(node) {
          log.push(`generic-leave:${node.kind}`)
          if (node.kind === 'Field' && name(node) === 'pet') return BREAK
        },
      },
      {
        Field: {
          enter(node) {
            log.push(`break:${node.name.value}`)
            if (node.name.value === 'age') return BREAK
          },
        },
        Name: node => void log.push(`name:${node.value}`),
      },
      new Methods() as unknown as ASTVisitor,
      { Document: { leave: () => void log.push('document-left') }, NotAKind: () => void log.push('never') } as ASTVisitor,
    ]
  }

  function events(merge: (visitors: ASTVisitor[]) => ASTVisitor, document: DocumentNode) {
    const log: string[] = []
    visit(document, merge(visitors(log)))
    return log
  }

  it('calls the same handlers in the same order as visitInParallel, with skip and BREAK', () => {
    const document = parse('{ person(id: 1) { name friends { name age } age pet { ... on Dog { barks } } } named { name } }')
    const expected = events(visitInParallel, document)
    expect(expected.length).toBeGreaterThan(50)
    expect(events(mergeVisitors, document)).toEqual(expected)
  })

  it('returns what a handler returns (an edit) as visitInParallel does', () => {
    const rename: ASTVisitor[] = [
      {},
      { Name: node => (node.value === 'age' ? { ...node, value: 'years' } : undefined) },
      { Name: () => void 0 },
    ]
    const document = parse('{ person(id: 1) { name age } }')
    expect(visit(document, mergeVisitors(rename))).toEqual(visit(document, visitInParallel(rename)))
  })
})

describe('walkWithTypeInfo', () => {
  /** Everything a handler sees: its arguments (the nodes by their index in the walk) and what TypeInfo says at that point. */
  function events(walk: (document: DocumentNode, typeInfo: TypeInfo, visitor: ASTVisitor) => void, schema: GraphQLSchema, text: string) {
    const document = parse(text)
    const typeInfo = new TypeInfo(schema)
    const ids = new Map<unknown, number>()
    const id = (value: unknown) => (value === undefined ? -1 : (ids.get(value) ?? (ids.set(value, ids.size), ids.size - 1)))
    const log: string[] = []
    const record =
      (phase: string) =>
      (
        node: ASTNode,
        key: string | number | undefined,
        parent: unknown,
        path: readonly (string | number)[],
        ancestors: readonly unknown[],
      ) => {
        log.push(
          JSON.stringify([
            phase,
            node.kind,
            id(node),
            key,
            id(parent),
            [...path],
            ancestors.map(id),
            String(typeInfo.getType()),
            String(typeInfo.getParentType()),
            String(typeInfo.getInputType()),
            String(typeInfo.getParentInputType()),
            typeInfo.getFieldDef()?.name,
            typeInfo.getDirective()?.name,
            typeInfo.getArgument()?.name,
            typeInfo.getDefaultValue(),
            typeInfo.getEnumValue()?.name,
          ]),
        )
        // Skips a field called `friends` (its selections unseen), stops at the second `pet`.
        if (phase === 'enter' && node.kind === Kind.FIELD && node.name.value === 'friends') return false
        if (phase === 'leave' && node.kind === Kind.FIELD && node.name.value === 'pet' && log.filter(l => l.includes('"pet"')).length > 1)
          return BREAK
      }
    walk(document, typeInfo, { enter: record('enter'), leave: record('leave') })
    return log
  }
  const graphqlJs = (document: DocumentNode, typeInfo: TypeInfo, visitor: ASTVisitor) =>
    void visit(document, visitWithTypeInfo(typeInfo, visitor))
  const ours = (document: DocumentNode, typeInfo: TypeInfo, visitor: ASTVisitor) => {
    expect(walkWithTypeInfo(document, typeInfo, visitor as Parameters<typeof walkWithTypeInfo>[2])).toBe('done')
  }

  it('calls handlers with the same arguments, in the same order and TypeInfo state, as graphql-js visit with visitWithTypeInfo', () => {
    const texts = [
      ...VALID_SMALL,
      ...INVALID_SMALL,
      'query Q($f: Filter = { name: "x", minAge: 3 }, $o: Order = DESC) { people(filter: $f, order: $o) { name friends { name } pet { ... on Dog { barks } } } a: person(id: "1") { pet { __typename } } b: person(id: "2") { pet { __typename } } }',
    ]
    let count = 0
    for (const text of texts) {
      const expected = events(graphqlJs, small, text)
      expect(events(ours, small, text), text).toEqual(expected)
      count += expected.length
    }
    for (const text of [...OPERATIONS.map(op => op.query), getIntrospectionQuery()]) {
      const expected = events(graphqlJs, apiSchema, text)
      expect(events(ours, apiSchema, text), text).toEqual(expected)
      count += expected.length
    }
    expect(count).toBeGreaterThan(2000)
  })

  it('stops at an edit, and isValidDocument then answers as graphql-js validate does', () => {
    const renaming: ValidationRule = () => ({ Name: node => (node.value === 'age' ? { ...node, value: 'years' } : undefined) })
    const document = parse('{ person(id: 1) { name age } }')
    expect(walkWithTypeInfo(document, new TypeInfo(small), mergeVisitors([renaming({} as never)]))).toBe('edited')
    for (const text of ['{ person(id: 1) { name age } }', '{ person(id: 1) { name age nope } }']) {
      const rules = [...specifiedRules, renaming]
      expect(isValidDocument(small, parse(text), rules), text).toBe(validate(small, parse(text), rules).length === 0)
    }
  })
})
