import { describe, expect, it } from 'vitest'
import { loadServices } from '../service/discover-services.js'
import { loadDatasets } from '../service/load-datasets.js'
import { describeDatasets } from './describe-dataset.js'

// Every department's declared datasets against its own schema: each has its mutation, and every
// field a German label; a declaration that drifts from its row input type fails here (and at start).
describe('forms of every declared dataset', async () => {
  const services = await loadServices(undefined, null)
  const withDatasets = (await Promise.all(services.map(async s => ({ def: s, datasets: await loadDatasets(s.name) })))).filter(
    s => Object.keys(s.datasets).length > 0,
  )

  it('finds the departments that declare datasets', () => {
    expect(withDatasets.map(s => s.def.name).sort()).toEqual(['asylum', 'education', 'finance', 'infrastructure', 'social'])
  })

  it.each(withDatasets.map(s => [s.def.name, s] as const))(
    '%s: a mutation per dataset, a label for every field',
    (_, { def, datasets }) => {
      const forms = describeDatasets(def.typeDefs, datasets)
      for (const [name, form] of forms) {
        expect(form.name).toBe(name)
        expect(form.mutation.field).toMatch(/^record[A-Z]/)
        expect(form.fields.map(f => f.name)).toEqual(Object.keys(datasets[name].fields))
        for (const f of form.fields) {
          expect(f.label, `${form.id}.${f.name}`).not.toBe(f.name)
          if (f.type === 'enum') expect(f.allowed?.length, `${form.id}.${f.name}`).toBeGreaterThan(0)
        }
      }
    },
  )

  it('refuses a declaration whose fields match no mutation', () => {
    const { def, datasets } = withDatasets.find(s => s.def.name === 'asylum')!
    const drifted = { occupancy: { ...datasets.occupancy, fields: { ...datasets.occupancy.fields, extra: datasets.occupancy.fields.day } } }
    expect(() => describeDatasets(def.typeDefs, drifted)).toThrow(/no Mutation field takes input/)
  })
})
