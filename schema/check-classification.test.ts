import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Kind, parse, type ConstDirectiveNode } from 'graphql'
import { classOf, type SensitivityClass } from '../auth/classes.js'
import { SERVICES_DIR, serviceFolders } from '../lib/service/discover-services.js'
import { checkClassification, classRequirement, type ClassifiedService, type Problem } from './check-classification.js'

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@requiresScopes"])'
const OPEN = '@requiresScopes(scopes: [["open"]])'
const scopes = (dept: string, cls: Exclude<SensitivityClass, 'open'>) => `@requiresScopes(scopes: [["${cls}"], ["${dept}:${cls}"]])`

/** A service whose SDL is `lines` joined by newlines: line numbers in the cases below are 1-based indexes into it. */
const svc = (name: string, lines: string[]): ClassifiedService => ({
  name,
  file: `services/${name}/schema.graphql`,
  typeDefs: lines.join('\n'),
})

type Expected = Pick<Problem, 'file' | 'line' | 'coordinate'> & { message: RegExp }

const bad: Array<{ name: string; services: ClassifiedService[]; problems: Expected[] }> = [
  {
    name: 'personal field that is non-null (E8)',
    services: [svc('finance', [LINK, '', `type Person { name: String! ${scopes('finance', 'personal')} }`])],
    problems: [
      { file: 'services/finance/schema.graphql', line: 3, coordinate: 'Person.name', message: /is personal but non-null \(String!\).*E8/ },
    ],
  },
  {
    name: 'special list field that is non-null (E8), on its own line below a description',
    services: [
      svc('asylum', [LINK, 'type Allocation {', '  "Art. 9 data."', `  religions: [String!]! ${scopes('asylum', 'special')}`, '}']),
    ],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 4,
        coordinate: 'Allocation.religions',
        message: /is special but non-null \(\[String!\]!\)/,
      },
    ],
  },
  {
    name: 'non-null field returning a type classified personal in another subgraph (E8)',
    services: [
      svc('asylum', [LINK, `type AllocationRecord @key(fields: "id") ${scopes('asylum', 'personal')} { id: ID }`]),
      svc('finance', [
        LINK,
        'type Query {',
        `  records: [AllocationRecord!]! ${OPEN}`,
        '}',
        'type AllocationRecord @key(fields: "id", resolvable: false) { id: ID }',
      ]),
    ],
    problems: [
      {
        file: 'services/finance/schema.graphql',
        line: 3,
        coordinate: 'Query.records',
        message: /returns AllocationRecord, which is personal, but is non-null/,
      },
    ],
  },
  {
    name: 'scope of another department',
    services: [
      svc('asylum', [LINK, `type Query { beds: Int ${OPEN} }`]),
      svc('finance', [LINK, 'type Query {', `  budget: Int ${scopes('asylum', 'internal')}`, '}']),
    ],
    problems: [
      {
        file: 'services/finance/schema.graphql',
        line: 3,
        coordinate: 'Query.budget',
        message: /scope "asylum:internal" of department asylum; finance may only use its own \(finance:internal\)/,
      },
    ],
  },
  {
    name: 'unknown department scope (the old budget:internal)',
    services: [svc('finance', [LINK, 'type PlanActual {', '  prognose: Int @requiresScopes(scopes: [["budget:internal"]])', '}'])],
    problems: [
      {
        file: 'services/finance/schema.graphql',
        line: 3,
        coordinate: 'PlanActual.prognose',
        message:
          /unknown scope "budget:internal"; allowed: open, internal, personal, special, finance:internal, finance:personal, finance:special/,
      },
    ],
  },
  {
    name: 'open has no department form',
    services: [svc('geo', [LINK, 'type Query { name: String @requiresScopes(scopes: [["geo:open"]]) }'])],
    problems: [{ file: 'services/geo/schema.graphql', line: 2, coordinate: 'Query.name', message: /unknown scope "geo:open"/ }],
  },
  {
    name: 'internal without the department alternative',
    services: [svc('geo', [LINK, 'type Query { name: String @requiresScopes(scopes: [["internal"]]) }'])],
    problems: [
      {
        file: 'services/geo/schema.graphql',
        line: 2,
        coordinate: 'Query.name',
        message: /is not the internal form; write @requiresScopes\(scopes: \[\["internal"\], \["geo:internal"\]\]\)/,
      },
    ],
  },
  {
    name: 'mutation without a requirement (rule 5)',
    services: [svc('asylum', [LINK, 'type Mutation {', '  recordBeds(n: Int!): Int', '}'])],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 3,
        coordinate: 'Mutation.recordBeds',
        message: /is a mutation: write @requiresScopes\(scopes: \[\["asylum:write"\]\]\)/,
      },
    ],
  },
  {
    name: 'mutation classified internal instead of the write scope (leadership could write)',
    services: [svc('asylum', [LINK, 'type Mutation {', `  recordBeds(n: Int!): Int ${scopes('asylum', 'internal')}`, '}'])],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 3,
        coordinate: 'Mutation.recordBeds',
        message: /is a mutation: write .*asylum:write/,
      },
    ],
  },
  {
    name: "mutation with another department's write scope",
    services: [
      svc('asylum', [LINK, `type Query { beds: Int ${OPEN} }`]),
      svc('finance', [LINK, 'type Mutation {', '  recordIst(n: Int!): Int @requiresScopes(scopes: [["asylum:write"]])', '}']),
    ],
    problems: [
      {
        file: 'services/finance/schema.graphql',
        line: 3,
        coordinate: 'Mutation.recordIst',
        message: /is a mutation: write .*finance:write/,
      },
      {
        file: 'services/finance/schema.graphql',
        line: 3,
        coordinate: 'Mutation.recordIst',
        message: /scope "asylum:write" of department asylum/,
      },
    ],
  },
  {
    name: 'write scope combined with another scope',
    services: [
      svc('asylum', [LINK, 'type Mutation {', '  recordBeds(n: Int!): Int @requiresScopes(scopes: [["asylum:write"], ["internal"]])', '}']),
    ],
    problems: [
      { file: 'services/asylum/schema.graphql', line: 3, coordinate: 'Mutation.recordBeds', message: /is a mutation: write/ },
      {
        file: 'services/asylum/schema.graphql',
        line: 3,
        coordinate: 'Mutation.recordBeds',
        message: /combines the write scope with other scopes/,
      },
    ],
  },
  {
    name: 'class scopes joined by AND instead of OR',
    services: [svc('geo', [LINK, 'type Query { name: String @requiresScopes(scopes: [["personal", "geo:personal"]]) }'])],
    problems: [{ file: 'services/geo/schema.graphql', line: 2, coordinate: 'Query.name', message: /is not the personal form/ }],
  },
  {
    name: 'two classes as alternatives in one requirement',
    services: [svc('finance', [LINK, '', 'type Query {', '  x: Int @requiresScopes(scopes: [["open"], ["finance:internal"]])', '}'])],
    problems: [{ file: 'services/finance/schema.graphql', line: 4, coordinate: 'Query.x', message: /mixes classes open and internal/ }],
  },
  {
    name: 'two classes in one conjunction, one of them personal on a non-null field',
    services: [svc('population', [LINK, 'type Query {', '  x: Int! @requiresScopes(scopes: [["internal", "population:personal"]])', '}'])],
    problems: [
      { file: 'services/population/schema.graphql', line: 3, coordinate: 'Query.x', message: /mixes classes internal and personal/ },
      { file: 'services/population/schema.graphql', line: 3, coordinate: 'Query.x', message: /is personal but non-null/ },
    ],
  },
  {
    name: 'entity key classified differently in two subgraphs',
    services: [
      svc('geo', [LINK, 'type District @key(fields: "ags code") {', `  ags: ID! ${OPEN}`, `  code: ID! ${OPEN}`, '}']),
      svc('asylum', [
        LINK,
        'type District @key(fields: "ags code") {',
        `  ags: ID! ${OPEN}`,
        `  code: ID! ${scopes('asylum', 'internal')}`,
        '}',
      ]),
    ],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 4,
        coordinate: 'District.code',
        message: /classified differently across subgraphs \(open in geo, internal in asylum\)/,
      },
      {
        file: 'services/geo/schema.graphql',
        line: 4,
        coordinate: 'District.code',
        message: /classified differently across subgraphs \(open in geo, internal in asylum\)/,
      },
    ],
  },
  {
    name: 'shareable value type classified differently',
    services: [
      svc('geo', [LINK, `type GeoPoint @shareable { lat: Float ${OPEN} }`]),
      svc('education', [LINK, '', `type GeoPoint @shareable { lat: Float ${scopes('education', 'internal')} }`]),
    ],
    problems: [
      { file: 'services/education/schema.graphql', line: 3, coordinate: 'GeoPoint.lat', message: /open in geo, internal in education/ },
      { file: 'services/geo/schema.graphql', line: 2, coordinate: 'GeoPoint.lat', message: /open in geo, internal in education/ },
    ],
  },
  {
    name: 'type-level requirement with a wrong scope',
    services: [svc('asylum', [LINK, 'type Allocation @requiresScopes(scopes: [["cases"]]) { id: ID }'])],
    problems: [{ file: 'services/asylum/schema.graphql', line: 2, coordinate: 'Allocation', message: /unknown scope "cases"/ }],
  },
  {
    name: 'a department scope mixed with a class form',
    services: [svc('asylum', [LINK, 'type Allocation @requiresScopes(scopes: [["internal"], ["asylum:cases"]]) { id: ID }'])],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 2,
        coordinate: 'Allocation',
        message: /mixes department scope asylum:cases with class scopes/,
      },
    ],
  },
  {
    name: "another department's department scope",
    services: [
      svc('finance', [LINK, `type Query { x: Int }`]),
      svc('asylum', [LINK, 'type Allocation @requiresScopes(scopes: [["finance:preview"]]) { id: ID }']),
    ],
    problems: [
      {
        file: 'services/asylum/schema.graphql',
        line: 2,
        coordinate: 'Allocation',
        message: /scope "finance:preview" of department finance; asylum may only use its own/,
      },
    ],
  },
  {
    name: 'scopes not written as a list of lists',
    services: [svc('geo', [LINK, 'type Query { name: String @requiresScopes(scopes: ["open"]) }'])],
    problems: [{ file: 'services/geo/schema.graphql', line: 2, coordinate: 'Query.name', message: /list of lists of scope strings/ }],
  },
  {
    name: '@requiresScopes used without being imported',
    services: [
      svc('geo', [
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])',
        `type Query { name: String ${OPEN} }`,
      ]),
    ],
    problems: [
      { file: 'services/geo/schema.graphql', line: 2, coordinate: 'Query.name', message: /add "@requiresScopes" to the @link import list/ },
    ],
  },
  {
    name: 'imported under another name: the alias is checked',
    services: [
      svc('geo', [
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [{ name: "@requiresScopes", as: "@scopes" }])',
        'type Query {',
        '  name: String @scopes(scopes: [["internal"]])',
        '}',
      ]),
    ],
    problems: [{ file: 'services/geo/schema.graphql', line: 3, coordinate: 'Query.name', message: /is not the internal form/ }],
  },
  {
    name: 'the same directive twice',
    services: [svc('geo', [LINK, 'type Query {', `  name: String ${OPEN}`, `    ${OPEN}`, '}'])],
    problems: [{ file: 'services/geo/schema.graphql', line: 4, coordinate: 'Query.name', message: /has 2 @requiresScopes directives/ }],
  },
  {
    name: 'an SDL that does not parse',
    services: [svc('geo', [LINK, '', 'type Query {', '  name: String @requiresScopes(scopes: [["open"]]', '}'])],
    problems: [{ file: 'services/geo/schema.graphql', line: 5, coordinate: '', message: /does not parse/ }],
  },
]

