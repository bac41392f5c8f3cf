import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  buildSchema,
  execute,
  graphql,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  parse,
  printSchema,
  validate,
  type GraphQLSchema,
} from 'graphql'
import { printSchemaWithDirectives } from '@graphql-tools/utils'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { buildSubgraphSchema } from '../../lib/subgraph/build-subgraph-schema.js'
import { effectiveAccess } from './effective-access.js'
import { isVisible, projectSchema } from './project-schema.js'
import { classOfCoordinate, fieldOwners, readRequirements } from './requirements.js'
import type { CoordinateGrant, EffectiveAccess, PolicySnapshot } from './types.js'
import {
  TEST_ROLES as ROLES,
  TEST_SUBGRAPHS as SUBGRAPHS,
  TEST_SUPERGRAPH as SUPERGRAPH,
  grant,
  principal,
} from '../../test/helpers/policy-fixtures.js'

// ── Fixture: three tiny departments, every class, a type-level requirement, unclassified fields,
//    and District shared by asylum and population. ────────────────────────────────────────────
const requirements = readRequirements(SUPERGRAPH)
const owners = fieldOwners(SUPERGRAPH)

const RESOLVERS: Record<string, Record<string, any>> = {
  asylum: {
    Query: {
      accommodations: () => [{ id: 'A1', name: 'Asternweg', operator: 'Stadt', district: { code: '05' } }],
      allocationRecords: () => [{ id: 'R1', age: 34, religion: 'x' }],
      asylumNote: () => 'note',
    },
    District: { accommodationCount: (d: { code: string }) => (d.code === '05' ? 1 : 0) },
  },
  population: {
    Query: { districts: () => [{ code: '05' }], personRecords: () => [{ pseudonym: 'p1', birthYear: 1990 }] },
    District: { name: (d: { code: string }) => `District ${d.code}`, migrationShare: () => 0.3, residents: () => 4200 },
  },
  finance: { Query: { budget: () => ({ ansatz: 100, prognose: 90 }) } },
}

/** The gateway's real API schema for the fixture, executing in-process against the three subgraphs. */
function stitchedSchema(): GraphQLSchema {
  const locals = new Map(SUBGRAPHS.map(s => [s.name.toUpperCase(), buildSubgraphSchema(s.typeDefs, RESOLVERS[s.name]).schema]))
  return getStitchedSchemaFromSupergraphSdl({
    supergraphSdl: SUPERGRAPH,
    onSubschemaConfig(config) {
      const schema = locals.get(config.name)!
      config.executor = (({ document, variables, context }: any) =>
        execute({ schema, document, variableValues: variables, contextValue: context })) as any
    },
  })
}
const apiSchema = stitchedSchema()

// ── Roles of docs/access-control.md#roles ───────────────────────────────────────────────────
const snapshot = (grants: CoordinateGrant[] = [], roles = ROLES, version = 1): PolicySnapshot => ({
  version,
  roles: new Map(roles.map(r => [r.name, r])),
  grants,
  rowRules: [],
  loadedAt: new Date(),
})

/** Field coordinates of a schema (introspection types excluded). */
function coordinatesOf(schema: GraphQLSchema): string[] {
  const out: string[] = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue
    for (const f of Object.keys(type.getFields())) out.push(`${type.name}.${f}`)
  }
  return out.sort()
}

const OPEN = [
  'Accommodation.district',
  'Accommodation.id',
  'Accommodation.name',
  'Budget.ansatz',
  'District.accommodationCount',
  'District.code',
  'District.name',
  'Query.accommodations',
  'Query.budget',
  'Query.districts',
]
const ALLOCATION = ['AllocationRecord.age', 'AllocationRecord.id', 'AllocationRecord.religion', 'Query.allocationRecords']
const PERSON = ['PersonRecord.birthYear', 'PersonRecord.pseudonym', 'Query.personRecords']
const ALL_INTERNAL = ['Accommodation.operator', 'Budget.prognose', 'District.migrationShare', 'District.residents', 'Query.asylumNote']

