import { describe, expect, it } from 'vitest'
import { ageAt, generateMicrodata, nationalityGroup, type PersonYearColumns } from './micro-generator.js'
import { generateStock, type StockRow } from './stock-generator.js'

// The `large` microdata at reduced scale: three years of three districts (≈ 8k persons a year). The real
// profile runs the same function over all 18 districts and 12 years.
const DISTRICTS = new Set(['07', '11', '14'])
const stock = generateStock([2021, 2022, 2023])
const main = stock.main.filter(r => DISTRICTS.has(r.district_code))
const secondary = stock.secondary.filter(r => DISTRICTS.has(r.district_code))
const micro = generateMicrodata(main, secondary)
const rows = micro.person_pid.length

const cellKey = (stichtag: string, district: string, age: number, sex: string, group: string) =>
  `${stichtag}|${district}|${age}|${sex}|${group}`

function aggregate(m: PersonYearColumns, mainOnly: boolean): Map<string, number> {
  const cells = new Map<string, number>()
  for (let i = 0; i < m.person_pid.length; i++) {
    if (mainOnly && !m.main_residence[i]) continue
    const k = cellKey(
      m.stichtag[i],
      m.district_code[i],
      ageAt(Number(m.stichtag[i].slice(0, 4)), m.birth_year[i]),
      m.sex[i],
      nationalityGroup(m.nationality[i]),
    )
    cells.set(k, (cells.get(k) ?? 0) + 1)
  }
  return cells
}

function cellsOf(...lists: StockRow[][]): Map<string, number> {
  const cells = new Map<string, number>()
  for (const r of lists.flat()) {
    const k = cellKey(r.stichtag, r.district_code, r.age, r.sex, r.nationality_group)
    cells.set(k, (cells.get(k) ?? 0) + r.n)
  }
  return cells
}

describe('population microdata generator (large profile, reduced scale)', () => {
  it('aggregates to the stock cells exactly: main residents = REGISTER_MAIN, all rows = REGISTER_ALL', () => {
    expect(rows).toBeGreaterThan(20_000)
    expect(aggregate(micro, true)).toEqual(cellsOf(main))
    expect(aggregate(micro, false)).toEqual(cellsOf(main, secondary))
  })

  it('has one row per person and Stichtag, and a person keeps birth year and sex over the years', () => {
    const seen = new Set<string>()
    const persons = new Map<number, string>()
    const problems: string[] = []
    for (let i = 0; i < rows; i++) {
      const key = `${micro.person_pid[i]}|${micro.stichtag[i]}`
      if (seen.has(key)) problems.push(`duplicate ${key}`)
      seen.add(key)
      const fixed = `${micro.birth_year[i]}|${micro.sex[i]}`
      if ((persons.get(micro.person_pid[i]) ?? fixed) !== fixed) problems.push(`${micro.person_pid[i]} changes birth year or sex`)
      persons.set(micro.person_pid[i], fixed)
    }
    expect(problems.slice(0, 5)).toEqual([])
    // Most persons are still there a year later (churn ≈ exits + cell changes), yet some new ones come.
    const perYear = rows / 3
    expect(persons.size).toBeGreaterThan(perYear * 1.1)
    expect(persons.size).toBeLessThan(perYear * 2)
  })

  it('fills columns the way the table constrains them', () => {
    const problems: string[] = []
    for (let i = 0; i < rows; i++) {
      const year = Number(micro.stichtag[i].slice(0, 4))
      if (!/^[A-Z]{3}$/.test(micro.nationality[i])) problems.push(`nationality ${micro.nationality[i]}`)
      if (micro.second_nationality[i] === micro.nationality[i]) problems.push(`second nationality = first at row ${i}`)
      const naturalised = micro.naturalised_year[i]
      if (naturalised !== null && (micro.nationality[i] !== 'DEU' || naturalised > year || naturalised <= micro.birth_year[i])) {
        problems.push(`naturalised ${naturalised}, born ${micro.birth_year[i]}, ${micro.nationality[i]} at ${year}`)
      }
    }
    expect(problems.slice(0, 5)).toEqual([])
    expect(micro.main_residence.filter(x => !x).length).toBe(secondary.reduce((s, r) => s + r.n, 0))
  })

  it('is deterministic', () => {
    const again = generateMicrodata(main, secondary)
    expect(again.person_pid).toEqual(micro.person_pid)
    expect(again.nationality).toEqual(micro.nationality)
    expect(again.district_code).toEqual(micro.district_code)
    expect(again.rkey).toEqual(micro.rkey)
  })

  it('gives every person-year a record key in [0, 2³²), the same for the same record and spread over the range', () => {
    expect(micro.rkey).toHaveLength(rows)
    expect(micro.rkey.every(k => Number.isInteger(k) && k >= 0 && k < 2 ** 32)).toBe(true)
    // Keys are uniform: the mean sits near 2³¹ and collisions are rare.
    const mean = micro.rkey.reduce((a, k) => a + k, 0) / rows
    expect(Math.abs(mean / 2 ** 31 - 1)).toBeLessThan(0.02)
    expect(new Set(micro.rkey).size).toBeGreaterThan(rows * 0.999)
    // A key depends on the record's identity (pseudonym and Stichtag), not on its position in the run.
    const fewer = generateMicrodata(
      main.filter(r => r.district_code === '07'),
      secondary.filter(r => r.district_code === '07'),
    )
    const byRecord = new Map(micro.person_pid.map((pid, i) => [`${pid}|${micro.stichtag[i]}`, micro.rkey[i]]))
    let same = 0
    fewer.person_pid.forEach((pid, i) => {
      if (byRecord.has(`${pid}|${fewer.stichtag[i]}`)) {
        expect(byRecord.get(`${pid}|${fewer.stichtag[i]}`)).toBe(fewer.rkey[i])
        same++
      }
    })
    expect(same).toBeGreaterThan(0)
  })
})
