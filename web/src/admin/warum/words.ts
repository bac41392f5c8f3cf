// The admin API explains in English (auth/policy/explain.ts); the console says the same in German. Each of the
// reasons explain.ts writes has one pattern here; anything else is shown as the server wrote it.

/** The app's languages (as i18n/types' Lang; kept here so the gateway's tests can import this file). */
type Lang = 'de' | 'en'

export type SensitivityClass = 'open' | 'internal' | 'personal' | 'special'

const CLASS_DE: Record<string, string> = { open: 'offen', internal: 'intern', personal: 'personenbezogen', special: 'besondere Kategorie' }
const CLASS_EN: Record<string, string> = { open: 'open', internal: 'internal', personal: 'personal', special: 'special category' }

export const className = (cls: string, lang: Lang): string => (lang === 'de' ? CLASS_DE : CLASS_EN)[cls] ?? cls

/** [[a, b], [c]] → "(a und b) oder (c)". */
export function requirementText(requirement: ReadonlyArray<ReadonlyArray<string>>, lang: Lang): string {
  const and = lang === 'de' ? ' und ' : ' and '
  const or = lang === 'de' ? ' oder ' : ' or '
  if (requirement.length === 0) return lang === 'de' ? 'nichts kann sie erfüllen' : 'nothing can satisfy it'
  return requirement.map(c => `(${c.join(and)})`).join(or)
}

const req = (s: string) =>
  s.replace(/ AND /g, ' und ').replace(/ OR /g, ' oder ').replace('(nothing can satisfy it)', '(nichts kann sie erfüllen)')

const PATTERNS: Array<[RegExp, (...m: string[]) => string]> = [
  [/^unknown coordinate$/, () => 'Dieses Feld gibt es im Schema nicht.'],
  [/^role (\S+) does not exist in policy version (\d+)$/, (r, v) => `Die Rolle ${r} gibt es in Version ${v} der Richtlinie nicht.`],
  [/^role (\S+) is outside its validity \((.*)\)$/, (r, span) => `Die Rolle ${r} ist außerhalb ihrer Gültigkeit (${span}).`],
  [/^no active role$/, () => 'Keine der Rollen ist aktiv.'],
  [/^(ALLOW|DENY) (\S+) of role (\S+) expired (\S+)$/, (e, c, r, d) => `${e} auf ${c} für die Rolle ${r} ist am ${d} abgelaufen.`],
  [
    /^class (\w+) \((declared|unclassified, so internal of (.*?))(, and the type-level requirement)?\): requires (.*)$/,
    (cls, _own, owners, typeLevel, requirement) =>
      `Klasse ${className(cls, 'de')} (${owners !== undefined ? `nicht eingestuft, daher intern von ${owners}` : 'von der Abteilung eingestuft'}${
        typeLevel ? ', dazu die Anforderung des Typs' : ''
      }): erfordert ${req(requirement)}.`,
  ],
  [
    /^denied by DENY (\S+) \(a DENY beats every ALLOW and scope\)$/,
    c => `Gesperrt durch DENY ${c} (ein DENY schlägt jede Freigabe und jeden Scope).`,
  ],
  [
    /^ALLOW (\S+) ignored: a grant never widens class (\w+) for an aggregate-only principal$/,
    (c, cls) =>
      `Die Freigabe ALLOW ${c} wirkt nicht: Eine Freigabe erweitert die Klasse ${className(cls, 'de')} nie für Rollen, die nur Aggregate sehen.`,
  ],
  [/^ALLOW (\S+) matched$/, c => `Die Freigabe ALLOW ${c} trifft zu.`],
  [/^held scopes satisfy the requirement$/, () => 'Die gehaltenen Scopes erfüllen die Anforderung.'],
  [
    /^class (\w+) not granted to role (.*): held scopes \[(.*)\] do not satisfy the requirement$/,
    (cls, roles, held) =>
      `Die Klasse ${className(cls, 'de')} ist der Rolle ${roles} nicht freigegeben: Die gehaltenen Scopes [${held}] erfüllen die Anforderung nicht.`,
  ],
  [
    /^allowed, but absent from the projected schema: nothing of (\S+) or of (\S+) is left visible to this principal$/,
    (a, b) => `Erlaubt, aber nicht im Schema: Von ${a} und ${b} bleibt für diese Rollen nichts sichtbar.`,
  ],
]

/** One reason of an explanation in the console's language. */
export function reasonText(reason: string, lang: Lang): string {
  if (lang !== 'de') return reason
  for (const [re, say] of PATTERNS) {
    const m = re.exec(reason)
    if (m) return say(...m.slice(1))
  }
  return reason
}
