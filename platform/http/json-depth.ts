/**
 * Deepest nesting of arrays and objects a request's JSON may have. Parsing is iterative, but
 * everything after it (variable coercion, the cost walk, printing, hashing) recurses once per
 * level, so 5 000 levels overflowed the stack as a 500. Real variables nest a few levels.
 */
export const DEFAULT_MAX_JSON_DEPTH = 64

/**
 * Whether JSON `text` nests arrays/objects deeper than `max`, by one linear scan that skips string
 * contents (so a string of brackets does not count). Text that is not JSON is left to the parser.
 */
export function exceedsJsonDepth(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return false
}

export function jsonDepthMessage(what: string, max: number): string {
  return `${what} nests arrays and objects deeper than ${max} levels`
}

/**
 * Whether a parsed JSON value nests arrays and objects deeper than `max` levels: the same answer as
 * `exceedsJsonDepth` on its text. Recursion stops at `max` levels.
 */
export function nestsDeeper(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (max <= 0) return true
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeper(value[i], max - 1)) return true
    return false
  }
  for (const key in value) if (nestsDeeper((value as Record<string, unknown>)[key], max - 1)) return true
  return false
}
