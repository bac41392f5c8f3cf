// The administrators' console (/verwaltung). Each section adds its keys under its own prefix (`<section>.*`).
export default {
  // Frame: link, guard, layout, start page
  title: 'Verwaltung',
  headerLink: 'Verwaltung',
  consoleNavigation: 'Bereiche der Verwaltung',
  sectionLabel: 'Bereich',
  startTitle: 'Verwaltung',
  startIntro: 'Hier legen Administratorinnen und Administratoren fest, wer was sehen darf. Jede Änderung wird protokolliert.',
  startSections: 'Bereiche',
  policyVersion: 'Richtlinie Version {version}',
  loading: 'Wird geladen …',
  forbiddenTitle: 'Kein Zugriff',
  forbiddenText: 'Diese Seiten sind nur für die Administration. Ihre Anmeldung hat diese Rolle nicht.',
  forbiddenBack: 'Zur Übersicht',
  notFound: 'Diesen Bereich der Verwaltung gibt es nicht.',
  // Errors of the admin API (admin-errors.ts)
  'error.UNAUTHENTICATED': 'Die Anmeldung ist abgelaufen. Bitte neu anmelden.',
  'error.FORBIDDEN': 'Dafür fehlt die Berechtigung.',
  'error.INVALID_POLICY': 'Die Eingabe ist ungültig: {message}',
  'error.VERSION_CONFLICT': 'Jemand hat die Richtlinie inzwischen geändert.',
  'error.PENDING_APPROVAL':
    'Die Änderung wartet auf eine zweite Administratorin oder einen zweiten Administrator (Änderung Nr. {changeId}).',
  'error.POLICY_STORE_UNAVAILABLE': 'Der Richtlinienspeicher ist gerade nicht erreichbar. Bitte später erneut versuchen.',
  'error.BAD_USER_INPUT': 'Die Eingabe ist ungültig: {message}',
  'error.network': 'Die Verwaltung ist gerade nicht erreichbar. Bitte später erneut versuchen.',
  'error.unknown': 'Die Anfrage ist fehlgeschlagen: {message}',
  // Version conflict (VersionConflict.tsx)
  'conflict.title': 'Die Richtlinie wurde inzwischen geändert',
  'conflict.intro': 'Ihre Änderung beruht auf Version {expected}, aktuell ist Version {current}. Seitdem geändert:',
  'conflict.yourChange': 'Ihre Änderung',
  'conflict.none': 'Keine Einträge im Protokoll gefunden.',
  'conflict.entry': '{at} · {actor} · {action}',
  'conflict.reapply': 'Auf neuer Version erneut anwenden',
  'conflict.discard': 'Verwerfen',
  'conflict.reapplying': 'Wird erneut angewendet …',
  'conflict.tableCaption': 'Änderungen seit Version {expected}',
  'conflict.colVersion': 'Version',
  'conflict.colAt': 'Zeitpunkt',
  'conflict.colActor': 'Von',
  'conflict.colAction': 'Änderung',
  'conflict.colDetail': 'Einzelheiten',
  // Pending approval (shared)
  'pending.title': 'Wartet auf zweite Administratorin/zweiten Administrator',
  'pending.text':
    'Die Änderung Nr. {changeId} ist gespeichert, aber erst wirksam, wenn eine zweite Administratorin oder ein zweiter Administrator sie freigibt.',
}
