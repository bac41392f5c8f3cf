import { KL_CKM_2, type PerturbationTable } from '../disclosure/perturbation-table.js'
import type { DisclosureDeclarations, DisclosureGuarantee } from './disclosure-cells.js'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const pct = (p: number) => `${(p * 100).toFixed(1)} %`

function method(g: DisclosureGuarantee): string {
  switch (g.method) {
    case 'CELL_KEY':
      return `perturbed (Cell Key Method, \`${g.table}\`)`
    case 'EXACT':
      return 'exact by policy'
    case 'SUPPRESSION':
      return `suppression (\`${g.rule}\`, family \`${g.family}\`)`
    case 'NOT_FOR_AGGREGATE_ROLES':
      return 'not visible to public or committee'
  }
}

const noteOf = (g: DisclosureGuarantee) => (g.method === 'EXACT' ? g.reason : (g.note ?? ''))

function tableRows(t: PerturbationTable): string {
  const noises = Array.from({ length: 2 * t.maxDeviation + 1 }, (_, k) => k - t.maxDeviation)
  const head = `| true count | ${noises.map(v => (v > 0 ? `+${v}` : String(v))).join(' | ')} |`
  const rule = `|---|${noises.map(() => '---:').join('|')}|`
  const rows = t.rows.map((r, i) => {
    const label = i === t.rows.length - 1 ? `${r.value} and more` : String(r.value)
    return `| ${label} | ${noises
      .map(v => {
        const k = r.noise.indexOf(v)
        return k < 0 ? '–' : pct(r.probability[k])
      })
      .join(' | ')} |`
  })
  return [head, rule, ...rows].join('\n')
}

/** docs/disclosure.md, written from the departments' stated guarantees (`npm run docs:disclosure`). */
export function renderDisclosureDocs(services: ReadonlyArray<{ name: string; disclosure?: DisclosureDeclarations }>): string {
  const departments = services
    .filter(s => s.disclosure && Object.keys(s.disclosure).length)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(s => {
      const rows = Object.entries(s.disclosure!)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([coordinate, g]) => `| \`${coordinate}\` | ${method(g)} | ${cell(noteOf(g))} |`)
      return `### ${s.name}\n\n| field | public and committee get | what is published |\n|---|---|---|\n${rows.join('\n')}`
    })
  const t = KL_CKM_2
  return `# Disclosure control: what public and committee can learn

<!-- Written by \`npm run docs:disclosure\` from each department's services/<name>/disclosure.ts; edit those, not this file. -->

The city's statistics rule (Statistikgeheimnis, GDPR) is not "hide the small cell in this table" but "no one
can learn it" — from one answer or from all answers together. Roles with \`aggregateOnly\` (\`public\`, anyone
without a token, and \`committee\`) get every count about persons through disclosure control; \`leadership\`,
\`controlling\` and department staff get exact figures. Each count field states its guarantee below, and the
subgraph refuses to start when a count field has none.

## The Cell Key Method

Counts that come from records (person-years of the register, asylum allocations, Eingliederungshilfe cases,
pupils) are perturbed with the Cell Key Method, the method of the German statistical offices for the 2022
census:

1. Every record carries a **record key**, a random number fixed for the life of the record (kept on update;
   deterministic in the demo data). Where a table stores finest cells instead of records (a population stock
   row is "n persons of this age, sex and nationality in this district"), the row carries the key of its
   records.
2. A published cell's **cell key** is the sum of its records' keys modulo 1. It is computed in the same SQL
   statement as the count. The same set of records always has the same cell key — whichever field, argument,
   grouping or filter produced the cell.
3. The **perturbation table** \`${t.id}\` maps (true count, cell key) to a small noise; the published value is
   count + noise, with \`status: PERTURBED\`.

Asking again, or asking for the same people through another field, gives the same value: repetition and
averaging learn nothing. Two overlapping cells have independent-looking noises, so subtracting them gives the
difference of the true values plus up to ±${2 * t.maxDeviation} of noise, not the hidden value.

### Parameters of \`${t.id}\`

- maximum deviation ${t.maxDeviation}: a published value is never more than ${t.maxDeviation} away from the truth;
- variance ${t.variance} for every count from 2 on, and no bias (mean noise 0);
- **a true zero is published as 0**, and no other count is ever published as 0: a 0 means nobody;
- a true 1 is published as 1, 2 or 3 (mean noise +${t.meanForOne}): it cannot move down without becoming a false zero;
- no count of 1 or 2 is ever shown unperturbed with certainty: a published 1, 2 or 3 can stand for several true counts.

Probability of each noise:

${tableRows(t)}

### Why parts may not add up

Every cell gets its own noise, so the published parts of a table (districts, age bands, months) usually do not
add up to the published total, and a total can differ from the sum of its parts by a few persons. Totals that
are exact by policy (the population of the city and its districts on the main-residence basis, the official
population) stay exact; their parts are perturbed. Shares and means shown next to perturbed counts are
computed from the perturbed counts, so that no exact count can be worked back from them.

## Published groupings

Where an argument would let one build many overlapping cells that differ by the same few persons (a free age
range \`[a..x]\` minus \`[a..x−1]\` for every \`a\`; a list filter with and without one member), the noises of
many differences would average out. For \`public\` and \`committee\` such arguments only accept the published
groupings (for example one band of an age scheme, one route or all routes); anything else is answered with
\`AGGREGATE_NOT_PUBLISHED\` (the field is null, the rest of the answer intact). The notes below name them per
field. Exact roles may ask for any grouping.

## Totals a department enters

Figures a department enters as totals, with no records behind them, keep primary and secondary suppression
(\`KL-STAT-2\`: counts of 1 and 2 and one more cell where needed are \`SECRET\`). Which cells are hidden is
decided over the whole family of cells the field can publish — every argument value — not per answer, so a
cell's status never depends on which arguments a request used. An LP audit in the test suite checks that every
hidden cell's range, given everything published, stays wide.

## How this is tested

An attacker in the test suite (\`test/disclosure/\`) asks, as \`public\` and as \`committee\`, overlapping ranges,
top-N lists for N and N + 1, list filters with and without each member, districts against the city, months
against quarters and years, and repeated questions; then it combines every answer (linear programming over
all published cells with their noise bounds, and least-squares estimates) and compares with the exact values
an exact role sees. It must not pin any protected count to one value.

## Fields

${departments.join('\n\n')}
`
}
