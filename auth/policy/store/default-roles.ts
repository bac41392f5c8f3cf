import type { RoleDefinition } from '../types.js'

const role = (
  name: string,
  description: string,
  scopes: string[],
  flags: { aggregateOnly?: boolean; admin?: boolean } = {},
): RoleDefinition =>
  Object.freeze({
    name,
    description,
    scopes: Object.freeze(scopes),
    aggregateOnly: flags.aggregateOnly ?? false,
    admin: flags.admin ?? false,
    validFrom: null,
    validUntil: null,
  })

/**
 * Data entry (lib/data-entry): only a department's own staff write its datasets. Heads of department
 * read internal data but do not enter it (nor do they hold the personal scopes some entries carry);
 * a city that wants them to can add the scope to the role.
 */
export const WRITE_SCOPE = '{department}:write'

/**
 * The eight roles every city starts with (docs/access-control.md#roles). `seedDefaults` inserts the ones a
 * database lacks and never overwrites an administrator's edits of them.
 */
export const DEFAULT_ROLES: readonly RoleDefinition[] = Object.freeze([
  role('public', 'Anyone without a token: open data after disclosure control.', ['open'], { aggregateOnly: true }),
  role(
    'committee',
    'City council and committee members: open data plus internal budget figures, small counts suppressed.',
    ['open', 'finance:internal'],
    { aggregateOnly: true },
  ),
  role('leadership', 'City executive board: exact internal aggregates across all departments, no personal data.', ['open', 'internal']),
  role('department_head', 'Head of a department: internal data of the own department, open data elsewhere.', [
    'open',
    '{department}:internal',
  ]),
  role('staff', 'Department staff: internal, personal and special-category data of the own department, need-to-know; enter its data.', [
    'open',
    '{department}:internal',
    '{department}:personal',
    '{department}:special',
    WRITE_SCOPE,
  ]),
  role('controlling', 'Central controlling: exact internal aggregates across all departments, no personal data.', ['open', 'internal']),
  role('statistics_office', 'Sealed-off statistics office: the only role that may read population microdata.', [
    'open',
    'population:internal',
    'population:personal',
  ]),
  role('admin', 'Platform operators: manage schema, roles and grants; no data access unless granted.', [], { admin: true }),
])
