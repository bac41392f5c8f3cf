import { createHash, randomInt } from 'node:crypto'

/**
 * Record keys and cell keys of the Cell Key Method.
 *
 * Every record (person-year, allocation, case, pupil row) carries a record key: a uniform random integer in
 * [0, 2³²), fixed for the life of the record. A cell's key is the sum of its records' keys modulo 2³²,
 * divided by 2³² — the "fractional part of the sum" of the method, in integers so that the sum is exact
 * and does not depend on the order in which the database adds the rows. The same set of records always
 * gives the same cell key.
 *
 * Where a table holds finest cells instead of records (a population stock row is "n persons of this age,
 * sex and nationality in this district"), the row's key is the cell key of its records: the sum of their
 * keys modulo 2³². Summing row keys then gives exactly the key the records would give.
 *
 * Record keys are secret like the records themselves: whoever knows them can take the noise off.
 */
export const RECORD_KEY_MODULUS = 4_294_967_296

/** A fresh record key from the operating system's CSPRNG (real imports). */
export function randomRecordKey(): number {
  return randomInt(0, RECORD_KEY_MODULUS)
}

/**
 * A deterministic record key for generated (demo) data: the first 32 bits of SHA-256 over the parts.
 * The parts name the record (e.g. seed, table, primary key), so a reseed gives every record its key back.
 */
export function seededRecordKey(...parts: ReadonlyArray<string | number>): number {
  return createHash('sha256').update(parts.join('\u001f')).digest().readUInt32BE(0)
}

/** Adds record or row keys modulo 2³² (the key of their union). */
export function addKeys(keys: Iterable<number>): number {
  let sum = 0
  for (const k of keys) sum = (sum + k) % RECORD_KEY_MODULUS
  return sum
}

/**
 * The cell key in [0, 1) of a key sum as the database returns it: a number, a bigint, or the text of a
 * numeric (`sum(bigint)` is numeric in PostgreSQL). The sum is reduced modulo 2³² first.
 */
export function cellKeyOf(keySum: number | bigint | string | null | undefined): number {
  if (keySum === null || keySum === undefined) return 0
  const big = typeof keySum === 'bigint' ? keySum : BigInt(typeof keySum === 'number' ? Math.trunc(keySum) : keySum.split('.')[0])
  const m = BigInt(RECORD_KEY_MODULUS)
  return Number(((big % m) + m) % m) / RECORD_KEY_MODULUS
}