describe('projectSchema per default role (docs/access-control.md#roles)', () => {
  const cases: Array<[string, string[], string | null, string[]]> = [
    ['public', ['public'], null, OPEN],
    ['committee', ['committee'], null, [...OPEN, 'Budget.prognose']],
    ['leadership', ['leadership'], null, [...OPEN, ...ALL_INTERNAL]],
    ['controlling', ['controlling'], null, [...OPEN, ...ALL_INTERNAL]],
    ['department_head of asylum', ['department_head'], 'asylum', [...OPEN, 'Accommodation.operator', 'Query.asylumNote']],
    ['department_head of population', ['department_head'], 'population', [...OPEN, 'District.migrationShare', 'District.residents']],
    ['department_head without department', ['department_head'], null, OPEN],
    ['staff of asylum', ['staff'], 'asylum', [...OPEN, 'Accommodation.operator', 'Query.asylumNote', ...ALLOCATION]],
    ['staff of finance', ['staff'], 'finance', [...OPEN, 'Budget.prognose']],
    ['statistics_office', ['statistics_office'], null, [...OPEN, 'District.migrationShare', 'District.residents', ...PERSON]],
    [
      'staff of asylum + committee (union)',
      ['staff', 'committee'],
      'asylum',
      [...OPEN, 'Accommodation.operator', 'Query.asylumNote', ...ALLOCATION, 'Budget.prognose'],
    ],
  ]
  it.each(cases)('%s', (_label, roles, department, expected) => {
    const access = effectiveAccess(snapshot(), principal(roles, department))
    expect(coordinatesOf(projectSchema(apiSchema, requirements, owners, access))).toEqual([...expected].sort())
  })

  it('admin holds no data: only the placeholder query field remains, and it resolves to null', async () => {
    const projected = projectSchema(apiSchema, requirements, owners, effectiveAccess(snapshot(), principal(['admin'])))
    expect(coordinatesOf(projected)).toEqual(['Query.stadtgraph'])
    expect(projected.getQueryType()!.getFields().stadtgraph.description).toMatch(/no data is granted/i)
    expect(await graphql({ schema: projected, source: '{ stadtgraph __typename }' })).toEqual({
      data: { stadtgraph: null, __typename: 'Query' },
    })
  })

  it('unknown roles grant nothing', () => {
    const projected = projectSchema(apiSchema, requirements, owners, effectiveAccess(snapshot(), principal(['superuser'])))
    expect(coordinatesOf(projected)).toEqual(['Query.stadtgraph'])
  })
})

