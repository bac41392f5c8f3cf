import { describe, expect, it } from 'vitest'
import { keepUsed, selectorCanMatch } from './kern-used'

describe('keepUsed (KERN stylesheet reduced to what the app can match)', () => {
  const used = new Set(['kern-btn', 'kern-btn--primary', 'kern-alert--', '--kern-app-token'])

  it('keeps selectors whose classes the app names, element and attribute selectors, and classes under :not()', () => {
    expect(selectorCanMatch('.kern-btn.kern-btn--primary:hover', used, [])).toBe(true)
    expect(selectorCanMatch('html', used, [])).toBe(true)
    expect(selectorCanMatch('[data-kern-theme=dark]', used, [])).toBe(true)
    expect(selectorCanMatch('*:not(.kern-icon)', used, [])).toBe(true)
    expect(selectorCanMatch('.kern-dialog', used, [])).toBe(false)
    expect(selectorCanMatch('body:has(.kern-dialog[open])', used, [])).toBe(false)
    expect(selectorCanMatch('.kern-alert--info', used, ['kern-alert--'])).toBe(true)
  })

  it('drops rules and selectors that cannot match, empty at-rules, and tokens nothing refers to', () => {
    const css = [
      ':root{--kern-a:red;--kern-b:var(--kern-a);--kern-unused:blue;--kern-app-token:1px}',
      '.kern-btn,.kern-dialog{color:var(--kern-b)}',
      '.kern-dialog{color:green}',
      '@media (min-width:1px){.kern-dialog{color:red}}',
      '.kern-alert--info{color:var(--kern-c, black)}',
      '@keyframes spin{from{opacity:0}to{opacity:1}}',
    ].join('')
    const out = keepUsed(css, used)
    expect(out).toContain('.kern-btn{color:var(--kern-b)}')
    expect(out).not.toContain('kern-dialog')
    expect(out).not.toContain('@media')
    expect(out).toContain('.kern-alert--info')
    expect(out).toContain('@keyframes spin{from{opacity:0}to{opacity:1}}')
    // --kern-b is used by a kept rule, --kern-a by --kern-b, --kern-app-token by the app's own sources.
    expect(out).toContain('--kern-a:red')
    expect(out).toContain('--kern-b:var(--kern-a)')
    expect(out).toContain('--kern-app-token:1px')
    expect(out).not.toContain('--kern-unused')
  })
})
