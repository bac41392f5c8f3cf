import { writeFileSync } from 'node:fs'
import { loadServices } from '../lib/service/discover-services.js'
import { renderDisclosureDocs } from '../lib/service/render-disclosure-docs.js'

// Writes docs/disclosure.md from the departments' stated guarantees (services/<name>/disclosure.ts).
const target = new URL('../docs/disclosure.md', import.meta.url)
writeFileSync(target, renderDisclosureDocs(await loadServices()))
console.log(`wrote ${target.pathname}`)
