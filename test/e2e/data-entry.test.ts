import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sql } from 'kysely'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { cellKeyOf, seededRecordKey } from '../../lib/disclosure/cell-key.js'

// Data entry through the gateway (lib/data-entry): each department's staff write their own
// datasets; everyone else is refused and nothing is written. The city here is a database of its
// own (tiny profile), so the writes never reach the shared test city other files read.

const DEPARTMENTS = ['geo', 'population', 'asylum', 'finance', 'education']
let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let city: RunningCity

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_data_entry')
  handle = createDb(database.url, { max: 2 })
  await prepareDatabase(
    handle.db,
    (await loadServices()).filter(s => DEPARTMENTS.includes(s.name)),
    'tiny',
  )
  city = await startCity(database.url, { only: DEPARTMENTS, replicaId: 'data-entry' })
})
afterAll(async () => {
  await city?.stop()
  await handle?.close()
  await database?.drop()
})

const RECEIPT = '{ dataset clientKey rowCount stichtag asOf replayed auditId }'
const as =
  (roles: string | string[], department?: string, sub = `sub-${String(roles)}-${department ?? 'none'}`) =>
  (query: string, variables?: Record<string, unknown>) =>
    graphql(city.gateway.url, query, variables, bearer(roles, { department, sub }))
const anonymous = (query: string, variables?: Record<string, unknown>) => graphql(city.gateway.url, query, variables)
const asylumStaff = as('staff', 'asylum', 'anna.asyl')
const codes = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (res.errors ?? []).map(e => e.extensions?.code)
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(handle.db)).rows[0].n)

const OCCUPANCY = `mutation ($input: AsylumOccupancyEntryInput!) { recordAsylumOccupancy(input: $input) ${RECEIPT} }`
const ALLOCATIONS = `mutation ($input: AsylumAllocationEntryInput!) { recordAsylumAllocations(input: $input) ${RECEIPT} }`
const ACTUALS = `mutation ($input: BudgetActualsEntryInput!) { recordBudgetActuals(input: $input) ${RECEIPT} }`
const PUPILS = `mutation ($input: PupilCountsEntryInput!) { recordPupilCounts(input: $input) ${RECEIPT} }`

const DAY = '2026-11-20'
const occupancyRows = (occupied: number) => [
  { accommodationId: 'ACC-ASTERNWEG', day: DAY, occupied, recognisedResidents: 12, capacity: 200 },
  { accommodationId: 'ACC-POST', day: DAY, occupied: 250, recognisedResidents: 30, capacity: 300 },
]
const occupancyOn = (day: string) => count(sql<{ n: number }>`select count(*)::int as n from asy.occupancy where day = ${day}::date`)

