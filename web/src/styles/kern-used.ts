import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import postcss, { type AtRule, type Container, type Declaration, type Rule } from 'postcss'
import type { Plugin } from 'vite'

// KERN UX ships one stylesheet for every component (@kern-ux/native/dist/kern.min.css, ~340 KB with ~90 inline
// icons); the app uses a few of them. This build step keeps of that stylesheet only the rules that can match the app:
// a selector naming a class (`.kern-alert--info`) stays when that class is a word somewhere in web/src or index.html,
// every selector without classes (elements, attributes, :root tokens) stays. So a view that starts to use a KERN
// class gets its rules at the next build, with nothing to list by hand. Class names built at run time from pieces
// (`kern-alert--${kind}`) are kept by their written prefix (`kern-alert--`, any class starting with it stays).

const KERN_CSS = /[\\/]@kern-ux[\\/]native[\\/]dist[\\/]kern(\.min)?\.css$/
const SOURCE_FILE = /\.(tsx?|css|html)$/
/** This file and tests name KERN classes that no page uses. */
const NO_PAGE = /^kern-used\.ts$|\.test\.tsx?$/

/** Every word (letters, digits, `-`, `_`) in the app's sources: the class names it can use. */
export function wordsIn(dirs: readonly string[], files: readonly string[] = []): Set<string> {
  const words = new Set<string>()
  const add = (text: string) => {
    for (const w of text.match(/[A-Za-z0-9_-]+/g) ?? []) words.add(w)
  }
  for (const dir of dirs) {
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile() && SOURCE_FILE.test(e.name) && !NO_PAGE.test(e.name)) add(readFileSync(join(e.parentPath, e.name), 'utf8'))
    }
  }
  for (const file of files) add(readFileSync(file, 'utf8'))
  return words
}

/** Whether a selector can match a page whose class names are `used` (classes inside :not() never stop a match). */
export function selectorCanMatch(selector: string, used: Set<string>, prefixes: readonly string[]): boolean {
  // Classes inside :not(), :is(), :where() are not required by the selector as a whole; leave them out.
  let s = selector
  for (let guard = 0; guard < 10 && /:(not|is|where)\(/.test(s); guard++) s = s.replace(/:(not|is|where)\(([^()]*)\)/g, '')
  for (const m of s.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)) {
    const cls = m[1]!
    if (!used.has(cls) && !prefixes.some(p => cls.startsWith(p))) return false
  }
  return true
}

/** The stylesheet with the rules that cannot match dropped, and at-rules left empty by that dropped too. */
export function keepUsed(css: string, used: Set<string>): string {
  // A written prefix names at least a component (`kern-alert--`), never all of KERN (`kern-`).
  const prefixes = [...used].filter(w => /^kern-[a-z0-9]+.*[-_]$/.test(w))
  const root = postcss.parse(css)
  root.walkRules((rule: Rule) => {
    // Keyframe steps (from, 50%) are no selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as AtRule).name)) return
    const kept = rule.selectors.filter(sel => selectorCanMatch(sel, used, prefixes))
    if (kept.length === 0) rule.remove()
    else if (kept.length !== rule.selectors.length) rule.selectors = kept
  })
  const prune = (node: Container) => {
    node.each(child => {
      if (child.type === 'atrule' && child.nodes) {
        prune(child)
        if (child.nodes.length === 0 && child.name !== 'layer') child.remove()
      }
    })
  }
  prune(root)
  dropUnreferencedProperties(root, used)
  return root.toString()
}

const VAR = /var\(\s*(--[A-Za-z0-9_-]+)/g

/**
 * KERN's design tokens are custom properties on :root (~30 KB); keep those that a kept rule, another token kept, or
 * the app's sources (its own stylesheets, inline styles) refer to, and drop the rest.
 */
function dropUnreferencedProperties(root: postcss.Root, used: Set<string>): void {
  const defs = new Map<string, Declaration[]>()
  const wanted = new Set([...used].filter(w => w.startsWith('--')))
  root.walkDecls(decl => {
    if (decl.prop.startsWith('--')) defs.set(decl.prop, [...(defs.get(decl.prop) ?? []), decl])
    else for (const m of decl.value.matchAll(VAR)) wanted.add(m[1]!)
  })
  const queue = [...wanted]
  while (queue.length) {
    for (const decl of defs.get(queue.pop()!) ?? []) {
      for (const m of decl.value.matchAll(VAR)) {
        if (!wanted.has(m[1]!)) (wanted.add(m[1]!), queue.push(m[1]!))
      }
    }
  }
  for (const [prop, decls] of defs) if (!wanted.has(prop)) for (const d of decls) d.remove()
  root.walkRules(rule => {
    if (rule.nodes.length === 0) rule.remove()
  })
}

/** The Vite plugin: KERN's stylesheet, as imported by src/main.tsx, with only the rules the app can use. */
export function kernUsed(webRoot: string): Plugin {
  return {
    name: 'klar-kern-used',
    enforce: 'pre',
    transform(code, id) {
      if (!KERN_CSS.test(id.split('?')[0]!)) return null
      const used = wordsIn([join(webRoot, 'src')], [join(webRoot, 'index.html')])
      return { code: keepUsed(code, used), map: null }
    },
  }
}
