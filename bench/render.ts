import { readFileSync } from 'node:fs'
import { markdown, type BenchReport } from './report.js'

// Re-renders the markdown table of a results file:  npx tsx bench/render.ts bench/results/<date>-<profile>.json
const file = process.argv[2]
if (!file) {
  console.error('usage: tsx bench/render.ts bench/results/<date>-<profile>.json')
  process.exit(2)
}
process.stdout.write(markdown(JSON.parse(readFileSync(file, 'utf8')) as BenchReport))