describe('asylum occupancy', () => {
  it('staff of the asylum department write it: receipt, data visible at once, provenance, attribution and audit', async () => {
    const before = (await anonymous(`{ asylumCapacity(day: "${DAY}") { occupied provenance { asOf stichtag } } }`)).data.asylumCapacity
    const res = await asylumStaff(OCCUPANCY, { input: { clientKey: 'occ-2026-11-20', rows: occupancyRows(180) } })
    expect(res.errors).toBeUndefined()
    const receipt = res.data.recordAsylumOccupancy
    expect(receipt).toMatchObject({ dataset: 'asy.occupancy', clientKey: 'occ-2026-11-20', rowCount: 2, stichtag: DAY, replayed: false })

    const internal = await asylumStaff(
      `{ accommodation(id: "ACC-ASTERNWEG") { occupancy(day: "${DAY}") { day occupied { value } recognisedResidents { value } provenance { stichtag asOf } } } }`,
    )
    expect(internal.data.accommodation.occupancy).toEqual({
      day: DAY,
      occupied: { value: 180 },
      recognisedResidents: { value: 12 },
      provenance: { stichtag: DAY, asOf: receipt.asOf },
    })
    // The public sees the open city-wide aggregate, refreshed.
    const after = (await anonymous(`{ asylumCapacity(day: "${DAY}") { occupied provenance { asOf stichtag } } }`)).data.asylumCapacity
    expect(after.provenance).toEqual({ asOf: receipt.asOf, stichtag: DAY })
    expect(new Date(after.provenance.asOf).getTime()).toBeGreaterThan(new Date(before.provenance.asOf).getTime())
    expect(after.occupied).toBeGreaterThan(0)

    const audit = (
      await sql<Record<string, unknown>>`select * from asy.write_audit where id = ${Number(receipt.auditId)}`.execute(handle.db)
    ).rows[0]
    expect(audit).toMatchObject({
      dataset: 'asy.occupancy',
      client_key: 'occ-2026-11-20',
      subject: 'anna.asyl',
      roles: ['staff'],
      department: 'asylum',
      via: 'graphql',
      row_count: 2,
      stichtag: DAY,
    })
  })

  it('answers a repeated client key with the first receipt and writes nothing; another payload under it is refused', async () => {
    const audits = await count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)
    const again = await asylumStaff(OCCUPANCY, { input: { clientKey: 'occ-2026-11-20', rows: occupancyRows(180) } })
    expect(again.errors).toBeUndefined()
    expect(again.data.recordAsylumOccupancy).toMatchObject({ replayed: true, rowCount: 2, stichtag: DAY })
    const other = await asylumStaff(OCCUPANCY, { input: { clientKey: 'occ-2026-11-20', rows: occupancyRows(181) } })
    expect(codes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED'])
    expect(await occupancyOn(DAY)).toBe(2)
    expect(await count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)).toBe(audits)
  })

  it('refuses a period already written (DUPLICATE_PERIOD) under a new key; nothing written', async () => {
    const res = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-again',
        rows: [
          { accommodationId: 'ACC-HOTEL-ZEPP', day: DAY, occupied: 50, recognisedResidents: 0, capacity: 80 },
          ...occupancyRows(181).slice(0, 1),
        ],
      },
    })
    expect(codes(res)).toEqual(['DUPLICATE_PERIOD'])
    expect(res.errors![0].extensions!.problems).toEqual([
      {
        row: 2,
        column: 'accommodationId',
        reason: `period already written (accommodationId ACC-ASTERNWEG, day ${DAY}); a period is entered once`,
      },
    ])
    expect(await occupancyOn(DAY)).toBe(2)
  })

  it('reports every bad row (range, unknown or closed accommodation, recognised > occupied) and writes nothing', async () => {
    const day = '2026-11-10'
    const res = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-bad',
        rows: [
          { accommodationId: 'ACC-ASTERNWEG', day, occupied: 100, recognisedResidents: 1, capacity: 200 },
          { accommodationId: 'ACC-NOWHERE', day, occupied: 10, recognisedResidents: 0, capacity: 10 },
          { accommodationId: 'ACC-POST', day, occupied: -3, recognisedResidents: 0, capacity: 9000 },
          { accommodationId: 'ACC-HOTEL-ZEPP', day, occupied: 5, recognisedResidents: 6, capacity: 80 },
          { accommodationId: 'ACC-THW-HALLE', day, occupied: 5, recognisedResidents: 0, capacity: 60 },
        ],
      },
    })
    expect(codes(res)).toEqual(['VALIDATION_FAILED'])
    expect(res.errors![0].extensions!.problems).toEqual([
      { row: 2, column: 'accommodationId', reason: 'unknown accommodation "ACC-NOWHERE"' },
      { row: 3, column: 'capacity', reason: 'must be at most 5000, got 9000' },
      { row: 3, column: 'occupied', reason: 'must be at least 0, got -3' },
      {
        row: 4,
        column: 'recognisedResidents',
        rule: 'recognised-within-occupied',
        columns: ['recognisedResidents', 'occupied'],
        reason: 'must not exceed occupied (6 > 5)',
      },
      {
        row: 5,
        column: 'accommodationId',
        reason: 'accommodation ACC-THW-HALLE is not open on 2026-11-10 (opened 2015-09-01, closed 2019-06-30)',
      },
    ])
    expect(await occupancyOn(day)).toBe(0)
  })

  it('refuses occupied above capacity without the acknowledgement, an acknowledgement without a breach, recognised above occupied: row, rule and fields named, nothing written', async () => {
    const day = '2026-11-21'
    const audits = await count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)
    const res = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-implausible',
        rows: [
          { accommodationId: 'ACC-ASTERNWEG', day, occupied: 1000, recognisedResidents: 12, capacity: 200 },
          { accommodationId: 'ACC-POST', day, occupied: 250, recognisedResidents: 30, capacity: 300, overCapacity: true },
          { accommodationId: 'ACC-HOTEL-ZEPP', day, occupied: 50, recognisedResidents: 60, capacity: 80, overCapacity: false },
          { accommodationId: 'ACC-ZOAR', day, occupied: 150, recognisedResidents: 0, capacity: 150 },
        ],
      },
    })
    expect(codes(res)).toEqual(['VALIDATION_FAILED'])
    expect(res.errors![0].message).toBe('asy.occupancy: 3 problems in 3 rows; nothing was written')
    const capacityRule = { rule: 'occupied-within-capacity', columns: ['occupied', 'capacity', 'overCapacity'] }
    expect(res.errors![0].extensions!.problems).toEqual([
      {
        row: 1,
        column: 'occupied',
        ...capacityRule,
        reason: 'occupied exceeds capacity (1000 > 200); set overCapacity to record it on purpose',
      },
      {
        row: 2,
        column: 'overCapacity',
        ...capacityRule,
        reason: 'acknowledges a breach of occupied-within-capacity, but the row keeps the rule; leave it out or false',
      },
      {
        row: 3,
        column: 'recognisedResidents',
        rule: 'recognised-within-occupied',
        columns: ['recognisedResidents', 'occupied'],
        reason: 'must not exceed occupied (60 > 50)',
      },
    ])
    expect(await occupancyOn(day)).toBe(0)
    expect(await count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)).toBe(audits)
  })

  it('writes an acknowledged over-occupancy: stored with the row, counted in receipt and write audit, shown to the department; public figures never negative nor above 100 %', async () => {
    const day = '2026-11-22'
    // The reported case: 1 000 persons in the 200-bed Asternweg, now on purpose.
    const res = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-overflow',
        rows: [
          { accommodationId: 'ACC-ASTERNWEG', day, occupied: 1000, recognisedResidents: 12, capacity: 200, overCapacity: true },
          { accommodationId: 'ACC-POST', day, occupied: 250, recognisedResidents: 30, capacity: 300 },
        ],
      },
    })
    expect(res.errors).toBeUndefined()
    const receipt = (
      await asylumStaff(
        `mutation ($input: AsylumOccupancyEntryInput!) { recordAsylumOccupancy(input: $input) { rowCount overCapacityRows replayed } }`,
        {
          input: {
            clientKey: 'occ-overflow',
            rows: [
              { accommodationId: 'ACC-ASTERNWEG', day, occupied: 1000, recognisedResidents: 12, capacity: 200, overCapacity: true },
              { accommodationId: 'ACC-POST', day, occupied: 250, recognisedResidents: 30, capacity: 300 },
            ],
          },
        },
      )
    ).data.recordAsylumOccupancy
    expect(receipt).toEqual({ rowCount: 2, overCapacityRows: 1, replayed: true })
    const audit = (
      await sql<
        Record<string, unknown>
      >`select * from asy.write_audit where id = ${Number(res.data.recordAsylumOccupancy.auditId)}`.execute(handle.db)
    ).rows[0]
    expect(audit).toMatchObject({
      client_key: 'occ-overflow',
      subject: 'anna.asyl',
      via: 'graphql',
      row_count: 2,
      acknowledged: { 'occupied-within-capacity': 1 },
    })
    expect(
      (await sql`select accommodation_id, over_capacity from asy.occupancy where day = ${day}::date order by 1`.execute(handle.db)).rows,
    ).toEqual([
      { accommodation_id: 'ACC-ASTERNWEG', over_capacity: true },
      { accommodation_id: 'ACC-POST', over_capacity: false },
    ])
    // The database holds the same line for writers that bypass the kit.
    await expect(
      sql`insert into asy.occupancy (accommodation_id, day, occupied, of_which_recognised, capacity)
      values ('ACC-ZOAR', ${day}::date, 151, 0, 150)`.execute(handle.db),
    ).rejects.toThrow(/occupancy_within_capacity/)

    const figure = `{ occupied { value } capacity free aboveCapacity rate { value } overCapacity }`
    const internal = await asylumStaff(
      `{ a: accommodation(id: "ACC-ASTERNWEG") { occupancy(day: "${day}") ${figure} } p: accommodation(id: "ACC-POST") { occupancy(day: "${day}") ${figure} } }`,
    )
    expect(internal.errors).toBeUndefined()
    expect(internal.data.a.occupancy).toEqual({
      occupied: { value: 1000 },
      capacity: 200,
      free: 0,
      aboveCapacity: 800,
      rate: { value: 1 },
      overCapacity: true,
    })
    expect(internal.data.p.occupancy).toEqual({
      occupied: { value: 250 },
      capacity: 300,
      free: 50,
      aboveCapacity: 0,
      rate: { value: 0.8333 },
      overCapacity: false,
    })

    const status = `{ capacity occupied free aboveCapacity occupancyRate { value } }`
    const open = await anonymous(`{ asylumCapacity(day: "${day}") ${status} year(year: 2026) { asylumCapacity ${status} } }`)
    expect(open.errors).toBeUndefined()
    const district = await asylumStaff(
      `{ district(code: "05") { asylumCapacity(day: "${day}") { free aboveCapacity occupancyRate { value } monthsOfHeadroom } } }`,
    )
    expect(district.errors).toBeUndefined()
    for (const s of [open.data.asylumCapacity, open.data.year.asylumCapacity]) {
      expect(s.free).toBeGreaterThanOrEqual(0)
      expect(s.aboveCapacity).toBeGreaterThanOrEqual(800)
      expect(s.occupancyRate.value).toBeGreaterThanOrEqual(0)
      expect(s.occupancyRate.value).toBeLessThanOrEqual(1)
      // Per accommodation: beds in use + free = capacity, beds in use + above capacity = occupied.
      expect(s.capacity - s.free + s.aboveCapacity).toBe(s.occupied)
    }
    const d = district.data.district.asylumCapacity
    expect(d.free).toBeGreaterThanOrEqual(0)
    expect(d.aboveCapacity).toBeGreaterThanOrEqual(800)
    expect(d.occupancyRate.value).toBeLessThanOrEqual(1)
    if (d.monthsOfHeadroom !== null) expect(d.monthsOfHeadroom).toBeGreaterThanOrEqual(0)
  })

  it('refuses wrong types before anything runs', async () => {
    const res = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-types',
        rows: [{ accommodationId: 'ACC-POST', day: '2026-11-11', occupied: 'viel', recognisedResidents: 0, capacity: 1 }],
      },
    })
    expect(res.data ?? null).toBeNull()
    expect(codes(res)).toEqual(['BAD_USER_INPUT'])
    const date = await asylumStaff(OCCUPANCY, {
      input: {
        clientKey: 'occ-types',
        rows: [{ accommodationId: 'ACC-POST', day: '31.11.2026', occupied: 1, recognisedResidents: 0, capacity: 1 }],
      },
    })
    expect(codes(date)).toEqual(['BAD_USER_INPUT'])
    expect(await occupancyOn('2026-11-11')).toBe(0)
  })
})

