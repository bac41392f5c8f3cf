import type { Messages } from '../types'

const auth: Messages<'auth'> = {
  role: 'Role',
  rolePublic: 'public',
  roleSwitcherHint: 'Development mode: pick a role to see what it may see.',
  roleChanging: 'Switching role …',
  roleFailed: 'The role could not be switched.',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name}',
  signingIn: 'Signing in …',
  signInFailed: 'Sign-in failed: {reason}',
  configFailed: 'Sign-in is not available right now; public data is shown.',
  'roleName.public': 'public',
  'roleName.committee': 'committee',
  'roleName.leadership': 'leadership',
  'roleName.department_head': 'head of department',
  'roleName.staff': 'staff',
  'roleName.controlling': 'controlling',
  'roleName.statistics_office': 'statistics office',
  'roleName.admin': 'administration',
}
export default auth
