/**
 * The Content-Security-Policy of the web app: everything from the gateway's own origin, no inline
 * script or style, no eval, no framing. In OpenID Connect mode the app talks to the identity
 * provider (discovery, token endpoint) and renews its tokens in a hidden frame of the provider, so
 * the issuer's origin is added to `connect-src` and `frame-src`, and nothing else.
 */
export function contentSecurityPolicy(issuer: string | null): string {
  const origin = issuer === null ? null : new URL(issuer).origin
  const extra = origin === null ? '' : ` ${origin}`
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    ...(origin === null ? [] : [`frame-src 'self'${extra}`]),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
  ].join('; ')
}

/** Headers on every response of the web app (files, index.html, the auth endpoints). */
export function securityHeaders(csp: string): Record<string, string> {
  return { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }
}