describe('asylum allocations', () => {
  it('staff enter a month; the public sees the open aggregate of that month; a second entry of the month is a DUPLICATE_PERIOD', async () => {
    const rows = ['SYR', 'AFG', 'SYR', 'TUR'].map((country, i) => ({
      allocationDate: `2026-11-0${i + 2}`,
      route: 'ZUWEISUNG',
      ageAtAllocation: 20 + i,
      sex: i % 2 ? 'W' : 'M',
      countryOfOrigin: country,
      firstAccommodationId: 'ACC-ASTERNWEG',
    }))
    const res = await asylumStaff(ALLOCATIONS, { input: { clientKey: 'alloc-2026-11', rows } })
    expect(res.errors).toBeUndefined()
    expect(res.data.recordAsylumAllocations).toMatchObject({ dataset: 'asy.allocation', rowCount: 4, stichtag: '2026-11-05' })
    const november = (await anonymous('{ year(year: 2026) { allocations { period count { value status } } } }')).data.year.allocations.find(
      (b: { period: string }) => b.period === '2026-11',
    )
    // Each entered person got a random record key (column default); the public sees the month under the
    // Cell Key Method: 4 perturbed by at most ±2, the noise fixed by the keys of these four records.
    const keys = (
      await sql<{ rkey: string }>`select rkey::text from asy.allocation where allocation_date >= '2026-11-01'`.execute(handle.db)
    ).rows
    expect(keys).toHaveLength(4)
    const keySum = keys.reduce((s, r) => s + BigInt(r.rkey), 0n) % 2n ** 32n
    expect(november).toEqual({ period: '2026-11', count: { value: perturbCount(KL_CKM_2, 4, cellKeyOf(keySum)), status: 'PERTURBED' } })
    expect(Math.abs(november.count.value - 4)).toBeLessThanOrEqual(2)
    const again = await asylumStaff(ALLOCATIONS, { input: { clientKey: 'alloc-2026-11-b', rows: rows.slice(0, 1) } })
    expect(codes(again)).toEqual(['DUPLICATE_PERIOD'])
    expect(await count(sql<{ n: number }>`select count(*)::int as n from asy.allocation where allocation_date >= '2026-11-01'`)).toBe(4)
  })

  it('refuses unknown values, future dates and a closed first accommodation; nothing written', async () => {
    const res = await asylumStaff(ALLOCATIONS, {
      input: {
        clientKey: 'alloc-bad',
        rows: [
          { allocationDate: '2026-09-15', route: 'ZUWEISUNG', ageAtAllocation: 130, sex: 'X', countryOfOrigin: 'Syrien' },
          {
            allocationDate: '2099-01-01',
            route: 'SONSTIGE',
            ageAtAllocation: 3,
            sex: 'W',
            countryOfOrigin: 'UKR',
            firstAccommodationId: 'ACC-THW-HALLE',
          },
        ],
      },
    })
    expect(codes(res)).toEqual(['VALIDATION_FAILED'])
    expect(res.errors![0].extensions!.problems).toEqual([
      { row: 1, column: 'ageAtAllocation', reason: 'must be at most 110, got 130' },
      { row: 1, column: 'countryOfOrigin', reason: 'must look like an ISO 3166 alpha-3 code such as "SYR", got "Syrien"' },
      { row: 1, column: 'sex', reason: 'must be one of M, W, D, got "X"' },
      { row: 2, column: 'allocationDate', reason: 'must not be in the future (2099-01-01)' },
    ])
  })
})

