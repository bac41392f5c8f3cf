import { writeFileSync } from 'node:fs'
import { renderErrorDocs } from '../platform/render-error-docs.js'

// Writes docs/errors.md from the error catalogue (platform/errors.ts).
const target = new URL('../docs/errors.md', import.meta.url)
writeFileSync(target, renderErrorDocs())
console.log(`wrote ${target.pathname}`)