const good: Array<{ name: string; services: ClassifiedService[] }> = [
  {
    name: "a mutation and its receipt with the department's write scope",
    services: [
      svc('asylum', [
        LINK,
        'type Mutation {',
        '  recordBeds(n: Int!): BedsReceipt! @requiresScopes(scopes: [["asylum:write"]])',
        '}',
        'type BedsReceipt { rows: Int! @requiresScopes(scopes: [["asylum:write"]]) }',
      ]),
    ],
  },
  {
    name: 'the four forms, sensitive fields nullable',
    services: [
      svc('asylum', [
        LINK,
        'type Accommodation @key(fields: "id") {',
        `  id: ID! ${OPEN}`,
        `  operator: String! ${scopes('asylum', 'internal')}`,
        `  residents: [String!] ${scopes('asylum', 'personal')}`,
        `  religion: String ${scopes('asylum', 'special')}`,
        '}',
      ]),
    ],
  },
  {
    name: 'alternatives in the other order',
    services: [svc('finance', [LINK, 'type Query { x: Int! @requiresScopes(scopes: [["finance:internal"], ["internal"]]) }'])],
  },
  {
    name: 'unannotated fields are internal, including non-null ones',
    services: [svc('geo', [LINK, 'type Query { x: Int! y: [String!]! }'])],
  },
  {
    name: 'an unannotated key copy next to an explicit one',
    services: [
      svc('geo', [LINK, `type Year @key(fields: "year") { year: Int! ${OPEN} }`]),
      svc('asylum', [LINK, `type Year @key(fields: "year") { year: Int! allocations: Int ${OPEN} }`]),
    ],
  },
  {
    name: 'the same class written by two departments in their own forms',
    services: [
      svc('geo', [LINK, `type District @key(fields: "code") { code: ID! ${scopes('geo', 'internal')} }`]),
      svc('asylum', [LINK, `type District @key(fields: "code") { code: ID! ${scopes('asylum', 'internal')} }`]),
    ],
  },
  {
    name: 'a nullable field returning a personal type',
    services: [
      svc('asylum', [LINK, `type Record ${scopes('asylum', 'personal')} { id: ID! }`, `type Query { records: [Record!] ${OPEN} }`]),
    ],
  },
  {
    name: 'department scopes alone (visible only where granted), also on non-null fields',
    services: [
      svc('parks', [
        LINK,
        'type Query { trees: Int! @requiresScopes(scopes: [["parks:preview"]]) }',
        'type Tree @requiresScopes(scopes: [["parks:preview", "parks:trees"]]) { id: ID }',
      ]),
    ],
  },
  {
    name: 'renamed import used under its alias',
    services: [
      svc('geo', [
        'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [{ name: "@requiresScopes", as: "@scopes" }])',
        'type Query { name: String @scopes(scopes: [["open"]]) }',
      ]),
    ],
  },
]