describe('finance actuals and education pupils', () => {
  it('finance staff enter IST for a year without actuals; the open comparison shows it; errors name every bad cell', async () => {
    const leaf = (
      await sql<{
        code: string
      }>`select p.code from fin.product p where not exists (select 1 from fin.product c where c.parent_code = p.code) order by code limit 1`.execute(
        handle.db,
      )
    ).rows[0].code
    const parent = (await sql<{ code: string }>`select parent_code as code from fin.product where code = ${leaf}`.execute(handle.db))
      .rows[0].code
    const staff = as('staff', 'finance', 'fritz.fin')
    const bad = await staff(ACTUALS, {
      input: {
        clientKey: 'ist-bad',
        rows: [
          { year: 2026, productCode: parent, accountLine: 'E13', amount: 1 },
          { year: 2026, productCode: leaf, accountLine: 'E15', amount: 1.005 },
          { year: 2026, productCode: leaf, accountLine: 'E9', amount: 10 },
          { year: 2026, productCode: leaf, accountLine: 'E9', amount: 11 },
        ],
      },
    })
    expect(codes(bad)).toEqual(['VALIDATION_FAILED'])
    expect(bad.errors![0].extensions!.problems).toEqual([
      { row: 1, column: 'productCode', reason: `unknown leaf product (a product without sub-products) "${parent}"` },
      { row: 2, column: 'amount', reason: 'has more than two decimals (1.005)' },
      { row: 4, column: 'year', reason: 'repeats row 3 (same year, productCode, accountLine)' },
    ])
    const ist = async () => count(sql<{ n: number }>`select count(*)::int as n from fin.budget_value where version = 'IST' and year = 2026`)
    expect(await ist()).toBe(0)
    const res = await staff(ACTUALS, {
      input: {
        clientKey: 'ist-2026',
        department: 'finance',
        rows: [
          { year: 2026, productCode: leaf, accountLine: 'E9', amount: 1234567.5 },
          { year: 2026, productCode: leaf, accountLine: 'E10', amount: 1000 },
        ],
      },
    })
    expect(res.errors).toBeUndefined()
    expect(res.data.recordBudgetActuals).toMatchObject({ dataset: 'fin.actuals', rowCount: 2, stichtag: '2026-12-31' })
    expect(await ist()).toBe(2)
    const comparison = await anonymous(`{ product(code: "${leaf}") { comparison(year: 2026) { ist { amount } } } }`)
    expect(comparison.data.product.comparison.ist.amount).toBeCloseTo(1235567.5, 2)
    // The ANSATZ of the same cells exists too; only IST counts as the period.
    expect(
      codes(
        await staff(ACTUALS, {
          input: { clientKey: 'ist-2026-b', rows: [{ year: 2026, productCode: leaf, accountLine: 'E9', amount: 1 }] },
        }),
      ),
    ).toEqual(['DUPLICATE_PERIOD'])
  })

  it('education staff enter a school year of a school; the open pupil statistics show it', async () => {
    const school = (await sql<{ id: string }>`select id from edu.school order by id limit 1`.execute(handle.db)).rows[0].id
    const year = '2023/24'
    const staff = as('staff', 'education', 'erika.edu')
    const rows = [1, 2].flatMap(grade =>
      (['M', 'W'] as const).map(sex => ({ schoolId: school, schoolYear: year, grade, sex, nationalityGroup: 'DEU', pupils: 10 + grade })),
    )
    const res = await staff(PUPILS, { input: { clientKey: 'pupils-2023', rows } })
    expect(res.errors).toBeUndefined()
    expect(res.data.recordPupilCounts).toMatchObject({ dataset: 'edu.pupils', rowCount: 4 })
    // Anonymous callers see the Cell Key Method's perturbed count (±2; no foreign pupils entered: a true ZERO).
    const stats = await anonymous(
      `{ school(id: "${school}") { pupils(schoolYear: "${year}") { total { value status } nonGerman { value status } } } }`,
    )
    expect(stats.data.school.pupils.total.status).toBe('PERTURBED')
    expect(Math.abs(stats.data.school.pupils.total.value - 46)).toBeLessThanOrEqual(2)
    expect(stats.data.school.pupils.nonGerman).toEqual({ value: 0, status: 'ZERO' })
    // Entered rows draw their record keys from the column default (random, not the seed's deterministic ones).
    const keys = (
      await sql<{ rkey: string; grade: number; sex: string }>`select rkey::text as rkey, grade, sex from edu.school_year_stat
      where school_id = ${school} and school_year = ${year}`.execute(handle.db)
    ).rows
    expect(keys).toHaveLength(4)
    for (const k of keys) expect(Number(k.rkey)).not.toBe(seededRecordKey('edu.school_year_stat', school, year, k.grade, k.sex, 'DEU'))
    const bad = await staff(PUPILS, {
      input: {
        clientKey: 'pupils-bad',
        rows: [
          { schoolId: 'NO-SUCH-SCHOOL', schoolYear: '2023/25', grade: 14, sex: 'D', nationalityGroup: 'EU', pupils: 5 },
          { schoolId: school, schoolYear: year, grade: 3, sex: 'M', nationalityGroup: 'AUSL', pupils: 1 },
        ],
      },
    })
    expect(codes(bad)).toEqual(['VALIDATION_FAILED'])
    expect(bad.errors![0].extensions!.problems).toEqual([
      { row: 1, column: 'grade', reason: 'must be at most 13, got 14' },
      { row: 1, column: 'nationalityGroup', reason: 'must be one of DEU, AUSL, got "EU"' },
      { row: 1, column: 'sex', reason: 'must be one of M, W, got "D"' },
      { row: 2, column: 'schoolId', reason: `period already written (schoolId ${school}, schoolYear ${year}); a period is entered once` },
    ])
  })

  it('education: pupils only in grades the school type teaches (checked against the stored school), nothing written', async () => {
    const first = async (type: string) =>
      (await sql<{ id: string }>`select id from edu.school where school_type = ${type} order by id limit 1`.execute(handle.db)).rows[0].id
    const [gs, gym] = [await first('GS'), await first('GYM')]
    const year = '2025/26'
    const stat = async () =>
      count(
        sql<{
          n: number
        }>`select count(*)::int as n from edu.school_year_stat where school_year = ${year} and school_id = any(${[gs, gym]}::text[]) and grade in (2, 7)`,
      )
    const before = await stat()
    const res = await as(
      'staff',
      'education',
      'erika.edu',
    )(PUPILS, {
      input: {
        clientKey: 'pupils-grades',
        rows: [
          { schoolId: gs, schoolYear: year, grade: 7, sex: 'M', nationalityGroup: 'DEU', pupils: 20 },
          { schoolId: gym, schoolYear: year, grade: 2, sex: 'W', nationalityGroup: 'DEU', pupils: 20 },
        ],
      },
    })
    expect(codes(res)).toEqual(['VALIDATION_FAILED'])
    const rule = { rule: 'grade-taught-by-school-type', columns: ['grade', 'schoolId'] }
    expect(res.errors![0].extensions!.problems).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'grade', ...rule, reason: `grade 7 is not taught at school ${gs} (GS: grades 1–4)` },
        { row: 2, column: 'grade', ...rule, reason: `grade 2 is not taught at school ${gym} (GYM: grades 5–13)` },
      ]),
    )
    expect(await stat()).toBe(before)
  })
})

