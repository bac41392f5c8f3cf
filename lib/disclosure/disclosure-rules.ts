import type { StatCount } from '../../platform/stat.js'

/**
 * A statistical disclosure-control rule for aggregate-only roles (public, committee).
 * A non-zero count below `minCount` is a small cell and is suppressed; `roundTo`, when set, rounds
 * every published non-zero count to a multiple of it on top of that.
 *
 * The id names the rule in the audit log (which rule hid or changed a cell). It is never part of a
 * response: the client only sees `status: SECRET` / `ROUNDED` (case T38, docs/access-control.md#adversarial-cases).
 */
export interface DisclosureRule {
  id: string
  /** Smallest count that may be published; 1 … minCount−1 are suppressed. 0 is a true zero and stays. */
  minCount: number
  /** Base for rounding published counts (5 for AsylbLG); absent = exact counts. */
  roundTo?: number
}

/** The city statistics office's rule: a star where at most two cases (lib/disclosure/README.md). */
export const KL_STAT_2: DisclosureRule = Object.freeze({ id: 'KL-STAT-2', minCount: 3 })

/** AsylbLG recipients (IT.NRW since 2020): small cells suppressed as KL-STAT-2, the rest 5-rounded. */
export const ASYLBLG_5: DisclosureRule = Object.freeze({ id: 'ASYLBLG-5', minCount: 3, roundTo: 5 })

export type DisclosureErrorCode = 'UNKNOWN_DISCLOSURE_RULE' | 'INVALID_DISCLOSURE_RULE'

/**
 * A configuration mistake (a policy names a rule that does not exist). Internal: the gateway masks it
 * as INTERNAL_SERVER_ERROR; it must never fall back to publishing exact values.
 */
export class DisclosureError extends Error {
  constructor(
    readonly code: DisclosureErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** Validates and freezes a rule; a rule that cannot protect anything is refused up front. */
export function defineDisclosureRule(rule: DisclosureRule): DisclosureRule {
  if (typeof rule.id !== 'string' || rule.id === '') {
    throw new DisclosureError('INVALID_DISCLOSURE_RULE', 'A disclosure rule needs a non-empty id')
  }
  // minCount 2 would make every suppressed cell a known 1 — suppression without protection.
  if (!Number.isInteger(rule.minCount) || rule.minCount < 3) {
    throw new DisclosureError(
      'INVALID_DISCLOSURE_RULE',
      `Disclosure rule ${rule.id}: minCount must be an integer ≥ 3, got ${rule.minCount}`,
    )
  }
  if (rule.roundTo !== undefined && (!Number.isInteger(rule.roundTo) || rule.roundTo < 2)) {
    throw new DisclosureError('INVALID_DISCLOSURE_RULE', `Disclosure rule ${rule.id}: roundTo must be an integer ≥ 2, got ${rule.roundTo}`)
  }
  return Object.freeze({ ...rule })
}

const RULES: ReadonlyMap<string, DisclosureRule> = new Map([KL_STAT_2, ASYLBLG_5].map(r => [r.id, defineDisclosureRule(r)] as const))

/** The ids of every rule `disclosureRule` knows, for validating policies at load time. */
export const DISCLOSURE_RULE_IDS: readonly string[] = Object.freeze([...RULES.keys()])

/** Looks a rule up by id; an unknown id fails closed with UNKNOWN_DISCLOSURE_RULE. */
export function disclosureRule(id: string): DisclosureRule {
  const rule = RULES.get(id)
  if (!rule) throw new DisclosureError('UNKNOWN_DISCLOSURE_RULE', `Unknown disclosure rule ${JSON.stringify(id)}`)
  return rule
}

/**
 * Whether a value is a small cell under the rule. Balances (net migration) are counts too, so the
 * magnitude decides; a value that is not a finite number cannot be judged and counts as small
 * (fail closed).
 */
export function isSmallCount(value: number, rule: DisclosureRule = KL_STAT_2): boolean {
  if (!Number.isFinite(value)) return true
  const magnitude = Math.abs(value)
  return magnitude > 0 && magnitude < rule.minCount
}

/**
 * Rounds a count to the nearest multiple of `base`, status ROUNDED. A true zero stays ZERO (rounding
 * never invents or hides a zero's meaning); `null` cells are returned as they are.
 * Note that on its own it turns 1–2 into 0 (ROUNDED); `applyRule('ASYLBLG-5', …)` suppresses them first.
 */
export function roundTo(cell: StatCount, base: number): StatCount {
  if (cell.value === null) return { value: null, status: cell.status, flags: [...cell.flags] }
  if (cell.value === 0) return { value: 0, status: 'ZERO', flags: [...cell.flags] }
  // `+ 0` turns the -0 that Math.round gives for small negative balances into 0.
  return { value: Math.round(cell.value / base) * base + 0, status: 'ROUNDED', flags: [...cell.flags] }
}

/** 5er-Rundung (IT.NRW, AsylbLG since 2020). */
export function roundToFive(cell: StatCount): StatCount {
  return roundTo(cell, 5)
}