describe('checkClassification', () => {
  it.each(bad)('reports $name', ({ services, problems }) => {
    const found = checkClassification(services)
    expect(found).toHaveLength(problems.length)
    problems.forEach((p, i) => expect(found[i]).toEqual({ ...p, message: expect.stringMatching(p.message) }))
  })

  it.each(good)('accepts $name', ({ services }) => {
    expect(checkClassification(services)).toEqual([])
  })

  it('names the canonical forms', () => {
    expect(classRequirement('geo', 'open')).toEqual([['open']])
    expect(classRequirement('asylum', 'special')).toEqual([['special'], ['asylum:special']])
  })
})

describe('department schemas', () => {
  const folders = serviceFolders()
  const services: ClassifiedService[] = folders.map(name => ({
    name,
    file: `services/${name}/schema.graphql`,
    typeDefs: readFileSync(join(SERVICES_DIR, name, 'schema.graphql'), 'utf8'),
  }))
  const docs = new Map(services.map(s => [s.name, parse(s.typeDefs)]))
  const requirementOf = (d: ConstDirectiveNode) => {
    const arg = d.arguments!.find(a => a.name.value === 'scopes')!
    if (arg.value.kind !== Kind.LIST) throw new Error('scopes is not a list')
    return arg.value.values.map(c => (c.kind === Kind.LIST ? c.values : []).map(s => (s.kind === Kind.STRING ? s.value : '')))
  }
  /** Class per subgraph and coordinate, read straight from the SDL; `undefined` when unannotated. */
  const classes = new Map<string, SensitivityClass | undefined>()
  for (const [name, doc] of docs) {
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue
      for (const f of def.fields ?? []) {
        const d = f.directives?.find(x => x.name.value === 'requiresScopes')
        classes.set(`${name} ${def.name.value}.${f.name.value}`, d ? classOf(requirementOf(d)) : undefined)
      }
    }
  }

  it('include the five departments', () => {
    expect(folders).toEqual(expect.arrayContaining(['geo', 'population', 'finance', 'education', 'asylum']))
  })

  it('have no classification problems', () => {
    expect(checkClassification(services)).toEqual([])
  })

  it('import @requiresScopes and classify every field of every object type explicitly', () => {
    for (const s of services) expect(s.typeDefs, s.file).toMatch(/@link\([^)]*import: \[[^\]]*"@requiresScopes"/)
    const unclassified = [...classes].filter(([, cls]) => cls === undefined).map(([coordinate]) => coordinate)
    expect(unclassified).toEqual([])
    expect(classes.size).toBeGreaterThan(150)
  })

  // The classification decisions (docs/data-model.md#classification): a change here is a change of who may see what.
  it.each([
    ['geo', 'District.name', 'open'],
    ['geo', 'District.ags', 'open'],
    ['population', 'District.population', 'open'],
    ['population', 'PopulationStock.byNationality', 'open'],
    ['population', 'District.residents', 'open'],
    ['finance', 'District.residents', 'open'],
    ['finance', 'District.investmentPerCapita', 'open'],
    ['finance', 'PlanActual.ansatz', 'open'],
    ['finance', 'PlanActual.nachtrag', 'open'],
    ['finance', 'PlanActual.ist', 'open'],
    ['finance', 'PlanActual.fortgeschrieben', 'internal'],
    ['finance', 'PlanActual.prognose', 'internal'],
    ['finance', 'Year.debt', 'open'],
    ['education', 'Kita.stats', 'open'],
    ['education', 'KitaStats.staffTotal', 'open'],
    ['education', 'KitaStats.childrenU3', 'internal'],
    ['education', 'KitaStats.children3to6', 'internal'],
    ['education', 'KitaSupply.childrenU3', 'open'],
    ['education', 'School.graduates', 'open'],
    ['asylum', 'Query.accommodations', 'open'],
    ['asylum', 'Accommodation.capacity', 'open'],
    ['asylum', 'Accommodation.operator', 'internal'],
    ['asylum', 'Accommodation.occupancy', 'internal'],
    ['asylum', 'Accommodation.occupancySeries', 'internal'],
    ['asylum', 'AccommodationOccupancy.recognisedResidents', 'internal'],
    ['asylum', 'Query.asylumCapacity', 'open'],
    ['asylum', 'Year.asylumCapacity', 'open'],
    ['asylum', 'District.asylumCapacity', 'internal'],
    ['asylum', 'AsylumCapacityStatus.capacity', 'open'],
    ['asylum', 'AsylumCapacityStatus.monthsOfHeadroom', 'internal'],
    ['asylum', 'AsylumCapacityStatus.sufficient', 'internal'],
    ['asylum', 'Year.allocations', 'open'],
    ['asylum', 'Product.asylumCaseCount', 'open'],
  ] as const)('%s classifies %s as %s', (dept, coordinate, cls) => {
    expect(classes.get(`${dept} ${coordinate}`)).toBe(cls)
  })

  it('keep every entity key open wherever the entity is declared', () => {
    for (const [name, doc] of docs) {
      for (const def of doc.definitions) {
        if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue
        const keys = (def.directives ?? [])
          .filter(d => d.name.value === 'key')
          .flatMap(d => {
            const f = d.arguments?.find(a => a.name.value === 'fields')
            return f?.value.kind === Kind.STRING ? f.value.value.split(/\s+/) : []
          })
        for (const key of keys) expect(classes.get(`${name} ${def.name.value}.${key}`), `${name} ${def.name.value}.${key}`).toBe('open')
      }
    }
  })
})
