import { execFile } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { once } from 'node:events'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../platform/db/create-db.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { createDatabase } from '../test/helpers/test-database.js'

// `npm run import` as a user runs it: the script in its own process against a real database (a
// tiny city of its own), with files as office software writes them.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let dir: string

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_import')
  handle = createDb(database.url, { max: 2 })
  await prepareDatabase(
    handle.db,
    (await loadServices()).filter(s => ['asylum', 'finance', 'education', 'infrastructure'].includes(s.name)),
    'tiny',
  )
  dir = mkdtempSync(join(tmpdir(), 'stadtgraph-import-'))
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function runImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runImportWith({}, ...args)
}
function runImportWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    )
  })
}
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
const n = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(handle.db)).rows[0].n)
const occupancyOn = (day: string) => n(sql<{ n: number }>`select count(*)::int as n from asy.occupancy where day = ${day}::date`)
const allocationsIn = (month: string) =>
  n(sql<{ n: number }>`select count(*)::int as n from asy.allocation where to_char(allocation_date, 'YYYY-MM') = ${month}`)

// Each run starts a Node process with tsx (seconds on a busy machine).
describe('npm run import', { timeout: 120_000 }, () => {
  it('refuses a DB_PREPARED_STATEMENTS that is neither on nor off with one line, before opening the database', async () => {
    const res = await runImportWith({ DB_PREPARED_STATEMENTS: 'maybe' }, 'asylum', 'occupancy', 'docs/samples/asylum-occupancy.csv')
    expect(res.code).toBe(2)
    expect(res.stderr).toBe('DB_PREPARED_STATEMENTS must be on or off, got "maybe"\n')
  })

  it('imports the German sample (BOM, ;, quotes, DD.MM.YYYY, CRLF) attributed to --by and audited as an import', async () => {
    const res = await runImport('asylum', 'occupancy', 'docs/samples/asylum-occupancy.csv', '--by', 'sachbearbeitung.asyl')
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(
      /^asy\.occupancy: 3 rows written by sachbearbeitung\.asyl \(separator ";", decimal comma\); Stichtag 2026-11-25, audit #\d+/,
    )
    expect(
      (
        await sql`select accommodation_id, occupied, of_which_recognised, capacity from asy.occupancy where day = '2026-11-25' order by 1`.execute(
          handle.db,
        )
      ).rows,
    ).toEqual([
      { accommodation_id: 'ACC-ASTERNWEG', occupied: 182, of_which_recognised: 12, capacity: 200 },
      { accommodation_id: 'ACC-HOTEL-ZEPP', occupied: 64, of_which_recognised: 5, capacity: 80 },
      { accommodation_id: 'ACC-POST', occupied: 251, of_which_recognised: 31, capacity: 300 },
    ])
    const audit = (await sql<Record<string, unknown>>`select * from asy.write_audit order by id desc limit 1`.execute(handle.db)).rows[0]
    expect(audit).toMatchObject({
      dataset: 'asy.occupancy',
      subject: 'sachbearbeitung.asyl',
      roles: [],
      department: 'asylum',
      via: 'import',
      row_count: 3,
      stichtag: '2026-11-25',
    })
    // The same file again: its periods are written.
    const again = await runImport('asylum', 'occupancy', 'docs/samples/asylum-occupancy.csv')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('line 2, column accommodationId: period already written')
  })

  it('reads German amounts in a ;-file and plain ones in a ,-file', async () => {
    const german = await runImport('finance', 'actuals', 'docs/samples/finance-actuals.csv', '--by', 'kaemmerei')
    expect(german.stderr).toBe('')
    const plain = await runImport('finance', 'actuals', file('ist.csv', 'year,productCode,accountLine,amount\n2026,1151,E9,1234.5\n'))
    expect(plain.stdout).toContain('separator ",", decimal point')
    expect(
      (
        await sql`select product_code, account_line, amount from fin.budget_value where version = 'IST' and year = 2026 order by 1, 2`.execute(
          handle.db,
        )
      ).rows,
    ).toEqual([
      { product_code: '1111', account_line: 'E10', amount: 98000 },
      { product_code: '1111', account_line: 'E9', amount: 1234567.5 },
      { product_code: '1141', account_line: 'E13', amount: 2500000 },
      { product_code: '1151', account_line: 'E9', amount: 1234.5 },
    ])
  })

  it('reports every rejected row with line, column and reason, and writes nothing', async () => {
    const csv = file(
      'bad.csv',
      [
        'accommodationId;day;occupied;recognisedResidents;capacity',
        'ACC-ASTERNWEG;2026-11-03;100;1;200',
        'ACC-NOWHERE;03.11.2026;1;0;1',
        'ACC-POST;03.11.2026;viele;0;300',
        'ACC-HOTEL-ZEPP;31.11.2026;1;0;80',
        'ACC-COLOSSEUM;03.11.2026;1;0',
        'ACC-POST;2026-11-03;10;20;99999',
        'ACC-ASTERNWEG;3.11.2026;1;0;200',
      ].join('\n'),
    )
    const res = await runImport('asylum', 'occupancy', csv)
    expect(res.code).toBe(1)
    expect(res.stdout).toBe('')
    expect(res.stderr.split('\n').filter(Boolean)).toEqual([
      'asy.occupancy: 6 problems in 6 rows; nothing was written',
      '  line 3, column accommodationId: unknown accommodation "ACC-NOWHERE"',
      '  line 4, column occupied: is not a number: "viele" (German notation: 1.234,5)',
      '  line 5, column day: is not a calendar date: "31.11.2026"',
      '  line 6: has 4 fields, the header has 5',
      '  line 7, column capacity: must be at most 5000, got 99999',
      '  line 8, column accommodationId: repeats row 2 (same accommodationId, day)',
    ])
    expect(await occupancyOn('2026-11-03')).toBe(0)
  })

  it('refuses rows that break a plausibility rule with line, column and rule, by the same rules as the mutation; nothing written', async () => {
    const csv = file(
      'implausible.csv',
      [
        'Unterkunft;Stichtag;Belegt;Fehlbeleger;Plätze;Überbelegung',
        'ACC-ASTERNWEG;06.11.2026;1000;12;200;',
        'ACC-POST;06.11.2026;250;260;300;nein',
        'ACC-HOTEL-ZEPP;06.11.2026;50;0;80;ja',
        'ACC-ZOAR;06.11.2026;150;0;150;vielleicht',
      ].join('\r\n'),
    )
    const res = await runImport('asylum', 'occupancy', csv)
    expect(res.code).toBe(1)
    expect(res.stderr.split('\n').filter(Boolean)).toEqual([
      'asy.occupancy: 4 problems in 4 rows; nothing was written',
      '  line 2, column occupied (rule occupied-within-capacity: occupied, capacity, overCapacity): occupied exceeds capacity (1000 > 200); set overCapacity to record it on purpose',
      '  line 3, column recognisedResidents (rule recognised-within-occupied: recognisedResidents, occupied): must not exceed occupied (260 > 250)',
      '  line 4, column overCapacity (rule occupied-within-capacity: occupied, capacity, overCapacity): acknowledges a breach of occupied-within-capacity, but the row keeps the rule; leave it out or false',
      '  line 5, column overCapacity: must be yes or no (true/false, ja/nein, 1/0), got "vielleicht"',
    ])
    expect(await occupancyOn('2026-11-06')).toBe(0)

    const school = (await sql<{ id: string }>`select id from edu.school where school_type = 'GS' order by id limit 1`.execute(handle.db))
      .rows[0].id
    const pupils = await runImport(
      'education',
      'pupils',
      file('pupils.csv', `Schule;Schuljahr;Klassenstufe;Geschlecht;Staatsangehörigkeit;Anzahl\n${school};2025/26;8;W;DEU;21\n`),
    )
    expect(pupils.code).toBe(1)
    expect(pupils.stderr).toContain(
      `  line 2, column grade (rule grade-taught-by-school-type: grade, schoolId): grade 8 is not taught at school ${school} (GS: grades 1–4)`,
    )
    const light = (
      await sql<{ id: string; lamp_type: string; watt: number }>`select id, lamp_type, watt from infra.street_light
      where converted_to_led is null and lamp_type = 'HQL' order by id limit 1`.execute(handle.db)
    ).rows[0]
    const led = await runImport(
      'infrastructure',
      'ledConversions',
      file('led.csv', `lightId,convertedOn,ledWatt\n${light.id},2026-10-01,${light.watt + 10}\n`),
    )
    expect(led.code).toBe(1)
    expect(led.stderr).toContain(
      `  line 2, column ledWatt (rule led-watt-not-above-replaced-lamp: ledWatt, lightId): LED of ${light.watt + 10} W draws more than the replaced HQL lamp (${light.watt} W)`,
    )
    expect(await n(sql<{ n: number }>`select count(*)::int as n from infra.led_conversion`)).toBe(0)
  })

  it('writes an over-occupancy acknowledged in the file: stored with the row, counted in the write audit of the import', async () => {
    const res = await runImport(
      'asylum',
      'occupancy',
      file(
        'overflow.csv',
        'Unterkunft;Stichtag;Belegt;Fehlbeleger;Plätze;Überbelegung\nACC-VOGELWOOG;07.11.2026;97;0;85;ja\nACC-ZOAR;07.11.2026;140;20;150;\n',
      ),
      '--by',
      'sachbearbeitung.asyl',
    )
    expect(res.stderr).toBe('')
    expect(res.stdout).toMatch(
      /^asy\.occupancy: 2 rows written by sachbearbeitung\.asyl .*; 1 row breaking occupied-within-capacity on purpose/,
    )
    expect(
      (
        await sql`select accommodation_id, occupied, capacity, over_capacity from asy.occupancy where day = '2026-11-07' order by 1`.execute(
          handle.db,
        )
      ).rows,
    ).toEqual([
      { accommodation_id: 'ACC-VOGELWOOG', occupied: 97, capacity: 85, over_capacity: true },
      { accommodation_id: 'ACC-ZOAR', occupied: 140, capacity: 150, over_capacity: false },
    ])
    const audit = (await sql<Record<string, unknown>>`select * from asy.write_audit order by id desc limit 1`.execute(handle.db)).rows[0]
    expect(audit).toMatchObject({
      dataset: 'asy.occupancy',
      subject: 'sachbearbeitung.asyl',
      via: 'import',
      row_count: 2,
      acknowledged: { 'occupied-within-capacity': 1 },
    })
  })

  it('refuses broken CSV, a header that does not fit, and a dry run writes nothing', async () => {
    const broken = await runImport(
      'asylum',
      'occupancy',
      file(
        'broken.csv',
        'accommodationId;day;occupied;recognisedResidents;capacity\nACC-POST;2026-11-04;1;0;300\n"ACC-POST;2026-11-05;1;0;300\n',
      ),
    )
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('broken CSV, line 3: quoted field starting on line 3 is never closed; nothing was written')
    const header = await runImport('asylum', 'occupancy', file('header.csv', 'Unterkunft;Tag;Belegt;Plätze\nACC-POST;2026-11-04;1;300\n'))
    expect(header.code).toBe(1)
    expect(header.stderr).toContain('line 1, column Tag: is not a column of asy.occupancy')
    expect(header.stderr).toContain('line 1, column day: is missing from the header')
    expect(header.stderr).toContain('line 1, column recognisedResidents: is missing from the header')
    const dry = await runImport(
      'asylum',
      'occupancy',
      file('dry.csv', 'accommodationId,day,occupied,recognisedResidents,capacity\nACC-POST,2026-11-04,1,0,300\n'),
      '--dry-run',
    )
    expect(dry.stdout).toContain('1 rows valid')
    expect(dry.stdout).toContain('dry run, nothing written')
    expect(await occupancyOn('2026-11-04')).toBe(0)
    // With a client key, the same file twice is one import.
    const keyed = file('keyed.csv', 'accommodationId,day,occupied,recognisedResidents,capacity\nACC-POST,2026-11-04,1,0,300\n')
    expect((await runImport('asylum', 'occupancy', keyed, '--key', 'upload-17')).code).toBe(0)
    const replay = await runImport('asylum', 'occupancy', keyed, '--key', 'upload-17')
    expect(replay.stdout).toContain('was imported before with the same file')
    expect(await occupancyOn('2026-11-04')).toBe(1)
  })

  it('explains usage mistakes (exit 2)', async () => {
    expect((await runImport('asylum', 'occupancy')).stderr).toContain('usage: npm run import')
    expect((await runImport('parks', 'trees', 'x.csv')).stderr).toContain('no department "parks"')
    expect((await runImport('asylum', 'beds', 'x.csv')).stderr).toContain('has no dataset "beds"; it has: allocations, occupancy')
    // A name of Object.prototype is not a dataset either (it used to reach the import as one and crash).
    expect(await runImport('asylum', 'constructor', 'x.csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('has no dataset "constructor"'),
    })
    const missing = await runImport('asylum', 'occupancy', join(dir, 'nope.csv'))
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') })
  })

  it(
    'streams a generated 100 000-row file: all written in one transaction, or nothing when one row late in the file is bad',
    { timeout: 180_000 },
    async () => {
      const ROWS = 100_000
      const generate = async (name: string, badLine: number | null) => {
        const path = join(dir, name)
        const out = createWriteStream(path)
        out.write('allocationDate;route;ageAtAllocation;sex;countryOfOrigin;religion;firstAccommodationId\n')
        const countries = ['SYR', 'AFG', 'TUR', 'IRQ', 'ERI']
        for (let i = 0; i < ROWS; i++) {
          const line = i + 2
          const day = String(1 + (i % 28)).padStart(2, '0')
          const age = line === badLine ? 'alt' : String(i % 90)
          if (!out.write(`${day}.05.2023;ZUWEISUNG;${age};${i % 2 ? 'W' : 'M'};${countries[i % 5]};;ACC-ASTERNWEG\n`))
            await once(out, 'drain')
        }
        out.end()
        await once(out, 'finish')
        return path
      }
      expect(await allocationsIn('2023-05')).toBe(0)
      const bad = await runImport('asylum', 'allocations', await generate('bad-100k.csv', ROWS), '--by', 'bulk')
      expect(bad.code).toBe(1)
      expect(bad.stderr.split('\n').filter(Boolean)).toEqual([
        'asy.allocation: 1 problem in 1 row; nothing was written',
        `  line ${ROWS}, column ageAtAllocation: is not a number: "alt" (German notation: 1.234,5)`,
      ])
      expect(await allocationsIn('2023-05')).toBe(0)
      const good = await runImport('asylum', 'allocations', await generate('good-100k.csv', null), '--by', 'bulk')
      expect(good.stderr).toBe('')
      expect(good.stdout).toMatch(/^asy\.allocation: 100000 rows written by bulk/)
      expect(await allocationsIn('2023-05')).toBe(ROWS)
      expect(await n(sql<{ n: number }>`select count(distinct id)::int as n from asy.allocation`)).toBe(
        await n(sql<{ n: number }>`select count(*)::int as n from asy.allocation`),
      )
    },
  )
})
