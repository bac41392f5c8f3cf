import { sql } from 'kysely'
import { defineDataset, tableReference, type Problem } from '../../lib/data-entry/define-dataset.js'

/** Discharge lamps an LED conversion replaces, each drawing more than its LED successor. */
const REPLACED_LAMPS = ['HQL', 'NAV', 'KOFFER_HQL'] as const

export type LedConversion = { lightId: string; convertedOn: string; ledWatt: number; measureId: string | null }

/** What the street-lighting department keeps current by data entry (mutation or `npm run import -- infrastructure <dataset> <file>`). */
export const datasets = {
  /**
   * Lights converted to LED: each light once. Applied to the register and the district energy in the same
   * transaction (infra.apply_led_conversion), so the lighting summaries show the conversion at once.
   */
  ledConversions: defineDataset<LedConversion>({
    department: 'infrastructure',
    schema: 'infra',
    id: 'infra.street_light',
    table: 'infra.led_conversion',
    fields: {
      lightId: {
        label: 'Leuchten-Nr.',
        column: 'light_id',
        type: 'text',
        pgType: 'text',
        pattern: { regex: /^SL-\d{2}-\d{5}$/, hint: 'SL-01-00001' },
        references: tableReference('street light', 'infra.street_light', 'id'),
        aliases: ['Leuchte', 'Leuchten-Nr'],
      },
      convertedOn: {
        label: 'Umrüstungsdatum',
        column: 'converted_on',
        type: 'date',
        pgType: 'date',
        min: '2010-01-01',
        aliases: ['Umrüstung', 'Datum'],
      },
      ledWatt: {
        label: 'LED-Leistung',
        unit: 'Watt',
        column: 'led_watt',
        type: 'integer',
        pgType: 'smallint',
        min: 5,
        max: 400,
        aliases: ['Leistung', 'Watt'],
      },
      measureId: {
        label: 'Investitionsmaßnahme',
        column: 'measure_id',
        type: 'text',
        pgType: 'text',
        required: false,
        pattern: { regex: /^\d+\.\d+$/, hint: '7.541008' },
        references: tableReference('LED investment measure', 'infra.led_measure', 'id'),
        aliases: ['Maßnahme', 'Investitionsnummer'],
      },
    },
    key: ['lightId'],
    period: { parts: ['lightId'], stichtag: r => r.convertedOn },
    check: r =>
      r.convertedOn > new Date().toISOString().slice(0, 10)
        ? [{ column: 'convertedOn', reason: `lies in the future (${r.convertedOn})` }]
        : [],
    checkRows: async (db, rows) => {
      const { rows: lights } = await sql<{ id: string; lamp_type: string; installed: string; converted: string | null }>`
        select id, lamp_type, installed::text as installed, converted_to_led::text as converted from infra.street_light
        where id = any(${rows.map(r => r.values.lightId)}::text[])`.execute(db)
      const byId = new Map(lights.map(l => [l.id, l]))
      const problems: Problem[] = []
      for (const { row, values } of rows) {
        const light = byId.get(values.lightId)
        if (!light) continue // reported as an unknown street light
        if (light.converted) problems.push({ row, column: 'lightId', reason: `is LED already (converted on ${light.converted})` })
        else if (light.lamp_type === 'LED')
          problems.push({ row, column: 'lightId', reason: `is LED already (installed as LED on ${light.installed})` })
        else if (values.convertedOn < light.installed)
          problems.push({ row, column: 'convertedOn', reason: `is before the light was installed (${light.installed})` })
      }
      return problems
    },
    // An LED replaces a discharge lamp at lower power (LED 20–40 W against HQL 125–190 W, NAV 70–150 W);
    // more watts would turn the measure's saving negative. Lamps of type OTHER are of unknown power.
    storedRules: [
      {
        name: 'led-watt-not-above-replaced-lamp',
        fields: ['ledWatt', 'lightId'],
        violations: async (db, rows) => {
          const { rows: lights } = await sql<{
            id: string
            lamp_type: string
            watt: number
          }>`select id, lamp_type, watt from infra.street_light
          where id = any(${rows.map(r => r.values.lightId)}::text[]) and converted_to_led is null and lamp_type = any(${[...REPLACED_LAMPS]}::text[])`.execute(
            db,
          )
          const byId = new Map(lights.map(l => [l.id, l]))
          const problems = new Map<number, string>()
          for (const { row, values } of rows) {
            const light = byId.get(values.lightId)
            if (light && values.ledWatt > light.watt)
              problems.set(row, `LED of ${values.ledWatt} W draws more than the replaced ${light.lamp_type} lamp (${light.watt} W)`)
          }
          return problems
        },
      },
    ],
    invalidates: ['infra.street_light', 'infra.energy'],
  }),
}
