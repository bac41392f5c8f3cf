import pg from 'pg'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { startCity, type RunningCity } from './start-city.js'

/**
 * For test files that ask the city's cross-department questions: one city behind a gateway for the
 * file, SQL helpers against the seeded database to compute every expected number independently of the
 * departments' code, and `ask`, which queries as central controlling (exact aggregates, no disclosure
 * control) and fails on any GraphQL error.
 */
export function useCityQuestions() {
  const state: { city?: RunningCity } = {}
  const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
  beforeAll(async () => {
    state.city = await startCity(inject('cityDatabaseUrl'))
  })
  afterAll(async () => {
    await state.city?.stop()
    await db.end()
  })
  return {
    city: () => state.city!,
    one: async <T = any>(text: string, params: unknown[] = []): Promise<T> => (await db.query(text, params)).rows[0],
    all: async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => (await db.query(text, params)).rows,
    async ask(query: string, variables?: Record<string, unknown>): Promise<any> {
      const res = await state.city!.queryAs('controlling', query, variables)
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined()
      return res.data
    },
  }
}
