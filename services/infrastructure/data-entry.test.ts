import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS } from '../../platform/city.js'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import type { InternalIdentity } from '../../auth/internal/internal-token.js'
import { districtEnergyRows, monthsBetween, type LightWatts } from './demo/light-energy.js'
import { service } from './server.js'
import { LIGHTING_STICHTAG } from './street-lights.js'

// LED conversions entered by the street-lighting department: a database of its own (writes never touch the shared city).
let database: Awaited<ReturnType<typeof createDatabase>>
let subgraphs: RunningSubgraphs
let url: string
let db: pg.Pool

const staff: InternalIdentity = {
  ...TEST_IDENTITY,
  subject: 'strassenbeleuchtung-1',
  roles: ['staff'],
  department: 'infrastructure',
  scopes: ['open', 'infrastructure:internal', 'infrastructure:personal', 'infrastructure:special', 'infrastructure:write'],
}
const RECORD = `mutation ($input: LedConversionEntryInput!) { recordLedConversions(input: $input) { dataset rowCount stichtag replayed auditId } }`
const record = (input: Record<string, unknown>, who: InternalIdentity = staff) =>
  graphql(url, RECORD, { input }, internalHeaders('infrastructure', who))
const snapshot = async () => ({
  lights: (
    await db.query(
      `select id, lamp_type, watt, converted_to_led::text, measure_id from infra.street_light where district_code = '14' order by id`,
    )
  ).rows,
  energy: (
    await db.query(`select month::text, kwh::float8, led_lights from infra.district_energy_month where district_code = '14' order by month`)
  ).rows,
})
/** Lights of district 14 that are not LED yet, with their installation day. */
const notLed = async (n: number) =>
  (
    await db.query(
      `select id, installed::text from infra.street_light
  where district_code = '14' and converted_to_led is null order by id limit $1`,
      [n],
    )
  ).rows as Array<{ id: string; installed: string }>

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_infra_entry')
  const handle = createDb(database.url)
  try {
    await prepareDatabase(handle.db, [service], 'tiny')
  } finally {
    await handle.close()
  }
  db = new pg.Pool({ connectionString: database.url, max: 2 })
  subgraphs = await startSubgraphs(database.url, ['infrastructure'])
  url = subgraphs.byName.get('infrastructure')!.server.url
})
afterAll(async () => {
  await subgraphs?.stop()
  await db?.end()
  await database?.drop()
})

