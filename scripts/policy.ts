import { readFileSync } from 'node:fs'
import { runPolicyCli } from '../auth/policy/store/policy-cli.js'
import { fieldOwners, readRequirements } from '../auth/policy/requirements.js'
import { createCoordinateClassifier } from '../gateway/authorize/classify-coordinates.js'
import { SUPERGRAPH_PATH } from '../schema/supergraph-file.js'
import { loadServices } from '../lib/service/discover-services.js'

// Permissions as code, on DATABASE_URL:
//   npm run policy -- roles | export [--file policy.json] | import --file policy.json [--expected-version N] | verify-audit | checkpoint
// Audit keys from the environment: AUDIT_VERIFY_KEY (verify-audit), AUDIT_SIGNING_KEY (checkpoint; imports are signed with it).
// Imports are checked against the committed supergraph: unknown coordinates and personal/special
// data for the public role are refused, row rules must name a type and column a department declares
// (services/<department>/row-rules.ts), and nothing is written unless all of it is valid.
const sdl = readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8')
const graph = { requirements: readRequirements(sdl), owners: fieldOwners(sdl) }
const rowRuleTargets = async () =>
  (await loadServices()).flatMap(s =>
    Object.entries(s.rowRules ?? {}).map(([coordinate, t]) => ({
      department: s.name,
      coordinate,
      field: t.field,
      columns: Object.keys(t.columns).sort(),
    })),
  )
process.exitCode = await runPolicyCli(process.argv.slice(2), process.env, {
  classify: createCoordinateClassifier(() => graph),
  rowRuleTargets,
})
