import { useId } from 'react'
import { useAuth } from '../auth/AuthProvider'
import { roleKey, type DevRole } from '../auth/config'
import { useI18n } from '../i18n/I18nProvider'
import { departmentName } from '../components/States'
import type { MessageKey } from '../i18n'

/** A role's name on screen, e.g. "Sachbearbeitung (Asyl)". */
export function useRoleLabel(): (role: DevRole | null) => string {
  const { t } = useI18n()
  return role => {
    if (!role) return t('auth.rolePublic')
    const key = `auth.roleName.${role.name}` as MessageKey
    const name = t(key) === key ? role.name : t(key)
    return role.department ? `${name} (${departmentName(t, role.department)})` : name
  }
}

/**
 * Development: a role switcher over the development roles (no token = öffentlich). OIDC: sign in / sign out.
 * Nothing when the gateway offers no sign-in.
 */
export function RoleControl() {
  const auth = useAuth()
  const { t } = useI18n()
  const label = useRoleLabel()
  const id = useId()
  const cfg = auth.config

  if (cfg?.mode === 'development') {
    const roles = cfg.devRoles.filter(r => r.name !== 'public')
    return (
      <div className="role-control">
        <label htmlFor={id} className="role-control__label">
          {t('auth.role')}
        </label>
        <select
          id={id}
          className="role-control__select"
          value={roleKey(auth.devRole)}
          disabled={auth.busy}
          aria-describedby={auth.error ? `${id}-err` : undefined}
          onChange={e => {
            const role = roles.find(r => roleKey(r) === e.target.value) ?? null
            void auth.selectDevRole(role)
          }}
        >
          <option value="">{t('auth.rolePublic')}</option>
          {roles.map(r => (
            <option key={roleKey(r)} value={roleKey(r)}>
              {label(r)}
            </option>
          ))}
        </select>
        {auth.error && (
          <span id={`${id}-err`} className="role-control__error" role="alert">
            {t('auth.roleFailed')}
          </span>
        )}
      </div>
    )
  }
  if (cfg?.mode === 'oidc') {
    return (
      <div className="role-control">
        {auth.user ? (
          <>
            <span className="role-control__user">{t('auth.signedInAs', { name: auth.user.name })}</span>
            <button type="button" className="kern-btn kern-btn--secondary header-btn" onClick={() => void auth.signOut()}>
              <span className="kern-label">{t('auth.signOut')}</span>
            </button>
          </>
        ) : (
          <button type="button" className="kern-btn kern-btn--primary header-btn" disabled={auth.busy} onClick={() => void auth.signIn()}>
            <span className="kern-label">{auth.busy ? t('auth.signingIn') : t('auth.signIn')}</span>
          </button>
        )}
        {auth.error && (
          <span className="role-control__error" role="alert">
            {t('auth.signInFailed', { reason: auth.error })}
          </span>
        )}
      </div>
    )
  }
  return null
}
