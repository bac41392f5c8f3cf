/**
 * Freezes a value and everything reachable from it, so that code holding a cached value cannot
 * change what the next request gets (memory storage hands out the same object every time).
 * A mutation attempt throws (ES modules are strict) instead of corrupting the cache silently.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k)
      deepFreeze(v)
    }
  } else if (value instanceof Set) {
    for (const v of value) deepFreeze(v)
  } else if (!ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
