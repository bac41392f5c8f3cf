import { existsSync, readFileSync } from 'node:fs'

/**
 * A department acknowledges a breaking change of its own schema by listing the coordinate, with a
 * reason, in `services/<department>/breaking-changes.txt`, committed with the change so reviewers see
 * it. One entry per line, `#` starts a comment:
 *
 *   School.pupils  replaced by School.pupilStats; announced to all departments on 2026-11-20
 *
 * The coordinate is the one `npm run schema:check` prints (`Type`, `Type.field`,
 * `Type.field.argument`, `Enum.VALUE`). An acknowledgement never covers a change that a known
 * operation still depends on.
 */
export const ACKNOWLEDGEMENTS_FILE = 'breaking-changes.txt'

const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/

export interface Acknowledgements {
  entries: Map<string, { reason: string; line: number }>
  problems: Array<{ line: number; message: string }>
}

export function readAcknowledgements(path: string): Acknowledgements {
  const out: Acknowledgements = { entries: new Map(), problems: [] }
  if (!existsSync(path)) return out
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const text = raw.replace(/#.*$/, '').trim()
      if (!text) return
      const [coordinate, ...rest] = text.split(/\s+/)
      const reason = rest.join(' ')
      if (!COORDINATE.test(coordinate)) {
        out.problems.push({
          line: i + 1,
          message: `${JSON.stringify(coordinate)} is not a schema coordinate (Type.field, Type.field.argument, Enum.VALUE)`,
        })
      } else if (!reason) {
        out.problems.push({
          line: i + 1,
          message: `${coordinate} needs a reason after the coordinate (what replaces it, when it was announced)`,
        })
      } else {
        out.entries.set(coordinate, { reason, line: i + 1 })
      }
    })
  return out
}
