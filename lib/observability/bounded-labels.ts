/**
 * Label values taken from outside (operation names, error codes, statement names) kept to a bounded
 * set: a value must match `pattern` and be among the first `max` distinct values seen, or it is
 * counted under `overflow`. Every series a label value creates lives as long as the process, so a
 * client that sends a fresh operation name per request must not grow the registry without end.
 */
export interface BoundedLabels {
  (value: string | null | undefined): string
  /** Distinct values admitted so far. */
  readonly size: number
}

export function boundedLabels(opts: { max: number; pattern: RegExp; empty: string; overflow: string }): BoundedLabels {
  const admitted = new Set<string>()
  const label = ((value: string | null | undefined): string => {
    if (!value) return opts.empty
    if (admitted.has(value)) return value
    if (admitted.size >= opts.max || !opts.pattern.test(value)) return opts.overflow
    admitted.add(value)
    return value
  }) as BoundedLabels
  Object.defineProperty(label, 'size', { get: () => admitted.size })
  return label
}