describe("only the department's own staff may write", () => {
  const cases: Array<[string, string, string, Record<string, unknown>]> = [
    [
      'recordAsylumOccupancy',
      OCCUPANCY,
      'asylum',
      { clientKey: 'x', rows: [{ accommodationId: 'ACC-POST', day: '2026-11-12', occupied: 1, recognisedResidents: 0, capacity: 300 }] },
    ],
    [
      'recordAsylumAllocations',
      ALLOCATIONS,
      'asylum',
      {
        clientKey: 'x',
        rows: [{ allocationDate: '2026-10-12', route: 'ZUWEISUNG', ageAtAllocation: 3, sex: 'M', countryOfOrigin: 'SYR' }],
      },
    ],
    [
      'recordBudgetActuals',
      ACTUALS,
      'finance',
      { clientKey: 'x', rows: [{ year: 2026, productCode: '1111', accountLine: 'E1', amount: 1 }] },
    ],
    [
      'recordPupilCounts',
      PUPILS,
      'education',
      { clientKey: 'x', rows: [{ schoolId: 'GS-01', schoolYear: '2022/23', grade: 1, sex: 'M', nationalityGroup: 'DEU', pupils: 1 }] },
    ],
  ]
  const outsiders: Array<[string, (q: string, v?: Record<string, unknown>) => ReturnType<typeof graphql>]> = [
    ['public (no token)', anonymous],
    ['committee', as('committee')],
    ['admin', as('admin')],
    ['leadership', as('leadership')],
    ['controlling', as('controlling', 'asylum')],
    ['statistics_office', as('statistics_office')],
    ['department_head of the department', as('department_head', 'asylum')],
  ]
  const writes = async () =>
    count(
      sql<{
        n: number
      }>`select ((select count(*) from asy.write_audit) + (select count(*) from fin.write_audit) + (select count(*) from edu.write_audit))::int as n`,
    )

  it.each(cases)(
    '%s: invisible to every other role (GRAPHQL_VALIDATION_FAILED), nothing written',
    async (_name, mutation, department, input) => {
      const before = await writes()
      const callers = [...outsiders, ['staff of another department', as('staff', department === 'asylum' ? 'finance' : 'asylum')] as const]
      for (const [who, call] of callers) {
        const res = await call(mutation, { input })
        expect(res.data ?? null, who).toBeNull()
        expect([...new Set(codes(res))], who).toEqual(['GRAPHQL_VALIDATION_FAILED'])
        if (who === 'department_head of the department')
          expect([...new Set(codes(await as('department_head', department)(mutation, { input })))], who).toEqual([
            'GRAPHQL_VALIDATION_FAILED',
          ])
      }
      expect(await writes()).toBe(before)
    },
  )

  it('staff setting another department is FORBIDDEN and nothing is written; createdBy is not an input (T25)', async () => {
    const before = await writes()
    const foreign = await asylumStaff(OCCUPANCY, { input: { ...cases[0][3], department: 'finance' } })
    expect(codes(foreign)).toEqual(['FORBIDDEN'])
    expect(foreign.data).toBeNull()
    const createdBy = await asylumStaff(OCCUPANCY, { input: { ...cases[0][3], createdBy: 'mallory' } })
    expect(codes(createdBy)).toEqual(['BAD_USER_INPUT'])
    const inline = await asylumStaff(
      'mutation { recordAsylumOccupancy(input: { clientKey: "y", createdBy: "mallory", rows: [] }) { rowCount } }',
    )
    expect(codes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(await writes()).toBe(before)
    expect(await occupancyOn('2026-11-12')).toBe(0)
  })
})