describe('recordLedConversions', () => {
  it('converts lights in the register and changes the district energy from the conversion day on, in one transaction', async () => {
    const [a, b, c] = await notLed(3)
    const summary = `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "14" }, { __typename: "InvestmentMeasure", id: "7.541008" }]) {
      ... on District { streetLighting(year: 2026) { ledLights convertedInYear energyKwh } } ... on InvestmentMeasure { convertedLights } } }`
    const before = (await graphql(url, summary)).data._entities
    const asOf = async () => (await db.query(`select id, as_of from infra.dataset order by id`)).rows.map(r => r.as_of.getTime())
    const asOfBefore = await asOf()
    const res = await record({
      clientKey: 'sl-2026-03',
      rows: [
        { lightId: a.id, convertedOn: '2026-03-17', ledWatt: 28, measureId: '7.541008' },
        { lightId: b.id, convertedOn: '2026-01-01', ledWatt: 24 },
        { lightId: c.id, convertedOn: '2025-06-10', ledWatt: 32, measureId: '7.541008' },
      ],
    })
    expect(res.errors).toBeUndefined()
    expect(res.data.recordLedConversions).toMatchObject({
      dataset: 'infra.street_light',
      rowCount: 3,
      replayed: false,
      stichtag: LIGHTING_STICHTAG,
    })

    const { rows: converted } = await db.query(
      `select id, lamp_type, watt, previous_watt is not null as had_previous, converted_to_led::text, measure_id
      from infra.street_light where id = any($1) order by id`,
      [[a.id, b.id, c.id]],
    )
    expect(converted).toEqual([
      { id: a.id, lamp_type: 'LED', watt: 28, had_previous: true, converted_to_led: '2026-03-17', measure_id: '7.541008' },
      { id: b.id, lamp_type: 'LED', watt: 24, had_previous: true, converted_to_led: '2026-01-01', measure_id: null },
      { id: c.id, lamp_type: 'LED', watt: 32, had_previous: true, converted_to_led: '2025-06-10', measure_id: '7.541008' },
    ])
    // The district's energy equals what the seed's rule computes from the register as it is now.
    const { rows: lights } = await db.query(`select id, district_code, watt, previous_watt, installed::text, converted_to_led::text
      from infra.street_light where district_code = '14'`)
    const expected = districtEnergyRows(lights as LightWatts[], monthsBetween('2024-01-01', LIGHTING_STICHTAG))
    const { energy } = await snapshot()
    expect(energy).toEqual(expected.map(e => ({ month: e.month, kwh: e.kwh, led_lights: e.led_lights })))

    const after = (await graphql(url, summary)).data._entities
    expect(after[0].streetLighting.ledLights).toBe(before[0].streetLighting.ledLights + 3)
    expect(after[0].streetLighting.convertedInYear).toBe(before[0].streetLighting.convertedInYear + 2)
    expect(after[0].streetLighting.energyKwh).toBeLessThan(before[0].streetLighting.energyKwh)
    expect(after[1].convertedLights).toBe(before[1].convertedLights + 2)
    const asOfAfter = await asOf()
    asOfAfter.forEach((t, i) => expect(t).toBeGreaterThan(asOfBefore[i]))
    const { rows: audit } = await db.query('select dataset, client_key, subject, department, via, row_count from infra.write_audit')
    expect(audit).toEqual([
      {
        dataset: 'infra.street_light',
        client_key: 'sl-2026-03',
        subject: 'strassenbeleuchtung-1',
        department: 'infrastructure',
        via: 'graphql',
        row_count: 3,
      },
    ])

    const replay = await record({
      clientKey: 'sl-2026-03',
      rows: [
        { lightId: a.id, convertedOn: '2026-03-17', ledWatt: 28, measureId: '7.541008' },
        { lightId: b.id, convertedOn: '2026-01-01', ledWatt: 24 },
        { lightId: c.id, convertedOn: '2025-06-10', ledWatt: 32, measureId: '7.541008' },
      ],
    })
    expect(replay.data.recordLedConversions).toMatchObject({ replayed: true, auditId: res.data.recordLedConversions.auditId })
    expect((await snapshot()).energy).toEqual(energy)
  })

  it('reports every bad row at once and changes nothing: not the register, not the energy', async () => {
    const [fresh, early, later] = await notLed(3)
    const [{ id: led, converted }] = (
      await db.query(`select id, converted_to_led::text as converted from infra.street_light
      where district_code = '14' and converted_to_led is not null order by id limit 1`)
    ).rows
    const before = await snapshot()
    const res = await record({
      clientKey: 'bad-1',
      rows: [
        { lightId: fresh.id, convertedOn: '2026-02-02', ledWatt: 30, measureId: '7.541008' }, // fine on its own
        { lightId: 'SL-14-99999', convertedOn: '2026-02-02', ledWatt: 30 }, // no such light
        { lightId: led, convertedOn: '2026-02-02', ledWatt: 30 }, // LED already
        { lightId: early.id, convertedOn: '1960-01-01', ledWatt: 30 }, // before the data and before installation
        { lightId: fresh.id, convertedOn: '2026-02-03', ledWatt: 30 }, // repeats row 1
        { lightId: 'lamp 7', convertedOn: '2026-02-02', ledWatt: 0 }, // malformed id and watts
        { lightId: later.id, convertedOn: '2099-01-01', ledWatt: 30 }, // in the future
      ],
    })
    expect(res.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED')
    const problems = res.errors![0].extensions!.problems as Array<{ row: number; column: string; reason: string }>
    expect(problems.map(p => [p.row, p.column])).toEqual([
      [2, 'lightId'],
      [3, 'lightId'],
      [4, 'convertedOn'],
      [5, 'lightId'],
      [6, 'ledWatt'],
      [6, 'lightId'],
      [7, 'convertedOn'],
    ])
    expect(problems.find(p => p.row === 2)!.reason).toMatch(/unknown street light/)
    expect(problems.find(p => p.row === 3)!.reason).toBe(`is LED already (converted on ${converted})`)
    expect(await snapshot()).toEqual(before)

    const measure = await record({
      clientKey: 'bad-2',
      rows: [{ lightId: fresh.id, convertedOn: '2026-02-02', ledWatt: 30, measureId: '7.999999' }],
    })
    expect(measure.errors?.[0].extensions?.problems).toEqual([
      { row: 1, column: 'measureId', reason: 'unknown LED investment measure "7.999999"' },
    ])
    expect(await snapshot()).toEqual(before)
  })

  it("refuses an LED drawing more than the lamp it replaces (the measure's saving would turn negative) and a light installed as LED; nothing changes", async () => {
    const {
      rows: [hql],
    } = await db.query(`select id, watt from infra.street_light where converted_to_led is null and lamp_type = 'HQL' order by id limit 1`)
    // A new light installed as LED (the seed has none): there is nothing to convert.
    await db.query(`insert into infra.street_light (id, district_code, street, lamp_type, watt, installed, lat, lon)
      values ('SL-01-99990', '01', 'Neubaugebiet', 'LED', 24, '2024-05-02', 49.44, 7.76)`)
    const native = [{ id: 'SL-01-99990', installed: '2024-05-02' }]
    const before = await snapshot()
    const rows = [
      { lightId: hql.id, convertedOn: '2026-02-02', ledWatt: hql.watt + 1 },
      ...native.map(l => ({ lightId: l.id, convertedOn: '2026-02-02', ledWatt: 20 })),
    ]
    const res = await record({ clientKey: 'bad-watts', rows })
    expect(res.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED')
    expect(res.errors![0].extensions!.problems).toEqual([
      {
        row: 1,
        column: 'ledWatt',
        rule: 'led-watt-not-above-replaced-lamp',
        columns: ['ledWatt', 'lightId'],
        reason: `LED of ${hql.watt + 1} W draws more than the replaced HQL lamp (${hql.watt} W)`,
      },
      ...native.map(l => ({ row: 2, column: 'lightId', reason: `is LED already (installed as LED on ${l.installed})` })),
    ])
    expect(await snapshot()).toEqual(before)
    expect((await db.query('select count(*)::int as n from infra.led_conversion')).rows[0].n).toBe(3)
  })

  it("lets only the department's staff write", async () => {
    const [light] = await notLed(1)
    const rows = [{ lightId: light.id, convertedOn: '2026-02-02', ledWatt: 30 }]
    for (const who of [{ ...staff, department: 'finance', scopes: ['open', 'finance:write'] }, TEST_IDENTITY]) {
      expect((await record({ clientKey: `x-${who.roles[0]}`, rows }, who)).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    }
    expect((await record({ clientKey: 'x-foreign', department: 'finance', rows })).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect(
      (await db.query('select converted_to_led from infra.street_light where id = $1', [light.id])).rows[0].converted_to_led,
    ).toBeNull()
  })
})
