/**
 * A value a non-null field must have, e.g. the row a foreign key points at. Its absence is a fault of the
 * department's data, never the caller's: the field fails as an internal error instead of answering `null`
 * where the schema promises a value.
 */
export async function present<T>(value: T | null | undefined | PromiseLike<T | null | undefined>, what: string): Promise<T> {
  const v = await value
  if (v === null || v === undefined) throw new Error(`${what} is missing`)
  return v
}
