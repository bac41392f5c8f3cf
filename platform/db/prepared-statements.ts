import { createHash } from 'node:crypto'
import pg from 'pg'

/**
 * Named prepared statements for the queries kysely sends.
 *
 * Sent unnamed, every statement is parsed, analysed and planned by PostgreSQL on every execution;
 * for the small, index-driven queries of the departments planning costs about as much as running
 * them. A statement sent with a name is parsed and analysed once per connection; createDb sets
 * `plan_cache_mode = force_custom_plan` on these connections, so every execution is still planned for
 * its own parameters (a generic plan, PostgreSQL's choice after five executions, made batch loaders
 * that serve one key and eighteen several times slower).
 *
 * What is named: queries and DML (`select`, `with`, `insert`, `update`, `delete`, `values`) that
 * carry parameters, or carry none and hold no `;` (a parameterless text goes by the simple query
 * protocol when unnamed, which allows several statements in one text; a prepared statement does
 * not). Transaction control, `set`, `lock`, DDL and COPY stay unnamed, exactly as before.
 *
 * The name is a function of the text ('s' + 24 hex digits of its SHA-1), so one text has one name on
 * every connection and a name never stands for two texts (pg refuses that).
 *
 * Bound: a connection names only the first `limit` distinct texts it runs; later new texts (say an
 * `in (…)` list of a length not seen before) go unnamed. The set of statements a department sends is
 * small and fixed by its code except for such list lengths, so the texts that matter are among the
 * first ones; a server connection never holds more than `limit` prepared statements, and nothing has
 * to be deallocated (which an aborted transaction would refuse). Connections are replaced by the
 * pool after idling, which starts their count afresh.
 *
 * A migration that changes what a named statement returns (a column added to a table read with
 * `select *`) makes PostgreSQL refuse to run it ("cached plan must not change result type"): that
 * text then goes unnamed on this connection, and outside a transaction the statement is sent again at
 * once, so readers running while another replica migrates see no error.
 *
 * Off (`DB_PREPARED_STATEMENTS=off`) behind poolers that hand each transaction to any server
 * connection, e.g. PgBouncer in transaction mode without `max_prepared_statements` (a name prepared
 * on one server connection would be missing on the next).
 */

export const DEFAULT_PREPARED_STATEMENTS_PER_CONNECTION = 256

const PREPARABLE = /^\s*(?:select|with|insert|update|delete|values)\b/i

/** The name a statement text is prepared under. */
export function statementName(text: string): string {
  return `s${createHash('sha1').update(text).digest('hex').slice(0, 24)}`
}

/** Whether a statement (text and parameter values) is one to send named. */
export function isPreparable(text: string, values: readonly unknown[]): boolean {
  return PREPARABLE.test(text) && (values.length > 0 || !text.includes(';'))
}

/** Reads `DB_PREPARED_STATEMENTS` (`on`, the default, or `off`). */
export function readPreparedStatements(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env.DB_PREPARED_STATEMENTS?.trim().toLowerCase()
  if (value === undefined || value === '' || value === 'on') return true
  if (value === 'off') return false
  throw new Error(`DB_PREPARED_STATEMENTS must be on or off, got ${JSON.stringify(env.DB_PREPARED_STATEMENTS)}`)
}

/** A pg Client class (for the Pool's `Client` option) that sends statements named as described above. */
export function preparingClient(limit = DEFAULT_PREPARED_STATEMENTS_PER_CONNECTION): typeof pg.Client {
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`prepared statements per connection must be a whole number ≥ 0, got ${limit}`)
  return class PreparingClient extends pg.Client {
    /** Text → name of the texts this connection names (at most `limit`); null: no longer named here. */
    private readonly names = new Map<string, string | null>()

    override query(config: any, values?: any, callback?: any): any {
      // kysely calls query(text, values) and awaits the promise; every other form passes through.
      if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined || !isPreparable(config, values)) {
        return super.query(config, values, callback)
      }
      const name = this.nameOf(config)
      if (name === null) return super.query(config, values)
      return (super.query({ name, text: config, values }) as Promise<pg.QueryResult>).catch((err: unknown) => {
        const e = err as { code?: string; routine?: string }
        if (e?.code !== '0A000' || e.routine !== 'RevalidateCachedQuery') throw err
        this.names.set(config, null)
        // 'I': the failed statement ran outside a transaction block, which it did not disturb.
        if (this.getTransactionStatus() !== 'I') throw err
        return super.query(config, values)
      })
    }

    private nameOf(text: string): string | null {
      const known = this.names.get(text)
      if (known !== undefined) return known
      if (this.names.size >= limit) return null
      const name = statementName(text)
      this.names.set(text, name)
      return name
    }
  }
}
