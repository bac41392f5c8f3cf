import type { MessageKey, Params } from '../../i18n'

// An audit entry's payload in words (the raw JSON stays one click away): the known actions of the policy store
// (auth/policy/store/*) as one sentence, the rest as "key: value" lines.

type T = (key: MessageKey, params?: Params) => string
type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

export const ACTIONS = [
  'grant.set',
  'grant.remove',
  'role.upsert',
  'role.delete',
  'rowRule.set',
  'rowRule.remove',
  'policy.import',
  'policy.seed',
  'change.requested',
  'change.approved',
  'change.rejected',
  'read.explain',
  'read.explainOperation',
  'read.effectiveSchema',
  'read.coordinates',
  'read.exportPolicy',
] as const

/** The action in words; an unknown one as it is. */
export function actionText(t: T, action: string): string {
  const key = `admin.audit.action.${action}` as MessageKey
  const text = t(key)
  return text === key ? action : text
}

function grantText(t: T, g: Json): string {
  return t(g.effect === 'DENY' ? 'admin.audit.says.grantDeny' : 'admin.audit.says.grantAllow', {
    role: str(g.role),
    coordinate: str(g.coordinate),
  })
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (Array.isArray(v)) return v.every(x => typeof x === 'string') ? v.join(', ') || '—' : `[${v.length}]`
  if (isObject(v)) {
    const s = JSON.stringify(v)
    return s.length > 160 ? `${s.slice(0, 159)}…` : s
  }
  return String(v)
}

function kindText(t: T, kind: string): string {
  const key = `admin.audit.action.${kind}` as MessageKey
  const text = t(key)
  return text === key ? kind : text
}

/** Lines describing `payload` of an entry with `action`. */
export function payloadLines(t: T, action: string, payloadJson: string): string[] {
  let p: unknown
  try {
    p = JSON.parse(payloadJson)
  } catch {
    return [payloadJson]
  }
  if (!isObject(p)) return [valueText(p)]
  const lines: string[] = []
  const rest: Json = { ...p }
  delete rest.version
  if (typeof p.version === 'number') lines.push(t('admin.audit.says.version', { version: p.version }))
  if (isObject(p.grant)) {
    lines.push(grantText(t, p.grant) + (p.grant.validUntil ? ` ${t('admin.audit.says.until', { date: str(p.grant.validUntil) })}` : ''))
    delete rest.grant
  }
  if (isObject(p.role)) {
    const scopes = Array.isArray(p.role.scopes) ? p.role.scopes.join(', ') : ''
    lines.push(t('admin.audit.says.role', { role: str(p.role.name), scopes: scopes || '—' }))
    delete rest.role
  }
  if (isObject(p.rule)) {
    lines.push(
      t('admin.audit.says.rule', { role: str(p.rule.role), coordinate: str(p.rule.coordinate), condition: valueText(p.rule.condition) }),
    )
    delete rest.rule
  }
  if (typeof p.changeId === 'number') {
    lines.push(t('admin.audit.says.change', { id: p.changeId }))
    delete rest.changeId
  }
  if (typeof p.reason === 'string') {
    lines.push(t('admin.audit.says.reason', { reason: p.reason }))
    delete rest.reason
  }
  for (const part of ['roles', 'grants', 'rowRules'] as const) {
    if (Array.isArray(p[part]) && action !== 'read.explain' && action !== 'read.effectiveSchema' && action !== 'read.explainOperation') {
      lines.push(t(`admin.audit.says.${part}`, { n: (p[part] as unknown[]).length }))
      delete rest[part]
    }
  }
  for (const [key, value] of Object.entries(rest)) {
    const label = t(`admin.audit.key.${key}` as MessageKey)
    const shown = key === 'kind' && typeof value === 'string' ? kindText(t, value) : valueText(value)
    lines.push(`${label.startsWith('admin.audit.key.') ? key : label}: ${shown}`)
  }
  return lines
}
