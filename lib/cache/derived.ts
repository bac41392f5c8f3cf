import { deepFreeze } from './deep-freeze.js'

const derivations = new WeakMap<object, Map<string, unknown>>()

/**
 * A value derived from a frozen loader value (what the department cache hands out), computed once per
 * value and `name`, then shared by every request that gets the same value. A write that invalidates the
 * cache entry makes the next load return a new value, so the derivation is computed afresh; the old one
 * goes with the old value (WeakMap). `name` must stand for every other input of `derive` (e.g. the
 * scheme, whether the caller is aggregate-only): the derivation may depend on nothing per caller that
 * the name does not say. A value that is not frozen (no cache) is derived every time. Results are frozen.
 */
export function derivedOf<V extends object, R>(value: V, name: string, derive: (value: V) => R): R {
  if (!Object.isFrozen(value)) return derive(value)
  let byName = derivations.get(value)
  if (!byName) derivations.set(value, (byName = new Map()))
  if (byName.has(name)) return byName.get(name) as R
  const derived = deepFreeze(derive(value))
  byName.set(name, derived)
  return derived
}
