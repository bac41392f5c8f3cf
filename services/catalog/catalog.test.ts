import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { createSubgraphServer, type SubgraphServer } from '../../lib/service/create-subgraph-server.js'
import { loadServices } from '../../lib/service/discover-services.js'
import {
  graphql,
  internalHeaders,
  startSubgraphs,
  TEST_IDENTITY,
  TEST_INTERNAL_SECRET,
  type RunningSubgraphs,
} from '../../test/helpers/start-subgraphs.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { createCatalogService } from './server.js'

const PUBLIC = { ...TEST_IDENTITY, roles: ['public'], scopes: ['open'], aggregateOnly: true, authenticated: false }
const ASYLUM_HEAD = { ...TEST_IDENTITY, roles: ['department_head'], department: 'asylum', scopes: ['open', 'asylum:internal'] }

describe('catalog subgraph over the seeded city', () => {
  let subgraphs: RunningSubgraphs
  let url: string
  const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })

  beforeAll(async () => {
    subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['catalog'])
    url = subgraphs.byName.get('catalog')!.server.url
  })
  afterAll(async () => {
    await subgraphs.stop()
    await db.end()
  })

  /** Independent oracle: the dataset rows of every department schema that has one. */
  async function departmentRows() {
    const services = await loadServices()
    const rows: Array<{
      id: string
      title: string
      owner_department: string
      open_data: boolean
      refresh_cadence: string
      stichtag: string
      department: string
    }> = []
    for (const s of services) {
      const exists = (await db.query(`select to_regclass($1) as t`, [`${s.dbSchema}.dataset`])).rows[0].t
      if (!exists) continue
      const r = await db.query(
        `select id, title, owner_department, open_data, refresh_cadence, to_char(stichtag, 'YYYY-MM-DD') as stichtag from ${s.dbSchema}.dataset`,
      )
      rows.push(...r.rows.map(x => ({ ...x, department: s.name })))
    }
    return rows.sort((a, b) => a.id.localeCompare(b.id))
  }

  it('lists every dataset of every department, read from their own tables', async () => {
    const expected = await departmentRows()
    expect(expected.length).toBeGreaterThan(15)
    const res = await graphql(url, '{ datasets { id title ownerDepartment department openData refreshCadence stichtag } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.datasets).toEqual(
      expected.map(e => ({
        id: e.id,
        title: e.title,
        ownerDepartment: e.owner_department,
        department: e.department,
        openData: e.open_data,
        refreshCadence: e.refresh_cadence,
        stichtag: e.stichtag,
      })),
    )
    // Every department folder is in the catalog: a department added later appears without a change here.
    expect(new Set(res.data.datasets.map((d: any) => d.department))).toEqual(new Set((await loadServices()).map(s => s.name)))
  })

  it('carries DCAT-AP.de metadata for the municipality 07312000', async () => {
    const res = await graphql(
      url,
      `
        {
          dataset(id: "asy.occupancy") {
            id
            publisher
            contactPoint {
              name
              email
            }
            themes {
              code
              uri
            }
            keywords
            license
            politicalGeocodingLevelURI
            politicalGeocodingURI
            accrualPeriodicity
            temporalStart
            temporalEnd
            stichtag
            asOf
            openData
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.dataset).toEqual({
      id: 'asy.occupancy',
      publisher: 'Stadtverwaltung Kaiserslautern',
      contactPoint: { name: 'Stadtverwaltung Kaiserslautern, Stabsstelle Asyl und Integration', email: 'open-data@kaiserslautern.example' },
      themes: [{ code: 'SOCI', uri: 'http://publications.europa.eu/resource/authority/data-theme/SOCI' }],
      keywords: ['Geflüchtete', 'Belegung', 'Unterkünfte'],
      license: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
      politicalGeocodingLevelURI: 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality',
      politicalGeocodingURI: 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/07312000',
      accrualPeriodicity: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
      temporalStart: `${inject('seedProfile') === 'tiny' ? 2024 : 2015}-01-01`,
      temporalEnd: '2026-10-31',
      stichtag: '2026-10-31',
      asOf: '2026-11-25T06:00:00.000Z',
      openData: true,
    })
  })

  it('filters by owner, department, open data and staleness', async () => {
    const all = await departmentRows()
    const res = await graphql(
      url,
      `
        {
          fin: datasets(ownerDepartment: "Referat Finanzen") {
            id
          }
          edu: datasets(department: "education") {
            id
          }
          closed: datasets(openData: false) {
            id
          }
          mixed: datasets(department: "asylum", openData: true) {
            id
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.fin.map((d: any) => d.id)).toEqual(all.filter(r => r.owner_department === 'Referat Finanzen').map(r => r.id))
    expect(res.data.edu.map((d: any) => d.id)).toEqual(all.filter(r => r.department === 'education').map(r => r.id))
    expect(res.data.closed.map((d: any) => d.id)).toEqual(all.filter(r => !r.open_data).map(r => r.id))
    expect(res.data.mixed.map((d: any) => d.id)).toEqual(['asy.accommodation', 'asy.occupancy'])
    const stale = await graphql(url, '{ s: datasets(stale: true) { id stale freshness } f: datasets(stale: false) { id stale } }')
    expect(stale.data.s.every((d: any) => d.stale && d.freshness === 'STALE')).toBe(true)
    expect(stale.data.s.length + stale.data.f.length).toBe(all.length)
  })

  it('shows datasets that are not open data only to callers with internal access to them', async () => {
    const q = '{ datasets { id } dataset(id: "asy.allocation") { id openData } }'
    const pub = await graphql(url, q, undefined, internalHeaders('catalog', PUBLIC))
    expect(pub.errors).toBeUndefined()
    expect(pub.data.dataset).toBeNull()
    expect(pub.data.datasets.map((d: any) => d.id)).not.toContain('asy.allocation')
    const head = await graphql(url, q, undefined, internalHeaders('catalog', ASYLUM_HEAD))
    expect(head.data.dataset).toEqual({ id: 'asy.allocation', openData: false })
    const controlling = await graphql(url, q)
    expect(controlling.data.datasets.length).toBe((await departmentRows()).length)
  })

  it('costs one statement for all datasets of a request, however many are asked for', async () => {
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          datasets {
            id
            freshness
          }
          a: dataset(id: "pop.stock") {
            id
          }
          b: dataset(id: "fin.debt") {
            id
          }
          _entities(representations: $r) {
            ... on Dataset {
              id
              title
              stale
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Dataset', id: 'geo.districts' },
          { __typename: 'Dataset', id: 'edu.kita' },
          { __typename: 'Dataset', id: 'nope' },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    expect(res.data._entities.map((e: any) => e?.id ?? null)).toEqual(['geo.districts', 'edu.kita', null])
    expect(subgraphs.statements().catalog).toBe(1)
  })

  it('declares the indicators and both rule sets as data', async () => {
    const res = await graphql(
      url,
      `
        {
          indicators {
            id
            unit
            sourceDatasetIds
          }
          warnRuleSets {
            id
            validFrom
            validTo
            quorum
            confirmDays
            countedWeekdays
            confirmFromLevel
            effectiveAfterDays
            indicators {
              indicator {
                id
              }
              primary
              bands {
                level
                from
                to
                fromInclusive
                label
                color
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.indicators.map((i: any) => i.id)).toEqual(['hospitalization7', 'icuShare', 'incidence7'])
    const [plan, stufen] = res.data.warnRuleSets
    expect(plan).toMatchObject({
      id: 'RLP_AKTIONSPLAN_2020',
      validTo: '2021-09-11',
      quorum: 1,
      confirmDays: 3,
      countedWeekdays: [1, 2, 3, 4, 5, 6, 7],
      confirmFromLevel: 3,
    })
    expect(plan.indicators).toEqual([
      {
        indicator: { id: 'incidence7' },
        primary: true,
        bands: [
          { level: 0, from: null, to: 20, fromInclusive: true, label: 'Grün', color: '#1a9850' },
          { level: 1, from: 20, to: 35, fromInclusive: true, label: 'Warnstufe (gelb)', color: '#fee08b' },
          { level: 2, from: 35, to: 50, fromInclusive: true, label: 'Gefahrenstufe (orange)', color: '#fc8d59' },
          { level: 3, from: 50, to: null, fromInclusive: false, label: 'Alarmstufe (rot)', color: '#d73027' },
        ],
      },
    ])
    expect(stufen).toMatchObject({
      id: 'RLP_WARNSTUFEN_2021',
      validFrom: '2021-09-12',
      validTo: null,
      quorum: 2,
      countedWeekdays: [1, 2, 3, 4, 5],
      effectiveAfterDays: 2,
    })
    expect(stufen.indicators.map((i: any) => [i.indicator.id, i.primary, i.bands.map((b: any) => b.from)])).toEqual([
      ['incidence7', true, [null, 100, 200]],
      ['hospitalization7', false, [null, 5, 10]],
      ['icuShare', false, [null, 6, 12]],
    ])
  })

  it('publishes the open datasets as a DCAT-AP.de catalogue in JSON-LD', async () => {
    const res = await graphql(url, '{ dcatCatalog }', undefined, internalHeaders('catalog', PUBLIC))
    expect(res.errors).toBeUndefined()
    const doc = JSON.parse(res.data.dcatCatalog)
    expect(doc['@type']).toBe('dcat:Catalog')
    expect(doc['dct:publisher']).toEqual({ '@type': 'foaf:Organization', 'foaf:name': 'Stadtverwaltung Kaiserslautern' })
    const open = (await departmentRows()).filter(r => r.open_data).map(r => r.id)
    expect(doc['dcat:dataset'].map((d: any) => d['dct:identifier'])).toEqual(open)
    const occupancy = doc['dcat:dataset'].find((d: any) => d['dct:identifier'] === 'asy.occupancy')
    expect(occupancy).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:title': 'Belegung der Unterkünfte',
      'dcatde:maintainer': { 'foaf:name': 'Referat Soziales / Stabsstelle Asyl und Integration' },
      'dcat:theme': [{ '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' }],
      'dcatde:politicalGeocodingLevelURI': { '@id': 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality' },
      'dcatde:politicalGeocodingURI': { '@id': 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/07312000' },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/MONTHLY' },
      'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:endDate': { '@value': '2026-10-31', '@type': 'xsd:date' } },
      'dct:modified': { '@value': '2026-11-25T06:00:00.000Z', '@type': 'xsd:dateTime' },
      'dcat:distribution': [{ '@type': 'dcat:Distribution', 'dct:license': { '@id': 'http://dcat-ap.de/def/licenses/dl-by-de/2.0' } }],
    })
    expect(occupancy['dcat:contactPoint']['vcard:hasEmail']).toEqual({ '@id': 'mailto:open-data@kaiserslautern.example' })
  })

  it('rejects a malformed dataset id with BAD_USER_INPUT', async () => {
    const res = await graphql(url, '{ dataset(id: "") { id } }')
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.data.dataset).toBeNull()
  })
})

describe('catalog freshness against a clock and department writes; the warning gauge', () => {
  let dbh: { url: string; drop(): Promise<void> }
  let handle: DbHandle<any>
  let server: SubgraphServer
  let pool: pg.Pool
  let clock = new Date('2026-11-25T18:00:00Z')
  const at = (iso: string) => {
    clock = new Date(iso)
  }
  const q = (query: string, variables?: Record<string, unknown>) => graphql(server.url, query, variables, internalHeaders('catalog'))

  beforeAll(async () => {
    dbh = await createDatabase(inject('adminUrl'), 'sg_catalog')
    handle = createDb(dbh.url, { max: 4 })
    const all = await loadServices()
    const service = createCatalogService({ now: () => clock, warnGauge: true })
    // Only geo and the catalog exist here; the registry still names every discovered department.
    await prepareDatabase(handle.db, [all.find(s => s.name === 'geo')!, service], 'tiny')
    server = await createSubgraphServer(service, handle, { port: 0, internalTokenSecret: TEST_INTERNAL_SECRET })
    pool = new pg.Pool({ connectionString: dbh.url, max: 2 })
  })
  afterAll(async () => {
    await server?.close()
    await handle?.close()
    await pool?.end()
    await dbh?.drop()
  })

  const DATASET = '{ dataset(id: "geo.districts") { freshness stale asOf nextUpdateDue } }'

  it('skips registered departments whose tables do not exist', async () => {
    const res = await q('{ datasets { id department } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.datasets).toEqual([
      { id: 'cat.indicator', department: 'catalog' },
      { id: 'geo.districts', department: 'geo' },
    ])
    const registry = (await pool.query('select name from cat.department order by name')).rows.map(r => r.name)
    expect(registry).toEqual(expect.arrayContaining(['asylum', 'catalog', 'education', 'finance', 'geo', 'population']))
  })

  it('moves an annual dataset from FRESH to DUE to STALE as time passes', async () => {
    // geo.districts: ANNUAL, asOf 2026-11-25T06:00Z → due one year later, stale 3 months after that.
    const cases: Array<[string, string, boolean]> = [
      ['2026-11-25T18:00:00Z', 'FRESH', false],
      ['2027-11-25T06:00:00Z', 'FRESH', false], // exactly one period: still fresh
      ['2027-11-25T06:00:01Z', 'DUE', false],
      ['2028-02-25T06:00:00Z', 'DUE', false], // exactly at the end of the grace
      ['2028-02-25T06:00:01Z', 'STALE', true],
    ]
    for (const [now, freshness, stale] of cases) {
      at(now)
      const res = await q(DATASET)
      expect(res.errors).toBeUndefined()
      expect(res.data.dataset, now).toEqual({
        freshness,
        stale,
        asOf: '2026-11-25T06:00:00.000Z',
        nextUpdateDue: '2027-11-25T06:00:00.000Z',
      })
    }
    // The catalog's own declarations are annual too and as old.
    expect((await q('{ datasets(stale: true) { id } }')).data.datasets).toEqual([{ id: 'cat.indicator' }, { id: 'geo.districts' }])
  })

  it('shows a department write at once: the new asOf makes the dataset fresh again', async () => {
    at('2028-06-01T12:00:00Z')
    expect((await q(DATASET)).data.dataset.stale).toBe(true)
    // What a department's write does in its transaction: move its dataset's asOf (and Stichtag).
    await pool.query(`update geo.dataset set as_of = '2028-06-01T11:00:00Z', stichtag = '2028-05-31' where id = 'geo.districts'`)
    const res = await q('{ dataset(id: "geo.districts") { freshness stale asOf stichtag temporalEnd nextUpdateDue } }')
    expect(res.data.dataset).toEqual({
      freshness: 'FRESH',
      stale: false,
      asOf: '2028-06-01T11:00:00.000Z',
      stichtag: '2028-05-31',
      temporalEnd: '2028-05-31',
      nextUpdateDue: '2029-06-01T11:00:00.000Z',
    })
  })

  it('judges daily and monthly cadences by calendar, and unknown cadences as UNKNOWN', async () => {
    await pool.query(`insert into geo.dataset (id, title, owner_department, source_system, stichtag, as_of, refresh_cadence, open_data) values
      ('geo.daily_probe', 'Täglich', 'Referat Stadtentwicklung', 'GIS', '2028-01-30', '2028-01-31T08:00:00Z', 'DAILY', true),
      ('geo.monthly_probe', 'Monatlich', 'Referat Stadtentwicklung', 'GIS', '2028-01-31', '2028-01-31T08:00:00Z', 'MONTHLY', true),
      ('geo.irregular_probe', 'Unregelmäßig', 'Referat Stadtentwicklung', 'GIS', '2028-01-31', '2028-01-31T08:00:00Z', 'IRREGULAR', false)`)
    const probe =
      '{ d: dataset(id: "geo.daily_probe") { freshness } m: dataset(id: "geo.monthly_probe") { freshness nextUpdateDue } i: dataset(id: "geo.irregular_probe") { freshness stale accrualPeriodicity } }'
    at('2028-02-01T09:00:00Z')
    let res = await q(probe)
    expect(res.data).toEqual({
      d: { freshness: 'DUE' },
      m: { freshness: 'FRESH', nextUpdateDue: '2028-02-29T08:00:00.000Z' },
      i: { freshness: 'UNKNOWN', stale: false, accrualPeriodicity: null },
    })
    at('2028-02-02T08:00:01Z')
    res = await q(probe)
    expect(res.data.d.freshness).toBe('STALE')
    at('2028-03-29T08:00:01Z') // 31 Jan + 1 month = 29 Feb (leap year), + 1 month grace = 29 Mar
    res = await q(probe)
    expect(res.data.m.freshness).toBe('STALE')
  })

  it('shows a dataset without catalog enrichment with defaults', async () => {
    const res = await q(
      '{ dataset(id: "geo.monthly_probe") { publisher contactPoint { name email } themes { code } keywords license politicalGeocodingURI temporalStart temporalEnd } }',
    )
    expect(res.data.dataset).toEqual({
      publisher: 'Stadtverwaltung Kaiserslautern',
      contactPoint: { name: 'Stadtverwaltung Kaiserslautern, Referat Stadtentwicklung', email: null },
      themes: [],
      keywords: [],
      license: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
      politicalGeocodingURI: 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/07312000',
      temporalStart: null,
      temporalEnd: '2028-01-31',
    })
    expect((await q('{ dataset(id: "geo.irregular_probe") { license } }')).data.dataset.license).toBeNull()
  })

  // ── The warning gauge on HealthDay representations, as the gateway sends them with the @requires fields ──
  const GAUGE = `query ($r: [_Any!]!, $rs: WarnRuleSet) { _entities(representations: $r) { ... on HealthDay { ags day
    warnGauge(ruleSet: $rs) { day value level label color readingLevel ruleSet daysAboveThreshold trend7d
      bands { level from to } readings { indicator { id } value level } provenance { datasetId stichtag ownerDepartment } } } } }`
  const day = (d: string, incidence7: number | null, hospitalization7: number | null = null, icuShare: number | null = null) => ({
    day: d,
    incidence7,
    hospitalization7,
    icuShare,
  })
  const rep = (recent: ReturnType<typeof day>[]) => ({ __typename: 'HealthDay', ags: '07312000', ...recent[recent.length - 1], recent })
  const days = (first: string, values: number[]) =>
    values.map((v, i) => day(new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), v))

  it('computes the 2020 gauge from the required fields: red on the third day above 50', async () => {
    // City values of October 2020: 22 (yellow), 36 (orange), then 51, 58, 65 — red from the third day above 50.
    const series = days('2020-10-20', [18, 22, 36, 51, 58, 65])
    const res = await q(GAUGE, { r: [rep(series.slice(0, 5)), rep(series)] })
    expect(res.errors).toBeUndefined()
    const [g5, g6] = res.data._entities.map((e: any) => e.warnGauge)
    expect(g5).toMatchObject({
      day: '2020-10-24',
      value: 58,
      level: 2,
      label: 'Gefahrenstufe (orange)',
      readingLevel: 3,
      ruleSet: 'RLP_AKTIONSPLAN_2020',
      daysAboveThreshold: 2,
      trend7d: null,
    })
    expect(g6).toMatchObject({ day: '2020-10-25', value: 65, level: 3, label: 'Alarmstufe (rot)', color: '#d73027', daysAboveThreshold: 3 })
    expect(g6.bands).toEqual([
      { level: 0, from: null, to: 20 },
      { level: 1, from: 20, to: 35 },
      { level: 2, from: 35, to: 50 },
      { level: 3, from: 50, to: null },
    ])
    expect(g6.readings).toEqual([{ indicator: { id: 'incidence7' }, value: 65, level: 3 }])
    // The social dataset is not in this database, so provenance falls back to the catalog's declarations.
    expect(g6.provenance).toEqual({ datasetId: 'cat.indicator', stichtag: '2020-10-25', ownerDepartment: 'Zentralcontrolling' })
  })

  it('picks the 2021 Warnstufen on and after 12.9.2021 (AUTO) and honours an explicit rule set', async () => {
    // Wed–Fri 2021-10-06..08 two of three in Warnstufe 2 → in force from Sun 10-10.
    const series = [
      day('2021-10-04', 80, 3, 4),
      day('2021-10-05', 90, 4, 4),
      day('2021-10-06', 120, 5, 4),
      day('2021-10-07', 130, 6, 4),
      day('2021-10-08', 140, 6, 4),
      day('2021-10-09', 150, 6, 4),
      day('2021-10-10', 160, 6, 4),
      day('2021-10-11', 170, 6, 4),
    ]
    const res = await q(GAUGE, { r: [rep(series.slice(0, 6)), rep(series.slice(0, 7)), rep(series)] })
    expect(res.errors).toBeUndefined()
    const gauges = res.data._entities.map((e: any) => e.warnGauge)
    expect(gauges.map((g: any) => [g.ruleSet, g.level, g.label])).toEqual([
      ['RLP_WARNSTUFEN_2021', 1, 'Warnstufe 1'],
      ['RLP_WARNSTUFEN_2021', 2, 'Warnstufe 2'],
      ['RLP_WARNSTUFEN_2021', 2, 'Warnstufe 2'],
    ])
    expect(gauges[2]).toMatchObject({ value: 170, trend7d: 90, daysAboveThreshold: 4 })
    expect(gauges[2].readings).toEqual([
      { indicator: { id: 'incidence7' }, value: 170, level: 2 },
      { indicator: { id: 'hospitalization7' }, value: 6, level: 2 },
      { indicator: { id: 'icuShare' }, value: 4, level: 1 },
    ])
    const old = await q(GAUGE, { r: [rep(series)], rs: 'RLP_AKTIONSPLAN_2020' })
    expect(old.data._entities[0].warnGauge).toMatchObject({ ruleSet: 'RLP_AKTIONSPLAN_2020', level: 3, value: 170 })
  })

  it('has no gauge before any rule set applies or without values, and refuses a representation without a day', async () => {
    const res = await q(GAUGE, { r: [rep(days('2019-05-01', [10])), rep([day('2020-10-01', null)])] })
    expect(res.errors).toBeUndefined()
    expect(res.data._entities.map((e: any) => e.warnGauge)).toEqual([null, null])
    const bad = await q(GAUGE, { r: [{ __typename: 'HealthDay', ags: '07312000', day: 'gestern', incidence7: 10, recent: [] }] })
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('reads its thresholds from the catalog tables: changing a band changes the gauge', async () => {
    const series = days('2020-10-01', [30])
    expect((await q(GAUGE, { r: [rep(series)] })).data._entities[0].warnGauge.level).toBe(1)
    await pool.query(
      `update cat.rule_band set lower = 25 where rule_set_id = 'RLP_AKTIONSPLAN_2020' and indicator_id = 'incidence7' and level = 2`,
    )
    try {
      expect((await q(GAUGE, { r: [rep(series)] })).data._entities[0].warnGauge).toMatchObject({
        level: 2,
        bands: expect.arrayContaining([{ level: 2, from: 25, to: 50 }]),
      })
    } finally {
      await pool.query(
        `update cat.rule_band set lower = 35 where rule_set_id = 'RLP_AKTIONSPLAN_2020' and indicator_id = 'incidence7' and level = 2`,
      )
    }
  })
})
