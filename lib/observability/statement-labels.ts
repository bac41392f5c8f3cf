import { isPreparable, statementName } from '../../platform/db/prepared-statements.js'

/**
 * The metric label of a SQL statement text: the name it is prepared under (platform/db/prepared-statements.ts,
 * `s` + 24 hex digits of its SHA-1 — the name `pg_prepared_statements` shows), or `unprepared` for texts
 * never sent named (transaction control, DDL). Hashed once per text: the first `max` texts are
 * remembered; texts beyond them (unusual `in (…)` list lengths) count as `other` without hashing.
 */
export function createStatementLabels(max = 1000): (text: string, parameters: readonly unknown[]) => string {
  const labels = new Map<string, string>()
  return (text, parameters) => {
    let label = labels.get(text)
    if (label === undefined) {
      if (labels.size >= max) return 'other'
      label = isPreparable(text, parameters) ? statementName(text) : 'unprepared'
      labels.set(text, label)
    }
    return label
  }
}