describe('deny by default (property)', () => {
  const personal = [...owners.keys()].filter(c => ['personal', 'special'].includes(classOfCoordinate(c, requirements, owners)))
  const allCoordinates = [...owners.keys()]
  const wildcards = [...new Set(allCoordinates.map(c => `${c.split('.')[0]}.*`))]

  it('the fixture has personal and special coordinates to protect', () => {
    expect(personal).toEqual(expect.arrayContaining([...ALLOCATION, ...PERSON]))
  })

  it('no role subset of {public, committee}, whatever department or ALLOW grants they hold, ever sees personal/special data', () => {
    fc.assert(
      fc.property(
        fc.subarray(['public', 'committee'], { minLength: 1 }),
        fc.option(fc.constantFrom('asylum', 'population', 'finance', 'geo', 'x'), { nil: null }),
        fc.array(
          fc.record({ role: fc.constantFrom('public', 'committee'), coordinate: fc.constantFrom(...allCoordinates, ...wildcards) }),
          { maxLength: 12 },
        ),
        (roles, department, allows) => {
          const access = effectiveAccess(snapshot(allows.map(a => grant(a.role, a.coordinate))), principal(roles, department))
          for (const c of personal) expect(isVisible(c, requirements, owners, access)).toBe(false)
          const projected = coordinatesOf(projectSchema(apiSchema, requirements, owners, access))
          expect(projected.filter(c => personal.includes(c))).toEqual([])
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('grants and denies', () => {
  const visible = (grants: CoordinateGrant[], roles: string[], department: string | null = null) =>
    coordinatesOf(projectSchema(apiSchema, requirements, owners, effectiveAccess(snapshot(grants), principal(roles, department))))

  it.each<[string, CoordinateGrant[], string[], string[], string[]]>([
    // label, grants, roles, must be visible, must be hidden
    [
      'ALLOW Type.field opens an internal field to public',
      [grant('public', 'Accommodation.operator')],
      ['public'],
      ['Accommodation.operator'],
      ['Budget.prognose'],
    ],
    [
      'ALLOW Type.* opens every field of the type',
      [grant('leadership', 'PersonRecord.*'), grant('leadership', 'Query.personRecords')],
      ['leadership'],
      PERSON,
      ALLOCATION,
    ],
    [
      'DENY Type.field beats held scopes',
      [grant('leadership', 'Budget.prognose', 'DENY')],
      ['leadership'],
      ['Budget.ansatz'],
      ['Budget.prognose'],
    ],
    [
      'DENY Type.* hides the whole type and the fields returning it',
      [grant('public', 'Budget.*', 'DENY')],
      ['public'],
      ['Query.districts'],
      ['Budget.ansatz', 'Query.budget'],
    ],
    [
      'DENY beats ALLOW, also across roles',
      [
        grant('leadership', 'PersonRecord.*'),
        grant('leadership', 'Query.personRecords'),
        grant('controlling', 'PersonRecord.birthYear', 'DENY'),
      ],
      ['leadership', 'controlling'],
      ['PersonRecord.pseudonym'],
      ['PersonRecord.birthYear'],
    ],
    [
      'ALLOW of public never widens a personal field',
      [grant('public', 'Query.personRecords'), grant('public', 'PersonRecord.*')],
      ['public'],
      [],
      PERSON,
    ],
    [
      'ALLOW of committee never widens a special field',
      [grant('committee', 'AllocationRecord.religion'), grant('committee', 'Query.allocationRecords')],
      ['committee'],
      [],
      ALLOCATION,
    ],
    [
      'an expired ALLOW grants nothing',
      [grant('public', 'Accommodation.operator', 'ALLOW', '2000-01-01')],
      ['public'],
      [],
      ['Accommodation.operator'],
    ],
    [
      'an expired DENY denies nothing',
      [grant('leadership', 'Budget.prognose', 'DENY', '2000-01-01')],
      ['leadership'],
      ['Budget.prognose'],
      [],
    ],
    [
      'a grant of a role the principal does not hold does nothing',
      [grant('committee', 'Accommodation.operator')],
      ['public'],
      [],
      ['Accommodation.operator'],
    ],
  ])('%s', (_label, grants, roles, shown, hidden) => {
    const coordinates = visible(grants, roles)
    for (const c of shown) expect(coordinates).toContain(c)
    for (const c of hidden) expect(coordinates).not.toContain(c)
  })

  it('a field visible by policy whose type has nothing visible is removed with it', () => {
    const access = effectiveAccess(snapshot([grant('leadership', 'Query.personRecords')]), principal(['leadership']))
    expect(isVisible('Query.personRecords', requirements, owners, access)).toBe(true)
    expect(coordinatesOf(projectSchema(apiSchema, requirements, owners, access))).not.toContain('Query.personRecords')
  })

  it('an expired role grants nothing', () => {
    const roles = ROLES.map(r => (r.name === 'leadership' ? { ...r, validUntil: '2020-12-31' } : r))
    const access = effectiveAccess(snapshot([], roles), principal(['leadership']))
    expect(coordinatesOf(projectSchema(apiSchema, requirements, owners, access))).toEqual(['Query.stadtgraph'])
  })
})

describe('the projected schema as served', () => {
  const publicSchema = projectSchema(apiSchema, requirements, owners, effectiveAccess(snapshot(), principal(['public'])))
  const staffSchema = projectSchema(apiSchema, requirements, owners, effectiveAccess(snapshot(), principal(['staff'], 'asylum')))

  it('executes across subgraphs with the original resolvers', async () => {
    const res = await graphql({
      schema: staffSchema,
      source: '{ accommodations { id operator district { code name accommodationCount } } allocationRecords { id age } budget { ansatz } }',
    })
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({
      accommodations: [{ id: 'A1', operator: 'Stadt', district: { code: '05', name: 'District 05', accommodationCount: 1 } }],
      allocationRecords: [{ id: 'R1', age: 34 }],
      budget: { ansatz: 100 },
    })
  })

  it('joins entities on a key field the principal may not select (E11)', async () => {
    const access = effectiveAccess(snapshot([grant('staff', 'District.code', 'DENY')]), principal(['staff'], 'asylum'))
    const projected = projectSchema(apiSchema, requirements, owners, access)
    expect(validate(projected, parse('{ districts { code } }')).map(e => e.message)).toEqual([
      'Cannot query field "code" on type "District".',
    ])
    const res = await graphql({ schema: projected, source: '{ accommodations { district { name accommodationCount } } }' })
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({ accommodations: [{ district: { name: 'District 05', accommodationCount: 1 } }] })
  })

  it('rejects a hidden field with the message of a nonexistent one', () => {
    const hidden = validate(publicSchema, parse('{ accommodations { id operator } }')).map(e => e.message)
    const missing = validate(publicSchema, parse('{ accommodations { id nonexistentField } }')).map(e => e.message)
    expect(hidden).toEqual(['Cannot query field "operator" on type "Accommodation".'])
    expect(missing.map(m => m.replace('nonexistentField', 'operator'))).toEqual(hidden)
    expect(validate(publicSchema, parse('{ districts { code migrationShare } }')).map(e => e.message)).toEqual([
      'Cannot query field "migrationShare" on type "District".',
    ])
    expect(validate(publicSchema, parse('{ allocationRecords { id } }')).map(e => e.message)).toEqual([
      'Cannot query field "allocationRecords" on type "Query".',
    ])
  })

  it('does not reveal scopes: no requiresScopes in printed SDL, with directives, or in introspection', async () => {
    expect(printSchema(apiSchema)).toContain('requiresScopes') // the fixture would catch nothing otherwise
    for (const schema of [publicSchema, staffSchema]) {
      expect(printSchema(schema)).not.toMatch(/requiresScopes/i)
      expect(printSchemaWithDirectives(schema)).not.toMatch(/requiresScopes/i)
      const res = await graphql({ schema, source: '{ __schema { directives { name } types { name } } }' })
      expect(JSON.stringify(res.data)).not.toMatch(/requiresScopes/i)
    }
  })

  it('introspection lists exactly the projection', async () => {
    const res = await graphql({
      schema: publicSchema,
      source: '{ __type(name: "District") { fields { name } } t: __type(name: "PersonRecord") { name } }',
    })
    expect(res.data).toEqual({ __type: { fields: [{ name: 'code' }, { name: 'accommodationCount' }, { name: 'name' }] }, t: null })
  })
})

describe('projectSchema on plain schemas (interfaces, unions, placeholder)', () => {
  const sdl = `
    directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE
    interface Place { id: ID! @requiresScopes(scopes: [["open"]]) label: String @requiresScopes(scopes: [["open"]]) }
    type School implements Place { id: ID! @requiresScopes(scopes: [["open"]]) label: String @requiresScopes(scopes: [["open"]]) }
    type Shelter implements Place { id: ID! @requiresScopes(scopes: [["open"]]) label: String @requiresScopes(scopes: [["internal"]]) }
    type Secret @requiresScopes(scopes: [["internal"]]) { id: ID! @requiresScopes(scopes: [["open"]]) }
    union Thing = School | Secret
    type Query { places: [Place!]! @requiresScopes(scopes: [["open"]]) things: [Thing!]! @requiresScopes(scopes: [["open"]]) }
  `
  const schema = buildSchema(sdl)
  const reqs = readRequirements(sdl)
  const noOwners = fieldOwners(sdl)
  const access = (scopes: string[]): EffectiveAccess => ({
    key: scopes.join(),
    policyVersion: 1,
    scopes: new Set(scopes),
    allow: new Set(),
    deny: new Set(),
    aggregateOnly: false,
    admin: false,
  })

  it('drops an interface field that some implementation hides, and union members with nothing visible', () => {
    const projected = projectSchema(schema, reqs, noOwners, access(['open']))
    expect(coordinatesOf(projected)).toEqual(['Place.id', 'Query.places', 'Query.things', 'School.id', 'School.label', 'Shelter.id'])
    expect(printSchema(projected)).toContain('union Thing = School')
  })

  it('keeps everything for a principal who holds every scope', () => {
    const projected = projectSchema(schema, reqs, noOwners, access(['open', 'internal']))
    expect(coordinatesOf(projected)).toEqual(coordinatesOf(schema))
  })

  it('a mutation type with nothing visible disappears; with something visible it stays executable', async () => {
    const withMutation = buildSchema(
      'directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION type Query { a: Int @requiresScopes(scopes: [["open"]]) } type Mutation { bump: Int @requiresScopes(scopes: [["internal"]]) }',
    )
    const r = readRequirements(printSchemaWithDirectives(withMutation))
    expect(projectSchema(withMutation, r, new Map(), access(['open'])).getMutationType()).toBeUndefined()
    const projected = projectSchema(withMutation, r, new Map(), access(['open', 'internal']))
    expect(await graphql({ schema: projected, source: 'mutation { bump }', rootValue: { bump: () => 7 } })).toEqual({ data: { bump: 7 } })
  })

  it('an unclassified field outside a supergraph needs the bare internal scope', () => {
    const plain = buildSchema(
      'type Query { a: Int b: Int @requiresScopes(scopes: [["open"]]) } directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION',
    )
    const r = readRequirements(printSchemaWithDirectives(plain))
    expect(coordinatesOf(projectSchema(plain, r, new Map(), access(['open'])))).toEqual(['Query.b'])
    expect(coordinatesOf(projectSchema(plain, r, new Map(), access(['open', 'internal'])))).toEqual(['Query.a', 'Query.b'])
  })
})
