import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, DISTRICTS } from '../../platform/city.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })

const EXPENSE = `account_line in ('E9', 'E10', 'E11', 'E12', 'E13', 'E14')`
const INCOME = `account_line in ('E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7')`

/**
 * Expected figures come from SQL written independently of the subgraph: product codes of the demo
 * Produktrahmen are decimal prefixes of their descendants, so `like '313%'` selects a product's
 * leaves without the recursive descent the subgraph uses.
 */
async function sqlSum(where: string, params: unknown[]): Promise<number> {
  const { rows } = await db.query(`select coalesce(sum(amount), 0)::float8 as s from fin.budget_value where ${where}`, params)
  return rows[0].s
}

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['finance'])
  url = subgraphs.byName.get('finance')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

describe('finance subgraph', () => {
  it('compares plan and actual of a product group with SQL (313 Hilfen für Asylbewerber, 2022 and 2026)', async () => {
    const res = await graphql(
      url,
      `
        {
          product(code: "313") {
            name
            level
            parent {
              code
              parent {
                code
              }
            }
            y2022: comparison(year: 2022) {
              ansatz {
                amount
              }
              nachtrag {
                amount
              }
              fortgeschrieben {
                amount
              }
              ist {
                amount
              }
              prognose {
                amount
              }
              deviation {
                amount
              }
              deviationPct
              provenance {
                datasetId
                ownerDepartment
              }
            }
            y2026: comparison(year: 2026) {
              ansatz {
                amount
              }
              ist {
                amount
              }
              prognose {
                amount
              }
              deviation {
                amount
              }
              provenance {
                datasetId
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const p = res.data.product
    expect(p).toMatchObject({ name: 'Hilfen für Asylbewerber', level: 3, parent: { code: '31', parent: { code: '3' } } })
    const expense = (year: number, version: string) =>
      sqlSum(`product_code like '313%' and year = $1 and version = $2 and ${EXPENSE}`, [year, version])
    const [ansatz, nachtrag, fortgeschrieben, ist] = await Promise.all(
      ['ANSATZ', 'NACHTRAG', 'FORTGESCHRIEBEN', 'IST'].map(v => expense(2022, v)),
    )
    expect(p.y2022.ansatz.amount).toBeCloseTo(ansatz, 2)
    expect(p.y2022.nachtrag.amount).toBeCloseTo(nachtrag, 2)
    expect(p.y2022.fortgeschrieben.amount).toBeCloseTo(fortgeschrieben, 2)
    expect(p.y2022.ist.amount).toBeCloseTo(ist, 2)
    expect(p.y2022.prognose).toBeNull()
    // 2022 has a Nachtrag: the deviation is measured against it, not against the Ansatz.
    expect(p.y2022.deviation.amount).toBeCloseTo(ist - nachtrag, 2)
    expect(p.y2022.deviationPct).toBeCloseTo(((ist - nachtrag) / nachtrag) * 100, 2)
    expect(p.y2022.provenance).toEqual({ datasetId: 'fin.actuals', ownerDepartment: 'Referat Finanzen' })
    // 2026 has no Ist yet: the Prognose stands in.
    const [ansatz26, prognose26] = await Promise.all([expense(2026, 'ANSATZ'), expense(2026, 'PROGNOSE')])
    expect(p.y2026.ist).toBeNull()
    expect(p.y2026.prognose.amount).toBeCloseTo(prognose26, 2)
    expect(p.y2026.deviation.amount).toBeCloseTo(prognose26 - ansatz26, 2)
    expect(p.y2026.provenance.datasetId).toBe('fin.budget')
  })

  it('returns the IST series 2015–2025 of Soziales und Jugend as SQL sums them', async () => {
    const res = await graphql(
      url,
      `
        {
          product(code: "3") {
            name
            series(from: 2015, to: 2025) {
              year
              version
              ordinaryIncome {
                amount
              }
              ordinaryExpense {
                amount
              }
              ordinaryResult {
                amount
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const { rows } =
      await db.query(`select year, sum(amount) filter (where ${EXPENSE})::float8 as expense, sum(amount) filter (where ${INCOME})::float8 as income
      from fin.budget_value where product_code like '3%' and version = 'IST' and year between 2015 and 2025 group by year order by year`)
    const series = res.data.product.series
    expect(res.data.product.name).toBe('Soziales und Jugend')
    expect(series.map((r: { year: number }) => r.year)).toEqual(rows.map(r => r.year))
    expect(series).toHaveLength(11)
    series.forEach((r: any, i: number) => {
      expect(r.version).toBe('IST')
      expect(r.ordinaryExpense.amount).toBeCloseTo(rows[i].expense, 2)
      expect(r.ordinaryIncome.amount).toBeCloseTo(rows[i].income, 2)
      expect(r.ordinaryResult.amount).toBeCloseTo(rows[i].income - rows[i].expense, 2)
    })
    // Social and youth carry 45–50 % of the ordinary expense (docs/data-model.md).
    const total = await sqlSum(`year = 2025 and version = 'IST' and ${EXPENSE}`, [])
    expect(series[10].ordinaryExpense.amount / total).toBeGreaterThan(0.44)
  })

  it('sums every Haupt-Produktbereich over its leaves and the whole budget over the HPBs (invariant 5)', async () => {
    const res = await graphql(
      url,
      `
        {
          products(level: 1) {
            code
            result(year: 2024, version: IST) {
              ordinaryIncome {
                amount
              }
              ordinaryExpense {
                amount
              }
              lines {
                line
                name
                amount {
                  amount
                }
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const hpbs = res.data.products
    expect(hpbs.map((p: { code: string }) => p.code)).toEqual(['1', '2', '3', '4', '5', '6'])
    for (const p of hpbs) {
      const { rows } = await db.query(
        `select v.account_line, sum(v.amount)::float8 as amount from fin.budget_value v
        join fin.product p on p.code = v.product_code and p.level = 4
        where v.product_code like $1 and v.year = 2024 and v.version = 'IST' group by v.account_line`,
        [`${p.code}%`],
      )
      const byLine = new Map(rows.map(r => [r.account_line, r.amount]))
      for (const l of p.result.lines.filter((l: { line: string }) => byLine.has(l.line)))
        expect(l.amount.amount).toBeCloseTo(byLine.get(l.line)!, 2)
      const e15 = p.result.lines.find((l: { line: string }) => l.line === 'E15')
      expect(e15.amount.amount).toBeCloseTo(p.result.ordinaryExpense.amount, 2)
      expect(p.result.ordinaryExpense.amount).toBeCloseTo(
        rows.filter(r => /^E(9|1[0-4])$/.test(r.account_line)).reduce((s, r) => s + r.amount, 0),
        2,
      )
    }
    const year = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              year
              budget(version: IST) {
                ordinaryIncome {
                  amount
                }
                ordinaryExpense {
                  amount
                }
                investmentPayments {
                  amount
                }
                teilhaushalte {
                  code
                  ordinaryExpense {
                    amount
                  }
                }
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'Year', year: 2024 }] },
    )
    expect(year.errors).toBeUndefined()
    const budget = year.data._entities[0].budget
    const sumOf = (field: string) => hpbs.reduce((s: number, p: any) => s + p.result[field].amount, 0)
    expect(budget.ordinaryExpense.amount).toBeCloseTo(sumOf('ordinaryExpense'), 1)
    expect(budget.ordinaryIncome.amount).toBeCloseTo(sumOf('ordinaryIncome'), 1)
    expect(budget.teilhaushalte.reduce((s: number, t: any) => s + t.ordinaryExpense.amount, 0)).toBeCloseTo(
      budget.ordinaryExpense.amount,
      1,
    )
    const { rows: inv } = await db.query(`select sum(amount)::float8 as s from fin.investment_value where year = 2024 and version = 'IST'`)
    expect(budget.investmentPayments.amount).toBeCloseTo(inv[0].s, 2)
  })

  it('meets the 2025 draft anchors: ordinary expense ≈ 530 M€, result −53.6 M€', async () => {
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              budget {
                version
                ordinaryExpense {
                  amount
                }
                ordinaryResult {
                  amount
                }
              }
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Year', year: 2025 },
          { __typename: 'Year', year: 1990 },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    expect(res.data._entities[0].budget).toEqual({
      version: 'ANSATZ',
      ordinaryExpense: { amount: 530_000_000 },
      ordinaryResult: { amount: -53_600_000 },
    })
    expect(res.data._entities[1].budget).toBeNull()
  })

  it('computes per-capita figures from the residents the population subgraph supplies', async () => {
    const districts = DISTRICTS.map((d, i) => ({
      __typename: 'District',
      ags: CITY_AGS,
      code: d.code,
      residents: i === 0 ? 0 : d.population2025,
    }))
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              year
              expensePerCapita {
                amount
                status
              }
              plan: expensePerCapita(version: ANSATZ) {
                amount
              }
            }
            ... on District {
              code
              investmentPerCapita(from: 2020, to: 2025) {
                amount
                status
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'Year', year: 2024, residents: 100_000 }, { __typename: 'Year', year: 2026, residents: 102_000 }, ...districts] },
    )
    expect(res.errors).toBeUndefined()
    // Year budgets share one statement, district sums another.
    expect(subgraphs.statements().finance).toBe(2)
    const [y2024, y2026, ...perDistrict] = res.data._entities
    const ist2024 = await sqlSum(`year = 2024 and version = 'IST' and ${EXPENSE}`, [])
    expect(y2024.expensePerCapita.amount).toBeCloseTo(ist2024 / 100_000, 2)
    expect(y2026.expensePerCapita).toBeNull() // no Ist for 2026 yet
    expect(y2026.plan.amount).toBeCloseTo((await sqlSum(`year = 2026 and version = 'ANSATZ' and ${EXPENSE}`, [])) / 102_000, 2)
    const { rows } = await db.query(`select m.district_code, sum(v.amount)::float8 as s from fin.investment_measure m
      join fin.investment_value v on v.measure_id = m.id where v.version = 'ANSATZ' and v.year between 2020 and 2025 group by m.district_code`)
    const byDistrict = new Map(rows.map(r => [r.district_code, r.s]))
    expect(perDistrict[0].investmentPerCapita).toEqual({ amount: null, status: 'NOT_AVAILABLE' }) // zero residents
    DISTRICTS.slice(1).forEach((d, i) => {
      expect(perDistrict[i + 1].investmentPerCapita.amount).toBeCloseTo((byDistrict.get(d.code) ?? 0) / d.population2025, 2)
    })
  })

  it('lists the investments of all 18 districts without N+1 statements', async () => {
    const representations = DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code }))
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on District {
              code
              investments(from: 2024, to: 2026) {
                id
                category
                product {
                  code
                  name
                }
                district {
                  code
                }
                values(from: 2024, to: 2026) {
                  year
                  ansatz {
                    amount
                  }
                  ist {
                    amount
                  }
                }
              }
            }
          }
        }
      `,
      { r: representations },
    )
    expect(res.errors).toBeUndefined()
    // measures, their products, their yearly values: one statement each for all 18 districts.
    expect(subgraphs.statements().finance).toBe(3)
    const { rows } = await db.query(`select district_code, count(*)::int as n from fin.investment_measure
      where district_code is not null and start_year <= 2026 and end_year >= 2024 group by district_code`)
    const counts = new Map(rows.map(r => [r.district_code, r.n]))
    for (const d of res.data._entities) {
      expect(d.investments).toHaveLength(counts.get(d.code) ?? 0)
      for (const m of d.investments) expect(m.district.code).toBe(d.code)
    }
    expect(res.data._entities.reduce((s: number, d: any) => s + d.investments.length, 0)).toBeGreaterThan(10)
  })

  it('serves the LED programme and school renovations with their real anchors', async () => {
    const res = await graphql(
      url,
      `
        {
          led: investmentMeasures(category: "LED") {
            id
            name
            totalCost {
              amount
            }
            startYear
            endYear
            fundingShare
            fundingSource
            status
            product {
              code
              parent {
                code
              }
            }
            values {
              year
              ansatz {
                amount
              }
              ist {
                amount
              }
            }
          }
          schools: investmentMeasures(category: "SCHULE", districtCode: "01") {
            district {
              code
            }
            category
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.led.length).toBeGreaterThanOrEqual(8)
    const teil1 = res.data.led.find((m: { name: string }) => m.name === 'LED Hauptverkehrsstraßen Teil I')
    expect(teil1).toMatchObject({
      totalCost: { amount: 366_000 },
      startYear: 2018,
      endYear: 2019,
      fundingShare: 0.25,
      status: 'ABGESCHLOSSEN',
      product: { parent: { code: '541' } },
    })
    expect(teil1.values.map((v: { year: number }) => v.year)).toEqual([2018, 2019])
    expect(teil1.values.reduce((s: number, v: any) => s + v.ansatz.amount, 0)).toBeCloseTo(366_000, 0)
    const { rows } = await db.query(
      `select count(*)::int as n from fin.investment_measure where category = 'SCHULE' and district_code = '01'`,
    )
    expect(res.data.schools).toHaveLength(rows[0].n)
    expect(rows[0].n).toBeGreaterThan(0)
  })

  it('answers unknown keys with null and malformed arguments with BAD_USER_INPUT', async () => {
    const unknown = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          product(code: "999") {
            name
          }
          investmentMeasure(id: "9.999999") {
            name
          }
          _entities(representations: $r) {
            ... on Product {
              code
              name
            }
            ... on InvestmentMeasure {
              id
              name
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Product', code: '4242' },
          { __typename: 'Product', code: '77' },
          { __typename: 'InvestmentMeasure', id: '7.541001' },
          { __typename: 'InvestmentMeasure', id: 'x' },
        ],
      },
    )
    expect(unknown.errors).toBeUndefined()
    expect(unknown.data.product).toBeNull()
    expect(unknown.data.investmentMeasure).toBeNull()
    expect(unknown.data._entities).toEqual([
      { code: '4242', name: 'Bäder' },
      null,
      { id: '7.541001', name: 'LED Hauptverkehrsstraßen Teil I' },
      null,
    ])

    const cases: Array<[string, Record<string, unknown> | undefined, RegExp]> = [
      ['{ product(code: "3") { result(year: 1700) { year } } }', undefined, /"year" must be a year between/],
      ['{ product(code: "3") { series(from: 2025, to: 2015) { year } } }', undefined, /"from" \(2025\) must not be after "to" \(2015\)/],
      ['query ($v: BudgetVersion!) { product(code: "3") { result(year: 2024, version: $v) { year } } }', { v: 'SOLL' }, /BudgetVersion/],
      ['{ investmentMeasures(category: "BRUECKE") { id } }', undefined, /"category" must be one of SCHULE/],
      ['{ investmentMeasures(districtCode: "1") { id } }', undefined, /two-digit district number/],
      ['{ product(code: "3; drop table fin.product") { name } }', undefined, /product code/],
      ['{ products(level: 7) { code } }', undefined, /"level" must be 1, 2, 3 or 4/],
    ]
    for (const [query, variables, message] of cases) {
      const res = await graphql(url, query, variables)
      expect(res.errors?.[0].extensions?.code, query).toBe('BAD_USER_INPUT')
      expect(res.errors?.[0].message).toMatch(message)
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
    }
  })

  it('navigates the Produktrahmen and its Teilhaushalte', async () => {
    const res = await graphql(
      url,
      `
        {
          teilhaushalte {
            code
            name
            responsibleDepartment
          }
          soziales: products(teilhaushalt: "5", level: 3) {
            code
            name
          }
          egh: product(code: "316") {
            name
            teilhaushalt {
              code
            }
            children {
              code
              level
            }
            parent {
              code
              name
            }
            result(year: 2025) {
              lines {
                line
              }
              provenance {
                datasetId
              }
            }
            noValues: result(year: 2031) {
              year
            }
          }
          schools: product(code: "21") {
            children {
              code
            }
            investments(year: 2025) {
              id
              category
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const { rows: ths } = await db.query('select code from fin.teilhaushalt order by code::int')
    expect(res.data.teilhaushalte.map((t: { code: string }) => t.code)).toEqual(ths.map(t => t.code))
    expect(res.data.teilhaushalte.at(-1)).toMatchObject({
      code: '10',
      name: 'Zentrale Finanzdienstleistungen',
      responsibleDepartment: 'Referat Finanzen',
    })
    expect(res.data.soziales.map((p: { code: string }) => p.code)).toEqual(['311', '312', '313', '316'])
    expect(res.data.egh.name).toMatch(/Eingliederungshilfe/)
    expect(res.data.egh.children.every((c: { level: number }) => c.level === 4)).toBe(true)
    expect(res.data.egh.result.lines.map((l: { line: string }) => l.line)).toEqual(expect.arrayContaining(['E13', 'E8', 'E15', 'E16']))
    expect(res.data.egh.noValues).toBeNull()
    expect(res.data.schools.children.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['211', '217', '218']))
    const { rows } = await db.query(
      `select count(*)::int as n from fin.investment_measure where product_code like '21%' and start_year <= 2025 and end_year >= 2025`,
    )
    expect(res.data.schools.investments).toHaveLength(rows[0].n)
  })
})
