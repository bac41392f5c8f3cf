import { sql } from 'kysely'
import { defineDataset, tableReference } from '../../lib/data-entry/define-dataset.js'
import type { NationalityGroup, Sex } from './db.js'
import { schoolStatStichtag } from './school-year.js'

export interface PupilRow extends Record<string, unknown> {
  schoolId: string
  schoolYear: string
  grade: number
  sex: Sex
  nationalityGroup: NationalityGroup
  pupils: number
}

/**
 * Grades a school type certainly teaches in Rhineland-Palatinate: a Grundschule 1–4; Realschule plus,
 * IGS and Gymnasium start at 5 (their upper end varies: Fachoberschule, Oberstufe, G8). Förderschulen
 * and berufsbildende Schulen span too many forms for a rule.
 */
const GRADE_SPAN: Readonly<Record<string, readonly [number, number]>> = { GS: [1, 4], RSPLUS: [5, 13], IGS: [5, 13], GYM: [5, 13] }

/**
 * The education department's data entry (lib/data-entry): pupils per school, school year, grade,
 * sex and nationality group, as the Schulstatistik reports them about four weeks into the school
 * year. A school's figures for a school year are entered once.
 */
export const datasets = {
  pupils: defineDataset<PupilRow>({
    department: 'education',
    schema: 'edu',
    id: 'edu.pupils',
    table: 'edu.school_year_stat',
    fields: {
      schoolId: {
        label: 'Schule',
        column: 'school_id',
        type: 'text',
        pgType: 'text',
        references: tableReference('school', 'edu.school', 'id'),
        aliases: ['Schule'],
      },
      schoolYear: {
        label: 'Schuljahr',
        column: 'school_year',
        type: 'text',
        pgType: 'text',
        pattern: { regex: /^\d{4}\/\d{2}$/, hint: 'a school year such as "2025/26"' },
        aliases: ['Schuljahr'],
      },
      grade: { label: 'Klassenstufe', column: 'grade', type: 'integer', pgType: 'smallint', min: 1, max: 13, aliases: ['Klassenstufe'] },
      sex: { label: 'Geschlecht', column: 'sex', type: 'enum', pgType: 'char(1)', values: ['M', 'W'], aliases: ['Geschlecht'] },
      nationalityGroup: {
        label: 'Staatsangehörigkeit',
        column: 'nationality_group',
        type: 'enum',
        pgType: 'text',
        values: ['DEU', 'AUSL'],
        aliases: ['Staatsangehörigkeit'],
      },
      pupils: {
        label: 'Schülerinnen und Schüler',
        unit: 'Personen',
        column: 'pupils',
        type: 'integer',
        pgType: 'int',
        min: 0,
        max: 2_000,
        aliases: ['Schüler', 'Anzahl'],
      },
    },
    key: ['schoolId', 'schoolYear', 'grade', 'sex', 'nationalityGroup'],
    period: { parts: ['schoolId', 'schoolYear'], stichtag: r => schoolStatStichtag(r.schoolYear) },
    check: r => {
      const start = Number(r.schoolYear.slice(0, 4))
      if (Number(r.schoolYear.slice(5)) !== (start + 1) % 100)
        return [{ column: 'schoolYear', reason: `must name two consecutive years, got ${JSON.stringify(r.schoolYear)}` }]
      if (start < 2000 || start > new Date().getUTCFullYear())
        return [{ column: 'schoolYear', reason: `must start between 2000 and this year, got ${r.schoolYear}` }]
      return []
    },
    storedRules: [
      {
        name: 'grade-taught-by-school-type',
        fields: ['grade', 'schoolId'],
        violations: async (db, rows) => {
          const { rows: schools } = await sql<{ id: string; school_type: string }>`select id, school_type from edu.school
          where id = any(${[...new Set(rows.map(r => r.values.schoolId))]}::text[])`.execute(db)
          const typeOf = new Map(schools.map(s => [s.id, s.school_type]))
          const problems = new Map<number, string>()
          for (const { row, values } of rows) {
            const type = typeOf.get(values.schoolId)
            const span = type ? GRADE_SPAN[type] : undefined
            if (span && (values.grade < span[0] || values.grade > span[1])) {
              problems.set(row, `grade ${values.grade} is not taught at school ${values.schoolId} (${type}: grades ${span[0]}–${span[1]})`)
            }
          }
          return problems
        },
      },
    ],
    invalidates: ['edu.pupils'],
  }),
}
